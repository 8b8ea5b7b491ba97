#!/usr/bin/env python3
"""Build the Vietnamese glossary from vi-src/*.txt next to this script (form|english). First occurrence wins.
usage: python3 vi-build.py OUT.tsv [-s] [-v]
Adds old/new tone-placement variants (hóa/hoá, thủy/thuỷ) and unaccented variants of multi-syllable forms."""
import glob, os, re, sys, unicodedata
D = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(D))  # glossary-sources/, where glossary_file.py is
from glossary_file import print_duplicates, write_glossary
if len(sys.argv) < 2 or sys.argv[1].startswith('-'):
    sys.exit(f'usage: python3 {sys.argv[0]} OUT.tsv')
def tokens(text):
    text = unicodedata.normalize('NFC', text).lower().replace('’', "'")
    return [m.group(0) for m in re.finditer(r"[^\W_]+'?", text)]
def strip_acc(s):
    s = s.replace('đ', 'd').replace('Đ', 'D')
    d = unicodedata.normalize('NFD', s)
    return unicodedata.normalize('NFC', ''.join(c for c in d if unicodedata.category(c) != 'Mn'))
TONES = {'\u0300', '\u0301', '\u0303', '\u0309', '\u0323'}
def tone_variant(syl):
    """oa/oe/uy at end of syllable: swap tone position between first and second vowel"""
    if syl.startswith('qu') or syl.startswith('gi'):
        return None
    d = unicodedata.normalize('NFD', syl)
    base = ''.join(c for c in d if c not in TONES)
    tone = [c for c in d if c in TONES]
    if not tone: return None
    base_n = unicodedata.normalize('NFC', base)
    for nuc in ('oa', 'oe', 'uy'):
        if base_n.endswith(nuc) and len(base_n) >= 2:
            pre = base_n[:-2]
            if pre and pre[-1] in 'aeiouyăâêôơư': return None
            a = unicodedata.normalize('NFC', pre + nuc[0] + tone[0] + nuc[1])
            b = unicodedata.normalize('NFC', pre + nuc[0] + nuc[1] + tone[0])
            return b if syl == a else a if syl == b else None
    return None
entries = {}; order = []; dups = []
for f in sorted(glob.glob(os.path.join(D, 'vi-src', '*.txt'))):
    for no, line in enumerate(open(f, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'): continue
        if '|' not in line:
            print('BAD', f, no, line); continue
        form, eng = line.split('|', 1)
        eng = eng.strip().lower()
        if form.strip().startswith('~') or form.strip().endswith('~'):
            key = unicodedata.normalize('NFC', form.strip().lower())
        else:
            key = ' '.join(tokens(form))
        if not key or not eng: print('BAD', f, no, line); continue
        if key in entries:
            if entries[key] != eng: dups.append((key, entries[key], eng))
            continue
        entries[key] = eng; order.append(key)
explicit = set(entries)
# tone-placement variants
added_t = 0
for key in list(order):
    syls = key.split(' ')
    alts = [tone_variant(s) for s in syls]
    if any(alts):
        # variant with all swappable syllables swapped
        v = ' '.join(a if a else s for s, a in zip(syls, alts))
        if v not in entries:
            entries[v] = entries[key]; order.append(v); added_t += 1
# unaccented variants of multi-syllable forms (first wins)
added_u = 0
for key in list(order):
    if ' ' not in key: continue
    u = strip_acc(key)
    if u != key and u not in entries:
        entries[u] = entries[key]; order.append(u); added_u += 1
# unaccented single syllables: first explicit accented entry (file order = priority) wins
added_s = 0; auto_single = []
for key in list(order):
    if ' ' in key or key not in explicit: continue
    u = strip_acc(key)
    if u != key and u not in entries and entries[key] != '-':
        entries[u] = entries[key]; order.append(u); added_s += 1; auto_single.append((u, key, entries[key]))
write_glossary(sys.argv[1],
               'Vietnamese -> English word-by-word gloss. Built by vi-build.py from vi-src/*.txt',
               order, entries)
print(f'{len(explicit)} explicit, +{added_t} tone variants, +{added_u} unaccented multiword, +{added_s} unaccented single, total {len(order)}')
if '-s' in sys.argv:
    for a in auto_single: print('AUTO', *a, sep='\t')
print_duplicates(dups)
