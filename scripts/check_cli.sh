#!/usr/bin/env bash
# The command-line tool's behaviour (`vntext COMMAND`, the vntext-cli crate; and the
# `expand_repeat` example, a profiling driver), run by .ci/run:
# - given an unreadable file, non-UTF-8 input or a bad option, each must exit non-zero with a
#   one-line message on stderr and print nothing on stdout; on the shipped sample it must
#   succeed;
# - golden outputs: each command and flag the README shows runs on a small input in
#   tests/golden/ and its output must equal the reviewed file in tests/golden/expected/
#   (timings in analyze's summary are blanked). The evaluation commands' scores are checked
#   on tiny gold files whose scores were computed by hand (tests/golden/README.md).
#   UPDATE_GOLDEN=1 rewrites the expected files instead: review every change before
#   committing it.
# - the README's commands on ../shared and tests/data, when those exist.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p vntext-cli
cargo build --release -q --example expand_repeat
target=${CARGO_TARGET_DIR:-target}/release
# cmd NAME args...: `vntext NAME args...`, or the expand_repeat example.
cmd() {
  local name=$1; shift
  if [ "$name" = expand_repeat ]; then "$target/examples/expand_repeat" "$@"; else "$target/vntext" "$name" "$@"; fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'Vi\xe1\xbb\x87t \xff\xfe Nam\n' > "$tmp/bad.txt"
passed=0
failed=0
skipped=0
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
check_error() { # name, args...
  local name=$1; shift
  local before=$failed
  if cmd "$name" "$@" > "$tmp/out" 2> "$tmp/err"; then
    fail "$name $*: exit 0 on bad input"; return
  fi
  if [ -s "$tmp/out" ]; then fail "$name $*: printed partial output"; fi
  if [ "$(wc -l < "$tmp/err")" -ne 1 ]; then fail "$name $*: stderr is not one line:"; cat "$tmp/err"; fi
  if grep -q panicked "$tmp/err"; then fail "$name $*: panicked"; fi
  if [ "$failed" -eq "$before" ]; then passed=$((passed + 1)); fi
}
check_ok() { # name, args...
  local name=$1; shift
  local before=$failed
  if ! cmd "$name" "$@" > "$tmp/out" 2> "$tmp/err"; then fail "$name $*: exit non-zero"; cat "$tmp/err"; fi
  if [ ! -s "$tmp/out" ]; then fail "$name $*: no output"; fi
  if [ "$failed" -eq "$before" ]; then passed=$((passed + 1)); fi
}
# golden FILE STREAM name args...: the command's stdout (STREAM out) or stderr (err), which
# must equal tests/golden/expected/FILE; it must exit 0.
golden() {
  local file=$1 stream=$2 name=$3; shift 3
  local expected=tests/golden/expected/$file
  if ! cmd "$name" "$@" > "$tmp/out" 2> "$tmp/err"; then
    fail "$name $*: exit non-zero"; cat "$tmp/err"; return
  fi
  # analyze's summary: the time, speed and thread count vary from run to run.
  sed -i -E 's/ in [0-9.]+ s \([0-9.]+ MB\/s, [0-9]+ jobs?\)/ in _ s (_ MB\/s, _ jobs)/' "$tmp/out" "$tmp/err"
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    mkdir -p tests/golden/expected
    cp "$tmp/$stream" "$expected"
  fi
  if [ ! -f "$expected" ]; then fail "$name $*: no $expected"; return; fi
  if diff -u "$expected" "$tmp/$stream" > "$tmp/diff"; then
    passed=$((passed + 1))
  else
    fail "$name $*: output differs from $expected:"; head -40 "$tmp/diff"
  fi
}
# Every command has a --help that exits 0.
for c in analyze tokenize sentences normalize segment ner ner-conll expand throughput train-segmenter train-ner; do
  if "$target/vntext" "$c" --help > "$tmp/out" 2> "$tmp/err" && grep -q "usage: vntext $c" "$tmp/out"; then
    passed=$((passed + 1))
  else
    fail "vntext $c --help: exit non-zero or no usage line"
  fi
done
for ex in ${COMMANDS:-tokenize sentences normalize expand expand_repeat ner ner-conll segment analyze}; do
  check_error "$ex" "$tmp/does-not-exist.txt" < /dev/null
  check_error "$ex" "$tmp/bad.txt" < /dev/null
  check_error "$ex" - < "$tmp/bad.txt"
  # ner-conll reads CoNLL, not text: its golden output below is its check on good input.
  if [ "$ex" != ner-conll ]; then check_ok "$ex" examples/data/sample.txt; fi
done
check_error normalize --tone sideways examples/data/sample.txt < /dev/null
# A corrupt or truncated model, and a bad user dictionary file.
printf 'VNSEGMDL\001\000\000\000junk' > "$tmp/bad.bin"
check_error segment --model "$tmp/bad.bin" examples/data/sample.txt < /dev/null
head -c 100000 data/segmenter.bin > "$tmp/truncated.bin"
check_error segment --model "$tmp/truncated.bin" examples/data/sample.txt < /dev/null
printf 'abbreviation\texpansion\tdomain\tcues\nUBND\tỦy ban nhân dân\nQP\t\n' > "$tmp/bad.tsv"
check_error expand --dict "$tmp/bad.tsv" examples/data/sample.txt < /dev/null
check_error expand --dict "$tmp/does-not-exist.tsv" examples/data/sample.txt < /dev/null
printf 'abbreviation\texpansion\tdomain\tcues\nQP\tquốc phòng\n' > "$tmp/good.tsv"
check_ok expand --dict "$tmp/good.tsv" examples/data/sample.txt

g=tests/golden
golden tokenize.out out tokenize $g/input.txt
golden tokenize.out out tokenize - < $g/input.txt
golden sentences.out out sentences $g/input.txt
golden normalize.out out normalize $g/input.txt
golden normalize-tone-old.out out normalize --tone old $g/input.txt
golden normalize-tone-new.out out normalize --tone new $g/input.txt
golden normalize-tone-keep.out out normalize --tone keep $g/input.txt
golden normalize-fold.out out normalize --fold $g/input.txt
golden segment.out out segment $g/input.txt
golden segment.out out segment --model data/segmenter.bin $g/input.txt
golden segment-eval.out out segment --eval $g/segment_gold.txt
golden segment-eval-errors.out out segment --eval $g/segment_gold.txt --errors
# --model reads the file it is given: a model trained here on three sentences segments the
# input otherwise than the built-in one, and keeps every syllable.
cmd train-segmenter --train $g/segment_train.txt --no-raw --no-abbreviations --no-gazetteers \
  --no-dictionary --bits 12 --out "$tmp/tiny.bin" 2> /dev/null
cmd segment --model "$tmp/tiny.bin" $g/input.txt > "$tmp/tiny.out"
if cmp -s "$tmp/tiny.out" tests/golden/expected/segment.out; then
  fail "segment --model tiny.bin: same words as the built-in model"
elif [ "$(tr -d ' _' < "$tmp/tiny.out")" != "$(tr -d ' _' < tests/golden/expected/segment.out)" ]; then
  fail "segment --model tiny.bin: the syllables differ from the input's"
else
  passed=$((passed + 1))
fi
# Your own convention: train_segmenter --train reads CoNLL-U, `_`-joined words and VLSP 2013
# `w_w/TAG` (cli/tests/data: the same four sentences in each); the three files give one model,
# which segment --model loads and scores on each format.
i=cli/tests/data
for f in segment_train.txt segment_train_tagged.txt segment_train.conllu; do
  cmd train-segmenter --train $i/$f --no-raw --no-abbreviations --no-gazetteers --no-dictionary \
    --bits 12 --out "$tmp/own-$f.bin" 2> /dev/null || fail "train-segmenter --train $i/$f: exit non-zero"
done
if cmp -s "$tmp/own-segment_train.txt.bin" "$tmp/own-segment_train_tagged.txt.bin" \
  && cmp -s "$tmp/own-segment_train.txt.bin" "$tmp/own-segment_train.conllu.bin"; then
  passed=$((passed + 1))
else
  fail "train-segmenter: the three formats of one corpus gave different models"
fi
golden segment-own-underscored.out out segment --model "$tmp/own-segment_train.txt.bin" --eval $i/segment_train.txt
golden segment-own-tagged.out out segment --model "$tmp/own-segment_train.txt.bin" --eval $i/segment_train_tagged.txt
golden segment-own-conllu.out out segment --model "$tmp/own-segment_train.txt.bin" --eval $i/segment_train.conllu --errors
# The built-in model, in UD-VTB's convention, joins `họp báo` where this corpus splits it.
golden segment-own-tagged-builtin.out out segment --eval $i/segment_train_tagged.txt --errors
golden ner.out out ner $g/input.txt
golden ner_conll.out out ner-conll $g/ner_gold.conll
golden ner_conll.err err ner-conll $g/ner_gold.conll
golden expand.out out expand $g/input.txt
golden expand-matches.out out expand --matches $g/input.txt
golden expand-dict.out out expand --matches --dict $g/dict.tsv $g/dict_input.txt
golden analyze.out out analyze $g/input.txt
golden analyze.out out analyze --jobs 1 - < $g/input.txt
golden analyze.json out analyze --json $g/input.txt
golden analyze-dir.out out analyze --jobs 2 $g/dir
golden analyze-dir.json out analyze --jobs 2 --json $g/dir
golden analyze-sample.out out analyze examples/data/sample.txt

# The README's commands on data outside the package: the figures it and data/SOURCES.md give.
if [ -d ../shared/data/ud-vtb ]; then
  golden ud-vtb-test.out out segment --eval ../shared/data/ud-vtb/vi_vtb-ud-test.conllu
else
  echo "SKIP segment --eval ../shared/data/ud-vtb/vi_vtb-ud-test.conllu: ../shared is absent"
  skipped=$((skipped + 1))
fi
if [ -f tests/data/ner_eval.conll ]; then
  golden ner_eval.err err ner-conll tests/data/ner_eval.conll
else
  echo "SKIP ner-conll tests/data/ner_eval.conll: tests/data is absent"
  skipped=$((skipped + 1))
fi

echo "cli: $passed passed, $failed failed, $skipped skipped"
if [ "$failed" -ne 0 ]; then exit 1; fi
