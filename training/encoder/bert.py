"""all-MiniLM-L6-v2 in PyTorch, its weights read from the float ONNX export, written back into the int8 graph."""
import numpy as np
import onnx
import torch
from onnx import numpy_helper
from torch import nn

HIDDEN, HEADS, LAYERS, INTER = 384, 12, 6, 1536
LINEARS = ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
           "intermediate.dense", "output.dense"]


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.q, self.k, self.v = nn.Linear(HIDDEN, HIDDEN), nn.Linear(HIDDEN, HIDDEN), nn.Linear(HIDDEN, HIDDEN)
        self.o, self.ln1 = nn.Linear(HIDDEN, HIDDEN), nn.LayerNorm(HIDDEN, eps=1e-12)
        self.i, self.out, self.ln2 = nn.Linear(HIDDEN, INTER), nn.Linear(INTER, HIDDEN), nn.LayerNorm(HIDDEN, eps=1e-12)
        self.drop = nn.Dropout(0.1)

    def linears(self):
        return [self.q, self.k, self.v, self.o, self.i, self.out]

    def forward(self, x, bias):
        b, t, _ = x.shape
        split = lambda y: y.view(b, t, HEADS, HIDDEN // HEADS).transpose(1, 2)
        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        a = torch.softmax(q @ k.transpose(-1, -2) / (HIDDEN // HEADS) ** 0.5 + bias, dim=-1)
        a = self.drop(a)
        ctx = (a @ v).transpose(1, 2).reshape(b, t, HIDDEN)
        x = self.ln1(x + self.drop(self.o(ctx)))
        return self.ln2(x + self.drop(self.out(nn.functional.gelu(self.i(x)))))


class MiniLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.word, self.pos, self.typ = nn.Embedding(30522, HIDDEN), nn.Embedding(512, HIDDEN), nn.Embedding(2, HIDDEN)
        self.ln = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.drop = nn.Dropout(0.1)
        self.layers = nn.ModuleList(Layer() for _ in range(LAYERS))

    def forward(self, ids, mask):
        t = ids.shape[1]
        x = self.word(ids) + self.pos.weight[:t] + self.typ.weight[0]
        x = self.drop(self.ln(x))
        bias = (1.0 - mask[:, None, None, :].float()) * -1e4
        for layer in self.layers:
            x = layer(x, bias)
        return x

    def pooled(self, ids, mask):
        """Mean and maximum of the token states, each L2-normalized: the plugin's SentenceEncoder pooling."""
        h = self.forward(ids, mask)
        m = mask[:, :, None].float()
        mean = (h * m).sum(1) / m.sum(1)
        mx = h.masked_fill(m == 0, -1e4).max(1).values
        return torch.cat([nn.functional.normalize(mean, dim=-1), nn.functional.normalize(mx, dim=-1)], dim=-1)


def padded(token_lists):
    """Token id lists as one batch: ids and attention mask, zero-padded to the longest."""
    width = max(len(t) for t in token_lists)
    ids = torch.zeros(len(token_lists), width, dtype=torch.long)
    mask = torch.zeros_like(ids)
    for row, t in enumerate(token_lists):
        ids[row, :len(t)] = torch.tensor(t)
        mask[row, :len(t)] = 1
    return ids, mask


def _matmul_names(graph):
    """The weight initializers of the six projections of each layer, in LINEARS order."""
    names = []
    for node in graph.node:
        if node.op_type in ("MatMul", "MatMulInteger"):
            w = node.input[1]
            if w.startswith("onnx::MatMul_"):
                names.append(w.removesuffix("_quantized"))
    assert len(names) == LAYERS * len(LINEARS), len(names)
    return names


def load_float(path):
    graph = onnx.load(path).graph
    w = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    model = MiniLM()
    with torch.no_grad():
        model.word.weight.copy_(w["embeddings.word_embeddings.weight"])
        model.pos.weight.copy_(w["embeddings.position_embeddings.weight"])
        model.typ.weight.copy_(w["embeddings.token_type_embeddings.weight"])
        model.ln.weight.copy_(w["embeddings.LayerNorm.weight"])
        model.ln.bias.copy_(w["embeddings.LayerNorm.bias"])
        names = iter(_matmul_names(graph))
        for n, layer in enumerate(model.layers):
            p = f"encoder.layer.{n}."
            for linear, name in zip(layer.linears(), LINEARS):
                linear.weight.copy_(w[next(names)].T)
                linear.bias.copy_(w[p + name + ".bias"])
            layer.ln1.weight.copy_(w[p + "attention.output.LayerNorm.weight"])
            layer.ln1.bias.copy_(w[p + "attention.output.LayerNorm.bias"])
            layer.ln2.weight.copy_(w[p + "output.LayerNorm.weight"])
            layer.ln2.bias.copy_(w[p + "output.LayerNorm.bias"])
    return model


def _per_column_int8(w):
    """Symmetric per output column in [-64, 64], zero point 0: the shipped graph's MatMulInteger weights (ONNX
    Runtime's reduced range, which keeps u8 x s8 products from saturating on AVX2)."""
    scale = np.abs(w).max(axis=0) / 64.0
    scale[scale == 0] = 1.0
    return np.clip(np.round(w / scale), -64, 64).astype(np.int8), scale.astype(np.float32)


def _per_tensor_uint8(w):
    """Symmetric uint8 for a whole table, zero point 128 (the scheme of the shipped graph's embeddings)."""
    scale = float(np.abs(w).max() / 127.5)
    return np.clip(np.round(w / scale) + 128, 0, 255).astype(np.uint8), np.float32(scale)


def write_quantized(model, template, out):
    """Writes the model's weights into a copy of the shipped int8 graph: same nodes, same schemes."""
    m = onnx.load(template)
    inits = {i.name: i for i in m.graph.initializer}

    def put(name, array):
        old = inits[name]
        array = np.asarray(array).astype(numpy_helper.to_array(old).dtype).reshape(numpy_helper.to_array(old).shape)
        old.CopyFrom(numpy_helper.from_array(array, name))

    sd = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    for key, table in (("word", "word_embeddings"), ("pos", "position_embeddings"), ("typ", "token_type_embeddings")):
        q, s = _per_tensor_uint8(sd[key + ".weight"])
        put(f"embeddings.{table}.weight_quantized", q)
        put(f"embeddings.{table}.weight_scale", s)
    put("embeddings.LayerNorm.weight", sd["ln.weight"])
    put("embeddings.LayerNorm.bias", sd["ln.bias"])
    names = iter(_matmul_names(m.graph))
    short = ["q", "k", "v", "o", "i", "out"]
    for n in range(LAYERS):
        p = f"encoder.layer.{n}."
        for s, name in zip(short, LINEARS):
            q, scale = _per_column_int8(sd[f"layers.{n}.{s}.weight"].T)
            mm = next(names)
            put(mm + "_quantized", q)
            put(mm + "_scale", scale)
            put(p + name + ".bias", sd[f"layers.{n}.{s}.bias"])
        for ln, name in (("ln1", "attention.output.LayerNorm"), ("ln2", "output.LayerNorm")):
            put(p + name + ".weight", sd[f"layers.{n}.{ln}.weight"])
            put(p + name + ".bias", sd[f"layers.{n}.{ln}.bias"])
    onnx.save(m, out)
