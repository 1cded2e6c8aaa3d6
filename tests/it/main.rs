//! Integration tests, one module per stage.

mod ner_eval_data;
