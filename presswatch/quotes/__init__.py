"""Quotes stage: quotations and reported statements with cue and speaker (issue 4).

Reads the Document, its spaCy parse and the actor stage's entities; returns Quote records
(DESIGN.md, "The contract": `quotes`).  Two sources of evidence are combined:

1. dependency patterns around reporting cues (`presswatch.quotes.rules`), plus verbs that the
   trained cue model accepts (`presswatch.quotes.cuemodel`, LEARNED_CUE; a person's stance with a
   plain object only when the trained stance gate passes it, LEARNED_STANCE), and
2. quotation marks (`presswatch.quotes.marks`): a quoted stretch is joined to the cue next to it
   (`“...,” the Russian leader noted.`, `He said: “...”`), even across several sentences or
   paragraphs; when it stands alone right after an attributed quote it continues that speaker
   (CONTINUATION), and when it opens a sentence right after one that attributes something to a
   speaker it is that speaker's (SPEAKER_IN_PREVIOUS_SENTENCE); a clause that the parser ran on past
   a full stop into a quoted sentence with a cue of its own ends at the stop (QUOTE_OWN_CUE); after
   `Name:` it is that name's (NAME_COLON, headline style); a line `NAME: statement` with no marks is
   NAME's (LABEL_COLON, transcripts and headlines).  A cue inside another quote's quoted words is part of that
   quote (NESTED), unless it reports a named third party; so is a belief, or an object or learned
   cue with no named speaker, inside another quote's content (NESTED_REPORT).  A speaker's comma-set
   relative clause that is itself an attribution is not part of the speaker (RELATIVE_ATTRIBUTION).
   A trailing participle cue that is the same speaker's next quote leaves the first quote's content
   (SECOND_STATEMENT: "Lee said the plan works, adding that ...").  A report inside an "according to" or a
   parenthetical quote's content is part of that frame (FRAMED_REPORT).

Ids are q1, q2, ... in order of content start; the same input always gives the same output.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from presswatch.quotes.cuemodel import CueModel, StanceGate, load_cue_model, load_stance_gate
from presswatch.quotes.marks import ALL_MARKS, find_quoted
from presswatch.quotes.rules import (
    VERB_PATTERNS,
    CueLexicon,
    Match,
    according_to,
    clear_word,
    cue_tokens,
    find_subject,
    in_survey,
    learned_cue,
    load_cue_lexicon,
    speaker_tokens,
    trailing_participle,
)
from presswatch.records import Document, Entity, Quote, SpeakerRef, make_span

REQUIRES = ("document", "parsed", "entities")
ASSIGNS = "quotes"

# How far (in tokens) from a closing mark a trailing cue may stand: `”, the head of state explained`.
MAX_CUE_DISTANCE = 14
# A quoted stretch with no cue of its own must be at least this long to continue the previous
# speaker (shorter ones are scare quotes: the "elected" president).
MIN_CONTINUATION_TOKENS = 6
# ... unless it is a whole quoted sentence, ending in . ! or ? inside the marks.
MIN_SENTENCE_TOKENS = 2
# Named-entity types of a LABEL_COLON speaker ("JANE ROE: ...", "Roe: ...").
SPEAKER_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


# Patterns whose content is the rest of a sentence that may itself report (FRAMED_REPORT).
FRAMES = frozenset({"ACCORDING_TO", "IN_SURVEY", "REPORTING_PARENTHETICAL"})

# Dependency labels of a clause hung beside a quote's content rather than inside it (NESTED_OBJECT).
SIDE_CLAUSES = frozenset({"conj", "relcl", "advcl", "acl", "parataxis", "cc", "appos"})


@dataclass
class _Draft:
    """A quote being assembled (token indices); becomes a Quote at the end."""

    pattern: str
    cue: tuple[int, ...]
    source: tuple[int, ...]
    content: set[int] = field(default_factory=set)


def knowledge_versions() -> dict[str, str]:
    """Versions of the knowledge files this stage loads (added to Analysis.versions)."""
    lexicon = load_cue_lexicon()
    return {"quotes_cue_verbs": lexicon.version, "quotes_act_verbs": lexicon.acts_version,
            "quotes_cue_model": load_cue_model().version, "quotes_stance_gate": load_stance_gate().version}


def _segments(document: Document, parsed: Doc) -> list[tuple[int, int]]:
    """Quoted stretches as token ranges [start, end), marks included."""
    out = []
    for start, end in find_quoted(document.text):
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > 0:
            out.append((span.start, span.end))
    return out


def _trailing_cue(parsed: Doc, end: int, lexicon: CueLexicon) -> int | None:
    """A cue verb with its subject right after a quoted stretch, in the same sentence."""
    for token in parsed[end: min(end + MAX_CUE_DISTANCE, len(parsed))]:
        if token.text in (".", "!", "?", "\n") or token.is_space and "\n" in token.text:
            break
        if any(ch in ALL_MARKS for ch in token.text) and token.i > end:
            break
        if token.pos_ == "VERB" and lexicon.is_bare_cue(token.lemma_) and find_subject(token) is not None:
            return token.i
    return None


def _leading_cue(parsed: Doc, start: int, lexicon: CueLexicon) -> int | None:
    """A cue verb with its subject just before a quoted stretch: `He said: “...”`, `He added, “...”`."""
    if start == 0:
        return None
    before = parsed[start - 1]
    intro = before.text in (":", ",") or before.is_space and start >= 2 and parsed[start - 2].text == ":"
    if not intro:
        return None
    sent = parsed[start - 1].sent if not before.is_space else parsed[start - 2].sent
    for token in reversed(parsed[sent.start: start - 1]):
        if token.pos_ == "VERB" and lexicon.is_bare_cue(token.lemma_) and find_subject(token) is not None:
            return token.i
    return None


def _drafts(parsed: Doc, lexicon: CueLexicon, segments: list[tuple[int, int]],
            model: CueModel | None, stance: StanceGate | None = None) -> list[_Draft]:
    by_cue: dict[int, _Draft] = {}

    def add(match: Match) -> _Draft:
        key = match.cue[0] if match.pattern != "ACCORDING_TO" else -1 - match.cue[0]
        draft = by_cue.get(key)
        if draft is None:
            draft = by_cue[key] = _Draft(match.pattern, match.cue, match.source)
        draft.content |= set(match.content)
        return draft

    quoted = {i for start, end in segments for i in range(start, end)}
    for token in parsed:
        match = according_to(token) or in_survey(token)
        if match is None:
            for pattern in VERB_PATTERNS:
                match = pattern(token, lexicon)
                if match is not None:
                    break
        if match is None and model is not None and token.i not in quoted and (model.is_cue(token) or clear_word(token)):
            match = learned_cue(token, lexicon, stance.passes if stance is not None else None)
        if match is not None and match.content:
            add(match)

    # a noun cue that is the object of another cue ("repeated her claim that ...") is part of that quote
    for key, draft in list(by_cue.items()):
        if draft.pattern == "NOMINAL_CUE":
            noun = parsed[draft.cue[0]]
            governor = noun.head.head if noun.dep_ == "pobj" else noun.head
            if any(governor.i in d.cue or noun.i in d.cue for d in by_cue.values() if d is not draft):
                del by_cue[key]
    previous: _Draft | None = None
    previous_end = -1
    orphans: list[_Draft] = []
    for start, end in segments:
        seg = set(range(start, end))
        owner = next((d for d in by_cue.values() if d.content & seg and not seg & set(d.cue)), None)
        if owner is not None:
            # QUOTE_OWN_CUE: a clause that ran on past a full stop into a quoted sentence with a cue of
            # its own (`X said A. “B,” she said.`) ends at the stop; the quote is that cue's
            stop = _sentence_break(parsed, owner, start)
            cue = _trailing_cue(parsed, end, lexicon) if stop is not None else None
            if cue is not None and cue not in owner.cue:
                owner.content = {i for i in owner.content if i < stop}
                subject = find_subject(parsed[cue])
                assert subject is not None
                owner = add(Match("QUOTE_WITH_CUE", cue_tokens(parsed[cue]), speaker_tokens(subject), ()))
        if owner is None:
            for cue in (_trailing_cue(parsed, end, lexicon), _leading_cue(parsed, start, lexicon)):
                if cue is not None:
                    subject = find_subject(parsed[cue])
                    assert subject is not None
                    owner = add(Match("QUOTE_WITH_CUE", cue_tokens(parsed[cue]), speaker_tokens(subject), ()))
                    break
        if owner is None and previous is not None and _continues(parsed, previous, previous_end, start, end):
            owner = previous  # the same speaker goes on: one quote, content up to here
        if owner is None:
            named = _named_colon(parsed, start)
            if named is not None:
                owner = _Draft("NAME_COLON", named[0], named[1])
                orphans.append(owner)
        if owner is None:
            speaker = _previous_sentence_speaker(parsed, list(by_cue.values()), start, end)
            if speaker is not None:
                owner = _Draft("SPEAKER_IN_PREVIOUS_SENTENCE", speaker.cue, speaker.source)
                orphans.append(owner)
        if owner is not None:
            owner.content |= seg - set(owner.cue) - set(owner.source)
            if owner.content:
                previous, previous_end = owner, max(owner.content)
    taken = {i for d in [*by_cue.values(), *orphans] for i in (*d.cue, *d.content)}
    orphans += [d for d in _label_colons(parsed) if not taken & (set(d.content) | set(d.cue))]
    drafts = [d for d in [*by_cue.values(), *orphans] if d.content]
    # NESTED: a cue inside another quote's quoted words ("“I think we will win,” she said") is
    # part of that quote, not a quote of its own, unless it reports a named third party ("“Smith
    # urged calm,” the office said").  CV on train: source overlap F1 0.686 -> 0.699.
    drafts = [d for d in drafts
              if not (d.cue and d.cue[0] in quoted and any(e is not d and d.cue[0] in e.content for e in drafts)
                      and not any(parsed[i].pos_ == "PROPN" for i in d.source))]
    # NESTED_REPORT: inside another quote's content, not only its quoted words, a belief ("she said
    # she believes ...") or an object or learned cue whose speaker names no one ("he said they backed
    # the plan"), cue and speaker both inside, is part of that quote.  Train: source overlap F1
    # 0.7300 -> 0.7340, attribution +0.0006.
    drafts = [d for d in drafts if not (_nested_report(parsed, d, lexicon) and any(
        e is not d and d.cue[0] in e.content and set(d.source) <= e.content for e in drafts))]
    drafts = _framed(drafts)
    for draft in drafts:
        draft.content = draft.content - _own_participles(parsed, draft, drafts) or draft.content
        draft.source = _unmasked(parsed, draft.source, [set(e.cue) for e in drafts if e is not draft])
    drafts = [d for d in drafts if not any(_folded_object(parsed, d, e) for e in drafts if e is not d)]
    return sorted(drafts, key=lambda d: (min(d.content), d.cue))


def _framed(drafts: list[_Draft]) -> list[_Draft]:
    """FRAMED_REPORT: a quote whose cue lies inside the content of an "according to", a survey or a
    parenthetical cue ("According to the filing, the mayor said ...", "The mayor, aides said, told
    ...") is part of that quote: its cue, speaker and content join the frame's content (PolNeAR
    marks the frame, one level only)."""
    folded: set[int] = set()
    for outer in drafts:
        if outer.pattern not in FRAMES or id(outer) in folded:
            continue
        for inner in drafts:
            if inner is outer or id(inner) in folded or not inner.cue or not set(inner.cue) <= outer.content:
                continue
            if set(outer.cue) <= inner.content:
                continue  # each inside the other: not a frame
            outer.content |= set(inner.cue) | set(inner.source) | inner.content
            folded.add(id(inner))
    return [d for d in drafts if id(d) not in folded]


def _own_participles(parsed: Doc, draft: _Draft, drafts: list[_Draft]) -> set[int]:
    """SECOND_STATEMENT: a trailing participle cue in a quote's content that is the same speaker's next
    statement ("Lee said the plan works, adding that ..."): it and its comma leave the first content."""
    out: set[int] = set()
    for other in drafts:
        if other is draft or not other.cue or other.source != draft.source or other.cue[0] not in draft.content:
            continue
        verb = parsed[other.cue[0]]
        if trailing_participle(verb):
            out |= set(range(verb.left_edge.i - 1, verb.right_edge.i + 1))
    return out


def _sentence_break(parsed: Doc, owner: _Draft, start: int) -> int | None:
    """The index after a full stop that ends the narration right before a quoted stretch the owner
    took as content, when the owner's cue comes before it; None if the stretch does not open a new
    sentence."""
    if not owner.cue or max(owner.cue) >= start:
        return None
    for i in range(start - 1, max(owner.cue), -1):
        token = parsed[i]
        if token.text in (".", "!", "?"):
            return i + 1
        if not (token.is_space or token.is_punct) or any(ch in ALL_MARKS for ch in token.text) and i < start - 1:
            return None
    return None


def _unmasked(parsed: Doc, source: tuple[int, ...], cues: list[set[int]]) -> tuple[int, ...]:
    """RELATIVE_ATTRIBUTION: a comma-set relative clause in a speaker mention that is itself an
    attribution (`Ann Lee, who backs the plan, said ...`: "who backs" is a quote of its own) is left
    out of the mention, as PolNeAR's guidelines ask (including it would mask that attribution)."""
    inside = set(source)
    for cue in cues:
        if not cue & inside:
            continue
        clause = next((t for t in parsed[min(cue)].ancestors if t.dep_ == "relcl" and t.i in inside), None)
        if clause is None and parsed[min(cue)].dep_ == "relcl":
            clause = parsed[min(cue)]
        if clause is None or parsed[clause.left_edge.i - 1].text != "," or clause.left_edge.i - 1 not in inside:
            continue
        cut = clause.left_edge.i - 1
        if _head(parsed, source) >= cut:
            continue
        kept = [i for i in source if i < cut]
        while kept and parsed[kept[-1]].is_punct:
            kept.pop()
        inside = set(kept)
        source = tuple(kept)
    return source


