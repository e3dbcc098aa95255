"""Quotes stage (issue 4): each construction, negative cases, offsets, determinism, broken marks.

Every sentence here is written for the test; none comes from a corpus or the seed article.
"""

from __future__ import annotations

import pytest

from presswatch.quotes import ASSIGNS, REQUIRES, extract_quotes, make_component
from presswatch.quotes.marks import find_quoted
from presswatch.quotes.rules import load_cue_lexicon
from presswatch.records import Document, Entity, Span, make_span

pytestmark = pytest.mark.issue(4) if hasattr(pytest.mark, "issue") else []


@pytest.fixture(scope="module")
def nlp():
    from presswatch.nlp import load_language

    return load_language()


def quotes_of(nlp, text: str, entities: tuple[Entity, ...] = ()):
    document = Document.from_text(text)
    return extract_quotes(document, nlp(text), entities)


def only(quotes):
    assert len(quotes) == 1, quotes
    return quotes[0]


def named(text: str, name: str, kind: str) -> Entity:
    """Entity "e1" with one mention: the first occurrence of `name` in `text`."""
    start = text.index(name)
    return Entity(id="e1", name=name, type=kind, actor=None, mentions=(make_span(text, start, start + len(name)),))


# --- the quotation-mark scanner -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("He said “a “b” c” then.", ["“a “b” c”"]),                        # nested curly quotes
    ("«Nous sommes prêts» a-t-il dit.", ["«Nous sommes prêts»"]),         # guillemets
    ("Er sagte „Wir sind bereit“ gestern.", ["„Wir sind bereit“"]),        # German low-high
    ('She said "we are ready" today.', ['"we are ready"']),               # straight double
    ("She said 'we are ready' today.", ["'we are ready'"]),               # straight single
    ("She said ‘we are ready’ today.", ["‘we are ready’"]),               # curly single
    ("They said ''we are ready'' today.", ["''we are ready''"]),          # doubled apostrophes
    ("The country’s leader doesn't care.", []),                           # apostrophes only
    ("“One.\n\nTwo.\n\nThree,” he said.", ["“One.\n\nTwo.\n\nThree,”"]),  # multi-paragraph, closed at the end
    ("“One.\n\n“Two,” he said.", ["“One.\n\n“Two,”"]),                    # reopened each paragraph
])
def test_find_quoted(text, expected):
    assert [text[s:e] for s, e in find_quoted(text)] == expected


@pytest.mark.parametrize("text", ["“", "”", "”x“", "“open\n\nnever closed", "\"", "''", "« »", "“a ” b “ c"])
def test_find_quoted_unbalanced_never_crashes_or_swallows(text):
    ranges = find_quoted(text)
    for start, end in ranges:
        assert 0 <= start < end <= len(text)
        assert "\n\n" not in text[start:end] or text[start:end].count("“") > 1


def test_unclosed_quote_stops_at_paragraph_end():
    text = "“Broken quote here.\n\nNarration. And “fine”."
    assert [text[s:e] for s, e in find_quoted(text)] == ["“Broken quote here.", "“fine”"]


# --- constructions ------------------------------------------------------------------------------

def test_direct_speaker_after(nlp):
    text = "“We will not give up the fight,” the prime minister said on Monday."
    q = only(quotes_of(nlp, text))
    assert q.kind == "direct"
    assert q.content.text == "“We will not give up the fight,”"
    assert q.cue.text == "said"
    assert q.speaker.text == "the prime minister"


def test_direct_speaker_before_with_colon(nlp):
    text = "The minister said: “We will not give up the fight.”"
    q = only(quotes_of(nlp, text))
    assert q.kind == "direct"
    assert "We will not give up the fight" in q.content.text
    assert q.cue.text.startswith("said")
    assert q.speaker.text == "The minister"


def test_direct_speaker_in_middle(nlp):
    text = "“We are ready,” Anna Petrova said, “to talk to anyone who wants peace.”"
    q = only(quotes_of(nlp, text))
    assert q.content.start == 0 and q.content.end == len(text)
    assert q.speaker.text == "Anna Petrova"
    assert q.kind == "direct"


def test_multi_paragraph_quote_without_closing_marks(nlp):
    text = ("“Our neighbours are facing hard times.\n\nThe harvest failed twice in a row.\n\n"
            "Nobody can ignore that any longer,” the governor explained.")
    q = only(quotes_of(nlp, text))
    assert q.content.text.startswith("“Our neighbours")
    assert q.content.text.endswith("longer,”")
    assert q.speaker.text == "the governor"
    assert q.cue.text == "explained"


def test_indirect_that_clause(nlp):
    text = "Maria Lopez stressed that the new bridge will open next year."
    q = only(quotes_of(nlp, text))
    assert q.kind == "indirect"
    assert q.content.text == "that the new bridge will open next year"
    assert q.cue.text == "stressed"
    assert q.speaker.text == "Maria Lopez"


def test_according_to(nlp):
    text = "According to him, the talks will resume in the spring."
    q = only(quotes_of(nlp, text))
    assert q.cue.text == "According to"
    assert q.speaker.text == "him"
    assert q.content.text == "the talks will resume in the spring"


def test_trailing_reporting_clause(nlp):
    text = "The border will stay closed until further notice, the mayor added."
    q = only(quotes_of(nlp, text))
    assert q.content.text == "The border will stay closed until further notice"
    assert q.cue.text == "added"
    assert q.speaker.text == "the mayor"


def test_as_said(nlp):
    text = "In addition, as the spokesman said, the prices of bread will rise."
    q = only(quotes_of(nlp, text))
    assert q.cue.text == "said"
    assert q.speaker.text == "the spokesman"
    assert q.content.text == "the prices of bread will rise"


def test_speaker_with_relative_clause(nlp):
    # PolNeAR's convention: the comma-set relative clause and its closing comma are in the source;
    # the entity still comes from the head word
    text = "Tom Baker, who chairs the committee, said that the vote was postponed."
    q = only(quotes_of(nlp, text, (named(text, "Tom Baker", "PERSON"),)))
    assert q.speaker.text == "Tom Baker, who chairs the committee,"
    assert q.speaker.entity == "e1"
    assert q.content.text == "that the vote was postponed"


def test_relative_clause_that_is_an_attribution_stays_out_of_the_speaker(nlp):
    # RELATIVE_ATTRIBUTION: "who had warned of delays" is a quote of its own, so the later speaker
    # is the name alone (a descriptive clause stays in: the test above)
    text = "Marta Lindqvist, who had warned of delays, said the harbour tunnel would open in May."
    by_cue = {q.cue.text: q for q in quotes_of(nlp, text)}
    assert by_cue["said"].speaker.text == "Marta Lindqvist"
    assert by_cue["said"].content.text == "the harbour tunnel would open in May"
    assert by_cue["had warned of"].speaker.text == "who"


def test_stray_subject_after_a_trailing_cue(nlp):
    # STRAY_SUBJECT: the parser makes the speaker after "says" the subject of the next paragraph's verb
    text = ("“They have no plan” beyond the next vote, says Ivo Marsh, a consultant with Brightline Media "
            "in Dover, Del.\n\nThat help comes at a price and buys less airtime.")
    q = only(quotes_of(nlp, text))
    assert q.speaker.text.startswith("Ivo Marsh, a consultant with Brightline Media")
    assert q.content.text == "“They have no plan” beyond the next vote"


def test_stray_subject_does_not_replace_a_subject(nlp):
    q = only(quotes_of(nlp, "“We tried,” she said, and Ivo Marsh nodded."))
    assert q.speaker.text == "she"


