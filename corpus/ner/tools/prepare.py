#!/usr/bin/env python3
"""Chooses the sentences of the NER corpus and writes them in batches to corpus/ner/raw/.

Deterministic: documents are ordered by the MD5 of their identifier, so re-running it on the
same ../shared gives the same batches. Sentences are split with vntext's own sentence splitter
(`vntext sentences`, the CLI built with `cargo build --release -p vntext-cli`).

Documents, never sentences, are assigned to the splits, so no document is in two splits.
Sentences of the older evaluation set (tests/data/ner_eval.conll, used to tune the rules)
are left out of the test split.

Usage: python3 corpus/ner/tools/prepare.py [--shared ../shared]
       python3 corpus/ner/tools/prepare.py --extend-train N
The second form leaves every existing batch as it is and writes new train batches (numbered after
the last one) from the next N Wikipedia articles in the same MD5 order that no batch holds yet (the first
form never reaches them); the dev and test splits do not change.
"""
import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
BATCH = 200


def md5(s):
    return hashlib.md5(s.encode("utf-8")).hexdigest()


def split_sentences(paragraphs):
    """vntext sentences of each paragraph (one line each), in order: list of lists."""
    binary = os.environ.get("VNTEXT_BIN") or os.path.join(ROOT, "target", "release", "vntext")
    if not os.path.exists(binary):
        sys.exit("build first: cargo build --release -p vntext-cli (or set VNTEXT_BIN)")
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", delete=False, suffix=".txt") as f:
        f.write("\n".join(paragraphs))
        path = f.name
    out = subprocess.run([binary, "sentences", path], capture_output=True, check=True).stdout
    os.unlink(path)
    data = "\n".join(paragraphs).encode("utf-8")
    starts, pos = [], 0
    for p in paragraphs:
        starts.append(pos)
        pos += len(p.encode("utf-8")) + 1
    result = [[] for _ in paragraphs]
    import bisect
    for row in out.decode("utf-8").splitlines():
        s, e, _ = row.split("\t", 2)
        s, e = int(s), int(e)
        # A sentence never crosses a paragraph: cut it at line ends.
        while s < e:
            k = bisect.bisect_right(starts, s) - 1
            end_of_par = starts[k] + len(paragraphs[k].encode("utf-8"))
            piece = data[s:min(e, end_of_par)].decode("utf-8").strip()
            if piece:
                result[k].append(piece)
            s = end_of_par + 1
    return result


def old_eval_sentences():
    """The old evaluation set's sentences, as whitespace-free strings."""
    path = os.path.join(ROOT, "tests", "data", "ner_eval.conll")
    seen, tokens = set(), []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if tokens:
                seen.add("".join(tokens))
            tokens = []
        else:
            tokens.append(line.split("\t")[0].replace(" ", ""))
    if tokens:
        seen.add("".join(tokens))
    return seen


def squash(s):
    return re.sub(r"\s+", "", s)


def news_documents(shared):
    full = open(os.path.join(shared, "data/news-sample/demo-full.txt"), encoding="utf-8").read().splitlines()
    titles = open(os.path.join(shared, "data/news-sample/demo-title.txt"), encoding="utf-8").read().splitlines()
    title_set = set(titles)
    docs, cur, first = [], [], 0
    for i, line in enumerate(full):
        if line in title_set and cur:
            docs.append((f"news-full:{first + 1}-{i}", cur))
            cur, first = [], i
        cur.append(line)
    if cur:
        docs.append((f"news-full:{first + 1}-{len(full)}", cur))
    in_full = set(full)
    title_docs = [(f"news-title:{i + 1}", [t]) for i, t in enumerate(titles) if t.strip() and t not in in_full]
    return docs, title_docs


STUB = re.compile(r"là một (xã|loài|chi|tiểu hành tinh|họ|đô thị|thị trấn|làng|huyện|tổng|commune|phân loài)\b|"
                  r"là một tỉnh|là một quận|là một khu tự quản", re.I)