def _nested_report(parsed: Doc, draft: _Draft, lexicon: CueLexicon) -> bool:
    """A cue that does not stand on its own inside another quote: a thought verb, or an object or
    learned cue whose speaker has no proper noun."""
    if not draft.cue:
        return False
    if lexicon.classes.get(parsed[draft.cue[-1]].lemma_.lower()) == "thought":
        return True
    return draft.pattern in ("VERB_WITH_OBJECT", "LEARNED_CUE", "LEARNED_STANCE") and not any(
        parsed[i].pos_ == "PROPN" for i in draft.source)


def _named_colon(parsed: Doc, start: int) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """NAME_COLON: `Jane Roe: “...”`, a quoted stretch after a colon that follows only a name."""
    i = start - 1
    while i >= 0 and parsed[i].is_space:
        i -= 1
    if i < 1 or parsed[i].text != ":":
        return None
    colon = i
    names = []
    i -= 1
    while i >= 0 and parsed[i].pos_ == "PROPN" and "\n" not in parsed[i].whitespace_:
        names.insert(0, i)
        i -= 1
    if not names or len(names) > 5:
        return None
    if i >= 0 and not (parsed[i].is_space or parsed[i].is_punct or "\n" in parsed[i].whitespace_):
        return None  # the name must open its line or sentence
    return (colon,), tuple(names)


