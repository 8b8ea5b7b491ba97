#!/usr/bin/env python3
"""Builds the German glossary from the compact sources in src_de/*.txt next to this script.
usage: python3 build_de.py OUT.tsv
Line kinds:
  FORM<TAB>gloss                 literal entry (multiword ok, ~affix ok)
  = f1 f2 f3 : gloss             several single-word forms, one gloss
  v INF : eng [: past [: pp]]    weak verb (INF may be sep|verb for separable)
  s INF : eng : past : pp | pres-extras | past-stems | participle   strong/mixed verb
  n SG PL : eng [: engpl]        noun; PL = full form or +e +en +n +s +er = -
  a ADJ : eng [| comparative superlative-stem]   adjective
"""
import glob, os, re, sys
if len(sys.argv) < 2 or sys.argv[1].startswith('-'):
    sys.exit(f'usage: python3 {sys.argv[0]} OUT.tsv')
SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'src_de', '*.txt')
entries = {}   # form -> (level, order, gloss)
order = [0]
import unicodedata
def toks(text):
    text = unicodedata.normalize('NFC', text).lower().replace('’', "'")
    return [m.group(0) for m in re.finditer(r"[^\W_]+'?", text)]
def add(form, gl, level=0):
    form = form.strip().lower(); gl = gl.strip()
    if not (form.startswith('~') or form.endswith('~')):
        t = toks(form)
        if not t or len(t) > 4: return
        form = ' '.join(t)
    if not form or not gl: return
    order[0] += 1
    if form in entries and entries[form][0] <= level: return
    entries[form] = (level, order[0], gl)
def eplural(e):
    w = e.split(' ')
    x = w[-1]
    irr = {'man':'men','woman':'women','child':'children','person':'people','knife':'knives','wife':'wives','life':'lives','tooth':'teeth','foot':'feet','mouse':'mice','police':'police','money':'money','sheep':'sheep','fish':'fish','leaf':'leaves','thief':'thieves','wolf':'wolves','half':'halves','shelf':'shelves'}
    if x in irr: x = irr[x]
    elif re.search(r'[^aeiou]y$', x): x = x[:-1] + 'ies'
    elif re.search(r'(s|x|z|ch|sh)$', x): x += 'es'
    else: x += 's'
    return ' '.join(w[:-1] + [x])
def epast(e):
    w = e.split(' '); x = w[0]
    if x.endswith('e'): x += 'd'
    elif re.search(r'[^aeiou]y$', x): x = x[:-1] + 'ied'
    elif re.search(r'[^aeiou][aeiou][pbtgdm]$', x) and len(x) <= 4: x += x[-1] + 'ed'
    else: x += 'ed'
    return ' '.join([x] + w[1:])
INSEP = ('be', 'ge', 'er', 'ver', 'zer', 'ent', 'emp', 'miss', 'hinter', 'wider')
def stem_of(inf):
    if inf.endswith('en'): return inf[:-2]
    if inf.endswith('n'): return inf[:-1]
    return inf
def needs_e(st):
    return re.search(r'([td]|([^aeioulrhmn]|ch)[mn])$', st) is not None
def present_forms(inf):
    st = stem_of(inf)
    f = {inf, st + 'e', st}
    if inf.endswith(('eln', 'ern')):
        # sammeln, ändern
        f |= {st + 'st', st + 't', inf, st[:-2] + st[-1] + 'e' if st.endswith('el') else st + 'e'}
        return f
    if needs_e(st):
        f |= {st + 'est', st + 'et', st + 'en'}
    elif re.search(r'(s|ß|z|x)$', st):
        f |= {st + 't', st + 'en'}
    else:
        f |= {st + 'st', st + 't', st + 'en'}
    return f
def past_forms(ps):
    if ps.endswith('te'): return {ps, ps + 'st', ps + 'n', ps + 't'}
    out = {ps, ps + 'en', ps + 'st', ps + 't'}
    if re.search(r'[td]$', ps): out |= {ps + 'est', ps + 'et'}
    if re.search(r'(s|ß)$', ps): out |= {ps + 'est'}
    return out
