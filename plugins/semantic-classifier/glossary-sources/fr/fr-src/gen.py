#!/usr/bin/env python3
# builds the French glossary from the source lists in this folder (first entry for a form wins)
# usage: python3 gen.py OUT.tsv
import unicodedata, re, os, sys
if len(sys.argv) < 2 or sys.argv[1].startswith('-'):
    sys.exit(f'usage: python3 {sys.argv[0]} OUT.tsv')
D = os.path.dirname(os.path.abspath(__file__))
out = []; seen = {}
def add(form, eng):
    form = ' '.join(re.findall(r"[^\W_]+'?", unicodedata.normalize('NFC', form).lower().replace('’', "'"))) if not form.startswith('~') and not form.endswith('~') else form
    if not form or not eng: return
    if form in seen: return
    seen[form] = eng; out.append((form, eng))
ENG_IRR = dict(x.split(':') for x in """be:been have:had go:gone do:done make:made take:taken get:got give:given see:seen know:known say:said tell:told find:found think:thought buy:bought sell:sold send:sent spend:spent build:built break:broken steal:stolen hit:hit hurt:hurt cut:cut put:put set:set shut:shut let:let beat:beaten bite:bitten hide:hidden write:written read:read eat:eaten drink:drunk run:run come:come become:become begin:begun bring:brought catch:caught teach:taught fight:fought feel:felt keep:kept leave:left lose:lost meet:met pay:paid sleep:slept stand:stood understand:understood win:won shoot:shot throw:thrown blow:blown grow:grown fly:flown draw:drawn drive:driven ride:ridden rise:risen choose:chosen forget:forgotten speak:spoken wake:woken wear:worn tear:torn swear:sworn hang:hung hold:held lead:led feed:fed bleed:bled lend:lent light:lit sit:sat sing:sung swim:swum sink:sunk stick:stuck strike:struck dig:dug mean:meant deal:dealt seek:sought shake:shaken freeze:frozen sting:stung spread:spread split:split quit:quit cost:cost lie:lied die:died hear:heard bet:bet fall:fallen forgive:forgiven hurt:hurt bind:bound wind:wound slide:slid sweep:swept weep:wept upset:upset undo:undone overdo:overdone withdraw:withdrawn show:shown sew:sewn mow:mown""".split())
def one_syll_cvc(w):
    return re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", w) is not None
def past(e):
    if ' ' in e:
        a, b = e.split(' ', 1); return past(a) + ' ' + b
    if e in ENG_IRR: return ENG_IRR[e]
    if e.endswith('e'): return e + 'd'
    if re.search(r"[^aeiou]y$", e): return e[:-1] + 'ied'
    if one_syll_cvc(e): return e + e[-1] + 'ed'
    return e + 'ed'
def ing(e):
    if ' ' in e:
        a, b = e.split(' ', 1); return ing(a) + ' ' + b
    if e in ('be', 'see', 'flee', 'agree'): return e + 'ing'
    if e.endswith('ie'): return e[:-2] + 'ying'
    if e.endswith('e') and not e.endswith('ee'): return e[:-1] + 'ing'
    if one_syll_cvc(e): return e + e[-1] + 'ing'
    return e + 'ing'
def plural(e):
    if ' ' in e:
        a, b = e.rsplit(' ', 1); return a + ' ' + plural(b) if b not in ('of', 'in', 'on') and not e.startswith(('to ', 'be ')) else e
    if e in ('knife', 'wife', 'life', 'thief', 'leaf', 'half', 'shelf', 'wolf'): return e[:-2] + 'ves' if e.endswith('fe') else e[:-1] + 'ves'
    if e in ('man', 'woman', 'child', 'person', 'foot', 'tooth', 'mouse', 'police', 'people', 'money', 'advice', 'information', 'homework', 'evidence', 'data', 'software', 'equipment', 'furniture', 'news', 'porn', 'weed', 'hash', 'meth', 'heroin', 'cocaine', 'cannabis'): return {'man': 'men', 'woman': 'women', 'child': 'children', 'person': 'people', 'foot': 'feet', 'tooth': 'teeth', 'mouse': 'mice'}.get(e, e)
    if e.endswith('s') and not e.endswith('ss'): return e
    if re.search(r"(s|sh|ch|x|z)$", e): return e + 'es'
    if re.search(r"[^aeiou]y$", e): return e[:-1] + 'ies'
    if e in ('potato', 'tomato', 'hero', 'echo', 'mosquito', 'torpedo', 'volcano'): return e + 'es'
    return e + 's'
def lines(name):
    p = os.path.join(D, name)
    if not os.path.exists(p): return
    for l in open(p, encoding='utf-8'):
        l = l.rstrip('\n')
        if not l.strip() or l.startswith('#'): continue
        yield l
def verb(inf, pres, ppart, fut, imp, eng, pp=None, ant=None):
    """pres: 6 forms (je tu il nous vous ils); ppart: masc sing; fut: future stem; imp: imperfect stem"""
    pe = pp or past(eng)
    add(inf, eng)
    for f in pres: add(f, eng)
    # participles
    m = ppart
    parts = [m]
    if m.endswith('s'): parts += [m + 'e', m + 'es']
    elif m.endswith('t') or m.endswith('é') or m.endswith('i') or m.endswith('u'): parts += [m + 'e', m + 's', m + 'es']
    else: parts += [m + 'e', m + 's', m + 'es']
    for f in parts: add(f, pe)
    for suf in ('ais', 'ait', 'aient'): add(imp + suf, pe)
    for suf in ('ai', 'as', 'a', 'ez', 'ont'): add(fut + suf, 'will ' + eng)
    for suf in ('ais', 'ait', 'aient'): add(fut + suf, 'would ' + eng)
    add(ant or (imp + 'ant'), ing(eng))
    # subjunctive-ish (3rd pl stem + e/es) for present forms like "que je puisse" are listed manually
