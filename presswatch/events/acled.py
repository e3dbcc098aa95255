"""ACLED sub-event typing from the cue words of an event's sentence (`data/acled_cues.tsv`).

The CAMEO code of a trigger says what was done ("attacked", "fought"), not with what or against
whom; ACLED's sub-event types turn on the instrument and the target (an air strike, a roadside
bomb, force against protesters).  `AcledCues.refine` retypes an event from the first cue of the
file that occurs in its sentence, when the cue may replace the event's CAMEO-derived type;
`type_event` combines that with the CAMEO mapping and the sentence model (classify.py).  The cue
file is hand-written from the ACLED codebook definitions; scripts/build_acled_cues.py checks it
and writes its sidecar.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from presswatch.events import rules
from presswatch.events.lexicon import DATA_DIR
from presswatch.knowledge import read_verified
from presswatch.records import AcledMain, Event

CUES_FILE = "acled_cues.tsv"
REBUILD = "scripts/build_acled_cues.py"
NO_TYPE = "-"  # the cue's harm is natural or accidental: no ACLED event
MODEL_PROBABILITY = 0.5  # the model overrides the rules when more likely than not (fixed beforehand)
DEMONSTRATIONS = frozenset({"Protests", "Riots"})
GRIEVANCE_PREPOSITIONS = frozenset({"over", "against", "about", "for", "after", "following"})
STANDALONE_QUADS = {"no": frozenset(), "conflict": frozenset({4}), "material": frozenset({2, 4})}

Phrase = tuple[str, ...]  # words; "x*" matches any word starting with x
Alternative = tuple[tuple[Phrase, ...], ...]  # parts, each a choice of phrases; all parts must occur


@dataclass(frozen=True)
class Cue:
    """One cue row: the ACLED type it gives, the types it may replace, when it stands alone."""

    event_type: str
    sub_event_type: str
    tier: int  # rows are tried by tier; within one, the earliest occurrence wins
    refines: frozenset[str] | None  # ACLED event types it may replace; None: any
    standalone_quads: frozenset[int]
    event_code: str | None  # CAMEO code of an event the cue marks by itself
    alternatives: tuple[Alternative, ...]


def _phrase(text: str) -> Phrase:
    """Cue words as spaCy tokenizes them ("air-strike" -> air, -, strike)."""
    return tuple(text.lower().replace("-", " - ").split())


def _part(text: str, groups: dict[str, tuple[Phrase, ...]]) -> tuple[Phrase, ...]:
    text = text.strip()
    return groups[text[1:]] if text.startswith("@") else (_phrase(text),)


def parse_cues(text: str) -> tuple[Cue, ...]:
    """The cue rows of the file's text, groups and scopes expanded (ValueError on an unknown name)."""
    groups: dict[str, tuple[Phrase, ...]] = {}
    scopes: dict[str, frozenset[str]] = {}
    cues = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0].startswith("@"):
            groups[cols[0][1:]] = tuple(_phrase(a) for a in cols[1].split("|"))
        elif cols[0].startswith("="):
            scopes[cols[0][1:]] = frozenset(cols[1].split("|"))
        else:
            sub, event_type, tier, refines, standalone, code, alternatives = cols
            scope = None if refines == "*" else frozenset().union(*(scopes[s] for s in refines.split(",")))
            cues.append(Cue(event_type, sub, int(tier), scope, STANDALONE_QUADS[standalone], None if code == "-" else code,
                            tuple(tuple(_part(p, groups) for p in a.split("&")) for a in alternatives.split("|"))))
    return tuple(sorted(cues, key=lambda c: c.tier))


def _word_matches(pattern: str, lower: str, lemma: str) -> bool:
    if pattern.endswith("*"):
        return lower.startswith(pattern[:-1]) or lemma.startswith(pattern[:-1])
    return pattern in (lower, lemma)


@lru_cache(maxsize=256)
def occurrences(words: tuple[tuple[str, str], ...]) -> dict[str, list[int]]:
    """Positions of every pattern the words match: each word's forms ("shelled", "shell") and all
    their prefixes ("shel*"), so a phrase is looked up by its first word, not searched for (cached:
    the events of one sentence share their words; callers must not change the result)."""
    found: dict[str, list[int]] = {}
    for i, pair in enumerate(words):
        keys = set(pair) | {f"{w[:k]}*" for w in set(pair) for k in range(1, len(w) + 1)}
        for key in keys:
            found.setdefault(key, []).append(i)
    return found


