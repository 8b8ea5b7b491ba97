#!/usr/bin/env python3
"""Build the Bengali glossary from bn-src/*.txt next to this script. First occurrence wins; files are read in
name order, and every hand-written entry wins over every generated verb form.
usage: python3 bn-build.py OUT.tsv [-v]

Line kinds in bn-src/*.txt ('#' starts a comment line):
  form|english              a word or phrase (up to six words) and its English ('-': nothing to say)
  ~suffix|english           a suffix an unknown word may lose (prefix~ for prefixes)
  V:class|stems|base;past;ing
                            a verb, conjugated here in standard (chalit), colloquial Bangladeshi/Kolkata and
                            sadhu forms, with the auxiliaries that follow a conjunctive or infinitive
                            (মেরে ফেলব, বলে দাও, বানাতে পারি, বানানো যায়, খেতে চাই):
      c|A[,B]   consonant root: A the raised stem (লিখ, শুন, কর), B the plain one (লেখ, শোন; default A)
      a|R,E[,F[,P]]  root in -া: R খা, E the e-stem (খে; চা: চে), F future stem (default R; চাই),
                P past/infinitive stem (default E; চাই)
      2|R,E     two-syllable root in -া (পাঠা, পাঠি; বানা, বানি; খাওয়া, খাই)
Spellings: everything is NFC (য় ড় ঢ় are decomposed, as the plugin reads them); কী/কি, ী/ি and ূ/ু variants
people type are not generated — list them.
"""
import glob, os, sys, unicodedata

D = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(D))  # glossary-sources/, where glossary_file.py is
from glossary_file import print_duplicates
if len(sys.argv) < 2 or sys.argv[1].startswith('-'):
    sys.exit(f'usage: python3 {sys.argv[0]} OUT.tsv')


def nfc(s):
    return unicodedata.normalize('NFC', s)


def words(text):
    """as the plugin's GlossWords cuts a text: runs of letters, digits and marks"""
    text = nfc(text).lower()
    out, w = [], ''
    for c in text:
        cat = unicodedata.category(c)
        if cat[0] == 'L' or cat == 'Nd' or cat in ('Mn', 'Mc'):
            w += c
        else:
            if w:
                out.append(w)
            w = ''
    if w:
        out.append(w)
    return out


hand, gen, order_h, order_g, affixes, dups = {}, {}, [], [], {}, []


def add_hand(form, eng, where):
    key = ' '.join(words(form))
    if not key or len(key.split()) > 6:
        print('BAD', where, form)
        return
    if key in hand:
        if hand[key] != eng:
            dups.append((key, hand[key], eng, where))
        return
    hand[key] = eng
    order_h.append(key)


def add_gen(form, eng):
    key = ' '.join(words(form))
    if key and key not in gen and len(key.split()) <= 6:
        gen[key] = eng
        order_g.append(key)


# ---------------------------------------------------------------- conjugation
# slot name -> English template; {b} base, {p} past, {i} -ing
T = {
    'p1': 'i {b}', 'p2': '{b}', 'p3': '{b}', 'imp': '{b}',
    'pa1': 'i {p}', 'pa': '{p}', 'cond': 'if {b}',
    'f1': 'i will {b}', 'f': 'will {b}',
    'c1': 'i am {i}', 'c': '{i}', 'pc1': 'i was {i}', 'pc': 'was {i}',
    'pf1': 'i have {p}', 'pf': 'has {p}', 'ppf1': 'i had {p}', 'ppf': 'had {p}',
    'h1': 'i used to {b}', 'h': 'used to {b}', 'inf': 'to {b}', 'conj': '{b}', 'vn': '{i}',
    'n1': 'i did not {b}', 'n': 'did not {b}',
}


