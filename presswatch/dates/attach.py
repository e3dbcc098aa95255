"""Choose each event's date from the temporal expressions of its text (issue 6).

In order:
1. "modifier": for a noun trigger, a resolved expression that is a time adjunct of a participle or
   relative clause modifying it, unless that clause is in the present tense: "the truce signed
   late on Monday ... collapsed on Tuesday" dates the truce Monday.
2. "clause": a resolved expression in the trigger's own clause (the trigger, or for a noun trigger
   such as "riots" the verb it belongs to, governs the expression without crossing a clause
   boundary): "On 3 May, the dispute over the dam flared up"; "a summit ... in June".
3. "participle": for a past-tense trigger, a resolved expression that is a time adjunct of an
   "-ing" participle clause (or a "while"/"as" clause) tied to the trigger's clause (both describe
   one moment); not a date
   after publication ("marched, demanding a vote in 2031"), nor one inside the participle's object
   ("recalling last month's floods"): "gunmen stormed a checkpoint manned by ... , firing at guards
   patrolling it at dawn on Sunday".
4. "sentence": a resolved expression framing the whole sentence (attached to the sentence root),
   unless the root is a reporting verb and the trigger is in what it reports: "In 2019, ... the
   province, where ... a strike broke out".
5. "report": the date of the reporting verb whose complement, or another clause below it, holds the
   trigger: in "rebels shelled the town, the army said on Friday" and "the town is calm, the army
   said on Friday, after rebels shelled it" Friday dates the statement; the shelling takes it only
   for want of a date of its own (news reports mostly come the same day or the next), and the method
   says so.  A fronted "On Friday, rebels shelled the town, the army said" is a "sentence" date.
   An expression after the root in its own clause dates no coordinated clause with a subject of its
   own ("the truce announced on Monday held, and each side accused the other of breaking it").
6. "narrative": the sentence has no temporal expression at all (an unresolved time of day such as
   "since the afternoon" names no other day), the trigger is in the past tense,
   and a resolved expression stands at most NARRATIVE_WINDOW sentences back in the same section (no
   heading between; there, the last one that does not date a statement, if any): "On 3 May, the
   dispute flared up. Officials said guards fired on a fishing boat ..."; not for a noun trigger
   that names a stretch of time ("died during the riots"): it refers back to the whole episode,
   not to the last day mentioned.
Otherwise the event has no date: nothing is invented.
A year that modifies a noun naming no event ("the maps of 1931-1935", "the 1991 borders") dates
that thing: it dates no event and is no narrative anchor.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from presswatch.dates.elections import ELECTION_AFTER_YEAR
from presswatch.dates.normalize import Resolution, offset_noun_date
from presswatch.dates.rules import DAY_PART

# Dependencies that start a new clause: an expression does not cross them to reach a trigger.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis"})
# Verb tags of a present-tense clause ("are trying", "has launched"): no narrative date for them.
PRESENT_TAGS = frozenset({"VBP", "VBZ", "MD"})
NARRATIVE_WINDOW = 2
# Conjunctions of an adverbial clause told as happening at the same time as its head clause.
SIMULTANEOUS_MARKS = frozenset({"while", "as", "whilst"})
# Prepositions whose object is a stretch of time: "during the unrest", "amid the protests".
PERIOD_PREPOSITIONS = frozenset({"during", "throughout", "amid", "amidst"})
# Lemmas of verbs that report speech: their own date belongs to the statement.
REPORTING_LEMMAS = frozenset({"say", "tell", "announce", "report", "state", "add", "claim", "confirm",
                              "note", "write", "declare", "allege", "insist", "deny"})
# Dependencies of a clause that modifies a noun: "the truce signed on Monday", "talks that ended in May".
MODIFIER_DEPS = frozenset({"acl", "relcl"})
# Dependencies by which a year modifies a noun ("the 1991 borders"; "maps of 1931" via the preposition).
NOUN_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "npadvmod"})
# Nouns that only say when: an expression hanging from them still dates the clause.
TIME_NOUNS = frozenset({"hour", "night", "morning", "afternoon", "evening", "day", "week", "weekend", "month",
                        "year", "dawn", "dusk", "midnight", "noon", "beginning", "start", "end", "middle"})
# Prepositions that make their object a point or stretch of time for the sentence.
TIME_PREPOSITIONS = PERIOD_PREPOSITIONS | {"after", "before", "since", "until", "till", "following", "by"}
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


def subject_sharers(clause: Token) -> frozenset[int]:
    """The verbs whose subject a conjoined verb with none of its own shares, so whose time adjuncts
    date it too: "On Wednesday a group tried to force the fence and threw stones" dates the throwing."""
    found = set()
    while clause.dep_ == "conj" and clause.pos_ in ("VERB", "AUX") and clause.head.i != clause.i \
            and not crosses_line(clause, clause.head) \
            and not any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in clause.children):
        clause = clause_head(clause.head)
        found.add(clause.i)
    return frozenset(found)


def participle_anchor(clause: Token) -> Token:
    """The clause an "-ing" participle clause, or an adverbial clause of the same moment ("while",
    "as"), hangs from, itself for any other clause: in "gunmen fired at guards patrolling the gate,
    wounding two" both participles hang from "fired"; in "police dispersed protesters, while in
    another town rioters stormed the akimat" the storming from "dispersed"."""
    while clause.dep_ in ("acl", "advcl") and (clause.tag_ == "VBG" or any(
            child.dep_ == "mark" and child.lower_ in SIMULTANEOUS_MARKS for child in clause.children)) \
            and clause.head.i != clause.i and not crosses_line(clause, clause.head):
        clause = clause_head(clause.head)
    return clause


