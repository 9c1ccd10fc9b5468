#!/usr/bin/env python3
"""Authoring aid for data/seed/*.json: turns each "quote" fragment into the exact clause of the
source document that contains it (as written, with its original script and artefacts), and checks
that every quote is found. Fragments may be written in simplified characters; matching folds
traditional -> simplified with OpenCC's character table and ignores pinyin artefacts like 創(chuàng).

Usage: scripts/seed/expand-quotes.py            (rewrites the JSON files in place)
       scripts/seed/expand-quotes.py --check    (only checks; exit 1 when a quote is not found)
"""
import json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = os.path.join(ROOT, "data", "seed")
OPENCC = os.path.join(ROOT, "src", "InnoCluster.Text", "Resources", "opencc-TSCharacters.txt")
ARTEFACT = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+\)")
CLAUSE_END = set("。！？!?；;\n")

chars = {}
for line in open(OPENCC, encoding="utf-8"):
    k, v = line.rstrip("\n").split("\t")
    if len(k) == 1:
        chars[k] = v.split(" ")[0]

def fold(text):
    """Returns folded text and, per folded char, its index in text."""
    out, idx = [], []
    i = 0
    while i < len(text):
        m = ARTEFACT.match(text, i)
        if m and i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff":
            i = m.end()
            continue
        c = text[i]
        if "\uff01" <= c <= "\uff5e":
            c = chr(ord(c) - 0xFEE0)
        out.append(chars.get(c, c))
        idx.append(i)
        i += 1
    return "".join(out), idx

sources = json.load(open(os.path.join(SEED, "sources.json"), encoding="utf-8"))
texts = {}
for s in sources:
    raw = open(os.path.join(SEED, "documents", s["file"]), encoding="utf-8").read()
    texts[s["key"]] = (raw,) + fold(raw)

def expand(source, fragment):
    raw, folded, idx = texts[source]
    if fragment in raw and is_clause(raw, fragment):
        return fragment
    ffrag, _ = fold(fragment)
    pos = folded.find(ffrag)
    if pos < 0:
        raise KeyError(f"[{source}] not found: {fragment}")
    start, end = idx[pos], idx[pos + len(ffrag) - 1] + 1
    while start > 0 and raw[start - 1] not in CLAUSE_END:
        start -= 1
    while end < len(raw) and raw[end - 1] not in CLAUSE_END:
        end += 1
    return raw[start:end].strip()

def is_clause(raw, quote):
    pos = raw.find(quote)
    before = raw[:pos].rstrip(" \t")
    return (pos == 0 or before == "" or before[-1] in CLAUSE_END) and quote[-1] in CLAUSE_END

def walk(node, check, problems):
    if isinstance(node, dict):
        if "source" in node and "quote" in node and node["source"] in texts:
            raw = texts[node["source"]][0]
            if check:
                if node["quote"] not in raw:
                    problems.append(f"[{node['source']}] quote is not verbatim: {node['quote']}")
            else:
                try:
                    node["quote"] = expand(node["source"], node["quote"])
                except KeyError as e:
                    problems.append(str(e))
        for v in node.values():
            walk(v, check, problems)
    elif isinstance(node, list):
        for v in node:
            walk(v, check, problems)

check = "--check" in sys.argv
problems = []
for name in sorted(os.listdir(SEED)):
    if not name.endswith(".json") or name == "sources.json":
        continue
    path = os.path.join(SEED, name)
    data = json.load(open(path, encoding="utf-8"))
    walk(data, check, problems)
    if not check:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
            f.write("\n")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
