#!/usr/bin/env python3
"""Build the Swahili glossary from sw-src/*.txt next to this script. First occurrence wins.
usage: python3 sw-build.py OUT.tsv [-v]

Word lists (every file but verbs*.txt), one entry a line:
  form|english                  a word or phrase (up to six words)
  a;b|x;y                       forms paired with their English (singular;plural)
  A:-zuri|good                  an adjective stem: adds its class forms (mzuri wazuri kizuri vizuri nzuri ...)
  ~ni|-  /  ku~|to              an affix an unknown word may lose
verbs*.txt, one verb a line:
  [*]stem|english[/past[/participle]][|passive=stem]
  stem as in the imperative (pika, ua, fikiri, la); '*' marks a core verb, conjugated with every subject,
  tense and object; the others get the forms that change their stem (subjunctive, negative present,
  infinitive, imperative, passive) and are read through the subject+tense prefixes this script adds.
Files are read in name order; 00_*.txt (overrides) before everything generated."""
import glob, os, re, sys, unicodedata

D = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(D))  # glossary-sources/, where glossary_file.py is
from glossary_file import print_duplicates, write_glossary
if len(sys.argv) < 2 or sys.argv[1].startswith('-'):
    sys.exit(f'usage: python3 {sys.argv[0]} OUT.tsv')


def tokens(text):
    text = unicodedata.normalize('NFC', text).lower().replace('\u2019', "'")
    return [m.group(0) for m in re.finditer(r"[^\W_]+'?", text)]


entries, order, dups = {}, [], []


def add(form, eng, explicit=False):
    if form.startswith('~') or form.endswith('~'):
        key = form.lower()
    else:
        key = ' '.join(tokens(form))
    eng = ' '.join(eng.lower().split())
    if not key or not eng:
        return
    if len(key.split(' ')) > 6:
        print('TOO LONG', form); return
    if key in entries:
        if explicit and entries[key] != eng:
            dups.append((key, entries[key], eng))
        return
    entries[key] = eng
    order.append(key)


# ---------------------------------------------------------------- English verb forms
IRR = {}
for line in """be was been|am are is
arise arose arisen|awake awoke awoken|bear bore born|beat beat beaten|become became become|begin began begun
bend bent bent|bet bet bet|bind bound bound|bite bit bitten|bleed bled bled|blow blew blown|break broke broken
breed bred bred|bring brought brought|build built built|burn burned burned|burst burst burst|buy bought bought
cast cast cast|catch caught caught|choose chose chosen|cling clung clung|come came come|cost cost cost
creep crept crept|cut cut cut|deal dealt dealt|dig dug dug|do did done|draw drew drawn|dream dreamed dreamed
drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed fed|feel felt felt|fight fought fought
find found found|flee fled fled|fly flew flown|forbid forbade forbidden|forget forgot forgotten|forgive forgave forgiven
freeze froze frozen|get got gotten|give gave given|go went gone|grind ground ground|grow grew grown|hang hung hung
have had had|hear heard heard|hide hid hidden|hit hit hit|hold held held|hurt hurt hurt|keep kept kept|kneel knelt knelt
know knew known|lay laid laid|lead led led|leave left left|lend lent lent|let let let|lie lay lain|light lit lit
lose lost lost|make made made|mean meant meant|meet met met|pay paid paid|put put put|quit quit quit|read read read
ride rode ridden|ring rang rung|rise rose risen|run ran run|say said said|see saw seen|seek sought sought|sell sold sold
send sent sent|set set set|shake shook shaken|shoot shot shot|show showed shown|shut shut shut|sing sang sung
sink sank sunk|sit sat sat|sleep slept slept|slide slid slid|speak spoke spoken|spend spent spent|spit spat spat
split split split|spread spread spread|stand stood stood|steal stole stolen|stick stuck stuck|sting stung stung
strike struck struck|swear swore sworn|sweep swept swept|swim swam swum|swing swung swung|take took taken
teach taught taught|tear tore torn|tell told told|think thought thought|throw threw thrown|understand understood understood
wake woke woken|wear wore worn|weep wept wept|win won won|wind wound wound|write wrote written|upset upset upset
withdraw withdrew withdrawn|overdose overdosed overdosed|shed shed shed|smell smelled smelled|learn learned learned
sew sewed sewn|beget begot begotten|forecast forecast forecast|broadcast broadcast broadcast|rid rid rid|slit slit slit
mislead misled misled|undergo underwent undergone|overcome overcame overcome|kidnap kidnapped kidnapped
""".replace('\n', '|').split('|'):
    p = line.split()
    if len(p) == 3:
        IRR[p[0]] = (p[1], p[2])
