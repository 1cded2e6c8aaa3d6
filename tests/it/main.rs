mod abbrev;
