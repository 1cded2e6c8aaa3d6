#!/usr/bin/env python3
"""The NER corpus's tool: checks annotations, writes the CoNLL files, measures agreement.

Layout (see corpus/ner/README.md):
  raw/BATCH.txt    `# doc ID` lines, then `SENTENCE_ID<TAB>TEXT` lines
  ann/BATCH.tsv    the annotation: `SENTENCE_ID<TAB>TYPE<TAB>SURFACE[<TAB>@N]`, or `SENTENCE_ID<TAB>-`
                   for a sentence read and found to have no entity; `#` lines are notes
  ann2/BATCH.tsv   a second, independent annotation of some batches (same format)
  conll/SPLIT.conll  written by `conll` from raw/ and ann/

Entities of a sentence are listed in the order they occur; each SURFACE is looked for after the end
of the sentence's previous entity, so a repeated name is simply listed again. `@N` (1-based) picks the
N-th occurrence in the whole sentence instead.

Commands:
  check [BATCH...]   every annotation line parses, each surface is found, mentions do not overlap and
                     start and end on vntext token boundaries; prints problems, exits 1 if any
  conll              writes conll/{train,dev,test}.conll (only sentences that ann/ covers)
  agree              entity F1 between ann/ and ann2/ on the sentences both cover, per type
  stats              sentences, tokens and entities per split and type
  show BATCH [FOLDER]  each annotated sentence with its mentions in brackets, [TYPE text]
  consistency [BATCH...]
                     for every name tagged somewhere, the places where the same text is left
                     untagged or tagged with a type it has in under half of its mentions, to review
                     against the guidelines (a list of places to look, not of errors); only the
                     given batches' sentences when batches are named
"""
import collections
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(CORPUS))
TYPES = ("PER", "LOC", "ORG", "MISC")
SPLITS = {"te": "test", "dv": "dev", "tr": "train"}


class Problem(Exception):
    pass


