mod ner;
