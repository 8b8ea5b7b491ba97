"""Fine-tunes all-MiniLM-L6-v2 on the training part of the labelled rows and writes the encoder into a copy of
the artifact's int8 ONNX graph.

The objective is the plugin's own view of a text: the mean and maximum of the token states, each L2-normalized
(SentenceEncoder), read by a linear unsafe/safe output and, for unsafe rows with a category, a linear category
output. Rows are weighed as the Java head weighs them (Balance.weights: safe and unsafe equal within each
language). Only the held-out split's complement of train rows is used (data.part), so veto eval's held-out
sets stay unseen by the encoder too. The word, position and type embeddings stay frozen: the rows cover a
small part of the vocabulary, and an embedding moved for one word would leave its neighbours behind.
With --glosses, the English glosses the plugin reads of training rows in other languages (ExportGlosses) are
rows as well, each glossed language weighed as a language of its own: the encoder reads them at run time."""
import argparse
import json
import math
import random
import time

import torch
from torch import nn

import bert
import data
import tok

p = argparse.ArgumentParser()
p.add_argument("--shared", required=True)
p.add_argument("--own", required=True)
p.add_argument("--category-map", required=True)
p.add_argument("--float-model", required=True)
p.add_argument("--int8-model", required=True)
p.add_argument("--out", required=True)
p.add_argument("--glosses", help="JSON Lines of the training rows' glosses (ExportGlosses), trained on as well")
p.add_argument("--epochs", type=float, default=3)
p.add_argument("--lr", type=float, default=3e-5)
p.add_argument("--batch", type=int, default=32)
p.add_argument("--max-tokens", type=int, default=128)
p.add_argument("--train-embeddings", action="store_true", help="also train the embedding tables")
p.add_argument("--seed", type=int, default=20261130)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--limit", type=int, default=0, help="train on this many random rows only (a smoke test)")
p.add_argument("--state", help="where to save the PyTorch state as well (for proxy_check.py)")
args = p.parse_args()

torch.manual_seed(args.seed)
random.seed(args.seed)
torch.set_num_threads(args.threads)

tokenizer = tok.WordPiece(args.float_model.replace(".onnx", "-tokenizer.json"))
entries, taxonomy = data.category_map(args.category_map)
rows = [r for r in data.read(args.shared, args.own) if data.part(r["id"]) == "train"]
if args.glosses:
    with open(args.glosses, encoding="utf-8") as f:
        rows += [json.loads(line) for line in f if line.strip()]
categories = sorted(taxonomy)
items = []
for r, weight in zip(rows, data.weights(rows)):
    unsafe = r["label"] == "unsafe"
    c = data.category_of(r, entries, taxonomy) if unsafe else None
    items.append((tokenizer.encode(r["prompt"], args.max_tokens), float(unsafe), categories.index(c) if c else -1, weight))
if args.limit:
    random.shuffle(items)
    items = items[:args.limit]
print(f"{len(items)} training rows, {len(categories)} categories", flush=True)

model = bert.load_float(args.float_model)
if not args.train_embeddings:
    for e in (model.word, model.pos, model.typ):
        e.weight.requires_grad_(False)
heads = nn.ModuleDict({"unsafe": nn.Linear(768, 1), "category": nn.Linear(768, len(categories))})
optimizer = torch.optim.AdamW([
    {"params": [q for q in model.parameters() if q.requires_grad], "lr": args.lr, "weight_decay": 0.01},
    {"params": heads.parameters(), "lr": 1e-3, "weight_decay": 0.0}])


def batches():
    """Length-bucketed batches in random order: padding costs little."""
    order = sorted(range(len(items)), key=lambda i: (len(items[i][0]), random.random()))
    chunks = [order[i:i + args.batch] for i in range(0, len(order), args.batch)]
    random.shuffle(chunks)
    return chunks


steps = math.ceil(args.epochs * math.ceil(len(items) / args.batch))
warmup = max(1, steps // 20)
schedule = torch.optim.lr_scheduler.LambdaLR(
    optimizer, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup))))
mean_weight = sum(i[3] for i in items) / len(items)
step, started = 0, time.time()
model.train()
while step < steps:
    for chunk in batches():
        if step >= steps:
            break
        ids, mask = bert.padded([items[i][0] for i in chunk])
        y = torch.tensor([items[i][1] for i in chunk])
        cat = torch.tensor([items[i][2] for i in chunk])
        w = torch.tensor([items[i][3] for i in chunk]) / mean_weight
        v = model.pooled(ids, mask)
        loss = (nn.functional.binary_cross_entropy_with_logits(heads["unsafe"](v).squeeze(-1), y, reduction="none") * w).mean()
        has = cat >= 0
        if has.any():
            loss = loss + 0.5 * (nn.functional.cross_entropy(heads["category"](v[has]), cat[has], reduction="none") * w[has]).mean()
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        step += 1
        if step % 50 == 0 or step == steps:
            print(f"step {step}/{steps} loss {loss.item():.4f} {time.time() - started:.0f}s", flush=True)
model.eval()
bert.write_quantized(model, args.int8_model, args.out)
if args.state:
    torch.save(model.state_dict(), args.state)
print("written", args.out)
