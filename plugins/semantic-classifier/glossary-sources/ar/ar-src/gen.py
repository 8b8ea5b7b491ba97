#!/usr/bin/env python3
"""Generate the Arabic glossary from the hand-written source lists in this folder.
usage: python3 gen.py OUT.tsv
base*.txt : form|gloss[|plural1,plural2|plural gloss]   ('A:' prefix = adjective -> adds fem/plural forms)
            '~x|gloss' / 'x~|gloss' affixes.  '#' comments.
verbs*.txt: gloss_base,gloss_past | past forms (space sep; one form -> auto suffixes) | imperfect stem |
            imperatives (space sep) | masdar=gloss,masdar2=gloss
"""
import glob, os, re, sys
if len(sys.argv) < 2 or sys.argv[1].startswith('-'):
    sys.exit(f'usage: python3 {sys.argv[0]} OUT.tsv')
D = os.path.dirname(os.path.abspath(__file__))
entries = {}      # form -> gloss (first wins)
order = []
affixes = {}
TASH = re.compile('[\u064B-\u0652\u0640]')
def add(form, gloss, strong=True):
    form = ' '.join(TASH.sub('', form).split())
    if not form or not gloss: return
    if form in entries:
        return
    entries[form] = gloss; order.append(form)
for path in sorted(glob.glob(os.path.join(D, 'base*.txt'))):
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if not line or line.startswith('#'): continue
        adj = line.startswith('A:')
        if adj: line = line[2:]
        f = [x.strip() for x in line.split('|')]
        form, gloss = f[0], f[1]
        if form.startswith('~') or form.endswith('~'):
            affixes[form] = gloss; continue
        add(form.lower(), gloss)
        if form.endswith('ة') and ' ' not in form:
            add(form[:-1] + 'ت', gloss)
            if len(f) < 3 and not adj: add(form[:-1] + 'ات', gloss)
        if len(f) >= 3 and f[2]:
            pg = f[3] if len(f) >= 4 and f[3] else gloss
            for p in f[2].split(','):
                add(p.strip(), pg)
        if adj and ' ' not in form:
            base = form[:-1] if form.endswith('ة') else form
            for suf in ('ة', 'ين', 'ون', 'ات'):
                add(base + suf, gloss)
            add(base + 'ت', gloss)
# verbs
PERS = [('أ', 'i {v}'), ('ي', '{v}'), ('ت', 'you {v}'), ('ن', 'we {v}')]
for path in sorted(glob.glob(os.path.join(D, 'verbs*.txt'))):
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if not line or line.startswith('#'): continue
        f = [x.strip() for x in line.split('|')]
        while len(f) < 5: f.append('')
        g = f[0].split(',')
        v = g[0].strip(); vp = g[1].strip() if len(g) > 1 else v
        st = f[2]; imps = f[3].split()
        if ' ' in st:   # phrasal verb: the past form is one phrase, not several forms
            w1, rest = f[1].split(' ', 1)
            past = [f[1], w1 + 'ت ' + rest, w1 + 'وا ' + rest]
        else:
            past = f[1].split()
        for m in f[4].split(','):
            if '=' in m:
                a, b = m.split('=', 1); a = a.strip()
                add(a, b.strip())
                if a.endswith('ة'): add(a[:-1] + 'ت', b.strip())
        if st and ' ' in st:
            for pre, tpl in PERS:
                add(pre + st, tpl.format(v=v))
            st = ''
        if st:
            stp = st[:-1] if st.endswith('ي') else st   # defective plural stem
            for pre, tpl in PERS:
                add(pre + st, tpl.format(v=v))
            add('ي' + stp + 'ون', 'they ' + v); add('ي' + stp + 'وا', 'they ' + v)
            add('ت' + stp + 'ي', 'you ' + v); add('ت' + st + 'لي', 'you ' + v + ' for me')
            # colloquial b- present and h- future
            add('ب' + st, 'i ' + v); add('بي' + st, v); add('بت' + st, 'you ' + v)
            add('بي' + stp + 'وا', 'they ' + v)
            add('ه' + st, 'i will ' + v); add('هي' + st, 'will ' + v)
        if len(past) == 1 and ' ' not in past[0]:
            p = past[0]
            past = [p, p + 'ت', p + 'وا']
        norm = lambda x: re.sub('[أإآ]', 'ا', x)
        for i, p in enumerate(past): add(p, v if norm(p) == norm(past[0]) else vp)
        for im in imps:
            add(im, v)
            if im.endswith('ي'):
                continue
            add(im + 'ي', v); add(im + 'وا', v); add(im + 'لي', v + ' for me')
# spelling variants
def variants(w):
    out = set()
    n = re.sub('[أإآ]', 'ا', w)
    out.add(n)
    for x in list(out) + [w]:
        words = x.split(' ')
        for i, t in enumerate(words):
            if t.endswith('ة'):
                out.add(' '.join(words[:i] + [t[:-1] + 'ه'] + words[i+1:]))
            if t.endswith('ى'):
                out.add(' '.join(words[:i] + [t[:-1] + 'ي'] + words[i+1:]))
            if t.endswith('ي') and len(t) > 2:
                out.add(' '.join(words[:i] + [t[:-1] + 'ى'] + words[i+1:]))
    # whole-form endings combined
    x = n
    x2 = ' '.join(t[:-1] + 'ه' if t.endswith('ة') else (t[:-1] + 'ي' if t.endswith('ى') else t) for t in x.split(' '))
    out.add(x2)
    out.discard(w)
    return out
for form in list(order):
    for v in variants(form):
        add(v, entries[form])
with open(sys.argv[1], 'w', encoding='utf-8') as o:
    o.write('# Arabic (MSA + Egyptian/Levantine/Gulf colloquial) -> English word gloss. Generated by ar-src/gen.py\n')
    for a, g in affixes.items():
        o.write(f'{a}\t{g}\n')
    for form in order:
        o.write(f'{form}\t{entries[form]}\n')
print(len(order), 'forms', len(affixes), 'affixes', file=sys.stderr)
