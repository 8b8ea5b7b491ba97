#!/usr/bin/env python3
# builds the Italian glossary from the source lists in this folder
# usage: python3 build.py OUT.tsv
import os, re, unicodedata, sys
if len(sys.argv) < 2 or sys.argv[1].startswith('-'):
    sys.exit(f'usage: python3 {sys.argv[0]} OUT.tsv')
D = os.path.dirname(os.path.abspath(__file__))
OUT = {}; ORDER = []; ATT = {}; CUR = ['tsv']
def add(form, eng, force=False):
    form = unicodedata.normalize('NFC', form.strip().lower().replace('’', "'"))
    if not (form.startswith('~') or form.endswith('~')):
        form = ' '.join(m.group(0) for m in re.finditer(r"[^\W_]+'?", form))
    eng = eng.strip()
    if not form or not eng: return
    ATT.setdefault(form, []).append((CUR[0], eng))
    if form in OUT and not force: return
    if form not in OUT: ORDER.append(form)
    OUT[form] = eng
def ADD(f, e): add(f, e)
TAIL = ''
# ---------------- English morphology
EIRR = {}
for l in re.split(r'[|\n]', """be was been being|have had had having|do did done doing|say said said saying|go went gone going
come came come coming|see saw seen seeing|take took taken taking|make made made making|give gave given giving
know knew known knowing|get got gotten getting|put put put putting|write wrote written writing|read read read reading
run ran run running|eat ate eaten eating|drink drank drunk drinking|buy bought bought buying|sell sold sold selling
find found found finding|think thought thought thinking|bring brought brought bringing|teach taught taught teaching
catch caught caught catching|fight fought fought fighting|leave left left leaving|lose lost lost losing|win won won winning
meet met met meeting|pay paid paid paying|send sent sent sending|spend spent spent spending|build built built building
feel felt felt feeling|keep kept kept keeping|sleep slept slept sleeping|hold held held holding|tell told told telling
understand understood understood understanding|stand stood stood standing|steal stole stolen stealing
speak spoke spoken speaking|break broke broken breaking|choose chose chosen choosing|forget forgot forgotten forgetting
hide hid hidden hiding|drive drove driven driving|ride rode ridden riding|shoot shot shot shooting|hit hit hit hitting
cut cut cut cutting|let let let letting|set set set setting|shut shut shut shutting|hurt hurt hurt hurting|cost cost cost costing
beat beat beaten beating|bite bit bitten biting|blow blew blown blowing|burn burned burned burning|dig dug dug digging
draw drew drawn drawing|fall fell fallen falling|feed fed fed feeding|fly flew flown flying|freeze froze frozen freezing
grow grew grown growing|hang hanged hanged hanging|lay laid laid laying|lead led led leading|lend lent lent lending
light lit lit lighting|mean meant meant meaning|ring rang rung ringing|rise rose risen rising|seek sought sought seeking
shake shook shaken shaking|sing sang sung singing|sink sank sunk sinking|sit sat sat sitting|spread spread spread spreading
stick stuck stuck sticking|sting stung stung stinging|strike struck struck striking|swear swore sworn swearing
swim swam swum swimming|throw threw thrown throwing|wake woke woken waking|wear wore worn wearing|begin began begun beginning
become became become becoming|bet bet bet betting|bleed bled bled bleeding|deal dealt dealt dealing|hear heard heard hearing
forgive forgave forgiven forgiving|lie lied lied lying|die died died dying|tie tied tied tying|quit quit quit quitting
show showed shown showing|spit spat spat spitting|upload uploaded uploaded uploading|split split split splitting
shine shone shone shining|wind wound wound winding|stop stopped stopped stopping|plan planned planned planning
drop dropped dropped dropping|rob robbed robbed robbing|kidnap kidnapped kidnapped kidnapping|stab stabbed stabbed stabbing
shop shopped shopped shopping|chat chatted chatted chatting|admit admitted admitted admitting|commit committed committed committing
control controlled controlled controlling|refer referred referred referring|prefer preferred preferred preferring
grab grabbed grabbed grabbing|rub rubbed rubbed rubbing|slip slipped slipped slipping|trip tripped tripped tripping
hug hugged hugged hugging|beg begged begged begging|log logged logged logging|tag tagged tagged tagging|ban banned banned banning
scan scanned scanned scanning|strip stripped stripped stripping|rape raped raped raping|swap swapped swapped swapping
travel traveled traveled traveling|cancel canceled canceled canceling|forbid forbade forbidden forbidding
overdose overdosed overdosed overdosing|undo undid undone undoing|withdraw withdrew withdrawn withdrawing
mislead misled misled misleading|overcome overcame overcome overcoming|sweep swept swept sweeping|shoplift shoplifted shoplifted shoplifting
trap trapped trapped trapping|wrap wrapped wrapped wrapping|whip whipped whipped whipping|pin pinned pinned pinning|step stepped stepped stepping
can could been_able being_able"""):
    p = l.split()
    if len(p) == 4: EIRR[p[0]] = (p[1], p[2].replace('_', ' '), p[3].replace('_', ' '))
