#!/usr/bin/env python3
"""How far *any* lexical model gets on the CheckThat! 2019 transcripts, even
trained on transcripts labelled the same way: the evidence behind issue #3's
2019 figure.

    git clone https://github.com/apepa/clef2019-factchecking-task1 ../ct19
    python3 scripts/transcript-ceiling.py ../ct19 [../shared/eval/claims.dev.jsonl]

Our model learns from claims.train.jsonl, which holds no transcripts. This
script asks whether in-domain training would close the gap. It trains on the
19 *training* transcripts of CheckThat! 2019 (data/training only, converted as
scripts/eval-transcripts.py does) with the per-sentence score of our shipped
model as one feature, and reports:

- CV: leave-one-transcript-out over the 19 training transcripts (each fold
  predicts a transcript the model never saw), F1 at the best threshold of the
  pooled out-of-fold scores, and average precision (for the shipped model,
  whose only parameter here is the threshold, the scores are its own);
- dev: the same model trained on all 19, scored on the 2019 documents of
  claims.dev.jsonl at the threshold chosen in CV ("F1") and at the threshold
  that is best *on dev itself* ("oracle": an upper bound that no honest
  choice reaches; it is printed only to show the ceiling, never reported as a
  figure).

Needs numpy and scikit-learn: when they are missing it makes a venv under
target/ceiling-venv, installs them there and runs itself again. Nothing is
written to the project but target/.
"""

import importlib.util
import json
import math
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ensure_libraries():
    try:
        import numpy  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError:
        venv = ROOT / "target" / "ceiling-venv"
        python = venv / "bin" / "python"
        if os.environ.get("CEILING_VENV"):
            sys.exit("transcript-ceiling: numpy and scikit-learn are needed")
        if not python.exists():
            print(f"making {venv} (numpy, scikit-learn)", file=sys.stderr)
            subprocess.check_call([sys.executable, "-m", "venv", str(venv)])
            subprocess.check_call([str(python), "-m", "pip", "install", "-q", "numpy", "scikit-learn"])
        os.environ["CEILING_VENV"] = "1"
        os.execv(str(python), [str(python), __file__, *sys.argv[1:]])


