#!/usr/bin/env python3
"""Build the Javanese glossary from jv-src/*.txt next to this script. First occurrence wins (files in name order).
usage: python3 jv-build.py OUT.tsv [-v]

Line kinds in jv-src/*.txt ('#' starts a comment line):
  form|english                 a word or phrase (up to six words), ngoko, krama or Indonesian as people type it
  ~suf|english / pre~|english  an affix an unlisted word may lose
Files named v*.txt are verb lists, one root a line:
  root|english[|nasal form[|passive english]]
  Javanese roots get the nasal (N-) form (gawe>nggawe, tuku>nuku, pangan>mangan, sapu>nyapu, jupuk>njupuk),
  di-/tak-/dak-/kok-/dipun-/ke- prefixes and -ake/-ke/-kake/-kke/-i/-ni/-na/-no/-kna/-kno/-en/-nen/-an/-a suffixes.
Files named i*.txt are Indonesian verb roots: root|english[|me- form]; they get me-/di-/ter-/nge- forms and
  -kan/-in/-i/-nya suffixes.
Files named n*.txt are nouns: noun|english; they get -ku (my), -mu (your), -e/-ne/-ipun/-nya (the) forms.
Everything generated is written after every hand-written entry, so a hand-written form always wins."""
import glob, os, re, sys, unicodedata

D = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(D))  # glossary-sources/, where glossary_file.py is
from glossary_file import print_duplicates, write_glossary
if len(sys.argv) < 2 or sys.argv[1].startswith('-'):
    sys.exit(f'usage: python3 {sys.argv[0]} OUT.tsv [-v]')


def tokens(text):
    text = unicodedata.normalize('NFC', text).lower().replace('\u2019', "'")
    return [m.group(0) for m in re.finditer(r"[^\W_]+'?", text)]


entries, order, dups, generated = {}, [], [], []


def put(key, eng, gen=False):
    if not key or not eng:
        return
    if gen:
        generated.append((key, eng))
        return
    if key in entries:
        if entries[key] != eng:
            dups.append((key, entries[key], eng))
        return
    entries[key] = eng
    order.append(key)


VOW = 'aeiouéèê'


def nasal_jv(r):
    """the N- (active) form of a Javanese root"""
    if r.startswith(('m', 'n', 'ng', 'ny')) and not r.startswith('nd'):
        return r
    if r[0] in VOW:
        return 'ng' + r
    if r.startswith('th'):
        return 'n' + r[2:]
    if r.startswith('dh'):
        return 'ndh' + r[2:]
    c = r[0]
    if c == 'k':
        return 'ng' + r[1:]
    if c == 'p':
        return 'm' + r[1:]
    if c == 't':
        return 'n' + r[1:]
    if c in 'sc':
        return 'ny' + r[1:]
    if c == 'w':
        return 'm' + r[1:]
    if c == 'b':
        return 'mb' + r
    if c == 'd':
        return 'nd' + r
    if c == 'j':
        return 'nj' + r
    if c == 'g':
        return 'ng' + r
    if c in 'lry':
        return 'ng' + r
    return 'nge' + r


def jv_suffixed(r):
    """root with each suffix: list of (form, kind)"""
    v = r[-1] in VOW
    out = [(r, '')]
    if v:
        out += [(r + 'kake', 'ake'), (r + 'ke', 'ake'), (r + 'kke', 'ake'), (r + 'kaken', 'ake'),
                (r + 'ake', 'ake'), (r + 'ni', 'i'), (r + 'i', 'i'), (r + 'kna', 'na'), (r + 'kno', 'na'),
                (r + 'kne', 'na'), (r + 'no', 'na'), (r + 'na', 'na'), (r + 'nen', 'en'), (r + 'nana', 'i'),
                (r + 'nono', 'i'), (r + 'nan', 'an'), (r + 'an', 'an'), (r + 'yan', 'an'), (r + 'a', 'a'),
                (r + 'ne', 'e'), (r + 'nipun', 'e'), (r + 'kan', 'ake'), (r + 'in', 'i')]
    else:
        out += [(r + 'ake', 'ake'), (r + 'ke', 'ake'), (r + 'aken', 'ake'), (r + 'kake', 'ake'),
                (r + 'i', 'i'), (r + 'na', 'na'), (r + 'no', 'na'), (r + 'ne', 'na'), (r + 'kno', 'na'),
                (r + 'kna', 'na'), (r + 'en', 'en'), (r + 'ana', 'i'), (r + 'ono', 'i'), (r + 'an', 'an'),
                (r + 'a', 'a'), (r + 'e', 'e'), (r + 'ipun', 'e'), (r + 'kan', 'ake'), (r + 'in', 'i')]
    # roots typed with final a as o (gawa/gowo): the o spelling is listed as its own root
    return out