DOUBLE = set('stop rob plan shop drug stab hug beg drop chat ship step trap admit commit ban scan tap grab rub jog '
             'nag plot rot spot mug slap whip wrap knit fit permit pin tip chop dip flip grip hop mop nap pat pet '
             'rip rot sip skip slip snap strip swap tag tug wed zip hum jam jot log nod pop rap rig sob sum tan '
             'trim prefer refer occur regret submit control patrol equip kidnap transfer confer upset'.split())


def past1(v):
    if v in IRR: return IRR[v][0]
    if v in DOUBLE: return v + v[-1] + 'ed'
    if v.endswith('e'): return v + 'd'
    if re.search('[^aeiou]y$', v): return v[:-1] + 'ied'
    return v + 'ed'


def pp1(v):
    if v in IRR: return IRR[v][1]
    return past1(v)


def s3(v):
    if v == 'have': return 'has'
    if v == 'do': return 'does'
    if v == 'go': return 'goes'
    if re.search('(s|x|z|ch|sh|o)$', v): return v + 'es'
    if re.search('[^aeiou]y$', v): return v[:-1] + 'ies'
    return v + 's'


class Eng:
    def __init__(self, spec):
        parts = spec.split('/')
        self.base = parts[0].strip()
        w = self.base.split(' ')
        self.head, self.rest = w[0], ' '.join(w[1:])
        self.past = parts[1].strip() if len(parts) > 1 else self._j(past1(self.head))
        self.pp = parts[2].strip() if len(parts) > 2 else (self._j(pp1(self.head)) if len(parts) < 2 else self.past)
        self.modal = self.head in ('can', 'must', 'should', 'may')

    def _j(self, h):
        return (h + ' ' + self.rest).strip()

    def pres(self, s):
        if self.head == 'be':
            return self._j({'i': 'am', 'he': 'is', 'it': 'is'}.get(s, 'are'))
        if s in ('he', 'it') and not self.modal:
            return self._j(s3(self.head))
        return self.base

    def pastf(self, s):
        if self.head == 'be':
            return self._j('was' if s in ('i', 'he', 'it') else 'were')
        return self.past

    def inf(self):
        return 'be able to' if self.head == 'can' else self.base

    def ppf(self):
        return 'been able to' if self.head == 'can' else self.pp


def has(s):
    return 'has' if s in ('he', 'it') else 'have'


def neg_pres(s, e):
    if e.head == 'be':
        return s + ' ' + e.pres(s).replace(e.head, e.head, 1).split(' ')[0] + ' not ' + e.rest if e.rest else s + ' not'
    if e.head == 'can':
        return f'{s} can not'
    return f"{s} {'does' if s in ('he', 'it') else 'do'} not {e.base}"


# ---------------------------------------------------------------- Swahili verb forms
SUBJ = [('ni', 'i'), ('u', 'you'), ('a', 'he'), ('tu', 'we'), ('m', 'you'), ('wa', 'they')]
NEG = {'ni': 'si', 'u': 'hu', 'a': 'ha', 'tu': 'hatu', 'm': 'ham', 'wa': 'hawa'}
THINGS = [('i', 'it'), ('ki', 'it'), ('li', 'it'), ('zi', 'they'), ('vi', 'they'), ('ya', 'they'), ('ku', 'it')]
OBJ = [('ni', 'me'), ('ku', 'you'), ('m', 'him'), ('mu', 'him'), ('tu', 'us'), ('wa', 'them'), ('ki', 'it'),
       ('i', 'it'), ('zi', 'them'), ('vi', 'them'), ('li', 'it')]
REFL = {'i': 'myself', 'you': 'yourself', 'he': 'himself', 'we': 'ourselves', 'they': 'themselves', 'it': 'itself'}
VOW = 'aeiou'


def mono(stem):
    return sum(1 for c in stem if c in VOW) == 1