def read_raw(batch):
    """[(doc_id, [(sentence_id, text)])] in file order."""
    docs = []
    with open(os.path.join(CORPUS, "raw", batch + ".txt"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("# doc "):
                docs.append((line[6:], []))
            elif line:
                sid, text = line.split("\t", 1)
                docs[-1][1].append((sid, text))
    return docs


def read_ann(path):
    """{sentence_id: [(type, surface, occurrence or None, line_no)]}, ids in file order."""
    out = collections.OrderedDict()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) == 2 and cols[1] == "-":
                out.setdefault(cols[0], [])
                continue
            if len(cols) not in (3, 4) or cols[1] not in TYPES or not cols[2].strip():
                raise Problem(f"{path}:{n}: expected ID<TAB>TYPE<TAB>SURFACE[<TAB>@N] or ID<TAB>-, got {line!r}")
            occ = None
            if len(cols) == 4:
                if not cols[3].startswith("@") or not cols[3][1:].isdigit():
                    raise Problem(f"{path}:{n}: the fourth column is @N, got {cols[3]!r}")
                occ = int(cols[3][1:])
            out.setdefault(cols[0], []).append((cols[1], cols[2], occ, n))
    return out


def locate(text, entities, where):
    """Character spans [(start, end, type)] of a sentence's entities."""
    spans, pos = [], 0
    for typ, surface, occ, n in entities:
        if occ is None:
            start = text.find(surface, pos)
        else:
            start = -1
            for _ in range(occ):
                start = text.find(surface, start + 1)
                if start < 0:
                    break
        if start < 0:
            raise Problem(f"{where}:{n}: {surface!r} not found" + (" after the previous entity" if occ is None else f" (occurrence {occ})"))
        end = start + len(surface)
        for s, e, _ in spans:
            if start < e and s < end:
                raise Problem(f"{where}:{n}: {surface!r} overlaps another entity")
        spans.append((start, end, typ))
        pos = end
    return sorted(spans)


def tokenize_all(texts):
    """vntext tokens of each text: lists of (char_start, char_end, token)."""
    binary = os.environ.get("VNTEXT_BIN") or os.path.join(ROOT, "target", "release", "vntext")
    if not os.path.exists(binary):
        sys.exit(f"{binary} is missing: run `cargo build --release -p vntext-cli` first (or set VNTEXT_BIN)")
    for t in texts:
        if "\n" in t:
            raise Problem(f"a sentence holds a line break: {t!r}")
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", delete=False, suffix=".txt") as f:
        f.write("\n".join(texts))
        path = f.name
    try:
        out = subprocess.run([binary, "tokenize", path], capture_output=True, check=True).stdout.decode("utf-8")
    finally:
        os.unlink(path)
    data = "\n".join(texts).encode("utf-8")
    line_starts, p = [], 0
    for t in texts:
        line_starts.append(p)
        p += len(t.encode("utf-8")) + 1
    import bisect
    result = [[] for _ in texts]
    for row in out.splitlines():
        s, e, kind, tok = row.split("\t", 3)
        s, e = int(s), int(e)
        if kind == "whitespace":
            continue
        k = bisect.bisect_right(line_starts, s) - 1
        base = line_starts[k]
        cs = len(data[base:s].decode("utf-8"))
        ce = cs + len(data[s:e].decode("utf-8"))
        result[k].append((cs, ce, texts[k][cs:ce]))
    return result


def batches():
    names = sorted(n[:-4] for n in os.listdir(os.path.join(CORPUS, "raw")) if n.endswith(".txt"))
    order = {"te": 0, "dv": 1, "tr": 2}
    return sorted(names, key=lambda b: (order[b[:2]], b))


def load(batch, folder="ann"):
    """[(doc_id, sentence_id, text, spans)] for the sentences `folder` annotates (spans checked)."""
    path = os.path.join(CORPUS, folder, batch + ".tsv")
    if not os.path.exists(path):
        return []
    ann = read_ann(path)
    docs = read_raw(batch)
    known = {sid for _, ss in docs for sid, _ in ss}
    for sid in ann:
        if sid not in known:
            raise Problem(f"{path}: sentence {sid} is not in raw/{batch}.txt")
    out = []
    for doc_id, ss in docs:
        for sid, text in ss:
            if sid in ann:
                out.append((doc_id, sid, text, locate(text, ann[sid], path)))
    return out


def check_boundaries(rows, where):
    problems = []
    toks = tokenize_all([r[2] for r in rows])
    for (doc, sid, text, spans), tk in zip(rows, toks):
        starts = {s for s, _, _ in tk}
        ends = {e for _, e, _ in tk}
        for s, e, typ in spans:
            if s not in starts or e not in ends:
                inside = [t for ts, te, t in tk if ts < e and s < te]
                problems.append(f"{where}: {sid}: {typ} {text[s:e]!r} does not start and end on token boundaries (tokens: {inside})")
    return problems, toks


def cmd_check(names):
    problems, count = [], 0
    for b in names or batches():
        for folder in ("ann", "ann2"):
            path = os.path.join(CORPUS, folder, b + ".tsv")
            if not os.path.exists(path):
                continue
            try:
                rows = load(b, folder)
            except Problem as p:
                problems.append(str(p))
                continue
            count += len(rows)
            problems += check_boundaries(rows, path)[0]
    for p in problems:
        print(p)
    print(f"{count} annotated sentences checked, {len(problems)} problems")
    return 1 if problems else 0


def bio(tokens, spans):
    tags = []
    for s, e, _ in tokens:
        tag = "O"
        for es, ee, typ in spans:
            if es <= s and e <= ee:
                tag = ("B-" if s == es else "I-") + typ
        tags.append(tag)
    return tags


def cmd_conll():
    per_split = collections.defaultdict(list)
    for b in batches():
        rows = load(b)
        if not rows:
            continue
        problems, toks = check_boundaries(rows, b)
        if problems:
            for p in problems:
                print(p)
            return 1
        per_split[SPLITS[b[:2]]].append((rows, toks))
    os.makedirs(os.path.join(CORPUS, "conll"), exist_ok=True)
    for split in ("train", "dev", "test"):
        with open(os.path.join(CORPUS, "conll", split + ".conll"), "w", encoding="utf-8") as f:
            last_doc = None
            for rows, toks in per_split.get(split, []):
                for (doc, sid, text, spans), tk in zip(rows, toks):
                    if doc != last_doc:
                        f.write(f"-DOCSTART-\t{doc}\n\n")
                        last_doc = doc
                    f.write(f"# id = {sid}\n")
                    for (s, e, t), tag in zip(tk, bio(tk, spans)):
                        f.write(f"{t}\t{tag}\n")
                    f.write("\n")
    return cmd_stats()


def cmd_stats():
    for split in ("test", "dev", "train"):
        sents = docs = 0
        kinds = collections.Counter()
        for b in batches():
            if SPLITS[b[:2]] != split:
                continue
            rows = load(b)
            sents += len(rows)
            docs += len({r[0] for r in rows})
            for r in rows:
                kinds.update(t for _, _, t in r[3])
        total = sum(kinds.values())
        print(f"{split}: {docs} documents, {sents} sentences, {total} entities " + " ".join(f"{t} {kinds[t]}" for t in TYPES))
    return 0


def cmd_agree():
    tp, fa, fb = collections.Counter(), collections.Counter(), collections.Counter()
    sentences = 0
    diffs = []
    for b in batches():
        if not os.path.exists(os.path.join(CORPUS, "ann2", b + ".tsv")):
            continue
        a = {r[1]: r for r in load(b, "ann")}
        c = {r[1]: r for r in load(b, "ann2")}
        for sid in a.keys() & c.keys():
            sentences += 1
            sa, sc = set(a[sid][3]), set(c[sid][3])
            for s, e, t in sa & sc:
                tp[t] += 1
            for s, e, t in sa - sc:
                fa[t] += 1
                diffs.append(f"{sid}\tonly ann \t{t}\t{a[sid][2][s:e]}")
            for s, e, t in sc - sa:
                fb[t] += 1
                diffs.append(f"{sid}\tonly ann2\t{t}\t{c[sid][2][s:e]}")
    print(f"{sentences} sentences annotated twice")
    for t in TYPES + ("all",):
        if t == "all":
            x, y, z = sum(tp.values()), sum(fa.values()), sum(fb.values())
        else:
            x, y, z = tp[t], fa[t], fb[t]
        f1 = 2 * x / (2 * x + y + z) if x + y + z else 0.0
        print(f"{t}\tagreed {x}\tonly ann {y}\tonly ann2 {z}\tF1 {100 * f1:.2f}")
    if "-v" in sys.argv:
        print("\n".join(sorted(diffs)))
    return 0


def cmd_consistency(names):
    import re

    rows = [(b, r) for b in batches() for r in load(b)]
    tagged = collections.defaultdict(collections.Counter)
    longest = 1
    for b, (doc, sid, text, spans) in rows:
        for s, e, t in spans:
            tagged[text[s:e]][t] += 1
            longest = max(longest, len(text[s:e].split()))
    report = collections.defaultdict(list)
    for b, (doc, sid, text, spans) in rows:
        if names and b not in names:
            continue
        types = {(s, e): t for s, e, t in spans}
        covered = [(s, e) for s, e, _ in spans]
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
        taken = []
        # Candidate names: runs of whitespace-separated words, punctuation trimmed at the ends,
        # longest first, so that a longer name's occurrence is not reported as its parts'.
        for n in range(min(longest, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                s, e = words[i][0], words[i + n - 1][1]
                while s < e and not text[s].isalnum():
                    s += 1
                while e > s and not text[e - 1].isalnum() and text[e - 1] != ".":
                    e -= 1
                name = text[s:e]
                if name not in tagged or any(ss < e and s < ee for ss, ee in taken):
                    continue
                t = types.get((s, e))
                if t is None and any(ss < e and s < ee for ss, ee in covered):
                    continue
                taken.append((s, e))
                counts = tagged[name]
                if t is None:
                    # A capitalised word opening a sentence is mostly not a name.
                    if n > 1 or s > 0:
                        report[name].append(f"{sid}\tuntagged (elsewhere {dict(counts)})\t{text}")
                elif 2 * counts[t] < sum(counts.values()):
                    report[name].append(f"{sid}\t{t}, a minority type (elsewhere {dict(counts)})\t{text}")
    for name in sorted(report, key=lambda n: -len(report[n])):
        print(f"## {name}")
        for line in report[name][:12]:
            print(line)
        if len(report[name]) > 12:
            print(f"... {len(report[name]) - 12} more")
    return 0


def cmd_show(batch, folder="ann"):
    for doc, sid, text, spans in load(batch, folder):
        out, pos = [], 0
        for s, e, t in spans:
            out.append(text[pos:s])
            out.append(f"[{t} {text[s:e]}]")
            pos = e
        out.append(text[pos:])
        print(f"{sid}\t{''.join(out)}")
    return 0


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("check", "conll", "agree", "stats", "consistency", "show"):
        print(__doc__)
        return 2
    try:
        return {"check": lambda: cmd_check(sys.argv[2:]), "conll": cmd_conll, "agree": cmd_agree, "stats": cmd_stats, "consistency": lambda: cmd_consistency(sys.argv[2:]), "show": lambda: cmd_show(*sys.argv[2:4])}[sys.argv[1]]()
    except Problem as p:
        print(p)
        return 1


if __name__ == "__main__":
    sys.exit(main())