def is_adjunct(token: Token, clause: Token) -> bool:
    """Whether an expression (its root `token`) is a time adjunct of `clause`'s verb: reached through
    prepositions and time nouns only ("in the early hours of Friday"), not from inside an object
    ("recalling last month's floods", "in a letter Monday")."""
    while token.i != clause.i:
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i != clause.i and token.pos_ != "ADP" and token.lemma_.lower() not in TIME_NOUNS:
            return False
    return True


def reported_complement(trigger_clause: Token, top: Token) -> Token | None:
    """The complement clause of a reporting verb at the sentence top that holds `trigger_clause`
    ("rebels shelled the town" in "..., the army said"), or None."""
    if top.lemma_.lower() not in REPORTING_LEMMAS or trigger_clause.i == top.i:
        return None
    token = trigger_clause
    while token.head.i != top.i and token.head.i != token.i:
        token = token.head
    return token if token.head.i == top.i and token.dep_ == "ccomp" else None


def in_earlier_conjunct(token: Token, trigger_clause: Token, top: Token) -> bool:
    """Whether an expression after the sentence root stays in the root's clause, before a
    coordinated clause with a subject of its own that holds the trigger: in "the truce signed ... on
    Monday held, and each side has accused the other of violating it" Monday does not date the
    violation (a fronted expression still frames both)."""
    return (trigger_clause.dep_ == "conj" and trigger_clause.head.i == top.i and top.i < token.i < trigger_clause.left_edge.i
            and any(child.dep_ in ("nsubj", "nsubjpass") for child in trigger_clause.children))


def frames_the_report(token: Token, complement: Token, top: Token) -> bool:
    """Whether an expression at the sentence top dates the report rather than what it reports: not
    when it opens a sentence whose attribution comes last ("On May 3, X happened, the army said")."""
    return not (token.i < complement.left_edge.i and top.i > complement.i)


def dates_a_report(parsed: Doc, resolution: Resolution) -> bool:
    """Whether an expression belongs to a reporting verb's clause ("the army said on Friday")."""
    token = root_token(parsed, resolution.expression.start, resolution.expression.end)
    return token is not None and clause_head(token).lemma_.lower() in REPORTING_LEMMAS