def slots_c(A, B):
    s = [('p1', A + 'ি'), ('p2', B + 'ো'), ('p3', B + 'ে'), ('p3', B + 'েন'), ('p2', A + 'িস'), ('imp', A + 'ুন'),
         ('imp', A + 'ুক'), ('imp', B), ('imp', A + 'িও'), ('imp', B + 'িও'),
         ('pa1', A + 'লাম'), ('pa1', A + 'লেম'), ('pa1', A + 'লুম'), ('cond', A + 'লে'), ('pa', A + 'ল'),
         ('pa', A + 'লো'), ('pa', A + 'লেন'), ('pa', A + 'লি'), ('pa', A + 'লা'),
         ('f1', A + 'ব'), ('f1', A + 'বো'), ('f1', A + 'মু'), ('f', A + 'বে'), ('f', A + 'বেন'), ('f', A + 'বি'),
         ('f', A + 'বা'), ('f', A + 'বু'),
         ('c1', A + 'ছি'), ('c', A + 'ছ'), ('c', A + 'ছো'), ('c', A + 'ছে'), ('c', A + 'ছেন'), ('c', A + 'ছিস'),
         ('pc1', A + 'ছিলাম'), ('pc', A + 'ছিলে'), ('pc', A + 'ছিল'), ('pc', A + 'ছিলো'), ('pc', A + 'ছিলেন'),
         ('pc', A + 'ছিলি'),
         ('pf1', A + 'েছি'), ('pf', A + 'েছ'), ('pf', A + 'েছো'), ('pf', A + 'েছে'), ('pf', A + 'েছেন'),
         ('pf', A + 'েছিস'), ('ppf1', A + 'েছিলাম'), ('ppf', A + 'েছিলে'), ('ppf', A + 'েছিল'),
         ('ppf', A + 'েছিলো'), ('ppf', A + 'েছিলেন'), ('ppf', A + 'েছিলি'),
         ('h1', A + 'তাম'), ('h1', A + 'তেম'), ('inf', A + 'তে'), ('h', A + 'ত'), ('h', A + 'তো'), ('h', A + 'তেন'),
         ('h', A + 'তিস'), ('h', A + 'তি'), ('h', A + 'তা'),
         ('conj', A + 'ে'), ('vn', B + 'া'), ('vn', B + 'ার'), ('vn', B + 'াটা'), ('vn', B + 'াই'),
         ('n1', A + 'িনি'), ('n', A + 'েনি'), ('n', B + 'োনি'), ('n', A + 'ছিনা'), ('n', A + 'বোনা'),
         # colloquial Bangladeshi (করতেছি করতাছি করসি করসে) and Kolkata (করচি) forms
         ('c1', A + 'তেছি'), ('c1', A + 'তাছি'), ('c1', A + 'তেসি'), ('c1', A + 'তাসি'), ('c', A + 'তেছে'),
         ('c', A + 'তাছে'), ('c', A + 'তেসে'), ('c', A + 'তাসে'), ('c', A + 'তেছো'), ('c', A + 'তাছো'),
         ('c', A + 'তেছেন'), ('c', A + 'তাছেন'), ('c', A + 'তেছিস'), ('c', A + 'তাছস'),
         ('pf1', A + 'সি'), ('pf', A + 'সে'), ('pf', A + 'সো'), ('pf', A + 'সস'), ('pf', A + 'ছস'), ('pf', A + 'সেন'),
         ('pf', A + 'ছোস'), ('ppf1', A + 'সিলাম'), ('ppf', A + 'সিলো'), ('ppf', A + 'সিল'),
         ('c1', A + 'চি'), ('c', A + 'চে'), ('c', A + 'চ্ছি'),
         # sadhu
         ('inf', A + 'িতে'), ('conj', A + 'িয়া'), ('f1', A + 'িব'), ('f', A + 'িবে'), ('pa', A + 'িল'),
         ('pa1', A + 'িলাম'), ('pf', A + 'িয়াছে'), ('pf1', A + 'িয়াছি'), ('c', A + 'িতেছে'), ('c1', A + 'িতেছি'),
         ('vn', A + 'িবার'), ('cond', A + 'িলে'), ('pa', A + 'িলেন'), ('f', A + 'িবেন')]
    return s


