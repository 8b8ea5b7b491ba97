import re,sys
def parse(f):
    L=open(f).read().split('\n'); out=[]
    i=0
    while i<len(L):
        l=L[i]
        if re.match(r'^(ALLOW|CONSTRAIN|REFUSE|ESCALATE)',l):
            out.append((l.split()[0], l.split('|',1)[1].strip(), L[i+1].strip(), L[i+2].strip())); i+=3
        else: i+=1
    return out
if __name__=='__main__':
    from collections import Counter
    r=parse(sys.argv[1]); print(Counter(x[0] for x in r), 'gloss-decided problems:', sum(1 for x in r if x[0]!='ALLOW' and 'English gloss' in x[2]))
    if len(sys.argv)>2:
        for v,t,e,g in r:
            if v!='ALLOW' and 'English gloss' in e: print(v,t,'\n   ',e,'\n   ',g)
