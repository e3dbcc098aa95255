"""Dates stage (issue 6): expression patterns, normalization, chains, event dates."""

from __future__ import annotations

import dataclasses

import pytest
import spacy

from presswatch.dates import date_events, make_component, resolve_document
from presswatch.dates.elections import parse_elections
from presswatch.dates.expressions import find_expressions
from presswatch.dates.rules import PATTERNS, text_words
from presswatch.nlp import DEFAULT_MODEL
from presswatch.records import Document, Event, Extent, make_span


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(DEFAULT_MODEL)


def resolve(nlp, text: str, published: str | None = "2022-10-12") -> dict[str, tuple]:
    document = Document.from_text(text, published=published)
    return {r.expression.text: (r.value, r.precision) for r in resolve_document(document, nlp(text))}


def event_at(text: str, word: str, occurrence: int = 1, kind: str = "ASSAULT") -> Event:
    start = -1
    for _ in range(occurrence):
        start = text.index(word, start + 1)
    return Event("v1", kind, make_span(text, start, start + len(word)), Extent(0, len(text)))


@pytest.mark.issue(6)
@pytest.mark.parametrize("sentence, expression, value, precision", [
    ("On September 12, the standoff deepened.", "On September 12", "2022-09-12", "day"),
    ("Troops arrived on 13 September 2021.", "on 13 September 2021", "2021-09-13", "day"),
    ("She spoke at a dinner with the envoy in February.", "in February", "2022-02", "month"),
    ("At the beginning of 2022, protests began.", "At the beginning of 2022", "2022-01", "month"),
    ("Protesters gathered last Tuesday.", "last Tuesday", "2022-10-11", "day"),  # the latest before
    ("Earlier this month, talks failed.", "Earlier this month", "2022-10", "month"),
    ("Fighting resumed in mid-September.", "in mid-September", "2022-09", "month"),
    ("The law was adopted in 2014.", "in 2014", "2014", "year"),
    ("The army withdrew on Tuesday.", "on Tuesday", "2022-10-11", "day"),
    ("Yesterday, the minister resigned.", "Yesterday", "2022-10-11", "day"),
    ("Three days ago, a drone fell.", "Three days ago", "2022-10-09", "day"),
    ("Last year, the treaty lapsed.", "Last year", "2021", "year"),
    ("Talks open tomorrow.", "tomorrow", "2022-10-13", "day"),
    ("Shelling began on the night of 12 to 13 September.", "on the night of 12 to 13 September", "2022-09-12", "day"),
    ("The report is dated 2022-09-30.", "2022-09-30", "2022-09-30", "day"),
])
def test_every_expression_form(nlp, sentence, expression, value, precision):
    assert resolve(nlp, sentence)[expression] == (value, precision)


@pytest.mark.issue(6)
def test_chains_resolve_against_the_previous_date(nlp):
    text = ("On September 14, clashes began. Soon the fighting spread.\n\nOn September 18, Putin called. "
            "The next day, a protocol was signed. Two days later, it was broken.")
    found = resolve(nlp, text)
    assert found["The next day"] == ("2022-09-19", "day")
    assert found["Two days later"] == ("2022-09-21", "day")


@pytest.mark.issue(6)
def test_years_after_an_earlier_dated_event(nlp):
    text = "After the 2020 presidential election, protests began. Two years after the elections, unrest persists."
    assert resolve(nlp, text)["Two years after the elections"] == ("2022", "year")


@pytest.mark.issue(6)
def test_offset_from_an_event_counts_from_the_date_that_names_it(nlp):
    text = ("Lorry drivers blocked the port on Friday. Talks resumed three days after the strike of "
            "March 2, 2021, and again a week after the vote on 9 April 2021.")
    found = resolve(nlp, text)
    assert found["three days after the strike"] == ("2021-03-05", "day")
    assert found["a week after the vote"] == ("2021-04-16", "day")