def joined_occurrences(runs: Sequence[dict[str, list[int]]], lengths: Sequence[int],
                       keys: frozenset[str]) -> dict[str, list[int]]:
    """The `occurrences` of consecutive runs of words (a text's sentences) as those of the one run
    they make, for `keys` only (AcledCues.first_words: the only keys cues look up)."""
    joined: dict[str, list[int]] = {}
    for start, occ in zip(itertools.accumulate(lengths, initial=0), runs, strict=False):  # one start to spare
        for key in keys & occ.keys():
            joined.setdefault(key, []).extend(start + i for i in occ[key])
    return joined


def _first(phrase: Phrase, words: Sequence[tuple[str, str]], occ: dict[str, list[int]]) -> int | None:
    """Index of the phrase's first occurrence in the words, else None."""
    return next((i for i in occ.get(phrase[0], ()) if i + len(phrase) <= len(words)
                 and all(_word_matches(p, *words[i + k]) for k, p in enumerate(phrase[1:], 1))), None)


def position(cue: Cue, words: Sequence[tuple[str, str]], occ: dict[str, list[int]] | None = None) -> int | None:
    """Where the cue first occurs in the (lower form, lemma) words: the earliest alternative whose
    parts all occur, at its first part's position; None when no alternative occurs.  `occ` is
    `occurrences(words)`, computed when not given."""
    occ = occurrences(tuple(words)) if occ is None else occ
    found = []
    for alt in cue.alternatives:
        firsts = []
        for part in alt:
            first = min((i for ph in part if (i := _first(ph, words, occ)) is not None), default=None)
            if first is None:
                break
            firsts.append(first)
        else:
            found.append(firsts[0])
    return min(found, default=None)


def names_riot_police(token: Token) -> bool:
    """A "riot" modifying the police or their gear ("riot police", "anti-riot units"): no riot."""
    return token.lower_ == "riot" and token.dep_ in ("compound", "amod", "nmod") \
        and token.head.lemma_.lower() in rules.RIOT_EQUIPMENT_HEADS


def cue_tokens(tokens: Iterable[Token]) -> list[Token]:
    """The tokens cues are matched against: spaces and riot-police modifiers dropped."""
    return [t for t in tokens if not t.is_space and not names_riot_police(t)]


def words_of(tokens: Iterable[Token]) -> tuple[tuple[str, str], ...]:
    """(lower form, lower lemma) of the cue tokens."""
    return tuple((t.lower_, t.lemma_.lower()) for t in cue_tokens(tokens))


def sentence_tokens(token: Token, demonstration: bool = False) -> list[Token]:
    """The trigger's sentence without the clauses that do not hold it and tell of another act:
    coordinated clauses with their own subject and relative clauses ("protests, which turned into riots");
    for a `demonstration`, also without what it is about: the trigger's own modifiers under "over",
    "against", "about", "for", "after", "following" and its participle clauses ("a rally over the
    killing of a student" is no force against the protesters)."""
    skip: set[int] = set()
    if demonstration:
        for c in token.children:
            if (c.dep_ == "prep" and c.lower_ in GRIEVANCE_PREPOSITIONS) or c.dep_ in ("acl", "advcl"):
                skip |= {s.i for s in c.subtree}
    for t in token.sent:
        own = t.dep_ == "relcl" or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")
                                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children))
        if own:
            span = {s.i for s in t.subtree}
            if token.i not in span:
                skip |= span
    return [t for t in token.sent if t.i not in skip]


def event_words(token: Token, found: tuple[str, str] | None = None) -> tuple[tuple[str, str], ...]:
    """The words whose cues type the trigger's event of CAMEO-derived type `found`: its sentence
    without other coordinated clauses (and, for a demonstration, without what it is about)."""
    return words_of(sentence_tokens(token, found is not None and found[0] in DEMONSTRATIONS))


