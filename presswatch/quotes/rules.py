"""Named patterns of the quotes stage: reporting cues over the dependency parse.

Each pattern is a function from a cue token to token sets (cue, source, content) or None.  They
read only the spaCy parse; offsets come from tokens.  What each must and must not match is tested
in tests/unit/test_quotes.py.

Patterns (the issue's list, DESIGN.md "quotes"):
- VERB_WITH_CLAUSE      `Putin stressed that ...`, `the Kremlin said ...`: a cue verb with a clausal
                        complement (ccomp).  Must not match a cue verb with only an object
                        ("he told a story", "Trump attacked Cruz").  IN_STATEMENT: `said in a
                        statement that ...`, the clause parsed onto the noun.
- REPORTING_PARENTHETICAL `..., Mukhin added.` / `“...,” the Russian leader noted.`: the cue verb is
                        a parataxis/ROOT after the reported clause; content = the rest of the clause.
- AS_SAID               `as Putin said, ...`, `as she put it, ...`: cue in an `as` adverbial clause; content = the
                        main clause.  Must not match `as soon as he said` (temporal).
- ACCORDING_TO          `According to him, ...`: cue = "according to", source = its object, content
                        = the clause it modifies.
- IN_SURVEY             `In the latest poll, 40 percent back X`: a sentence opening with "in" + a poll
                        or survey; cue = "In", source = the survey, content = the rest.
- PASSIVE_BY            `This was stated by Putin`: passive cue with a `by` agent; content = subject.
- COLON_INTRO           `Putin said: ...` / `He added:` + next quote: content after the colon.
- TRAILING_CUE          `..., she said.` closing a sentence whose parse did not hang the clause on the
                        cue; content = the sentence before the comma.
- VERB_WITH_OBJECT      `Lee called on both sides to ...`: speech verb + object or topic phrase.
- NOMINAL_CUE           `Moscow's claim that ...`, `allegations that ...`, `her fear that ...`: a noun of
                        saying (or of belief, with a possessor) with a "that" clause.
- LEARNED_CUE           a verb the trained cue model accepts, with a statement-like complement
                        (`the mayor remembered that ...`, `was confident that ...`).
- LEARNED_STANCE        a learned verb the statement gate blocks, passed by the learned stance gate
                        (cuemodel.StanceGate): a person's stance on an object, infinitive or
                        for/against phrase (`she backed the plan`); not a body's (`states supported
                        the rebels`), not an addressee or a place (`addressed a rally on the square`).
- CHARACTERIZATION      a learned verb of regarding/depicting with an object and an "as" predicate
                        (`voters see her as aloof`); not `chose her as chair`.
- ACT_GATE              exclusion: `police used tear gas`, `a jet was scrambled to ...`: a deed
                        (data/act_verbs.tsv) or an agentless passive outside the lexicon.
- NARRATOR_COPULA       exclusion: `it is clear that ...`, `the question is whether ...` (the author's
                        judgement); not `her answer was that ...` or `she was adamant that ...`.
- GAPPED_RELATIVE       exclusion: `a plan that they refuse to sign` states nothing.
- PARAGRAPH_SUBJECT     the subject of a cue whose sentence has a caption glued on before it.
- CONTROLLER_SUBJECT    the subject up a chain of verbs for a clause or learned cue without one.
- STRAY_SUBJECT, ADJACENT_SUBJECT, DATELINE   parse repairs for the speaker (a later verb's subject
                        after a trailing cue; a glued-on headline or credit line as the subject).
- RAISED_SUBJECT        `X seems to ...`, `X is expected to ...`: no speaker, X is content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from presswatch.knowledge import read_verified
from presswatch.quotes.marks import ALL_MARKS

CUE_LEXICON = "cue_verbs.tsv"
ACT_VERBS = "act_verbs.tsv"

# Dependency labels of a clausal complement that carries reported content.
CONTENT_DEPS = frozenset({"ccomp"})
# Subjects of an active cue verb.
SUBJECT_DEPS = frozenset({"nsubj"})
# Adverbs that annotators keep in the cue when right before the verb ("also said").
CUE_ADVERBS = frozenset({"also", "later", "previously", "repeatedly", "now", "again", "once"})
# Children of a source noun phrase that a speaker mention leaves out after a comma (", speaking
# on Monday,").  A comma-set relative clause stays in, as PolNeAR marks it ("Tom Baker, who chairs
# the committee,"): train source overlap F1 0.708 -> 0.720.
SPEAKER_TRIM_DEPS = frozenset({"acl"})
# Cue classes used: hand-curated speech and thought verbs, and verbs PolNeAR annotates as cues
# reliably (class `polnear`, ratio recorded in the lexicon).
CUE_CLASSES = frozenset({"speech", "thought", "polnear"})
# Verbs that need an explicit clause to count (they often mean something else without one).
CLAUSE_ONLY = frozenset({"know", "feel", "think", "understand", "realize", "realise", "continue",
                         "point", "call", "consider", "expect", "hope", "fear", "see", "find",
                         "show", "recognize", "recognise", "conclude", "charge", "order"})
# Tokens that can never be a reported-speech subject ("it" in "it said" is fine for an outlet,
# but an expletive "there" is not).
NON_SPEAKERS = frozenset({"there"})


@dataclass(frozen=True)
class CueLexicon:
    """Reporting verb lemmas by class, with the lexicon version."""

    classes: dict[str, str]
    version: str
    acts: frozenset[str] = frozenset()  # ACT_VERBS: material action, appointment, permission
    acts_version: str = ""

    def is_cue(self, lemma: str) -> bool:
        """Any reporting verb, used with a clausal complement."""
        return self.classes.get(lemma.lower()) in CUE_CLASSES

    def is_bare_cue(self, lemma: str) -> bool:
        """A reporting verb that also counts without a clause (", Mukhin added.")."""
        return self.is_cue(lemma) and lemma.lower() not in CLAUSE_ONLY


@cache
def load_cue_lexicon() -> CueLexicon:
    """The packaged cue-verb lexicon and act verbs, checksum-verified against their .meta.json
    (PWE010, PWE011)."""
    data = Path(__file__).parent / "data"
    raw, meta = read_verified(data / CUE_LEXICON, "scripts/build_quote_cues.py")
    acts, acts_meta = read_verified(data / ACT_VERBS, "hand-written: edit data/act_verbs.tsv, then write_verified")
    return CueLexicon(classes=dict(_rows(raw)), version=meta["version"], acts=frozenset(dict(_rows(acts))),
                      acts_version=acts_meta["version"])


def _rows(raw: bytes) -> list[tuple[str, str]]:
    """(lemma, class) pairs of a tab-separated knowledge file, comments skipped."""
    rows = [line.split("\t") for line in raw.decode("utf-8").splitlines() if line and not line.startswith("#")]
    return [(row[0], row[1]) for row in rows]


def reports_act(verb: Token, lexicon: CueLexicon) -> bool:
    """ACT_GATE: a verb of material action, appointment or permission (`ACT_VERBS`: "police used
    tear gas", "the bloc imposed bans", "she was appointed minister") reports a deed, not a
    statement, unless it is a lexicon cue with a clause ("he recalled that ...").  Also a passive
    with no `by` agent of a verb outside the cue lexicon ("a jet was scrambled to ..."), and "add"
    with an object that is not something said ("added 300 jobs"; PolNeAR train: 4 of 49 such uses
    are gold cues)."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if any(c.dep_ in ("oprd", "ccomp") and c.pos_ == "ADJ" for c in children):
        return False  # a judgement: "the bloc holds them responsible for ..."
    objects = [c for c in children if c.dep_ == "dobj"]
    if lemma == "add" and objects and not any(c.lemma_.lower() in STATEMENT_NOUNS for c in objects):
        return True  # "the firm added 300 jobs" is a deed; "added a warning" is a statement
    if lemma in lexicon.acts:
        return not (lemma in lexicon.classes and any(c.dep_ == "ccomp" for c in children))
    return (lemma not in lexicon.classes and any(c.dep_ == "auxpass" for c in children)
            and not any(c.dep_ in ("agent", "ccomp") for c in children))


@dataclass(frozen=True)
class Match:
    """Token indices of one attribution found by a pattern (sets; content may be empty)."""

    pattern: str
    cue: tuple[int, ...]
    source: tuple[int, ...]
    content: tuple[int, ...]


def subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


CLEAR_WORDS = frozenset({"clear", "plain"})


def clear_word(verb: Token) -> Token | None:
    """MAKE_CLEAR: the "clear" of "made (it) clear that ...", a statement whatever the cue model
    scores "make"; None for any other verb."""
    if verb.lemma_.lower() != "make":
        return None
    return next((child for child in verb.children if child.lower_ in CLEAR_WORDS and child.i <= verb.i + 2
                 and child.dep_ in ("ccomp", "oprd", "acomp", "xcomp")), None)


def cue_tokens(verb: Token) -> tuple[int, ...]:
    """The cue: the verb plus its auxiliaries, negation and a particle ("pointed out")."""
    parts = {verb.i}
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg", "prt") and abs(child.i - verb.i) <= 3:
            parts.add(child.i)
        elif child.dep_ == "advmod" and child.i == verb.i - 1 and child.lower_ in CUE_ADVERBS:
            parts.add(child.i)
    clear = clear_word(verb)
    if clear is not None:  # MAKE_CLEAR: "made (it) clear that ...", one cue as PolNeAR marks it
        parts |= {clear.i, *(t.i for t in verb.doc[verb.i + 1: clear.i] if t.lower_ == "it")}
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.text == ":":
        parts.add(after.i)  # `said:` (PolNeAR keeps the colon in the cue)
    return tuple(sorted(parts))


def speaker_tokens(head: Token) -> tuple[int, ...]:
    """A source noun phrase: the subject's subtree, leaving out a comma-set participial phrase.

    OWNER_OF_STATEMENT: a noun for something said with a possessor ("the mayor's reply said ...")
    gives the possessor, the one who said it, as PolNeAR marks it."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.i < head.i), None)
    if owner is not None and head.lemma_.lower() in UTTERANCES:
        return tuple(t.i for t in owner.subtree if not t.is_space)
    keep = subtree(head)
    doc = head.doc
    for child in head.children:
        if child.i <= head.i:
            continue
        # comma-set only: PolNeAR sources keep restrictive phrases ("Gov. Branstad of Iowa")
        after_comma = child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == ","
        if child.dep_ in SPEAKER_TRIM_DEPS and after_comma or _when(child) and child.right_edge.i == max(keep):
            keep -= {i for i in range(child.left_edge.i, len(doc)) if i in keep}  # ", in a conversation with RT"
    ordered = sorted(keep)
    while ordered and (doc[ordered[-1]].is_punct or doc[ordered[-1]].is_space) and not _closes(doc, ordered):
        ordered.pop()
    while ordered and (doc[ordered[0]].is_punct or doc[ordered[0]].is_space):
        ordered.pop(0)
    # keep it contiguous around the head, and on the head's line ("4:40 p.m.\n\nThe senator says")
    keep = {i for i in keep if not (doc[i].is_space and "\n" in doc[i].text)}
    run = [head.i]
    for i in range(head.i - 1, -1, -1):
        if i in keep:
            run.insert(0, i)
        else:
            break
    for i in range(head.i + 1, len(doc)):
        if i in keep and i <= (ordered[-1] if ordered else head.i):
            run.append(i)
        else:
            break
    # SPLIT_TITLE: "Harbor board chair Nina Vell said" parsed as two subjects ("chair", "Vell")
    title = _title_subject(head)
    if title is not None:
        run = [*range(title.left_edge.i, run[0]), *run]
    # "Residents of the village of Ak-Sai told": the name the parser split off as more subjects
    if _dangling(head):
        k = run[-1] + 1
        while k < head.head.i and doc[k].head.i == head.head.i and doc[k].dep_ in ("nsubj", "punct", "compound"):
            run.append(k)
            k += 1
    # "Ann Lee, the mayor's campaign chairwoman," : PolNeAR closes an apposition with its comma, or
    # its dash ("Ann Lee — a nurse from Dover —")
    after = doc[run[-1] + 1].text if run[-1] + 1 < len(doc) else ""
    if after in (",", *DASHES) and any(doc[i].text == after for i in run):
        run.append(run[-1] + 1)
    # a closing quotation mark right after it that closes one opened inside ("host of “Night Harbor,”")
    after = doc[run[-1] + 1].text if run[-1] + 1 < len(doc) else ""
    if after in CLOSING_MARKS and sum(doc[i].text in DOUBLE_MARKS for i in run) % 2 == 1:
        run.append(run[-1] + 1)
    # DATELINE: "DOVER, Del. (AP) — Gov. Ann Lee": the speaker is what follows the credit line
    dateline = next((k for k in range(1, len(run) - 1) if doc[run[k]].text in DASHES and doc[run[k - 1]].text == ")"), None)
    if dateline is not None and run.index(head.i) > dateline:
        run = run[dateline + 1:]
    # a floating quantifier is the cue's ("Lee and Ruiz both said": PolNeAR's cue is "both said")
    while len(run) > 1 and doc[run[-1]].lower_ in FLOATING and doc[run[-1]].i != head.i:
        run.pop()
    # a focus particle is not part of who speaks ("even the party's donors say")
    while len(run) > 1 and doc[run[0]].lower_ in FOCUS_WORDS and run[0] != head.i:
        run.pop(0)
    return tuple(i for i in run if not doc[i].is_space)


DASHES = ("—", "–", "-", "―")
# Double quotation marks, and those that close a quotation (a speaker's title may hold a quoted name).
DOUBLE_MARKS = frozenset({"“", "”", '"', "''", "``", "«", "»", "„"})
CLOSING_MARKS = frozenset({"”", '"', "''", "»"})
# Focus particles before a speaker that PolNeAR leaves out of the source (train: "even" 20 of 23).
FOCUS_WORDS = frozenset({"even"})
# Possessive marks the parser may leave between two halves of one subject ("the agency’ director").
POSSESSIVE_MARKS = frozenset({"’", "'", "'s", "’s"})


def _when(phrase: Token) -> bool:
    """A time phrase the parser hung on the speaker ("the council on Friday said"): not part of it when
    it ends the phrase ("a memo on Monday about the levy said" stays whole)."""
    return phrase.dep_ == "prep" and phrase.lower_ in ("on", "during", "at") and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in phrase.children)


def _title_subject(subject: Token) -> Token | None:
    """SPLIT_TITLE: another subject of the same verb that ends right where this one begins, a title
    or owner the parser cut off the name ("Port authority spokesman Ivo Marsh said", "the league’s
    Ada Roe said").  Not across punctuation other than a possessive mark, nor a line break, so a
    heading ("Note: ...") or a dateline ("DOVER — ...") stays out."""
    if subject.dep_ not in SUBJECT_DEPS or subject.pos_ == "PRON" or subject.head.dep_ == "relcl":
        return None  # "the party he leads": a relative clause's subject
    begin = subject.left_edge.i
    for other in subject.head.children:
        if other.dep_ not in SUBJECT_DEPS or other.i >= subject.i or other.right_edge.i != begin - 1:
            continue
        words = list(other.subtree)
        if any(t.is_punct and t.text not in POSSESSIVE_MARKS or "\n" in t.text + t.whitespace_
               or t.tag_ in ("WDT", "WP", "WP$") for t in words):
            return None
        return other
    return None


def _dangling(subject: Token) -> bool:
    """The subject's phrase ends in a preposition without its object, and another subject follows."""
    last = subject.right_edge
    after = subject.doc[last.i + 1] if last.i + 1 < len(subject.doc) else None
    return (subject.dep_ == "nsubj" and last.dep_ == "prep" and not list(last.children) and after is not None
            and after.head.i == subject.head.i and after.dep_ == "nsubj")
# Quantifiers that float after a plural speaker ("the two senators both said").
FLOATING = frozenset({"both", "all", "each"})


def _closes(doc: Doc, ordered: list[int]) -> bool:
    """The last token closes a bracket opened inside the span: "Rep. Bob Goodlatte (R-Va.)"."""
    last = doc[ordered[-1]].text
    return last in ")]" and sum(doc[i].text == "([" [")]".index(last)] for i in ordered) > sum(
        doc[i].text == last for i in ordered[:-1])


def find_subject(verb: Token) -> Token | None:
    """The verb's subject, or a conjoined verb's shared subject ("He said ... and added ..."), or
    the main clause's subject for a participial cue ("he said in a statement, adding that ...").
    A cue conjoined to a reported clause takes the reporting verb's subject, not the clause's; one
    after a preposition ("ended by saying ...") takes the subject of the verb the phrase modifies.

    INVERTED_SUBJECT: after a closing quote, `”remarked the guest of the programme` is parsed with
    the speaker as object; take that object as the subject.  Must not fire for `he told reporters`
    (the verb has a subject), mid-clause objects, or after a plain comma (", asked a federal court
    to ...": 1 of 26 such train firings was the gold source).

    OBJECT_CONTROL: an infinitive cue with no subject of its own whose governing verb has an object
    before it takes that object ("the defeat led several members to warn that ..."; train source
    overlap F1 +0.0004).

    A subject in an earlier paragraph than the cue (a caption or credit line the parser glued on)
    gives way to PARAGRAPH_SUBJECT, which also stands in when no subject is found.
    """
    head = verb.head if verb.dep_ in ("conj", "xcomp", "advcl") else None
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        head = verb.head.head  # "She answered by saying ...", "In describing the plan, he ..."
    if head is not None and verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.i < head.i:
        head = head.head  # "He added that A is B, and called on C": the parse conjoins the cue to the content
    if head is not None and trailing_participle(verb) and head.dep_ == "ccomp" and head.head.pos_ == "VERB":
        head = head.head  # REPORTER_PARTICIPLE: "Lee said the plan works, adding that ...": Lee adds, not the plan
    if verb.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        # OBJECT_CONTROL: "the shortfall led council members to warn that ...": the object speaks
        controller = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i
                           and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
        if controller is not None:
            return controller
    for candidate in (verb, head):
        if candidate is None:
            continue
        # the subject next to the verb when the parse gives it two ("DOVER — Ann Lee said"), unless one
        # ends in a preposition that lost its object to the others ("Residents of Ak-Sai told")
        for child in sorted(candidate.children, key=lambda c: (not _dangling(c), abs(c.i - verb.i))):
            if child.dep_ in SUBJECT_DEPS and child.lower_ not in NON_SPEAKERS:
                if any(t.text in DASHES and verb.doc[t.i - 1].text == ")" for t in child.subtree):
                    return adjacent_subject(verb) or child  # DATELINE: "DOVER (AP) — Gov. Ann Lee said"
                if child.i < verb.i and any(_is_break(t) for t in verb.doc[child.i: verb.i]):
                    # a caption or headline glued on before the cue's paragraph
                    return paragraph_subject(verb) or adjacent_subject(verb) or child
                return child
    previous = next((t for t in reversed(verb.doc[max(verb.i - 3, 0): verb.i]) if not t.is_space), None)
    if previous is not None and any(ch in previous.text for ch in "”»\"'’"):
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "npadvmod") and child.i > verb.i and child.pos_ in ("NOUN", "PROPN"):
                return child
    return stray_subject(verb) or paragraph_subject(verb)


def trailing_participle(verb: Token) -> bool:
    """A participle set off by a comma after the clause it modifies (", adding that ...")."""
    return (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i and verb.left_edge.i > 0
            and verb.doc[verb.left_edge.i - 1].text == ",")


def stray_subject(verb: Token) -> Token | None:
    """STRAY_SUBJECT: `“...,” says Ann Lee, an analyst who ...` where the parser made the speaker after
    the cue the subject of a later verb.  Only right after a comma or closing quote mark, and only a
    noun phrase that starts right after the verb and is some other verb's subject."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text not in (",", *ALL_MARKS):
        return None
    head = doc[verb.i + 1]
    while head.dep_ in ("compound", "amod", "det", "nummod", "poss") and verb.i < head.head.i <= head.i + 4:
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ != "nsubj" or head.head.i <= head.i:
        return None
    return head


def controller_subject(verb: Token) -> Token | None:
    """CONTROLLER_SUBJECT: for a cue that needs no subject to report (a clause or learned cue) and
    has none of its own, the subject further up a chain of conjoined, infinitive, participial or
    prepositional verbs ("Trump went on to promote X and note that ...", "he sought to regain the
    initiative by pledging ...")."""
    head: Token | None = verb
    for _ in range(4):
        if head is None:
            return None
        if head.dep_ in ("conj", "xcomp", "advcl"):
            head = head.head
        elif head.dep_ == "pcomp" and head.head.dep_ == "prep" and head.head.head.pos_ in ("VERB", "AUX"):
            head = head.head.head
        else:
            return None
        subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in NON_SPEAKERS), None)
        if subject is not None:
            return subject
    return None


