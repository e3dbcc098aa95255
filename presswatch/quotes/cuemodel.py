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
        return logistic(self.weights, self.bias, cue_features(token)) if is_candidate(token) else 0.0

    def is_cue(self, token: Token) -> bool:
        """The model's decision at its cross-validated threshold."""
        return self.probability(token) >= self.threshold


def logistic(weights: dict[str, float], bias: float, features: list[str]) -> float:
    """A logistic regression's probability over binary features given by name."""
    return 1.0 / (1.0 + math.exp(-(bias + sum(weights.get(name, 0.0) for name in features))))


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
    """Names of the binary features that fire for a candidate verb: its parse neighbourhood and
    its construction (`construction_features`)."""
    return verb_features(token) + construction_features(token)


def construction_features(token: Token) -> list[str]:
    """What the verb governs after it: its complement shape and the subject's kind (each also with
    the lemma), the object's lemma and entity type, an infinitive's verb, and a predicate adjective
    or noun with its preposition or clause ("was critical of", "is a backer of", "was eager to")."""
    lemma = token.lemma_.lower()
    shape = "+".join(sorted({c.dep_ for c in token.children if c.i > token.i and c.dep_ not in SHAPE_SKIP}))
    kind = _kind(_subject(token))
    features = [f"shape={shape}", f"lemma_shape={lemma}|{shape}", f"kind={kind}", f"lemma_kind={lemma}|{kind}"]
    for child in token.rights:
        if child.dep_ == "dobj":
            word = child.lemma_.lower()
            features += [f"obj={word}", f"lemma_obj={lemma}|{word}", f"obj_ent={child.ent_type_ or child.pos_}"]
        elif child.dep_ == "xcomp":
            features += [f"xcomp={child.lemma_.lower()}", f"lemma_xcomp={lemma}|{child.lemma_.lower()}"]
        elif child.dep_ in ("acomp", "attr"):
            word = child.lemma_.lower()
            prep = next((c.lower_ for c in child.children if c.dep_ == "prep"), "-")
            clause = next((c.dep_ for c in child.children if c.dep_ in ("ccomp", "xcomp")), "-")
            features += [f"pred={word}", f"pred_prep={word}|{prep}", f"pred_shape={child.dep_}|{prep}|{clause}",
                         f"kind_pred={kind}|{child.dep_}"]
    return features


def verb_features(token: Token) -> list[str]:
    """The verb's parse neighbourhood: lemma, tag, label, children's labels and words, subject, head."""
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


STANCE_MODEL = "stance_model.json"
# Entity types of a subject that can hold a stance: people and bodies.
PERSON_TYPES = frozenset({"PERSON"})
# Entity types ("" = none) that the parser gives a person's name it tagged PERSON elsewhere.
MISTYPED_PERSON = frozenset({"ORG", ""})
BODY_TYPES = frozenset({"ORG", "NORP", "GPE"})
# Pronouns that stand for people ("it", "this" may be a thing or a body).
PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they"})
# Dependency labels left out of a construction's shape (they say nothing about what is attributed).
SHAPE_SKIP = frozenset({"punct", "cc", "conj", "advmod", "aux", "auxpass", "neg", "prt", "dep"})


@dataclass(frozen=True)
class StanceGate:
    """LEARNED_STANCE: feature weights, bias and threshold of the second-stage decision over
    verbs the cue model accepts but the hand-written statement gate blocks."""

    weights: dict[str, float]
    bias: float
    threshold: float
    version: str

    def probability(self, token: Token) -> float:
        """P(a verb the statement gate blocks heads a PolNeAR cue)."""
        return logistic(self.weights, self.bias, stance_features(token))

    def passes(self, token: Token) -> bool:
        """The gate's decision at its cross-validated threshold, for a person's stance only
        (HOLDER_SUBJECT)."""
        return holds_stance(token) and self.probability(token) >= self.threshold


