#!/usr/bin/env python3
"""Reference glosser (the Java one in the semantic plugin follows the same rules).
usage: gloss.py GLOSSARY.tsv [--zh] < sentences.txt   -> prints gloss, coverage, unknown words per line
       (--zh for Chinese and Thai: their letters matched longest-first, up to 24 — the plugin cuts Thai into
       words with the JDK's dictionary breaker and finds a form across its cuts, so their glosses can differ)
       gloss.py GLOSSARY.tsv --check                  -> validates the file (format, duplicates)"""
import sys, unicodedata, re
from word_runs import word_runs  # next to this script
MAXN = 6  # forms of up to six words, as the plugin reads them
PRE = {}; SUF = {}
def load(path, check=False):
    g = {}; errors = 0
    for no, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        parts = line.split('\t')
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            print(f"{path}:{no}: want FORM<TAB>ENGLISH: {line!r}"); errors += 1; continue
        raw = parts[0].strip().lower().replace('’', "'")
        if raw.startswith('~') or raw.endswith('~'):
            (SUF if raw.startswith('~') else PRE)[raw.strip('~')] = parts[1].strip(); continue
        form = ' '.join(tokens(parts[0], zh)) if not zh else raw
        if form != raw and not zh:
            print(f"{path}:{no}: form {parts[0]!r} tokenizes as {form!r} (write it that way)"); errors += 1
        if form in g and check:
            print(f"{path}:{no}: duplicate form {form!r}"); errors += 1
        g[form] = parts[1].strip()
    if check:
        print(f"{len(g)} entries, {errors} problems")
    return g
def unspaced_char(c):
    return '\u4e00' <= c <= '\u9fff' or '\u0e01' <= c <= '\u0e4e'
def tokens(text, zh=False):
    text = unicodedata.normalize('NFC', text).lower().replace('’', "'")
    out = []
    for w in word_runs(text):
        if zh:
            out.extend(list(w) if any(unspaced_char(c) for c in w) else [w])
        else:
            out.append(w)
    return out
def affixed(w, g):
    """an unknown word: strip at most one listed prefix and one listed suffix (longest first) so that at
    least two characters remain and the rest is a glossary form"""
    best = None
    for p in [''] + sorted(PRE, key=len, reverse=True):
        if not w.startswith(p): continue
        for x in [''] + sorted(SUF, key=len, reverse=True):
            if (p or x) and w.endswith(x) and len(w) - len(p) - len(x) >= 2:
                stem = w[len(p):len(w) - len(x)]
                if stem in g:
                    return ([PRE[p]] if p else []) + [g[stem]] + ([SUF[x]] if x else [])
    return best
def gloss(text, g):
    t = tokens(text, zh); i = 0; out = []; known = 0; words = 0; unknown = []
    while i < len(t):
        for n in range(min(MAXN if not zh else 24, len(t) - i), 0, -1):
            form = ('' if zh else ' ').join(t[i:i+n])
            if form in g:
                if g[form] != '-': out.append(g[form])
                known += n; i += n; break
        else:
            a = affixed(t[i], g)
            if a is not None:
                out.extend(x for x in a if x != '-'); known += 1
            else:
                out.append(t[i]); unknown.append(t[i])
            i += 1
    words = sum(1 for w in t if not w.isdigit())
    return ' '.join(out), (known / words if words else 0), unknown
if __name__ == '__main__':
    zh = '--zh' in sys.argv
    g = load(sys.argv[1], '--check' in sys.argv)
    if '--check' in sys.argv: sys.exit(0)
    tot = 0; n = 0
    for line in sys.stdin:
        if not line.strip(): continue
        s, c, u = gloss(line.strip(), g); tot += c; n += 1
        print(f"{c:.2f}\t{s}\t| unknown: {' '.join(u)}")
    print(f"mean coverage {tot/max(n,1):.3f} over {n} sentences")
