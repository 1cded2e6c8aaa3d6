#!/usr/bin/env bash
# Runs the whole speed comparison end to end and writes benchmarks/results.json,
# benchmarks/results.md (tables), benchmarks/chart.svg and the figures in BENCHMARKS.md.
#
#   scripts/compare.sh [--install-peers] [--criterion] [--no-viwiki] [--runs R] [--max-bytes N] [--corpus FILE]
#
# 1. builds the command-line tool `vntext` (release; its `throughput` and `analyze` commands);
# 2. writes the corpus to a temporary file: the news sample plus the first lines of the
#    Wikipedia dump from ../shared/data up to --max-bytes (default 1000000), or the shipped
#    sample repeated when ../shared is absent; --corpus FILE uses FILE instead;
# 3. measures every stage of ours on it (`vntext throughput`: one call per line, like the
#    peers) and the byte-scan floor, and runs `analyze --jobs 2` on it under /usr/bin/time
#    for wall time and peak memory; then, unless --no-viwiki, `analyze --jobs 2` over the
#    concatenated Wikipedia parts of ../shared/data/viwiki (about 85 MB), same measurements;
# 4. measures the Python peers on the SAME file with ../shared/peers/bench_peers.py (fresh
#    processes, median of --runs, default 3), from .venv-peers; --install-peers creates that
#    virtual environment first. Skipped, with a message, when Python, the venv or
#    ../shared/peers is absent. vinorm spawns a process per line, so it gets the first 100 kB;
#    underthesea.ner (about 100x slower than the rest) the first 200 kB (same file);
# 5. --criterion also runs `cargo bench` (criterion; several minutes);
# 6. merges everything with scripts/chart.py (needs python3; without it only the raw JSON of
#    ours is kept).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=${VNTEXT_SHARED:-$ROOT/../shared}
OUT=$ROOT/benchmarks
VENV=$ROOT/.venv-peers
RUNS=3
MAX_BYTES=1000000
INSTALL=0
CRITERION=0
VIWIKI=1
CORPUS=
while [ $# -gt 0 ]; do
    case $1 in
        --install-peers) INSTALL=1 ;;
        --criterion) CRITERION=1 ;;
        --no-viwiki) VIWIKI=0 ;;
        --runs) RUNS=$2; shift ;;
        --max-bytes) MAX_BYTES=$2; shift ;;
        --corpus) CORPUS=$2; shift ;;
        -h|--help) sed -n '2,/^set /{/^set /d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        *) echo "compare.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done
mkdir -p "$OUT"
COMMIT=$(git describe --always --dirty 2>/dev/null || echo unknown)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

echo "== build" >&2
cargo build --release -p vntext-cli >&2
VNTEXT=$ROOT/target/release/vntext

echo "== corpus" >&2
if [ -n "$CORPUS" ]; then
    cp "$CORPUS" "$TMP/corpus.txt"
    CORPUS_LABEL="$CORPUS"
elif [ -f "$SHARED/data/news-sample/demo-full.txt" ] && [ -f "$SHARED/data/viwiki/viwiki-2017-part1.txt" ]; then
    NEWS=$SHARED/data/news-sample/demo-full.txt
    cat "$NEWS" > "$TMP/corpus.txt"
    REST=$((MAX_BYTES - $(wc -c < "$NEWS")))
    if [ "$REST" -gt 0 ]; then
        # whole lines only: drop the line the byte limit cuts
        head -c "$REST" "$SHARED/data/viwiki/viwiki-2017-part1.txt" | sed '$d' >> "$TMP/corpus.txt"
    fi
    CORPUS_LABEL="news-sample/demo-full.txt + first lines of viwiki/viwiki-2017-part1.txt (../shared/data)"
else
    : > "$TMP/corpus.txt"
    while [ "$(wc -c < "$TMP/corpus.txt")" -lt "$MAX_BYTES" ]; do cat examples/data/sample.txt >> "$TMP/corpus.txt"; done
    CORPUS_LABEL="examples/data/sample.txt repeated (../shared absent)"
fi
CORPUS_BYTES=$(wc -c < "$TMP/corpus.txt")
echo "corpus: $CORPUS_BYTES bytes: $CORPUS_LABEL" >&2

echo "== ours" >&2
"$VNTEXT" throughput "$TMP/corpus.txt" --runs "$RUNS" --json > "$TMP/ours.json"
cat "$TMP/ours.json" >&2
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$VNTEXT" analyze --jobs 2 "$TMP/corpus.txt" > "$TMP/analyze.txt" 2> "$TMP/analyze.time"
    ANALYZE_RSS_KB=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/analyze.time")
    ANALYZE_WALL=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$TMP/analyze.time")
else
    echo "/usr/bin/time absent: no peak memory for analyze" >&2
    "$VNTEXT" analyze --jobs 2 "$TMP/corpus.txt" > "$TMP/analyze.txt"
    ANALYZE_RSS_KB=null
    ANALYZE_WALL=