# Named-entity types that never speak (a time or amount ending right before a cue).
NOT_SPEAKER_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def adjacent_subject(verb: Token) -> Token | None:
    """ADJACENT_SUBJECT: when the parsed subject is in an earlier paragraph (a headline glued on) or is
    a dateline, the noun phrase that ends right before the cue in its own paragraph ("Tuesday in
    Dover, Gov. Ann Lee (D) said ...")."""
    doc = verb.doc
    start = next((k + 1 for k in range(verb.i - 1, verb.sent.start - 1, -1) if _is_break(doc[k])), verb.sent.start)
    i = verb.i - 1
    while i > start and (doc[i].text == "," or doc[i].dep_ in ("aux", "neg", "advmod")):
        i -= 1
    token = doc[i]
    while token.head.i != token.i and start <= token.head.i < verb.i and token.pos_ not in ("NOUN", "PROPN"):
        token = token.head
    while token.head.i != token.i and start <= token.head.i < verb.i and token.head.pos_ in ("NOUN", "PROPN") \
            and token.dep_ in ("compound", "appos", "npadvmod", "punct", "nmod"):
        token = token.head
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in NOT_SPEAKER_ENTITIES or token.i < start:
        return None  # not "Monday" in "... on Monday said"
    return token


def paragraph_subject(verb: Token) -> Token | None:
    """PARAGRAPH_SUBJECT: the noun phrase opening the cue's paragraph when the parser glued a caption
    or credit line ("• © Agency\n\nThe minister did not ... but stressed that ...") onto the
    sentence and lost the subject.  Only inside a sentence with a line break before the cue, and
    only a noun phrase followed by a verb ("The minister did ...")."""
    doc = verb.doc
    start = next((i + 1 for i in range(verb.i - 1, verb.sent.start - 1, -1) if _is_break(doc[i])), None)
    while start is not None and start < verb.i and doc[start].is_space:
        start += 1
    if start is None or start >= verb.i:
        return None
    head = doc[start]
    while head.head.i != head.i and start <= head.head.i < verb.i and head.head.pos_ in ("NOUN", "PROPN", "PRON"):
        head = head.head
    after = head.right_edge.i + 1
    if head.pos_ not in ("NOUN", "PROPN", "PRON") or after >= verb.i or doc[after].pos_ not in ("AUX", "VERB"):
        return None
    return head


