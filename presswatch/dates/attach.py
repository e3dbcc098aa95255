"""Choose each event's date from the temporal expressions of its text (issue 6).

In order:
1. "clause": a resolved expression in the trigger's own clause (the trigger, or for a noun trigger
   such as "clashes" the verb it belongs to, governs the expression without crossing a clause
   boundary): "On September 12, the situation ... escalated"; "a meeting ... in February".
2. "sentence": a resolved expression framing the whole sentence (attached to the sentence root):
   "At the beginning of 2022, ... Kazakhstan, where ... mass protests began".
3. "narrative": the sentence has no temporal expression at all, the trigger is in the past tense, and a
   resolved expression stands at most NARRATIVE_WINDOW sentences back in the same section (no
   heading between): "On September 12, the situation escalated. The ministry said the military
   opened fire ..."; not for a noun trigger that names a stretch of time ("died during the
   riots"): it refers back to the whole episode, not to the last day mentioned.
Otherwise the event has no date: nothing is invented.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from presswatch.dates.normalize import Resolution

# Dependencies that start a new clause: an expression does not cross them to reach a trigger.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis"})
# Verb tags of a present-tense clause ("are trying", "has launched"): no narrative date for them.
PRESENT_TAGS = frozenset({"VBP", "VBZ", "MD"})
NARRATIVE_WINDOW = 2
# Prepositions whose object is a stretch of time: "during the unrest", "amid the protests".
PERIOD_PREPOSITIONS = frozenset({"during", "throughout", "amid", "amidst"})
CAPTION_MARKS = ("•", "©", "*", "-")
_SENTENCE_INFOS = ("presswatch", "sentence_infos")  # key of the cached sentence list in Doc.user_data


@dataclass(frozen=True)
class SentenceInfo:
    """A sentence of the parse: offsets, whether it is a heading or a caption line."""

    start: int
    end: int
    heading: bool
    caption: bool


def _line_pieces(parsed: Doc) -> list[list[Token]]:
    """spaCy sentences cut again at line breaks (the parser glues a headline to the lead)."""
    pieces: list[list[Token]] = []
    current: list[Token] = []
    for token in parsed:  # one pass over the tokens (Doc.sents rescans the doc per sentence)
        if token.is_sent_start and current:
            pieces.append(current)
            current = []
        if token.is_space:
            if "\n" in token.text and current:
                pieces.append(current)
                current = []
            continue
        current.append(token)
        if "\n" in token.whitespace_:
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return pieces


def sentence_infos(parsed: Doc) -> tuple[SentenceInfo, ...]:
    """Sentences (cut at line breaks) with whitespace trimmed; a short line without end
    punctuation is a heading, a line starting with a bullet or copyright sign a caption.

    Computed once per parse and kept in `parsed.user_data` (the dates and places stages both read it)."""
    cached = parsed.user_data.get(_SENTENCE_INFOS)
    if cached is None:
        cached = parsed.user_data[_SENTENCE_INFOS] = _sentence_infos(parsed)
    return cached


def _sentence_infos(parsed: Doc) -> tuple[SentenceInfo, ...]:
    infos = []
    whole = parsed.text  # spaCy rebuilds Doc.text on every access; read it once
    for tokens in _line_pieces(parsed):
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        text = whole[start:end]
        caption = text.startswith(CAPTION_MARKS)
        heading = not caption and len(text) < 80 and not text.rstrip().endswith((".", "!", "?", "”", '"', ":", "»"))
        infos.append(SentenceInfo(start, end, heading, caption))
    return tuple(infos)


def crosses_line(token: Token, head: Token) -> bool:
    """True if a line break lies between `token` and `head` (a parse glued across lines)."""
    low, high = sorted((token.i, head.i))
    doc = token.doc
    return any("\n" in doc[i].text or "\n" in doc[i].whitespace_ for i in range(low, high))


def clause_head(token: Token) -> Token:
    """The head of the clause `token` belongs to (a verb, or the top of its line's parse)."""
    while token.dep_ not in CLAUSE_DEPS and token.head.i != token.i and not (
            token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")) and not crosses_line(token, token.head):
        token = token.head
    return token


def line_clause(token: Token, trigger: Token) -> Token:
    """The clause `token` modifies, as clause_head; a modifier the parser hung on another line
    (a lead's "On September 12," glued to the headline) is taken to frame the trigger's line."""
    clause = clause_head(token)
    if clause.head.i != clause.i and crosses_line(clause, clause.head):
        return top_of(trigger)
    return clause


def top_of(token: Token) -> Token:
    """The highest ancestor of `token` on the same line (the sentence root, unless glued)."""
    while token.head.i != token.i and not crosses_line(token, token.head):
        token = token.head
    return token


def root_token(parsed: Doc, start: int, end: int) -> Token | None:
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def is_past(trigger: Token) -> bool:
    head = clause_head(trigger) if trigger.pos_ not in ("VERB", "AUX") else trigger
    tags = {head.tag_} | {child.tag_ for child in head.children if child.dep_ in ("aux", "auxpass")}
    return not (tags & PRESENT_TAGS)


def names_a_period(trigger: Token) -> bool:
    """Whether a noun trigger is the object of a period preposition ("arrests during the riots",
    "amid protests and strikes"), i.e. names an episode the sentence refers back to."""
    while trigger.dep_ == "conj" and trigger.head.i != trigger.i:
        trigger = trigger.head
    return trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj" and trigger.head.lower_ in PERIOD_PREPOSITIONS


def past_expressions(parsed: Doc, starts_ends: list[tuple[int, int]]) -> frozenset[int]:
    """Starts of the expressions (start, end) whose clause is in the past tense."""
    past = set()
    for start, end in starts_ends:
        token = root_token(parsed, start, end)
        if token is not None and is_past(token):
            past.add(start)
    return frozenset(past)


def choose_date(parsed: Doc, sentences: tuple[SentenceInfo, ...], resolutions: tuple[Resolution, ...],
                trigger_start: int, trigger_end: int, narrative: bool = True) -> tuple[Resolution, str] | None:
    """The resolution that dates the event whose trigger spans `trigger_start:trigger_end`, and
    how it was chosen ("clause", "sentence", "narrative"); None when the text gives no date.
    `narrative=False` (hypothetical events: threats, intentions) skips the narrative fallback."""
    trigger = root_token(parsed, trigger_start, trigger_end)
    if trigger is None:
        return None
    index = next((i for i, info in enumerate(sentences) if info.start <= trigger_start < info.end + 1), None)
    if index is None:
        return None
    sentence = sentences[index]
    resolved = [r for r in resolutions if r.value is not None]
    here = [r for r in resolved if sentence.start <= r.expression.start < sentence.end]
    any_here = any(sentence.start <= r.expression.start < sentence.end for r in resolutions)
    trigger_clause = clause_head(trigger)
    clause_matches, sentence_matches = [], []
    for resolution in here:
        token = root_token(parsed, resolution.expression.start, resolution.expression.end)
        if token is None:
            continue
        clause = line_clause(token, trigger)
        distance = abs(token.i - trigger.i)
        if clause.i == trigger_clause.i:
            clause_matches.append((distance, resolution))
        elif clause.i == top_of(trigger).i:
            sentence_matches.append((distance, resolution))
    for matches, how in ((clause_matches, "clause"), (sentence_matches, "sentence")):
        if matches:
            return min(matches, key=lambda item: (item[0], item[1].expression.start))[1], how
    if any_here or not narrative or not is_past(trigger) or names_a_period(trigger):
        return None  # "Yesterday, diplomats met"; "... died during the riots": no narrative date
    back = 0
    for earlier_index in range(index - 1, -1, -1):
        earlier = sentences[earlier_index]
        if earlier.heading:
            return None
        if earlier.caption:
            continue
        back += 1
        if back > NARRATIVE_WINDOW:
            return None
        inside = [r for r in resolved if earlier.start <= r.expression.start < earlier.end]
        if inside:
            return inside[-1], "narrative"
    return None
