//! Prints the normalized text.
//!
//! `vntext normalize [--tone old|new|keep] [--fold] FILE`
//!
//! `--tone` picks where tone marks go in `oa`, `oe`, `uy` (`old`: `hòa`, the default;
//! `new`: `hoà`; `keep`: as written); `--fold` also removes diacritics.

/// `vntext normalize --help`.
pub const HELP: &str = "Prints the normalized text.

usage: vntext normalize [--tone old|new|keep] [--fold] [FILE]

  --tone   where tone marks go in `oa`, `oe`, `uy`: old (`hòa`, the default), new (`hoà`)
           or keep (as written)
  --fold   also remove diacritics
FILE `-` or none: standard input. A bad option exits with status 2.
";

use std::io::Write;
use std::process::ExitCode;

use vntext::{Normalizer, TonePlacement};

fn usage(msg: &str) -> ExitCode {
    eprintln!("normalize: {msg} (usage: normalize [--tone old|new|keep] [--fold] [FILE])");
    ExitCode::from(2)
}

pub fn run(args: Vec<String>) -> ExitCode {
    let mut tone = TonePlacement::Old;
    let mut fold = false;
    let mut path = None;
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--tone" => {
                tone = match args.next().as_deref() {
                    Some("old") => TonePlacement::Old,
                    Some("new") => TonePlacement::New,
                    Some("keep") => TonePlacement::Keep,
                    other => return usage(&format!("--tone takes old, new or keep, not {other:?}")),
                }
            }
            "--fold" => fold = true,
            s if s.starts_with("--") => return usage(&format!("unknown option {s}")),
            _ if path.is_some() => return usage("more than one FILE"),
            _ => path = Some(a),
        }
    }
    let text = match crate::input::read_text(path.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("normalize: {}: {e}", path.as_deref().unwrap_or("-"));
            return ExitCode::FAILURE;
        }
    };
    let normalized = Normalizer::builder().tone(tone).build().normalize(&text).into_owned();
    let out = if fold { vntext::fold_diacritics(&normalized).into_owned() } else { normalized };
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()).is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
