"""Build presswatch/quotes/data/cue_verbs.tsv: the reporting-verb lexicon of the quotes stage.

Usage: .venv/bin/python scripts/build_quote_cues.py [--polnear ../shared/data/polnear]

Two sources, merged:
1. CURATED below: speech and thought verbs written by hand (classes `speech`, `thought`).
2. With --polnear: for each verb lemma, how often its occurrences in PolNeAR *train* are the
   head of an annotated cue (`ratio`), so the stage can prefer reliable cues.  Lemmas with
   ratio >= MIN_RATIO over at least MIN_COUNT verb occurrences are added as class `polnear`.
Only lemmas and counts are written, never corpus text.  The sidecar .meta.json records version,
sources, input checksums and the file's sha256, which the loader verifies.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from presswatch.knowledge import folder_checksums, write_verified

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "presswatch" / "quotes" / "data" / "cue_verbs.tsv"
VERSION = "1.0.0"
TRAIN_FOLDERS = ("train/text", "train/attributions")  # checksummed into the sidecar
MIN_RATIO, MIN_COUNT = 0.35, 8

CURATED = {
    "speech": """say tell add note stress emphasize emphasise explain state declare announce claim
        argue insist assert maintain reply respond answer ask warn urge accuse allege admit
        acknowledge concede confirm deny reiterate repeat recall remark comment observe mention
        write tweet post report testify predict promise pledge vow threaten suggest propose
        point conclude continue complain criticize criticise condemn praise call caution contend
        counter retort quip joke shout cry scream whisper mutter tout boast brag charge
        blame dismiss reject describe characterize characterise disclose reveal indicate inform
        advise recommend demand order instruct concur agree disagree lament estimate forecast
        clarify specify underline underscore highlight summarize summarise opine proclaim affirm
        contest dispute question wonder speculate hint signal assure reassure announce""",
    "thought": """believe think feel know consider expect fear hope worry doubt suspect assume
        guess imagine reckon conclude understand realize realise recognize recognise
        acknowledge anticipate""",
}


def curated() -> dict[str, str]:
    classes: dict[str, str] = {}
    for kind, words in CURATED.items():
        for word in words.split():
            classes.setdefault(word, kind)
    return classes


def polnear_ratios(polnear: Path, cache: Path | None = None) -> tuple[dict[str, tuple[int, int]], dict[str, str]]:
    """Per verb lemma: (occurrences as a verb in train, occurrences as an annotated cue head)."""
    from presswatch.evaluate.polnear import cue_heads, load_split
    from presswatch.evaluate.quotes import parse_split

    articles = load_split(polnear, "train")
    _, docs = parse_split(articles, cache=cache)
    seen: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    for article, doc in zip(articles, docs, strict=True):
        heads = cue_heads(article, doc)
        for token in doc:
            if token.pos_ == "VERB":
                seen[token.lemma_.lower()] += 1
                if token.i in heads:
                    cued[token.lemma_.lower()] += 1
    return {lemma: (seen[lemma], cued[lemma]) for lemma in seen}, folder_checksums(polnear, TRAIN_FOLDERS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, default=None, help="PolNeAR root (has train/)")
    parser.add_argument("--cache", type=Path, default=None, help="DocBin file to reuse/store the train parse")
    args = parser.parse_args()
    classes = curated()
    counts: dict[str, tuple[int, int]] = {}
    checksums: dict[str, str] = {}
    if args.polnear:
        counts, checksums = polnear_ratios(args.polnear, args.cache)
        for lemma, (seen, cued) in counts.items():
            if seen >= MIN_COUNT and cued / seen >= MIN_RATIO and lemma.isalpha():
                classes.setdefault(lemma, "polnear")
    lines = ["# lemma\tclass\tpolnear_seen\tpolnear_cue_ratio"]
    for lemma in sorted(classes):
        seen, cued = counts.get(lemma, (0, 0))
        ratio = f"{cued / seen:.3f}" if seen else ""
        lines.append(f"{lemma}\t{classes[lemma]}\t{seen}\t{ratio}")
    write_verified(OUT, ("\n".join(lines) + "\n").encode("utf-8"), {
        "version": VERSION,
        "source": "hand-curated speech/thought verbs + PolNeAR v1.0.0 train cue-head ratios (lemmas and counts only)",
        "license": "MIT (lexicon); counts derived from PolNeAR (research use)",
        "built_by": "scripts/build_quote_cues.py",
        "built_from": checksums,
        "built_on": date.today().isoformat(),
        "min_ratio": MIN_RATIO,
        "min_count": MIN_COUNT,
    })
    print(f"{OUT}: {len(classes)} lemmas", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
