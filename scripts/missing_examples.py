"""List the public items of vntext whose docs hold no code block (```), from rustdoc's JSON.

    cargo +nightly rustdoc -p vntext --all-features -- -Z unstable-options --output-format json
    python3 scripts/missing_examples.py target/doc/vntext.json

Walks what a user can reach (re-exports followed into the private modules, inherent methods
of public types; trait impls, fields and variants left out). Needs a nightly toolchain for the
JSON; rustdoc's own `missing_doc_code_examples` lint (nightly too) does not see items
re-exported from private modules, which is all of ours.
"""
import json, sys
from collections import Counter

doc = json.load(open(sys.argv[1]))
index = doc["index"]
seen, rows, total = set(), [], Counter()

def kind(item):
    return next(iter(item["inner"])) if isinstance(item["inner"], dict) else item["inner"]

def check(item, path):
    k = kind(item)
    total[k] += 1
    if "```" not in (item.get("docs") or ""):
        span = item.get("span") or {}
        rows.append((span.get("filename", "?"), span.get("begin", [0])[0], k, path))

def walk(iid, path):
    if iid in seen or str(iid) not in index:
        return
    seen.add(iid)
    item = index[str(iid)]
    if item.get("crate_id") != 0:
        return
    k = kind(item)
    inner = item["inner"][k] if isinstance(item["inner"], dict) else None
    name = item.get("name") or ""
    p = f"{path}::{name}" if path and name else (path or name)
    if k == "use":
        if inner.get("id") is not None:
            walk(inner["id"], path)
        return
    if k == "module":
        if path:
            check(item, p)
        for c in inner["items"]:
            walk(c, p)
        return
    if k in ("struct", "enum", "trait", "union"):
        check(item, p)
        for i in inner.get("impls", []):
            imp = index.get(str(i))
            if not imp:
                continue
            ii = imp["inner"]["impl"]
            if ii.get("trait") is not None or ii.get("is_synthetic") or ii.get("blanket_impl"):
                continue
            for m in ii["items"]:
                mi = index.get(str(m))
                if mi and mi.get("visibility") == "public":
                    check(mi, f"{p}::{mi['name']}")
        if k == "trait":
            for m in inner["items"]:
                mi = index.get(str(m))
                if mi:
                    check(mi, f"{p}::{mi['name']}")
        return
    if k in ("function", "constant", "static", "type_alias", "macro"):
        check(item, p)

root = index[str(doc["root"])]
walk(doc["root"], "")
missing = Counter(r[2] for r in rows)
print(f"{len(rows)} of {sum(total.values())} public items have no code block in their docs")
print("by kind (missing/total):", ", ".join(f"{k} {missing[k]}/{total[k]}" for k in sorted(total)))
for f, line, k, p in sorted(rows):
    print(f"{f}:{line}\t{k}\t{p}")