@pytest.mark.parametrize("text, subject", [
    ("The new ferry seems to run behind schedule most mornings.", "The new ferry"),
    ("Farmers appeared calm after the storm.", "Farmers"),
])
def test_raised_subject_is_content_not_speaker(nlp, text, subject):
    # RAISED_SUBJECT: "X seems to ..." is the author's judgement about X (PolNeAR: no source)
    q = only(quotes_of(nlp, text))
    assert q.speaker is None
    assert q.content.text.startswith(subject)


@pytest.mark.parametrize("text, speaker", [
    ("Port officials expect the new ferry to run late all winter.", "Port officials"),
    ("The mayor seems to think the tunnel will open in May.", "The mayor"),
])
def test_raised_subject_keeps_real_speakers(nlp, text, speaker):
    # an active verb's subject, and the subject of an infinitive that reports a clause, still speak
    assert speaker in {q.speaker.text for q in quotes_of(nlp, text) if q.speaker}


@pytest.mark.parametrize("text", [
    "It seems that the night ferry will stop running in March.",
    "It appears the harbour board has run out of money for the pier.",
])
def test_expletive_it_is_no_speaker(nlp, text):
    # EXPLETIVE_IT: the empty "it" of "it seems (that) ..." names no one (PolNeAR: no source)
    q = only(quotes_of(nlp, text))
    assert q.cue.text in ("seems", "appears")
    assert q.speaker is None


def test_expletive_it_leaves_real_subjects(nlp):
    # a named subject of a clause cue, and a referential "it" of a speech verb, still speak
    q = only(quotes_of(nlp, "The harbour master says that the night ferry will stop running in March."))
    assert q.speaker.text == "The harbour master"
    q = only(quotes_of(nlp, "The board met on Monday. It said that the pier would reopen in May."))
    assert q.speaker.text == "It"


def _hand_parsed(nlp, rows):
    """A Doc with a given parse, rows of (word, head index, label, part of speech, tag, lemma): the
    parser hangs a reason clause on the cue only in long sentences, so these tests fix the tree."""
    from spacy.tokens import Doc

    words, heads, deps, pos, tags, lemmas = (list(column) for column in zip(*rows, strict=True))
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


