#!/usr/bin/env python3
"""Builds the Spanish glossary from es-src/ (next to this script): direct tsv lists + generated noun/adjective/verb
inflections.  usage: python3 es-build.py OUT.tsv"""
import re, unicodedata, sys, os
SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'es-src')
OUT = {}; ORDER = []; CONFLICTS = []
def add(form, eng, strong=True, origin=''):
    form = unicodedata.normalize('NFC', form.strip().lower())
    eng = eng.strip().replace('_', ' ')
    if not form or not eng: return
    if form in OUT:
        if strong and OUT[form][1] and OUT[form][0] != eng and origin == 'direct':
            CONFLICTS.append((form, OUT[form][0], eng))
        return
    OUT[form] = (eng, strong); ORDER.append(form)
ACC = str.maketrans('áéíóúü', 'aeiouu')
def unacc(s): return s.translate(ACC)
# ---------------- English morphology
IRR_PL = {'knife':'knives','wife':'wives','life':'lives','child':'children','person':'people','man':'men',
          'woman':'women','mouse':'mice','tooth':'teeth','foot':'feet','leaf':'leaves','thief':'thieves',
          'shelf':'shelves','half':'halves','wolf':'wolves','police':'police','sheep':'sheep','fish':'fish',
          'money':'money','series':'series','species':'species','means':'means','news':'news','information':'information','advice':'advice','people':'people',
          'hair':'hair','software':'software','hardware':'hardware','equipment':'equipment','furniture':'furniture',
          'homework':'homework','evidence':'evidence','data':'data','cash':'cash','meat':'meat','rice':'rice',
          'bread':'bread','milk':'milk','water':'water','staff':'staff','research':'research','luggage':'luggage'}
def eplural(e):
    ws = e.split(' ')
    # pluralize head noun: last word unless 'X of Y'
    idx = ws.index('of') - 1 if 'of' in ws else len(ws) - 1
    w = ws[idx]
    if w in IRR_PL: p = IRR_PL[w]
    elif re.search(r'[^aeiou]y$', w): p = w[:-1] + 'ies'
    elif re.search(r'(s|x|z|ch|sh)$', w): p = w + 'es'
    else: p = w + 's'
    ws[idx] = p; return ' '.join(ws)
def cvc(w): return re.fullmatch(r'[^aeiou]*[aeiou][^aeiouwxy]', w) is not None
def eped(w):
    if w.endswith('e'): return w + 'd'
    if re.search(r'[^aeiou]y$', w): return w[:-1] + 'ied'
    if cvc(w): return w + w[-1] + 'ed'
    return w + 'ed'
def eing(w):
    if w == 'be': return 'being'
    if w.endswith('ie'): return w[:-2] + 'ying'
    if w.endswith('e') and not w.endswith('ee') and len(w) > 2: return w[:-1] + 'ing'
    if cvc(w): return w + w[-1] + 'ing'
    return w + 'ing'
def eforms(spec):
    """'kill' or 'make:made' or 'eat:ate:eaten' (underscores = spaces) -> base, past, pp, ing"""
    parts = spec.replace('_', ' ').split(':')
    base = parts[0]; first, _, rest = base.partition(' '); rest = (' ' + rest) if rest else ''
    past = parts[1] if len(parts) > 1 and parts[1] else eped(first) + rest
    pp = parts[2] if len(parts) > 2 else past
    ing = eing(first) + rest
    return base, past, pp, ing
# ---------------- Spanish stress helpers
V = 'aeiouáéíóú'; STRONG = 'aeoáéó'
def vowel_groups(w):
    """list of (start, end) of vowel nuclei, treating silent u in que/qui/gue/gui as consonant"""
    groups = []; i = 0
    while i < len(w):
        c = w[i]
        if c in V + 'ü':
            if c == 'u' and i > 0 and w[i-1] in 'qg' and i + 1 < len(w) and w[i+1] in 'eiéí':
                i += 1; continue
            j = i
            while j + 1 < len(w) and w[j+1] in V + 'ü': j += 1
            # split hiatus of two strong vowels
            k = i
            while k <= j:
                m = k
                while m + 1 <= j and not (w[m] in STRONG and w[m+1] in STRONG): m += 1
                groups.append((k, m)); k = m + 1
            i = j + 1
        else: i += 1
    return groups
