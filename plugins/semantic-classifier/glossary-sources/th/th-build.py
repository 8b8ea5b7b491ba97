#!/usr/bin/env python3
"""Build the Thai glossary from th-src/*.txt next to this script (form|english). First occurrence wins.
usage: python3 th-build.py OUT.tsv [-v]
Thai is written without spaces: every form is written unspaced (the plugin cuts a Thai run with the JDK's
dictionary word breaker and joins the words of a form again). Adds common informal spelling variants of
multi-word forms (ไหม/มั้ย/มั๊ย/มะ, เขา/เค้า, ครับ/คับ/ค่ะ/คะ endings, อย่างไร/ยังไง/ยังงัย, ๆ written apart)."""
import glob, os, re, sys, unicodedata
D = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(D))  # glossary-sources/, where glossary_file.py is
from glossary_file import print_duplicates, write_glossary
if len(sys.argv) < 2 or sys.argv[1].startswith('-'):
    sys.exit(f'usage: python3 {sys.argv[0]} OUT.tsv')
THAI = re.compile('[\u0e01-\u0e4e]')
def norm(form):
    f = unicodedata.normalize('NFC', form.strip().lower().replace('\u2019', "'"))
    # Thai forms carry no spaces; Latin words inside keep single spaces
    if THAI.search(f):
        f = re.sub(r'(?<=[\u0e01-\u0e4e])\s+(?=[\u0e01-\u0e4e])', '', f)
    # a Thai run ends where digits or Latin letters begin: those are words of their own, written apart
    f = re.sub(r'(?<=[\u0e01-\u0e4e])(?=[a-z0-9])|(?<=[a-z0-9])(?=[\u0e01-\u0e4e])', ' ', f)
    return re.sub(r'\s+', ' ', f)