def subj_stem(stem):
    """the stem as in the subjunctive: pika -> pike, fikiri -> fikiri"""
    if stem in ('la',): return 'le'
    if stem == 'nywa': return 'nywe'
    if stem == 'pa': return 'pe'
    if stem == 'ja': return 'je'
    if stem == 'wa': return 'we'
    if stem == 'fa': return 'fe'
    return stem[:-1] + 'e' if stem.endswith('a') else stem


def neg_stem(stem):
    if stem == 'la': return 'li'
    if stem == 'nywa': return 'nywi'
    if stem == 'pa': return 'pi'
    if stem == 'ja': return 'ji'
    if stem == 'wa': return 'wi'
    if stem == 'fa': return 'fi'
    return stem[:-1] + 'i' if stem.endswith('a') else stem


def passive(stem):
    if mono(stem):
        return {'la': 'liwa', 'nywa': 'nywewa', 'pa': 'pewa'}.get(stem)
    if not stem.endswith('a'):
        return stem + 'wa' if stem.endswith('e') else stem[:-1] + 'iwa'
    if stem == 'ua': return 'uawa'
    if stem.endswith('ua'): return stem[:-1] + 'liwa'
    if stem.endswith('oa'): return stem[:-1] + 'lewa'
    if stem.endswith('ea'): return stem[:-1] + 'lewa'
    if stem.endswith('ia'): return stem[:-1] + 'liwa'
    if stem.endswith('aa'): return stem[:-1] + 'liwa'
    return stem[:-1] + 'wa'


def obj_form(o, stem):
    if o == 'm' and stem[0] in VOW:
        return 'mw'
    return o


def tensed(stem):
    """the stem after a tense marker: monosyllabic verbs keep ku (ninakula, nilikunywa)"""
    return 'ku' + stem if mono(stem) else stem


