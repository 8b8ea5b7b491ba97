# builds the Korean glossary from the lists in this folder; usage: python3 build.py OUT.tsv [-c]
import sys,os,re,glob
if len(sys.argv) < 2 or sys.argv[1].startswith('-'):
    sys.exit(f'usage: python3 {sys.argv[0]} OUT.tsv')
sys.path.insert(0,os.path.dirname(__file__))
from conj import *
D=os.path.dirname(os.path.abspath(__file__))
IRR={'be':'been','have':'had','do':'did','go':'went','come':'came','see':'saw','make':'made','take':'took','give':'gave',
'get':'got','know':'knew','think':'thought','tell':'told','say':'said','find':'found','buy':'bought','sell':'sold','eat':'ate',
'drink':'drank','write':'wrote','read':'read','run':'ran','sit':'sat','stand':'stood','sleep':'slept','teach':'taught',
'learn':'learned','hear':'heard','send':'sent','spend':'spent','lose':'lost','win':'won','hit':'hit','cut':'cut','put':'put',
'shoot':'shot','steal':'stole','hide':'hid','break':'broke','build':'built','burn':'burned','catch':'caught','fight':'fought',
'feel':'felt','leave':'left','meet':'met','pay':'paid','ride':'rode','ring':'rang','rise':'rose','seek':'sought','shake':'shook',
'sing':'sang','swim':'swam','throw':'threw','understand':'understood','wake':'woke','wear':'wore','bite':'bit','blow':'blew',
'bring':'brought','choose':'chose','draw':'drew','drive':'drove','fall':'fell','fly':'flew','forget':'forgot','freeze':'froze',
'grow':'grew','hang':'hung','hold':'held','hurt':'hurt','keep':'kept','lay':'laid','lead':'led','lend':'lent','let':'let',
'lie':'lay','light':'lit','mean':'meant','quit':'quit','set':'set','shut':'shut','sink':'sank','speak':'spoke','spread':'spread',
'stick':'stuck','sting':'stung','strike':'struck','swear':'swore','sweep':'swept','tear':'tore','bear':'bore','dig':'dug',
'become':'became','begin':'began','bend':'bent','bet':'bet','bleed':'bled','feed':'fed','forgive':'forgave','stink':'stank',
'wipe':'wiped','die':'died','kill':'killed','wind':'wound','split':'split','shine':'shone','slide':'slid','spit':'spat'}
def past(e):
    w=e.split(' ',1); v=w[0]; r=(' '+w[1]) if len(w)>1 else ''
    if v.startswith('be_'): return 'was '+v[3:]+r
    if v in IRR: p=IRR[v]
    elif v.endswith('e'): p=v+'d'
    elif re.search(r'[^aeiou]y$',v): p=v[:-1]+'ied'
    elif re.search(r'^[^aeiou]*[aeiou][bdgmnpt]$',v): p=v+v[-1]+'ed'
    else: p=v+'ed'
    return p+r
def clean(e): return e.replace('be_','be ')
def verb_forms(stem,irr,V,full=False):
    Vd=past(V); V=clean(V)
    a=A(stem,irr); p=P(stem,irr); n=neun(stem); nb=nob(stem)
    f=[(a,V),(n,V),(n+' 법','how to '+V)]
    if len(stem)==1 or full: f+=[(stem+'고',V),(stem+'지',V),(stem+'게',V),(stem+'기',V)]
    if len(p)==1 or full: f+=[(p+'어',Vd)]
    for e,g in [('면','if '+V),('ㄴ',Vd),('ㄹ',V),('세요','please '+V),('려면','to '+V),('ㅂ니다',V)]:
        f.append((eu(stem,irr,e),g))
    if len(stem)>=2 and not full: f.append((stem,V))
    if len(p)>=2 and not full: f.append((p,Vd))
    if len(a)==1 or (full and (a in entries or len(a)<2)):
        f+=[(a+'버려',V),(a+'버리고',V),(a+'버렸어',Vd),(a+'버릴',V),(a+'버리는',V),(a+'요',V),(a+'서',V),(a+'줘','please '+V),(a+'주세요','please '+V),(a+'봐','try '+V),(a+'도','may '+V),(a+'야','must '+V),(a+'줄래','please '+V)]
    if len(p)==1 or full:
        f+=[(p+'어요',Vd),(p+'다',Vd),(p+'는데',Vd),(p+'습니다',Vd),(p+'으면','if '+Vd),(p+'던',Vd)]
    if len(stem)==1 or full:
        f+=[(nb+'나요',V),(nb+'니',V),(nb+'냐',V),(n+'데',V),(n+'지',V),(stem+'겠어','will '+V),(stem+'지마',"don't "+V),(stem+'고싶어','want to '+V),(stem+'고싶은데','want to '+V),(stem+'던',Vd),(stem+'도록','to '+V),(eu(stem,irr,'려고'),'to '+V),(eu(stem,irr,'ㄹ까'),V),(eu(stem,irr,'ㄹ게'),'will '+V)]
    return f