def dates_a_thing(parsed: Doc, text: str, resolution: Resolution, event_tokens: frozenset[int]) -> bool:
    """Whether a year expression modifies a noun that names no event ("the maps of 1931-1935",
    "the 1991 borders"): it dates that thing, not an event.  Election years stay (elections.py), and
    so does a noun after a time preposition, which places the sentence in time ("since the 2013 floods")."""
    expression = resolution.expression
    if resolution.precision != "year" or ELECTION_AFTER_YEAR.match(text, expression.end):
        return False
    token = root_token(parsed, expression.start, expression.end)
    if token is None:
        return False
    while token.head.i != token.i and token.head.like_num:  # the second year of "1931-1935"
        token = token.head
    if not token.like_num:  # "that year", "last year": they tell when, not which thing
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        noun = token.head.head
    elif token.dep_ in NOUN_MODIFIER_DEPS:
        noun = token.head
    else:
        return False
    time_reference = noun.dep_ == "pobj" and noun.head.lower_ in TIME_PREPOSITIONS  # "after the 2013 floods"
    return noun.pos_ in ("NOUN", "PROPN") and noun.i not in event_tokens and not noun.like_num and not time_reference


def event_resolutions(parsed: Doc, text: str, resolutions: tuple[Resolution, ...],
                      event_tokens: frozenset[int]) -> tuple[Resolution, ...]:
    """The resolutions that may date events: without the years that date a thing (a year on a noun
    that is none of the triggers at `event_tokens`)."""
    return tuple(r for r in resolutions if not dates_a_thing(parsed, text, r, event_tokens))


def after(resolution: Resolution, published: str | None) -> bool:
    """Whether a resolved date starts after the publication day ("demanding a vote in 2031")."""
    value = resolution.value or ""
    return published is not None and value > published[:len(value)]


def choose_date(parsed: Doc, sentences: tuple[SentenceInfo, ...], resolutions: tuple[Resolution, ...],
                trigger_start: int, trigger_end: int, narrative: bool = True,
                published: str | None = None) -> tuple[Resolution, str] | None:
    """The resolution that dates the event whose trigger spans `trigger_start:trigger_end`, and
    how it was chosen ("modifier", "clause", "participle", "sentence", "report", "narrative"); None
    when the text gives no date.  `narrative=False` (hypothetical events: threats, intentions) skips
    the narrative fallback; an event takes no participle's date after `published`."""
    trigger = root_token(parsed, trigger_start, trigger_end)
    if trigger is None:
        return None
    index = next((i for i, info in enumerate(sentences) if info.start <= trigger_start < info.end + 1), None)
    if index is None:
        return None
    sentence = sentences[index]
    offset = next((r for r in resolutions if r.expression.pattern == "NARRATIVE_EVENT_OFFSET"
                   and r.expression.start < trigger_start < r.expression.end), None)
    if offset is not None:  # "detained on Monday, a day after a rally": the rally's own date
        return _offset_noun_date(parsed, sentences, resolutions, offset, narrative, published)
    resolved = [r for r in resolutions if r.value is not None]
    here = [r for r in resolved if sentence.start <= r.expression.start < sentence.end]
    any_here = any(sentence.start <= r.expression.start < sentence.end and not (
        r.value is None and DAY_PART.fullmatch(r.expression.text)) for r in resolutions)  # "since the afternoon"
    trigger_clause = clause_head(trigger)
    shared = subject_sharers(trigger_clause)
    anchor, top = participle_anchor(trigger_clause), top_of(trigger)
    complement = reported_complement(trigger_clause, top)
    noun, past = trigger.pos_ in ("NOUN", "PROPN"), is_past(trigger)
    tiers: dict[str, list[tuple[int, Resolution]]] = {
        "modifier": [], "clause": [], "participle": [], "sentence": [], "report": []}
    for resolution in here:
        token = root_token(parsed, resolution.expression.start, resolution.expression.end)
        if token is None:
            continue
        clause = line_clause(token, trigger)
        distance = abs(token.i - trigger.i)
        adjunct = is_adjunct(token, clause)
        if noun and clause.dep_ in MODIFIER_DEPS and clause.head.i == trigger.i:
            if adjunct and is_past(clause):  # not "a siege that since 2021 has divided the town"
                tiers["modifier"].append((distance, resolution))
        elif clause.i == trigger_clause.i or (clause.i in shared and adjunct):
            tiers["clause"].append((distance, resolution))
        elif past and adjunct and participle_anchor(clause).i == anchor.i and not after(resolution, published):
            tiers["participle"].append((distance, resolution))
        elif clause.i == top.i and not in_earlier_conjunct(token, trigger_clause, top):
            below = complement or (trigger_clause if top.lemma_.lower() in REPORTING_LEMMAS
                                   and trigger_clause.i != top.i else None)
            framing = below is None or not frames_the_report(token, below, top)
            tiers["sentence" if framing else "report"].append((distance, resolution))
    for how, matches in tiers.items():
        if matches:
            return min(matches, key=lambda item: (item[0], item[1].expression.start))[1], how
    if any_here or not narrative or not past or names_a_period(trigger):
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
        told = [r for r in inside if not dates_a_report(parsed, r)] or inside
        if told:
            return told[-1], "narrative"
    return None