@dataclass(frozen=True)
class AcledCues:
    """The ordered cue rows of `data/acled_cues.tsv` and the file's version."""

    cues: tuple[Cue, ...]
    version: str

    @cached_property
    def _by_first_word(self) -> dict[str, tuple[int, ...]]:
        """Cue indexes by the first word pattern of any phrase of an alternative's first part: a
        cue can occur only where one of these does."""
        index: dict[str, set[int]] = {}
        for number, cue in enumerate(self.cues):
            for alternative in cue.alternatives:
                for phrase in alternative[0]:
                    index.setdefault(phrase[0], set()).add(number)
        return {key: tuple(sorted(numbers)) for key, numbers in index.items()}

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word pattern of every phrase of the cues: the only keys `position` looks up."""
        return frozenset(phrase[0] for cue in self.cues for alternative in cue.alternatives
                         for part in alternative for phrase in part)

    def _candidates(self, occ: dict[str, list[int]]) -> list[Cue]:
        """The cues, in file order, whose first word occurs (`occurrences` of the words)."""
        index = self._by_first_word
        numbers = sorted({n for key in index.keys() & occ.keys() for n in index[key]})
        return [self.cues[n] for n in numbers]

    def refine(self, words: Sequence[tuple[str, str]], found: tuple[str, str] | None,
               quad_class: int | None, occ: dict[str, list[int]] | None = None) -> tuple[str, str] | None:
        """The (event type, sub-event type) of an event given the words around it.

        `found` is the CAMEO-derived type (None when the CAMEO code has none).  Of the cues that
        occur and may replace `found`, the lowest tier wins, then the earliest in the sentence; a cue marked standalone types an untyped event of its
        QuadClass; a natural or accidental cause ("-") removes the type.  With no cue, `found` stays.
        `occ` is `occurrences(words)`, computed when not given.
        """
        occ = occurrences(tuple(words)) if occ is None else occ
        hits: list[tuple[int, int, Cue]] = []
        for c in self._candidates(occ):  # in tier order: no later tier can win once one has a hit
            if hits and c.tier > hits[0][0]:
                break
            if _applies(c, found, quad_class) and (i := position(c, words, occ)) is not None:
                hits.append((c.tier, i, c))
        if not hits:
            return found
        cue = min(hits, key=lambda h: h[:2])[2]
        return None if cue.sub_event_type == NO_TYPE else (cue.event_type, cue.sub_event_type)


    def cue_trigger(self, tokens: Sequence[Token]) -> tuple[int, str] | None:
        """(token index, CAMEO code) of the event a sentence's cues mark by themselves, else None.

        Of the cues that may stand alone, the lowest tier then the earliest wins; a winner without
        an event code (natural harm, a defused bomb, ...) marks no event.
        """
        kept = cue_tokens(tokens)
        words = words_of(kept)
        occ = occurrences(tuple(words))
        hits = [(c.tier, i, c) for c in self._candidates(occ) if (c.standalone_quads or c.sub_event_type == NO_TYPE)
                and (i := position(c, words, occ)) is not None]
        if not hits:
            return None
        _, i, cue = min(hits, key=lambda h: h[:2])
        return (kept[i].i, cue.event_code) if cue.event_code else None


def _applies(cue: Cue, found: tuple[str, str] | None, quad_class: int | None) -> bool:
    """Whether the cue may type an event of CAMEO-derived type `found` and QuadClass `quad_class`;
    a natural or accidental cause removes only the types its scope names (an accident a protest is
    about leaves the protest) and withholds one from any untyped event."""
    if cue.sub_event_type == NO_TYPE:
        return found is None or cue.refines is None or found[0] in cue.refines
    if found is None:
        return quad_class in cue.standalone_quads
    return cue.refines is None or found[0] in cue.refines


def load_cues(data_dir: Path) -> AcledCues:
    """The packaged cue file, checksum verified (PWE010, PWE011)."""
    raw, meta = read_verified(data_dir / CUES_FILE, REBUILD)
    return AcledCues(parse_cues(raw.decode("utf-8")), meta["version"])


@cache
def packaged() -> AcledCues:
    """The cue file shipped in `presswatch/events/data/`, loaded once."""
    return load_cues(DATA_DIR)


def model_type(proba: dict[str, float]) -> tuple[float, tuple[str, str] | None]:
    """The acled sentence model's most likely label as (probability, ACLED type; None outside ACLED)."""
    label = max(proba, key=proba.__getitem__, default=None)
    return (proba[label], rules.ACLED_LABELS.get(label)) if label is not None else (0.0, None)


def type_event(cues: AcledCues, words: Sequence[tuple[str, str]], found: tuple[str, str] | None,
               quad_class: int | None, proba: dict[str, float]) -> tuple[str, str] | None:
    """ACLED (event type, sub-event type) of an event: CAMEO mapping, refined by the cues, then the model.

    `found` is the CAMEO-derived type and `proba` the acled sentence model's label probabilities
    ({} without the model).  An event the cues leave untyped stays untyped; otherwise a model label
    with p >= MODEL_PROBABILITY that names an ACLED sub-event type replaces the rule type.
    """
    typed = cues.refine(words, found, quad_class)
    if typed is None:
        return None
    p, label = model_type(proba)
    return label if label and p >= MODEL_PROBABILITY else typed


