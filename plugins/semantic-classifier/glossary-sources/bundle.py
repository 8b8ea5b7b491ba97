#!/usr/bin/env python3
"""Copies a generated glossary into the plugin: checks every line as the plugin's Glossary reads it (a form
must be written as GlossWords cuts it, at most six words, no duplicates), adds the header, sorts.
usage: bundle.py LANG LANGUAGE-NAME GENERATED.tsv   e.g. bundle.py de German /tmp/de.tsv"""
import os, re, sys, unicodedata

from word_runs import word_runs  # next to this script

HAN = re.compile('[\u4e00-\u9fff]')
THAI = re.compile('[\u0e01-\u0e4e]+')


def words(text):
    text = unicodedata.normalize('NFC', text).lower().replace('\u2019', "'")
    out = []
    for w in word_runs(text):
        out.extend(list(w) if HAN.search(w) else [w])
    return out


def unspaced(w):
    """A Han character or a Thai word: joined to its kind without a space (the plugin cuts Thai with the JDK's
    dictionary breaker, which Python lacks: a Thai run stays one piece here, and a Thai form has no spaces)."""
    return HAN.fullmatch(w) or THAI.fullmatch(w)


def join(ws):
    s = ws[0]
    for a, b in zip(ws, ws[1:]):
        s += ('' if unspaced(a) and unspaced(b) else ' ') + b
    return s


lang, name, source = sys.argv[1:4]
target = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'main', 'resources', 'dev', 'veto',
                      'plugins', 'semantic', 'gloss', lang + '.tsv')
seen, directives, affixes, forms, problems = set(), [], [], [], 0
for number, line in enumerate(open(source, encoding='utf-8'), 1):
    line = line.rstrip('\n')
    if not line.strip() or line.startswith('#'):
        continue
    parts = line.split('\t')
    form = parts[0].strip().lower().replace('\u2019', "'") if parts else ''
    if len(parts) != 2 or not form or not parts[1].strip():
        print(f'{source}:{number}: want FORM<TAB>ENGLISH'); problems += 1; continue
    if form in seen:
        print(f'{source}:{number}: duplicate {form!r}'); problems += 1; continue
    entry = form + '\t' + parts[1].strip()
    if form.startswith('!'):
        directives.append(entry)
    elif form.startswith('~') or form.endswith('~'):
        affixes.append(entry)
    else:
        cut = words(form)
        if not cut or len(cut) > 6 or join(cut) != form:
            print(f'{source}:{number}: {form!r} is not written as it is read ({cut})'); problems += 1; continue
        forms.append(entry)
    seen.add(form)
if lang == 'de' and not any(d.startswith('!compounds') for d in directives):
    directives.append('!compounds\ts n es en')
with open(target, 'w', encoding='utf-8') as out:
    out.write(f'# Veto glossary: {name} -> English, for the word-by-word gloss the semantic classifier also reads\n')
    out.write('# (docs/evaluation.md, "A gloss for the English encoder"). Generated from glossary-sources/; edit there.\n')
    out.write("# FORM<TAB>ENGLISH; '-' drops a word; ~suffix and prefix~ lines are stripped from unlisted words;\n")
    out.write('# !compounds<TAB>linking elements lets unlisted long words split in two listed ones. Fewest forms win.\n')
    for entry in directives + sorted(affixes) + sorted(forms):
        out.write(entry + '\n')
print(f'{lang}: {len(forms)} forms, {len(affixes)} affixes, {problems} lines left out -> {os.path.normpath(target)}')