def gen_verb(stem, e, core, pas_stem=None, is_passive=False):
    if ' ' in stem:
        head, tail = stem.split(' ', 1)
        return [(f + ' ' + tail, en) for f, en in gen_verb(head, e, core, None, is_passive)]
    st = tensed(stem)
    sj, ng = subj_stem(stem), neg_stem(stem)
    out = []

    def A(f, en):
        out.append((f, en))

    ppart = e.ppf()
    if is_passive:
        def P(s): return f"{s} {'am' if s == 'i' else 'is' if s in ('he', 'it') else 'are'} {ppart}"
        def PA(s): return f"{s} {'was' if s in ('i', 'he', 'it') else 'were'} {ppart}"
        A('ku' + stem, 'to be ' + ppart)
        for p, s in SUBJ + THINGS:
            A(p + 'na' + stem, P(s)); A(p + 'li' + stem, PA(s)); A(p + 'ta' + stem, f'{s} will be {ppart}')
            A(p + 'me' + stem, f'{s} {has(s)} been {ppart}')
        for p, s in SUBJ:
            n = NEG[p]
            A(p + sj, f'{s} be {ppart}'); A(p + 'si' + sj, f'so {s} not be {ppart}'); A(n + 'ku' + stem, f"{s} {'was' if s in ('i', 'he') else 'were'} not {ppart}")
            A(n + 'ta' + stem, f'{s} will not be {ppart}'); A(n + 'ja' + stem, f'{s} {has(s)} not been {ppart} yet')
            A(n + ng, f"{s} {'am' if s == 'i' else 'is' if s == 'he' else 'are'} not {ppart}")
            A(p + 'nge' + stem, f'{s} would be {ppart}'); A(p + 'ki' + stem, f'if {s} {"is" if s in ("he",) else "am" if s == "i" else "are"} {ppart}')
            A(p + 'mesha' + stem, f'{s} {has(s)} already been {ppart}')
        A('na' + stem, f'i am {ppart}')
        return out
    # infinitive, imperative
    A('ku' + stem, 'to ' + e.inf())
    if stem[0] in 'aeio' and not mono(stem):
        A('kw' + stem, 'to ' + e.inf())
    A('kuto' + stem, 'not to ' + e.inf()); A('kutoku' + stem, 'not to ' + e.inf())
    A(stem if not mono(stem) else 'ku' + stem, e.inf())
    A((stem[:-1] + 'eni') if stem.endswith('a') and not mono(stem) else (stem + 'ni') if not mono(stem) else 'ku' + stem + 'ni', e.inf())
    A('hu' + st, 'usually ' + e.inf())
    for p, s in SUBJ:
        n = NEG[p]
        A(p + sj, f'{s} {e.inf()}')                      # subjunctive
        A(p + 'si' + sj, f'{s} should not {e.inf()}')
        A(n + ng, neg_pres(s, e))                          # negative present
        if not core and not mono(stem):
            continue
        A(n + 'ku' + stem, f'{s} did not {e.inf()}')
        A(n + 'ja' + st if mono(stem) else n + 'ja' + stem, f'{s} {has(s)} not {ppart} yet')
        A(n + 'ta' + st, f'{s} will not {e.inf()}')
        A(p + 'sipo' + stem, f'if {s} do not {e.inf()}')
        A(p + 'singe' + stem, f'{s} would not {e.inf()}')
        A(p + 'ka' + sj, f'{s} {e.inf()}')
    if not core:
        if not mono(stem):
            for p, s in SUBJ + THINGS[:2]:
                A(p + 'na' + st, f'{s} {e.pres(s)}'); A(p + 'li' + st, f'{s} {e.pastf(s)}')
                A(p + 'ta' + st, f'{s} will {e.inf()}'); A(p + 'me' + st, f'{s} {has(s)} {ppart}')
            A('na' + st, f'i {e.pres("i")}')
            for o, oe in OBJ[:6]:
                of = obj_form(o, stem)
                A('ku' + of + stem, f'to {e.inf()} {oe}')
                if o != 'ku':
                    A(of + sj, f'{e.inf()} {oe}')
                for p, s in SUBJ[:4]:
                    if (p, o) in (('ni', 'ni'), ('tu', 'tu')):
                        continue
                    A(p + of + sj, f'{s} {e.inf()} {oe}')
        # monosyllabic verbs keep ku: the prefixes cannot read them
        if mono(stem):
            for p, s in SUBJ + THINGS:
                A(p + 'na' + st, f'{s} {e.pres(s)}'); A(p + 'li' + st, f'{s} {e.pastf(s)}')
                A(p + 'ta' + st, f'{s} will {e.inf()}'); A(p + 'me' + st, f'{s} {has(s)} {ppart}')
                A(p + 'mesha' + st, f'{s} already {e.pastf(s)}'); A(p + 'sha' + st, f'{s} already {e.pastf(s)}')
            A('na' + st, f'i {e.pres("i")}'); A('nime' + stem, f'i have {ppart}')
        return out
    TENSES = [('na', lambda s: f'{s} {e.pres(s)}'), ('li', lambda s: f'{s} {e.pastf(s)}'),
              ('ta', lambda s: f'{s} will {e.inf()}'), ('me', lambda s: f'{s} {has(s)} {ppart}'),
              ('mesha', lambda s: f'{s} already {e.pastf(s)}'), ('sha', lambda s: f'{s} already {e.pastf(s)}'),
              ('ki', lambda s: f'if {s} {e.pres(s)}'), ('nge', lambda s: f'{s} would {e.inf()}'),
              ('ngali', lambda s: f'{s} would have {ppart}'), ('ka', lambda s: f'and {s} {e.pastf(s)}')]
    for p, s in SUBJ + THINGS:
        for t, f in TENSES:
            if p in dict(THINGS) and t not in ('na', 'li', 'ta', 'me'):
                continue
            A(p + t + st, f(s))
    # contracted present: nataka, twataka, mwataka, wataka
    for p, s in (('na', 'i'), ('twa', 'we'), ('mwa', 'you'), ('wa', 'they')):
        A(p + st, f'{s} {e.pres(s)}')
    A('nshaa' + stem, f'i already {e.pastf("i")}'); A('nsha' + stem, f'i already {e.pastf("i")}')
    # relatives: anayetaka, wanaotaka, ninachotaka, unavyotaka, nilipo...
    for p, s in SUBJ:
        rel = 'ye' if p in ('ni', 'u', 'a') else 'o'
        for t, tt in (('na', None), ('li', None)):
            who = 'who' if s in ('he', 'they') else s + ' who'
            if p in ('a', 'wa'):
                A(p + t + rel + st, f'{who} ' + (e.pres(s) if t == 'na' else e.pastf(s)))
            if p in ('ni', 'u'):
                A(p + t + 'cho' + st, 'what ' + s + ' ' + (e.pres(s) if t == 'na' else e.pastf(s)))
    for p, s in THINGS[:4]:
        rel = {'i': 'yo', 'ki': 'cho', 'li': 'lo', 'zi': 'zo'}[p]
        A(p + 'na' + rel + st, f'which {e.pres(s)}'); A(p + 'li' + rel + st, f'which {e.pastf(s)}')
    # objects
    if mono(stem) and stem not in ('pa',):
        return out
    for o, oe in OBJ + [('ji', None)]:
        of = obj_form(o, stem)
        if o in ('ki', 'i', 'zi', 'vi', 'li'):
            A('ku' + of + stem, f'to {e.inf()} {oe}')
            if o in ('vi', 'li'):
                continue
            A(of + sj, f'{e.inf()} {oe}')
            for p, s in SUBJ:
                A(p + of + sj, f'{s} {e.inf()} {oe}')
                for t, f in TENSES[:3]:
                    A(p + t + of + stem, f'{f(s)} {oe}')
            continue
        ob = lambda s: REFL.get(s, 'oneself') if oe is None else oe
        if o == 'mu' and stem[0] in VOW and False:
            continue
        A('ku' + of + stem, f'to {e.inf()} ' + ('myself' if oe is None else oe))
        if o in ('ku',):
            pass
        else:
            A(of + sj, f'{e.inf()} ' + ('yourself' if oe is None else oe))  # imperative with object: nipe, mpige
            if stem.endswith('a'):
                A(of + sj[:-1] + 'eni', f'{e.inf()} ' + ('yourselves' if oe is None else oe))
        for p, s in SUBJ:
            if (p, o) in (('ni', 'ni'), ('tu', 'tu')):
                continue
            n = NEG[p]
            A(p + of + sj, f'{s} {e.inf()} {ob(s)}')
            A(n + of + ng, f'{neg_pres(s, e)} {ob(s)}')
            A(n + 'ku' + of + stem, f'{s} did not {e.inf()} {ob(s)}')
            A(n + 'ta' + of + stem, f'{s} will not {e.inf()} {ob(s)}')
            for t, f in TENSES[:5]:
                A(p + t + of + stem, f'{f(s)} {ob(s)}')
            if p == 'ni':
                A('na' + of + stem, f'i {e.pres("i")} {ob(s)}')
            if p in ('a', 'wa'):
                A(p + 'naye' + of + stem if p == 'a' else p + 'nao' + of + stem, f'who {e.pres(s)} {ob(s)}')
    if pas_stem:
        for f, en in gen_verb(pas_stem, e, True, is_passive=True):
            A(f, en)
    return out