# A document's main ACLED event (CASE-2021 labels a news snippet by one sub-event type).
MAIN_FILE = "acled_main.json"
MAIN_REBUILD = "scripts/train_acled_main.py ../shared/data/events"
SUB_EVENTS = {sub: label for label, (_, sub) in rules.ACLED_LABELS.items()}  # sub-event type -> model label
# The sub-event types a bare violent verb gets from its CAMEO code (190 fight, 18x assault): a lead
# sentence's event of another, more specific type (instrument, target, circumstance) is its main one.
GENERIC_SUB_EVENTS = frozenset({"Armed clash", "Attack"})
# ACLED types a demonstration by what happened at it: protesters who turn violent make a riot, force
# used on peaceful ones an intervention or excessive force.
DEMONSTRATION_SEVERITY = {"Peaceful protest": 0, "Protest with intervention": 1,
                          "Excessive force against protesters": 2, "Violent demonstration": 3, "Mob violence": 3}
# Explosions/remote violence are defined by the weapon: a generic lead takes the one a later sentence names.
REMOTE_VIOLENCE = "Explosions/Remote violence"
MAIN_FEATURES = ("lead_reading", "has_event", "in_lead_sentence", "confidence", "first_sentence", "asserted",
                 "events", "document_cue", "first_sentence_cue", "sentence_cue", "model_p", "model_top",
                 "generic", "none", "no_event")


def _typed(events: Sequence[Event]) -> list[Event]:
    """The non-negated events with a known ACLED sub-event type."""
    return [e for e in events if e.acled and e.acled.sub_event_type in SUB_EVENTS and e.status != "negated"]


def _top(events: Iterable[Event]) -> Event | None:
    return max(events, key=lambda e: (e.confidence or 0, -e.trigger.start), default=None)


def lead_type(events: Sequence[Event]) -> str | None:
    """The sub-event type of a document's lead event: of the non-negated typed events of the first
    sentence that has any, the most confident of a specific type, else of a generic one
    (GENERIC_SUB_EVENTS); a demonstration raised to the most severe reading any sentence gives the
    document's demonstrations, a generic event to the first weapon (REMOTE_VIOLENCE) the text names."""
    typed = _typed(events)
    if not typed:
        return None
    first = min(e.sentence.start for e in typed)
    lead = [e for e in typed if e.sentence.start == first]
    best = _top([e for e in lead if e.acled.sub_event_type not in GENERIC_SUB_EVENTS] or lead)
    if best.acled.sub_event_type in DEMONSTRATION_SEVERITY:
        best = max((e for e in typed if e.acled.sub_event_type in DEMONSTRATION_SEVERITY),
                   key=lambda e: (DEMONSTRATION_SEVERITY[e.acled.sub_event_type], e.confidence or 0, -e.trigger.start))
    weapons = [e for e in typed if e.acled.event_type == REMOTE_VIOLENCE]
    if best.acled.sub_event_type in GENERIC_SUB_EVENTS and weapons:
        named = min(e.sentence.start for e in weapons)
        best = _top(e for e in weapons if e.sentence.start == named)
    return best.acled.sub_event_type


def cue_type(cues: AcledCues, words: Sequence[tuple[str, str]], occ: dict[str, list[int]] | None = None) -> str | None:
    """The sub-event type the cues give words (words_of) by themselves (a cue that may stand for a
    material-conflict act), with no event: None when none occurs.  `occ`: as for AcledCues.refine."""
    typed = cues.refine(words, None, 4, occ)
    return typed[1] if typed and typed[1] in SUB_EVENTS else None


def main_candidates(events: Sequence[Event], sentence_starts: Sequence[int], sentence_cues: Sequence[str | None],
                    document_cue: str | None, proba: dict[str, float]) -> tuple[list[str | None], list[list[float]]]:
    """The candidate main sub-event types of a document (None: no ACLED event) and their features
    (MAIN_FEATURES): the types its events, its sentences' and its whole text's cues and the acled
    model's most likely ACLED label give, each described by the lead reading (lead_type), its events
    (in the lead sentence, confidence, earliest sentence, asserted, count), the cues and the model's
    probability (`proba`, the acled model's over the whole text; {} without it)."""
    typed = _typed(events)
    lead, reading = min((e.sentence.start for e in typed), default=None), lead_type(events)
    acled_p = {sub: proba.get(label, 0.0) for sub, label in SUB_EVENTS.items()}
    top = max(acled_p, key=acled_p.__getitem__) if proba else None
    found = {e.acled.sub_event_type for e in typed} | {c for c in sentence_cues if c} | {document_cue, top}
    names: list[str | None] = sorted(c for c in found if c)
    rows = []
    for sub in names:
        mine = [e for e in typed if e.acled.sub_event_type == sub]
        first = min((sum(s <= e.sentence.start for s in sentence_starts) for e in mine), default=0)
        rows.append([sub == reading, bool(mine), any(e.sentence.start == lead for e in mine),
                     max((e.confidence or 0 for e in mine), default=0), 1 / first if first else 0,
                     any(e.status == "asserted" for e in mine), math.log1p(len(mine)), document_cue == sub,
                     bool(sentence_cues) and sentence_cues[0] == sub, sub in sentence_cues, acled_p[sub],
                     sub == top, sub in GENERIC_SUB_EVENTS, 0, 0])
    rows.append([reading is None, 0, 0, 0, 0, 0, 0, document_cue is None, 0, 0,
                 sum(p for label, p in proba.items() if label not in rules.ACLED_LABELS), 0, 0, 1, not typed])
    return [*names, None], [[float(v) for v in row] for row in rows]


