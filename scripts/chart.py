#!/usr/bin/env python3
"""Merges the outputs of scripts/compare.sh into one results file, Markdown tables and an
SVG bar chart of MB/s per stage (log scale), ours next to the Python peers.

    python3 scripts/chart.py --ours OURS.json --peers PEERS.jsonl --machine MACHINE.json \
        --json OUT.json --svg OUT.svg --markdown OUT.md
    python3 scripts/chart.py --from benchmarks/results.json --svg benchmarks/chart.svg --update BENCHMARKS.md

Standard library only; the SVG is written by hand.
"""
import argparse
import html
import json
import math

# Which of our stages each peer function does the work of.
PEER_STAGE = {
    "str.split": "byte_scan",
    "underthesea.text_normalize": "normalize",
    "underthesea.regex_tokenize": "tokenize",
    "underthesea.sent_tokenize": "sentences",
    "underthesea.word_tokenize": "segment",
    "pyvi.ViTokenizer.tokenize": "segment",
    "underthesea.ner": "ner",
    "vinorm.TTSnorm": "expand",
}
STAGE_ORDER = ["byte_scan", "key", "normalize", "tokenize", "sentences", "expand", "ner", "segment", "pipeline"]
STAGE_LABEL = {
    "byte_scan": "byte scan (floor)",
    "key": "comparison key",
    "normalize": "normalize",
    "tokenize": "tokenize",
    "sentences": "sentences",
    "expand": "abbreviation expansion",
    "ner": "named entities",
    "segment": "word segmentation",
    "pipeline": "whole pipeline",
}
COLORS = {"vntext": "#1f77b4", "underthesea": "#ff7f0e", "pyvi": "#2ca02c", "vinorm": "#9467bd", "str": "#7f7f7f"}


def merge(a):
    with open(a.ours) as f:
        ours = json.load(f)
    peers = []
    with open(a.peers) as f:
        for line in f:
            if line.strip():
                peers.append(json.loads(line))
    with open(a.machine) as f:
        machine = json.load(f)
    ours_rate = {s["stage"]: s["mb_per_s"] for s in ours["stages"]}
    comparison = []
    for p in peers:
        stage = PEER_STAGE.get(p["function"])
        mine = ours_rate.get(stage)
        comparison.append({
            "peer": p["function"],
            "stage": stage,
            "peer_mb_per_s": p["mb_per_s"],
            "peer_mb_per_s_min": p.get("mb_per_s_min"),
            "peer_mb_per_s_max": p.get("mb_per_s_max"),
            "peer_bytes": p["bytes"],
            "peer_peak_rss_mb": p.get("peak_rss_mb"),
            "peer_load_s": p.get("import_load_s"),
            "ours_mb_per_s": mine,
            "ratio": (mine / p["mb_per_s"]) if mine else None,
        })
    return {"machine": machine, "ours": ours, "peers": peers, "comparison": comparison}


def fmt_rate(x):
    if x is None:
        return "—"
    if x >= 100:
        return "%.0f" % x
    if x >= 1:
        return "%.1f" % x
    return "%.3f" % x


def markdown(r):
    m, ours = r["machine"], r["ours"]
    out = []
    out.append("Measured %s on %s cores (%s), %s, commit %s. Corpus: %s, %d bytes; median of %s runs."
               % (m["date"], m["cores"], m["cpu"], m["rustc"], m["commit"], m["corpus"], m["corpus_bytes"], m["runs"]))
    out.append("")
    out.append("| stage (vntext) | MB/s (median) | range over runs |")
    out.append("|---|---:|---:|")
    for s in sorted(ours["stages"], key=lambda s: STAGE_ORDER.index(s["stage"]) if s["stage"] in STAGE_ORDER else 99):
        out.append("| %s | %s | %s–%s |" % (STAGE_LABEL.get(s["stage"], s["stage"]), fmt_rate(s["mb_per_s"]),
                                          fmt_rate(s["mb_per_s_min"]), fmt_rate(s["mb_per_s_max"])))
    if ours.get("not_in_this_build"):
        out.append("")
        out.append("Not in this build (no figure): %s." % ", ".join(ours["not_in_this_build"]))
    out.append("")
    out.append("Construction of every engine (built-ins included, first use): %.1f ms. Peak RSS of the "
               "`throughput` process (text held in memory): %.1f MB. `analyze --jobs 2` on the same file: "
               "wall %s, peak RSS %.1f MB."
               % (ours["construct_ms"], ours.get("peak_rss_mb") or float("nan"), m.get("analyze_wall") or "?",
                  (m.get("analyze_peak_rss_kb") or float("nan")) / 1024))
    if r["comparison"]:
        out.append("")
        out.append("| peer function | bytes measured | peer MB/s | our stage | our MB/s | ours / peer | peer peak RSS MB |")
        out.append("|---|---:|---:|---|---:|---:|---:|")
        for c in r["comparison"]:
            out.append("| `%s` | %d | %s | %s | %s | %s | %.0f |" % (
                c["peer"], c["peer_bytes"], fmt_rate(c["peer_mb_per_s"]), STAGE_LABEL.get(c["stage"], c["stage"]),
                fmt_rate(c["ours_mb_per_s"]), ("%.0f×" % c["ratio"]) if c["ratio"] and c["ratio"] >= 10 else
                (("%.1f×" % c["ratio"]) if c["ratio"] else "— (not in this build)"), c["peer_peak_rss_mb"] or 0))
        out.append("")
        out.append("Peers: %s (%s)." % (m.get("peer_versions", "").strip(), m.get("python", "")))
    elif m.get("peers_note"):
        out.append("")
        out.append("Peers: %s." % m["peers_note"])
    return "\n".join(out) + "\n"