def slots_a(R, E, F=None, P=None):
    F = F or R
    P = P or E
    s = [('p1', R + 'ই'), ('p2', R + 'ও'), ('p3', R + 'য়'), ('p3', R + 'ন'), ('p2', R + 'স'), ('imp', R + 'ক'),
         ('imp', R), ('imp', R + 'বেন'),
         ('pa1', P + 'লাম'), ('pa1', P + 'লেম'), ('pa1', P + 'লুম'), ('cond', P + 'লে'), ('pa', P + 'ল'),
         ('pa', P + 'লো'), ('pa', P + 'লেন'), ('pa', P + 'লি'), ('pa', P + 'লা'),
         ('f1', F + 'ব'), ('f1', F + 'বো'), ('f1', R + 'মু'), ('f', F + 'বে'), ('f', F + 'বেন'), ('f', F + 'বি'),
         ('f', F + 'বা'),
         ('c1', R + 'চ্ছি'), ('c', R + 'চ্ছ'), ('c', R + 'চ্ছো'), ('c', R + 'চ্ছে'), ('c', R + 'চ্ছেন'),
         ('c', R + 'চ্ছিস'), ('pc1', R + 'চ্ছিলাম'), ('pc', R + 'চ্ছিলে'), ('pc', R + 'চ্ছিল'), ('pc', R + 'চ্ছিলো'),
         ('pc', R + 'চ্ছিলেন'), ('pc', R + 'চ্ছিলি'), ('c1', R + 'চ্চি'), ('c', R + 'চ্চে'),
         ('pf1', E + 'য়েছি'), ('pf', E + 'য়েছ'), ('pf', E + 'য়েছো'), ('pf', E + 'য়েছে'), ('pf', E + 'য়েছেন'),
         ('pf', E + 'য়েছিস'), ('ppf1', E + 'য়েছিলাম'), ('ppf', E + 'য়েছিলে'), ('ppf', E + 'য়েছিল'),
         ('ppf', E + 'য়েছিলো'), ('ppf', E + 'য়েছিলেন'),
         ('h1', P + 'তাম'), ('inf', P + 'তে'), ('h', P + 'ত'), ('h', P + 'তো'), ('h', P + 'তেন'), ('h', P + 'তিস'),
         ('conj', E + 'য়ে'), ('vn', R + 'ওয়া'), ('vn', R + 'ওয়ার'), ('vn', R + 'ওয়াটা'), ('vn', R + 'য়া'),
         ('vn', R + 'য়ার'),
         ('n1', R + 'ইনি'), ('n', R + 'য়নি'), ('n', R + 'ওনি'),
         ('pf1', R + 'ইছি'), ('pf1', R + 'ইসি'), ('pf', R + 'ইছে'), ('pf', R + 'ইসে'), ('pf', R + 'ইছো'),
         ('pf', R + 'ইসো'), ('pf', R + 'ইছস'), ('pf', R + 'ইসস'), ('cond', R + 'ইলে'), ('pa1', R + 'ইলাম'),
         ('pa', R + 'ইল'), ('pa', R + 'ইলো'), ('conj', R + 'ইয়া'), ('inf', R + 'ইতে'), ('f1', R + 'ইবো'),
         ('f1', R + 'ইব'), ('f', R + 'ইবা'), ('f', R + 'ইবে'), ('c1', R + 'ইতাছি'), ('c1', R + 'ইতেছি'),
         ('c', R + 'ইতাছে'), ('c', R + 'ইতেছে'), ('c1', R + 'ইতেসি'), ('c', R + 'ইতেসে'), ('c1', R + 'ইতাসি'),
         ('c', R + 'ইতাসে'), ('vn', R + 'ইবার')]
    return s