# "Lee said the pier closed <mark> the posts rotted ." with the <mark> clause hung on "said"
def _reason_after(mark):
    return [("Lee", 1, "nsubj", "PROPN", "NNP", "Lee"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("the", 3, "det", "DET", "DT", "the"), ("pier", 4, "nsubj", "NOUN", "NN", "pier"),
            ("closed", 1, "ccomp", "VERB", "VBD", "close"), (mark, 8, "mark", "SCONJ", "IN", mark),
            ("the", 7, "det", "DET", "DT", "the"), ("posts", 8, "nsubj", "NOUN", "NNS", "post"),
            ("rotted", 1, "advcl", "VERB", "VBD", "rot"), (".", 1, "punct", "PUNCT", ".", ".")]


# "Because the posts rotted , Lee said the pier closed ."
REASON_BEFORE = [("Because", 3, "mark", "SCONJ", "IN", "because"), ("the", 2, "det", "DET", "DT", "the"),
                 ("posts", 3, "nsubj", "NOUN", "NNS", "post"), ("rotted", 6, "advcl", "VERB", "VBD", "rot"),
                 (",", 6, "punct", "PUNCT", ",", ","), ("Lee", 6, "nsubj", "PROPN", "NNP", "Lee"),
                 ("said", 6, "ROOT", "VERB", "VBD", "say"), ("the", 8, "det", "DET", "DT", "the"),
                 ("pier", 9, "nsubj", "NOUN", "NN", "pier"), ("closed", 6, "ccomp", "VERB", "VBD", "close"),
                 (".", 6, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("rows, expected", [
    (_reason_after("because"), "the pier closed because the posts rotted"),  # STATED_REASON: what was said
    (_reason_after("when"), "the pier closed"),                            # dates the saying
    (REASON_BEFORE, "the pier closed"),                                   # the author's framing
])
def test_stated_reason(nlp, rows, expected):
    from presswatch.quotes.rules import verb_with_clause

    doc = _hand_parsed(nlp, rows)
    said = next(t for t in doc if t.text == "said")
    match = verb_with_clause(said, load_cue_lexicon())
    assert doc[min(match.content): max(match.content) + 1].text == expected


@pytest.mark.parametrize("text, speaker", [
    # a dash-set apposition keeps its closing dash, as a comma-set one keeps its comma
    ("Ivo Marsh — a ferry captain from Tarn — says the harbour is too shallow.",
     "Ivo Marsh — a ferry captain from Tarn —"),
    # a floating quantifier belongs to the cue, not the speaker
    ("Lee and Ruiz both said the bridge will reopen on Friday.", "Lee and Ruiz"),
    # DATELINE: the credit line before the dash is not the speaker
    ("DOVER, Del. (AP) — Governor Ann Lee said the bridge will reopen on Friday.", "Governor Ann Lee"),
])
def test_speaker_span_conventions(nlp, text, speaker):
    assert only(quotes_of(nlp, text)).speaker.text == speaker


def test_nearest_of_two_parsed_subjects(nlp):
    # the parser gives "said" two subjects (the label and the report); the one next to the verb speaks
    text = "Editor’s Note: A report on Friday about the harbour tunnel said that it would open in May."
    assert only(quotes_of(nlp, text)).speaker.text == "A report on Friday about the harbour tunnel"


def test_subject_split_by_the_parser_at_a_hyphenated_name(nlp):
    # a parse (written out here) that cuts "Ak-Sai" off "Residents of the village of" as two more
    # subjects: the phrase with the dangling "of" is the speaker, and the name completes it
    from spacy.tokens import Doc

    words = ["Residents", "of", "the", "village", "of", "Ak", "-", "Sai", "told", "reporters", "that", "houses",
             "burned", "."]
    doc = Doc(nlp.vocab, words=words,
              spaces=[True, True, True, True, True, False, False, True, True, True, True, True, False, False],
              heads=[8, 0, 3, 1, 3, 8, 8, 8, 8, 8, 12, 12, 8, 8],
              deps=["nsubj", "prep", "det", "pobj", "prep", "nsubj", "punct", "nsubj", "ROOT", "dobj", "mark",
                    "nsubj", "ccomp", "punct"],
              pos=["NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "VERB", "NOUN", "SCONJ", "NOUN",
                   "VERB", "PUNCT"],
              lemmas=["resident", "of", "the", "village", "of", "Ak", "-", "Sai", "tell", "reporter", "that", "house",
                      "burn", "."])
    q = only(extract_quotes(Document.from_text(doc.text), doc, ()))
    assert q.speaker.text == "Residents of the village of Ak-Sai"
    assert q.content.text == "that houses burned"


@pytest.mark.parametrize("text, speaker", [
    ("Lee Vows ‘No More Delays’ On Bridge\n\nGovernor Ann Lee told reporters on Tuesday that the bridge "
     "would reopen on Friday.", "Governor Ann Lee"),
    ("Lee: ‘We Will Not Wait.’\n\nTuesday in Dover, Gov. Ann Lee (D-Del.), said, “The bridge opens Friday.”",
     "Gov. Ann Lee (D-Del.)"),
])
def test_adjacent_subject_when_a_headline_is_glued_on(nlp, text, speaker):
    # ADJACENT_SUBJECT: the parser made the headline the subject; the speaker is in the cue's paragraph
    by_cue = {q.cue.text: q for q in quotes_of(nlp, text)}
    assert by_cue[next(c for c in by_cue if c in ("told", "said"))].speaker.text == speaker


def test_speaker_keeps_closing_bracket(nlp):
    text = "Rep. Dana Holt (D-Ore.) said the bill would pass easily."
    q = only(quotes_of(nlp, text))
    assert q.speaker.text == "Rep. Dana Holt (D-Ore.)"


@pytest.mark.parametrize("text, speaker, content", [
    # a closing cue after a comma
    ("For months the town has tried to find money for a new bridge and a school, the mayor said.",
     "the mayor", "For months the town has tried to find money for a new bridge and a school"),
    ("The rally drew a bigger crowd than any other event this year, said Ines Morel, a local organiser.",
     "Ines Morel, a local organiser", "The rally drew a bigger crowd than any other event this year"),
])
def test_trailing_cue(nlp, text, speaker, content):
    q = only(quotes_of(nlp, text))
    assert q.cue.text == "said"
    assert q.speaker.text == speaker
    assert q.content.text == content


def test_trailing_cue_on_a_misparse(nlp):
    # the parse the rule exists for: the closing "said" hangs on the clause as an adverbial clause
    from spacy.tokens import Doc

    from presswatch.quotes.rules import trailing_cue

    words = ["The", "talks", "are", "over", ",", "she", "said", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True, True, True, False, True, True, False, False],
              heads=[1, 2, 2, 2, 2, 6, 2, 2], deps=["det", "nsubj", "ROOT", "acomp", "punct", "nsubj", "advcl", "punct"],
              pos=["DET", "NOUN", "AUX", "ADJ", "PUNCT", "PRON", "VERB", "PUNCT"],
              lemmas=["the", "talk", "be", "over", ",", "she", "say", "."], sent_starts=[1, 0, 0, 0, 0, 0, 0, 0])
    match = trailing_cue(doc[6], load_cue_lexicon())
    assert match is not None and match.pattern == "TRAILING_CUE"
    assert [doc[i].text for i in match.source] == ["she"]
    assert [doc[i].text for i in match.content] == ["The", "talks", "are", "over"]


def test_trailing_cue_needs_a_closing_position(nlp):
    # the cue is followed by more sentence and has an object: not a closing report
    assert not [q for q in quotes_of(nlp, "After the game, he said goodbye to the team and left.")
                if q.cue and q.cue.text == "said" and "game" in q.content.text]


def test_passive_with_agent_takes_previous_sentence(nlp):
    text = "The river is rising fast. This was stated by the regional governor."
    q = only(quotes_of(nlp, text))
    assert q.content.text == "The river is rising fast"
    assert q.speaker.text == "the regional governor"


def test_mixed_quote(nlp):
    text = 'The senator said that "reckless spending" had ruined the city budget.'
    q = only(quotes_of(nlp, text))
    assert q.kind == "mixed"


def test_continuation_in_next_paragraph_keeps_speaker(nlp):
    text = ("“We have done everything we could,” the coach said.\n\n"
            "“The players gave their best in every single game this season.”")
    q = only(quotes_of(nlp, text))
    assert q.content.text.endswith("season.”")
    assert q.speaker.text == "the coach"


def test_inverted_speaker_after_closing_mark(nlp):
    text = "“The plan has failed completely,” concluded the analyst."
    q = only(quotes_of(nlp, text))
    assert q.speaker.text == "the analyst"


def test_speaker_entity_from_overlapping_mention(nlp):
    text = "Anna Petrova said that the plant will close."
    doc = nlp(text)
    q = only(extract_quotes(Document.from_text(text), doc, (named(text, "Anna Petrova", "PERSON"),)))
    assert q.speaker.entity == "e1"
    other = Entity(id="e2", name="Paris", type="GPE", actor=None, mentions=(Span(30, 35, "plant"),))
    q = only(extract_quotes(Document.from_text(text), doc, (other,)))
    assert q.speaker.entity is None



def test_learned_cue_with_clause(nlp):
    # "remember" is not in the cue lexicon: the trained cue model finds it
    text = "The mayor remembered that the bridge had been closed for a decade."
    q = only(quotes_of(nlp, text))
    assert q.cue.text == "remembered"
    assert q.speaker.text == "The mayor"
    assert q.content.text == "that the bridge had been closed for a decade"
    assert q.kind == "indirect"


def test_continuation_after_long_reporting_sentence(nlp):
    text = ("“The plan is dead,” the minister said during a long evening debate in the capital. "
            "“We will write a better one next month, with help from the regions.”")
    quotes = quotes_of(nlp, text)
    first = quotes[0]
    assert first.speaker.text == "the minister"
    assert first.content.text.endswith("regions.”")
    assert first.kind == "direct"  # the narration between the two quoted parts is not content


def test_according_to_covers_coordinated_sentence(nlp):
    text = "Turnout rose in the north, and it fell sharply in the south, according to the election office."
    q = only(quotes_of(nlp, text))
    assert q.content.text == "Turnout rose in the north, and it fell sharply in the south"
    assert q.speaker.text == "the election office"



def test_short_quoted_sentence_continues(nlp):
    text = "“The budget is a mess,” the treasurer said at the meeting. “Fix it now.”"
    q = only(quotes_of(nlp, text))
    assert q.content.text.endswith("“Fix it now.”")
    assert q.speaker.text == "the treasurer"


def test_nested_cue_inside_quote_is_not_a_quote(nlp):
    text = "“I think we can still win the county,” the candidate said on the radio."
    q = only(quotes_of(nlp, text))
    assert q.speaker.text == "the candidate"


def test_nested_named_third_party_is_kept(nlp):
    text = "“Governor Hale promised that the clinic will reopen,” the health office said."
    speakers = {q.speaker.text for q in quotes_of(nlp, text)}
    assert speakers == {"the health office", "Governor Hale"}



def test_learned_adjective_stance_with_clause(nlp):
    text = "The coach was confident that the team would recover by spring."
    q = only(quotes_of(nlp, text))
    assert q.cue.text == "was confident"
    assert q.speaker.text == "The coach"
    assert q.content.text == "that the team would recover by spring"



def test_speaker_in_previous_sentence(nlp):
    text = ("The senator described her plan to the farmers on Friday. "
            "“Every county will get a new clinic before the winter.”")
    quotes = quotes_of(nlp, text)
    last = quotes[-1]
    assert last.content.text == "“Every county will get a new clinic before the winter.”"
    assert last.speaker.text == "The senator"
    assert last.kind == "direct"



def test_name_colon_headline_quote(nlp):
    text = "Headlines of the day\n\nMaria Lopez: “Our town deserves a second bridge”\n\nMore news follows."
    q = only(quotes_of(nlp, text))
    assert q.speaker.text == "Maria Lopez"
    assert q.cue.text == ":"
    assert q.content.text == "“Our town deserves a second bridge”"


# --- what must not be a quote -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The river flooded three villages last spring.",
    'Some countries recognized the "elected" president.',       # scare quotes
    "He told a long story about his childhood.",                # speech verb, no content clause
    "It should be noted that the bridge is old.",               # narrator's impersonal passive
    "It is widely remembered that the bridge was old.",         # impersonal passive, learned cue
    "The mayor supported the new budget.",                      # a stance, not a statement
    "The road was wide and empty.",                             # an adjective without a clause
    "The menu: “fresh fish of the day” and bread.",             # a colon after a common noun
    "The river rose overnight. “Nobody had seen water this high in the spring.”",  # no speaker before
    "As soon as the meeting ended, the crowd left the square.",
    "The company’s profits rose by 5% in the third quarter.",
    "Two neighbouring countries openly supported the opposition.",  # a group, not something said
    "The rebels signed a protocol on the ceasefire.",             # an act, not a statement
    "Border guards started searching every lorry at the crossing.",  # a phase verb: the act itself
    "The militia tried to take the bridge before dawn.",         # an attempt, not a statement
    "Workers kept blocking the gates of the plant.",
])
def test_not_quotes(nlp, text):
    assert quotes_of(nlp, text) == ()


# --- contract ----------------------------------------------------------------------------------