def _label_colons(parsed: Doc) -> list[_Draft]:
    """LABEL_COLON: a line opening with a bare name and a colon, then a statement with a verb:
    transcripts (`ANNA ROE: We will ...`) and headlines (`Roe: Taxes will rise`).  The content runs
    to the end of the line.  A headline-case word counts as a name when the article has it as a
    proper noun elsewhere (`Rivera: Cuts Will Hurt` ... `Rosa Rivera spoke`; train attribution
    overlap F1 +0.0003, 18 of 20 firings on gold cues).  Must not take a dateline or a time
    (`6:50`), a one-letter label (`Q:`), or a common-noun label."""
    out = []
    # headline case tags names as common nouns ("Lee: Taxes Will Rise"): a capitalized word that is a
    # proper noun elsewhere in the article counts as a name
    proper = {t.text for t in parsed if t.pos_ == "PROPN" and t.text[:1].isupper() and len(t.text) > 1}
    for token in parsed:
        if token.i > 0 and "\n" not in parsed[token.i - 1].whitespace_ and not (
                parsed[token.i - 1].is_space and "\n" in parsed[token.i - 1].text):
            continue
        names = []
        i = token.i
        while i < len(parsed) and len(names) <= 5 and (parsed[i].pos_ == "PROPN" or parsed[i].text in proper) \
                and "\n" not in parsed[i].whitespace_:
            names.append(i)
            i += 1
        if not names or len(names) > 4 or i >= len(parsed) or parsed[i].text != ":" or parsed[i].whitespace_ == "":
            continue
        end = i + 1
        while end < len(parsed) and not (parsed[end].is_space and "\n" in parsed[end].text) and "\n" not in parsed[end - 1].whitespace_:
            end += 1
        label = [parsed[k] for k in names]
        if not (any(t.ent_type_ in SPEAKER_ENTITY_TYPES or t.pos_ != "PROPN" for t in label)
                or len(label) > 1 and all(t.text.isupper() for t in label)):
            continue  # "Q:", "Correction:", "BUSTED:" are not speakers
        content = [t for t in parsed[i + 1: end] if not t.is_space]
        if not content or any(ch in ALL_MARKS for ch in content[0].text):
            continue  # quoted: NAME_COLON's case
        if len([t for t in content if not t.is_punct]) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in content):
            continue
        out.append(_Draft("LABEL_COLON", (i,), tuple(names), {t.i for t in content}))
    return out