TILDE = dict(zip('aeiou', 'áéíóú'))
def stress_penult(w):
    """add written accent to the penultimate nucleus of w (used before attaching 1-2 enclitics)"""
    if any(c in 'áéíóú' for c in w): return w
    g = vowel_groups(w)
    if len(g) < 2: return w
    s, e = g[-2]; nuc = w[s:e+1]
    pos = None
    for k, c in enumerate(nuc):
        if c in 'aeo': pos = k
    if pos is None: pos = len(nuc) - 1   # ui/iu: second
    p = s + pos
    return w[:p] + TILDE.get(w[p], w[p]) + w[p+1:]
def stress_last(w):
    """for monosyllable imperatives + 2 clitics etc: accent last nucleus"""
    if any(c in 'áéíóú' for c in w): return w
    g = vowel_groups(w)
    if not g: return w
    s, e = g[-1]; nuc = w[s:e+1]; pos = None
    for k, c in enumerate(nuc):
        if c in 'aeo': pos = k
    if pos is None: pos = len(nuc) - 1
    p = s + pos
    return w[:p] + TILDE.get(w[p], w[p]) + w[p+1:]
# ---------------- Spanish verb conjugation
def change_stem(st, kind):
    """kind: ie, ue, i, uue(jugar), reduce-i, reduce-u"""
    if kind in ('ie', 'i', 'redi'):
        k = st.rfind('e')
        if k < 0: return st
        return st[:k] + {'ie': 'ie', 'i': 'i', 'redi': 'i'}[kind] + st[k+1:]
    if kind in ('ue', 'redu'):
        k = st.rfind('o')
        if k < 0: return st
        rep = 'ue' if kind == 'ue' else 'u'
        if kind == 'ue' and k == 0: rep = 'hue'   # oler -> huelo
        return st[:k] + rep + st[k+1:]
    if kind == 'uue':
        k = st.rfind('u'); return st[:k] + 'ue' + st[k+1:]
    return st
def soft_e(st):
    """stem before an ending starting with e (ar verbs): c->qu, g->gu, z->c"""
    if st.endswith('c'): return st[:-1] + 'qu'
    if st.endswith('g'): return st[:-1] + 'gu'
    if st.endswith('z'): return st[:-1] + 'c'
    if st.endswith('gu'): return st[:-2] + 'gü'   # averiguar
    return st
def hard_a(st, flags):
    """stem before an ending starting with a/o (er/ir verbs): g->j, gu->g, c->zc/z, qu->c"""
    if 'zc' in flags and st.endswith('c'): return st[:-1] + 'zc'
    if 'zo' in flags and st.endswith('c'): return st[:-1] + 'z'
    if st.endswith('gu'): return st[:-2] + 'g'
    if st.endswith('qu'): return st[:-2] + 'c'
    if st.endswith('g'): return st[:-1] + 'j'
    return st
def acc_stem(st):
    """enviar -> enví, continuar -> continú"""
    for k in range(len(st) - 1, -1, -1):
        if st[k] in 'iu': return st[:k] + {'i': 'í', 'u': 'ú'}[st[k]] + st[k+1:]
    return st
