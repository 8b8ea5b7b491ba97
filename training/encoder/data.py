"""The training rows, split exactly as the Java trainer splits them (Split.java, LabelledRow.group)."""
import collections
import glob
import hashlib
import json
import os
import re

SEED = 20261128


def group(row_id):
    if row_id.startswith("multijail-"):
        return row_id[:row_id.rindex("-")]
    if row_id.startswith("veto-pair-") and (row_id.endswith("-u") or row_id.endswith("-s")):
        return row_id[:-2]
    return row_id


def part(row_id, holdout=0.2, calibration=0.1):
    digest = hashlib.sha256(f"{SEED}:{group(row_id)}".encode()).digest()
    u = int.from_bytes(digest[:7], "big") / float(1 << 56)
    return "holdout" if u < holdout else "calibration" if u < holdout + calibration else "train"


def read(*folders):
    rows = []
    for folder in folders:
        paths = sorted(glob.glob(os.path.join(folder, "*.jsonl")))
        if not paths:
            raise SystemExit(f"no *.jsonl set in {folder}")
        for path in paths:
            with open(path, encoding="utf-8") as f:
                rows.extend(json.loads(line) for line in f if line.strip())
    return rows


def category_map(path):
    """category-map.tsv's entries, and Veto's taxonomy: every StandardCategory id, as the Java trainer has it."""
    entries = []
    for line in open(path, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            entries.append(tuple(line.rstrip("\n").split("\t")))
    spi = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../spi/src/main/java/dev/veto/spi/signal/StandardCategory.java")
    source = open(spi, encoding="utf-8").read()
    taxonomy = set(re.findall(r'^\s+[A-Z0-9_]+\("[A-Z0-9]+", "([a-z0-9-]+)"\)', source, re.M))
    constants = len(re.findall(r'^\s+[A-Z0-9_]+\(', source, re.M))
    if not taxonomy or len(taxonomy) != constants:
        raise SystemExit(f"{spi}: read {len(taxonomy)} category ids of {constants} constants")
    if any(len(entry) != 3 or entry[2] not in taxonomy for entry in entries):
        raise SystemExit(f"{path}: a bad line, or a category outside {spi}")
    return entries, taxonomy


def category_of(row, entries, taxonomy):
    c = row.get("category") or ""
    if c in taxonomy:
        return c
    for source, cat, veto in entries:
        if source == row.get("source") and (c == cat or f"'{cat}'" in c or cat in [p.strip() for p in c.split(",")]):
            return veto
    return None


def weights(rows):
    """Balance.weights: safe and unsafe weigh the same within each language."""
    counts = collections.Counter((r["lang"], r["label"]) for r in rows)
    langs = collections.Counter(r["lang"] for r in rows)
    out = []
    for r in rows:
        present = sum(1 for label in ("safe", "unsafe") if counts[(r["lang"], label)] > 0)
        out.append(langs[r["lang"]] / present / counts[(r["lang"], r["label"])])
    return out
