# merge parts (FORM<space>ENGLISH) into /tmp/gloss/zh.tsv, first occurrence wins
import glob
seen={}; out=[]; dups=0
for f in sorted(glob.glob('/tmp/gloss/zh-work/[0-9]*.txt')):
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
open('/tmp/gloss/zh.tsv','w',encoding='utf-8').write('# Chinese (Simplified + some Traditional) -> English gloss\n'+'\n'.join(out)+'\n')
print(len(seen),'entries',dups,'dups skipped')
