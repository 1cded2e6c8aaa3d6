//! Format checks for the hand-annotated NER evaluation set in `tests/data/`.
//!
//! The set is read by the recognizer's evaluation (`vntext ner-conll`) and by a test that
//! holds its F1; these checks make sure the file itself stays well-formed when it is edited.

const TYPES: [&str; 5] = ["PER", "LOC", "ORG", "DATE", "TIME"];
const MIN_SENTENCES: usize = 300;

fn data_file(name: &str) -> String {
    crate::repo_file(&format!("tests/data/{name}"))
}

/// One annotated sentence: `(line number, token, tag)` triples.
type Sentence<'a> = Vec<(usize, &'a str, &'a str)>;

/// Splits the two-column file into sentences, checking the line format on the way.
fn parse_conll(text: &str) -> Vec<Sentence<'_>> {
    assert!(text.ends_with('\n'), "ner_eval.conll must end with a newline");
    assert!(!text.contains('\r'), "ner_eval.conll must use LF line ends");
    let mut sentences = Vec::new();
    let mut current: Sentence = Vec::new();
    let mut previous_blank = true;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.is_empty() {
            assert!(!previous_blank, "line {line_no}: blank line at start or two blank lines in a row");
            sentences.push(std::mem::take(&mut current));
            previous_blank = true;
            continue;
        }
        previous_blank = false;
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 2, "line {line_no}: want TOKEN<TAB>TAG, got {line:?}");
        let (token, tag) = (fields[0], fields[1]);
        assert!(!token.is_empty(), "line {line_no}: empty token");
        assert!(!token.chars().any(char::is_whitespace), "line {line_no}: whitespace inside token {token:?}");
        current.push((line_no, token, tag));
    }
    assert!(!previous_blank || current.is_empty(), "file ends with a blank line");
    if !current.is_empty() {
        sentences.push(current);
    }
    sentences
}

/// The entity type of a `B-`/`I-` tag, or `None` for `O`; panics on anything else.
fn split_tag(line_no: usize, tag: &str) -> Option<(bool, &str)> {
    if tag == "O" {
        return None;
    }
    let (begin, kind) = match (tag.strip_prefix("B-"), tag.strip_prefix("I-")) {
        (Some(kind), _) => (true, kind),
        (_, Some(kind)) => (false, kind),
        _ => panic!("line {line_no}: tag {tag:?} is neither O nor B-/I-"),
    };
    assert!(TYPES.contains(&kind), "line {line_no}: unknown entity type in {tag:?}");
    Some((begin, kind))
}

#[test]
fn conll_lines_tags_and_bio_order_are_valid() {
    let text = data_file("ner_eval.conll");
    let sentences = parse_conll(&text);
    assert!(sentences.len() >= MIN_SENTENCES, "{} sentences, want at least {MIN_SENTENCES}", sentences.len());
    let mut entities = [0usize; TYPES.len()];
    for sentence in &sentences {
        let mut inside: Option<&str> = None;
        for &(line_no, _, tag) in sentence {
            inside = match split_tag(line_no, tag) {
                None => None,
                Some((true, kind)) => {
                    entities[TYPES.iter().position(|t| *t == kind).unwrap_or_default()] += 1;
                    Some(kind)
                }
                Some((false, kind)) => {
                    assert_eq!(inside, Some(kind), "line {line_no}: {tag} does not continue a {kind} entity");
                    Some(kind)
                }
            };
        }
    }
    // PER, LOC, ORG and DATE are the types the set is built to measure.
    for (kind, count) in TYPES.iter().zip(entities).take(4) {
        assert!(count >= 50, "only {count} {kind} entities");
    }
}

#[test]
fn conll_tokens_are_the_tokenizer_tokens_of_the_joined_sentence() {
    let text = data_file("ner_eval.conll");
    for sentence in parse_conll(&text) {
        let tokens: Vec<&str> = sentence.iter().map(|&(_, token, _)| token).collect();
        let joined = tokens.join(" ");
        let retokenized: Vec<&str> = vntext::tokenize(&joined).map(|t| t.as_str()).collect();
        assert_eq!(retokenized, tokens, "sentence starting at line {}", sentence[0].0);
    }
}

#[test]
fn conll_text_is_nfc() {
    let text = data_file("ner_eval.conll");
    assert!(unicode_normalization::is_nfc(&text), "ner_eval.conll is not in NFC");
}

#[test]
fn sources_have_one_row_per_sentence() {
    let sentences = parse_conll(&data_file("ner_eval.conll")).len();
    let sources = data_file("ner_eval.sources.tsv");
    let mut lines = sources.lines();
    assert_eq!(lines.next(), Some("sentence\tsource\tlicence"), "header row");
    let mut rows = 0;
    for (i, line) in lines.enumerate() {
        let line_no = i + 2;
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "sources line {line_no}: want 3 fields, got {line:?}");
        assert_eq!(fields[0].parse::<usize>().ok(), Some(i + 1), "sources line {line_no}: sentence number");
        assert!(
            fields[1].starts_with("news-sample/")
                || fields[1].starts_with("viwiki/")
                || fields[1].starts_with("laws/corpus/"),
            "sources line {line_no}: unknown source {:?}",
            fields[1]
        );
        assert!(!fields[2].is_empty(), "sources line {line_no}: no licence");
        rows += 1;
    }
    assert_eq!(rows, sentences, "one sources row per sentence");
}