def eforms(base):
    """base -> (past, pp, ing) for possibly multiword english; inflect first word"""
    w, _, rest = base.partition(' ')
    rest = (' ' + rest) if rest else ''
    if w in EIRR:
        a, b, c = EIRR[w]
    else:
        if w.endswith('e') and not w.endswith('ee'): a = w + 'd'; c = w[:-1] + 'ing'
        elif re.search(r'[^aeiou]y$', w): a = w[:-1] + 'ied'; c = w + 'ing'
        else: a = w + 'ed'; c = w + 'ing'
        b = a
    return a + rest, b + rest, c + rest
def eplural(n):
    if ' ' in n:
        h, _, t = n.rpartition(' '); return h + ' ' + eplural(t)
    irr = {'man':'men','woman':'women','child':'children','person':'people','knife':'knives','wife':'wives',
           'life':'lives','foot':'feet','tooth':'teeth','mouse':'mice','leaf':'leaves','thief':'thieves','wolf':'wolves',
           'half':'halves','shelf':'shelves','police':'police','money':'money','sheep':'sheep','fish':'fish','news':'news',
           'people':'people','data':'data','info':'info','software':'software','hardware':'hardware','cocaine':'cocaine',
           'heroin':'heroin','weed':'weed','meth':'meth','crack':'crack','gas':'gases','bus':'buses','virus':'viruses',
           'ammo':'ammo','equipment':'equipment','advice':'advice','homework':'homework','information':'information'}
    if n in irr: return irr[n]
    if n.endswith('man'): return n[:-3] + 'men'
    if re.search(r'(s|x|z|ch|sh)$', n): return n + 'es'
    if re.search(r'[^aeiou]y$', n): return n[:-1] + 'ies'
    return n + 's'
# ---------------- Italian verbs
PRON = ['i ', '', '', 'we ', '', '']
def reg_paradigm(inf, isc=False):
    P = {}
    end = inf[-3:]; st = inf[:-3]
    P['inf'] = inf
    P['trunc'] = inf[:-1]
    if end == 'are':
        if st.endswith(('ci', 'gi')): a = st[:-1]; fst = st[:-1] + 'er'
        elif st.endswith('i'): a = st[:-1]; fst = st + 'er'
        elif st.endswith(('c', 'g')): a = st + 'h'; fst = st + 'her'
        else: a = st; fst = st + 'er'
        P['pres'] = [st + 'o', a + 'i', st + 'a', a + 'iamo', st + 'ate', st + 'ano']
        P['imp2'] = st + 'a'
        P['subj'] = [a + 'i', a + 'ino']
        P['pp'] = st + 'ato'; P['ger'] = st + 'ando'
        P['impf'] = [st + x for x in ['avo', 'avi', 'ava', 'avamo', 'avate', 'avano']]
        P['rem'] = [st + 'ò']
    else:
        v = end[0]
        if isc:
            P['pres'] = [st + 'isco', st + 'isci', st + 'isce', st + 'iamo', st + 'ite', st + 'iscono']
            P['subj'] = [st + 'isca', st + 'iscano']; P['imp2'] = st + 'isci'
        else:
            P['pres'] = [st + 'o', st + 'i', st + 'e', st + 'iamo', st + v + 'te', st + 'ono']
            P['subj'] = [st + 'a', st + 'ano']; P['imp2'] = st + 'i'
        P['pp'] = st + ('uto' if v == 'e' else 'ito'); P['ger'] = st + 'endo'
        P['impf'] = [st + v + x for x in ['vo', 'vi', 'va', 'vamo', 'vate', 'vano']]
        fst = st + v + 'r'
        P['rem'] = [st + 'ì'] if v == 'i' else []
    P['fut'] = [fst + x for x in ['ò', 'ai', 'à', 'emo', 'ete', 'anno']]
    P['cond'] = [fst + x for x in ['ei', 'esti', 'ebbe', 'emmo', 'este', 'ebbero']]
    return P
def verb(inf, eng, opts):
    isc = 'isc' in opts
    inf, _, tail = inf.partition(' ')
    global TAIL
    TAIL = (' ' + tail) if tail else ''
    P = reg_paradigm(inf, isc)
    for k, val in opts.items():
        if k in ('isc', 'en_pp', 'refl'): continue
        if k in ('pres', 'impf', 'fut', 'cond', 'subj', 'rem'):
            P[k] = val.split(',')
        elif k == 'futst':
            P['fut'] = [val + x for x in ['ò', 'ai', 'à', 'emo', 'ete', 'anno']]
            P['cond'] = [val + x for x in ['ei', 'esti', 'ebbe', 'emmo', 'este', 'ebbero']]
        else:
            P[k] = val
    past, pp, ing = eforms(eng)
    if 'en_pp' in opts: pp = opts['en_pp']
    add = lambda f, e: ADD(f + TAIL, e)
    # forms
    add(P['inf'], eng); add(P['trunc'], eng)
    for i, f in enumerate(P['pres']):
        if f: add(f, PRON[i] + eng)
    add(P['imp2'], eng)
    for f in P.get('subj', []): add(f, eng)
    ppm = P['pp']
    if ppm:
        add(ppm, pp)
        if ppm.endswith('o'):
            for e in 'aie': add(ppm[:-1] + e, pp)
    add(P['ger'], ing)
    for i, f in enumerate(P['impf']):
        if i in (0, 2, 5): add(f, PRON[i] + past)
    for f in P.get('rem', []): add(f, past)
    fp = ['i will ', 'will ', 'will ', 'we will ', 'will ', 'will ']
    for i, f in enumerate(P['fut']):
        if i in (0, 1, 2, 5): add(f, fp[i] + eng)
    cp = ['i would ', 'would you ', 'would ', 'we would ', 'would ', 'would ']
    for i, f in enumerate(P['cond']):
        if i in (0, 1, 2, 5): add(f, cp[i] + eng)