CONTRACT_TEXTS = [
    "",
    "   \n\n  ",
    "“Unclosed quote runs on\n\nand on, the minister said",
    "” stray closing mark, he said “ and a stray opening one",
    "'' '' ' ' \" \" « » „ “ ‘ ’",
    "“A,” she said. “B is here,” he added. According to them, C. As she noted, D.",
]


@pytest.mark.parametrize("text", CONTRACT_TEXTS)
def test_offsets_valid_and_deterministic(nlp, text):
    first = quotes_of(nlp, text)
    second = quotes_of(nlp, text)
    assert first == second
    for number, quote in enumerate(first, start=1):
        assert quote.id == f"q{number}"
        assert quote.kind in ("direct", "indirect", "mixed")
        for span in (quote.content, quote.cue, quote.speaker):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
                assert span.text == text[span.start:span.end]
    assert [q.content.start for q in first] == sorted(q.content.start for q in first)


def test_stage_interface(nlp):
    assert REQUIRES == ("document", "parsed", "entities") and ASSIGNS == "quotes"
    component = make_component(nlp)
    text = "The mayor said that the roads are clear."
    document = Document.from_text(text)
    out = component(document=document, parsed=nlp(text), entities=())
    assert isinstance(out, tuple) and len(out) == 1
    assert document.text == text  # input not mutated


def test_cue_model_is_verified_and_versioned(nlp):
    from presswatch.quotes.cuemodel import load_cue_model

    model = load_cue_model()
    assert model.version and 0.0 < model.threshold < 1.0
    doc = nlp("The council argued that taxes must fall, and the river rose.")
    argued, rose = doc[2], doc[10]
    assert model.probability(argued) > model.threshold > model.probability(rose)
    assert model.probability(doc[1]) == 0.0  # a noun is not a candidate


def test_cue_features_describe_the_construction(nlp):
    # the cue model sees what the verb governs: a predicate adjective with its preposition, the
    # object's lemma, an infinitive's verb and the subject's kind, each beside the neighbourhood
    from presswatch.quotes.cuemodel import cue_features, verb_features

    doc = nlp("Councillor Mira Osei was openly scornful of the new harbour levy.")
    verb = next(t for t in doc if t.lemma_ == "be")
    names = set(cue_features(verb))
    assert set(verb_features(verb)) < names
    assert {"pred=scornful", "pred_prep=scornful|of", "pred_shape=acomp|of|-", "kind=person", "lemma_kind=be|person"} <= names
    doc = nlp("The two guilds voiced doubts and vowed to delay the vote.")
    names = set(cue_features(next(t for t in doc if t.lemma_ == "voice")))
    assert {"obj=doubt", "lemma_obj=voice|doubt", "lemma_shape=voice|dobj"} <= names
    assert "lemma_xcomp=vow|delay" in cue_features(next(t for t in doc if t.lemma_ == "vow"))


def test_cue_lexicon_is_verified_and_versioned():
    lexicon = load_cue_lexicon()
    assert lexicon.version
    assert lexicon.is_cue("say") and lexicon.is_cue("stress")
    assert not lexicon.is_cue("eat")


def test_cue_conjoined_to_reported_clause_keeps_the_reporter(nlp):
    # the parser may hang "urged" on the reported clause; its speaker is still the minister
    text = ("The minister added that cheap energy and open roads are vital for the growth of the "
            "northern towns, and urged the mayors to cooperate.")
    q = [q for q in quotes_of(nlp, text) if q.cue and q.cue.text.startswith("urged")]
    assert q and q[0].speaker.text == "The minister"


def test_fronted_adverbial_is_not_a_trailing_report(nlp):
    text = "In the spring of last year, new protests appeared in the southern provinces."
    assert quotes_of(nlp, text) == ()


def test_label_colon_transcript_line(nlp):
    text = "The interview went on.\n\nMARTA KOVAC: We will open two new clinics in the valley next year.\n"
    q = [q for q in quotes_of(nlp, text) if q.speaker and q.speaker.text == "MARTA KOVAC"]
    assert q and q[0].content.text.startswith("We will open two new clinics")
    assert q[0].cue.text == ":"


@pytest.mark.parametrize("text", [
    "Report follows.\n\nQ: Will you open new clinics in the valley next year?\n",       # no named speaker
    "Weather.\n\nCorrection: An earlier version of this note gave the wrong date.\n",  # a common-noun label
    "Schedule.\n\nMeeting at 6:30 tonight in the town hall with the new mayor.\n",     # a time, not a label
])
def test_label_colon_needs_a_named_speaker(nlp, text):
    assert not [q for q in quotes_of(nlp, text) if q.cue and q.cue.text == ":"]


def test_clause_content_stops_at_the_paragraph_end(nlp):
    text = ("The mayor said that the bridge will reopen in May\n\n"
            "Traffic on the old road has doubled since the winter and the shops report fewer customers.")
    q = [q for q in quotes_of(nlp, text) if q.cue and q.cue.text == "said"]
    assert q and q[0].content.text == "that the bridge will reopen in May"


def test_speaker_stays_on_its_line(nlp):
    text = "9:15 a.m.\n\nThe governor of the province says the roads will be cleared by noon."
    q = only([q for q in quotes_of(nlp, text) if q.cue and q.cue.text == "says"])
    assert q.speaker.text == "The governor of the province"


def test_place_phrase_is_not_a_topic(nlp):
    # "on"/"to" after a verb that is not a speech verb is a place, not what was said
    assert quotes_of(nlp, "Last week, new cracks appeared on the walls of the old dam.") == ()
    q = only(quotes_of(nlp, "The senator spoke on the radio about the new tax."))
    assert q.cue.text == "spoke on"


def test_cue_after_a_preposition_takes_the_main_subject(nlp):
    text = "The spokesman ended the briefing by saying that the talks would resume in March."
    q = only(quotes_of(nlp, text))
    assert q.cue.text == "saying"
    assert q.speaker.text == "The spokesman"


def test_relative_pronoun_speaker_takes_the_antecedent_entity(nlp):
    text = "The request went to the Nordic Union, which said that it would send observers."
    q = only([q for q in quotes_of(nlp, text, (named(text, "Nordic Union", "ORG"),)) if q.cue.text == "said"])
    assert q.speaker.text == "which"  # PolNeAR's source span
    assert q.speaker.entity == "e1"


def test_object_with_as_predicate(nlp):
    # what was said includes the "as" predicate: the praise is that the director is a careful manager
    text = "The governor praised the new director as a careful manager of public money."
    q = only(quotes_of(nlp, text))
    assert q.content.text == "the new director as a careful manager of public money"


def test_learned_passive_keeps_its_subject_as_content(nlp):
    # "X is considered Y": the attributed proposition is about X, so X is part of the content
    from presswatch.quotes.rules import learned_cue

    doc = nlp("The new tax plan is widely considered a gift to the largest firms.")
    verb = next(t for t in doc if t.lemma_ == "consider")
    match = learned_cue(verb, load_cue_lexicon())
    assert match is not None and match.source == ()
    assert [doc[i].text for i in match.content][:4] == ["The", "new", "tax", "plan"]
    impersonal = nlp("It is considered rude to leave early.")
    assert learned_cue(next(t for t in impersonal if t.lemma_ == "consider"), load_cue_lexicon()) is None


def test_learned_verb_with_a_place_phrase_is_not_a_quote(nlp):
    # even when the cue model accepts "appear", "appeared on <place>" states nothing
    from presswatch.quotes.rules import learned_cue

    doc = nlp("Street protests\n\nIn March, small crowds appeared on the squares of three northern towns.")
    assert learned_cue(next(t for t in doc if t.lemma_ == "appear"), load_cue_lexicon()) is None
    spoke = nlp("The senator spoke on the radio about the new tax.")  # outside the lexicon: kept
    match = learned_cue(next(t for t in spoke if t.lemma_ == "speak"), load_cue_lexicon())
    assert match is not None and "tax" in [spoke[i].text for i in match.content]


