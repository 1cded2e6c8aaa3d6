#!/usr/bin/env bash
# The NER corpus (corpus/ner): annotations check out against the raw sentences and vntext's tokens,
# and the committed CoNLL files equal what `corpus.py conll` writes from them.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p vntext-cli
dir=${CARGO_TARGET_DIR:-target}
export VNTEXT_BIN="$dir/release/vntext"
python3 corpus/ner/tools/corpus.py check
tmp=$(mktemp -d)
cp -r corpus/ner/conll "$tmp/committed"
python3 corpus/ner/tools/corpus.py conll >/dev/null
if ! diff -rq "$tmp/committed" corpus/ner/conll; then
  echo "corpus/ner/conll is out of date: run python3 corpus/ner/tools/corpus.py conll and commit" >&2
  cp -r "$tmp/committed/." corpus/ner/conll/
  exit 1
fi
echo "corpus: conll files up to date"