def svg(r):
    rows = []  # (group stage, label, tool, rate)
    ours_rate = {s["stage"]: s["mb_per_s"] for s in r["ours"]["stages"]}
    for stage in STAGE_ORDER:
        group = []
        if stage in ours_rate:
            group.append(("vntext " + stage, "vntext", ours_rate[stage]))
        for c in r["comparison"]:
            if c["stage"] == stage:
                group.append((c["peer"], c["peer"].split(".")[0], c["peer_mb_per_s"]))
        if group:
            rows.append((STAGE_LABEL[stage], group))
    rates = [x[2] for _, g in rows for x in g if x[2] > 0]
    lo = 10 ** math.floor(math.log10(min(rates)))
    hi = 10 ** math.ceil(math.log10(max(rates)))
    left, right, top, bar, gap, group_gap = 330, 90, 50, 16, 4, 14
    width = 1000
    plot = width - left - right
    head = 16  # the group's label sits on its own line above its bars
    height = top + sum(head + len(g) * (bar + gap) + group_gap for _, g in rows) + 40

    def x(v):
        return left + plot * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

    m = r["machine"]
    e = html.escape
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">'
             % (width, height),
             '<rect width="100%" height="100%" fill="white"/>',
             '<text x="%d" y="20" font-size="15" font-weight="bold">Throughput, MB/s (log scale; higher is faster)</text>'
             % 10,
             '<text x="10" y="38" fill="#555">%s, %s cores, %s — same %d-byte text for all, one call per line</text>'
             % (e(m["date"]), m["cores"], e(m["cpu"]), m["corpus_bytes"])]
    k = 0
    while lo * 10 ** k <= hi * 1.0001:
        v = lo * 10 ** k
        parts.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (x(v), top - 5, x(v), height - 30))
        parts.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%s</text>'
                     % (x(v), height - 14, ("%g" % v)))
        k += 1
    y = top
    for label, group in rows:
        parts.append('<text x="10" y="%d" font-weight="bold">%s</text>' % (y + head - 4, e(label)))
        y += head
        for name, tool, rate in group:
            color = COLORS.get(tool, "#8c564b")
            parts.append('<text x="%d" y="%d" text-anchor="end" fill="#333">%s</text>' % (left - 6, y + bar - 4, e(name)))
            parts.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>'
                         % (left, y, max(1.0, x(rate) - left), bar, color))
            parts.append('<text x="%.1f" y="%d" fill="#333">%s</text>' % (x(rate) + 4, y + bar - 4, fmt_rate(rate)))
            y += bar + gap
        y += group_gap
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ours")
    ap.add_argument("--peers")
    ap.add_argument("--machine")
    ap.add_argument("--from", dest="source", help="an existing results.json instead of the three inputs")
    ap.add_argument("--json")
    ap.add_argument("--svg")
    ap.add_argument("--markdown")
    ap.add_argument("--update", help="a Markdown file whose text between the results markers is replaced")
    a = ap.parse_args()
    if a.source:
        with open(a.source) as f:
            r = json.load(f)
    elif a.ours and a.peers and a.machine:
        r = merge(a)
    else:
        ap.error("give --from RESULTS.json or --ours, --peers and --machine")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(r, f, indent=1, ensure_ascii=False)
            f.write("\n")
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(markdown(r))
    if a.svg:
        with open(a.svg, "w") as f:
            f.write(svg(r))
    if a.update:
        update(a.update, "results", markdown(r))
        if r["machine"].get("viwiki"):
            update(a.update, "analyze", corpus_run(r["machine"]))


def corpus_run(m):
    """The `analyze` run over the Wikipedia dump: its figures and its summary."""
    v = m["viwiki"]
    t = {}
    for line in v["time_v"].splitlines():
        k, _, val = line.strip().rpartition(": ")
        t[k] = val
    return ("Measured %s, commit %s: `analyze --jobs 2` over the %d-byte concatenation took %s wall "
            "(user %s s, system %s s, %s CPU), peak RSS %.1f MB.\n\n```text\n%s```\n" % (
                m["date"], m["commit"], v["bytes"], t.get("Elapsed (wall clock) time (h:mm:ss or m:ss)", "?"),
                t.get("User time (seconds)", "?"), t.get("System time (seconds)", "?"),
                t.get("Percent of CPU this job got", "?"),
                int(t.get("Maximum resident set size (kbytes)", "0")) / 1024, v["summary"]))


def update(path, name, text):
    """Replaces the text between `<!-- NAME:start ... -->` and `<!-- NAME:end -->`."""
    with open(path) as f:
        doc = f.read()
    i = doc.find("<!-- %s:start" % name)
    j = doc.find("<!-- %s:end -->" % name)
    if i < 0 or j < i:
        raise SystemExit("%s: no %s markers" % (path, name))
    i = doc.index("-->", i) + 3
    with open(path, "w") as f:
        f.write(doc[:i] + "\n" + text + doc[j:])


if __name__ == "__main__":
    main()
