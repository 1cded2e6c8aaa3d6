#!/usr/bin/env python3
"""Writes train batches of news sentences from UD Vietnamese-VTB (train and dev files only).

UD-VTB's sentences come from Vietnamese newspapers, the kind of text the tagger is used on most
and the least represented in the first batches (mostly Wikipedia). Its test file is a public
evaluation set and is never read.

Deterministic: the sentences in file order (train file, then dev file), each `# text =` line as
written (the treebank puts spaces around punctuation) except that the dev file's bracket words
`LBKT` and `RBKT` are written back as `(` and `)`; sentences of fewer than four words are
dropped, as in prepare.py. The treebank marks no documents, but consecutive sentences mostly come
from one article, so every 10 sentences of a file form a document `ud-vtb-FILE:FIRST-LAST`
(sentence numbers of the file). Batches of 200 sentences are numbered after the last existing
train batch.

Usage: python3 corpus/ner/tools/prepare_ud.py [--shared ../shared] [--files train,dev]
"""
import argparse
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(CORPUS))
BATCH = 200
DOC = 10


def sentences(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# text ="):
                text = line[len("# text ="):].strip()
                out.append(" ".join({"LBKT": "(", "RBKT": ")"}.get(w, w) for w in text.split(" ")))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--files", default="train,dev")
    args = ap.parse_args()
    raw = os.path.join(CORPUS, "raw")
    existing = [int(m.group(1)) for n in os.listdir(raw) if (m := re.fullmatch(r"tr(\d+)\.txt", n))]
    number = max(existing) + 1
    have = set()
    for n in os.listdir(raw):
        with open(os.path.join(raw, n), encoding="utf-8") as f:
            have.update(l.strip() for l in f if l.startswith("# doc ud-vtb"))
    docs = []
    for name in args.files.split(","):
        if name == "test":
            raise SystemExit("the UD-VTB test file is for scoring only")
        sents = sentences(os.path.join(args.shared, "data", "ud-vtb", f"vi_vtb-ud-{name}.conllu"))
        for first in range(0, len(sents), DOC):
            doc_id = f"ud-vtb-{name}:{first + 1}-{min(first + DOC, len(sents))}"
            if f"# doc {doc_id}" in have:
                continue
            kept = [s for s in sents[first:first + DOC] if len(s.split()) >= 4]
            if kept:
                docs.append((doc_id, kept))
    batch, count = [], 0
    def flush():
        nonlocal number, batch, count
        if not batch:
            return
        path = os.path.join(raw, f"tr{number:02d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(batch) + "\n")
        print(f"{path}: {count} sentences")
        number += 1
        batch, count = [], 0
    for doc_id, sents in docs:
        if count + len(sents) > BATCH and count:
            flush()
        sid = f"tr{number:02d}"
        batch.append(f"# doc {doc_id}")
        for s in sents:
            count += 1
            batch.append(f"{sid}-{count:04d}\t{s}")
    flush()


if __name__ == "__main__":
    main()