@pytest.mark.parametrize("text", [
    "This is a plan that the union flatly refuses to sign off on.",
    "Cheaper fuel is a promise that the cabinet openly declines to stand behind.",
])
def test_gapped_relative_clause_is_not_a_quote(nlp, text):
    # the infinitive lacks its object (the noun the clause modifies): a stance, nothing stated
    assert quotes_of(nlp, text) == ()


def test_relative_subject_still_reports(nlp):
    quotes = quotes_of(nlp, "The mayor, who refused to comment on the report, left early.")
    assert any(q.cue.text == "refused" and q.speaker.text == "who" for q in quotes)


def test_caption_glued_before_the_sentence_is_not_the_speaker(nlp):
    text = ("Officials met on Monday to review the budget. Prices rose sharply in the spring, forcing the "
            "cabinet to act.\n\n  • © Example Photo Agency\n\nThe Minister of Trade did not name any "
            "company, but stressed that the shortages were caused by hoarding.")
    q = only([q for q in quotes_of(nlp, text) if q.cue.text == "stressed"])
    assert q.speaker.text == "The Minister of Trade"
    assert q.content.text == "that the shortages were caused by hoarding"


def test_as_she_put_it(nlp):
    q = only(quotes_of(nlp, "As the harbour master put it, the new pier will pay for itself within ten years."))
    assert q.cue.text == "put it"
    assert q.speaker.text == "the harbour master"
    assert q.content.text == "the new pier will pay for itself within ten years"
    assert quotes_of(nlp, "She put it on the shelf and left the room.") == ()


def test_controller_subject_up_a_chain_of_verbs(nlp):
    # "insisting" hangs on "by", which hangs on the infinitive "calm": the speaker is the subject of "tried"
    q = only(quotes_of(nlp, "In recent weeks the mayor has tried to calm voters by insisting that the water is safe."))
    assert q.cue.text == "insisting"
    assert q.speaker.text == "the mayor"
    assert q.content.text == "that the water is safe"


def test_object_after_a_comma_is_not_an_inverted_speaker(nlp):
    # the parser loses "Ohio" as the subject; the court asked to act must not become the speaker
    text = "Yesterday, Ohio, leading a coalition of nine states, asked a federal court to block the rule."
    for q in quotes_of(nlp, text):
        assert q.speaker is None or "court" not in q.speaker.text


@pytest.mark.parametrize("text", [
    "The mayor said on Friday that she believes the bridge is safe.",   # a belief inside the report
    "The coach said that the players had rejected the new contract.",  # no one named
])
def test_nested_report_is_part_of_the_outer_quote(nlp, text):
    q = only(quotes_of(nlp, text))
    assert q.cue.text == "said"


def test_nested_report_of_a_named_third_party_is_kept(nlp):
    quotes = quotes_of(nlp, "The coach said that Maria Silva had rejected the new contract.")
    assert [q.speaker.text for q in quotes] == ["The coach", "Maria Silva"]


@pytest.mark.parametrize("text, cue, content", [
    ("The union released a statement on the strike.", "released", "a statement on the strike"),
    ("The senator laid out a plan to cut the deficit.", "laid out", "a plan to cut the deficit"),
])
def test_learned_verb_with_a_statement_object(nlp, text, cue, content):
    q = only(quotes_of(nlp, text))
    assert (q.cue.text, q.content.text) == (cue, content)


def test_label_colon_headline_name_tagged_as_a_common_noun(nlp):
    # headline case hides the name; the article names the same person below
    text = "Rivera: Budget Cuts Will Hurt Our Schools\n\nCouncil member Rosa Rivera spoke to parents on Tuesday evening."
    q = only(quotes_of(nlp, text))
    assert (q.speaker.text, q.content.text) == ("Rivera", "Budget Cuts Will Hurt Our Schools")


@pytest.mark.parametrize("text", [
    "Update: The Vote Will Take Place Tomorrow\n\nCouncil member Rosa Rivera spoke to parents on Tuesday.",
    "Q: Why did you run for office?\n\nQ. Smith answered at length on Tuesday.",
])
def test_label_colon_common_label_is_not_a_speaker(nlp, text):
    assert all(q.cue.text != ":" for q in quotes_of(nlp, text))


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("Many farmers view the new tariff as a betrayal.", "Many farmers", "view", "the new tariff as a betrayal"),
    ("Local fishermen see the new harbour rules as a threat to their trade.", "Local fishermen", "see",
     "the new harbour rules as a threat to their trade"),
])
def test_characterization_with_as(nlp, text, speaker, cue, content):
    q = only(quotes_of(nlp, text))
    assert (q.speaker.text, q.cue.text, q.content.text) == (speaker, cue, content)


@pytest.mark.parametrize("text", [
    "The board chose Ms. Okafor as its new chair.",                      # an appointment
    "Two states recognized the exile council as the lawful government.",  # an act of recognition
])
def test_choosing_or_recognizing_as_is_not_a_quote(nlp, text):
    assert quotes_of(nlp, text) == ()


def test_referring_to_is_a_mention(nlp):
    quotes = quotes_of(nlp, "“We cannot wait another decade,” the mayor said, referring to the flood barrier.")
    mention = [q for q in quotes if q.cue.text == "referring to"]
    assert [(q.speaker.text, q.content.text) for q in mention] == [("the mayor", "the flood barrier")]


def test_object_control_speaker(nlp):
    text = "The budget shortfall has led several council members to warn that the library may close."
    q = only(quotes_of(nlp, text))
    assert (q.speaker.text, q.content.text) == ("several council members", "that the library may close")


@pytest.mark.parametrize("text", [
    "Riot police used rubber bullets to scatter the marchers.",                # material action
    "The navy maintains a supply depot on the island.",
    "The ministry recalled its envoy from the capital.",
    "The defence chief held phone calls with his counterparts in the region.",
    "The harbour authority decided to raise the docking fees.",
    "Two patrol jets were scrambled to escort the cargo plane.",               # passive, no `by` agent
    "The stranded travellers were allowed to board a later ferry.",            # permission
    "A retired judge has been appointed interim governor of the province.",   # appointment
])
def test_acts_are_not_quotes(nlp, text):
    # ACT_GATE: a deed is not a statement, whatever the cue model scores for the verb
    assert quotes_of(nlp, text) == ()


@pytest.mark.parametrize("text, cue, content", [
    ("The veteran senator recalled that the bridge had been built in a single summer.", "recalled",
     "that the bridge had been built in a single summer"),                    # an act verb with a clause
    ("The union has warned that the mines could close by winter.", "has warned", "that the mines could close by winter"),
    ("Fishermen complained that the new quotas were unfair.", "complained", "that the new quotas were unfair"),
    ("Opposition lawmakers demanded an independent inquiry.", "demanded", "an independent inquiry"),
    ("The envoy condemned what she called reckless shelling of the port.", "condemned",
     "what she called reckless shelling of the port"),
    ("The governor rejects talks with the rebel commanders.", "rejects", "talks with the rebel commanders"),
])
def test_statements_pass_the_act_gate(nlp, text, cue, content):
    assert any((q.cue.text, q.content.text) == (cue, content) for q in quotes_of(nlp, text))


@pytest.mark.parametrize("text, content", [
    ("Emergency crews warned drivers of black ice on the mountain pass.", "black ice on the mountain pass"),
    ("The council warned residents of flooding along the river.", "flooding along the river"),
    ("The opposition accused the mayor of hiding the audit.", "hiding the audit"),
])
def test_addressee_with_an_of_topic(nlp, text, content):
    # ADDRESSEE_TOPIC: the "of" phrase on the addressee is what was said, not a later place phrase
    assert only(quotes_of(nlp, text)).content.text == content


