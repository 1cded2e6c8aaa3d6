//! Instruction counts of `Recognizer::recognize` (see BENCHMARKS.md): `ner_prof FILE [builtin|rules]`
//! repeats FILE to 1 MiB as `benches/ner.rs` does and calls `recognize` once in `measured`
//! (for `valgrind --toggle-collect=ner_prof::measured`); `ner_prof FILE lines` calls it once
//! per non-blank line in `measured_lines`, as `vntext throughput` does; `ner_prof dump OUT FILE...` writes
//! every entity of each file (rules only, built-in, dated with a name of ones own), to
//! compare two builds.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args[1] == "dump" {
        // dump OUT FILE...: every entity of each file, rules only and built-in.
        use std::io::Write;
        let mut out = std::io::BufWriter::new(std::fs::File::create(&args[2]).unwrap());
        let rules = vntext::Recognizer::builder().rules_only().build();
        let builtin = vntext::Recognizer::new();
        let dated = vntext::Recognizer::builder()
            .document_date(2025, 8, 1)
            .entity("Thủy điện Đồng Nai 3", vntext::EntityKind::Location)
            .build();
        for f in &args[3..] {
            let text = std::fs::read_to_string(f).unwrap();
            for (name, r) in [("rules", &rules), ("builtin", &builtin), ("dated", &dated)] {
                writeln!(out, "== {f} {name}").unwrap();
                for e in r.recognize(&text) {
                    writeln!(out, "{e:?}").unwrap();
                }
            }
        }
        return;
    }
    let base = std::fs::read_to_string(&args[1]).unwrap();
    let mut text = String::new();
    while text.len() < 1 << 20 {
        text.push_str(&base);
        text.push('\n');
    }
    let mut cut = 1 << 20;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    let text = text.as_str();
    let mode = args.get(2).map(String::as_str).unwrap_or("builtin");
    let r = match mode {
        "rules" => vntext::Recognizer::builder().rules_only().build(),
        _ => vntext::Recognizer::new(),
    };
    r.recognize(&text[..text.len().min(200_000)]);
    if mode == "tok" {
        println!("{}", vntext::tokenize(text).count());
        return;
    }
    if mode == "none" {
        return;
    }
    if mode == "lines" {
        // One call per line, as `vntext throughput` calls it.
        let n = measured_lines(&r, text);
        println!("{n} entities in {} bytes, one call per line", text.len());
        return;
    }
    let e = measured(&r, text);
    println!("{} entities in {} bytes", e.len(), text.len());
}

#[inline(never)]
fn measured_lines(r: &vntext::Recognizer, text: &str) -> usize {
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| r.recognize(std::hint::black_box(l)).len()).sum()
}

#[inline(never)]
fn measured<'h>(r: &vntext::Recognizer, text: &'h str) -> Vec<vntext::Entity<'h>> {
    r.recognize(std::hint::black_box(text))
}
