"""A quick check of an encoder before the Java head is retrained on it: a logistic regression over its pooled
vectors, trained on the training part, and its AUC and catch / over-refusal at 0.5 on the held-out part (by
source) and on the fresh probes (samples/prompts), which nothing was trained on.

    /usr/bin/python3 training/encoder/proxy_check.py base|STATE.pt   (from the repository root; ~10 minutes)
"""
import collections, json, os, sys, time
import numpy as np, torch
from torch import nn
import bert, data, tok

torch.set_num_threads(2)
state = sys.argv[1]
work = "training/target/encoder"
model = bert.load_float(f"{work}/all-minilm-l6-v2.onnx")
if state != "base":
    model.load_state_dict(torch.load(state))
model.eval()
t = tok.WordPiece(f"{work}/all-minilm-l6-v2-tokenizer.json")
vectors = {}  # text -> pooled vector: the held-out part is reported by source and whole, probes whole and by language

def embed(texts):
    new = sorted({x for x in texts if x not in vectors}, key=len)
    with torch.no_grad():
        for s in range(0, len(new), 64):
            chunk = new[s:s + 64]
            pooled = model.pooled(*bert.padded([t.encode(x, 128) for x in chunk])).numpy()
            vectors.update(zip(chunk, pooled))
    return np.stack([vectors[x] for x in texts])

def auc(scores, y):
    pos, neg = scores[y == 1], scores[y == 0]
    if len(pos) == 0 or len(neg) == 0: return float("nan")
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())

rows = data.read(os.environ.get("VETO_SHARED_DATA", "../shared/data/eval"), "training/data")
train = [r for r in rows if data.part(r["id"]) == "train"]
held = [r for r in rows if data.part(r["id"]) == "holdout"]
probes = {}
for name in ["probe-fresh-6-test", "probe-fresh-6-dev", "probe-fresh-5-test", "probe-fresh-4-test", "lookalikes-2-test", "probe-fresh-3"]:
    probes[name] = [json.loads(l) for l in open(f"samples/prompts/{name}.jsonl")]
started = time.time()
X = embed([r["prompt"] for r in train]); y = np.array([r["label"] == "unsafe" for r in train], dtype=np.float32)
w = np.array(data.weights(train), dtype=np.float32)
lr = nn.Linear(768, 1); opt = torch.optim.LBFGS(lr.parameters(), max_iter=300)
Xt, yt, wt = torch.from_numpy(X), torch.from_numpy(y), torch.from_numpy(w / w.mean())
def closure():
    opt.zero_grad()
    loss = (nn.functional.binary_cross_entropy_with_logits(lr(Xt).squeeze(-1), yt, reduction="none") * wt).mean() + 1e-4 * (lr.weight ** 2).sum()
    loss.backward(); return loss
opt.step(closure)
def report(name, rs):
    s = torch.sigmoid(lr(torch.from_numpy(embed([r["prompt"] for r in rs])))).squeeze(-1).detach().numpy()
    yy = np.array([r["label"] == "unsafe" for r in rs])
    caught = (s[yy] >= 0.5).mean() if yy.any() else float("nan"); over = (s[~yy] >= 0.5).mean() if (~yy).any() else float("nan")
    print(f"{name:28s} n={len(rs):5d} auc={auc(s, yy.astype(int)):.3f} caught={caught:.3f} over={over:.3f}", flush=True)
by = collections.defaultdict(list)
for r in held: by[r["source"]].append(r)
for src, rs in sorted(by.items()): report("held " + src, rs)
en_mj = [r for r in held if r["source"] == "multijail" and r["lang"] == "en"]
report("held multijail-en", en_mj)
report("held ALL", held)
for name, rs in probes.items():
    report(name, rs)
    if name.startswith("probe-fresh-6"):
        report(name + " en", [r for r in rs if r["lang"] == "en"])
print(f"{time.time() - started:.0f}s")