# ---------------------------------------------------------------- read the lists
NASAL = lambda stem: ('m' + stem) if stem[0] in 'bvp' else ('n' + stem) if stem[0] in 'dgjz' else stem


def adjective(stem, eng):
    forms = ['m' + stem, 'wa' + stem, 'ki' + stem, 'vi' + stem, 'ma' + stem, 'mi' + stem, NASAL(stem), stem]
    if stem[0] in VOW:
        forms = ['mw' + stem, 'w' + stem, 'ch' + stem, 'vy' + stem, 'm' + stem, 'ny' + stem]
    for f in forms:
        add(f, eng)


files = sorted(glob.glob(os.path.join(D, 'sw-src', '*.txt')))
verbs = []
PASS_EN = {}
for path in files:
    isverb = os.path.basename(path).startswith('verbs')
    for no, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        if '|' not in line:
            print('BAD', path, no, line); continue
        if isverb:
            f = line.split('|')
            core = f[0].startswith('*')
            stem = f[0].lstrip('*').strip().lower()
            opts = dict(x.split('=', 1) for x in f[2:] if '=' in x)
            verbs.append((stem, f[1].strip(), core, opts.get('passive')))
            if 'pass_en' in opts:
                PASS_EN[stem] = opts['pass_en']
            continue
        form, eng = line.split('|', 1)
        form = form.strip()
        if form.startswith('A:'):
            adjective(form[2:].strip().lstrip('-'), eng.strip()); continue
        if ';' in form:
            fs, es = form.split(';'), eng.split(';')
            for i, x in enumerate(fs):
                add(x.strip(), (es[i] if i < len(es) else es[-1]).strip(), True)
            continue
        add(form, eng.strip(), True)