@pytest.mark.issue(6)
def test_unknown_publication_date_uses_the_text_and_lowers_precision(nlp):
    text = "In September 2022, fighting erupted. On September 13, shells fell. The next day, a truce held."
    found = resolve(nlp, text, published=None)
    assert found["On September 13"] == ("2022-09-13", "day")  # year stated just before
    assert found["The next day"] == ("2022-09-14", "day")
    far = resolve(nlp, "In 2020 there was a vote.\n\nA.\n\nB.\n\nC.\n\nD.\n\nIn February, talks began.", published=None)
    assert far["In February"] == ("2020", "year")  # a guessed year: month precision dropped
    assert resolve(nlp, "Yesterday, diplomats met.", published=None)["Yesterday"] == (None, None)


@pytest.mark.issue(6)
@pytest.mark.parametrize("text, phrase", [
    ("The March for Freedom was banned.", "March"),
    ("Officials may announce new measures.", "may"),
    ("About 2000 troops are stationed there.", "2000"),
])
def test_things_that_are_not_dates(nlp, text, phrase):
    found = resolve(nlp, text)
    assert all(phrase not in expression or value is None for expression, (value, _) in found.items())


@pytest.mark.issue(6)
def test_no_date_is_invented(nlp):
    text = "Foreign powers are trying to stir up unrest. The minister resigned."
    document = Document.from_text(text, published="2022-10-12")
    events = (event_at(text, "stir"), event_at(text, "resigned"))
    assert all(event.date is None for event in date_events(document, nlp(text), events))


@pytest.mark.issue(6)
def test_event_takes_the_date_of_its_own_clause(nlp):
    text = ("Truce breaks down\n\nOn September 12, fighting along the border intensified. "
            "The ministry reported that soldiers fired on Armenian posts.")
    document = Document.from_text(text, published="2022-10-12")
    escalated, opened = date_events(document, nlp(text), (event_at(text, "intensified"), event_at(text, "fired")))
    assert escalated.date.value == "2022-09-12" and escalated.date.method == "clause:MONTH_DAY"
    assert (escalated.date.start, escalated.date.end) == (text.index("On September 12"), text.index(", fighting"))
    assert opened.date.value == "2022-09-12" and opened.date.method.startswith("narrative")


@pytest.mark.issue(6)
def test_a_noun_naming_a_stretch_of_time_takes_no_narrative_date(nlp):
    text = ("Riot police detained a union organiser on 4 March. Prosecutors said 40 people were hurt "
            "during the riots, and shops closed amid strikes and marches. The brawl left two men injured.")
    document = Document.from_text(text, published="2023-03-20")
    riots, strikes, marches, brawl = date_events(document, nlp(text), (
        event_at(text, "riots", kind="PROTEST"), event_at(text, "strikes", kind="PROTEST"),
        event_at(text, "marches", kind="PROTEST"), event_at(text, "brawl")))
    assert riots.date is None and strikes.date is None and marches.date is None
    assert brawl.date.value == "2023-03-04" and brawl.date.method.startswith("narrative")


@pytest.mark.issue(6)
def test_offsets_valid_deterministic_and_inputs_untouched(nlp):
    text = "On 5 May 2019, protesters gathered.\n\nThe next day, police dispersed them in mid-May."
    document = Document.from_text(text, published="2019-05-20")
    parsed = nlp(text)
    expressions = find_expressions(text, parsed)
    assert expressions and all(text[e.start:e.end] == e.text for e in expressions)
    events = (event_at(text, "gathered"), event_at(text, "dispersed"))
    before = [dataclasses.asdict(event) for event in events]
    first = date_events(document, parsed, events)
    assert first == date_events(document, parsed, events)
    assert [dataclasses.asdict(event) for event in events] == before
    for event in first:
        assert text[event.date.start:event.date.end] == event.date.text


@pytest.mark.issue(6)
def test_empty_document(nlp):
    component = make_component(nlp)
    document = Document.from_text("", published=None)
    assert component(document, nlp(""), ()) == ()
    assert find_expressions("", nlp("")) == ()


def test_patterns_are_named_and_unique():
    names = [pattern.name for pattern in PATTERNS]
    assert len(names) == len(set(names))
    assert all(pattern.kind in ("absolute", "publication", "narrative", "calendar") for pattern in PATTERNS)


