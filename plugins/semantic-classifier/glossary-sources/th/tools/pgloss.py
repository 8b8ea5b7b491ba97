#!/usr/bin/env python3
"""Emulates the plugin: Thai runs cut by the JDK breaker (Brk.java), fewest forms of up to 6 words.
usage: pgloss.py GLOSSARY.tsv [-q] < sentences.txt"""
import sys, subprocess, unicodedata, os, re
D = os.path.dirname(os.path.abspath(__file__))
g = {}
for line in open(sys.argv[1], encoding='utf-8'):
    if line.startswith('#') or '\t' not in line: continue
    f, e = line.rstrip('\n').split('\t'); g[f] = e
PRE = {k[:-1]: v for k, v in g.items() if k.endswith('~')}
SUF = {k[1:]: v for k, v in g.items() if k.startswith('~')}
COMP = '!compounds' in g
def affixed(w):
    for p in [''] + sorted(PRE, key=len, reverse=True):
        if p and not w.startswith(p): continue
        for x in sorted(SUF, key=len, reverse=True) + ['']:
            if not p and not x: continue
            if x and not w.endswith(x): continue
            if len(w) - len(p) - len(x) < 2: continue
            st = w[len(p):len(w) - len(x)]
            if st in g and '~' not in st:
                return [e for e in ([PRE[p]] if p else []) + [g[st]] + ([SUF[x]] if x else []) if e != '-']
    return None
def listed_or(w):
    if w in g: return [] if g[w] == '-' else [g[w]]
    return affixed(w)
def derive(w):
    a = affixed(w)
    if a is not None or not COMP or len(w) < 7: return a
    for sp in range(3, len(w) - 3 + 1):
        h = listed_or(w[sp:])
        if h is None: continue
        m = listed_or(w[:sp])
        if m is not None: return m + h
    return None
lines = [unicodedata.normalize('NFKC', l.rstrip('\n')) for l in sys.stdin if l.strip() and not l.startswith('#')]
def isthai(c): return unicodedata.name(c, '').startswith('THAI') and (c.isalpha() or unicodedata.category(c) in ('Mn', 'Mc'))
def words_of(text, brk):
    text = unicodedata.normalize('NFC', text).lower()
    out = []; w = ''; i = 0
    while i < len(text):
        c = text[i]
        if isthai(c):
            if w: out.append(w); w = ''
            j = i
            while j < len(text) and isthai(text[j]): j += 1
            out.extend(brk[text[i:j]]); i = j; continue
        if c.isalnum() or unicodedata.category(c) in ('Mn', 'Mc'): w += c
        else:
            if w: out.append(w); w = ''
            if c in '.?!': out.append(c)
        i += 1
    if w: out.append(w)
    return out
runs = set()
for l in lines:
    t = unicodedata.normalize('NFC', l).lower()
    i = 0
    while i < len(t):
        if isthai(t[i]):
            j = i
            while j < len(t) and isthai(t[j]): j += 1
            runs.add(t[i:j]); i = j
        else: i += 1
runs = sorted(runs)
res = subprocess.run(['java', '-cp', D, 'Brk'], input='\n'.join(runs) + '\n', capture_output=True, text=True).stdout.split('\n')
brk = {r: res[k].split('|') for k, r in enumerate(runs)}
def th(w): return isthai(w[0])
def join(ws):
    s = ws[0]
    for a, b in zip(ws, ws[1:]): s += ('' if th(a) and th(b) else ' ') + b
    return s
tot = 0; hi = 0; allunk = {}
for l in lines:
    ws = words_of(l, brk); n = len(ws)
    few = [0] * (n + 1); ln = [1] * (n + 1)
    for i in range(n - 1, -1, -1):
        few[i] = 1 + few[i + 1]; ln[i] = 1
        if ws[i] in '.?!': continue
        for to in range(i + 2, min(n, i + 6) + 1):
            if ws[to - 1] in '.?!': break
            if 1 + few[to] < few[i] and join(ws[i:to]) in g:
                few[i] = 1 + few[to]; ln[i] = to - i
    i = 0; out = []; known = cnt = 0; unk = []
    while i < n:
        w = ws[i]
        if w in '.?!': out.append(w); i += 1; continue
        L = ln[i]; f = join(ws[i:i + L]); num = w.isdigit()
        c = sum(1 for x in ws[i:i + L] if not x.isdigit()); cnt += c
        if f in g:
            if g[f] != '-': out.append(g[f])
            known += c
        elif not num and derive(w) is not None:
            out.extend(derive(w)); known += c
        else:
            out.append(w)
            if not num: unk.append(w); allunk[w] = allunk.get(w, 0) + 1
        i += L
    cov = known / cnt if cnt else 0; tot += 1; hi += cov >= 0.8
    if '-q' not in sys.argv:
        print(f'{cov:.2f} {l}\n     {" ".join(out)}\n     [{"|".join(ws)}]' + (f'\n     UNK: {" ".join(unk)}' if unk else ''))
print(f'# {hi}/{tot} sentences at 0.8+ coverage')
print('# unknown:', ' '.join(f'{w}:{c}' for w, c in sorted(allunk.items(), key=lambda x: -x[1])))
