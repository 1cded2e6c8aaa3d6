#!/usr/bin/env bash
# The Python package in CI: build the wheel with maturin (from PyPI), install it in a fresh
# virtual environment with pytest, pandas, pyarrow and PySpark, and run python/tests against the
# installed wheel (the Spark test runs the example in local mode; Java 17 is on the machine).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv="$root/target/py-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check maturin pytest pandas pyarrow pyspark
rm -rf target/wheels
(cd python && "$venv/bin/maturin" build --release --quiet -o "$root/target/wheels")
wheel=$(ls target/wheels/vntext-*.whl)
echo "wheel: $wheel ($(du -k "$wheel" | cut -f1) KiB)"
"$venv/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"
# From outside python/, so that `import vntext` finds the installed wheel, not the source folder.
cd "$(mktemp -d)"
"$venv/bin/python" -m pytest -p no:cacheprovider --import-mode=importlib -q "$root/python/tests"