def holds_stance(token: Token) -> bool:
    """HOLDER_SUBJECT: the verb's subject is a named person (NAMED_ELSEWHERE included) or a
    personal pronoun.  A state's, a force's or a body's "supported", "recognized", "attacked" in
    the news is mostly a deed (on the example corpus nearly every such addition was one); a
    person's "backed the plan" is a stance."""
    subject = _subject(token)
    return subject is not None and (subject.ent_type_ in PERSON_TYPES or subject.lower_ in PERSONAL_PRONOUNS
                                    or named_elsewhere(subject))


def named_elsewhere(word: Token) -> bool:
    """NAMED_ELSEWHERE: a proper noun the parser typed as an organization or left untyped is a
    person when the article's entities with that word are persons at least as often as not
    ("Lorne Vasek spoke first; later Vasek backed the levy" with the second "Vasek" an ORG; a
    place the parser once took for a person stays out).  Not for place or nationality types,
    which a personal name may share."""
    if word.pos_ != "PROPN" or word.ent_type_ not in MISTYPED_PERSON:
        return False
    labels = [entity.label_ in PERSON_TYPES for entity in word.doc.ents if any(t.lower_ == word.lower_ for t in entity)]
    persons = sum(labels)
    return persons > 0 and persons >= len(labels) - persons


def _kind(token: Token | None) -> str:
    """person / body / pronoun / thing / none: who holds the stance."""
    if token is None:
        return "none"
    if token.pos_ == "PRON":
        return "pronoun"
    if token.ent_type_ in PERSON_TYPES:
        return "person"
    return "body" if token.ent_type_ in BODY_TYPES else "thing"


def stance_features(token: Token) -> list[str]:
    """The verb's neighbourhood plus the construction: lemma x complement shape, the object (lemma,
    suffix, entity type, whether a clause hangs on it), an infinitive's verb, the subject's kind,
    the sentence's place in the article and a colon before the verb (headlines)."""
    lemma = token.lemma_.lower()
    features = verb_features(token)
    shape = "+".join(sorted({c.dep_ for c in token.children if c.i > token.i and c.dep_ not in SHAPE_SKIP}))
    kind = _kind(_subject(token))
    features += [f"shape={shape}", f"lemma_shape={lemma}|{shape}", f"kind={kind}", f"lemma_kind={lemma}|{kind}"]
    for child in token.children:
        if child.dep_ == "dobj":
            word = child.lemma_.lower()
            features += [f"obj={word}", f"lemma_obj={lemma}|{word}", f"obj_suffix={word[-4:]}",
                         f"obj_ent={child.ent_type_ or child.pos_}", f"kind_obj_ent={kind}|{child.ent_type_ or child.pos_}"]
            if any(c.dep_ in ("acl", "relcl", "ccomp", "prep") for c in child.children):
                features.append("obj_modified")
        elif child.dep_ == "xcomp":
            features += [f"xcomp={child.lemma_.lower()}", f"lemma_xcomp={lemma}|{child.lemma_.lower()}"]
    sentence = token.sent
    number = sum(1 for _ in token.doc[: sentence.start].sents) if sentence.start else 0
    features.append(f"sentence={min(number, 5)}")
    if any(t.text == ":" for t in token.doc[sentence.start: token.i]):
        features.append("colon_before")
    return features


def _read_linear(name: str, script: str) -> tuple[dict[str, float], float, float, str]:
    """Weights, bias, threshold and version of a packaged linear model, checksum-verified against
    its .meta.json (PWE010, PWE011)."""
    raw, meta = read_verified(Path(__file__).parent / "data" / name, script)
    data = json.loads(raw.decode("utf-8"))
    return data["weights"], data["bias"], data["threshold"], meta["version"]


@cache
def load_stance_gate() -> StanceGate:
    """The packaged stance gate."""
    return StanceGate(*_read_linear(STANCE_MODEL, "scripts/train_quote_stances.py"))


@cache
def load_cue_model() -> CueModel:
    """The packaged cue detector."""
    return CueModel(*_read_linear(CUE_MODEL, "scripts/train_quote_cues.py"))
