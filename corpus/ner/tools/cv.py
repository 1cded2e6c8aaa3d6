#!/usr/bin/env python3
"""5-fold cross-validation by document over a CoNLL train file (the tagger's features were chosen so).

Usage: python3 corpus/ner/tools/cv.py OUTDIR VNTEXT [train-ner flags...]
  CV_TRAIN=FILE   the file to split (default corpus/ner/conll/train.conll)
  CV_EXTRA=FILE   more training data added to every fold's training, never held out

Folds: document index % 5 (documents start at `-DOCSTART-` lines). Each fold: `VNTEXT train-ner
--train fold.train --out fold.bin [flags]` (skipped when fold.bin exists), then `VNTEXT ner-conll
--model fold.bin fold.held`. Prints exact-span precision, recall and F1 over PER, LOC and ORG,
counts pooled over the five folds, for all held-out documents and for the news ones (ids `news…`).
Slow: five trainings (about 20 minutes on two busy cores).
"""
import os, subprocess, sys, collections
out, vn, flags = sys.argv[1], sys.argv[2], sys.argv[3:]
os.makedirs(out, exist_ok=True)
docs = []
cur = None
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
for line in open(os.environ.get('CV_TRAIN') or os.path.join(ROOT, 'corpus/ner/conll/train.conll'), encoding='utf-8'):
    if line.startswith('-DOCSTART-'):
        cur = [line.rstrip('\n').split('\t')[1] if '\t' in line else '', [line]]
        docs.append(cur)
    else:
        cur[1].append(line)
def spans(tags):
    res = []; cur = None
    for i, t in enumerate(tags + ['O']):
        if t == 'O' or t.startswith('B-') or (t.startswith('I-') and (cur is None or cur[0] != t[2:])):
            if cur: res.append((cur[0], cur[1], i)); cur = None
            if t != 'O': cur = (t[2:], i)
    return res
tot = {'all': collections.Counter(), 'news': collections.Counter()}
for k in range(5):
    tr = os.path.join(out, f'f{k}.train.conll'); he = os.path.join(out, f'f{k}.held.conll'); m = os.path.join(out, f'f{k}.bin')
    with open(tr, 'w') as f:
        for i, d in enumerate(docs):
            if i % 5 != k: f.writelines(d[1])
        if os.environ.get('CV_EXTRA'):
            f.write(open(os.environ['CV_EXTRA'], encoding='utf-8').read())
    with open(he, 'w') as f:
        for i, d in enumerate(docs):
            if i % 5 == k: f.writelines(d[1])
    if not os.path.exists(m):
        subprocess.run([vn, 'train-ner', '--train', tr, '--out', m] + flags, check=True, stderr=subprocess.DEVNULL)
    pred = subprocess.run([vn, 'ner-conll', '--model', m, he], check=True, capture_output=True, text=True).stdout
    # walk docs of held file in order, aligned with pred lines (one per token)
    sent_docs = []
    for i, d in enumerate(docs):
        if i % 5 == k:
            sent_docs += [d[0]] * sum(1 for l in d[1] if l.startswith('# id = '))
    si = 0; sent = []
    def flush():
        global si
        if not sent: return
        g = [x for x in spans([s[1] for s in sent]) if x[0] in ('PER','LOC','ORG')]
        p = [x for x in spans([s[2] for s in sent]) if x[0] in ('PER','LOC','ORG')]
        gs, ps = set(g), set(p)
        for key in ('all',) + (('news',) if sent_docs[si].startswith('news') else ()):
            tot[key]['tp'] += len(gs & ps); tot[key]['g'] += len(gs); tot[key]['p'] += len(ps)
        sent.clear(); si += 1
    for l in pred.split('\n'):
        if not l.strip():
            flush(); continue
        parts = l.split('\t')
        if len(parts) >= 3: sent.append(parts)
    flush()
    assert si == len(sent_docs), (si, len(sent_docs))
for key, c in tot.items():
    p = c['tp'] / max(1, c['p']); r = c['tp'] / max(1, c['g']); f = 2 * p * r / max(1e-9, p + r)
    print(f"{key}: P {100*p:.2f} R {100*r:.2f} F1 {100*f:.2f} (gold {c['g']})")
