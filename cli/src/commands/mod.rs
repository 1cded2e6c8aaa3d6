//! One module per subcommand, each with its `HELP` text and `run(args)` (the arguments after
//! the command's name).

pub mod analyze;
pub mod expand;
pub mod ner;
pub mod ner_conll;
pub mod normalize;
pub mod segment;
pub mod sentences;
pub mod throughput;
pub mod tokenize;
pub mod train_ner;
pub mod train_segmenter;