def relative_gap(verb: Token) -> bool:
    """GAPPED_RELATIVE: a cue verb in a relative clause whose relativized word is not its subject
    ("a plan that they refuse to sign"): its only complement is an infinitive missing that word, so
    it states nothing.  A relative subject ("who refused to comment on X") still reports."""
    if verb.dep_ not in ("relcl", "acl") or verb.head.i > verb.i:
        return False
    if any(child.dep_ in ("ccomp", "dobj") for child in verb.children):
        return False
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(child.tag_ in ("WDT", "WP") for child in subjects):
        return False
    infinitives = [child for child in verb.children if child.dep_ == "xcomp"]
    return len(infinitives) == 1 and all(
        c.tag_ in ("WDT", "WP") for c in infinitives[0].children if c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp"))


def in_paragraph(doc: Doc, indices: set[int], anchor: int) -> set[int]:
    """The indices in the same paragraph as `anchor` (no newline-bearing token between them).

    Keeps captions and bylines that the sentence splitter glued on ("• kremlin.ru\n\nIn
    addition, as Putin said, ...") out of the content.
    """
    if not indices:
        return set()
    lo, hi = anchor - 1, anchor + 1
    first, last = min(min(indices), anchor), max(max(indices), anchor)
    while lo >= first and not _is_break(doc[lo]):
        lo -= 1
    while hi <= last and not _is_break(doc[hi]):
        hi += 1
    return {i for i in indices if lo < i < hi}


def _is_break(token: Token) -> bool:
    return token.is_space and "\n" in token.text


def _strip(doc: Doc, indices: set[int]) -> tuple[int, ...]:
    """Drop whitespace and edge punctuation that is not a quote mark."""
    ordered = sorted(i for i in indices if not doc[i].is_space)

    def is_edge_junk(i: int) -> bool:
        token = doc[i]
        return token.is_punct and not any(ch in ALL_MARKS for ch in token.text)

    while ordered and is_edge_junk(ordered[0]):
        ordered.pop(0)
    while ordered and is_edge_junk(ordered[-1]):
        ordered.pop()
    return tuple(ordered)


def verb_with_clause(verb: Token, lexicon: CueLexicon) -> Match | None:
    """VERB_WITH_CLAUSE: cue verb + ccomp, e.g. `Putin stressed that ...`."""
    if verb.pos_ not in ("VERB", "AUX") or not lexicon.is_cue(verb.lemma_):
        return None
    clauses = [child for child in verb.children if child.dep_ in CONTENT_DEPS]
    cue = cue_tokens(verb)
    if not clauses and lexicon.classes.get(verb.lemma_.lower()) == "speech":
        # IN_STATEMENT: "said in a statement that ...", the clause parsed onto the noun; PolNeAR's
        # cue runs to the noun ("said in a statement")
        for prep in verb.children:
            nouns = [c for c in prep.children if c.dep_ == "pobj"] if prep.dep_ == "prep" and prep.lower_ == "in" else []
            that = [c for noun in nouns for c in noun.children if _that_clause(c)]
            if prep.i > verb.i and that:
                clauses = that
                cue = tuple(sorted({*cue, *range(prep.i, that[0].head.i + 1)}))
    if not clauses:
        return None
    subject = find_subject(verb)
    if subject is None and verb.dep_ not in ("conj", "advcl", "parataxis", "ROOT"):
        return None
    if any(child.dep_ == "nsubjpass" and child.lower_ == "it" for child in verb.children):
        return None  # IMPERSONAL_PASSIVE: "It should be noted that ..." is the narrator's own voice
    subject = subject or controller_subject(verb)
    if subject is not None and subject.lower_ in EXPLETIVES and verb.lemma_.lower() in RAISING_VERBS:
        subject = None  # EXPLETIVE_IT: "it seems (that) ..." names no one, as PolNeAR marks it
    content: set[int] = set()
    for clause in clauses:
        content |= subtree(clause)
    # STATED_REASON: a "because" clause the parser hung on the cue after the reported clause ("Lee
    # said the vote failed because the hall was empty") is part of what was said
    for child in verb.children:
        if child.dep_ == "advcl" and child.i > max(content) and any(
                c.dep_ == "mark" and c.lower_ == "because" for c in child.children):
            content |= subtree(child)
    # a paragraph the parser glued on is not part of the clause (a quotation mark may still carry it)
    content = in_paragraph(verb.doc, content, verb.i) or content
    # quote marks hanging on the verb next to the content belong to it
    lo, hi = min(content), max(content)
    for child in verb.children:
        if child.is_punct and (child.i == lo - 1 or child.i == hi + 1 or child.i == hi + 2):
            if any(ch in child.text for ch in "“”«»„\"'‘’"):
                content.add(child.i)
    source = speaker_tokens(subject) if subject is not None else ()
    content -= set(source)
    content -= set(cue)
    return Match("VERB_WITH_CLAUSE", cue, source, _strip(verb.doc, content))


def _that_clause(token: Token) -> bool:
    """A clause introduced by the complementizer "that" (not a relative "that")."""
    return token.dep_ in ("acl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


# Nouns that name something said (NOMINAL_CUE with a "that" clause: "the ministry's claim that ...",
# "allegations that ..."), and nouns of belief, which report a statement only with a holder
# ("her fear that ...", but not the narrator's "amid fears that ...").
NOMINAL_CUES = frozenset("""claim statement assertion suggestion contention insistence allegation accusation
    charge warning promise pledge vow argument assurance admission denial prediction comment remark complaint
    recommendation announcement""".split())
BELIEF_NOUNS = frozenset("belief view opinion concern fear hope conclusion assessment".split())
NOUN_CUES = NOMINAL_CUES | BELIEF_NOUNS


def nominal_cue(noun: Token, lexicon: CueLexicon) -> Match | None:
    """NOMINAL_CUE: a noun of saying or believing with a complement "that" clause: `Moscow's claim that
    ...`, `allegations that ...`, `her fear that ...`; source = the possessor, content = the clause.
    Must not match a relative clause ("the claim that he made") or a belief noun with no possessor
    ("amid fears that ...")."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in NOUN_CUES or noun.dep_ == "ROOT":
        return None  # a noun parsed as the root: the clause has likely taken the sentence's verb
    clauses = [c for c in noun.children if _that_clause(c) and c.i > noun.i]
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if not clauses or not owners and lemma in BELIEF_NOUNS:
        return None
    source = speaker_tokens(owners[0]) if owners else ()
    content = in_paragraph(noun.doc, subtree(clauses[0]), noun.i)
    return Match("NOMINAL_CUE", (noun.i,), source, _strip(noun.doc, content))


def reporting_parenthetical(verb: Token, lexicon: CueLexicon) -> Match | None:
    """REPORTING_PARENTHETICAL: `..., Mukhin added.` where the cue verb hangs off the reported clause."""
    if verb.pos_ != "VERB" or not lexicon.is_bare_cue(verb.lemma_) or verb.dep_ != "parataxis":
        return None
    if any(child.dep_ in CONTENT_DEPS for child in verb.children):
        return None
    subject = find_subject(verb)
    if subject is None:
        return None
    # also mid-sentence: `The thing Rubio needs, aides said, is ...`
    content = in_paragraph(verb.doc, subtree(verb.head) - subtree(verb), verb.i)
    return Match("REPORTING_PARENTHETICAL", cue_tokens(verb), speaker_tokens(subject),
                 _strip(verb.doc, content))


# Right children a sentence-final cue may carry: "she said on Monday", "said Ann Lee, an analyst".
TRAILING_CUE_DEPS = frozenset({"nsubj", "prep", "npadvmod", "advmod", "punct", "agent", "dative"})


def trailing_cue(verb: Token, lexicon: CueLexicon) -> Match | None:
    """TRAILING_CUE: `..., she said.` / `..., said Ann Lee, an analyst.` closing a sentence that the
    parser did not hang on the verb (it made the cue an adverbial clause or the root).  The content is
    the sentence before the comma.  Must not match a cue with its own clause or object, or one
    followed by more of the sentence."""
    if verb.pos_ != "VERB" or lexicon.classes.get(verb.lemma_.lower()) != "speech":
        return None
    if any(child.dep_ not in TRAILING_CUE_DEPS | {"aux", "neg", "advmod"} for child in verb.children if child.i > verb.i):
        return None
    # the subject next to the verb (a misparse may give the verb a second one far to its left)
    subject = min((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in NON_SPEAKERS),
                  key=lambda c: abs(c.i - verb.i), default=None)
    if subject is None:
        return None
    sent = verb.sent
    first = min([subject.left_edge.i, *cue_tokens(verb)])
    comma = first - 1
    while comma > sent.start and any(ch in ALL_MARKS for ch in verb.doc[comma].text):
        comma -= 1
    if comma <= sent.start or verb.doc[comma].text != ",":
        return None
    content = in_paragraph(verb.doc, set(range(sent.start, comma)), comma)
    words = [verb.doc[i] for i in content]
    if not any(t.dep_ in ("nsubj", "nsubjpass") for t in words) or not any(t.pos_ in ("VERB", "AUX") for t in words):
        return None  # a clause, not a fronted adverbial ("In May, the rebels said ...")
    return Match("TRAILING_CUE", cue_tokens(verb), speaker_tokens(subject), _strip(verb.doc, content))


def as_said(verb: Token, lexicon: CueLexicon) -> Match | None:
    """AS_SAID: `as Putin said, ...` or `as the mayor put it, ...` (PolNeAR train: 12 of 14 such
    "as X put it" are cues; attribution overlap F1 +0.0004); the main clause is the content."""
    put_it = verb.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)
    if verb.pos_ != "VERB" or not (lexicon.is_bare_cue(verb.lemma_) or put_it) or verb.dep_ != "advcl":
        return None
    marks = [child for child in verb.children if child.dep_ == "mark"]
    if len(marks) != 1 or marks[0].lower_ != "as" or marks[0].i > verb.i:
        return None
    if any(child.dep_ == "advmod" and child.lower_ in ("soon", "long") for child in marks[0].children):
        return None
    subject = find_subject(verb)
    if subject is None or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    content = in_paragraph(verb.doc, subtree(verb.head) - subtree(verb), verb.i)
    clause = subtree(verb)
    if verb.i < verb.head.i:
        content = {i for i in content if i > max(clause)}  # not "In addition," before the as-clause
    cue = cue_tokens(verb)
    if put_it:  # "as she put it": PolNeAR's cue keeps "it"
        cue = tuple(sorted({*cue, *(c.i for c in verb.children if c.dep_ == "dobj")}))
    return Match("AS_SAID", cue, speaker_tokens(subject), _strip(verb.doc, content))


def according_to(token: Token) -> Match | None:
    """ACCORDING_TO: `According to him, ...` (cue = "according to", source = its object)."""
    if token.lower_ != "according":
        return None
    to = [child for child in token.children if child.lower_ == "to"]
    if not to:
        return None
    objects = [child for child in to[0].children if child.dep_ == "pobj"]
    if not objects:
        return None
    head = token.head
    while head.dep_ in ("prep",) and head.head is not head:
        head = head.head
    # a coordinated or contrasted sentence is attributed whole: "A won 40%, and B 30%, according to ..."
    while head.dep_ in ("conj", "advcl") and head.head is not head and token.i > head.head.i:
        head = head.head
    content = in_paragraph(token.doc, subtree(head) - subtree(token), token.i)
    if head.i == token.i or not content:
        return None
    source = speaker_tokens(objects[0])
    cut = _according_cut(objects[0], token.i < head.i)
    if cut is not None:
        if token.i < head.i:
            content |= {i for i in source if i > cut}
        source = tuple(i for i in source if i < cut)
    return Match("ACCORDING_TO", (token.i, to[0].i), source, _strip(token.doc, content))


# Nouns of a survey whose findings a sentence opening "In <the survey>," reports (IN_SURVEY).
SURVEY_NOUNS = frozenset({"poll", "survey"})


def in_survey(token: Token) -> Match | None:
    """IN_SURVEY: `In the latest survey, 40 percent back the levy.`: a sentence opening with "in" and
    a poll or survey reports what it found (cue = "In", source = the survey, content = the clause), as
    "according to" does.  Not a poll mid-sentence ("she leads in the polls" is the author's own)."""
    if token.lower_ != "in" or token.dep_ != "prep":
        return None
    start = token.sent.start
    while start < token.i and (token.doc[start].is_space or token.doc[start].is_punct):
        start += 1
    objects = [c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in SURVEY_NOUNS]
    if start != token.i or not objects:
        return None
    content = in_paragraph(token.doc, subtree(token.head) - subtree(token), token.i)
    if not content:
        return None
    return Match("IN_SURVEY", (token.i,), speaker_tokens(objects[0]), _strip(token.doc, content))


def _according_cut(source: Token, opening: bool) -> int | None:
    """ACCORDING_SOURCE: where the source of "according to" ends early.  A relative clause set off by a
    comma is not part of it ("according to the board, which meets monthly"); an opening "According
    to X, Y ..." whose Y the parser made an apposition of X (no comma closes it) ends at the comma,
    and Y is the content's.  "According to Ann Lee, a planner, the ..." keeps the apposition."""
    doc = source.doc
    for child in source.children:
        if child.i < source.i or doc[child.left_edge.i - 1].text != ",":
            continue
        if child.dep_ == "relcl":
            return child.left_edge.i - 1
        after = child.right_edge.i + 1
        if opening and child.dep_ == "appos" and (after >= len(doc) or doc[after].text != ","):
            return child.left_edge.i - 1
    return None



def passive_by(verb: Token, lexicon: CueLexicon) -> Match | None:
    """PASSIVE_BY: `This was announced by the foreign minister`."""
    if verb.pos_ != "VERB" or not lexicon.is_bare_cue(verb.lemma_):
        return None
    if not any(child.dep_ == "auxpass" for child in verb.children):
        return None
    agents = [child for child in verb.children if child.dep_ == "agent"]
    subjects = [child for child in verb.children if child.dep_ == "nsubjpass"]
    if not agents or not subjects:
        return None
    objects = [child for child in agents[0].children if child.dep_ == "pobj"]
    if not objects:
        return None
    content = subtree(subjects[0])
    if subjects[0].lower_ == "this" and len(content) == 1:
        # `X. This was stated by Putin`: the content is the previous sentence
        sent = verb.sent
        if sent.start > 0:
            previous = verb.doc[sent.start - 1].sent
            content = {t.i for t in previous if not t.is_space} or content
    return Match("PASSIVE_BY", cue_tokens(verb), speaker_tokens(objects[0]), _strip(verb.doc, content))


def colon_intro(verb: Token, lexicon: CueLexicon) -> Match | None:
    """COLON_INTRO: `He said: the West ...`; content = what follows the colon in the sentence."""
    if verb.pos_ != "VERB" or not lexicon.is_bare_cue(verb.lemma_):
        return None
    if any(child.dep_ in CONTENT_DEPS for child in verb.children):
        return None
    doc = verb.doc
    colon = next((t for t in doc[verb.i + 1: min(verb.i + 4, len(doc))] if t.text == ":"), None)
    if colon is None:
        return None
    subject = find_subject(verb)
    if subject is None:
        return None
    end = verb.sent.end
    content = in_paragraph(doc, set(range(colon.i + 1, end)), colon.i)
    if len(content) < 2:
        return None
    return Match("COLON_INTRO", cue_tokens(verb), speaker_tokens(subject), _strip(doc, content))


# Verbs whose direct object is the addressee, not what was said ("told reporters").
ADDRESSEE_VERBS = frozenset({"tell", "inform", "remind", "assure", "reassure", "warn", "urge", "thank", "address",
                             "ask", "advise", "instruct", "congratulate", "credit", "accuse", "blame"})
# Addressee verbs whose "of" phrase on the addressee is the topic ("warned drivers of ice"), unlike
# a noun's own "of" ("urged residents of the capital to ...", "told a story of ...", never a name).
TOPIC_OF_VERBS = frozenset({"warn", "accuse", "inform", "remind", "assure", "advise"})
# Prepositions whose object is the topic of a statement: "called for", "spoke about", "accused of",
# or its predicate: "praised X as a careful manager" (train content overlap F1 +0.0015).
TOPIC_PREPS = frozenset({"for", "about", "on", "against", "of", "to", "as"})
# Topic prepositions that are also place or direction ("appeared on the border", "went to Iowa"):
# a topic only after a speech verb ("spoke on", "wrote to") or call/point ("pointed to").
PLACE_PREPS = frozenset({"on", "to"})
# Verbs whose "to" phrase is what they mention ("referring to the senator", "alluded to the deal";
# PolNeAR train: "refer to" with no other complement is a cue 64 of 96 times).
MENTION_VERBS = frozenset({"refer", "allude"})
# Cue classes whose verbs take what was said as an object: speech verbs and the verbs PolNeAR
# annotates reliably ("endorsed Cruz", "declined to comment", "cited the report").
OBJECT_CLASSES = frozenset({"speech", "polnear"})
# Clause-only or thought verbs that PolNeAR train marks as cues with an object, topic phrase or
# infinitive (call 63%, expect 72%, hope 68%, point 66%, show 46% of such occurrences):
# "called for", "is expected to win", "pointed to", "polls show Clinton ahead".
OBJECT_EXTRA = frozenset({"call", "expect", "hope", "point", "show"})


def verb_with_object(verb: Token, lexicon: CueLexicon) -> Match | None:
    """VERB_WITH_OBJECT: `Trump blasted the deal`, `Lee called on both sides to ...`.

    Speech verbs (not thought verbs) whose object or topic phrase is what was said.  Must not
    match a verb with a clausal complement (VERB_WITH_CLAUSE does) or with no subject, and must
    not take an addressee ("told reporters") as content.
    """
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB":
        return None
    if lemma not in OBJECT_EXTRA and (not lexicon.is_bare_cue(lemma) or lexicon.classes.get(lemma) not in OBJECT_CLASSES):
        return None
    if any(child.dep_ in CONTENT_DEPS for child in verb.children):
        return None
    if relative_gap(verb) or reports_act(verb, lexicon):
        return None
    subject = find_subject(verb)
    if subject is None:
        return None
    content: set[int] = set()
    cue = set(cue_tokens(verb))
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in ("dobj", "dative") and lemma in ADDRESSEE_VERBS:
            # ADDRESSEE_TOPIC: "warned drivers of black ice", "accused the mayor of lying": the
            # topic hangs on the addressee and is what was said
            for word in child.children:
                if word.dep_ == "prep" and word.lower_ == "of" and lemma in TOPIC_OF_VERBS and not any(
                        c.pos_ == "PROPN" for c in word.children):
                    content |= subtree(word) - {word.i}
            if any(c.dep_ == "xcomp" and c.i > child.i for c in verb.children):
                content |= subtree(child)  # CONTROLLED_ADDRESSEE: "urged ferry crews to wait": both said
            continue
        if child.dep_ in ("dobj", "xcomp", "oprd"):
            content |= subtree(child)
        elif child.dep_ == "prep" and child.lower_ in TOPIC_PREPS and (
                lemma in OBJECT_EXTRA | MENTION_VERBS or lexicon.classes.get(lemma) == "speech"
                or child.lower_ not in PLACE_PREPS):
            content |= subtree(child) - {child.i}
            if child.i == verb.i + 1 or child.i - 1 in cue:
                cue.add(child.i)  # PolNeAR keeps the preposition in the cue: "called for", "spoke about"
    # OBJECT_TAIL: the verb's phrases right after its object belong to what was said ("demanded a vote
    # before the summer", "promised help at the first request"); not after a comma or dash.  Train:
    # content overlap F1 0.8354 -> 0.8363 (the same for learned cues: 0.8357, not taken)
    for child in verb.children:
        if content and child.dep_ in ("prep", "npadvmod", "advmod") and child.i > max(content) and not any(
                t.text in (",", ";", *DASHES) for t in verb.doc[max(content) + 1: child.i]):
            content |= subtree(child)
    source = speaker_tokens(subject)
    raised = raised_subject(verb)
    if raised is not None:
        source = ()
        content |= subtree(raised) if raised.lower_ not in EXPLETIVES else set()
    content = in_paragraph(verb.doc, content, verb.i)
    if not content:
        return None
    return Match("VERB_WITH_OBJECT", tuple(sorted(cue)), source, _strip(verb.doc, content))


# Verbs that raise their complement's subject ("the plan seems to work"): the author's judgement,
# not the subject's.
RAISING_VERBS = frozenset({"seem", "appear"})
EXPLETIVES = frozenset({"it", "there"})


def raised_subject(verb: Token) -> Token | None:
    """RAISED_SUBJECT: the subject of "seem"/"appear" with a predicate ("the plan seems to work",
    "voters appeared calm") or of a passive with an infinitive and no `by` agent ("the vote is
    expected to pass").  PolNeAR gives such attributions no source and puts the subject in the
    content (train: 150 of 211 "seem/appear" and 104 of 135 such passives).  Not when the
    infinitive reports a clause ("the mayor seems to think that ..."): its subject is a speaker."""
    children = list(verb.children)
    if any(c.dep_ in ("ccomp", "agent") for c in children) or any(
            g.dep_ == "ccomp" for c in children if c.dep_ == "xcomp" for g in c.children):
        return None  # "seems to think that ...": the subject reports the clause
    if verb.lemma_.lower() in RAISING_VERBS and any(c.dep_ in ("xcomp", "acomp", "attr", "oprd") for c in children):
        return next((c for c in children if c.dep_ == "nsubj"), None)
    if any(c.dep_ == "auxpass" for c in children) and any(c.dep_ == "xcomp" for c in children):
        return next((c for c in children if c.dep_ == "nsubjpass"), None)
    return None


VERB_PATTERNS = (verb_with_clause, reporting_parenthetical, as_said, passive_by, colon_intro, trailing_cue,
                 verb_with_object, nominal_cue)


# Complements of a learned cue that carry what is attributed (measured on PolNeAR train: share of
# the child's subtree inside the gold content, ccomp 0.90, oprd 0.86, xcomp 0.81, dobj 0.66).
LEARNED_CONTENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "oprd", "acomp"})
# Prepositional complements kept as content ("voted for", "cast him as", "worried about").
LEARNED_CONTENT_PREPS = frozenset({"for", "as", "about", "of", "with", "against", "on", "to"})
# A learned cue is reported only with a proposition: a clause ("found that ..."), an infinitive or
# predicative ("vowed to ...", "branded it a failure") or a topic ("spoke about ...").  PolNeAR also
# marks stances with a plain object ("Trump endorsed X"); they are left out so that every quote is
# a statement (CV on train: all-attribution overlap F1 0.759 with this gate, 0.769 without).
# Speech verbs of the lexicon (OBJECT_CLASSES) pass with any complement (0.770 -> 0.773).
STATEMENT_DEPS = frozenset({"ccomp", "xcomp", "oprd"})
# Verbs of phase and attempt: their infinitive or gerund is the act itself, not something said
# ("police started detaining protesters", "rebels tried to seize the airport").  PolNeAR train has
# 8 gold cues among them with such a complement against hundreds of uses.
ASPECTUAL_VERBS = frozenset({"begin", "start", "continue", "keep", "stop", "cease", "resume", "try",
                             "attempt", "fail", "manage", "finish"})
# Objects that are themselves something said: "released a statement", "made the case", "voiced
# concern", "laid out a plan".  A learned verb with one of these as its object reports it.
STATEMENT_NOUNS = frozenset({
    "statement", "comment", "remark", "claim", "argument", "case", "message", "criticism", "point", "view",
    "concern", "endorsement", "warning", "proposal", "accusation", "allegation", "complaint", "praise",
    "support", "plan", "promise", "pledge", "vow", "demand", "call", "appeal", "threat",
    "assessment", "prediction", "forecast", "conclusion", "opinion", "position", "stance", "idea", "vision",
    "explanation", "defense", "announcement", "letter", "ad", "evidence", "finding", "detail"})
# Verbs of regarding and depicting: with an object and an "as" predicate they state a judgement
# ("they see the plan as a trap", "she cast him as reckless", "it is viewed as a risk"), unlike
# acts of choosing or recognizing ("chose her as chair", "recognized him as president").
CHARACTERIZE_VERBS = frozenset({
    "see", "view", "regard", "cast", "paint", "portray", "depict", "frame", "characterize", "characterise",
    "describe", "brand", "label", "dub", "tout", "hail", "bill", "present", "define", "identify", "rank",
    "rate", "remember", "perceive", "picture", "envision", "imagine", "consider", "treat", "dismiss",
    "denounce", "criticize", "praise", "condemn", "deride", "mock", "blast", "attack", "slam", "pitch",
    "position", "peg", "style", "interpret", "know", "lambast", "savage", "trash", "herald", "laud",
    "ridicule", "caricature", "assail"})


# Verbs of speaking outside the lexicon whose "of" phrase is the topic ("spoke of a new era"; PolNeAR
# train: "speak of" 13 of 20 gold cues; attribution overlap F1 +0.0003 in-sample).
SPEAKING_VERBS = frozenset({"speak", "talk"})


def characterizes(verb: Token) -> bool:
    """CHARACTERIZATION: a verb of regarding or depicting with an object (or a passive subject) that
    an "as" phrase describes: "voters see her as aloof", "he was painted as weak"."""
    return verb.lemma_.lower() in CHARACTERIZE_VERBS and any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)