fi
cat "$TMP/analyze.txt" >&2

VIWIKI_JSON=null
if [ "$VIWIKI" = 1 ] && ls "$SHARED"/data/viwiki/viwiki-2017-part*.txt > /dev/null 2>&1 && [ -x /usr/bin/time ]; then
    echo "== analyze --jobs 2 over the concatenated Wikipedia parts" >&2
    cat "$SHARED"/data/viwiki/viwiki-2017-part*.txt > "$TMP/viwiki.txt"
    /usr/bin/time -v "$VNTEXT" analyze --jobs 2 "$TMP/viwiki.txt" > "$TMP/viwiki.out" 2> "$TMP/viwiki.time"
    cat "$TMP/viwiki.out" >&2
    VIWIKI_JSON=$(python3 -c 'import json,sys; print(json.dumps({"bytes": int(sys.argv[1]), "summary": open(sys.argv[2]).read(), "time_v": open(sys.argv[3]).read()}))' \
        "$(wc -c < "$TMP/viwiki.txt")" "$TMP/viwiki.out" "$TMP/viwiki.time" 2>/dev/null || echo null)
    rm -f "$TMP/viwiki.txt"
fi

echo "== peers" >&2
: > "$TMP/peers.jsonl"
PEERS_NOTE=
PY=
if ! command -v python3 > /dev/null; then
    PEERS_NOTE="python3 absent: peers not measured"
elif [ ! -f "$SHARED/peers/bench_peers.py" ]; then
    PEERS_NOTE="$SHARED/peers/bench_peers.py absent: peers not measured"
else
    if [ "$INSTALL" = 1 ] && [ ! -x "$VENV/bin/python" ]; then
        python3 -m venv "$VENV"
        "$VENV/bin/pip" install underthesea==9.5.0 pyvi==0.1.1 vinorm==2.0.7 >&2
    fi
    if [ -x "$VENV/bin/python" ]; then
        PY=$VENV/bin/python
    else
        PEERS_NOTE="no $VENV: peers not measured (run with --install-peers)"
    fi
fi
if [ -n "$PY" ]; then
    for f in str.split underthesea.text_normalize underthesea.regex_tokenize underthesea.sent_tokenize \
             underthesea.word_tokenize pyvi.ViTokenizer.tokenize underthesea.ner vinorm.TTSnorm; do
        case $f in
            vinorm.TTSnorm) LIMIT=100000 ;;
            underthesea.ner) LIMIT=200000 ;;
            *) LIMIT=0 ;;
        esac
        echo "-- $f" >&2
        if ! "$PY" "$SHARED/peers/bench_peers.py" "$TMP/corpus.txt" "$f" --json --runs "$RUNS" --max-bytes "$LIMIT" >> "$TMP/peers.jsonl"; then
            echo "$f failed; left out" >&2
        fi
    done
    PEER_VERSIONS=$("$PY" -m pip list --format=freeze 2>/dev/null | grep -iE '^(underthesea|pyvi|vinorm)==' | tr '\n' ' ')
fi
[ -n "$PEERS_NOTE" ] && echo "$PEERS_NOTE" >&2

if [ "$CRITERION" = 1 ]; then
    echo "== cargo bench" >&2
    cargo bench >&2
fi

CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
cat > "$TMP/machine.json" <<EOF
{"date": "$(date -u +%Y-%m-%dT%H:%MZ)", "cores": $(nproc 2>/dev/null || echo null), "cpu": "${CPU:-unknown}",
 "os": "$(uname -sr)", "rustc": "$(rustc --version)", "commit": "$COMMIT",
 "python": "$( [ -n "$PY" ] && "$PY" --version 2>&1 || echo none)", "peer_versions": "${PEER_VERSIONS:-}",
 "peers_note": "$PEERS_NOTE", "corpus": "$CORPUS_LABEL", "corpus_bytes": $CORPUS_BYTES, "runs": $RUNS,
 "analyze_jobs": 2, "analyze_peak_rss_kb": ${ANALYZE_RSS_KB:-null}, "analyze_wall": "$ANALYZE_WALL",
 "viwiki": $VIWIKI_JSON}
EOF

if command -v python3 > /dev/null; then
    python3 scripts/chart.py --ours "$TMP/ours.json" --peers "$TMP/peers.jsonl" --machine "$TMP/machine.json" \
        --json "$OUT/results.json" --svg "$OUT/chart.svg" --markdown "$OUT/results.md" --update BENCHMARKS.md
    echo "wrote $OUT/results.json, $OUT/results.md, $OUT/chart.svg and the tables in BENCHMARKS.md" >&2
else
    cp "$TMP/ours.json" "$OUT/results.json"
    echo "python3 absent: wrote only $OUT/results.json (ours); no chart" >&2
fi
