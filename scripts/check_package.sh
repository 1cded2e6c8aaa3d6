#!/usr/bin/env bash
# The published package: `cargo package` (which builds it), its size, and the tests of the unpacked
# crate, outside this repository (so no tests/data, corpus/ or ../shared: those tests must skip).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
cargo package --quiet --allow-dirty -p vntext
crate=$(ls -t target/package/vntext-[0-9]*.crate | head -n 1)
bytes=$(stat -c %s "$crate")
echo "package: $crate, $bytes bytes"
if [ "$bytes" -ge 10000000 ]; then
  echo "the package is 10 MB or more" >&2
  exit 1
fi
tmp=$(mktemp -d)
tar xzf "$crate" -C "$tmp"
# The package's files all carry one fixed old mtime: without a touch, cargo would take the
# previous run's build in the shared target directory for fresh and test old code.
find "$tmp" -type f -exec touch {} +
cd "$tmp"/vntext-*/
CARGO_TARGET_DIR="$root/target/package-tests" cargo test --quiet 2>&1 | tail -n 25
# The command-line tool is a package of its own (`cargo install vntext-cli`, once vntext is
# published: it depends on the registry's vntext then, so it is listed here, not built).
cd "$root"
cargo package --quiet --allow-dirty --no-verify --list -p vntext-cli > "$tmp/cli-files"
for f in Cargo.toml src/main.rs src/commands/analyze/mod.rs src/gold.rs src/stages.rs tests/cli.rs \
  tests/data/segment_train.txt; do
  grep -qx "$f" "$tmp/cli-files" || { echo "vntext-cli package: $f missing" >&2; exit 1; }
done
echo "package vntext-cli: $(wc -l < "$tmp/cli-files") files listed"