def _previous_sentence_speaker(parsed: Doc, drafts: list[_Draft], start: int, end: int) -> _Draft | None:
    """SPEAKER_IN_PREVIOUS_SENTENCE: a quoted sentence of its own with no cue, right after a
    sentence that attributes something to a named speaker, is that speaker's (`Kim spoke at the
    rally on Monday. “We will win this state.”`).  Must not take a short scare quote."""
    words = [t for t in parsed[start:end] if not t.is_punct and not t.is_space]
    sent = parsed[start].sent
    if len(words) < MIN_CONTINUATION_TOKENS or sent.start == 0:
        return None
    if any(not t.is_punct and not t.is_space for t in parsed[sent.start:start]):
        return None  # the quote does not open its sentence
    before = parsed[sent.start - 1]
    while before.i > 0 and before.is_space:
        before = parsed[before.i - 1]
    previous = before.sent
    candidates = [d for d in drafts if d.source and d.cue and previous.start <= d.cue[0] < previous.end]
    return max(candidates, key=lambda d: d.cue[0], default=None)


def _continues(parsed: Doc, previous: _Draft, previous_end: int, start: int, end: int) -> bool:
    """CONTINUATION: a stand-alone quoted stretch right after an attributed one, with nothing but
    that quote's cue and speaker between them (`“A,” he said. “B.”`), continues the same quote.
    Must not join a short scare quote (the "elected" president) or one after narration."""
    words = [t for t in parsed[start:end] if not t.is_punct and not t.is_space]
    # a quoted full sentence ("Don't believe it.") may be short; a scare quote has no final stop
    stop = next((t for t in reversed(parsed[start:end]) if not any(ch in ALL_MARKS for ch in t.text)), None)
    minimum = MIN_SENTENCE_TOKENS if stop is not None and stop.text in (".", "!", "?") else MIN_CONTINUATION_TOKENS
    if len(words) < minimum or previous_end < 0 or start <= previous_end:
        return False
    own = set(previous.cue) | set(previous.source)
    cue_sentence = parsed[previous.cue[0]].sent if previous.cue else None
    gap = [t for t in parsed[previous_end + 1: start]
           if not t.is_space and not t.is_punct and t.i not in own and t.dep_ not in ("prep", "pobj", "det", "npadvmod")
           and not (cue_sentence is not None and cue_sentence.start <= t.i < cue_sentence.end)]
    return len(gap) <= 1 and words[0].text[:1].isupper()


