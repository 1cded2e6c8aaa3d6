//! Engines are `Send + Sync`, and sharing one between threads gives the results of one thread.

use vntext::{Normalizer, Token, Tokenizer};

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn engines_are_send_and_sync() {
    assert_send_sync::<Tokenizer>();
    assert_send_sync::<Normalizer>();
    assert_send_sync::<vntext::OffsetMap>();
    assert_send_sync::<vntext::Normalized>();
    assert_send_sync::<Token<'static>>();
    assert_send_sync::<vntext::Tokens<'static, 'static>>();
    assert_send_sync::<vntext::Sentences<'static, 'static>>();
    assert_send_sync::<vntext::Error>();
    assert_send_sync::<vntext::Abbreviations>();
    assert_send_sync::<vntext::Recognizer>();
    assert_send_sync::<vntext::Gazetteer>();
    assert_send_sync::<vntext::WordSegmenter>();
}

fn corpus() -> Vec<String> {
    let base = include_str!("../../examples/data/sample.txt");
    (0..64).map(|i| format!("{i}. {base}").replace("2024", &(2000 + i).to_string())).collect()
}

type Output =
    (Vec<(usize, usize, &'static str)>, String, String, Vec<(usize, usize, String)>, Vec<(usize, usize)>);

fn run(tokenizer: &Tokenizer, normalizer: &Normalizer, doc: &str) -> Output {
    let tokens = tokenizer.tokenize(doc).map(|t| (t.span().start, t.span().end, t.kind().as_str())).collect();
    let expanded = vntext::Abbreviations::builtin().expand(doc).into_string();
    let entities = vntext::Recognizer::builtin()
        .recognize(doc)
        .into_iter()
        .map(|e| (e.span.start, e.span.end, format!("{:?}", e.kind)))
        .collect();
    let words = vntext::WordSegmenter::builtin()
        .segment(doc)
        .iter()
        .map(|w| (w.span().start, w.span().end))
        .collect();
    (tokens, normalizer.normalize(doc).into_owned(), expanded, entities, words)
}

#[test]
fn shared_engines_give_the_same_results_on_several_threads() {
    let tokenizer = Tokenizer::new();
    let normalizer = Normalizer::new();
    let docs = corpus();
    let single: Vec<_> = docs.iter().map(|d| run(&tokenizer, &normalizer, d)).collect();
    let parallel: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|t| {
                let (tokenizer, normalizer, docs) = (&tokenizer, &normalizer, &docs);
                s.spawn(move || {
                    docs.iter()
                        .enumerate()
                        .skip(t)
                        .step_by(4)
                        .map(|(i, d)| (i, run(tokenizer, normalizer, d)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut all: Vec<_> = handles.into_iter().flat_map(|h| h.join().expect("thread")).collect();
        all.sort_by_key(|(i, _)| *i);
        all.into_iter().map(|(_, r)| r).collect()
    });
    assert_eq!(single, parallel);
}
