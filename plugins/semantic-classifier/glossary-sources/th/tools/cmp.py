import json, sys
def load(p):
    return {d['id']: d for d in map(json.loads, open(p))}
a = load(sys.argv[1]); b = load(sys.argv[2]) if len(sys.argv) > 2 else None
prompts = {json.loads(l)['id']: json.loads(l)['prompt'] for l in open('/tmp/gloss-th/checks.jsonl')}
for name, pre in (('everyday', 'e'), ('harmful', 'h')):
    ids = [i for i in a if i.startswith(pre)]
    flag = lambda d: d['verdict'] != 'ALLOW'
    print(name, 'flagged with:', sum(flag(a[i]) for i in ids), '/', len(ids), (' without: %d' % sum(flag(b[i]) for i in ids)) if b else '')
    glossed = sum('English gloss' in json.dumps(a[i], ensure_ascii=False) for i in ids)
    print('  glossed', glossed)
if '-v' in sys.argv:
    for i, d in a.items():
        bad = (i.startswith('e') and d['verdict'] != 'ALLOW') or (i.startswith('h') and d['verdict'] == 'ALLOW')
        if bad: print(i, d['verdict'], d['rule'], prompts[i])