def slots_2(R, E):
    s = [('p1', R + 'ই'), ('p2', R + 'ও'), ('p3', R + 'য়'), ('p3', R + 'ন'), ('p2', R + 'স'), ('imp', R + 'ক'),
         ('imp', R),
         ('pa1', R + 'লাম'), ('pa1', R + 'লেম'), ('pa1', R + 'লুম'), ('cond', R + 'লে'), ('pa', R + 'ল'),
         ('pa', R + 'লো'), ('pa', R + 'লেন'), ('pa', R + 'লি'), ('pa', R + 'লা'),
         ('f1', R + 'ব'), ('f1', R + 'বো'), ('f1', R + 'মু'), ('f', R + 'বে'), ('f', R + 'বেন'), ('f', R + 'বি'),
         ('f', R + 'বা'),
         ('c1', R + 'চ্ছি'), ('c', R + 'চ্ছ'), ('c', R + 'চ্ছো'), ('c', R + 'চ্ছে'), ('c', R + 'চ্ছেন'),
         ('c', R + 'চ্ছিস'), ('pc1', R + 'চ্ছিলাম'), ('pc', R + 'চ্ছিল'), ('pc', R + 'চ্ছিলো'), ('pc', R + 'চ্ছিলেন'),
         ('c1', R + 'চ্চি'), ('c', R + 'চ্চে'),
         ('pf1', E + 'য়েছি'), ('pf', E + 'য়েছ'), ('pf', E + 'য়েছো'), ('pf', E + 'য়েছে'), ('pf', E + 'য়েছেন'),
         ('pf', E + 'য়েছিস'), ('ppf1', E + 'য়েছিলাম'), ('ppf', E + 'য়েছিল'), ('ppf', E + 'য়েছিলো'),
         ('ppf', E + 'য়েছিলেন'),
         ('h1', R + 'তাম'), ('inf', R + 'তে'), ('h', R + 'ত'), ('h', R + 'তো'), ('h', R + 'তেন'), ('h', R + 'তিস'),
         ('conj', E + 'য়ে'), ('vn', R + 'নো'), ('vn', R + 'নোর'), ('vn', R + 'নোটা'), ('vn', R + 'নোই'),
         ('n1', R + 'ইনি'), ('n', R + 'য়নি'), ('n', R + 'ওনি'),
         ('pf1', R + 'ইছি'), ('pf1', R + 'ইসি'), ('pf', R + 'ইছে'), ('pf', R + 'ইসে'), ('pf', R + 'ইছো'),
         ('pf', R + 'ইসো'), ('pf', R + 'ইছস'), ('cond', R + 'ইলে'), ('pa1', R + 'ইলাম'), ('pa', R + 'ইল'),
         ('pa', R + 'ইলো'), ('conj', R + 'ইয়া'), ('inf', R + 'ইতে'), ('f1', R + 'ইবো'), ('f1', R + 'ইব'),
         ('f', R + 'ইবা'), ('c1', R + 'ইতাছি'), ('c1', R + 'ইতেছি'), ('c', R + 'ইতাছে'), ('c', R + 'ইতেছে'),
         ('c1', R + 'ইতেসি'), ('c', R + 'ইতেসে'), ('conj', E + 'য়া'), ('pf', E + 'য়াছে'), ('inf', R + 'ইবার')]
    return s


