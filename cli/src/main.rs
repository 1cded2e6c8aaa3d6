//! `vntext`: Vietnamese text analysis from the command line, on the `vntext` library's public
//! API. `vntext COMMAND --help` describes each command; `vntext --help` lists them.
//!
//! Every command reads a file, or standard input when given none or `-`, and on bad input
//! (a missing file, text that is not UTF-8, a bad option) prints one line on standard error
//! and exits non-zero: never a panic.

#![forbid(unsafe_code)]

mod commands;
mod gold;
mod input;
mod stages;

use std::process::ExitCode;

/// One subcommand: its name, a one-line summary, its help text and its entry point.
struct Command {
    name: &'static str,
    summary: &'static str,
    help: &'static str,
    run: fn(Vec<String>) -> ExitCode,
}

const COMMANDS: &[Command] = &[
    Command {
        name: "analyze",
        summary: "the whole pipeline over files, directories or stdin: a summary or JSON Lines",
        help: commands::analyze::HELP,
        run: commands::analyze::run,
    },
    Command {
        name: "tokenize",
        summary: "one token per line: START<TAB>END<TAB>KIND<TAB>TEXT",
        help: commands::tokenize::HELP,
        run: commands::tokenize::run,
    },
    Command {
        name: "sentences",
        summary: "one sentence per line: START<TAB>END<TAB>TEXT",
        help: commands::sentences::HELP,
        run: commands::sentences::run,
    },
    Command {
        name: "normalize",
        summary: "the normalized (or folded) text",
        help: commands::normalize::HELP,
        run: commands::normalize::run,
    },
    Command {
        name: "segment",
        summary: "word segmentation (`_` joins syllables); --eval scores against a gold file",
        help: commands::segment::HELP,
        run: commands::segment::run,
    },
    Command {
        name: "ner",
        summary: "one named entity per line: START<TAB>END<TAB>KIND<TAB>TEXT<TAB>RECORD",
        help: commands::ner::HELP,
        run: commands::ner::run,
    },
    Command {
        name: "ner-conll",
        summary: "tags a CoNLL file and scores it against its own tags",
        help: commands::ner_conll::HELP,
        run: commands::ner_conll::run,
    },
    Command {
        name: "expand",
        summary: "the text with its abbreviations expanded, or one match per line",
        help: commands::expand::HELP,
        run: commands::expand::run,
    },
    Command {
        name: "throughput",
        summary: "the throughput of every stage on one file",
        help: commands::throughput::HELP,
        run: commands::throughput::run,
    },
    Command {
        name: "train-segmenter",
        summary: "trains a word segmentation model",
        help: commands::train_segmenter::HELP,
        run: commands::train_segmenter::run,
    },
    Command {
        name: "train-ner",
        summary: "trains a named-entity tagger from CoNLL files",
        help: commands::train_ner::HELP,
        run: commands::train_ner::run,
    },
];

fn usage() -> String {
    let mut s = String::from(
        "vntext: Vietnamese text analysis\n\nusage: vntext COMMAND [ARGS...]   (vntext COMMAND --help for its options)\n\ncommands:\n",
    );
    for c in COMMANDS {
        s.push_str(&format!("  {:<16} {}\n", c.name, c.summary));
    }
    s.push_str(
        "\nEach command reads a FILE, or standard input when given none or `-`. Output goes to\nstandard output; errors are one line on standard error and a non-zero exit.\n",
    );
    s
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(name) = args.next() else {
        eprint!("{}", usage());
        return ExitCode::from(2);
    };
    match name.as_str() {
        "-h" | "--help" | "help" => {
            print!("{}", usage());
            return ExitCode::SUCCESS;
        }
        "-V" | "--version" => {
            println!("vntext {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let Some(command) = COMMANDS.iter().find(|c| c.name == name) else {
        let hint = COMMANDS
            .iter()
            .find(|c| c.name.replace('-', "_") == name)
            .map_or(String::new(), |c| format!(" (did you mean `{}`?)", c.name));
        eprintln!("vntext: unknown command {name:?}{hint}; `vntext --help` lists the commands");
        return ExitCode::from(2);
    };
    let rest: Vec<String> = args.collect();
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        print!("{}", command.help);
        return ExitCode::SUCCESS;
    }
    (command.run)(rest)
}
