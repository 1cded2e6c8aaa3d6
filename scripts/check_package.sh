#!/usr/bin/env bash
# The published package: `cargo package` (which builds it), its size, and the tests of the unpacked
# crate, outside this repository (so no tests/data, corpus/ or ../shared: those tests must skip).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
cargo package --quiet --allow-dirty
crate=$(ls -t target/package/vntext-*.crate | head -n 1)
bytes=$(stat -c %s "$crate")
echo "package: $crate, $bytes bytes"
if [ "$bytes" -ge 10000000 ]; then
  echo "the package is 10 MB or more" >&2
  exit 1
fi
tmp=$(mktemp -d)
tar xzf "$crate" -C "$tmp"
cd "$tmp"/vntext-*/
CARGO_TARGET_DIR="$root/target/package-tests" cargo test --quiet 2>&1 | tail -n 25