def _offset_noun_date(parsed: Doc, sentences: tuple[SentenceInfo, ...], resolutions: tuple[Resolution, ...],
                      offset: Resolution, narrative: bool, published: str | None) -> tuple[Resolution, str] | None:
    """The date of the event a "N days after the X" expression names (X): N days before the date of
    the clause the expression modifies ("blocked roads on Monday, a day after a rally": the Sunday),
    which is the expression's own value when an earlier dated mention of X anchored it."""
    expression = offset.expression
    if offset.value is not None and offset.precision is not None:
        base, how = (offset.value, offset.precision), "clause"
    else:
        token = root_token(parsed, expression.start, expression.end)
        while token is not None and expression.start <= token.idx < expression.end and token.head.i != token.i:
            token = token.head  # out of the expression: "began leaving on Thursday, a week after they arrived"
        head = clause_head(token) if token is not None else None
        if head is None or expression.start <= head.idx < expression.end:
            return None
        chosen = choose_date(parsed, sentences, resolutions, head.idx, head.idx + len(head.text), narrative, published)
        if chosen is None or chosen[0].value is None or chosen[0].precision is None:
            return None
        base, how = (chosen[0].value, chosen[0].precision), chosen[1]
    moved = offset_noun_date(expression, *base)
    if moved is None:
        return None
    return Resolution(expression, moved[0], moved[1], "narrative"), how


def coordinated_days(parsed: Doc, resolutions: tuple[Resolution, ...], chosen: Resolution,
                     trigger_start: int, trigger_end: int) -> tuple[Resolution, ...]:
    """The other days coordinated with the day that dates an event, each one more event of that
    trigger: with a repeated preposition ("agreed on 10 October and on 17 October", "attacked on
    4 June and on 9 June"), or after a plural noun ("ceasefires agreed on 2 March and 9 March").
    A range ("on 3 and 5 May") stays one dated stretch."""
    trigger = root_token(parsed, trigger_start, trigger_end)
    token = root_token(parsed, chosen.expression.start, chosen.expression.end)
    if trigger is None or token is None or chosen.precision != "day" or chosen.until:
        return ()
    heads = _repeated_prepositions(token) if token.tag_ == "IN" else []
    if trigger.tag_ == "NNS":  # "ceasefires ... on X and Y": the date nouns are the conjuncts
        heads += [conj for noun in (token, *(c for c in token.children if c.dep_ == "pobj")) for conj in noun.conjuncts]
    heads_at = {head.i for head in heads}
    return tuple(r for r in resolutions if r.precision == "day" and not r.until and r.value != chosen.value
                 and (head := root_token(parsed, r.expression.start, r.expression.end)) is not None
                 and head.i in heads_at)


def _repeated_prepositions(preposition: Token) -> list[Token]:
    """The same preposition again after "and", as its conjunct or (as the parser often has it) its
    sibling: "on 3 April and on 11 April"."""
    doc, found = preposition.doc, [c for c in preposition.conjuncts if c.lower_ == preposition.lower_]
    last = preposition
    for sibling in preposition.head.children:
        objects = {t.i for child in last.children if child.dep_ == "pobj" for t in child.subtree}
        between = [t.lower_ for t in doc[last.i + 1:max(sibling.i, last.i + 1)] if t.i not in objects and not t.is_punct]
        if sibling.i > last.i and sibling.dep_ == "prep" and sibling.lower_ == preposition.lower_ and between == ["and"]:
            found.append(sibling)
            last = sibling
    return found
