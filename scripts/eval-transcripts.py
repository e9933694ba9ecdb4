#!/usr/bin/env python3
"""Measures the claims detector on more live transcripts than ../shared/eval has:
the *training* transcripts of CLEF CheckThat! 2019 Task 1 (19 debates, speeches
and press conferences, 16,421 sentences, of which fact-checkers picked 440).

    git clone https://github.com/apepa/clef2019-factchecking-task1 ../ct19
    python3 scripts/eval-transcripts.py ../ct19

Why: the 2019 documents in claims.dev.jsonl are four transcripts, 86 labelled
sentences, so one sentence moves F1 by about 0.006. These 19 are other
transcripts, labelled the same way, and tell whether a change to the transcript
rules holds beyond those four. (2,680 of their sentences, from the 2016
debates, are also in claims.train.jsonl under ClaimBuster's labels; F1 on the
other 13,741 alone differs by 0.003.)

Only `data/training/` is read. The repository's `data/test*` folders hold the
documents our figures are measured on and their held-out half: never tune on
them. The texts are converted as ../shared/eval builds its 2019 documents
(checked to reproduce them exactly): 40 lines to a document, a speaker's
consecutive lines joined into one turn "NAME: ...", turns apart by a blank
line, and no names at all when one person speaks throughout (a speech with
the audience's reactions). The converted file goes to target/ and is never
committed: the transcripts are the organisers' data, not ours.
"""

import csv
import json
import subprocess
import sys
from pathlib import Path

LINES_PER_DOCUMENT = 40
NOT_SPEAKERS = ("SYSTEM", "AUDIENCE")


def documents(tsv: Path):
    with open(tsv, newline="", encoding="utf-8") as f:
        rows = [row for row in csv.reader(f, delimiter="\t") if row]
    speakers = {row[1] for row in rows if not row[1].startswith(NOT_SPEAKERS)}
    monologue = len(speakers) == 1
    for first in range(0, len(rows), LINES_PER_DOCUMENT):
        text, spans, sentences, previous = "", [], [], None
        for _, speaker, sentence, label in rows[first : first + LINES_PER_DOCUMENT]:
            if speaker != previous:
                if text:
                    text += "\n\n"
                if not monologue:
                    text += speaker + ": "
            else:
                text += " "
            start = len(text)
            text += sentence.strip()
            sentences.append([start, len(text)])
            if label.strip() == "1":
                spans.append({"start": start, "end": len(text), "label": "claim"})
            previous = speaker
        yield {
            "id": f"ct19-{tsv.stem}-{first // LINES_PER_DOCUMENT:03d}",
            "source": "CheckThat2019-T1-en/train",
            "text": text,
            "spans": spans,
            "meta": {"sentences": sentences, "file": tsv.name, "monologue": monologue},
        }


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    training = Path(sys.argv[1]) / "data" / "training"
    files = sorted(training.glob("*.tsv"))
    if not files:
        sys.exit(f"eval-transcripts: no .tsv files in {training}")
    out = Path(__file__).resolve().parent.parent / "target" / "ct19-training.jsonl"
    out.parent.mkdir(exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for tsv in files:
            for document in documents(tsv):
                f.write(json.dumps(document, ensure_ascii=False) + "\n")
    print(f"{len(files)} transcripts -> {out}", file=sys.stderr)
    command = ["cargo", "run", "--quiet", "--release", "--bin", "annotate"]
    sys.exit(subprocess.call(command + ["--", "eval", "claims", str(out)]))


if __name__ == "__main__":
    main()