def eval_transcripts():
    """scripts/eval-transcripts.py as a module (its name has a hyphen)."""
    spec = importlib.util.spec_from_file_location("eval_transcripts", ROOT / "scripts" / "eval-transcripts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sentences(documents):
    """One row per gold sentence: text, transcript, speaker, label and the
    shipped model's score (the highest claim covering half of it or more, as
    the evaluation counts coverage). The release `annotate` must be built."""
    binary = ROOT / "target" / "release" / "annotate"
    request = "\n".join(json.dumps({"id": d["id"], "text": d["text"]}) for d in documents)
    reply = subprocess.run([str(binary), "--jsonl", "--threshold", "0"], input=request,
                           capture_output=True, text=True, check=True).stdout
    claims = {}
    for line in reply.splitlines():
        answer = json.loads(line)
        claims[answer["id"]] = [a for a in answer["annotations"] if a["kind"] == "claim"]
    rows = []
    for d in documents:
        gold = {(s["start"], s["end"]) for s in d["spans"]}
        for start, end in d["meta"]["sentences"]:
            covering = [a["score"] for a in claims[d["id"]]
                        if 2 * (min(end, a["end"]) - max(start, a["start"])) >= end - start]
            line_start = d["text"].rfind("\n", 0, start) + 1
            head = d["text"][line_start:start]
            rows.append({
                "document": d["id"],
                "transcript": d["meta"]["file"],
                "speaker": head.split(":")[0] if ":" in head else "",
                "text": d["text"][start:end],
                "score": max(covering, default=0.0),
                "label": (start, end) in gold,
            })
    return rows


def logit(p):
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def context(rows, np):
    """Our logit, the neighbours' logits, the speaker's share of the
    transcript, the length: what a transcript knows beyond the sentence."""
    ours = [logit(r["score"]) for r in rows]
    share = Counter((r["transcript"], r["speaker"]) for r in rows)
    size = Counter(r["transcript"] for r in rows)
    features = []
    for i, r in enumerate(rows):
        def neighbour(j):
            return ours[j] if 0 <= j < len(rows) and rows[j]["document"] == r["document"] else -8.0
        before, after = neighbour(i - 1), neighbour(i + 1)
        features.append([ours[i], max(before, after), (before + after) / 2,
                         share[(r["transcript"], r["speaker"])] / size[r["transcript"]],
                         math.log(len(r["text"].split()) + 1)])
    return np.array(features)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    ensure_libraries()
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score

    training_dir = Path(sys.argv[1]) / "data" / "training"
    dev_file = Path(sys.argv[2]) if len(sys.argv) == 3 else ROOT.parent / "shared" / "eval" / "claims.dev.jsonl"
    convert = eval_transcripts()
    training = [d for tsv in sorted(training_dir.glob("*.tsv")) for d in convert.documents(tsv)]
    if not training:
        sys.exit(f"transcript-ceiling: no .tsv files in {training_dir}")
    with open(dev_file, encoding="utf-8") as f:
        dev = [d for d in map(json.loads, f) if d["source"].startswith("CheckThat2019")]
    subprocess.check_call(["cargo", "build", "--quiet", "--release", "--bin", "annotate"], cwd=ROOT)
    train_rows, dev_rows = sentences(training), sentences(dev)
    y_train = np.array([r["label"] for r in train_rows])
    y_dev = np.array([r["label"] for r in dev_rows])
    transcripts = np.array([r["transcript"] for r in train_rows])
    print(f"training transcripts: {len(train_rows)} sentences, {y_train.sum()} picked; "
          f"dev: {len(dev_rows)} sentences, {y_dev.sum()} picked")

    def f1_at(y, scores, threshold):
        predicted = scores >= threshold
        return 2 * (predicted & y).sum() / (predicted.sum() + y.sum())

    def best(y, scores):
        return max((f1_at(y, scores, t), t) for t in np.unique(scores))

    def report(name, oof, dev_scores):
        cv_f1, threshold = best(y_train, oof)
        print(f"{name:48} CV F1 {cv_f1:.3f} AP {average_precision_score(y_train, oof):.3f} | "
              f"dev F1 {f1_at(y_dev, dev_scores, threshold):.3f} "
              f"AP {average_precision_score(y_dev, dev_scores):.3f} oracle {best(y_dev, dev_scores)[0]:.3f}")

    ours_train = np.array([logit(r["score"]) for r in train_rows])
    ours_dev = np.array([logit(r["score"]) for r in dev_rows])
    print(f"{'shipped model at 0.5':48} F1 {f1_at(y_train, ours_train, 0):.3f} (training transcripts), "
          f"{f1_at(y_dev, ours_dev, 0):.3f} (dev)")
    report("shipped model, threshold chosen on transcripts", ours_train, ours_dev)

    def out_of_fold(fit_predict):
        oof = np.zeros(len(train_rows))
        for held_out in np.unique(transcripts):
            fold = transcripts == held_out
            oof[fold] = fit_predict(~fold, fold)
        return oof

    texts_train = [r["text"] for r in train_rows]
    texts_dev = [r["text"] for r in dev_rows]

    def ngram_stack(train_mask, texts_out, ours_out):
        vectoriser = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        words = vectoriser.fit_transform([t for t, keep in zip(texts_train, train_mask) if keep])
        model = LogisticRegression(C=1.0, max_iter=3000).fit(
            hstack([words, csr_matrix(ours_train[train_mask][:, None])]).tocsr(), y_train[train_mask])
        return model.decision_function(
            hstack([vectoriser.transform(texts_out), csr_matrix(ours_out[:, None])]).tocsr())

    everything = np.ones(len(train_rows), bool)
    ngram_oof = out_of_fold(lambda keep, fold: ngram_stack(
        keep, [t for t, f in zip(texts_train, fold) if f], ours_train[fold]))
    ngram_dev = ngram_stack(everything, texts_dev, ours_dev)
    report("+ word n-grams learned on transcripts", ngram_oof, ngram_dev)

    context_train, context_dev = context(train_rows, np), context(dev_rows, np)
    stacked_train = np.column_stack([context_train, ngram_oof])
    stacked_dev = np.column_stack([context_dev, ngram_dev])

    def boosted():
        return HistGradientBoostingClassifier(max_depth=3, learning_rate=0.05, max_iter=150,
                                              min_samples_leaf=40, random_state=0)
    boosted_oof = out_of_fold(lambda keep, fold: boosted().fit(
        stacked_train[keep], y_train[keep]).predict_proba(stacked_train[fold])[:, 1])
    boosted_dev = boosted().fit(stacked_train, y_train).predict_proba(stacked_dev)[:, 1]
    report("+ neighbours, speaker share, length (boosted)", boosted_oof, boosted_dev)


if __name__ == "__main__":
    main()