@dataclass(frozen=True)
class MainRanker:
    """A linear score of a candidate's MAIN_FEATURES (logistic regression: is it the document's
    main sub-event type); the best-scoring candidate is the main type."""

    weights: tuple[float, ...]
    version: str = ""

    def ranked(self, names: Sequence[str | None], rows: Sequence[Sequence[float]]) -> tuple[str | None, float]:
        """The best-scoring candidate and its softmax share of the candidates' scores (0-1)."""
        scores = [sum(w * v for w, v in zip(self.weights, row, strict=True)) for row in rows]
        best = max(range(len(names)), key=scores.__getitem__)
        return names[best], 1 / sum(math.exp(s - scores[best]) for s in scores)

    def choose(self, names: Sequence[str | None], rows: Sequence[Sequence[float]]) -> str | None:
        return self.ranked(names, rows)[0]


def main_features(doc: Doc, events: Sequence[Event], model: Any | None) -> tuple[list[str | None], list[list[float]]]:
    """main_candidates of a parsed document and its events, with the acled sentence model's
    probabilities over the whole text (none without a model).  The whole text's cue words are its
    sentences' in a row, their occurrences joined (joined_occurrences; each sentence's are cached from
    the events stage's cue_trigger)."""
    sents, cues = list(doc.sents), packaged()
    words = [words_of(s) for s in sents]
    occs = [occurrences(w) for w in words]
    joined = joined_occurrences(occs, [len(w) for w in words], cues.first_words)
    whole = cue_type(cues, tuple(itertools.chain.from_iterable(words)), joined)
    return main_candidates(events, [s.start_char for s in sents], [cue_type(cues, w, o) for w, o in zip(words, occs, strict=True)],
                           whole, model.proba(doc) if model is not None else {})


def main_event(doc: Doc, events: Sequence[Event], model: Any | None, ranker: MainRanker) -> AcledMain | None:
    """A document's main ACLED event (None: no ACLED event): the ranker's choice among its candidates
    (main_features) with its share of the candidates' scores and the ids of the events of that
    sub-event type.  The stage (events/acled_main.py) and the CASE eval both call this."""
    sub, share = ranker.ranked(*main_features(doc, events, model))
    if sub is None:
        return None
    ids = tuple(e.id for e in _typed(events) if e.acled.sub_event_type == sub)
    return AcledMain(rules.ACLED_LABELS[SUB_EVENTS[sub]][0], sub, round(share, 3), ids)


def fit_main_ranker(samples: Sequence[tuple[Sequence[str | None], Sequence[Sequence[float]]]],
                    gold: Sequence[str | None], C: float) -> MainRanker:
    """Logistic regression over the candidates of `samples` (main_features of each document), a
    candidate being positive when it is the document's gold main type (None: no ACLED event)."""
    from sklearn.linear_model import LogisticRegression

    rows = [row for _, doc_rows in samples for row in doc_rows]
    hits = [name == g for (names, _), g in zip(samples, gold, strict=True) for name in names]
    clf = LogisticRegression(C=C, max_iter=2000).fit(rows, hits)
    return MainRanker(tuple(round(float(w), 6) for w in clf.coef_[0]))


def load_main(data_dir: Path) -> MainRanker:
    """The packaged main-event ranker, checksum verified (PWE010, PWE011)."""
    raw, meta = read_verified(data_dir / MAIN_FILE, MAIN_REBUILD)
    data = json.loads(raw)
    if tuple(data["features"]) != MAIN_FEATURES:
        raise ValueError(f"{MAIN_FILE}: features {data['features']} differ from MAIN_FEATURES")
    return MainRanker(tuple(data["weights"]), meta["version"])


@cache
def packaged_main() -> MainRanker:
    """The main-event ranker shipped in `presswatch/events/data/`, loaded once."""
    return load_main(DATA_DIR)