# Subjects of "be" + clause that name something said or believed: "her answer was that ...".
SAID_SUBJECTS = NOUN_CUES | STATEMENT_NOUNS | {"response", "answer", "reply", "slogan", "advice", "motto"}
# Pronouns that do not hold a stance ("it is clear that ...", "this was why ...").
# Nouns for an utterance: its possessor is the speaker (OWNER_OF_STATEMENT); not a document or program
# ("her plan", "his letter"), which PolNeAR keeps whole as the source.
UTTERANCES = NOUN_CUES | {"comment", "remark", "response", "answer", "reply", "advice", "argument", "point",
                          "criticism", "praise", "demand", "call", "appeal", "threat", "explanation", "message"}
IMPERSONAL = frozenset({"it", "this", "that", "which", "what", "there"})


def narrator_copula(verb: Token) -> bool:
    """NARRATOR_COPULA: "be" with a clause is the author's own judgement ("it is clear that ...",
    "the question is whether ...") unless its subject names something said or believed ("her answer
    was that ...") or a speaker holds an adjective stance ("she was adamant that ...").  PolNeAR
    train: 46 fewer quotes, 35 of them on no gold cue; attribution overlap F1 +0.0003 in-sample."""
    if verb.lemma_ != "be" or not any(c.dep_ == "ccomp" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return True
    stance = any(c.dep_ == "acomp" for c in verb.children) and subject.pos_ in ("PROPN", "PRON")
    return not (subject.lemma_.lower() in SAID_SUBJECTS or stance and subject.lower_ not in IMPERSONAL)


def _adjective_stances(verb: Token) -> list[Token]:
    """"is confident that ...", "was careful not to ...": an adjective with a clause or topic."""
    return [child for child in verb.children if child.dep_ == "acomp" and child.i > verb.i
            and any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("about", "of"))
                    for c in child.children)]


