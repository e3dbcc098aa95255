"""LEARNED_CUE: a logistic-regression cue detector over verbs, trained on PolNeAR train.

PolNeAR marks as attributions many stance predicates that no speech-verb lexicon lists
("the senator backed the bill", "polls show ...", "Cruz cast him as weak").  For each verb the
model scores the probability that it heads an annotated cue, from the verb's parse neighbourhood
only: its lemma, tag and dependency label, its children's labels (and prepositions, particles,
auxiliaries), its subject (part of speech, entity type, lemma) and its head.  The weights
(feature name -> weight) are built by `scripts/train_quote_cues.py`; `data/cue_model.json`
holds them with the decision threshold chosen by cross-validation on train (model card:
`data/CUE_MODEL.md`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from presswatch.knowledge import read_verified

CUE_MODEL = "cue_model.json"
# Parts of speech scored (AUX only as a main verb with a subject: "she was careful ...").
CANDIDATE_POS = frozenset({"VERB", "AUX"})
# Child labels whose word is itself informative (prepositions, particles, modal auxiliaries).
WORD_CHILDREN = frozenset({"prep", "prt", "aux", "agent", "neg", "mark", "advmod"})


@dataclass(frozen=True)
class CueModel:
    """Feature weights, bias and decision threshold of the cue detector."""

    weights: dict[str, float]
    bias: float
    threshold: float
    version: str

    def probability(self, token: Token) -> float:
        """P(token heads a PolNeAR cue); 0.0 for tokens that are not candidates."""
        if not is_candidate(token):
            return 0.0
        z = self.bias + sum(self.weights.get(name, 0.0) for name in cue_features(token))
        return 1.0 / (1.0 + math.exp(-z))

    def is_cue(self, token: Token) -> bool:
        """The model's decision at its cross-validated threshold."""
        return self.probability(token) >= self.threshold


def is_candidate(token: Token) -> bool:
    """Verbs, and auxiliaries that are a clause's main verb ("they were wary of ...")."""
    if token.pos_ not in CANDIDATE_POS:
        return False
    return token.pos_ == "VERB" or token.dep_ not in ("aux", "auxpass")


def _subject(token: Token) -> Token | None:
    for candidate in (token, token.head if token.dep_ in ("conj", "xcomp", "advcl") else None):
        if candidate is None:
            continue
        for child in candidate.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    return None


def cue_features(token: Token) -> list[str]:
    """Names of the binary features that fire for a candidate verb."""
    lemma = token.lemma_.lower()
    features = [f"lemma={lemma}", f"tag={token.tag_}", f"dep={token.dep_}", f"lemma_dep={lemma}|{token.dep_}"]
    for child in token.children:
        side = "<" if child.i < token.i else ">"
        features.append(f"child={child.dep_}{side}")
        features.append(f"lemma_child={lemma}|{child.dep_}{side}")
        if child.dep_ in WORD_CHILDREN:
            features.append(f"child_word={child.dep_}:{child.lower_}")
            if child.dep_ in ("prep", "prt", "agent"):
                features.append(f"lemma_child_word={lemma}|{child.lower_}")
    subject = _subject(token)
    if subject is None:
        features.append("subj=none")
    else:
        features.append(f"subj_dep={subject.dep_}")
        features.append(f"subj_pos={subject.pos_}")
        features.append(f"subj_ent={subject.ent_type_ or '-'}")
        features.append(f"subj_lemma={subject.lemma_.lower()}")
        features.append(f"lemma_subj_ent={lemma}|{subject.ent_type_ or subject.pos_}")
    head = token.head
    if head.i != token.i:
        features.append(f"head_lemma={head.lemma_.lower()}")
        features.append(f"head_pos={head.pos_}")
        features.append(f"dep_head_pos={token.dep_}|{head.pos_}")
    return features


@cache
def load_cue_model() -> CueModel:
    """The packaged cue detector, checksum-verified against its .meta.json (PWE010, PWE011)."""
    raw, meta = read_verified(Path(__file__).parent / "data" / CUE_MODEL, "scripts/train_quote_cues.py")
    data = json.loads(raw.decode("utf-8"))
    return CueModel(weights=data["weights"], bias=data["bias"], threshold=data["threshold"],
                    version=meta["version"])