def conjugate(inf, flags):
    """returns list of (form, tense) with tense in base/past/fut/cond/ing/pp/imp"""
    F = []
    refl = inf.endswith('se') and inf[:-2][-2:] in ('ar', 'er', 'ir', 'ír')
    if refl: inf = inf[:-2]
    c = inf[-2:].replace('í', 'i'); st = inf[:-2]
    sc = next((f for f in ('ie', 'ue', 'i', 'uue') if f in flags), None)
    chg = change_stem(st, sc) if sc else st
    if 'acc' in flags: chg = acc_stem(st)
    red = st
    if c == 'ir' and sc: red = change_stem(st, 'redu' if sc == 'ue' else 'redi')
    uir = c == 'ir' and st.endswith('u') and not st.endswith(('gu', 'qu'))
    vstem = c in ('er', 'ir') and st and st[-1] in 'aeo'
    def hard(s): return hard_a(s, flags) if c != 'ar' else s
    yo = flags.get('yo')
    yo_st = yo if yo else hard(chg)
    if uir: yo_st = chg + 'y'
    # present
    E = {'ar': ['a', 'as', 'a', 'amos', 'áis', 'an'], 'er': ['e', 'es', 'e', 'emos', 'éis', 'en'],
         'ir': ['e', 'es', 'e', 'imos', 'ís', 'en']}[c]
    F.append((yo_st + 'o', 'base'))
    for k, e in enumerate(E[1:], 1):
        s = chg if k in (1, 2, 5) else st
        if uir and k in (1, 2, 5): s = chg + 'y'
        if 'acc' in flags and k in (1, 2, 5): s = chg
        F.append((s + (e if k != 5 else {'ar': 'an', 'er': 'en', 'ir': 'en'}[c]), 'base'))
    # subjunctive present
    SE = ['e', 'es', 'e', 'emos', 'éis', 'en'] if c == 'ar' else ['a', 'as', 'a', 'amos', 'áis', 'an']
    subj_st = soft_e(chg) if c == 'ar' else yo_st
    subj_nos = soft_e(st) if c == 'ar' else (hard(red) if not yo else yo_st)
    if c == 'ir' and sc and not yo: subj_nos = hard(red)
    if c == 'er' and not yo: subj_nos = hard(st)
    subj = []
    for k, e in enumerate(SE):
        s = subj_nos if k in (3, 4) else subj_st
        subj.append(s + e)
    F += [(x, 'base') for k, x in enumerate(subj) if k != 4]
    # preterite
    ps = flags.get('pret')
    if ps:
        third = ps + 'o'
        if ps.endswith('c'): third = ps[:-1] + 'zo'
        F += [(ps + 'e', 'past'), (ps + 'iste', 'past'), (flags.get('pret3', third), 'past'), (ps + 'imos', 'past'),
              (ps + ('eron' if ps.endswith('j') else 'ieron'), 'past')]
        impsub = ps + ('e' if ps.endswith('j') else 'ie')
    elif c == 'ar':
        F += [(soft_e(st) + 'é', 'past'), (st + 'aste', 'past'), (st + 'ó', 'past'), (st + 'asteis', 'past'),
              (st + 'aron', 'past')]
        impsub = st + 'a'
    else:
        r3 = red if c == 'ir' else st
        if vstem or uir:
            F += [(st + ('í' if vstem else 'í'), 'past'), (st + ('íste' if vstem else 'iste'), 'past'),
                  (st + 'yó', 'past'), (st + ('ímos' if vstem else 'imos'), 'past'), (st + 'yeron', 'past')]
            impsub = st + 'ye'
        else:
            F += [(st + 'í', 'past'), (st + 'iste', 'past'), (r3 + 'ió', 'past'), (st + 'imos', 'past'),
                  (r3 + 'ieron', 'past')]
            impsub = r3 + 'ie'
    F += [(impsub + e, 'past') for e in ('ra', 'ras', 'ran')]
    # imperfect
    if c == 'ar': F += [(st + e, 'past') for e in ('aba', 'abas', 'ábamos', 'aban')]
    else: F += [(st + e, 'past') for e in ('ía', 'ías', 'íamos', 'ían')]
    # future / conditional
    fs = flags.get('fut', inf.replace('í', 'i'))
    F += [(fs + e, 'fut') for e in ('é', 'ás', 'á', 'emos', 'án')]
    F += [(fs + e, 'cond') for e in ('ía', 'ías', 'íamos', 'ían')]
    # imperative
    imp = flags.get('imp', None)
    tu = imp if imp else F[2][0]      # 3s present
    F += [(tu, 'base')]
    # gerund / participle
    if 'ger' in flags: ger = flags['ger']
    elif c == 'ar': ger = st + 'ando'
    elif vstem or uir: ger = st + 'yendo'
    else: ger = (red if c == 'ir' else st) + 'iendo'
    F.append((ger, 'ing'))
    pp = flags.get('pp') or (st + ('ado' if c == 'ar' else ('ído' if vstem else 'ido')))
    F += [(pp, 'pp')]
    if pp.endswith('o'): F += [(pp[:-1] + 'a', 'pp'), (pp + 's', 'pp'), (pp[:-1] + 'as', 'pp')]
    return inf + ('se' if refl else ''), inf, tu, subj[2], subj[5], ger, F, refl