def wiki_documents(shared, wanted):
    """Articles with real prose, body paragraphs only; at most 15 sentences each (first paragraphs)."""
    docs = []
    for part in range(1, 6):
        path = os.path.join(shared, f"data/viwiki/viwiki-2017-part{part}.txt")
        title, paras = None, []
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("### "):
                if title is not None:
                    docs.append((title, paras))
                title, paras = line[4:], []
            elif title is not None:
                paras.append(line)
        if title is not None:
            docs.append((title, paras))
    chosen = []
    for title, paras in sorted(docs, key=lambda d: md5("wiki:" + d[0])):
        body = []
        for p in paras:
            p = p.strip()
            if not p:
                continue
            if p.startswith("==") and ("Tham khảo" in p or "Liên kết" in p or "Xem thêm" in p or "Chú thích" in p):
                break
            if p.startswith(("==", ":", "*", "#", "|", "{", "!")):
                continue
            if len(p) < 60 or not re.search(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", p):
                continue
            body.append(p)
        if len(body) < 2 or STUB.search(body[0][:200]):
            continue
        text = " ".join(body)
        if len(text) < 800:
            continue
        chosen.append((f"viwiki:{title}", body))
        if len(chosen) >= wanted:
            break
    return chosen


def law_documents(shared, wanted, window=40):
    corpus = os.path.join(shared, "data/laws/corpus")
    names = sorted(os.listdir(corpus), key=lambda n: md5("law:" + n))[:wanted]
    docs = []
    for name in names:
        lines = [l.strip() for l in open(os.path.join(corpus, name), encoding="utf-8") if l.strip()]
        # A window from the middle third, where the articles are (not the preamble or signatures).
        start = len(lines) // 3 + int(md5(name)[:4], 16) % max(1, len(lines) // 3)
        docs.append((f"laws:{name}:{start + 1}", lines[start:start + window]))
    return docs


def write_batches(split, docs, out_dir, old, first=1):
    """Splits the documents' sentences and writes them as batches of about BATCH sentences."""
    prefix = {"test": "te", "dev": "dv", "train": "tr"}
    paragraphs = [p for _, ps in docs for p in ps]
    sentences = split_sentences(paragraphs)
    k, batches, current, n = 0, [], [], 0
    for doc_id, ps in docs:
        doc_sents = []
        for _ in ps:
            for s in sentences[k]:
                if split == "test" and squash(s) in old:
                    continue
                if len(s.split()) < 4:
                    continue
                if doc_id.startswith("viwiki:") and len(doc_sents) >= 15:
                    continue
                doc_sents.append(s)
            k += 1
        if not doc_sents:
            continue
        current.append((doc_id, doc_sents))
        n += len(doc_sents)
        if n >= BATCH:
            batches.append(current)
            current, n = [], 0
    if current:
        batches.append(current)
    total = 0
    for b, batch in enumerate(batches, first):
        name = f"{prefix[split]}{b:02d}"
        with open(os.path.join(out_dir, name + ".txt"), "w", encoding="utf-8") as f:
            i = 0
            for doc_id, doc_sents in batch:
                f.write(f"# doc {doc_id}\n")
                for s in doc_sents:
                    s = unicodedata.normalize("NFC", s)
                    i += 1
                    f.write(f"{name}-{i:04d}\t{s}\n")
            total += i
    print(f"{split}: {len(docs)} documents, {total} sentences, {len(batches)} batches")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--extend-train", type=int, default=0, metavar="N")
    args = ap.parse_args()
    if args.extend_train:
        out_dir = os.path.join(ROOT, "corpus", "ner", "raw")
        used = set()
        for name in os.listdir(out_dir):
            with open(os.path.join(out_dir, name), encoding="utf-8") as f:
                used.update(line[6:].rstrip("\n") for line in f if line.startswith("# doc "))
        wiki = [d for d in wiki_documents(args.shared, 260 + len(used) + args.extend_train)[260:]
                if d[0] not in used][:args.extend_train]
        last = max(int(n[2:4]) for n in os.listdir(out_dir) if n.startswith("tr"))
        write_batches("train", wiki, out_dir, set(), first=last + 1)
        return
    old = old_eval_sentences()
    news, titles = news_documents(args.shared)
    news.sort(key=lambda d: md5(d[0]))
    titles.sort(key=lambda d: md5(d[0]))
    wiki = wiki_documents(args.shared, 260)
    laws = law_documents(args.shared, 19)
    splits = {
        "test": news[:12] + titles[:300] + wiki[:30] + laws[:4],
        "dev": news[12:20] + titles[300:500] + wiki[30:50] + laws[4:7],
        "train": news[20:] + titles[500:] + wiki[50:] + laws[7:],
    }
    out_dir = os.path.join(ROOT, "corpus", "ner", "raw")
    os.makedirs(out_dir, exist_ok=True)
    for split, docs in splits.items():
        write_batches(split, docs, out_dir, old)


if __name__ == "__main__":
    main()
