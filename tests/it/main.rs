//! Integration tests, one module per stage.

mod segment;