# auxiliaries: the slots of ফেল (completive), দে (for someone), যা (becoming), পার (can), নে, চা, হ
AUX_FEL = [x for x in slots_c('ফেল', 'ফেল')[:80] if x[0] not in ('pc', 'pc1', 'ppf', 'ppf1')]
AUX_DE = [('imp', 'দাও'), ('imp', 'দিন'), ('imp', 'দেন'), ('imp', 'দে'), ('imp', 'দিস'), ('imp', 'দিও'),
          ('imp', 'দিবা'), ('imp', 'দিবেন'), ('imp', 'দেবেন'), ('imp', 'দিবি'), ('imp', 'দেবে'), ('imp', 'দিবে'),
          ('imp', 'দেবে'), ('imp', 'দিয়ো'), ('imp', 'দিয়েন'), ('imp', 'দেও'), ('imp', 'দ্যাও'),
          ('p1', 'দিই'), ('p1', 'দেই'), ('p1', 'দি'), ('p3', 'দেয়'), ('f1', 'দেব'), ('f1', 'দেবো'), ('f1', 'দিব'),
          ('f1', 'দিবো'), ('f1', 'দিমু'), ('pa1', 'দিলাম'), ('pa', 'দিল'), ('pa', 'দিলো'), ('cond', 'দিলে'),
          ('pf1', 'দিয়েছি'), ('pf', 'দিয়েছে'), ('pf', 'দিসে'), ('pf1', 'দিসি'), ('inf', 'দিতে'),
          ('vn', 'দেওয়া'), ('vn', 'দেয়া'), ('c1', 'দিচ্ছি'), ('c', 'দিচ্ছে'), ('conj', 'দিয়ে')]
AUX_JA = [('p3', 'যায়'), ('p1', 'যাই'), ('p2', 'যাও'), ('p3', 'যান'), ('f1', 'যাব'), ('f1', 'যাবো'),
          ('f1', 'যামু'), ('f', 'যাবে'), ('f', 'যাবেন'), ('pa1', 'গেলাম'), ('pa', 'গেল'), ('pa', 'গেলো'),
          ('cond', 'গেলে'), ('pf', 'গেছে'), ('pf1', 'গেছি'), ('pf', 'গিয়েছে'), ('pf', 'গেসে'), ('c', 'যাচ্ছে'),
          ('c1', 'যাচ্ছি'), ('inf', 'যেতে'), ('vn', 'যাওয়া'), ('conj', 'গিয়ে')]
AUX_NE = [('imp', 'নাও'), ('imp', 'নিন'), ('imp', 'নে'), ('p1', 'নিই'), ('p1', 'নেই'), ('f1', 'নেব'), ('f1', 'নেবো'),
          ('f1', 'নিব'), ('f1', 'নিবো'), ('f1', 'নিমু'), ('pa1', 'নিলাম'), ('pa', 'নিল'), ('pa', 'নিলো'),
          ('cond', 'নিলে'), ('pf1', 'নিয়েছি'), ('pf', 'নিয়েছে'), ('inf', 'নিতে'), ('vn', 'নেওয়া'),
          ('vn', 'নেয়া'), ('p3', 'নেয়'), ('c1', 'নিচ্ছি')]
# after an infinitive: পার (can), চা (want), হ (must), দে (let)
CAN = {'p1': 'i can {b}', 'f1': 'i can {b}', 'p2': 'can {b}', 'p3': 'can {b}', 'f': 'can {b}', 'pa': 'could {b}',
       'pa1': 'i could {b}', 'cond': 'if can {b}', 'n1': 'i could not {b}', 'n': 'could not {b}',
       'inf': 'be able to {b}', 'vn': 'being able to {b}', 'h': 'could {b}', 'h1': 'i could {b}',
       'pf': 'could {b}', 'pf1': 'i could {b}', 'c': 'can {b}', 'c1': 'i can {b}', 'imp': 'can {b}',
       'conj': 'can {b}'}
AUX_PAR = [(CAN.get(s, 'can {b}'), f) for s, f in slots_c('পার', 'পার')
           if s in ('p1', 'p2', 'p3', 'f1', 'f', 'pa', 'pa1', 'cond', 'n1', 'n', 'inf', 'h', 'h1', 'pf', 'pf1',
                    'imp')]
