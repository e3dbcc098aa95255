"""Named rules the stage adds on top of the trained model, each tested both ways.

Both read the spaCy parse and return character spans; the model names scare quotes, while
`authority_spans` are Appeal_to_Authority by construction.  Neither is part of the SI scores in
MODEL_CARD.md (those come from the model alone).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

# Nouns for people whose standing is the argument: must match "military expert Ivan Konovalov"
# and "the expert noted"; must not match "an expert panel" (the noun is a modifier there).
AUTHORITY_NOUNS = frozenset(
    "expert analyst scientist specialist professor economist researcher political_scientist".split()
)
# Verbs of saying or holding an opinion that turn the noun into the claim's warrant: must match
# "noted", "is shared by", "believes"; must not match "met" or "arrived".
OPINION_VERBS = frozenset("""
add agree argue assert believe claim confirm consider emphasize explain insist note point say
share state stress suggest tell think warn write
""".split())
AUTHORITY_MAX_TOKENS = 8  # "leading military expert of the institute Ivan Konovalov"


def _opinion_head(token: Token) -> bool:
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in OPINION_VERBS:
        return True
    # "is shared by military expert X", "according to the expert"
    if token.dep_ == "pobj" and head.lower_ in ("by", "to"):
        governor = head.head
        return governor.lemma_.lower() in OPINION_VERBS or governor.lower_ == "according"
    return False


def authority_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of experts cited as the warrant of a claim (the noun and its phrase)."""
    spans = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in AUTHORITY_NOUNS:
            continue
        token = noun
        if noun.dep_ == "compound":  # "expert Ivan Konovalov": the name carries the relation
            if noun.head.pos_ != "PROPN":
                continue  # "an expert panel"
            token = noun.head
        if not _opinion_head(token):
            continue
        left, right = token.left_edge.i, token.right_edge.i
        if right - left + 1 > AUTHORITY_MAX_TOKENS:
            left, right = max(left, token.i - 3), min(right, token.i + 3)
        while left < token.i and (doc[left].is_punct or doc[left].pos_ == "DET"):
            left += 1
        while right > token.i and doc[right].is_punct:
            right -= 1
        end_token = doc[right]
        spans.append((doc[left].idx, end_token.idx + len(end_token.text)))
    return spans
