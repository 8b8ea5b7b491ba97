# Korean conjugator for generating glossary forms
B=0xAC00
def dec(c):
    o=ord(c)-B; return o//588,(o%588)//28,o%28
def com(l,v,t=0): return chr(B+(l*21+v)*28+t)
A_,AE,YA,EO,E,YEO,O,WA,WAE,OE,U,WEO,WI,EU,YI,I=0,1,2,4,5,6,8,9,10,11,13,14,16,18,19,20
T_N,T_L,T_B,T_S,T_SS,T_D,T_M=4,8,17,19,20,7,16
L_NG=11
def hasb(s): return dec(s[-1])[2]!=0
def setb(s,t):
    l,v,_=dec(s[-1]); return s[:-1]+com(l,v,t)
def bright(v): return v in (A_,O,YA)
def A(stem,irr):
    l,v,t=dec(stem[-1])
    if stem.endswith('하'): return stem[:-1]+'해'
    if irr=='b':
        s=stem[:-1]+com(l,v,0); return s+('와' if stem in ('돕','곱') else '워')
    if irr=='d': return setb(stem,T_L)+('아' if bright(v) else '어')
    if irr=='s': return stem[:-1]+com(l,v,0)+('아' if bright(v) else '어')
    if irr=='h':  # 그렇->그래, 빨갛->빨개
        return stem[:-1]+com(l,AE if v in (A_,EO) else YAE if v==YA else v,0)
    if irr=='reu':
        p=setb(stem[:-1],T_L); pv=dec(stem[-2])[1]
        return p+('라' if bright(pv) else '러')
    if t: return stem+('아' if bright(v) else '어')
    if v in (A_,EO,AE,E,YEO,3,7): return stem
    if v==O: return stem[:-1]+com(l,WA)
    if v==U: return stem[:-1]+com(l,WEO)
    if v==I: return stem[:-1]+com(l,YEO) if l!=L_NG or len(stem)>1 else stem+'어'
    if v==OE: return stem[:-1]+com(l,WAE)
    if v==EU:
        pv=dec(stem[-2])[1] if len(stem)>1 else EO
        return stem[:-1]+com(l,A_ if bright(pv) else EO)
    return stem+'어'
YAE=3
def P(stem,irr):  # past stem ending with ㅆ batchim
    a=A(stem,irr); return setb(a,T_SS)
def base2(stem,irr):
    """returns (kind, s) where kind 'v' vowel-like stem, 'c' consonant stem, 'l' ㄹ stem for 으-forms"""
    l,v,t=dec(stem[-1])
    if irr=='b': return 'v',stem[:-1]+com(l,v,0)+'우'
    if irr=='d': return 'c',setb(stem,T_L)
    if irr=='s': return 'c',stem[:-1]+com(l,v,0)   # 지+으면
    if irr=='h': return 'v',stem[:-1]+com(l,v,0)
    if t==T_L: return 'l',stem
    if t: return 'c',stem
    return 'v',stem
def eu(stem,irr,end):
    """end in {'면','ㄴ','ㄹ','세요','려면','려고','ㄹ까','ㄹ래','ㄹ게','니까','ㅂ니다'}"""
    k,s=base2(stem,irr)
    if end=='ㅂ니다':
        if k=='c' or irr in ('b','d','s','h'): return stem+'습니다'
        if k=='l': return setb(s,T_B)+'니다' if False else setb(s[:-1]+com(*dec(s[-1])[:2]),T_B)+'니다'
        return setb(s,T_B)+'니다'
    if k=='c':
        if irr=='s': s=s  # 지 + 으
        if end in ('ㄴ','ㄹ'): return s+('은' if end=='ㄴ' else '을')
        if end in ('ㄹ까','ㄹ래','ㄹ게'): return s+'을'+end[1:]
        return s+'으'+end
    if k=='l':
        nob=s[:-1]+com(*dec(s[-1])[:2])
        if end=='ㄴ': return setb(nob,T_N)
        if end=='ㄹ': return s
        if end in ('ㄹ까','ㄹ래','ㄹ게'): return s+end[1:]
        if end in ('세요','니까'): return nob+end
        return s+end
    if end=='ㄴ': return setb(s,T_N)
    if end=='ㄹ': return setb(s,T_L)
    if end in ('ㄹ까','ㄹ래','ㄹ게'): return setb(s,T_L)+end[1:]
    return s+end
def neun(stem):
    l,v,t=dec(stem[-1])
    if t==T_L: return stem[:-1]+com(l,v)+'는'
    return stem+'는'
def nob(stem):
    l,v,t=dec(stem[-1])
    return stem[:-1]+com(l,v) if t==T_L else stem
