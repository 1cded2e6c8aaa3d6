"""vntext from Python against underthesea and pyvi, on the same text in the same run.

    python python/benchmarks/bench.py FILE [--max-bytes 1000000] [--min-seconds 2]

Each function is called once per non-blank line (as a user streaming a file would); vntext's
``*_batch`` forms are timed too, with the whole list in one call. Before timing, each function
runs on the first 200 lines (models load lazily). A pass is repeated until --min-seconds have
passed; the best pass counts. MB/s = UTF-8 bytes of the lines (newline included) / 1e6 / s.
Peers that are not installed are skipped with a message.
"""

import argparse
import importlib
import sys
import time


def load_lines(path, max_bytes):
    lines, total = [], 0
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        lines.append(line)
        total += len(line.encode("utf-8")) + 1
        if total >= max_bytes:
            break
    return lines, total


def time_it(f, lines, per_line, min_seconds):
    warm = lines[:200]
    if per_line:
        for l in warm:
            f(l)
    else:
        f(warm)
    best, spent = float("inf"), 0.0
    while spent < min_seconds:
        t0 = time.perf_counter()
        if per_line:
            for l in lines:
                f(l)
        else:
            f(lines)
        dt = time.perf_counter() - t0
        best, spent = min(best, dt), spent + dt
    return best


def candidates():
    import vntext

    yield "words", "vntext.word_tokenize", lambda: vntext.word_tokenize, True
    yield "words", "vntext.word_tokenize_batch", lambda: vntext.word_tokenize_batch, False
    yield "words", "underthesea.word_tokenize", lambda: importlib.import_module("underthesea").word_tokenize, True
    yield "words", "pyvi.ViTokenizer.tokenize", lambda: importlib.import_module("pyvi.ViTokenizer").tokenize, True
    yield "sentences", "vntext.sent_tokenize", lambda: vntext.sent_tokenize, True
    yield "sentences", "underthesea.sent_tokenize", lambda: importlib.import_module("underthesea").sent_tokenize, True
    yield "normalize", "vntext.text_normalize", lambda: vntext.text_normalize, True
    yield "normalize", "underthesea.text_normalize", lambda: importlib.import_module("underthesea").text_normalize, True
    yield "ner", "vntext.ner", lambda: vntext.ner, True
    yield "ner", "vntext.ner_batch", lambda: vntext.ner_batch, False
    yield "ner", "underthesea.ner", lambda: importlib.import_module("underthesea").ner, True


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--max-bytes", type=int, default=1_000_000)
    ap.add_argument("--min-seconds", type=float, default=2.0)
    ap.add_argument("--only", default="", help="comma-separated tasks (words,sentences,normalize,ner)")
    args = ap.parse_args(argv)
    lines, total = load_lines(args.file, args.max_bytes)
    only = set(filter(None, args.only.split(",")))
    print(f"{len(lines)} lines, {total} bytes, Python {sys.version.split()[0]}")
    print("| task | function | MB/s | times each peer |")
    print("|---|---|---|---|")
    results = {}
    for task, name, get, per_line in candidates():
        if only and task not in only:
            continue
        try:
            f = get()
        except ImportError as e:
            print(f"skipped {name}: {e}", file=sys.stderr)
            continue
        seconds = time_it(f, lines, per_line, args.min_seconds)
        results.setdefault(task, []).append((name, total / 1e6 / seconds))
    for task, rows in results.items():
        peers = [(name, mbs) for name, mbs in rows if not name.startswith("vntext")]
        for name, mbs in rows:
            ratio = ""
            if name.startswith("vntext"):
                ratio = ", ".join(f"{mbs / p:,.0f}× {pname.split('.')[0]}" for pname, p in peers)
            print(f"| {task} | `{name}` | {mbs:,.3f} | {ratio} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