# 1. manual entries (highest priority)
for f in sorted(x for x in os.listdir(D) if x.startswith('m_') and x.endswith('.tsv')):
    for l in lines(f):
        a, b = l.split('\t'); add(a, b)
# 2. irregular verbs: inf|p1 p2 p3 p4 p5 p6|ppart|futstem|impstem|english[|english pp]
for l in lines('v_irr.txt'):
    x = l.split('|'); verb(x[0], x[1].split(), x[2], x[3], x[4], x[5], x[6] if len(x) > 6 and x[6] else None)
# 3. -er verbs: inf|english[|pp]
# 6. adjectives: masc|english  or masc|fem|english
def fem(m):
    for a, b in (('eux', 'euse'), ('if', 'ive'), ('el', 'elle'), ('en', 'enne'), ('er', 'ère'), ('on', 'onne'), ('et', 'ette'), ('eil', 'eille'), ('ien', 'ienne')):
        if m.endswith(a): return m[:-len(a)] + b
    return m if m.endswith('e') else m + 'e'
def mpl(m):
    if m.endswith(('s', 'x', 'z')): return m
    if m.endswith('al'): return m[:-2] + 'aux'
    if m.endswith(('eau', 'eu')): return m + 'x'
    return m + 's'
for l in lines('adj.txt'):
    x = l.split('|')
    if len(x) == 2: m, e = x; f = fem(m)
    else: m, f, e = x[0], x[1], x[2]
    for w in (m, f, mpl(m), f + 's'): add(w, e)
# 7. nouns: sing|english  or sing|plural|english
for l in lines('nouns.txt'):
    x = l.split('|')
    if len(x) == 2: s, e = x; p = mpl(s) if not s.endswith('ail') else s + 's'
    else: s, p, e = x
    if len(x) == 2 and ' ' in s:
        w = s.split(' ')
        p = ' '.join([mpl(w[0])] + w[1:]) if w[1] in ('de', "d'", 'à', 'du', 'des', 'en', 'aux', 'au') else ' '.join(mpl(v) for v in w)
    add(s, e); add(p, plural(e))
IRR = set(l.split('|')[0] for l in lines('v_irr.txt'))
ER = []; IR = list(lines('v_ir.txt')); RE = list(lines('v_re.txt'))
for l in lines('v_er.txt'):
    inf = l.split('|')[0]
    if ' ' in inf: add(inf, l.split('|')[1]); continue
    if inf in IRR: continue
    if inf.endswith('er'): ER.append(l)
    elif inf.endswith('ir') or inf.endswith('ïr'): IR.append(l)
    elif inf.endswith('re'): RE.append(l)
for l in ER:
    x = l.split('|'); inf = x[0]; eng = x[1]; pp = x[2] if len(x) > 2 and x[2] else None
    st = inf[:-2]
    soft = st + ('e' if st.endswith('g') else '')
    soft = soft[:-1] + 'ç' if st.endswith('c') else soft
    p = [st + 'e', st + 'es', st + 'e', soft + 'ons', st + 'ez', st + 'ent']
    if st.endswith('y') and not st.endswith('ey'):
        for s in ('e', 'es', 'ent'): add(st[:-1] + 'i' + s, eng)
    fut = inf
    if st.endswith('y') and not st.endswith('ey'): fut = st[:-1] + 'ier'
    # e->è / é->è stems (acheter, lever, préférer, répéter): listed in x[3] as the stressed stem
    if len(x) > 3 and x[3]:
        s2 = x[3]; p = [s2 + 'e', s2 + 'es', s2 + 'e', soft + 'ons', st + 'ez', s2 + 'ent']
        if len(x) > 4 and x[4]: fut = x[4]
    verb(inf, p, st + 'é', fut, soft, eng, pp, soft + 'ant')
    # imperfect with st for nous/vous
    if fut != inf:
        for suf in ('ai', 'a', 'ez'): add(inf + suf, 'will ' + eng)
# 4. -ir (finir) verbs
for l in IR:
    x = l.split('|'); inf = x[0]; st = inf[:-2]; pp = x[2] if len(x) > 2 and x[2] else None
    verb(inf, [st + 'is', st + 'is', st + 'it', st + 'issons', st + 'issez', st + 'issent'], st + 'i', inf, st + 'iss', x[1], pp)
# 5. -re (vendre) verbs
for l in RE:
    x = l.split('|'); inf = x[0]; st = inf[:-2]; pp = x[2] if len(x) > 2 and x[2] else None
    verb(inf, [st + 's', st + 's', st, st + 'ons', st + 'ez', st + 'ent'], st + 'u', inf[:-1], st, x[1], pp)
# 8. unaccented variants
def strip(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn').replace('œ', 'oe').replace('æ', 'ae')
for f, e in list(out):
    u = strip(f)
    if u != f: add(u, e)
    if 'œ' in f: add(f.replace('œ', 'oe'), e)
with open(sys.argv[1], 'w', encoding='utf-8') as o:
    o.write('# French -> English word-by-word gloss (generated by src/gen.py; first form wins)\n')
    for f, e in out: o.write(f + '\t' + e + '\n')
print(len(out), 'entries')