def states_something(verb: Token, lexicon: CueLexicon) -> bool:
    """The statement gate: a lexicon speech verb, an adjective stance with a clause, or a
    statement-like complement (STATEMENT_DEPS but not an aspectual verb's infinitive, an "about"
    topic, a speaking verb's "of" topic, CHARACTERIZATION's "as", an object in STATEMENT_NOUNS)."""
    if lexicon.classes.get(verb.lemma_.lower()) in OBJECT_CLASSES or _adjective_stances(verb):
        return True  # "accused him of lying"
    return any(
        (child.dep_ in STATEMENT_DEPS and not (child.dep_ == "xcomp" and verb.lemma_.lower() in ASPECTUAL_VERBS))
        or (child.dep_ == "prep" and child.lower_ == "about")
        or (child.dep_ == "prep" and child.lower_ == "of" and verb.lemma_.lower() in SPEAKING_VERBS)
        or (child.dep_ == "prep" and child.lower_ == "as" and characterizes(verb))
        or (child.dep_ == "dobj" and child.lemma_.lower() in STATEMENT_NOUNS)
        for child in verb.children if child.i > verb.i or child.dep_ == "ccomp")


# Prepositions whose object a stance is about ("voted for", "campaigned against", "sided with").
STANCE_PREPS = frozenset({"for", "against", "with", "behind"})


