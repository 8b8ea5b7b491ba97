# writes 80_trad.txt (Traditional variants, via the opencc command) from the other lists in this folder;
# usage: python3 mktrad.py (then build.py)
import os, subprocess
os.chdir(os.path.dirname(os.path.abspath(__file__)))
files=['06_everyday.txt','64_slang.txt','36_ambig.txt','37_words5.txt','31_words.txt','32_words.txt','33_verbs2.txt','34_words3.txt','05_fixes.txt','10_function.txt','20_verbs.txt','60_violence.txt','61_drugs_hack.txt','62_sex_selfharm.txt','63_hate_inject.txt','70_phrases.txt','90_chars.txt','91_chars2.txt','92_chars3.txt','30_nouns.txt','40_tech.txt']
allforms=set()
import glob
for f in glob.glob('[0-9]*.txt'):
    if f.startswith('80_'): continue
    for l in open(f,encoding='utf-8'):
        l=l.strip()
        if l and not l.startswith('#'): allforms.add(l.split(' ',1)[0].lower())
ents=[];seen=set()
for f in files:
    for l in open(f,encoding='utf-8'):
        l=l.strip()
        if not l or l.startswith('#'): continue
        form,eng=l.split(' ',1)
        if form in seen: continue
        seen.add(form); ents.append((f,form,eng))
forms='\n'.join(e[1] for e in ents)+'\n'
out={cfg:subprocess.run(['opencc','-c',cfg],input=forms,capture_output=True,text=True).stdout.split('\n') for cfg in ['s2tw.json','s2t.json']}
res={}
for i,(f,form,eng) in enumerate(ents):
    for cfg in out:
        t=out[cfg][i]
        if t!=form and t not in allforms and t not in res: res[t]=(f,eng)
byf={}
for t,(f,eng) in res.items(): byf.setdefault(f,[]).append((t,eng))
with open('80_trad.txt','w',encoding='utf-8') as o:
    o.write('# Traditional variants (opencc s2tw/s2t of the Simplified entries)\n')
    for f in files:
        if f in byf:
            o.write('# from '+f+'\n')
            for t,e in byf[f]: o.write(t+' '+e+'\n')
print(sum(len(v) for v in byf.values()),'traditional')