OBJ = {'lo': 'it', 'la': 'it', 'los': 'them', 'las': 'them', 'le': 'him', 'les': 'them', 'me': 'me',
       'te': 'you', 'nos': 'us', 'se': ''}
def gen_verb(line):
    parts = line.split()
    inf, eng = parts[0], parts[1]
    flags = {}
    for f in parts[2:]:
        k, _, v = f.partition('=')
        flags[k] = v if v else True
    base, past, pp, ing = eforms(eng)
    full_inf, inf0, tu, usted, ustedes, ger, F, refl = conjugate(inf, flags)
    T = {'base': base, 'past': past, 'pp': pp, 'ing': ing, 'fut': 'will ' + base, 'cond': 'would ' + base}
    add(full_inf, base)
    for form, t in F:
        if refl and form in (inf0,): continue
        add(form, T[t])
    obj = dict(OBJ)
    if 'p' in flags: obj.update(lo='him', la='her', se='oneself')
    if 's' in flags: obj['se'] = 'oneself'
    if refl:
        for k in ('me', 'te', 'se', 'nos'): obj[k] = ''
    if 'x' in flags: return   # no clitic forms
    def g(b, o): return (b + ' ' + o).strip()
    full = 'p' in flags or 'd' in flags or 'c' in flags
    CL = ('lo', 'la', 'los', 'las', 'le', 'les', 'me', 'te', 'se', 'nos') if full else ('lo', 'la', 'los', 'le', 'me', 'te', 'se')
    if refl: CL = ('me', 'te', 'se', 'nos')
    for cl in CL:
        add(inf0 + cl, g(base, obj[cl]))
        if full or cl in ('lo', 'la', 'se', 'me'): add(stress_penult(ger) + cl, g(ing, obj[cl]))
        if cl == 'te':
            add(stress_penult(tu) + cl, g(base, obj['se'].replace('oneself', 'yourself')))
        elif cl != 'se':
            add(stress_penult(tu) + cl, g(base, obj[cl]))
        if cl != 'te' and (full or cl in ('lo', 'la', 'me')):
            add(stress_penult(usted) + cl, g(base, obj[cl].replace('oneself', 'yourself') if cl == 'se' else obj[cl]))
    if refl:   # imperative of reflexive: suicídate, cálmate, cálmese, cálmense
        add(stress_penult(tu) + 'te', base)
        add(stress_penult(ustedes) + 'se', base)
    if 'd' in flags:
        for a, ae in (('me', 'to me'), ('se', 'to him')):
            for b, be in (('lo', 'it'), ('la', 'it'), ('los', 'them')):
                add(stress_last(inf0) + a + b, f'{base} {be} {ae}')
                t2 = stress_penult(tu) if len(vowel_groups(tu)) >= 2 else stress_last(tu)
                add(t2 + a + b, f'{base} {be} {ae}')
                add(stress_penult(usted) + a + b, f'{base} {be} {ae}')
# ---------------- nouns and adjectives
def sp_plural(w):
    if w[-1] in 'aeiouáéó': return w + 's'
    if w.endswith('z'): return w[:-1] + 'ces'
    if w[-1] in 'sx' and len(vowel_groups(w)) > 1 and not re.search(r'[áéíóú][sx]$', w): return w
    if re.search(r'[áéíóú][ns]$', w): return unacc(w[:-2]) + w[-2].translate(ACC) + w[-1] + 'es' if False else w[:-2] + unacc(w[-2]) + w[-1] + 'es'
    return w + ('es' if w[-1] not in 'íú' else 'es')