def _stance_object(verb: Token) -> bool:
    """A stance is held on something: an object that is not an addressee ("backed the plan", not
    "addressed a rally"), an infinitive or predicate, or a for/against/with phrase; a place phrase
    alone ("addressed a crowd on the square") is none."""
    return any(child.i > verb.i and (
        child.dep_ == "dobj" and verb.lemma_.lower() not in ADDRESSEE_VERBS
        or child.dep_ in ("xcomp", "oprd", "acomp") or child.dep_ == "prep" and child.lower_ in STANCE_PREPS)
        for child in verb.children)


def learned_cue(verb: Token, lexicon: CueLexicon, stance: Callable[[Token], bool] | None = None) -> Match | None:
    """LEARNED_CUE: a verb the cue model accepts; content = its complements, source = its subject
    (or the `by` agent of a passive).  Must not match a verb that fails the statement gate
    (`states_something`: "the senator backed the bill" is a stance) unless `stance`, the learned
    stance gate, passes it (LEARNED_STANCE); nor an impersonal passive ("it is noted that"), nor
    ACT_GATE or NARRATOR_COPULA."""
    if reports_act(verb, lexicon):
        return None
    if narrator_copula(verb):
        return None
    pattern = "LEARNED_CUE"
    if not states_something(verb, lexicon):
        if stance is None or not _stance_object(verb) or not stance(verb):
            return None
        pattern = "LEARNED_STANCE"
    stance_words = _adjective_stances(verb)
    if any(child.dep_ == "nsubjpass" and child.lower_ == "it" for child in verb.children):
        return None  # IMPERSONAL_PASSIVE, as in verb_with_clause
    if relative_gap(verb):
        return None
    doc = verb.doc
    cue = set(cue_tokens(verb))
    content: set[int] = set()
    source: tuple[int, ...] = ()
    subject = find_subject(verb)
    if subject is not None:
        source = speaker_tokens(subject)
    for child in verb.children:
        if child.dep_ == "agent" and not source:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                source = speaker_tokens(objects[0])
        elif child.dep_ == "ccomp" or child.dep_ == "nsubjpass" and child.lower_ != "it":
            # also a clause before the verb ("..., polls suggest") and a passive's subject ("X is
            # considered an asset"; train content overlap F1 +0.0007), never an impersonal "it"
            content |= subtree(child)
        elif child.i < verb.i or child.dep_ == "dobj" and verb.lemma_.lower() in ADDRESSEE_VERBS:
            continue  # "told a story", "told reporters": not what was said
        elif child in stance_words:
            cue.add(child.i)  # "is confident that ...": the adjective is part of the cue
            content |= subtree(child) - {child.i} - {t.i for t in child.lefts}
            for word in child.children:
                if word.dep_ == "prep" and word.i == child.i + 1:  # "worried about"
                    cue.add(word.i)
                    content.discard(word.i)
        elif child.dep_ in LEARNED_CONTENT_DEPS:
            content |= subtree(child)
        # on/to after a lexicon verb that is not a speech verb is a place ("appeared on the border");
        # verbs outside the lexicon ("spoke on") keep it (train attribution overlap F1 -0.0004)
        elif child.dep_ == "prep" and child.lower_ in LEARNED_CONTENT_PREPS and not (
                child.lower_ in PLACE_PREPS and verb.lemma_.lower() not in OBJECT_EXTRA | MENTION_VERBS
                and lexicon.classes.get(verb.lemma_.lower(), "speech") != "speech"):
            content |= subtree(child) - {child.i}
            if child.i - 1 in cue:
                cue.add(child.i)
    controller = None if source else controller_subject(verb)
    if controller is not None:
        source = speaker_tokens(controller)
    raised = raised_subject(verb)
    if raised is not None:
        source = ()
        content |= subtree(raised) if raised.lower_ not in EXPLETIVES else set()
    content = in_paragraph(doc, content - set(source) - cue, verb.i)
    if not content:
        return None
    return Match(pattern, tuple(sorted(cue)), source, _strip(doc, content))

