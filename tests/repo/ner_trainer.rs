//! The NER trainer on the repository's evaluation set (not in the package).

/// The NER trainer's plumbing end to end on the development set (a fit of the training
/// data, not a held-out figure): CoNLL in, a model out, and the model reproduces most of
/// the entities it was trained on.
#[test]
fn ner_trainer_fits_the_development_set() {
    let sentences = vntext::read_conll(&crate::repo_file("tests/data/ner_eval.conll"));
    let mut trainer = vntext::NerTrainer::new();
    trainer.hash_bits(16).epochs(8).runs(1);
    for s in &sentences {
        trainer.add_sentence(&s.tokens, &s.tags).unwrap();
    }
    let tagger = vntext::NerTagger::from_model_bytes(&trainer.train().unwrap()).unwrap();
    let mut worker = tagger.worker();
    let mut scores = vntext::NerScores::default();
    for s in &sentences {
        let predicted: Vec<String> = worker.tag(&s.tokens).map(str::to_owned).collect();
        assert_eq!(predicted.len(), s.tokens.len());
        scores.add(&s.tags, &predicted);
    }
    let f1 = scores.total().f1();
    assert!(f1 > 0.8, "training-set F1 {f1:.3}");
}