def gen_noun(line):
    parts = line.split('|')
    sg, eng = parts[0].strip(), parts[1].strip()
    opt = [p.strip() for p in parts[2:]]
    ep = eplural(eng)
    pl = None; both = False; noplural = False
    for o in opt:
        if o == 'oa': both = True
        elif o == '-': noplural = True
        elif o.startswith('en='): ep = o[3:]
        elif o: pl = o
    add(sg, eng)
    if not noplural: add(pl or sp_plural(sg), ep)
    if both and sg.endswith('o'):
        add(sg[:-1] + 'a', eng); add(sg[:-1] + 'as', ep)
    elif both and re.search(r'(or|és|ón|án|ín)$', sg):
        f = unacc(sg) + 'a'; add(f, eng); add(f + 's', ep)
def gen_adj(line):
    parts = line.split('|'); m, eng = parts[0].strip(), parts[1].strip()
    add(m, eng)
    if m.endswith('o'):
        for e in ('a', 'os', 'as'): add(m[:-1] + e, eng)
    elif m.endswith(('e', 'a', 'í', 'ú', 'ista')): add(m + 's', eng)
    elif re.search(r'(ón|án|ín|és)$', m) or m.endswith('or') and m not in ('mejor', 'peor', 'mayor', 'menor', 'superior', 'inferior', 'anterior', 'posterior', 'interior', 'exterior'):
        b = m[:-2] + unacc(m[-2]) + m[-1]
        for e in ('a', 'es', 'as'): add(b + e, eng)
    else: add(sp_plural(m), eng)
def read(name):
    p = os.path.join(SRC, name)
    if not os.path.exists(p): return []
    out = []
    for l in open(p, encoding='utf-8'):
        l = l.rstrip('\n')
        if not l.strip() or l.startswith('#'): continue
        out.append(l)
    return out
AFFIX = []
if __name__ == '__main__':
    if len(sys.argv) < 2 or sys.argv[1].startswith('-'):
        sys.exit(f'usage: python3 {sys.argv[0]} OUT.tsv')
    for name in sorted(os.listdir(SRC)):
        if name.endswith('.tsv'):
            for l in read(name):
                f, _, e = l.partition('\t')
                if '~' in f: AFFIX.append((f.strip(), e.strip())); continue
                if not e: print('bad line', name, l, file=sys.stderr); continue
                add(f, e, origin='direct')
    # explicit lemmas first (so 'chica' is not shadowed by the feminine of 'chico'), then nouns/adjectives,
    # then verb forms (nouns win over homographous verb forms: 'arma', 'cuenta', 'robo')
    for l in read('nouns.txt'): add(l.split('|')[0].strip(), l.split('|')[1].strip())
    for l in read('adj.txt'): add(l.split('|')[0].strip(), l.split('|')[1].strip())
    for l in read('nouns.txt'): gen_noun(l)
    for l in read('adj.txt'): gen_adj(l)
    seen = set()
    for name in sorted(x for x in os.listdir(SRC) if x.startswith('verbs')):
        for l in read(name):
            if l.split()[0] in seen: continue
            seen.add(l.split()[0]); gen_verb(l)
    BLOCK = {'no se', 'a mi', 'para mi', 'de mi', 'en mi', 'a ti', 'si mismo', 'si misma'}
    for f in list(ORDER):
        u = unacc(f)
        if u != f and u not in OUT and u not in BLOCK: add(u, OUT[f][0], strong=False)
    for f, e, *_ in CONFLICTS: pass
    if '-v' in sys.argv:
        for c in CONFLICTS: print('conflict', c, file=sys.stderr)
    with open(sys.argv[1], 'w', encoding='utf-8') as o:
        o.write('# Spanish -> English word gloss for Veto. Generated by es-build.py from es-src/\n')
        for f, e in AFFIX: o.write(f'{f}\t{e}\n')
        for f in ORDER:
            if re.fullmatch(r"[^\W_]+('?)( [^\W_]+'?)*", f) is None: print('skip', f, file=sys.stderr); continue
            o.write(f'{f}\t{OUT[f][0]}\n')
    print(len(ORDER), 'entries', len(AFFIX), 'affixes', file=sys.stderr)