def test_addressee_of_a_place_is_not_a_topic(nlp):
    # the town is no topic; the addressee with its infinitive is the content (CONTROLLED_ADDRESSEE)
    q = only(quotes_of(nlp, "The governor urged residents of Marlow to stay indoors."))
    assert q.content.text == "residents of Marlow to stay indoors"


def test_holding_someone_responsible_is_a_judgement_not_an_act(nlp):
    from presswatch.quotes.rules import reports_act

    judged = nlp("The inspectors hold the port managers responsible for the spill.")
    assert not reports_act(next(t for t in judged if t.lemma_ == "hold"), load_cue_lexicon())
    met = nlp("The inspectors held talks with the port managers.")
    assert reports_act(next(t for t in met if t.lemma_ == "hold"), load_cue_lexicon())


def test_knowledge_versions_name_every_quotes_file():
    from presswatch.quotes import knowledge_versions

    assert set(knowledge_versions()) == {"quotes_cue_verbs", "quotes_act_verbs", "quotes_cue_model",
                                         "quotes_stance_gate"}
    assert all(knowledge_versions().values())


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("The harbour board's claim that the pier was safe has been withdrawn.", "The harbour board's", "claim",
     "that the pier was safe"),
    ("Her insistence that the ballots be recounted delayed the result.", "Her", "insistence",
     "that the ballots be recounted"),
    ("The mayor's fear that the dam would fail proved unfounded.", "The mayor's", "fear",
     "that the dam would fail"),
])
def test_nominal_cue_with_a_holder(nlp, text, speaker, cue, content):
    # NOMINAL_CUE: a noun of saying or believing with a "that" clause; the possessor speaks
    q = only(quotes_of(nlp, text))
    assert (q.speaker.text, q.cue.text, q.content.text) == (speaker, cue, content)


def test_nominal_cue_of_saying_without_a_holder(nlp):
    q = only(quotes_of(nlp, "Allegations that the contractor overcharged the city have circulated for months."))
    assert (q.speaker, q.cue.text, q.content.text) == (None, "Allegations", "that the contractor overcharged the city")


@pytest.mark.parametrize("text", [
    "Amid fears that the river would flood, the village emptied.",        # belief noun, no holder
    "The promise that the council made in March was broken.",             # relative "that"
    "The harbour board's claim that the pier was safe drew ridicule.",    # parsed with the noun as root
    "The fact that the bridge reopened surprised commuters.",             # not a noun of saying
])
def test_nouns_that_are_not_quotes(nlp, text):
    assert quotes_of(nlp, text) == ()


def test_noun_cue_under_a_verb_cue_is_one_quote(nlp):
    # "repeated her claim that ...": the verb's quote, not a second one for the noun
    q = only(quotes_of(nlp, "The senator repeated her claim that the budget was balanced."))
    assert q.cue.text == "repeated"


def test_said_in_a_statement_that(nlp):
    # IN_STATEMENT: the clause hangs on the noun; PolNeAR's cue runs to the noun
    q = only(quotes_of(nlp, "The bakery chain says in a statement that its ovens meet every safety rule."))
    assert (q.speaker.text, q.cue.text, q.content.text) == (
        "The bakery chain", "says in a statement", "that its ovens meet every safety rule")


def test_quoted_sentence_with_its_own_cue_leaves_the_clause_before_it(nlp):
    # QUOTE_OWN_CUE: the parser may run the first clause on into the next quoted sentence
    text = ("Mr. Okafor said the orchard had lost half its trees. ''We have never seen a frost like it,'' "
            "he said. ''Nobody was ready.''")
    quotes = quotes_of(nlp, text)
    contents = [q.content.text for q in quotes]
    assert "the orchard had lost half its trees" in contents
    assert any(c.startswith("''We have never seen") and c.endswith("Nobody was ready.''") for c in contents)
    assert all("orchard" not in c or "frost" not in c for c in contents)


@pytest.mark.parametrize("text", [
    "It is clear that the ferry timetable will change next year.",
    "The question is whether the orchard can survive another dry summer.",
])
def test_narrator_copula_is_not_a_quote(nlp, text):
    # NARRATOR_COPULA: "be" with a clause is the author's judgement, whatever the cue model scores
    assert quotes_of(nlp, text) == ()


@pytest.mark.parametrize("text, narrator", [
    ("It is clear that the ferry timetable will change next year.", True),
    ("The harbour master's answer was that the cranes were too old to repair.", False),  # something said
    ("She was adamant that the cranes could be repaired.", False),                      # a speaker's stance
])
def test_narrator_copula_keeps_said_subjects_and_stances(nlp, text, narrator):
    from presswatch.quotes.rules import narrator_copula

    doc = nlp(text)
    assert narrator_copula(next(t for t in doc if t.lemma_ == "be" and t.dep_ == "ROOT")) is narrator


@pytest.mark.parametrize("text", [
    "The bakery added forty seasonal workers before the holidays.",
    "The council has added a second lane to the bridge.",
])
def test_adding_things_is_not_a_statement(nlp, text):
    assert quotes_of(nlp, text) == ()


def test_adding_a_statement_noun_is_a_quote(nlp):
    q = only(quotes_of(nlp, "The regulator added a warning about the cheaper batteries."))
    assert q.cue.text == "added"


@pytest.mark.parametrize("text, content", [
    ("The union demanded a pay rise before the end of the year.", "a pay rise before the end of the year"),
    ("The mayor praised the firefighters, in a speech on Friday.", "the firefighters"),   # after a comma
])
def test_object_tail(nlp, text, content):
    # OBJECT_TAIL: the verb's phrases right after its object are part of what was said
    assert only(quotes_of(nlp, text)).content.text == content


def test_spoke_of_a_topic(nlp):
    q = only(quotes_of(nlp, "The retiring judge spoke of a new era for the courts."))
    assert (q.speaker.text, q.cue.text, q.content.text) == ("The retiring judge", "spoke of", "a new era for the courts")


@pytest.mark.parametrize("text, lemma", [
    ("Stewards cleared the stand before kick-off.", "clear"),
    ("Riot officers dispersed the marchers near the station.", "disperse"),
])
def test_clearing_and_dispersing_are_acts(nlp, text, lemma):
    from presswatch.quotes.rules import reports_act

    doc = nlp(text)
    assert reports_act(next(t for t in doc if t.lemma_ == lemma), load_cue_lexicon())


