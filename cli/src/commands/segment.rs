//! Word segmentation. Prints one line per input line, the syllables of each word joined by
//! `_` and words separated by spaces (the VLSP convention); a `_` or `\` of the input is
//! written `\_` or `\\` (see `vntext::write_joined`, which every `_` output shares).
//!
//! ```text
//! vntext segment [--model FILE] [FILE]
//! vntext segment [--model FILE] --eval GOLD [--errors]
//! ```
//!
//! With `--eval`, GOLD is a CoNLL-U file or a file in the `_` convention, with or without
//! part-of-speech tags (`họp_báo/V`, VLSP 2013); its raw text is segmented and word precision, recall and F1 are printed (words match by exact span).
//! `--errors` also lists the sentences with a wrong word. `--model` reads a model written by
//! `train_segmenter` instead of the built-in one.

/// `vntext segment --help`.
pub const HELP: &str =
    "Word segmentation. Prints one line per input line, the syllables of each word joined by `_`
and words separated by spaces (the VLSP convention); a `_` or `\\` of the input is written `\\_`
or `\\\\` (see `vntext::write_joined`).

usage: vntext segment [--model FILE] [FILE]
       vntext segment [--model FILE] --eval GOLD [--errors]

  --eval GOLD   GOLD is a CoNLL-U file or a file in the `_` convention, with or without
                part-of-speech tags (`họp_báo/V`, VLSP 2013); its raw text is segmented and word
                precision, recall and F1 are printed (words match by exact span)
  --errors      with --eval, also list the sentences with a wrong word
  --model FILE  a model written by `vntext train-segmenter` instead of the built-in one
FILE `-` or none: standard input.
";

use crate::gold;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use vntext::WordSegmenter;

fn execute(args: Vec<String>) -> Result<(), String> {
    let mut input = None;
    let mut eval = None;
    let mut model = None;
    let mut errors = false;
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--eval" => eval = Some(args.next().ok_or("--eval needs a file")?),
            "--model" => model = Some(args.next().ok_or("--model needs a file")?),
            "--errors" => errors = true,
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ if input.is_none() => input = Some(a),
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    let segmenter = match &model {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
            WordSegmenter::from_model_bytes(&bytes).map_err(|e| format!("{path}: {e}"))?
        }
        None => WordSegmenter::builtin().clone(),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let io = |e: std::io::Error| e.to_string();
    if let Some(path) = eval {
        let src = crate::input::read_text(Some(&path)).map_err(|e| format!("{path}: {e}"))?;
        let sentences = gold::read_gold(&src);
        let score = gold::evaluate(&segmenter, &sentences);
        if errors {
            let mut worker = segmenter.worker();
            for s in &sentences {
                let predicted: Vec<_> = worker.segment(&s.text).map(|w| w.span()).collect();
                if predicted != s.words {
                    let show = |spans: &[vntext::Span]| {
                        spans
                            .iter()
                            .map(|w| s.text[w.range()].replace(' ', "_"))
                            .collect::<Vec<_>>()
                            .join(" ")
                    };
                    writeln!(out, "gold: {}\nours: {}\n", show(&s.words), show(&predicted)).map_err(io)?;
                }
            }
        }
        writeln!(out, "{path}: sentences {} {score}", sentences.len()).map_err(io)?;
    } else {
        let text = crate::input::read_text(input.as_deref())
            .map_err(|e| format!("{}: {e}", input.as_deref().unwrap_or("-")))?;
        let mut worker = segmenter.worker();
        let mut buf = String::new();
        let mut failed = None;
        for line in text.lines() {
            // A line's words go out as they come, a buffer at a time: a text of one long
            // line is segmented a part at a time (`for_each_word`) and never held whole.
            let mut first = true;
            worker.for_each_word(line, |w| {
                if !first {
                    buf.push(' ');
                }
                first = false;
                vntext::write_joined(w.as_str(), &mut buf);
                if buf.len() >= 1 << 16 && failed.is_none() {
                    failed = out.write_all(buf.as_bytes()).err();
                    buf.clear();
                }
            });
            buf.push('\n');
            if let Some(e) = failed.take() {
                return Err(io(e));
            }
            out.write_all(buf.as_bytes()).map_err(io)?;
            buf.clear();
        }
    }
    out.flush().map_err(io)
}

pub fn run(args: Vec<String>) -> ExitCode {
    match execute(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("segment: {e}");
            ExitCode::FAILURE
        }
    }
}