AUX_INF = AUX_PAR + [
    ('i want to {b}', 'চাই'), ('i want to {b}', 'চাচ্ছি'), ('i want to {b}', 'চাইছি'), ('want to {b}', 'চাও'),
    ('want to {b}', 'চান'), ('want to {b}', 'চায়'), ('want to {b}', 'চাস'), ('want to {b}', 'চাইলে'),
    ('want to {b}', 'চাচ্ছে'), ('i wanted to {b}', 'চেয়েছিলাম'), ('i wanted to {b}', 'চাইছিলাম'),
    ('i want to {b}', 'চাইতেছি'), ('i want to {b}', 'চাইতাছি'), ('i want to {b}', 'চাই না'),
    ('have to {b}', 'হবে'), ('have to {b}', 'হয়'), ('had to {b}', 'হয়েছে'), ('had to {b}', 'হলো'),
    ('had to {b}', 'হল'), ('have to {b}', 'হইবো'), ('have to {b}', 'হইব'), ('if have to {b}', 'হলে'),
    ('let {b}', 'দাও'), ('let {b}', 'দিন'), ('let {b}', 'দেন'), ('let {b}', 'দেবে'), ('let {b}', 'দিবে'),
    ('let {b}', 'দিও'), ('let {b}', 'দেবেন'), ('let {b}', 'দিবেন'),
    ('to {b}', 'গিয়ে'), ('go to {b}', 'যাব'), ('go to {b}', 'যাচ্ছি'), ('go to {b}', 'যাই'),
    ('start to {b}', 'শুরু করো'), ('learn to {b}', 'শিখতে চাই'), ('how to {b}', 'শেখাও'),
    ('i like to {b}', 'ভালো লাগে'), ('i like to {b}', 'ভাল লাগে'),
    ('should {b}', 'হবে কি'), ('how to {b}', 'হয় কিভাবে'), ('how to {b}', 'হবে কিভাবে'),
    ('for {i}', 'লাগবে')]
AUX_VN = [('can {b}', 'যায়'), ('can {b}', 'যাবে'), ('can be {p}', 'যায় কি'), ('can {b}', 'যাবে কি'),
          ('can {b}', 'যাইবো'), ('can {b}', 'যাইব'), ('can {b}', 'যায় কিভাবে'), ('could {b}', 'যেত'),
          ('could {b}', 'যেতো'), ('can not {b}', 'যায় না'), ('can not {b}', 'যাবে না'), ('should {b}', 'উচিত'),
          ('should {b}', 'উচিৎ'), ('should not {b}', 'উচিত না'), ('should not {b}', 'উচিত নয়'), ('{i} is', 'হয়'),
          ('must {b}', 'লাগবে'), ('must {b}', 'লাগে'), ('be {p}', 'হয়েছে'), ('was {p}', 'হলো'),
          ('was {p}', 'হয়েছিল'), ('be {p}', 'হবে'), ('{i}', 'শিখতে চাই'), ('{i}', 'শিখব'), ('{i}', 'শেখাও'),
          ('{i} of', 'জন্য'), ('for {i}', 'জন্যে'), ('{i} with', 'দিয়ে'), ('{i}', 'নিয়ে'),
          ('{i} to', 'থেকে'), ('of {i}', 'ব্যাপারে'), ('{i} way', 'উপায়'), ('{i} method', 'পদ্ধতি'),
          ('{i} method', 'নিয়ম'), ('{i} technique', 'কৌশল'), ('{i} tips', 'টিপস'), ('{i} process', 'প্রক্রিয়া')]
FIRST = {'p1', 'pa1', 'f1', 'c1', 'pc1', 'pf1', 'ppf1', 'h1', 'n1'}


def english(eng):
    b, p, i = (eng + ';;').split(';')[:3]
    p = p or b
    i = i or b
    return lambda t: t.format(b=b, p=p, i=i)