SEP = ['zusammen', 'zurück', 'weiter', 'herunter', 'heraus', 'herein', 'runter', 'fest', 'hoch', 'raus', 'rein', 'nach', 'vor', 'weg', 'mit', 'los', 'hin', 'her', 'ein', 'auf', 'aus', 'bei', 'ab', 'an', 'zu', 'kaputt', 'fertig', 'kalt', 'tot', 'frei', 'statt', 'teil']
KNOWN_INF = set()
for _p in glob.glob(SRC):
    for _l in open(_p, encoding='utf-8'):
        _m = re.match(r'^[vs] (\S+)\s*:', _l)
        if _m: KNOWN_INF.add(_m.group(1).replace('|', '').lower())
def verb(inf, eng, past, pp, pres_extra=(), past_stems=None, part=None, weak=True):
    pre = ''
    if '|' not in inf and weak:
        for p in SEP:
            if inf.startswith(p) and inf[len(p):] in KNOWN_INF and len(inf) - len(p) >= 4:
                inf = p + '|' + inf[len(p):]; break
    if '|' in inf:
        pre, inf = inf.split('|')
    st = stem_of(inf)
    if past_stems is None:
        if needs_e(st) and not inf.endswith(('eln','ern')): past_stems = [st + 'ete']
        else: past_stems = [st + 'te']
    if part is None:
        base = st + ('et' if needs_e(st) and not inf.endswith(('eln','ern')) else 't')
        if inf.startswith(INSEP) or inf.endswith('ieren'): part = base
        else: part = 'ge' + base
    pres = present_forms(inf) | set(pres_extra)
    pst = set()
    for p in past_stems: pst |= past_forms(p)
    if pre:
        add(pre + inf, eng, 0)
        add(pre + 'zu' + inf, 'to ' + eng, 1)
        add(pre + part, pp, 0)
        for f in pres:
            if f != inf: add(pre + f, eng, 1)
        for f in pst: add(pre + f, past, 1)
    else:
        add(inf, eng, 0)
        for f in pres: add(f, eng, 1)
        for f in pst: add(f, past, 1)
        add(part, pp, 0 if not weak else 1)
def noun(sg, pl, eng, engpl=None):
    engpl = engpl or eplural(eng)
    add(sg, eng, 0)
    if not sg.endswith(('s', 'ß', 'x', 'z')): add(sg + 's', eng, 1)
    if not sg.endswith('e'): add(sg + 'es', eng, 1)
    if pl in ('-', ''): 
        if not sg.endswith(('n','s','e')): add(sg + 'e', eng, 1)
        return
    if pl == '=': p = sg
    elif pl.startswith('+'): p = sg + pl[1:]
    else: p = pl
    if p == sg:
        add(sg + 'n', engpl, 1) if not sg.endswith(('n','s')) else None
        return
    add(p, engpl, 0)
    if not p.endswith(('n', 's')): add(p + 'n', engpl, 1)
    if p.endswith('en') or p.endswith('n'):
        add(sg + 'n' if sg.endswith('e') else sg + 'en', eng, 1)  # weak masc dative etc.
IRR_CMP = {'good': ('better', 'best'), 'bad': ('worse', 'worst'), 'much': ('more', 'most'), 'many': ('more', 'most'),
           'far': ('further', 'furthest'), 'little': ('less', 'least'), 'well': ('better', 'best')}
ER_CMP = set('''fast slow quick cheap big small long short high low old young new strong weak hard soft easy heavy light
dark bright warm cold hot cool clean dirty rich poor safe large great thin thick fat deep wide near late early loud quiet
nice sweet tall full simple happy close tight smart fine dry wet sharp flat fresh calm busy lazy angry funny pretty ugly
rough smooth tough brave wild cute mild kind proud rare'''.split())
def ecompare(eng):
    if eng in IRR_CMP: return IRR_CMP[eng]
    if eng in ER_CMP:
        b = eng
        if b.endswith('y'): return b[:-1] + 'ier', b[:-1] + 'iest'
        if b.endswith('e'): return b + 'r', b + 'st'
        if re.search(r'[^aeiou][aeiou][bdgmnpt]$', b): b += b[-1]
        return b + 'er', b + 'est'
    return 'more ' + eng, 'most ' + eng