def gen_jv_verb(root, eng, nasal=None, passive=None):
    passive = passive or eng
    n = nasal or nasal_jv(root)
    for form, kind in jv_suffixed(root):
        stem_n = n + form[len(root):]
        if kind == 'an':
            put(form, eng, True)          # gawean: the made thing / doing it
        elif kind == 'e':
            put(form, 'the ' + eng if ' ' not in eng else eng, True)
        else:
            put(form, eng, True)
        if kind in ('', 'ake', 'i', 'kan'):
            put(stem_n, eng, True)
        if kind in ('', 'ake', 'i', 'na', 'an'):
            if kind != 'an':
                put('di' + form, passive, True)
                put('dipun' + form, passive, True)
                put('tak' + form, eng, True)
                put('dak' + form, eng, True)
                put('kok' + form, eng, True)
                put('ko' + form, eng, True)
            put('ke' + form, passive, True)
            put('ka' + form, passive, True)
        if kind == 'ake' and form.endswith(('ake', 'ke', 'kke')):
            put(stem_n, eng, True)
    put(n + 'e', eng, True) if n.endswith(('ng', 'ny')) else None
    if root[-1] not in VOW:
        put(n + 'i', eng, True); put(n + 'ake', eng, True); put(n + 'ke', eng, True); put(n + 'ne', eng, True)
    else:
        put(n + 'ni', eng, True); put(n + 'kake', eng, True); put(n + 'ke', eng, True); put(n + 'kne', eng, True)
    put(n + 'kan', eng, True); put(n + 'in', eng, True)
    # tak-/di- written apart is covered by "tak" and "di" themselves


def nasal_id(r):
    """the me- form of an Indonesian root"""
    c = r[0]
    if r[0] in 'aeiou' or c in 'gh':
        return 'meng' + r
    if c == 'k':
        return 'meng' + r[1:]
    if c == 'p':
        return 'mem' + r[1:]
    if c == 'b' or c == 'f':
        return 'mem' + r
    if c == 't':
        return 'men' + r[1:]
    if c in 'dcjz':
        return 'men' + r
    if c == 's':
        return 'meny' + r[1:]
    return 'me' + r


def gen_id_verb(root, eng, me=None):
    m = me or nasal_id(root)
    colloq = 'ng' + m[4:] if m.startswith('meng') else 'ny' + m[4:] if m.startswith('meny') else None
    for suf in ('', 'kan', 'in', 'i', 'nya', 'lah', 'kanlah', 'kannya', 'inya', 'innya'):
        put(root + suf, eng, True)
        put(m + suf, eng, True)
        put('di' + root + suf, eng, True)
        put('ter' + root + suf, eng, True)
        put('nge' + root + suf, eng, True)
        if colloq:
            put(colloq + suf, eng, True)
    put('ke' + root + 'an', eng, True)
    put('pe' + m[2:] + 'an', eng, True)


def gen_noun(n, eng):
    v = n[-1] in VOW
    put(n + 'ku', 'my ' + eng, True)
    put(n + 'mu', 'your ' + eng, True)
    put(n + 'ne', 'the ' + eng, True)
    put(n + 'e', 'the ' + eng, True) if not v else None
    put(n + 'ipun', 'the ' + eng, True)
    put(n + 'nya', 'the ' + eng, True)
    put(n + 'mu', 'your ' + eng, True)
    put(n + 'ku', 'my ' + eng, True)


verbs_jv, verbs_id, nouns, adjs = [], [], [], []
for f in sorted(glob.glob(os.path.join(D, 'jv-src', '*.txt'))):
    base = os.path.basename(f)
    for no, line in enumerate(open(f, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        parts = [p.strip() for p in line.split('|')]
        if len(parts) < 2 or not parts[0] or not parts[1]:
            print('BAD', base, no, line)
            continue
        form, eng = parts[0], parts[1].lower()
        if form.startswith('~') or form.endswith('~'):
            put(unicodedata.normalize('NFC', form.lower()), eng)
            continue
        key = ' '.join(tokens(form))
        if base.startswith('v'):
            if ' ' in key:
                print('BAD verb', base, no, line); continue
            verbs_jv.append((key, eng, parts[2] if len(parts) > 2 and parts[2] else None,
                             parts[3].lower() if len(parts) > 3 and parts[3] else None))
            put(key, eng)
        elif base.startswith('i'):
            if ' ' in key:
                print('BAD verb', base, no, line); continue
            verbs_id.append((key, eng, parts[2] if len(parts) > 2 and parts[2] else None))
            put(key, eng)
        else:
            put(key, eng)
            if base.startswith('n') and ' ' not in key:
                nouns.append((key, eng))
            if 'adj' in base and ' ' not in key and ' ' not in eng:
                adjs.append((key, eng))

explicit = len(order)
for r, e, n, p in verbs_jv:
    gen_jv_verb(r, e, n, p)
for r, e, m in verbs_id:
    gen_id_verb(r, e, m)
for n, e in nouns:
    gen_noun(n, e)
for a, e in adjs:  # "apik banget" very good, "sing apik" good, "sing paling apik" the most good
    for very in ('banget', 'bgt', 'tenan', 'pol', 'sanget', 'sekali', 'nemen', 'poll'):
        put(a + ' ' + very, 'very ' + e, True)
    put('paling ' + a, 'most ' + e, True)
    for that in ('sing', 'seng', 'yang', 'yg', 'ingkang'):
        put(that + ' ' + a, e, True)
        put(that + ' paling ' + a, 'the most ' + e, True)
        put(that + ' luwih ' + a, e + 'er', True) if len(e) < 6 else None
added = 0
for k, e in generated:
    if k not in entries and len(k) >= 2:
        entries[k] = e; order.append(k); added += 1
write_glossary(sys.argv[1],
               'Javanese (ngoko, krama, mixed Indonesian) -> English word-by-word gloss. Built by jv-build.py',
               order, entries)
print(f'{explicit} hand-written, +{added} generated, total {len(order)}')
print_duplicates(dups)