# One phrase (or more) for every pattern: the word gate must never hide a match.
GATED_PHRASES = (
    "the night of 3 to 4 May", "Oct. 2-3, 2021", "since Sept. 14", "on the 5th of June 2019", "March of next year",
    "in late August", "by the end of 2020", "until mid-2023", "the day before yesterday", "this evening",
    "early on Sunday morning", "later this week", "the past year", "ten weeks ago", "the following morning",
    "the same month", "on Election Day", "two months afterwards", "a year before the referendum",
    "Yesterday's vote, last night's strike and today's march",
)


@pytest.mark.parametrize("phrase", GATED_PHRASES)
def test_the_word_gate_never_hides_a_match(phrase):
    text = f"Officials said that {phrase}, as reported."
    gated = [(p.name, m.span()) for p in PATTERNS for m in p.finditer(text, text_words(text))]
    assert gated == [(p.name, m.span()) for p in PATTERNS for m in p.regex.finditer(text)]
    assert gated  # the phrase is a date phrase


def test_patterns_are_gated_by_their_words():
    text = "The committee adopted the budget after a long debate."
    assert text_words(text) >= {"committee", "budget", "debate"}
    assert all(not list(p.finditer(text, text_words(text))) for p in PATTERNS)
    assert sum(1 for p in PATTERNS if p.needs and p.needs.isdisjoint(text_words(text))) >= 10


@pytest.mark.issue(6)
@pytest.mark.parametrize("text, trigger, value, precision", [
    # the calendar's Georgian presidential election of October 2013
    ("In Georgia, after the 2013 presidential election, crowds gathered in Tbilisi.", "gathered", "2013-10", "month"),
    # "elections" without a kind: Kyrgyzstan voted in January and in November 2021, so only the year
    ("After the 2021 elections in Kyrgyzstan, crowds gathered in Bishkek.", "gathered", "2021", "year"),
    # no calendar country in the sentence
    ("After the 2013 presidential election, crowds gathered in the capital.", "gathered", "2013", "year"),
    # a year that is not an election's
    ("In Georgia, after the 2013 floods, crowds gathered in Tbilisi.", "gathered", "2013", "year"),
])
def test_event_after_an_election_takes_the_election_month(nlp, text, trigger, value, precision):
    document = Document.from_text(text, published="2022-10-12")
    (event,) = date_events(document, nlp(text), (event_at(text, trigger, kind="PROTEST"),))
    assert (event.date.value, event.date.precision) == (value, precision)
    assert event.date.method.endswith(":ELECTION") == (precision == "month")


@pytest.mark.issue(6)
def test_election_calendar_can_be_passed_in(nlp):
    text = "Weeks after the 2031 vote in Ruritania, miners struck."
    calendar = parse_elections("# country\tkind\tdate\tnames\nRUR\tpresidential\t2031-05-04\tRuritania|Ruritanian\n")
    document = Document.from_text(text, published="2031-10-12")
    (event,) = date_events(document, nlp(text), (event_at(text, "struck", kind="PROTEST"),), calendar)
    assert (event.date.value, event.date.method) == ("2031-05", "clause:ELECTION")


@pytest.mark.issue(6)
def test_past_tense_narrative_does_not_count_from_a_planned_date(nlp):
    text = ("Yesterday the agency said the hearing would resume on November 3. "
            "The previous day, lawyers had filed an appeal.")
    assert resolve(nlp, text)["The previous day"] == ("2022-10-10", "day")
    plan = "The hearing will resume on November 3. The next day, the court will rule."
    assert resolve(nlp, plan)["The next day"] == ("2022-11-04", "day")


@pytest.mark.issue(6)
def test_this_week_in_the_past_tense_ends_at_publication(nlp):
    # 30 June 2021 is a Wednesday: its week runs into July, its past days do not
    assert resolve(nlp, "This week, the cabinet resigned.", published="2021-06-30")["This week"] == ("2021-06", "month")
    assert resolve(nlp, "This week the cabinet will meet.", published="2021-06-30")["This week"] == ("2021", "year")