n_hand = len(order)
# bare stems first (the verb itself, its infinitive), then every verb's forms: lexical verbs win
for stem, eng, core, pas in verbs:
    e = Eng(eng)
    add(stem if not mono(stem) else 'ku' + stem, e.inf())
    add('ku' + stem, 'to ' + e.inf())
for stem, eng, core, pas in verbs:
    e = Eng(eng)
    for f, en in gen_verb(stem, e, core):
        add(f, en)
for stem, eng, core, pas in verbs:
    e = Eng(eng)
    ps = pas if pas else passive(stem)
    if stem in PASS_EN:
        e = Eng(PASS_EN[stem] + '/' + PASS_EN[stem] + '/' + PASS_EN[stem])
    if ps:
        add(ps, 'be ' + e.ppf())
        for f, en in gen_verb(ps, e, core, is_passive=True) if core else [('ku' + ps, 'to be ' + e.ppf())]:
            add(f, en)
n_verbs = len(verbs)

# subject + tense prefixes for the verbs that are not conjugated in full (order: English comes first)
PRE = []
for p, s in SUBJ + THINGS:
    PRE += [(p + 'na', s), (p + 'li', s + ' did'), (p + 'ta', s + ' will'), (p + 'me', s + ' have'),
            (p + 'mesha', s + ' already'), (p + 'nge', s + ' would')]
    if (p, s) in SUBJ:
        PRE += [(p + 'ki', 'if ' + s), (p + 'ngali', s + ' would have'), (p + 'sha', s + ' already')]
for p, s in SUBJ:
    n = NEG[p]
    PRE += [(n + 'ku', s + ' did not'), (n + 'ta', s + ' will not'), (n + 'ja', s + ' not yet'),
            (p + 'sipo', 'if ' + s + ' not'), (p + 'singe', s + ' would not')]
    rel = 'ye' if p in ('ni', 'u', 'a') else 'o'
    PRE += [(p + 'na' + rel, 'who' if s in ('he', 'they') else s + ' who'),
            (p + 'li' + rel, 'who' if s in ('he', 'they') else s + ' who'),
            (p + 'nacho', 'what ' + s), (p + 'licho', 'what ' + s), (p + 'takacho', 'what ' + s + ' will'),
            (p + 'navyo', 'how ' + s), (p + 'livyo', 'how ' + s), (p + 'napo', 'when ' + s), (p + 'lipo', 'when ' + s)]
    for t, te in (('na', ''), ('li', ' did'), ('ta', ' will'), ('me', ' have')):
        for o, oe in OBJ[:6] + [('mw', 'him'), ('ji', REFL[s])]:
            PRE.append((p + t + o, s + te + ' ' + oe))
    for o, oe in OBJ[:6] + [('mw', 'him')]:
        PRE.append((n + 'ku' + o, s + ' did not ' + oe))
for p, r in (('i', 'yo'), ('ki', 'cho'), ('li', 'lo'), ('zi', 'zo'), ('vi', 'vyo'), ('ya', 'yo'), ('u', 'o')):
    PRE += [(p + 'na' + r, 'which'), (p + 'li' + r, 'which'), (p + 'navyo', 'how it'), (p + 'livyo', 'how it'),
            (p + 'si' + r, 'which not'), (p + 'taka' + r, 'which will')]
PRE += [('aliye', 'who'), ('anaye', 'who'), ('waliyo', 'who'), ('wanao', 'who'), ('asiye', 'who not'),
        ('wasio', 'who not'), ('ambaye', 'who'), ('ambao', 'who')]
PRE += [('kuji', 'to myself'), ('kumw', 'to him'), ('kuwa', 'to them'), ('kumu', 'to him'), ('kuni', 'to me'),
        ('kutu', 'to us'), ('kuto', 'not to'), ('nina', 'i'), ('nili', 'i did'), ('nita', 'i will'), ('nime', 'i have')]
for p, e in PRE:
    add(p + '~', e)
add('ku~', 'to')
add('~ni', '-')
add('hu~', 'usually')

write_glossary(sys.argv[1],
               'Swahili -> English word-by-word gloss. Built by sw-build.py from sw-src/*.txt',
               order, entries)
print(f'{n_hand} hand-written entries, {n_verbs} verbs, total {len(order)}')
print_duplicates(dups)