def adj(a, eng, extra=None):
    base = [a]
    if a.endswith('e'):
        ends = ['', 'r', 's', 'n', 'm']
    else:
        ends = ['', 'e', 'er', 'es', 'en', 'em']
    if extra:
        comp, sup = extra[0], extra[1]
    else:
        comp = (a + 'r') if a.endswith('e') else a + 'er'
        sup = a + ('est' if re.search(r'(d|t|s|ß|z|sch|x)$', a) else 'st')
    ceng, seng = ecompare(eng)
    # "schneller" is far more often the comparative than the inflected positive: let it win
    if comp != a and not ceng.startswith("more "): add(comp, ceng, 1)
    for e in ends: add(a + e, eng, 0 if e == '' else 1)
    for e in ['', 'e', 'er', 'es', 'en', 'em']:
        add(comp + e, ceng, 1)
    for e in ['', 'e', 'er', 'es', 'en', 'em']:
        add(sup + e, seng, 1)
    add('am ' + sup + 'en', seng, 1)
for path in sorted(glob.glob(SRC)):
    for no, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'): continue
        try:
            if '\t' in line:
                f, g = line.split('\t', 1); add(f, g, 0); continue
            if ' => ' in line:
                f, g = line.split(' => ', 1); add(' '.join(f.split()), g, 0); continue
            kind, rest = line.split(' ', 1)
            if kind == '=':
                forms, g = rest.rsplit(':', 1)
                for f in forms.split(): add(f, g, 0)
            elif kind == 'v':
                p = [x.strip() for x in rest.split(':')]
                eng = p[1]; past = p[2] if len(p) > 2 and p[2] else epast(eng)
                pp = p[3] if len(p) > 3 else past
                verb(p[0], eng, past, pp)
            elif kind == 's':
                # handle separable marker: first token may contain |
                m = re.match(r'^(\S+)\s*:(.*)$', rest)
                inf = m.group(1); tail = m.group(2)
                segs = tail.split('|')
                p = [x.strip() for x in segs[0].split(':')]
                eng, past, pp = p[0], p[1], p[2]
                pres_extra = segs[1].split() if len(segs) > 1 else []
                pstems = segs[2].split() if len(segs) > 2 else []
                PART = {'an','aus','ab','auf','ein','mit','zu','vor','um','nach','fest','weg','teil','herunter','runter','hoch','raus','rein','tot','zusammen','statt','bei','fort','hin','davon','fern','heraus','los','zurück','durch','her','wieder','kaputt','frei','kennen','fertig','sauber','offen'}
                parts_found = [t for t in pres_extra + pstems if t in PART]
                if parts_found:
                    for t in pres_extra:
                        if t not in PART: add(t, eng, 2)
                    for t in pstems:
                        if t not in PART:
                            for f in past_forms(t): add(f, past, 2)
                    pre = parts_found[0]
                    pres_extra = [t for t in pres_extra if t not in PART]
                    pstems = [t for t in pstems if t not in PART]
                    if inf.startswith(pre) and '|' not in inf:
                        inf = pre + '|' + inf[len(pre):]
                        if part and part.startswith(pre): part = part[len(pre):]
                part = segs[3].strip() if len(segs) > 3 else None
                verb(inf, eng, past, pp, pres_extra, pstems or None, part, weak=False)
            elif kind == 'n':
                m = re.match(r'^(\S+)\s+(\S+)\s*:(.*)$', rest)
                sg, pl, tail = m.group(1).lower(), m.group(2).lower(), m.group(3)
                p = [x.strip() for x in tail.split(':')]
                noun(sg, pl, p[0], p[1] if len(p) > 1 else None)
            elif kind == 'a':
                a, tail = rest.split(':', 1)
                if '|' in tail:
                    g, ex = tail.split('|'); adj(a.strip().lower(), g.strip(), ex.split())
                else:
                    adj(a.strip().lower(), tail.strip())
            else:
                print(f'{path}:{no}: unknown kind {line!r}', file=sys.stderr)
        except Exception as ex:
            print(f'{path}:{no}: {ex}: {line!r}', file=sys.stderr)
# umlaut-less variants (lowest priority)
for f, (lv, o, g) in list(entries.items()):
    if f.startswith('~') or f.endswith('~'): continue
    v = f.replace('ä', 'ae').replace('ö', 'oe').replace('ü', 'ue').replace('ß', 'ss')
    if v != f: add(v, g, 3)
out = open(sys.argv[1], 'w', encoding='utf-8')
out.write('# German -> English gloss (generated by build_de.py from src_de/)\n')
for f, (lv, o, g) in sorted(entries.items(), key=lambda x: (x[1][0], x[1][1])):
    out.write(f'{f}\t{g}\n')
print(len(entries), 'entries', file=sys.stderr)