@pytest.mark.issue(6)
@pytest.mark.parametrize("text, published, expression, value, precision", [
    # the US calendar: the federal election nearest publication (before or after it)
    ("Volunteers in the U.S. will staff the polls on Election Day.", "2018-10-02", "Election Day", "2018-11-06", "day"),
    ("American turnout on election day surprised pollsters.", "2020-11-20", "election day", "2020-11-03", "day"),
    # no country of the calendar named: unresolved rather than guessed
    ("Volunteers will staff the polls on Election Day.", "2018-10-02", "Election Day", None, None),
    # a month in a year counted from publication
    ("Ministers promised a draft by April of next year.", "2019-06-03", "April of next year", "2020-04", "month"),
    ("Exports fell in February this year.", "2019-06-03", "February this year", "2019-02", "month"),
    # the named day: a yearless month-day before a listed noun is that year's event
    ("The museum honors victims of the Sept. 11 attacks.", "2015-05-05", "Sept. 11", "2001-09-11", "day"),
    ("Hosts repeated 9/11 conspiracy theories.", "2015-05-05", "9/11", "2001-09-11", "day"),
    # no listed noun: the ordinary yearless reading
    ("On Sept. 11 the council met again.", "2015-10-05", "On Sept. 11", "2015-09-11", "day"),
])
def test_calendar_and_year_relative_months(nlp, text, published, expression, value, precision):
    assert resolve(nlp, text, published)[expression] == (value, precision)


@pytest.mark.issue(6)
def test_that_month_keeps_the_previous_date_at_month_precision(nlp):
    found = resolve(nlp, "The ministry opened an office in May 2011. That month, it hired forty clerks. "
                         "The same year it moved.", "2019-06-03")
    assert found["That month"] == ("2011-05", "month")
    assert found["The same year"] == ("2011", "year")
    assert resolve(nlp, "Clerks were hired in 2011. That month, the office opened.", "2019-06-03")["That month"] == (None, None)


def dated(nlp, text: str, triggers: list[str], published: str = "2024-05-10") -> list[tuple[str | None, str | None]]:
    """(value, how it was tied) of the event at each trigger word, all dated together."""
    document = Document.from_text(text, published=published)
    events = date_events(document, nlp(text), tuple(event_at(text, word) for word in triggers))
    return [(e.date.value, e.date.method.split(":")[0]) if e.date else (None, None) for e in events]


@pytest.mark.issue(8)
def test_a_reporting_verb_keeps_its_date_for_the_report(nlp):
    text = ("Masked men attacked a customs post guarding the bridge on Sunday night, hurling bricks "
            "at the guards, the interior ministry said on Wednesday.")
    attacked, hurling, said = dated(nlp, text, ["attacked", "hurling", "said"])
    assert attacked[0] == hurling[0] == "2024-05-05"
    assert said == ("2024-05-08", "clause")


@pytest.mark.issue(8)
def test_a_participle_aiming_at_a_later_date_does_not_date_a_past_event(nlp):
    text = "Students marched through the capital, demanding a new vote in 2031."
    (marched,) = dated(nlp, text, ["marched"])
    assert marched == (None, None)
    text = "Students marched through the capital, chanting slogans on Thursday."
    (marched,) = dated(nlp, text, ["marched"])
    assert marched == ("2024-05-09", "participle")
    text = "Recalling last month's floods as a warning, the mayor urged residents to leave."
    (urged,) = dated(nlp, text, ["urged"])
    assert urged == (None, None)  # the date belongs to the floods, inside the participle's object


@pytest.mark.issue(8)
def test_a_date_inside_the_main_clause_object_still_frames_a_trailing_participle(nlp):
    text = "The coach criticized the referees in a letter Monday to the league, accusing them of bias."
    accusing, criticized = dated(nlp, text, ["accusing", "criticized"])
    assert accusing == ("2024-05-06", "sentence") and criticized == ("2024-05-06", "clause")


