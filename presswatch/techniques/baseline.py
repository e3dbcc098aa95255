"""The lexicon baseline every trained technique model is reported next to (STYLE.md section 9).

SI: every token whose lemma is in the loaded-language or name-calling lexicon, or which sits in
short scare quotes, is a span (neighbouring hits joined).  TC: a fragment that recurs in the
article is Repetition; otherwise the first lexicon the fragment hits names it, in the order of
`RULE_ORDER`; otherwise the majority class, Loaded_Language.
"""

from __future__ import annotations

from spacy.tokens import Doc

from presswatch.records import TechniqueName
from presswatch.techniques.features import DocFeatures, sequences, tokens_in

RULE_ORDER: tuple[tuple[str, TechniqueName], ...] = (
    ("authority", "Appeal_to_Authority"),
    ("bandwagon", "Bandwagon,Reductio_ad_hitlerum"),
    ("whatabout", "Whataboutism,Straw_Men,Red_Herring"),
    ("cliche", "Thought-terminating_Cliches"),
    ("bw", "Black-and-White_Fallacy"),
    ("causal", "Causal_Oversimplification"),
    ("doubt", "Doubt"),
    ("flag", "Flag-Waving"),
    ("fear", "Appeal_to_fear-prejudice"),
    ("name", "Name_Calling,Labeling"),
    ("exag", "Exaggeration,Minimisation"),
    ("loaded", "Loaded_Language"),
)
SPAN_LEXICONS = frozenset({"loaded", "name"})


def baseline_spans(doc: Doc, features: DocFeatures | None = None) -> list[tuple[int, int]]:
    """SI baseline: runs of lexicon or scare-quote tokens, as character spans."""
    features = features or DocFeatures(doc)
    spans: list[tuple[int, int]] = []
    for sequence in sequences(doc):
        run: list[int] = []
        for i in [*sequence, -1]:
            hit = i >= 0 and (features.scare_quote[i] or SPAN_LEXICONS & set(features.lexicon[i]))
            if hit:
                run.append(i)
            elif run:
                last = doc[run[-1]]
                spans.append((doc[run[0]].idx, last.idx + len(last.text)))
                run = []
    return spans


def baseline_technique(doc: Doc, start: int, end: int,
                       features: DocFeatures | None = None) -> TechniqueName:
    """TC baseline: Repetition, else the first lexicon rule that fires, else Loaded_Language."""
    features = features or DocFeatures(doc)
    fragment = features.text_lower[start:end].strip()
    if fragment and features.text_lower.count(fragment) > 1:
        return "Repetition"
    hits = {name for i in tokens_in(doc, start, end) for name in features.lexicon[i]}
    for name, technique in RULE_ORDER:
        if name in hits:
            return technique
    return "Loaded_Language"
