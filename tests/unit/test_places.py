"""Places stage (issue 6): gazetteer, exact aliases, disambiguation, borders, event locations."""

from __future__ import annotations

import dataclasses

import pytest
import spacy

from presswatch.errors import PresswatchError
from presswatch.nlp import DEFAULT_MODEL
from presswatch.places import locate_events, make_component
from presswatch.places.gazetteer import DATA, load_gazetteer
from presswatch.places.mentions import find_place_mentions
from presswatch.places.rules import BORDER_BETWEEN, BORDER_PAIR, BORDER_WITH
from presswatch.records import AcledType, Document, Event, EventDate, Extent, Participant, make_span


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def mentions(nlp, gazetteer, text):
    return {m.text: m.location for m in find_place_mentions(text, nlp(text), (), gazetteer)}


def located(nlp, gazetteer, text, word, kind="ASSAULT", source=None):
    start = text.index(word)
    event = Event("v1", kind, make_span(text, start, start + len(word)), Extent(0, len(text)), source=source)
    (result,) = locate_events(Document.from_text(text), nlp(text), (), (event,), gazetteer)
    return result.location


@pytest.mark.issue(6)
def test_gazetteer_is_small_and_verified(gazetteer, tmp_path):  # load time: benchmarks/knowledge_load.py
    assert (DATA / "gazetteer.tsv.gz").stat().st_size < 5_000_000
    assert len(gazetteer) > 50_000 and gazetteer.version
    for name in ("gazetteer.tsv.gz", "gazetteer.tsv.gz.meta.json", "demonyms.tsv", "demonyms.tsv.meta.json"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    (tmp_path / "demonyms.tsv").write_text("Tajik\tXXX\n", encoding="utf-8")
    with pytest.raises(PresswatchError) as caught:
        load_gazetteer(tmp_path)
    assert caught.value.code == "PWE011"
    (tmp_path / "gazetteer.tsv.gz").unlink()
    with pytest.raises(PresswatchError) as caught:
        load_gazetteer(tmp_path)
    assert caught.value.code == "PWE010"


@pytest.mark.issue(6)
def test_exact_alias_lookup(gazetteer):
    (kyiv,) = gazetteer.lookup("Kiev")[:1]
    assert (kyiv.name, kyiv.country) == ("Kyiv", "UKR")
    assert all(place.name != "Kyiv" for place in gazetteer.lookup("Kievka"))  # no substring matching
    assert gazetteer.lookup("Kie") == ()
    assert gazetteer.lookup("Alma-Ata")[0].name == "Almaty"
    assert gazetteer.lookup("the Netherlands")[0].country == "NLD"
    assert gazetteer.lookup("Armenia")[0].kind == "country"  # not Armenia, Colombia
    assert gazetteer.demonym("Tajik") == "TJK" and gazetteer.demonym("Azerbaijani") == "AZE"


@pytest.mark.issue(8)
def test_hand_written_villages_are_places_of_their_country(nlp, gazetteer):
    (village,) = gazetteer.lookup("Parcani")
    assert (village.kind, village.country) == ("city", "MDA") and village.lat and village.lon
    found = mentions(nlp, gazetteer, "Moldovan officials said two drones fell near Cobasna on Sunday.")
    assert found["Cobasna"].country == "MDA"


@pytest.mark.issue(6)
def test_ambiguous_names_follow_the_countries_of_the_document(nlp, gazetteer):
    assert mentions(nlp, gazetteer, "Belarusian police detained protesters in Brest.")["Brest"].country == "BLR"
    assert mentions(nlp, gazetteer, "French sailors returned to Brest.")["Brest"].country == "FRA"
    assert mentions(nlp, gazetteer, "Armenian officials said shells hit Goris.")["Goris"].country == "ARM"


@pytest.mark.issue(6)
@pytest.mark.parametrize("text, phrase, countries", [
    ("Tension rose again on the Armenian-Azerbaijani border.", "Armenian-Azerbaijani border", ("ARM", "AZE")),
    ("Clashes began on the Tajik-Kyrgyz border.", "Tajik-Kyrgyz border", ("KGZ", "TJK")),
    ("The border between Kazakhstan and Uzbekistan was closed.", "border between Kazakhstan and Uzbekistan",
     ("KAZ", "UZB")),
    ("The presidents of Kyrgyzstan and Tajikistan talked about the border between the two countries.",
     "border between the two countries", ("KGZ", "TJK")),
    ("Herders crossed Tajikistan's eastern frontier with China at dawn.",
     "Tajikistan's eastern frontier with China", ("CHN", "TJK")),
])
def test_border_descriptions_name_both_countries(nlp, gazetteer, text, phrase, countries):
    location = mentions(nlp, gazetteer, text)[phrase]
    assert location.precision == "border" and location.countries == countries
    assert location.country == countries[0] and location.name.endswith("border")


@pytest.mark.issue(6)
@pytest.mark.parametrize("text, name, place, country", [
    # the tagger reads a capital standing for its government as an organization
    ("Kyrgyz guards and Tajik troops traded fire again. Dushanbe is spreading lies, the Kyrgyz service said.",
     "Dushanbe", "Dushanbe", "TJK"),
    # a district name before "districts" that the tagger takes for a person or an adjective
    ("Azerbaijan said Armenian units shelled the Kalbajar and Lachin districts overnight.",
     "Lachin", "Laçın", "AZE"),
])
def test_names_the_tagger_misreads_are_places(nlp, gazetteer, text, name, place, country):
    location = mentions(nlp, gazetteer, text)[name]
    assert (location.name, location.country) == (place, country)


def test_border_patterns_refuse_non_borders():
    assert BORDER_PAIR.search("cross-border trade") is None
    assert BORDER_BETWEEN.search("the border between the two countries") is None
    assert BORDER_WITH.search("Poland's border guards met Lithuania's envoy") is None


@pytest.mark.issue(6)
@pytest.mark.parametrize("text", [
    "The West is trying to destabilize the country.",
    "Paris Hilton did not comment.",
    "A repeat of August 2020 is impossible.",
])
def test_things_that_are_not_places(nlp, gazetteer, text):
    assert mentions(nlp, gazetteer, text) == {}


@pytest.mark.issue(6)
def test_event_location_is_tied_to_the_trigger(nlp, gazetteer):
    text = "Kazakh officials said looters captured the railway station in Alma-Ata, while Moscow watched."
    location = located(nlp, gazetteer, text, "captured")
    assert (location.name, location.country, location.method) == ("Almaty", "KAZ", "clause")
    assert text[location.start:location.end] == "Alma-Ata"
    topic = "The two presidents discussed the tension along the Armenian frontier over the phone."
    assert located(nlp, gazetteer, topic, "discussed", kind="CONSULT") is None  # a topic, not a venue


@pytest.mark.issue(6)
def test_a_leaving_verb_is_placed_where_it_leaves(nlp, gazetteer):
    text = "After weeks of shelling, the Ukrainian garrison withdrew from Lysychansk."
    location = located(nlp, gazetteer, text, "withdrew", kind="RETREAT")
    assert (location.name, location.country, location.method) == ("Lysychansk", "UKR", "clause")
    arrival = "A delegation from Baku arrived at noon."
    assert located(nlp, gazetteer, arrival, "arrived", kind="CONSULT") is None  # where it came from


@pytest.mark.issue(6)
def test_actor_country_fallback_is_marked(nlp, gazetteer):
    text = "The government raised fuel prices."
    source = Participant(None, "KAZ", "GOV", "The government")
    location = located(nlp, gazetteer, text, "raised", source=source)
    assert (location.country, location.method, location.precision) == ("KAZ", "actor_country", "country")
    assert location.start is None
    assert located(nlp, gazetteer, text, "raised") is None


@pytest.mark.issue(8)
def test_an_unplaced_event_on_the_ground_takes_the_country_the_article_is_about(nlp, gazetteer):
    story = ("Fuel prices doubled in Mangystau this week. Crowds gathered in Aktau and Almaty. "
             "Later that night a mob stormed the city hall. Officials promised to review the prices.")
    location = located(nlp, gazetteer, story, "stormed")
    assert (location.country, location.method, location.precision) == ("KAZ", "article", "country")
    assert located(nlp, gazetteer, story, "promised", kind="AGREE") is None  # statements stay unplaced
    mixed = "Talks opened in Minsk and Vilnius, then in Warsaw. Later that night a mob stormed the city hall."
    assert located(nlp, gazetteer, mixed, "stormed") is None  # no country holds most of the places


@pytest.mark.issue(8)
def test_the_dateline_country_places_an_event_with_no_side_when_no_country_outnumbers_it(nlp, gazetteer):
    story = ("RIGA, 4 May (Baltic Ledger). Police dispersed a march outside the city council late on Sunday. "
             "The mayor, who was visiting Oslo, and a minister speaking from Paris condemned the violence.")
    location = located(nlp, gazetteer, story, "dispersed", kind="COERCE")
    assert (location.country, location.method, location.precision) == ("LVA", "article", "country")
    assert location.start is None
    assert located(nlp, gazetteer, story, "condemned", kind="ACCUSE") is None  # statements stay unplaced
    sides = (Participant(None, "NOR", "MIL", "Norwegian troops"), Participant(None, "FRA", "MIL", "French troops"))
    start = story.index("dispersed")
    event = Event("v1", "ASSAULT", make_span(story, start, start + 9), Extent(0, len(story)),
                  source=sides[0], target=sides[1])
    (result,) = locate_events(Document.from_text(story), nlp(story), (), (event,), gazetteer)
    assert result.location is None  # two countries' sides: where the report is filed says nothing
    undated = story.replace("RIGA, 4 May (Baltic Ledger). ", "")
    assert located(nlp, gazetteer, undated, "dispersed", kind="COERCE") is None  # no dateline, no majority
    outnumbered = ("RIGA, 4 May (Baltic Ledger). Talks opened in Minsk and Grodno, then moved to Warsaw. "
                   "Later police dispersed a march outside the city council.")
    assert located(nlp, gazetteer, outnumbered, "dispersed", kind="COERCE") is None  # Belarus is named more


@pytest.mark.issue(8)
def test_an_event_on_the_ground_keeps_the_city_its_paragraph_is_in(nlp, gazetteer):
    story = ("In Kutaisi, several hundred farmers rallied outside the regional office on Monday. "
             "A second crowd formed in Freedom Plaza the next day, and the police arrested forty people.")
    for word, kind in (("formed", "PROTEST"), ("arrested", "COERCE")):
        location = located(nlp, gazetteer, story, word, kind=kind)
        assert (location.name, location.country, location.method) == ("Kutaisi", "GEO", "narrative")
    statement = story.replace("the police arrested forty people", "the mayor promised a review")
    assert located(nlp, gazetteer, statement, "promised", kind="AGREE") is None  # not an act on the ground


@pytest.mark.issue(8)
def test_a_city_is_not_carried_past_a_paragraph_a_speaker_or_a_second_city(nlp, gazetteer):
    moved = ("In Kutaisi, several hundred farmers rallied outside the regional office on Monday.\n\n"
             "Two days later riot police cleared a road camp.")
    speaker = "Officials in Kutaisi reported a calm night. Later, unknown men attacked a bus depot."
    two = "Farmers rallied in Kutaisi and in Zugdidi on Monday. The police arrested forty people."
    for text, word in ((moved, "cleared"), (speaker, "attacked"), (two, "arrested")):
        location = located(nlp, gazetteer, text, word, kind="COERCE")
        assert location is None or location.method != "narrative"
    changed = ("In Kutaisi, several hundred farmers rallied on Monday.\n\n"
               "In Zugdidi, students marched on Tuesday. The police arrested forty of them.")
    location = located(nlp, gazetteer, changed, "arrested", kind="COERCE")
    assert (location.name, location.method) == ("Zugdidi", "narrative")


@pytest.mark.issue(8)
def test_a_reported_action_on_a_thing_near_a_city_places_the_next_sentence_there(nlp, gazetteer):
    story = ("Riot police dismantled the tent camp near Kutaisi on Friday after farmers threw stones at them, "
             "the ministry said. Nine officers were hurt and twenty farmers were detained.")
    location = located(nlp, gazetteer, story, "detained", kind="COERCE")
    assert (location.name, location.method) == ("Kutaisi", "narrative")
    said = "Officials near Kutaisi said the camp was calm. Twenty farmers were detained."
    location = located(nlp, gazetteer, said, "detained", kind="COERCE")
    assert location is None or location.method != "narrative"  # where the speaker is


@pytest.mark.issue(8)
def test_a_site_named_with_its_town_and_then_by_a_definite_noun_is_placed_there(nlp, gazetteer):
    story = ("Troops reopened the mountain road near Gori on Friday, the Georgian ministry said.\n\n"
             "Farmers had blocked the road on Thursday to keep lorries from reaching Tbilisi, it said.")
    location = located(nlp, gazetteer, story, "blocked", kind="PROTEST")
    assert (location.name, location.method) == ("Gori", "narrative")
    other = story.replace("blocked the road", "blocked the talks")  # no site
    location = located(nlp, gazetteer, other, "blocked", kind="PROTEST")
    assert location is None or location.name != "Gori"


@pytest.mark.issue(8)
def test_the_city_named_last_is_the_one_a_definite_city_noun_refers_to(nlp, gazetteer):
    story = ("TBILISI, 4 May (Rioni Herald). The governor flew to Kutaisi on Sunday to meet farmers.\n\n"
             "On Monday, farmers gathered in the city centre. Riot police later cleared the road.")
    for word, kind in (("gathered", "PROTEST"), ("cleared", "COERCE")):
        location = located(nlp, gazetteer, story, word, kind=kind)
        assert (location.name, location.country, location.method) == ("Kutaisi", "GEO", "narrative")
    no_anaphor = story.replace("in the city centre", "near a depot")
    location = located(nlp, gazetteer, no_anaphor, "cleared", kind="COERCE")
    assert location is None or location.name != "Kutaisi"  # past a paragraph break, a city needs the link
    described = story.replace("the city centre", "the capital city")
    location = located(nlp, gazetteer, described, "gathered", kind="PROTEST")
    assert location is None or location.name != "Kutaisi"


@pytest.mark.issue(8)
def test_the_dateline_city_is_carried_into_the_next_paragraph(nlp, gazetteer):
    story = ("VILNIUS, 3 June (Baltic Ledger). Belarusian troops drilled near Grodno, Brest and Gomel this "
             "week, the ministry in Minsk said.\n\nIn Vilnius, hundreds of people rallied outside the "
             "embassy on Sunday.\n\nLater that evening, police detained six of them.")
    location = located(nlp, gazetteer, story, "detained", kind="COERCE")
    assert (location.name, location.country, location.method) == ("Vilnius", "LTU", "narrative")
    undated = story.replace("VILNIUS, 3 June (Baltic Ledger). ", "")
    assert located(nlp, gazetteer, undated, "detained", kind="COERCE").method == "article"  # Belarus named most


@pytest.mark.issue(6)
def test_deterministic_inputs_untouched_offsets_valid(nlp, gazetteer):
    text = "BAKU, 13 September. Troops shelled Jermuk and Goris near the Armenian-Azerbaijani border."
    found = find_place_mentions(text, nlp(text), (), gazetteer)
    assert found == find_place_mentions(text, nlp(text), (), gazetteer)
    assert all(text[m.start:m.end] == m.text for m in found)
    assert {m.location.name for m in found} >= {"Baku", "Jermuk", "Goris"}
    start = text.index("shelled")
    event = Event("v1", "ASSAULT", make_span(text, start, start + 7), Extent(0, len(text)))
    before = dataclasses.asdict(event)
    locate_events(Document.from_text(text), nlp(text), (), (event,), gazetteer)
    assert dataclasses.asdict(event) == before


@pytest.mark.issue(6)
def test_empty_document(nlp):
    component = make_component(nlp)
    assert component(Document.from_text(""), nlp(""), (), ()) == ()


@pytest.mark.issue(6)
def test_dotted_country_initials_are_places(nlp, gazetteer):
    found = mentions(nlp, gazetteer, "Diplomats from the U.S. and the U.K. met officials of the UAE on Monday.")
    assert {found[name].country for name in ("U.S.", "U.K.", "UAE")} == {"USA", "GBR", "ARE"}


@pytest.mark.issue(6)
def test_a_state_is_found_even_when_the_document_names_no_country(nlp, gazetteer):
    found = mentions(nlp, gazetteer, "Fire crews in New Jersey and Minnesota worked through the night.")
    assert (found["New Jersey"].name, found["New Jersey"].country, found["New Jersey"].precision) == ("New Jersey", "USA", "admin1")
    assert found["Minnesota"].precision == "admin1"


@pytest.mark.issue(6)
def test_a_world_city_beats_a_small_namesake_in_a_document_country(nlp, gazetteer):
    found = mentions(nlp, gazetteer, "The American senator flew to Prague and later to St. Petersburg, "
                                     "where Russian officials met him.")
    assert (found["Prague"].name, found["Prague"].country) == ("Prague", "CZE")
    assert found["St. Petersburg"].country == "RUS"
    # a mid-sized namesake in a document country still wins over a city only a few times bigger
    florida = mentions(nlp, gazetteer, "Voters in St. Petersburg, Florida, lined up early.")
    assert florida["St. Petersburg"].country == "USA"


@pytest.mark.issue(6)
def test_new_york_is_the_city_unless_the_text_says_state(nlp, gazetteer):
    city = mentions(nlp, gazetteer, "Police in New York closed two streets after the blast.")
    assert (city["New York"].name, city["New York"].precision) == ("New York City", "city")
    text = "The New York state comptroller audited a charity that raises money in New York."
    found = [m.location for m in find_place_mentions(text, nlp(text), (), gazetteer) if m.text == "New York"]
    assert found and all((place.name, place.precision) == ("New York", "admin1") for place in found)


@pytest.mark.issue(6)
def test_well_known_regions_and_islands(nlp, gazetteer):
    found = mentions(nlp, gazetteer, "Moscow's seizure of Crimea worried Denmark, which reinforced Bornholm.")
    assert (found["Crimea"].country, found["Crimea"].precision) == ("UKR", "region")
    assert (found["Bornholm"].country, found["Bornholm"].precision) == ("DNK", "region")


@pytest.mark.issue(8)
def test_a_variant_spelling_of_a_far_world_city_does_not_beat_a_city_of_the_document_country(nlp, gazetteer):
    text = "After ten calm days, Peru ended the evening curfew in Puno and in Cusco."
    found = mentions(nlp, gazetteer, text)
    assert (found["Puno"].name, found["Puno"].country) == ("Puno", "PER")  # not Pune, India (an alias match)
    location = located(nlp, gazetteer, text, "ended", kind="COERCE")
    assert (location.name, location.country, location.method) == ("Puno", "PER", "clause")
    assert mentions(nlp, gazetteer, "Peruvian troops guarded the road to Cuzco.")["Cuzco"].country == "PER"
    # the other side: Indian places keep India when the document is about India
    indian = mentions(nlp, gazetteer, "An Indian court in Maharashtra heard a case from Pune while "
                                      "weavers in Hyderabad and Calcutta went on strike.")
    assert {indian[name].country for name in ("Pune", "Hyderabad", "Calcutta")} == {"IND"}
    assert indian["Calcutta"].name == "Kolkata"
    pakistani = mentions(nlp, gazetteer, "Flood water reached Hyderabad while Pakistani crews in Sindh dug levees.")
    assert pakistani["Hyderabad"].country == "PAK"
    # with no country prior, an old name of a world city is still that city, not a small namesake
    assert mentions(nlp, gazetteer, "Dock workers marched in Calcutta on Friday.")["Calcutta"].name == "Kolkata"


@pytest.mark.issue(8)
def test_a_border_in_the_event_sentence_wins_over_the_dateline_city(nlp, gazetteer):
    story = ("Guards turn pepper spray on migrants at Medininkai\n\nMINSK, 5 March (Neman Wire). Lithuanian guards "
             "used pepper spray on Tuesday against migrants who had camped on the Belarusian side of the border, "
             "the committee said.")
    location = located(nlp, gazetteer, story, "used")
    assert (location.precision, location.countries, location.method) == ("border", ("BLR", "LTU"), "sentence")
    assert story[location.start:location.end] == "Belarusian side of the border"
    assert located(nlp, gazetteer, story, "said", kind="ACCUSE") is None  # only events on the ground
    # the other side: an event whose sentence names no place still takes the dateline's city
    plain = ("Night raids in the capital\n\nMINSK, 5 March (Neman Wire). Riot police detained dozens of marchers "
             "overnight, the ministry said.")
    location = located(nlp, gazetteer, plain, "detained", kind="COERCE")
    assert (location.name, location.method) == ("Minsk", "narrative")
    assert mentions(nlp, gazetteer, "Smugglers waited on the other side of the border.") == {}  # no country named


@pytest.mark.issue(6)
def test_one_side_of_a_border_takes_the_other_country_named_before_it(nlp, gazetteer):
    found = mentions(nlp, gazetteer, "Tajik herders said Kyrgyz troops fired at them from the Kyrgyz side of the "
                                     "frontier.")
    assert found["Kyrgyz side of the frontier"].countries == ("KGZ", "TJK")
    assert mentions(nlp, gazetteer, "Polish guards patrolled the Polish side of the border.") == {}  # one country


@pytest.mark.issue(8)
def test_a_place_in_a_clause_modifying_a_noun_trigger_places_it(nlp, gazetteer):
    text = "Strikes, which began in the mining town of Balkhash, spread to factories across Kazakhstan last week."
    location = located(nlp, gazetteer, text, "Strikes", kind="PROTEST")
    assert (location.name, location.method) == ("Balqash", "clause")  # not the country they spread across


@pytest.mark.issue(8)
def test_a_participle_takes_the_place_its_head_verb_acts_on(nlp, gazetteer):
    text = "Drones struck the village of Kapan on Sunday, wounding three farmers, officials said."
    location = located(nlp, gazetteer, text, "wounding")
    assert (location.name, location.method) == ("Kapan", "clause")


@pytest.mark.issue(8)
def test_a_place_naming_the_site_acted_on_places_the_event(nlp, gazetteer):
    text = "Armenian farmers blocked Gyumri roads on Friday."
    location = located(nlp, gazetteer, text, "blocked", kind="PROTEST", source=Participant(None, "ARM", "CVL", "farmers"))
    assert (location.name, location.method) == ("Gyumri", "clause")
    # the other side: a verbal event is not where the people it names are from
    assert located(nlp, gazetteer, "Gyumri officials criticised the plan.", "criticised", kind="ACCUSE") is None


@pytest.mark.issue(8)
def test_a_city_is_carried_from_a_chain_of_places_or_an_event_subject(nlp, gazetteer):
    chain = "Residents assembled on Monday in the yard behind the town hall in Gyumri. Police dispersed them."
    location = located(nlp, gazetteer, chain, "dispersed")
    assert (location.name, location.method) == ("Gyumri", "narrative")
    subject = "The protest in Vanadzor started calmly. Police detained twelve."
    location = located(nlp, gazetteer, subject, "detained", kind="COERCE")
    assert (location.name, location.method) == ("Vanadzor", "narrative")
    # the other side: a place of the people who speak is not where the story goes on
    speakers = "Officials in Vanadzor spoke on Monday. Police detained twelve."
    location = located(nlp, gazetteer, speakers, "detained", kind="COERCE")
    assert location is None or location.name != "Vanadzor"


@pytest.mark.issue(8)
def test_the_one_place_of_its_sentence_places_an_event_on_the_ground(nlp, gazetteer):
    text = "A crowd in Balkhash cheered before the yard was cleared."
    location = located(nlp, gazetteer, text, "cleared")
    assert (location.name, location.method) == ("Balqash", "sentence")
    # the other side: where a statement is made is no place of what it reports
    location = located(nlp, gazetteer, "Officials in Astana said the yard was cleared.", "cleared")
    assert location is None or location.name != "Astana"
    # nor is a place of another clause of the sentence
    text = ("The mayor said on Friday he had agreed to cut bus fares in Shymkent, but the drivers, some of whom "
            "shouted slogans, were dispersed by police.")
    location = located(nlp, gazetteer, text, "dispersed")
    assert location is None or location.name != "Shymkent"


@pytest.mark.issue(8)
def test_a_crowd_in_a_report_filed_from_its_city_is_placed_there(nlp, gazetteer):
    story = "SHYMKENT – Shops in Shymkent reopened on Monday.\n\nCrowds gathered near the theatre on Tuesday."
    location = located(nlp, gazetteer, story, "gathered", kind="PROTEST")
    assert (location.name, location.precision, location.method) == ("Shymkent", "city", "article")
    # the other side: fighting is not placed where the report is filed
    start = story.index("gathered")
    fighting = Event("v1", "ASSAULT", make_span(story, start, start + len("gathered")), Extent(0, len(story)),
                     acled=AcledType("Battles", "Armed clash"))
    (result,) = locate_events(Document.from_text(story), nlp(story), (), (fighting,), gazetteer)
    assert result.location is None or result.location.name != "Shymkent"
    # nor is background told from long before the report
    background = dataclasses.replace(fighting, type="PROTEST", acled=None,
                                     date=EventDate("2019-03", "month", "in March 2019", 0, 0, "clause:MONTH"))
    (result,) = locate_events(Document.from_text(story, published="2031-06-20"), nlp(story), (), (background,),
                              gazetteer)
    assert result.location is None or result.location.name != "Shymkent"
    recent = dataclasses.replace(background, date=EventDate("2031-06-17", "day", "on Tuesday", 0, 0, "clause:WEEKDAY"))
    (result,) = locate_events(Document.from_text(story, published="2031-06-20"), nlp(story), (), (recent,), gazetteer)
    assert result.location.name == "Shymkent"


@pytest.mark.issue(8)
def test_a_preposition_left_without_object_governs_the_place_after_it(nlp, gazetteer):
    text = "On Friday police in Kapan dispersed a crowd, while in Goris rioters stormed the town hall, witnesses said."
    location = located(nlp, gazetteer, text, "stormed")  # parsed with "Goris" as a compound of "rioters"
    assert (text[location.start:location.end], location.method) == ("Goris", "clause")
    assert located(nlp, gazetteer, text, "dispersed").name == "Kapan"


@pytest.mark.issue(8)
def test_english_spellings_of_subdivisions_find_them(gazetteer, nlp):
    (jambyl,) = gazetteer.lookup("Jambyl")[:1]
    assert (jambyl.kind, jambyl.country, jambyl.id) == ("admin1", "KAZ", "s:KZ-31")
    assert gazetteer.lookup("Grodno Region")[0].id == "s:BY-HR"
    assert gazetteer.lookup("Karakalpakstan")[0].id == "s:UZ-QR"
    assert gazetteer.lookup("Aktobe region")[0].id == "s:KZ-15"
    # the other side: a bare name a city bears stays the city
    assert (gazetteer.lookup("Aktobe")[0].kind, gazetteer.lookup("Grodno")[0].kind) == ("city", "city")
    text = "Police in Jambyl region detained sixty people on Sunday."
    location = located(nlp, gazetteer, text, "detained", kind="COERCE")
    assert (location.precision, location.country, location.method) == ("admin1", "KAZ", "clause")


@pytest.mark.parametrize("published, news", [("2022-10-10", False), ("2012-01-20", True), ("0001-01-01", True),
                                             ("not a date", True)])
def test_background_is_an_event_dated_long_before_publication_and_no_date_breaks_it(published, news):
    from presswatch.places.attach import is_news

    text = "In January 2012 troops opened fire on the marchers."
    start = text.index("opened")
    dated = Event("v1", "ASSAULT", make_span(text, start, start + 6), Extent(0, len(text)),
                  date=EventDate("2012-01", "month", "In January 2012", 0, 15, "clause:MONTH_YEAR"))
    assert is_news(dated, published) is news