def parse_opts(s):
    o = {}
    for part in s.split(';'):
        part = part.strip()
        if not part: continue
        k, _, v = part.partition('=')
        o[k.strip()] = v.strip()
    return o
# ---------------- nouns / adjectives
def it_plural(s):
    if re.search(r'[àèéìòù]$', s) or re.search(r'[^aeiou]$', s) or s.endswith(('i', 'ie')) : return s
    if s.endswith('io'): return s[:-1]
    if s.endswith(('co', 'go')): return s[:-1] + 'hi'
    if s.endswith('o'): return s[:-1] + 'i'
    if s.endswith(('ca', 'ga')): return s[:-1] + 'he'
    if s.endswith(('cia', 'gia')):
        return s[:-2] + 'e' if len(s) > 3 and s[-4] not in 'aeiou' else s[:-1] + 'e'
    if s.endswith('a'): return s[:-1] + 'e'
    if s.endswith('e'): return s[:-1] + 'i'
    return s
def noun(line):
    p = [x.strip() for x in line.split('|')]
    sg, en = p[0], p[1]
    pl = p[2] if len(p) > 2 and p[2] else it_plural(sg)
    enpl = p[3] if len(p) > 3 and p[3] else eplural(en)
    add(sg, en)
    if pl != '-' and pl != sg: add(pl, enpl)
def adj(line):
    p = [x.strip() for x in line.split('|')]
    a, en = p[0], p[1]
    forms = p[2].split(',') if len(p) > 2 and p[2] else None
    if not forms:
        if a.endswith(('co', 'go')): forms = [a, a[:-1] + 'a', a[:-1] + 'hi', a[:-1] + 'he']
        elif a.endswith('io'): forms = [a, a[:-1] + 'a', a[:-1], a[:-1] + 'e']
        elif a.endswith('o'): forms = [a, a[:-1] + 'a', a[:-1] + 'i', a[:-1] + 'e']
        elif a.endswith('e'): forms = [a, a[:-1] + 'i']
        elif a.endswith('ista'): forms = [a, a[:-1] + 'i', a[:-1] + 'e']
        else: forms = [a]
    for f in forms: add(f, en)
# ---------------- read sources in priority order
def lines(fn):
    for l in open(os.path.join(D, fn), encoding='utf-8'):
        l = l.rstrip('\n')
        if not l.strip() or l.lstrip().startswith('#'): continue
        yield l
for fn in sorted(os.listdir(D)):
    if fn.endswith('.tsv'):
        for l in lines(fn):
            if '\t' in l:
                f, e = l.split('\t', 1); add(f, e)
MANUAL = set(ORDER)
KIND = {'nouns': 0, 'verbs': 1, 'adj': 2}
for fn in sorted(os.listdir(D), key=lambda f: (KIND.get(re.sub(r'[_.].*', '', f), 9), f)):
    CUR[0] = fn
    if fn.startswith('verbs'):
        for l in lines(fn):
            p = l.split('|')
            verb(p[0].strip(), p[1].strip(), parse_opts(p[2]) if len(p) > 2 else {})
    elif fn.startswith('nouns'):
        for l in lines(fn): noun(l)
    elif fn.startswith('adj'):
        for l in lines(fn): adj(l)
# ---------------- unaccented / apostrophe typing variants
ACC = str.maketrans('àèéìíòóùú', 'aeeiioouu')
for f in list(ORDER):
    if f.startswith('~') or f.endswith('~'): continue
    if re.search(r'[àèéìíòóùú]$', f) or re.search(r'[àèéìíòóùú]', f):
        plain = f.translate(ACC)
        add(plain, OUT[f])
        if re.search(r'[àèéìòù]$', f) and ' ' not in f and len(f) <= 7 and f in MANUAL:
            add(plain + "'", OUT[f])
with open(sys.argv[1], 'w', encoding='utf-8') as o:
    o.write('# Italian -> English glossary for word-by-word gloss (generated by it_src/build.py)\n')
    for f in ORDER:
        o.write(f'{f}\t{OUT[f]}\n')
print(len(ORDER), 'entries')

if os.environ.get('COLL'):
    for f, L in ATT.items():
        kinds = set(k[:4] for k, e in L)
        if len(kinds) > 1 and len(set(e for k, e in L)) > 1 and L[0][0][:4] != 'tsv':
            print(f, '=>', ' / '.join(f'{k[:4]}:{e}' for k, e in L))