@pytest.mark.issue(8)
def test_a_reported_event_without_its_own_date_falls_back_to_the_report(nlp):
    text = "Farmers blocked the coastal highway with tractors, the regional police said on Monday."
    blocked, said = dated(nlp, text, ["blocked", "said"])
    assert blocked == ("2024-05-06", "report") and said == ("2024-05-06", "clause")


@pytest.mark.issue(8)
def test_a_frame_that_is_no_report_still_dates_the_sentence(nlp):
    text = "In March, dockers walked out after the port cut their pay."
    (walked,) = dated(nlp, text, ["walked"])
    assert walked == ("2024-03", "sentence") or walked == ("2024-03", "clause")


@pytest.mark.issue(8)
def test_narrative_skips_the_date_of_a_statement(nlp):
    text = ("Rioters burned two buses near the stadium late on Saturday, the mayor told reporters on Tuesday. "
            "Police arrested eleven men.")
    (arrested,) = dated(nlp, text, ["arrested"])
    assert arrested == ("2024-05-04", "narrative")


@pytest.mark.issue(8)
def test_a_year_on_a_thing_dates_no_event(nlp):
    text = ("On 3 May, border guards fired on a road crew. The crew was laying a fence along the line shown "
            "on the charts of 1931-1935. Herders threw stones at the guards.")
    fired, laying, threw = dated(nlp, text, ["fired", "laying", "threw"])
    assert fired == ("2024-05-03", "clause")
    assert laying[0] != "1935" and threw == ("2024-05-03", "narrative")
    withdrew, = dated(nlp, "The rebels withdrew behind the 1994 borders.", ["withdrew"])
    assert withdrew == (None, None)
    text = "The envoy came back in 2012. Farmers still praise the harvest of that year."
    (praised,) = dated(nlp, text, ["praise"])
    assert praised[0] == "2012"  # "that year" tells when, whatever noun it hangs on


@pytest.mark.issue(8)
def test_a_year_on_an_event_noun_dates_it(nlp):
    text = "The elders still speak of the riots of 1989 in the valley."
    document = Document.from_text(text, published="2024-05-10")
    (riots,) = date_events(document, nlp(text), (event_at(text, "riots", kind="PROTEST"),))
    assert riots.date is not None and riots.date.value == "1989"


@pytest.mark.issue(8)
def test_a_clause_modifying_a_noun_trigger_gives_its_own_date(nlp):
    text = "A ceasefire brokered by the elders late on Monday was violated on Wednesday."
    ceasefire, collapsed = dated(nlp, text, ["ceasefire", "violated"])
    assert ceasefire == ("2024-05-06", "modifier") and collapsed == ("2024-05-08", "clause")
    text = "The blockade, which began in April, was lifted on 2 June."
    blockade, lifted = dated(nlp, text, ["blockade", "lifted"])
    assert blockade == ("2024-04", "modifier") and lifted == ("2024-06-02", "clause")
    (ceasefire,) = dated(nlp, "The ceasefire collapsed on Wednesday.", ["ceasefire"])
    assert ceasefire == ("2024-05-08", "clause")
    text = "The siege, which since 2021 has divided the town, began in 2019."
    siege, began = dated(nlp, text, ["siege", "began"])
    assert siege == ("2019", "clause") and began == ("2019", "clause")  # a present-tense clause dates no event


@pytest.mark.issue(8)
def test_a_date_opening_a_sentence_attributed_at_its_end_dates_the_report_content(nlp):
    # the parser hangs "On 2 May" on the headline, so the date reaches the lead only as a sentence frame
    text = ("Governor says gunmen raided station\n\n"
            "On 2 May, armed men stormed a police station in the hills, the governor said.")
    (stormed,) = dated(nlp, text, ["stormed"])
    assert stormed == ("2024-05-02", "sentence")


