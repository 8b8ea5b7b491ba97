# merge parts (FORM<space>ENGLISH) in this folder into the glossary OUT.tsv, first occurrence wins
# usage: python3 build.py OUT.tsv
import glob, os, sys
if len(sys.argv) < 2 or sys.argv[1].startswith('-'):
    sys.exit(f'usage: python3 {sys.argv[0]} OUT.tsv')
seen={}; out=[]; dups=0
for f in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '[0-9]*.txt'))):
    out.append('# ---- '+f.split('/')[-1])
    for line in open(f,encoding='utf-8'):
        line=line.strip()
        if not line or line.startswith('#'): continue
        if '\t' in line: form,eng=line.split('\t',1)
        else:
            if ' ' not in line: print('BAD',f,line); continue
            form,eng=line.split(' ',1)
        form=form.strip().lower(); eng=eng.strip()
        if not eng or ' ' in form: print('BAD',f,line); continue
        if len(form)>6 and not form.startswith('~') and not form.endswith('~'): print('LONG',f,line)
        # runtime canon: a space between a Han character and a non-Han word (GlossWords.join)
        import re as _re
        form=_re.sub(r'(?<=[\u4e00-\u9fff])(?=[^\u4e00-\u9fff~])|(?<=[^\u4e00-\u9fff~])(?=[\u4e00-\u9fff])',' ',form)
        if form in seen:
            dups+=1; continue
        seen[form]=eng; out.append(form+'\t'+eng)
open(sys.argv[1],'w',encoding='utf-8').write('# Chinese (Simplified + some Traditional) -> English gloss\n'+'\n'.join(out)+'\n')
print(len(seen),'entries',dups,'dups skipped')