def test_title_the_parser_split_off_the_name_stays_in_the_speaker(nlp):
    # SPLIT_TITLE: a parse (written out here) with two subjects, the title "Harbor spokesman" and the
    # name right after it: the speaker is the whole phrase, not only the name
    from spacy.tokens import Doc

    words = ["Harbor", "spokesman", "Ivo", "Marsh", "said", "the", "pier", "would", "reopen", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 8 + [False, False],
              heads=[1, 4, 3, 4, 4, 6, 8, 8, 4, 4],
              deps=["compound", "nsubj", "compound", "nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct"],
              pos=["PROPN", "NOUN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
              lemmas=["Harbor", "spokesman", "Ivo", "Marsh", "say", "the", "pier", "would", "reopen", "."])
    q = only(extract_quotes(Document.from_text(doc.text), doc, ()))
    assert q.speaker.text == "Harbor spokesman Ivo Marsh"


def test_split_title_does_not_cross_a_heading_colon(nlp):
    # the same parse with "Update:" before the name: a heading, not part of the speaker
    from spacy.tokens import Doc

    words = ["Update", ":", "Ivo", "Marsh", "said", "the", "pier", "would", "reopen", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[False] + [True] * 7 + [False, False],
              heads=[4, 0, 3, 4, 4, 6, 8, 8, 4, 4],
              deps=["nsubj", "punct", "compound", "nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct"],
              pos=["NOUN", "PUNCT", "PROPN", "PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
              lemmas=["update", ":", "Ivo", "Marsh", "say", "the", "pier", "would", "reopen", "."])
    q = only(extract_quotes(Document.from_text(doc.text), doc, ()))
    assert q.speaker.text == "Ivo Marsh"


@pytest.mark.parametrize("text, speaker", [
    ("The mayor's remarks suggested that the budget would shrink.", "The mayor's"),  # an utterance: its owner
    ("Their plan calls for two new bridges.", "Their plan"),                        # a document stays whole
])
def test_owner_of_a_statement_is_the_speaker(nlp, text, speaker):
    assert only(quotes_of(nlp, text)).speaker.text == speaker


def test_time_phrase_on_the_speaker_is_left_out(nlp):
    q = only(quotes_of(nlp, "The port authority on Friday said that ferries would resume."))
    assert q.speaker.text == "The port authority"


def test_according_to_source_leaves_out_a_comma_set_relative_clause(nlp):
    q = only(quotes_of(nlp, "The ferry will run again, according to the harbor board, which meets on Mondays."))
    assert (q.cue.text, q.speaker.text, q.content.text) == ("according to", "the harbor board", "The ferry will run again")


def test_according_to_subject_the_parser_made_an_apposition(nlp):
    # ACCORDING_SOURCE: a parse (written out here) that hangs the main clause's subject "toll rules" on
    # "Dan Roe" as an apposition; no comma closes it, so it is the content's, not the source's
    from spacy.tokens import Doc

    words = ["According", "to", "Dan", "Roe", ",", "toll", "rules", "were", "unfair", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True, True, True, False, True, True, True, True, False, False],
              heads=[7, 0, 3, 1, 3, 6, 3, 7, 7, 7],
              deps=["prep", "prep", "compound", "pobj", "punct", "compound", "appos", "ROOT", "acomp", "punct"],
              pos=["VERB", "ADP", "PROPN", "PROPN", "PUNCT", "NOUN", "NOUN", "AUX", "ADJ", "PUNCT"],
              lemmas=["accord", "to", "Dan", "Roe", ",", "toll", "rule", "be", "unfair", "."])
    q = only(extract_quotes(Document.from_text(doc.text), doc, ()))
    assert (q.speaker.text, q.content.text) == ("Dan Roe", "toll rules were unfair")


@pytest.mark.parametrize("text", [
    "The mayor said the new tunnel was safe, adding that tolls would stay low.",  # hung on the reported clause
    "Tolls stayed low, the mayor said, adding that the tunnel was safe.",          # hung on the cue
])
def test_trailing_participle_speaks_for_the_reporter(nlp, text):
    # REPORTER_PARTICIPLE: ", adding that ..." is the mayor's, not the reported clause's subject
    by_cue = {q.cue.text: q for q in quotes_of(nlp, text)}
    assert by_cue["adding"].speaker.text.lower() == "the mayor"


def test_second_statement_leaves_the_first_content(nlp):
    # SECOND_STATEMENT: ", adding that ..." is the mayor's next quote, not part of what was said first
    by_cue = {q.cue.text: q for q in quotes_of(nlp, "The mayor said the new tunnel was safe, adding that tolls "
                                                     "would stay low.")}
    assert by_cue["said"].content.text == "the new tunnel was safe"
    assert by_cue["adding"].content.text == "that tolls would stay low"


@pytest.mark.parametrize("text, cue, content", [
    ("The governor made clear that the levy would stay.", "made clear", "that the levy would stay"),
    ("She made it plain she would not run.", "made it plain", "she would not run"),
])
def test_make_clear_is_one_cue(nlp, text, cue, content):
    q = only(quotes_of(nlp, text))
    assert (q.cue.text, q.content.text) == (cue, content)
    # a statement whatever the cue model scores "make"
    from presswatch.quotes.cuemodel import CueModel

    parsed = nlp(text)
    never = CueModel({}, -10.0, 0.5, "test")
    q = only(extract_quotes(Document.from_text(text), parsed, (), load_cue_lexicon(), never))
    assert (q.cue.text, q.content.text) == (cue, content)


@pytest.mark.parametrize("text, content", [
    ("The mayor urged drivers to slow down near the school.", "drivers to slow down near the school"),
    ("The board asked residents to save water.", "residents to save water"),
    ("The coach told reporters about the injury.", "the injury"),  # an addressee with no infinitive stays out
])
def test_controlled_addressee_is_part_of_the_content(nlp, text, content):
    # CONTROLLED_ADDRESSEE: "urged X to do Y" says both who should act and what they should do
    assert only(quotes_of(nlp, text)).content.text == content


def test_statement_gate_blocks_a_plain_stance_unless_the_stance_gate_passes_it(nlp):
    from presswatch.quotes.rules import learned_cue, states_something

    doc = nlp("The dockworkers' union backed the new wage deal.")
    verb = next(t for t in doc if t.lemma_ == "back")
    lexicon = load_cue_lexicon()
    assert not states_something(verb, lexicon)
    assert learned_cue(verb, lexicon) is None
    assert learned_cue(verb, lexicon, lambda _: False) is None
    match = learned_cue(verb, lexicon, lambda _: True)
    assert match is not None and match.pattern == "LEARNED_STANCE"
    assert " ".join(doc[i].text for i in match.content) == "the new wage deal"
    assert doc[match.source[-1]].text == "union"
    said = nlp("The union said that the deal was fair.")
    assert states_something(next(t for t in said if t.lemma_ == "say"), lexicon)


@pytest.mark.parametrize("text, lemma", [
    ("Riot police used rubber bullets to scatter the marchers.", "use"),
    ("The ministry recalled its envoy from the capital.", "recall"),
    ("It is clear that the ferry will be late.", "be"),
])
def test_the_stance_gate_never_opens_the_act_gate_or_the_narrator(nlp, text, lemma):
    # ACT_GATE and NARRATOR_COPULA come first: even a gate that passes everything adds nothing
    from presswatch.quotes.rules import learned_cue

    doc = nlp(text)
    assert learned_cue(next(t for t in doc if t.lemma_ == lemma), load_cue_lexicon(), lambda _: True) is None


def test_stance_features_describe_the_construction(nlp):
    from presswatch.quotes.cuemodel import stance_features

    doc = nlp("Meanwhile, the farmers' league opposes the new water levy.")
    names = stance_features(next(t for t in doc if t.lemma_ == "oppose"))
    assert {"lemma_shape=oppose|dobj", "obj=levy", "lemma_obj=oppose|levy", "sentence=0"} <= set(names)
    assert "subj=none" not in names and any(name.startswith("kind=") for name in names)
    headline = nlp("Harbor fees: the council opposes the rise.")
    assert "colon_before" in stance_features(next(t for t in headline if t.lemma_ == "oppose"))


def test_stance_gate_is_verified_and_thresholded(nlp):
    from presswatch.quotes.cuemodel import StanceGate, load_stance_gate

    gate = load_stance_gate()
    assert gate.version and 0.0 < gate.threshold < 1.0
    verb = next(t for t in nlp("She backed the plan.") if t.lemma_ == "back")
    assert 0.0 < gate.probability(verb) < 1.0
    assert not StanceGate(gate.weights, gate.bias, 1.01, "test").passes(verb)
    assert StanceGate(gate.weights, gate.bias, 0.0, "test").passes(verb)
    # HOLDER_SUBJECT: a body's or a thing's backing is not passed, whatever the score
    body = next(t for t in nlp("The league backed the plan.") if t.lemma_ == "back")
    assert not StanceGate(gate.weights, gate.bias, 0.0, "test").passes(body)


def _named_thrice(nlp, labels):
    """"Orla Brandt spoke first . Later Brandt backed the canal tax . Brandt Quay lies east ." with
    the three mentions of "Brandt" ("Orla Brandt", "Brandt", "Brandt Quay") tagged `labels` ("" =
    no entity): the parser's types, fixed here."""
    from spacy.tokens import Doc, Span

    rows = [("Orla", 1, "compound", "PROPN", "orla"), ("Brandt", 2, "nsubj", "PROPN", "brandt"),
            ("spoke", 2, "ROOT", "VERB", "speak"), ("first", 2, "advmod", "ADV", "first"), (".", 2, "punct", "PUNCT", "."),
            ("Later", 7, "advmod", "ADV", "later"), ("Brandt", 7, "nsubj", "PROPN", "brandt"),
            ("backed", 7, "ROOT", "VERB", "back"), ("the", 10, "det", "DET", "the"), ("canal", 10, "compound", "NOUN", "canal"),
            ("tax", 7, "dobj", "NOUN", "tax"), (".", 7, "punct", "PUNCT", "."),
            ("Brandt", 13, "compound", "PROPN", "brandt"), ("Quay", 14, "nsubj", "PROPN", "quay"),
            ("lies", 14, "ROOT", "VERB", "lie"), ("east", 14, "advmod", "ADV", "east"), (".", 14, "punct", "PUNCT", ".")]
    words, heads, deps, pos, lemmas = (list(column) for column in zip(*rows, strict=True))
    starts = [i in (0, 5, 12) for i in range(len(words))]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, sent_starts=starts)
    doc.ents = [Span(doc, a, b, label=label) for (a, b), label in zip(((0, 2), (6, 7), (12, 14)), labels, strict=True)
                if label]
    return doc