def _speaker_entity(head_start: int, head_end: int, start: int, end: int,
                    entities: tuple[Entity, ...]) -> str | None:
    """The entity one of whose mentions covers the speaker's head word and lies inside the speaker span.

    "the Russian leader" resolves only through a mention covering "leader" (a resolved title
    from the actor stage), never through the adjective "Russian"; the tightest mention wins.
    """
    best: tuple[int, int, str] | None = None
    for entity in entities:
        for mention in entity.mentions:
            if mention.start <= head_start and head_end <= mention.end and mention.start < end and start < mention.end:
                key = (mention.end - mention.start, mention.start, entity.id)
                if best is None or key < best:
                    best = key
    return best[2] if best else None


def _head(parsed: Doc, indices: tuple[int, ...]) -> int:
    """The syntactic head of a token set: the token whose head lies outside it."""
    inside = set(indices)
    for i in indices:
        if parsed[i].head.i not in inside or parsed[i].head.i == i:
            return i
    return indices[-1]


def _folded_object(parsed: Doc, draft: _Draft, outer: _Draft) -> bool:
    """NESTED_OBJECT: an object cue in another quote's content and under its cue in the parse, hung
    on it by a side clause (`Lee said the vote was fair, calling the protest a stunt`) or with its
    speaker outside that content (`Lee agreed to endorse Ross`), is part of that quote (PolNeAR
    marks one level of a nested report, nearly always the outer one)."""
    if draft.pattern != "VERB_WITH_OBJECT" or draft.cue[0] not in outer.content:
        return False
    labels = set()
    token = parsed[draft.cue[0]]
    while token.i not in outer.cue:
        if token.head.i == token.i:
            return False
        labels.add(token.dep_)
        token = token.head
    if "conj" in labels and draft.source == outer.source:
        return False  # the same speaker's next statement (`Lee said A and urged B`)
    return bool(labels & SIDE_CLAUSES) or not draft.source or not set(draft.source) <= outer.content


