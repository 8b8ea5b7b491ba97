#!/usr/bin/env python3
"""Checks a bundled Thai glossary as the plugin's Glossary.read does with the JDK breaker: forms <= 6 words,
affixes one word. usage: validate.py GLOSSARY.tsv [--fix OUT.tsv]  (fix: drops bad lines)"""
import sys, subprocess, os, re
D = os.path.dirname(os.path.abspath(__file__))
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
idx = [i for i, l in enumerate(lines) if l and not l.startswith('#') and not l.startswith('!') and re.search('[\u0e01-\u0e4e]', l.split('\t')[0])]
keys = [lines[i].split('\t')[0].replace('~', '') for i in idx]
out = subprocess.run(['java', '-cp', D, 'Brk'], input='\n'.join(keys) + '\n', capture_output=True, text=True).stdout.split('\n')
bad = set()
for k, i in enumerate(idx):
    form = lines[i].split('\t')[0]
    # Thai runs only: split on non-Thai separately; approximate with spaces/latin ignored
    n = len(out[k].split('|'))
    affix = form.startswith('~') or form.endswith('~')
    if (affix and n != 1) or (not affix and n > 6):
        bad.add(i); print('BAD', 'affix' if affix else 'form', form, out[k])
print(len(bad), 'bad of', len(idx))
if '--fix' in sys.argv:
    open(sys.argv[sys.argv.index('--fix') + 1], 'w', encoding='utf-8').write('\n'.join(l for i, l in enumerate(lines) if i not in bad))
