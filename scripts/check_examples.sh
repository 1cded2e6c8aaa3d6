#!/usr/bin/env bash
# Every example, given an unreadable file, non-UTF-8 input or a bad option, must exit non-zero
# with a one-line message on stderr and print nothing on stdout; on the shipped sample it
# must succeed. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --examples -q
bin=target/release/examples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'Vi\xe1\xbb\x87t \xff\xfe Nam\n' > "$tmp/bad.txt"
fail=0
check_error() { # name, args...
  local name=$1; shift
  if "$bin/$name" "$@" > "$tmp/out" 2> "$tmp/err"; then
    echo "FAIL $name $*: exit 0 on bad input"; fail=1; return
  fi
  if [ -s "$tmp/out" ]; then echo "FAIL $name $*: printed partial output"; fail=1; fi
  if [ "$(wc -l < "$tmp/err")" -ne 1 ]; then echo "FAIL $name $*: stderr is not one line:"; cat "$tmp/err"; fail=1; fi
  if grep -q panicked "$tmp/err"; then echo "FAIL $name $*: panicked"; fail=1; fi
}
check_ok() { # name, args...
  local name=$1; shift
  if ! "$bin/$name" "$@" > "$tmp/out" 2> "$tmp/err"; then echo "FAIL $name $*: exit non-zero"; cat "$tmp/err"; fail=1; fi
  if [ ! -s "$tmp/out" ]; then echo "FAIL $name $*: no output"; fail=1; fi
}
for ex in ${EXAMPLES:-tokenize sentences normalize expand expand_repeat ner ner_conll segment analyze}; do
  check_error "$ex" "$tmp/does-not-exist.txt" < /dev/null
  check_error "$ex" "$tmp/bad.txt" < /dev/null
  check_error "$ex" - < "$tmp/bad.txt"
  check_ok "$ex" examples/data/sample.txt
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
if [ "$fail" -ne 0 ]; then echo "examples: 0 passed, $fail failed"; exit 1; fi
echo "examples: all error checks passed"