def _kind(draft: _Draft, segments: list[tuple[int, int]], parsed: Doc) -> str:
    """direct / mixed / indirect from the content's words (not the narration between joined quotes)."""
    quoted = {i for start, end in segments for i in range(start, end)}
    own = set(draft.cue) | set(draft.source)
    words = {i for i in draft.content if not parsed[i].is_punct and not parsed[i].is_space and i not in own}
    inside = words & quoted
    if words and inside == words:
        return "direct"
    return "mixed" if inside else "indirect"


def extract_quotes(
    document: Document, parsed: Doc, entities: tuple[Entity, ...], lexicon: CueLexicon | None = None,
    model: CueModel | None = None, stance: StanceGate | None = None,
) -> tuple[Quote, ...]:
    """Quotes of one document in text order (ids q1..), built from token offsets only."""
    lexicon = lexicon or load_cue_lexicon()
    model = model or load_cue_model()
    stance = stance or load_stance_gate()
    segments = _segments(document, parsed)
    quotes = []
    for number, draft in enumerate(_drafts(parsed, lexicon, segments, model, stance), start=1):
        lo, hi = min(draft.content), max(draft.content)
        content = make_span(document.text, parsed[lo].idx, parsed[hi].idx + len(parsed[hi]))
        cue = None
        if draft.cue:
            first, last = parsed[draft.cue[0]], parsed[draft.cue[-1]]
            cue = make_span(document.text, first.idx, last.idx + len(last))
        speaker = None
        if draft.source:
            first, last = parsed[draft.source[0]], parsed[draft.source[-1]]
            start, end = first.idx, last.idx + len(last)
            head = parsed[_head(parsed, draft.source)]
            entity = None
            # "the President of Kazakhstan, Kassym-Jomart Tokayev": the apposition names the speaker
            for word in (head, *(parsed[i] for i in draft.source if parsed[i].dep_ == "appos")):
                entity = entity or _speaker_entity(word.idx, word.idx + len(word), start, end, entities)
            if entity is None and head.tag_ in ("WDT", "WP") and head.head.dep_ == "relcl":
                # "the alliance's members, which agreed to ...": PolNeAR's source is "which"; the entity
                # is the antecedent's (its head noun, or a name compounded on it)
                noun = head.head.head
                for word in (noun, *(c for c in noun.children if c.dep_ == "compound")):
                    entity = entity or _speaker_entity(word.idx, word.idx + len(word), noun.left_edge.idx,
                                                       noun.idx + len(noun), entities)
            speaker = SpeakerRef(entity=entity,
                                 start=start, end=end, text=document.text[start:end])
        quotes.append(Quote(id=f"q{number}", kind=_kind(draft, segments, parsed),  # type: ignore[arg-type]
                            content=content, cue=cue, speaker=speaker))
    return tuple(quotes)


def make_component(nlp: Language) -> Callable[..., tuple[Quote, ...]]:
    """Return the quote extractor with its cue lexicon, cue model and stance gate loaded once."""
    lexicon = load_cue_lexicon()
    model = load_cue_model()
    stance = load_stance_gate()

    def component(document: Document, parsed: Doc, entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
        return extract_quotes(document, parsed, entities, lexicon, model, stance)

    return component