@pytest.mark.issue(8)
@pytest.mark.parametrize("sentence, expression, value, until", [
    ("Mortars hit the depot on the night of 4 to 5 March.", "on the night of 4 to 5 March", "2022-03-04", "2022-03-05"),
    ("Sirens sounded through the night of 31 March to 1 April.", "31 March to 1 April", "2022-03-31", "2022-04-01"),
    ("The drills ran Aug. 29 to Sept. 2.", "Aug. 29 to Sept. 2", "2022-08-29", "2022-09-02"),
    ("Strikes closed the mines from Monday to Wednesday.", "from Monday to Wednesday", "2022-10-10", "2022-10-12"),
    ("Envoys met between Tuesday and Thursday.", "between Tuesday and Thursday", "2022-10-04", "2022-10-06"),
    ("Mortars hit the depot on 4 March.", "on 4 March", "2022-03-04", None),
])
def test_a_range_of_days_resolves_to_its_first_day_until_its_last(nlp, sentence, expression, value, until):
    document = Document.from_text(sentence, published="2022-10-12")  # a Wednesday
    found = {r.expression.text: (r.value, r.until) for r in resolve_document(document, nlp(sentence))}
    assert found[expression] == (value, until)


@pytest.mark.issue(8)
def test_an_event_dated_by_a_range_carries_its_last_day(nlp):
    text = "Mortars hit the depot on the night of 4 to 5 March. Crowds marched in the capital on 9 March."
    document = Document.from_text(text, published="2022-10-12")
    hit, marched = date_events(document, nlp(text), (event_at(text, "hit"), event_at(text, "marched", kind="PROTEST")))
    assert (hit.date.value, hit.date.until) == ("2022-03-04", "2022-03-05")
    assert (marched.date.value, marched.date.until) == ("2022-03-09", None)
    assert "Monday and Wednesday" not in {r.expression.text for r in resolve_document(
        Document.from_text("Strikes closed the mines on Monday and Wednesday.", published="2022-10-12"),
        nlp("Strikes closed the mines on Monday and Wednesday."))}


@pytest.mark.issue(8)
def test_a_statement_date_bounds_an_event_in_a_clause_below_the_reporting_verb(nlp):
    text = "Markets in the port reopened, the harbour police said on Monday, after a curfew was lifted there."
    document = Document.from_text(text, published="2031-06-18")
    (lifted,) = date_events(document, nlp(text), (event_at(text, "lifted", kind="CONCEDE"),))
    assert lifted.date.value == "2031-06-16" and lifted.date.method == "report:WEEKDAY"


@pytest.mark.issue(8)
def test_a_trailing_date_of_the_first_clause_does_not_date_a_coordinated_clause(nlp):
    text = ("The armistice proclaimed on May 2 has mostly held, although both camps have recorded stray gunfire "
            "since then, and each has blamed the other for breaching the armistice.")  # parsed with 'proclaimed' as root
    document = Document.from_text(text, published="2031-05-09")
    (breaching,) = date_events(document, nlp(text), (event_at(text, "breaching"),))
    assert breaching.date is None


@pytest.mark.issue(8)
def test_the_event_a_relative_offset_names_is_dated_before_its_clause(nlp):
    text = "Students occupied the dean's office on Thursday, two days after a vigil on the campus."
    document = Document.from_text(text, published="2031-06-20")  # a Friday
    occupied, vigil = date_events(document, nlp(text), (event_at(text, "occupied", kind="PROTEST"),
                                                         event_at(text, "vigil", kind="PROTEST")))
    assert occupied.date.value == "2031-06-19"
    assert (vigil.date.value, vigil.date.text) == ("2031-06-17", "two days after a vigil")
    # anchored on an earlier dated mention of the noun, the noun's event keeps that date
    chain = "The referendum was held on 3 April. Riots broke out two days after the referendum."
    document = Document.from_text(chain, published="2031-06-20")
    (second,) = date_events(document, nlp(chain), (event_at(chain, "referendum", occurrence=2, kind="CONSULT"),))
    assert second.date.value == "2031-04-03"