def adj_forms(stem,irr,V,full=False):
    V=clean(V); Vd='was '+V
    a=A(stem,irr); p=P(stem,irr)
    f=[(a,V)]
    if len(stem)==1 or full: f+=[(stem+'고',V),(stem+'지',V),(stem+'게',V),(stem+'기',V)]
    if len(p)==1 or full: f+=[(p+'어',Vd)]
    for e,g in [('면','if '+V),('ㄴ',V),('ㅂ니다',V)]:
        f.append((eu(stem,irr,e),g))
    if len(stem)>=2 and not full: f.append((stem,V))
    if len(p)>=2 and not full: f.append((p,Vd))
    n=eu(stem,irr,'ㄴ'); f+=[(n+'데',V),(n+'지',V),(n+'가',V),(n+'가요',V),(eu(stem,irr,'ㄹ까'),V),(eu(stem,irr,'ㄹ까')+'요',V),(eu(stem,irr,'ㄹ'),V)]
    if len(a)==1: f+=[(a+'요',V),(a+'서',V),(a+'도',V)]
    if len(p)==1: f+=[(p+'어요',Vd),(p+'다',Vd),(p+'는데',Vd)]
    return f
BAT=lambda w: dec(w[-1])[2]
def noun_particles(w,e):
    b=BAT(w); ll=b==T_L
    ps=[('이' if b else '가',e),('을' if b else '를',e),('은' if b else '는',e),('도',e+' too'),('만','only '+e),('에',e),('에서',e),
        ('으로' if b and not ll else '로','with '+e),('의',e),('과' if b else '와',e+' and'),('이랑' if b else '랑',e+' and'),('한테',e),('이야' if b else '야',e)]
    return [(w+p,g) for p,g in ps]
entries={}; order=[]; coll=[]; src={}; vsrc={}; CURV=[None]
def add(form,eng,tag,override=False):
    form=' '.join(form.split()).lower()
    if form in entries:
        if entries[form]!=eng and tag!='gen-n': coll.append((form,entries[form],eng,src[form],tag))
        if tag=='gen-v' and src[form]=='gen-v' and vsrc.get(form) not in (None,CURV[0]) and entries[form]!=eng and entries[form].count('/')==0:
            a=entries[form].split(); c=eng.split()
            if len(a)==len(c) and a[:-1]==c[:-1]:
                entries[form]=' '.join(a[:-1]+[a[-1]+'/'+c[-1]])
            elif len(a)==1 and len(c)==1: entries[form]=a[0]+'/'+c[0]
        return
    vsrc[form]=CURV[0]
    entries[form]=eng; src[form]=tag; order.append(form)
def readtsv(path):
    for line in open(path,encoding='utf-8'):
        line=line.rstrip('\n')
        if not line.strip() or line.startswith('#'): continue
        p=line.split('\t')
        if len(p)<2: print('BAD',path,line); continue
        yield [x.strip() for x in p]
# 1 manual entries (incl. affixes)
for f in sorted(glob.glob(D+'/m*.tsv')):
    for p in readtsv(f): add(p[0],p[1],'man')
# 2 verbs / adjectives
verbs=[]
for f in sorted(glob.glob(D+'/v*.tsv')):
    for p in readtsv(f):
        d=p[0]; e=p[1]; fl=p[2] if len(p)>2 else ''
        kind='a' if 'a' in fl.split(',') else 'v'
        irr=next((x for x in fl.split(',') if x in ('b','d','s','h','reu')),'')
        stem=d[:-1]
        add(d,clean(e),'verb')
        verbs.append((stem,irr,e,kind))
# 3 nouns
nouns=[]
for f in sorted(glob.glob(D+'/n*.tsv')):
    for p in readtsv(f):
        if len(p[0])>1: add(p[0],p[1],'noun')
        nouns.append((p[0],p[1],len(p)>2 and p[2]=='p'))
for stem,irr,e,kind in verbs:
    CURV[0]=stem+'|'+e
    full=(stem in entries) or (P(stem,irr) in entries) or (stem.endswith('하') and len(stem)>2 and entries.get(stem[:-1]) not in (None,clean(e)))
    if full: print('FULL',stem,file=sys.stderr)
    for form,g in (verb_forms(stem,irr,e,full) if kind=='v' else adj_forms(stem,irr,e,full)):
        add(form,g,'gen-v')
for w,e,fp in nouns:
    if len(w)==1: add(w,e,'noun')
    if len(w)==1 or fp:
        for form,g in noun_particles(w,e): add(form,g,'gen-n')
out=open(sys.argv[1],'w',encoding='utf-8')
out.write('# Korean -> English gloss. Generated by ko-src/build.py from ko-src/*.tsv (manual m*, verbs v*, nouns n*).\n')
for k in order:
    out.write(k+'\t'+entries[k]+'\n')
out.close()
if '-c' in sys.argv:
    for c in coll: print('COLL',*c)
print(len(order),'entries',file=sys.stderr)
from collections import Counter
print(Counter(src[k] for k in order),file=sys.stderr)
print(len(verbs),'verbs',sum(1 for s,i,e,k in verbs if len(s)==1),'1-syl',file=sys.stderr)