def conjugate(cls, stems, eng, fel=''):
    """fel: the English of the verb with ফেলা after it (মেরে ফেলা: kill), when it differs"""
    fill = english(eng)
    fillf = english(fel) if fel else fill
    if cls == 'c':
        A = stems[0]
        B = stems[1] if len(stems) > 1 else A
        slots = slots_c(A, B)
    elif cls == 'a':
        slots = slots_a(*stems)
    elif cls == '2':
        slots = slots_2(*stems)
    else:
        raise ValueError(cls)
    for s, f in slots:
        add_gen(f, fill(T[s]))
    by = {}
    for s, f in slots:
        by.setdefault(s, []).append(f)
    for conj in by.get('conj', [])[:1]:
        for aux in (AUX_FEL, AUX_DE, AUX_JA, AUX_NE):
            for s, f in aux:
                if s in T:
                    add_gen(conj + ' ' + f, (fillf if aux is AUX_FEL else fill)(T[s]))
        for neg in ('না', 'নাই'):
            add_gen(conj + ' ' + neg, fill('not {b}'))
    for inf in by.get('inf', [])[:1] + [x for x in by.get('inf', []) if 'ই' in x[-4:-2]][:1]:
        for t, f in AUX_INF:
            add_gen(inf + ' ' + f, fill(t))
    for vn in by.get('vn', [])[:1]:
        for t, f in AUX_VN:
            add_gen(vn + ' ' + f, fill(t))
    for s in ('p1', 'p2', 'p3', 'f1', 'f', 'imp', 'pa', 'pa1'):
        for f in by.get(s, []):
            add_gen(f + ' না', ('i ' if s in FIRST else '') + fill('not {b}' if s != 'f1' and s != 'f' else 'will not {b}'))
            add_gen(f + ' নাই', ('i ' if s in FIRST else '') + fill('not {b}'))
    for f in by.get('cond', []):
        add_gen(f + ' কি', fill('what if {b}'))
        add_gen(f + ' কী', fill('what if {b}'))
        add_gen(f + ' কি হবে', fill('what happens if {b}'))
        add_gen(f + ' কী হবে', fill('what happens if {b}'))


# ---------------------------------------------------------------- read
verbs = []
for path in sorted(glob.glob(os.path.join(D, 'bn-src', '*.txt'))):
    name = os.path.basename(path)
    for no, line in enumerate(open(path, encoding='utf-8'), 1):
        line = nfc(line.strip())
        if not line or line.startswith('#'):
            continue
        where = f'{name}:{no}'
        if line.startswith('V:'):
            try:
                parts = line[2:].split('|')
                cls, stems, eng = parts[:3]
                fel = parts[3].strip().lower() if len(parts) > 3 else ''
                verbs.append((cls.strip(), [x.strip() for x in stems.split(',')], eng.strip().lower(), fel, where))
            except ValueError:
                print('BAD', where, line)
            continue
        if '|' not in line:
            print('BAD', where, line)
            continue
        form, eng = [x.strip() for x in line.split('|', 1)]
        eng = eng.lower()
        if not form or not eng:
            print('BAD', where, line)
            continue
        if form.startswith('~') or form.endswith('~'):
            affixes.setdefault(form.lower(), eng)
            continue
        add_hand(form, eng, where)
for cls, stems, eng, fel, where in verbs:
    try:
        conjugate(cls, stems, eng, fel)
    except Exception as e:  # noqa
        print('BAD VERB', where, e)

with open(sys.argv[1], 'w', encoding='utf-8') as out:
    out.write('# Bengali -> English word-by-word gloss. Built by bn-build.py from bn-src/*.txt\n')
    for a, e in affixes.items():
        out.write(f'{a}\t{e}\n')
    n_gen = 0
    for k in order_h:
        out.write(f'{k}\t{hand[k]}\n')
    for k in order_g:
        if k not in hand:
            out.write(f'{k}\t{gen[k]}\n')
            n_gen += 1
print(f'{len(hand)} hand-written forms, {len(verbs)} verbs, +{n_gen} generated forms, {len(affixes)} affixes, '
      f'total {len(hand) + n_gen}')
print_duplicates(dups)