@pytest.mark.issue(8)
def test_a_time_of_day_alone_does_not_stop_the_narrative_date(nlp):
    text = "Guards fired rubber bullets at strikers late on Tuesday. The strikers had held the gate since the afternoon."
    document = Document.from_text(text, published="2031-06-20")
    (held,) = date_events(document, nlp(text), (event_at(text, "held", kind="PROTEST"),))
    assert (held.date.value, held.date.method) == ("2031-06-17", "narrative:WEEKDAY")
    # the other side: a day of its own that cannot be resolved still stops it
    other = "Guards fired rubber bullets at strikers late on Tuesday. The strikers had held the gate for several days."
    (held,) = date_events(Document.from_text(other, published="2031-06-20"), nlp(other),
                          (event_at(other, "held", kind="PROTEST"),))
    assert held.date is None


@pytest.mark.issue(8)
def test_the_past_week_is_a_range_of_days_and_last_week_a_month(nlp):
    found = resolve(nlp, "Police in the province detained forty people over the past week.", published="2031-06-16")
    assert found["the past week"] == ("2031-06-09", "day")
    text = "Police in the province detained forty people over the past week."
    (detained,) = date_events(Document.from_text(text, published="2031-06-16"), nlp(text),
                              (event_at(text, "detained", kind="COERCE"),))
    assert (detained.date.value, detained.date.until) == ("2031-06-09", "2031-06-16")
    assert resolve(nlp, "Police detained forty people last week.", published="2031-06-16")["last week"] == (
        "2031-06", "month")


@pytest.mark.issue(8)
def test_a_while_clause_takes_the_date_of_the_clause_it_hangs_from(nlp):
    text = "Police dispersed a crowd in Kapan on Friday, while rioters stormed the town hall in Goris."
    document = Document.from_text(text, published="2031-06-23")
    (stormed,) = date_events(document, nlp(text), (event_at(text, "stormed"),))
    assert (stormed.date.value, stormed.date.method) == ("2031-06-20", "participle:WEEKDAY")


@pytest.mark.issue(8)
def test_a_conjoined_verb_without_a_subject_shares_the_first_verbs_date(nlp):
    text = ("On Tuesday night some forty smugglers tried to cut the wire near the river crossing "
            "and hurled bottles at the patrol, the border service said.")
    tried, hurled = dated(nlp, text, ["tried", "hurled"])
    assert tried == hurled == ("2024-05-07", "clause")
    text = "Police detained six activists on Monday, and a court released them."
    (released,) = dated(nlp, text, ["released"])
    assert released[0] is None or released[1] == "narrative"  # a subject of its own: its own clause


@pytest.mark.issue(8)
def test_a_span_of_minutes_or_hours_names_no_day_of_its_own(nlp):
    text = ("A curfew began in the port at 9 p.m. on Thursday. The council said rioters had defied it "
            "within minutes, burning two buses.")
    (defied,) = dated(nlp, text, ["defied"])
    assert defied == ("2024-05-09", "narrative")
    text = "Dockers struck on Thursday. Police kept the gates shut for several hours."
    (kept,) = dated(nlp, text, ["kept"])
    assert kept == ("2024-05-09", "narrative")


@pytest.mark.issue(8)
def test_one_event_per_coordinated_day(nlp):
    text = ("Two truces, signed in Vienna on 3 April and on 11 April, failed at once. "
            "Monitors counted raids on 6 March and 8 March. The pact was sealed on 2 May and 4 May. "
            "Guards exchanged fire on 5 and 7 June.")
    document = Document.from_text(text, published="2021-07-01")
    found = date_events(document, nlp(text), tuple(dataclasses.replace(event_at(text, word), id=f"v{i}")
                                                   for i, word in enumerate(("truces", "raids", "pact", "exchanged"), 1)))
    assert [(event.id, event.trigger.text, event.date.value) for event in found] == [
        ("v1", "truces", "2021-04-03"), ("v2", "raids", "2021-03-06"),
        ("v3", "pact", "2021-05-02"),  # one pact of one preposition: its first day
        ("v4", "exchanged", "2021-06-05"),  # a range of days stays one event
        ("v5", "truces", "2021-04-11"),  # a repeated preposition: a copy, numbered on after the last event
        ("v6", "raids", "2021-03-08")]  # a plural noun
    assert found[4].date.text == "on 11 April" and found[4].date.method == found[0].date.method == "modifier:DAY_MONTH"
    assert found[4].trigger == found[0].trigger