entries = {}; order = []; dups = []
for f in sorted(glob.glob(os.path.join(D, 'th-src', '*.txt'))):
    for no, line in enumerate(open(f, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'): continue
        if '|' not in line:
            print('BAD', os.path.basename(f), no, line); continue
        form, eng = line.split('|', 1)
        key = norm(form); eng = ' '.join(eng.strip().lower().split())
        if not key or not eng: print('BAD', os.path.basename(f), no, line); continue
        if key in entries:
            if entries[key] != eng: dups.append((key, entries[key], eng))
            continue
        entries[key] = eng; order.append(key)
explicit = len(order)
# informal spelling variants (replace inside multi-word forms); first listed wins
VARIANTS = [('ไหม', ['มั้ย', 'มั๊ย', 'ไม๊', 'มะ']), ('อย่างไร', ['ยังไง', 'ยังงัย', 'ยังไง']), ('ยังไง', ['ยังงัย', 'ยังไงอะ']),
            ('เขา', ['เค้า']), ('ครับ', ['คับ', 'ค่ะ', 'คะ', 'ครัช', 'จ้า']), ('หรือ', ['หรอ', 'เหรอ']),
            ('อะไร', ['อะไล', 'ไร']), ('ไม่', ['ม่าย']), ('จริงๆ', ['จริงจริง']), ('ได้ไหม', ['ได้ป่ะ', 'ได้ปะ', 'ได้มะ', 'ได้รึเปล่า', 'ได้หรือเปล่า']),
            ('ทำไม', ['ทามมาย', 'ทำมัย']), ('หน่อย', ['หน่อยนะ', 'หน่อยครับ', 'หน่อยค่ะ']), ('ฉัน', ['ชั้น', 'เรา']),
            ('ผม', ['หนู', 'เรา']), ('คุณ', ['เธอ'])]
added = 0
for key in list(order):
    if not THAI.search(key) or len(key) < 4 or '~' in key or key.startswith('!'): continue
    for a, bs in VARIANTS:
        if a in key and key != a:
            for b in bs:
                v = key.replace(a, b)
                if v not in entries:
                    entries[v] = entries[key]; order.append(v); added += 1
# reduplication: Xๆ also as XX
for key in list(order):
    m = re.fullmatch('([\u0e01-\u0e4e]+)ๆ', key)
    if m and m.group(1) * 2 not in entries:
        entries[m.group(1) * 2] = entries[key]; order.append(m.group(1) * 2); added += 1
# The JDK's Thai dictionary lacks some common words (ไง, ไลน์, เฟส...); the plugin's breaker then glues them to
# the words that follow ("ทำ|ยัง|ไงให้ลูก|กิน"), so a form is found only if it spans the glued piece: compose the
# question word with ให้/ไม่ให้ and each listed noun or verb, and with the particles.
comp = 0
def add(k, e):
    global comp
    if k not in entries:
        entries[k] = e; order.append(k); comp += 1
GLUEQ = [('ยังไง', 'how'), ('ทำยังไง', 'how do i')]
MIDS = [('ให้', 'make'), ('ไม่ให้', 'without'), ('ให้ได้', 'to get'), ('ถึงจะ', 'so that'), ('ดี', 'best'), ('ก็ได้', 'anyhow')]
PARTS = ['ครับ', 'คะ', 'ค่ะ', 'คับ', 'นะ', 'อะ', 'อ่ะ', 'ดี', 'บ้าง', 'ดีครับ', 'ดีคะ', 'ดีค่ะ', 'บ้างคะ', 'บ้างครับ', 'บ้างค่ะ', 'ดีอะ', 'ดีนะ', 'เนี่ย', 'ล่ะ', 'หรอ', 'เหรอ', 'ก็ได้', 'ให้', 'ไม่ให้', 'ให้ได้', 'ถึงจะ', 'ถึงจะได้', 'ดีกว่า', 'ต่อ', 'เลย', 'แน่']
compose_files = ('04_', '05_', '06_', '07_', '08_', '09_', '10_', '11_', '12_')
nouns = []
for f in sorted(glob.glob(os.path.join(D, 'th-src', '*.txt'))):
    if not os.path.basename(f).startswith(compose_files): continue
    for line in open(f, encoding='utf-8'):
        if '|' in line and not line.startswith('#'):
            k = norm(line.split('|', 1)[0])
            if THAI.search(k) and ' ' not in k and '~' not in k and not k.startswith('!') and len(k) <= 12 and entries.get(k, '-') != '-': nouns.append(k)
nouns = list(dict.fromkeys(nouns))
for q, qe in GLUEQ:
    for p in PARTS:
        pe = entries.get(p, '-'); add(q + p, qe + ('' if pe == '-' else ' ' + pe))
    for m, me in MIDS:
        for n in nouns:
            add(q + m + n, f'{qe} {me} {entries[n]}')
# words the breaker cuts badly (glue.lst): with a common word before or after them, so that a form spans the piece
GPRE = 'ต้อง จะ ให้ ไม่ ช่วย อยาก ได้ ที่ ใน ทาง ของ เล่น ใช้ ซื้อ ขาย หา ทำ เปิด ส่ง แอบ ดู กับ และ ผ่าน จาก ลง โพสต์ เข้า กด คือ เป็น มี แฮก'.split()
GFOL = 'ครับ ค่ะ คะ นะ หน่อย ให้ ได้ ได้ไหม ยังไง ไม่ ของ ที่ แล้ว กับ แฟน เขา ดี บ้าง เลย โดย อะไร ไหม มั้ย ไป มา ด้วย จาก คน ผม ฉัน อยู่ แบบ'.split()
def eng(*ks):
    return ' '.join(entries[k] for k in ks if entries.get(k, '-') != '-') or '-'
gl = os.path.join(D, 'th-src', 'glue.lst')
if os.path.exists(gl):
    for w in (l.strip() for l in open(gl, encoding='utf-8')):
        if not w or w.startswith('#') or w not in entries: continue
        for p in GPRE: add(p + w, eng(p, w))
        for f in GFOL: add(w + f, eng(w, f))
# The JDK breaker does not know NIKHAHIT + SARA AA (below): from such a word to the end of the Thai run it
# returns one piece ("ทํายังไงไม่ให้ตํารวจรู้"). An unknown piece may lose a listed prefix and suffix, or split in
# two such parts: so the common words are also listed as prefixes and suffixes (one breaker word each).
affix_src = [k for k in order[:explicit] if THAI.search(k) and '~' not in k and not k.startswith('!') and ' ' not in k
             and 2 <= len(k) <= 14]
naff = 0
for k in affix_src:
    for a in (k + '~', '~' + k):
        if a not in entries:
            entries[a] = entries[k]; order.append(a); naff += 1
# The host puts every text in Unicode NFKC, which writes SARA AM (ำ) as NIKHAHIT + SARA AA (ํา); the plugin
# writes it back as one letter before it breaks a Thai run (GlossWords.withSaraAm), so forms keep ำ.
nfkc = 0
# forms the JDK breaker cuts into more than six words (or affixes it cuts at all) make the plugin reject the
# file: breaker-drop.txt lists them (written by checking the built file with the JDK breaker)
drop = os.path.join(D, 'breaker-drop.txt')
if os.path.exists(drop):
    bad = {norm(l) for l in open(drop, encoding='utf-8') if l.strip()}
    order = [k for k in order if k not in bad]
write_glossary(sys.argv[1],
               'Thai -> English word-by-word gloss. Built by th-build.py from th-src/*.txt',
               order, entries)
print(f'{explicit} explicit, +{added} spelling variants, +{comp} composed, +{nfkc} NFKC spellings, +{naff} affixes, total {len(order)}')
print_duplicates(dups)