@pytest.mark.parametrize("labels, holds", [
    (("PERSON", "ORG", ""), True),       # typed ORG here, a person elsewhere
    (("PERSON", "", ""), True),          # left untyped here
    (("PERSON", "GPE", ""), False),      # a place type is left alone: a personal name may be a place's
    (("PERSON", "ORG", "ORG"), False),   # the person reading must not lose ("Karabakh" ORG 3, PERSON 1)
    (("", "ORG", ""), False),            # never a person
])
def test_holder_named_as_a_person_elsewhere(nlp, labels, holds):
    # NAMED_ELSEWHERE: HOLDER_SUBJECT for a name the parser typed ORG or left untyped when the
    # article's entities with that word are persons at least as often as not
    from presswatch.quotes.cuemodel import holds_stance

    assert holds_stance(_named_thrice(nlp, labels)[7]) is holds


@pytest.mark.parametrize("text", [
    "Several neighbouring states openly supported the rebel army.",      # a body's support: a deed
    "The two presidents signed a border treaty in the capital.",          # signing is an act
    "The mayor addressed a crowd of angry farmers outside the hall.",     # an audience, nothing said
    "Governor Ida Mertens addressed her supporters on the main square.",  # a place phrase is no stance
])
def test_deeds_are_not_stances(nlp, text):
    assert quotes_of(nlp, text) == ()


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("She backed the new wage deal.", "She", "backed", "the new wage deal"),
    ("Senator Mara Quill supports the tax bill.", "Senator Mara Quill", "supports", "the tax bill"),
])
def test_a_persons_stance_is_a_quote(nlp, text, speaker, cue, content):
    # LEARNED_STANCE: the statement gate blocks a plain object; the stance gate passes a person's
    q = only(quotes_of(nlp, text))
    assert (q.speaker.text, q.cue.text, q.content.text) == (speaker, cue, content)


@pytest.mark.parametrize("text, cue", [
    ("Senator Ida Quill promised to condemn the closure of the mill.", "promised"),   # speaker outside
    ("Mayor Tomas Ekberg vowed to oppose the new toll on the bridge.", "vowed"),
    ("The coach said the club would appeal and Maria Silva had condemned the ban.", "said"),  # side clause
])
def test_nested_object_report_is_part_of_the_outer_quote(nlp, text, cue):
    # NESTED_OBJECT: PolNeAR marks one level of a nested report, the outer one
    q = only(quotes_of(nlp, text))
    assert q.cue.text == cue


def test_object_report_in_the_content_clause_with_its_own_speaker_is_kept(nlp):
    text = "Lena Brandt said that she expects Governor Hale to endorse the levy next week."
    quotes = quotes_of(nlp, text)
    assert [(q.speaker.text, q.cue.text) for q in quotes] == [("Lena Brandt", "said"), ("Governor Hale", "to endorse")]


@pytest.mark.parametrize("text, speaker, cue, inner", [
    ("According to the harbor authority's filing, the ferry operator said the route would close in March.",
     "the harbor authority's filing", "According to", "the ferry operator said"),
    ("According to a clerk who kept the ledger, the minister warned the unions that wages would be frozen.",
     "a clerk who kept the ledger", "According to", "the minister warned"),
    ("The ferry captain, his lawyers said, told investigators that the radar had failed before the crash.",
     "his lawyers", "said", "told investigators that"),
])
def test_framed_report_is_part_of_its_frame(nlp, text, speaker, cue, inner):
    # FRAMED_REPORT: PolNeAR marks the "according to" or parenthetical frame, not the report inside it
    q = only(quotes_of(nlp, text))
    assert (q.speaker.text, q.cue.text) == (speaker, cue)
    assert inner in q.content.text


def test_report_next_to_a_frame_is_kept(nlp):
    text = "According to the filing, the route will close in March. The ferry operator said it would reopen in May."
    quotes = quotes_of(nlp, text)
    assert [q.cue.text for q in quotes] == ["According to", "said"]


@pytest.mark.parametrize("text, speaker, content", [
    ("In the latest survey, 40 percent of farmers back the new levy.",
     "the latest survey", "40 percent of farmers back the new levy"),
    ("In the spring poll of 900 voters, the senator led by six points.",
     "the spring poll of 900 voters", "the senator led by six points"),
    ("In a new poll, most nurses say the levy is unfair.",  # the report inside is the survey's (FRAMED_REPORT)
     "a new poll", "most nurses say the levy is unfair"),
])
def test_a_sentence_opening_in_a_survey_reports_it(nlp, text, speaker, content):
    # IN_SURVEY: PolNeAR marks "In <poll>, ..." as the poll's finding, like "according to"
    q = only(quotes_of(nlp, text))
    assert (q.speaker.text, q.cue.text, q.content.text) == (speaker, "In", content)


@pytest.mark.parametrize("text", [
    "The mayor still trails her rival in the polls.",          # not opening the sentence
    "In a long statement, the harbor board insisted the pier would reopen.",  # a statement is no survey
])
def test_in_survey_needs_an_opening_poll(nlp, text):
    assert all(q.cue.text != "In" for q in quotes_of(nlp, text))


@pytest.mark.parametrize("text, speaker", [
    ("Even the harbor's oldest pilots say the channel is too shallow.", "the harbor's oldest pilots"),
    ("Ada Roe, host of the radio show “Night Harbor,” said the ferry was late.",
     "Ada Roe, host of the radio show “Night Harbor,”"),
    ('Ada Roe, host of the radio show "Night Harbor," said the ferry was late.',
     'Ada Roe, host of the radio show "Night Harbor,"'),
])
def test_speaker_edges(nlp, text, speaker):
    # a focus particle stays out of the speaker; a quotation mark opened inside it is closed inside it
    assert only(quotes_of(nlp, text)).speaker.text == speaker
