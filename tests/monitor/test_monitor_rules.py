"""Dedup, contested claims, narratives, series and alerts on mentions written by hand."""

from __future__ import annotations

import dataclasses

import pytest

from presswatch.monitor.alerts import EscalationDetector
from presswatch.monitor.contested import contested_claims, narratives
from presswatch.monitor.dedup import Deduplicator, cluster_confidence, date_range
from presswatch.monitor.exports import GDELT_COLUMNS, gdelt_row
from presswatch.monitor.records import EventMention
from presswatch.monitor.series import build_series, period_of
from presswatch.scale.spark_monitor import cluster_group

BASE = EventMention(
    document_id="d1", event_id="v1", type="ASSAULT", cameo="195", quad_class=4, goldstein=-10.0,
    acled_event_type="Explosions/Remote violence", source_country="AZE", target_country="ARM",
    source_text="Azerbaijani forces", target_text="Armenian positions", date="2022-09-13", date_precision="day",
    location_name="Jermuk", location_country="ARM", lat=39.84, lon=45.67, status="asserted",
    trigger_start=10, trigger_end=17, trigger_text="shelled", published="2022-09-13", outlet="Yerevan Courier",
    title="t", url="https://a.example.org/1", speaker=None)


def mention(**changes) -> EventMention:
    return dataclasses.replace(BASE, **changes)


def test_same_event_from_two_outlets_is_one_cluster():
    other = mention(document_id="d2", outlet="Meridian Wire", date="2022-09-14", location_name="Goris", lat=39.51,
                    lon=46.34)
    (cluster,) = Deduplicator().cluster([BASE, other])
    assert cluster.articles == 2 and cluster.outlets == 2
    assert cluster.date == "2022-09-13" and cluster.source_country == "AZE"
    assert cluster.confidence == pytest.approx(1 - 0.4 * 0.4)


@pytest.mark.parametrize("changes", [
    {"type": "PROTEST"},
    {"date": "2022-09-20"},
    {"source_country": "KGZ", "target_country": "TJK", "location_country": "TJK"},
    {"lat": 40.1, "lon": 70.6, "location_country": "ARM"},  # 2,000 km away
])
def test_incompatible_mentions_stay_apart(changes):
    other = mention(document_id="d2", outlet="Meridian Wire", **changes)
    assert len(Deduplicator().cluster([BASE, other])) == 2


def test_an_organization_acting_at_its_seat_is_placed_in_the_organization():
    decision = dict(type="SANCTION", cameo="163", source_country="EUR", target_country="IRN", date="2030-05-14",
                    published="2030-05-14")
    at_seat = mention(location_name="Brussels", location_country="BEL", lat=50.85, lon=4.35, **decision)
    bloc = mention(document_id="d2", outlet="Gulf Ledger", location_name=None, location_country="EUR", lat=None,
                   lon=None, **decision)
    tehran = mention(document_id="d3", outlet="Caspian Note", location_name="Iran", location_country="IRN", lat=None,
                     lon=None, **decision)
    assert Deduplicator().why_apart(at_seat, bloc) is None  # Brussels is where the EU decides
    assert len(Deduplicator().cluster([at_seat, bloc, tehran])) == 1
    visit = dict(type="CONSULT", cameo="040", source_country="IRN", target_country="USA", date="2030-05-14",
                 published="2030-05-14", location_country=None, location_name=None, lat=None, lon=None)
    in_brussels = mention(**{**visit, "location_name": "Brussels", "location_country": "BEL", "lat": 50.85, "lon": 4.35})
    in_washington = mention(document_id="d2", outlet="Gulf Ledger", **{**visit, "location_name": "Washington",
                                                                        "location_country": "USA"})
    assert Deduplicator().why_apart(in_brussels, in_washington) == "place country"  # no EU actor: Belgium


def test_a_whole_country_as_the_place_fits_any_place_inside_it():
    country_level = mention(document_id="d2", outlet="Meridian Wire", location_name="Armenia", lat=40.07, lon=45.04)
    assert len(Deduplicator().cluster([BASE, country_level])) == 1
    far_town = mention(document_id="d2", outlet="Meridian Wire", location_name="Gyumri", lat=40.79, lon=43.85)
    assert len(Deduplicator().cluster([BASE, far_town])) == 2  # two towns 200 km apart stay apart


def test_decisions_fit_any_place_of_their_country_and_a_third_country_venue():
    aid = dict(type="AID", source_country="CSTO", target_country="KAZ")
    in_almaty = mention(**aid, location_name="Almaty", location_country="KAZ", lat=43.25, lon=76.92)
    in_capital = mention(document_id="d2", outlet="Steppe Post", **aid, location_name="Astana",
                         location_country="KAZ", lat=51.17, lon=71.45)  # 960 km away: same deployment
    assert len(Deduplicator().cluster([in_almaty, in_capital])) == 1
    sanction = dict(type="SANCTION", source_country="EUR", target_country="BLR")
    unplaced = mention(**sanction, location_name=None, location_country=None, lat=None, lon=None)
    at_venue = mention(document_id="d2", outlet="Steppe Post", **sanction, location_name="Brussels",
                       location_country="BEL", lat=50.85, lon=4.35)  # decided in a third country
    assert len(Deduplicator().cluster([unplaced, at_venue])) == 1


def test_month_precision_contains_day_and_undated_uses_publication_window():
    month = mention(document_id="d2", outlet="X", date="2022-09", date_precision="month")
    undated = mention(document_id="d3", outlet="Y", date=None, date_precision=None, published="2022-09-15")
    (cluster,) = Deduplicator().cluster([BASE, month, undated])
    assert cluster.date == "2022-09-13" and cluster.date_precision == "day"


def test_hypothetical_and_unplaceable_mentions_are_not_events_and_bare_mentions_stay_in_their_article():
    threat = mention(document_id="d2", status="hypothetical")
    bare = dict(source_country=None, target_country=None, location_name=None, location_country=None, lat=None, lon=None)
    first, second = mention(document_id="d3", **bare), mention(document_id="d4", **bare)
    same_article = mention(document_id="d3", event_id="v2", **bare)
    placed_in_d3 = mention(document_id="d3", event_id="v3", date="2022-09-12", source_country="KGZ",
                           target_country="TJK", location_name="Batken", location_country="KGZ", lat=40.06, lon=70.82)
    clusters = Deduplicator().cluster([BASE, threat, first, second, same_article, placed_in_d3])
    assert sorted(c.articles for c in clusters) == [1, 1]  # BASE; d3's mentions; d4's bare one is dropped
    assert sorted(len(c.mentions) for c in clusters) == [1, 3]


def test_a_bare_mention_never_keeps_two_articles_reports_apart():
    bare = dict(source_country=None, target_country=None, location_name=None, location_country=None, lat=None, lon=None)
    first_in_d1 = mention(event_id="v0", trigger_text="fighting", **bare)  # sorts before BASE
    other_article = mention(document_id="d2", outlet="Meridian Wire", location_name="Goris", lat=39.51, lon=46.34)
    (cluster,) = Deduplicator().cluster([first_in_d1, BASE, other_article])
    assert cluster.articles == 2 and len(cluster.mentions) == 3
    two_days_later = mention(event_id="v9", date="2022-09-15", **bare)  # its own article, but not its day
    assert all(two_days_later not in c.mentions for c in Deduplicator().cluster([BASE, other_article, two_days_later]))


def test_a_border_clash_each_side_places_on_its_own_soil_is_one_event():
    by_attacker = mention(document_id="d2", outlet="Caspian Herald", source_country="AZE", target_country=None,
                          location_name="Azerbaijan", location_country="AZE", lat=40.4, lon=47.6)
    assert len(Deduplicator().cluster([BASE, by_attacker])) == 1  # BASE names both sides: AZE on ARM soil
    elsewhere = dict(source_country="TJK", target_country=None, location_name="Tajikistan", location_country="TJK",
                     lat=38.9, lon=71.2)
    lone_armenian = mention(target_country=None, source_country="ARM")
    assert len(Deduplicator().cluster([lone_armenian, mention(document_id="d2", outlet="X", **elsewhere)])) == 2
    why = Deduplicator().why_apart(lone_armenian, mention(document_id="d2", outlet="X", **elsewhere))
    assert why == "place country"


def test_one_report_naming_both_sides_lets_each_sides_own_version_join():
    lone = dict(target_country=None, outlet="Caspian Herald")
    azerbaijani = mention(document_id="d1", source_country="AZE", location_name="Azerbaijan", location_country="AZE",
                          lat=40.4, lon=47.6, **lone)
    armenian = mention(document_id="d2", source_country="ARM", location_name="Armenia", location_country="ARM",
                       lat=40.07, lon=45.04, **lone)
    assert len(Deduplicator().cluster([azerbaijani, armenian])) == 2  # nothing ties the two countries together
    both_sides = mention(document_id="d3", outlet="Meridian Wire")  # AZE shelled ARM
    (cluster,) = Deduplicator().cluster([azerbaijani, armenian, both_sides])
    assert cluster.articles == 3



def test_an_undated_report_joins_the_event_its_article_dates_else_the_latest_it_fits():
    place = dict(location_name="Meghri", lat=38.90, lon=46.24)
    earlier = mention(document_id="d1", date="2022-09-13", published="2022-09-13", **place)
    later = mention(document_id="d2", outlet="Meridian Wire", date="2022-09-15", published="2022-09-15", **place)
    undated = dict(date=None, date_precision=None, published="2022-09-15", **place)  # fits 12-15 September
    headline = mention(document_id="d3", outlet="Steppe Post", **undated)
    recalled = mention(document_id="d4", outlet="Lowland Daily", date="2022-09-13", published="2022-09-15", **place)
    recalled_again = mention(document_id="d4", event_id="v2", outlet="Lowland Daily", **undated)
    day_before = mention(document_id="d5", outlet="Hill Gazette", **{**undated, "published": "2022-09-14"})
    clusters = Deduplicator().cluster([headline, earlier, later, recalled, recalled_again, day_before])
    by_date = {cluster.date: {m.document_id for m in cluster.mentions} for cluster in clusters}
    assert by_date == {"2022-09-13": {"d1", "d4", "d5"}, "2022-09-15": {"d2", "d3"}}  # nothing after publication


def test_undated_reports_placed_with_a_dated_one_take_its_date():
    dated = mention(document_id="d1", date="2022-09-14", published="2022-09-16")
    early = mention(document_id="d2", outlet="X", date=None, date_precision=None, published="2022-09-13")
    late = mention(document_id="d3", outlet="Y", date=None, date_precision=None, published="2022-09-17")
    assert Deduplicator().why_apart(early, late) == "dates"  # 10-13 and 14-17 September do not overlap
    (cluster,) = Deduplicator().cluster([early, late, dated])
    assert cluster.articles == 3 and cluster.date == "2022-09-14"
    assert len(Deduplicator().cluster([early, late])) == 2  # with no dated report nothing ties them

def test_an_undated_truce_report_published_before_the_day_of_another_truce_tells_an_earlier_one():
    truce = dict(type="RETREAT", cameo="0871", location_name=None, lat=None, lon=None, location_country=None)
    agreed = mention(document_id="d1", date="2023-03-05", published="2023-03-06", **truce)
    earlier = mention(document_id="d2", outlet="X", date=None, date_precision=None, published="2023-03-04", **truce)
    assert Deduplicator().why_apart(agreed, earlier) == "dates"
    same_day = dataclasses.replace(earlier, published="2023-03-05")
    assert Deduplicator().why_apart(agreed, same_day) is None
    fire = {"type": "ASSAULT", "cameo": "195"}  # fighting keeps the slack of a night over the date line
    assert Deduplicator().why_apart(dataclasses.replace(agreed, **fire), dataclasses.replace(earlier, **fire)) is None
    pullout = {"cameo": "0872"}  # a withdrawal is reported while it runs
    assert Deduplicator().why_apart(dataclasses.replace(agreed, **pullout), dataclasses.replace(earlier, **pullout)) is None


def test_a_retaking_placed_only_in_the_country_joins_the_seizure_not_the_arrests_of_that_day():
    coerce = dict(type="COERCE", source_country="KAZ", target_country=None, location_country="KAZ")
    town = dict(location_name="Shymkent", lat=42.32, lon=69.59)
    arrests = mention(document_id="d1", outlet="Kapchagay Star", cameo="173", date="2023-02-07",
                      published="2023-02-07", **coerce, **town)
    seized = mention(document_id="d2", outlet="Turkestan Post", cameo="171", date="2023-02-07",
                     published="2023-02-08", **coerce, **town)
    retaken = mention(document_id="d2", event_id="v2", cameo="192", date="2023-02-08", published="2023-02-08",
                      outlet="Turkestan Post", location_name="Kazakhstan", lat=None, lon=None, **coerce)
    assert Deduplicator().why_apart(arrests, seized) == "kind"  # two acts at one named place
    clusters = Deduplicator().cluster([arrests, seized, retaken])
    assert sorted(sorted(m.cameo for m in c.mentions) for c in clusters) == [["171", "192"], ["173"]]


def test_fighting_told_as_happening_again_is_a_new_event():
    first = mention(date="2022-09-13")
    renewal = mention(document_id="d2", outlet="Steppe Post", date="2022-09-14", published="2022-09-14",
                      sentence="Gunners on the ridge opened up once more shortly before dawn, the army said.")
    assert Deduplicator().why_apart(first, renewal) == "renewed"
    assert len(Deduplicator().cluster([first, renewal])) == 2
    continuing = dataclasses.replace(renewal, sentence="Gunners on the ridge kept firing until dawn, the army said.")
    assert len(Deduplicator().cluster([first, continuing])) == 1  # fighting through the night is one event
    earlier_told_again = dataclasses.replace(renewal, date="2022-09-12")  # the cue only marks the later one
    assert Deduplicator().why_apart(first, earlier_told_again) is None


@pytest.mark.parametrize(("sentence", "renewed"), [
    ("The truce they signed on Monday was breached within hours by mortar fire.", True),
    ("Crowds filled the square for a third night.", True),
    ("Shelling resumed along the river on Sunday.", True),
    ("The ministry called the report another lie.", False),
    ("Looters broke into the town hall and set it alight.", False),
    (None, False),
])
def test_renewal_cues(sentence, renewed):
    assert mention(sentence=sentence).renewed is renewed


def test_one_report_dating_two_truces_on_different_days_keeps_them_apart():
    truce = dict(type="RETREAT", cameo="0871", quad_class=2, goldstein=9.0, acled_event_type=None,
                 location_name=None, location_country=None, lat=None, lon=None, published="2022-09-15")
    failed = mention(event_id="v1", date="2022-09-13", **truce)
    announced = mention(event_id="v2", date="2022-09-14", **truce)
    elsewhere = mention(document_id="d2", outlet="Steppe Post", date="2022-09-14", **truce)
    by_date = {c.date: {m.key for m in c.mentions} for c in Deduplicator().cluster([failed, announced, elsewhere])}
    assert by_date == {"2022-09-13": {"d1:v1"}, "2022-09-14": {"d1:v2", "d2:v1"}}  # the nearest-dated truce
    overnight = [mention(event_id="v1", date="2022-09-12"), mention(event_id="v2", date_method="clause:PUBLICATION_DAY")]
    assert len(Deduplicator().cluster(overnight)) == 1  # "overnight" may be either side of midnight


def test_one_report_dating_fighting_at_named_places_on_two_days_tells_two_events_unless_it_goes_on():
    first_day = mention(event_id="v1", date="2022-09-12", published="2022-09-14")
    next_day = mention(event_id="v2", date="2022-09-13", published="2022-09-14")
    assert Deduplicator().why_apart(first_day, next_day) == "dates"
    assert len(Deduplicator().cluster([first_day, next_day])) == 2
    going_on = dataclasses.replace(next_day, sentence="Shelling went on around the spa town into the next day.")
    assert len(Deduplicator().cluster([first_day, going_on])) == 1
    two_days_on = dataclasses.replace(going_on, date="2022-09-14")  # a cue ties adjacent days only
    assert Deduplicator().why_apart(first_day, two_days_on) == "dates"
    placeless = dict(location_name=None, location_country=None, lat=None, lon=None)
    vague_pair = [dataclasses.replace(first_day, **placeless), dataclasses.replace(next_day, **placeless)]
    assert len(Deduplicator().cluster(vague_pair)) == 1  # no place to tell two strikes apart
    rallies = dict(type="PROTEST", source_country="ARM", target_country="ARM", location_name="Vanadzor", lat=40.81,
                   lon=44.49)
    assert Deduplicator().why_apart(mention(event_id="v1", date="2022-09-12", **rallies),
                                    mention(event_id="v2", date="2022-09-13", **rallies)) == "dates"


def test_one_report_dating_a_strike_and_next_days_fighting_each_in_its_own_clause_tells_two_events():
    strike = mention(event_id="v1", date="2022-09-12", date_method="clause:WEEKDAY", published="2022-09-14",
                     acled_event_type="Explosions/Remote violence", sentence="Missiles struck Jermuk on Monday.")
    fighting = mention(event_id="v2", date="2022-09-13", date_method="clause:WEEKDAY", published="2022-09-14",
                       acled_event_type="Battles", location_name="Armenia", lat=None, lon=None,
                       sentence="Clashes went on along the line of contact on Tuesday.")
    assert Deduplicator().why_apart(strike, fighting) == "dates"
    assert len(Deduplicator().cluster([strike, fighting])) == 2
    told_later = dataclasses.replace(fighting, date_method="narrative:WEEKDAY")  # its date is the story's, not its own
    assert len(Deduplicator().cluster([strike, told_later])) == 1
    same_kind = dataclasses.replace(fighting, acled_event_type="Explosions/Remote violence")
    assert len(Deduplicator().cluster([strike, same_kind])) == 1


def test_a_country_level_report_of_another_day_stands_for_the_place_its_own_sentence_names():
    told = "On Tuesday a border post outside Sisian came under mortar fire, the ministry said."
    drones = mention(event_id="v1", date="2022-09-12", published="2022-09-14",
                     sentence="Drones struck a depot near Jermuk on Monday night.")
    post = mention(event_id="v2", date=None, date_precision=None, published="2022-09-14", location_name="Sisian",
                   lat=39.52, lon=46.03, sentence=told)  # 46 km from Jermuk
    country_level = mention(event_id="v3", date="2022-09-13", published="2022-09-14", location_name="Armenia",
                            lat=None, lon=None, sentence=told)
    assert Deduplicator().why_apart(drones, country_level) is None  # alone, one report's fighting over two days
    clusters = Deduplicator().cluster([drones, post, country_level])
    assert sorted(sorted(m.event_id for m in c.mentions) for c in clusters) == [["v1"], ["v2", "v3"]]
    nearby = dataclasses.replace(post, location_name="Kechut", lat=39.81, lon=45.69)  # 4 km from Jermuk
    assert len(Deduplicator().cluster([drones, nearby, country_level])) == 1
    own_sentence = dataclasses.replace(country_level, sentence="Fighting went on along the border on Tuesday.")
    assert len(Deduplicator().cluster([drones, post, own_sentence])) == 1  # nothing places it elsewhere


def test_a_report_of_the_next_day_does_not_join_an_event_its_article_tells_apart_from_that_day():
    border = dict(published="2022-09-16", location_country="ARM")
    town = mention(event_id="v1", date="2022-09-14", location_name="Ijevan", lat=40.88, lon=45.15, **border)
    south = mention(event_id="v2", date="2022-09-15", location_name="Meghri", lat=38.90, lon=46.25, **border)
    assert Deduplicator().why_apart(town, south) == "dates"  # one report, two named places, two days
    later = mention(document_id="d2", outlet="Steppe Post", event_id="v1", date="2022-09-15",
                    location_name="Noyemberyan", lat=41.17, lon=44.99, **border)  # 35 km from Ijevan, 280 from Meghri
    assert Deduplicator().why_apart(town, later) is None  # alone, within a day's tolerance
    assert len(Deduplicator().cluster([town, south, later])) == 3  # its article's own 15th is another event
    assert len(Deduplicator().cluster([town, later])) == 1
    at_the_town = dataclasses.replace(later, location_name="Ijevan", lat=40.88, lon=45.15)
    clusters = Deduplicator().cluster([town, south, at_the_town])  # a report of the same town is exempt
    assert sorted(len(c.mentions) for c in clusters) == [1, 2]


def test_continued_fighting_with_no_place_reaches_a_named_place_only_in_the_same_direction():
    strike = mention(document_id="d1", date="2022-09-13", source_country="ARM", target_country="AZE",
                     location_name="Ganja", location_country="AZE", lat=40.68, lon=46.36)
    front = mention(document_id="d2", outlet="Steppe Post", date="2022-09-15", location_name=None,
                    location_country=None, lat=None, lon=None,
                    sentence="Fighting went on all day along the line of contact, both ministries said.")  # AZE on ARM
    assert Deduplicator().slack_days(strike, front) == 1
    assert Deduplicator().why_apart(strike, front) == "dates"
    same_side = dataclasses.replace(front, source_country="ARM", target_country="AZE")
    assert Deduplicator().slack_days(strike, same_side) == 2 and Deduplicator().why_apart(strike, same_side) is None


def test_one_report_of_attacks_each_way_at_places_far_apart_tells_two_events():
    shelled_town = mention(event_id="v1", location_name="Goris", lat=39.51, lon=46.34)  # AZE on ARM
    denied_raid = mention(event_id="v2", source_country="ARM", target_country="AZE", status="negated",
                          location_name="Lachin", location_country="AZE", lat=39.64, lon=46.55)  # 23 km
    assert Deduplicator().why_apart(shelled_town, denied_raid) is None  # one exchange told from both sides
    far_raid = dataclasses.replace(denied_raid, location_name="Aghdam", lat=39.99, lon=46.93)  # 73 km
    assert Deduplicator().why_apart(shelled_town, far_raid) == "direction"
    assert len(Deduplicator().cluster([shelled_town, far_raid])) == 2
    other_outlet = dataclasses.replace(far_raid, document_id="d2", outlet="Steppe Post", status="attributed")
    assert Deduplicator().why_apart(shelled_town, other_outlet) is None  # two outlets blaming each side: contested


def test_a_side_coded_acting_on_its_own_country_is_one_side_of_the_direction_test():
    # each side's fire coded onto its own state (a town is coded by the state it lies in)
    own_town = mention(event_id="v1", source_country="KGZ", target_country="KGZ", location_name="Osh",
                       location_country="KGZ", lat=40.53, lon=72.80)
    other_own = mention(event_id="v2", source_country="UZB", target_country="UZB", location_name="Andijan",
                        location_country="UZB", lat=40.78, lon=72.34)  # 48 km off
    assert Deduplicator().why_apart(own_town, other_own) == "direction"
    onto_it = dataclasses.replace(other_own, target_country="KGZ")  # the other side acting on it
    assert Deduplicator().why_apart(own_town, onto_it) == "direction"
    same_side = dataclasses.replace(other_own, source_country="KGZ", target_country="UZB")
    assert Deduplicator().why_apart(own_town, same_side) is None  # one side acting at both places
    near = dataclasses.replace(other_own, location_name="Kara-Suu", location_country="KGZ", lat=40.70, lon=72.88)
    assert Deduplicator().why_apart(own_town, near) is None  # 19 km: one place
    elsewhere = dataclasses.replace(other_own, document_id="d2", outlet="Fergana Post")
    assert Deduplicator().why_apart(own_town, elsewhere) != "direction"  # two reports: each may blame the other


def test_a_denial_of_who_fired_first_at_another_place_is_the_other_sides_version_of_the_exchange():
    attack = mention(event_id="v1", location_name="Goris", lat=39.51, lon=46.34, status="attributed",
                     sentence="Mortar rounds from across the line hit a border post near Goris at dawn.")  # AZE on ARM
    denied = mention(event_id="v2", source_country="ARM", target_country="AZE", status="negated",
                     location_name="Aghdam", location_country="AZE", lat=39.99, lon=46.93,  # 73 km
                     sentence="The ministry dismissed Baku's story that its gunners had opened fire first near Aghdam.")
    assert Deduplicator().why_apart(attack, denied) is None
    other_strike = dataclasses.replace(denied, sentence="The ministry dismissed reports of a strike on a depot near Aghdam.")
    assert Deduplicator().why_apart(attack, other_strike) == "direction"


@pytest.mark.parametrize(("sentence", "first"), [
    ("Each army said the other had opened fire first.", True),
    ("Officials in the capital insisted their units were not the first to shoot.", True),
    ("The ministry accused the rebels of having provoked the clashes.", True),
    ("Artillery first hit the depot, then the bridge.", False),
    ("The first shells fell on the market at noon.", False),
    (None, False),
])
def test_first_fire_cues(sentence, first):
    assert mention(sentence=sentence).first_fire is first


def test_a_report_of_the_day_joins_that_days_event_nearest_its_place():
    village = dict(source_country="ARM", target_country="AZE", location_country="AZE")
    day_before = mention(document_id="d1", date="2022-09-12", published="2022-09-14", location_name="Tovuz",
                         lat=40.99, lon=45.63, **village)
    town = mention(document_id="d1", event_id="v2", date="2022-09-13", published="2022-09-14",
                   location_name="Gadabay", lat=40.57, lon=45.81, **village)  # 49 km from Tovuz
    told_first = mention(document_id="d0", outlet="Steppe Post", date="2022-09-13", published="2022-09-13",
                         location_name="Gadabay", lat=40.57, lon=45.81, **village)
    clusters = Deduplicator().cluster([day_before, town, told_first])
    assert {frozenset(m.key for m in c.mentions) for c in clusters} == {
        frozenset({"d1:v1"}), frozenset({"d1:v2", "d0:v1"})}  # not d0 with the day before, though it fits
    alone = Deduplicator().cluster([day_before, told_first])
    assert len(alone) == 1  # with no report of its own day it joins the day before (dating slack)


def test_a_month_dated_recollection_joins_only_an_event_it_alone_fits():
    rally = dict(type="PROTEST", source_country="ARM", target_country="ARM", location_name="Gyumri",
                 location_country="ARM", lat=40.79, lon=43.85)
    first = mention(document_id="d1", date="2022-09-10", **rally)
    second = mention(document_id="d1", event_id="v2", date="2022-09-11", **rally)
    this_month = mention(document_id="d2", outlet="Steppe Post", date="2022-09", date_precision="month", **rally)
    clusters = Deduplicator().cluster([first, second, this_month])
    assert len(clusters) == 3  # it fits both rallies: it names neither
    also_this_month = mention(document_id="d3", outlet="Hill Gazette", date="2022-09", date_precision="month", **rally)
    clusters = Deduplicator().cluster([first, second, this_month, also_this_month])
    assert sorted(len(c.mentions) for c in clusters) == [1, 1, 2]  # the two rough reports go together
    assert len(Deduplicator().cluster([first, this_month])) == 1
    widely_told = [mention(document_id=f"w{n}", outlet=f"Wire {n}", date="2022-09-11", **rally) for n in range(2)]
    clusters = Deduplicator().cluster([dataclasses.replace(first, date="2022-09-04"), *widely_told, this_month])
    assert sorted(c.articles for c in clusters) == [1, 3]  # the best-known rally of the month takes it
    last_week = mention(document_id="d2", outlet="Steppe Post", date="2022-09-05", date_until="2022-09-11", **rally)
    assert Deduplicator().vague(last_week) and len(Deduplicator().cluster([first, second, last_week])) == 3


def test_a_year_dated_recollection_joins_no_one_of_several_events_however_widely_told():
    rally = dict(type="PROTEST", source_country="ARM", target_country="ARM", location_name="Vanadzor",
                 location_country="ARM", lat=40.81, lon=44.49)
    quiet = mention(document_id="d1", date="2022-03-04", **rally)
    widely_told = [mention(document_id=f"w{n}", outlet=f"Wire {n}", date="2022-05-11", **rally) for n in range(2)]
    last_year = mention(document_id="d9", outlet="Lake Sevan Post", published="2023-02-01", date="2022",
                        date_precision="year", **rally)  # "the 2022 protests"
    clusters = Deduplicator().cluster([quiet, *widely_told, last_year])
    assert sorted(c.articles for c in clusters) == [1, 1, 2]
    assert len(Deduplicator().cluster([*widely_told, last_year])) == 1  # the only one it fits


def test_one_report_dating_two_police_actions_on_different_days_keeps_them_apart():
    police = dict(type="COERCE", cameo="173", quad_class=4, goldstein=-5.0, acled_event_type=None,
                  source_country="GEO", target_country="GEO", location_name="Kutaisi", location_country="GEO",
                  lat=42.27, lon=42.70, published="2023-05-05")
    first_night = mention(event_id="v1", date="2023-05-03", **police)
    second_night = mention(event_id="v2", date="2023-05-04", **police)
    elsewhere = mention(document_id="d2", outlet="Rioni Post", date="2023-05-04", **police)
    assert Deduplicator().why_apart(first_night, second_night) == "dates"
    by_date = {c.date: {m.key for m in c.mentions} for c in Deduplicator().cluster([first_night, second_night, elsewhere])}
    assert by_date == {"2023-05-03": {"d1:v1"}, "2023-05-04": {"d1:v2", "d2:v1"}}
    taken = mention(event_id="v1", date="2023-05-03", **{**police, "cameo": "1711"})
    retaken = mention(event_id="v2", date="2023-05-04", **{**police, "cameo": "192"})
    assert len(Deduplicator().cluster([taken, retaken])) == 1  # a building held overnight is one seizure


def test_an_undated_report_told_as_a_repetition_is_the_newest_occurrence():
    police = dict(type="COERCE", cameo="173", source_country="GEO", target_country="GEO", location_name="Kutaisi",
                  location_country="GEO", lat=42.27, lon=42.70)
    first_night = mention(date="2023-05-03", published="2023-05-04", **police)
    told_again = mention(document_id="d2", outlet="Rioni Post", date=None, date_precision=None, published="2023-05-06",
                         sentence="Dozens more were detained during a third night of unrest, the ministry said.", **police)
    assert Deduplicator().why_apart(first_night, told_again) == "renewed"  # 4-6 May, after the night of the 3rd
    assert len(Deduplicator().cluster([first_night, told_again])) == 2
    plain = dataclasses.replace(told_again, sentence="Dozens were detained, the ministry said.")
    assert len(Deduplicator().cluster([first_night, plain])) == 1
    latest_night = mention(document_id="d3", outlet="Imereti Daily", date="2023-05-05", published="2023-05-05", **police)
    assert len(Deduplicator().cluster([latest_night, told_again])) == 1


def test_an_undated_report_goes_with_its_articles_event_at_the_same_place():
    coercion = dict(type="COERCE", quad_class=4, goldstein=-5.0, acled_event_type=None, source_country="GEO",
                    target_country="GEO", location_country="GEO", published="2023-05-06")
    town = dict(location_name="Kutaisi", lat=42.27, lon=42.70)
    arrests = mention(event_id="v1", cameo="173", date="2023-05-03", **coercion, **town)
    curfew = mention(event_id="v2", cameo="1724", date="2023-05-04", location_name="Imereti", lat=None, lon=None,
                     **coercion)
    undated = mention(event_id="v3", cameo="173", date=None, date_precision=None, **coercion, **town)
    by_date = {c.date: {m.key for m in c.mentions} for c in Deduplicator().cluster([arrests, curfew, undated])}
    assert by_date == {"2023-05-03": {"d1:v1", "d1:v3"}, "2023-05-04": {"d1:v2"}}
    unnamed = dataclasses.replace(undated, location_name=None, lat=None, lon=None)
    by_date = {c.date: {m.key for m in c.mentions} for c in Deduplicator().cluster([arrests, curfew, unnamed])}
    assert by_date == {"2023-05-03": {"d1:v1"}, "2023-05-04": {"d1:v2", "d1:v3"}}  # else the latest it fits


def test_an_undated_report_goes_with_its_articles_event_told_in_the_same_sentence():
    coercion = dict(type="COERCE", cameo="173", source_country="GEO", target_country="GEO", location_country="GEO",
                    published="2031-02-08")
    first = "Riot police in Batumi rounded up dozens of dockers on Tuesday, injuring several of them."
    raid = mention(event_id="v1", date="2031-02-04", location_name="Batumi", lat=41.64, lon=41.63, sentence=first,
                   **coercion)
    sweep = mention(event_id="v2", date="2031-02-06", location_name="Georgia", lat=None, lon=None,
                    sentence="Two days later more arrests followed across the country.", **coercion)
    injuring = mention(event_id="v3", date=None, date_precision=None, location_name="Georgia", lat=None, lon=None,
                       sentence=first, **coercion)
    by_date = {c.date: {m.key for m in c.mentions} for c in Deduplicator().cluster([raid, sweep, injuring])}
    assert by_date == {"2031-02-04": {"d1:v1", "d1:v3"}, "2031-02-06": {"d1:v2"}}
    elsewhere = dataclasses.replace(injuring, sentence="Some of those held were injured, lawyers said.")
    by_date = {c.date: {m.key for m in c.mentions} for c in Deduplicator().cluster([raid, sweep, elsewhere])}
    assert by_date == {"2031-02-04": {"d1:v1"}, "2031-02-06": {"d1:v2", "d1:v3"}}  # else the same place


def test_a_withdrawal_begun_and_completed_a_week_later_is_one_event():
    pullout = dict(type="RETREAT", cameo="0872", quad_class=2, goldstein=9.0, acled_event_type=None,
                   source_country="RUS", target_country="ARM", location_name=None, location_country=None,
                   lat=None, lon=None)
    begun = mention(date="2022-03-02", published="2022-03-02", **pullout)
    completed = mention(document_id="d2", outlet="Steppe Post", date=None, date_precision=None,
                        published="2022-03-09", **pullout)  # undated: 6-9 March
    assert len(Deduplicator().cluster([begun, completed])) == 1
    truces = [dataclasses.replace(m, cameo="0871") for m in (begun, completed)]
    assert len(Deduplicator().cluster(truces)) == 2  # a ceasefire is made on one day


def test_a_range_of_days_covers_each_of_its_days():
    # "the night of 3 to 4 June": the dates stage gives the 3rd and, as its last day, the 4th
    overnight = mention(date="2030-06-03", date_until="2030-06-04", published="2030-06-04")
    later = mention(document_id="d2", outlet="Steppe Post", date="2030-06-05", published="2030-06-05")
    assert len(Deduplicator().cluster([overnight, later])) == 1
    single_day = dataclasses.replace(overnight, date_until=None)
    assert len(Deduplicator().cluster([single_day, later])) == 2
    month_long = dataclasses.replace(overnight, date_until="2030-06-28")  # "3 to 28 June": a week at most
    assert date_range(month_long).last.isoformat() == "2030-06-10"


def test_fighting_told_as_still_going_on_joins_the_episode_two_days_later():
    first = mention(sentence="Mortar rounds landed on the hillside posts overnight, officers said.")
    later = mention(document_id="d2", outlet="Steppe Post", date="2022-09-15", published="2022-09-15",
                    sentence="Troops on the far ridge continued to pound the hillside posts on Thursday.")
    assert len(Deduplicator().cluster([first, later])) == 1
    plain = dataclasses.replace(later, sentence="Troops on the far ridge pounded the hillside posts on Thursday.")
    assert len(Deduplicator().cluster([first, plain])) == 2
    renewed = dataclasses.replace(later, sentence="Troops continued to pound the posts after the truce was broken.")
    assert len(Deduplicator().cluster([first, renewed])) == 2
    talks = [dataclasses.replace(m, type="CONSULT", cameo="040") for m in (first, later)]
    assert len(Deduplicator().cluster(talks)) == 2  # only fighting goes on over days this way


def test_one_reports_night_rally_and_the_next_days_statement_after_it_are_one_event():
    rally = dict(type="PROTEST", cameo="141", source_country="GEO", target_country="GEO", location_name="Kutaisi",
                 location_country="GEO", lat=42.27, lon=42.70, published="2031-03-10")
    night = mention(event_id="v1", date="2031-03-09", date_method="narrative:WEEKDAY", **rally)
    # "..., the mayor said on Monday, after a night of marches": dated only by the statement
    statement = mention(event_id="v2", date="2031-03-10", date_method="report:WEEKDAY", **rally)
    assert Deduplicator().why_apart(night, statement) is None
    assert len(Deduplicator().cluster([night, statement])) == 1
    next_day = dataclasses.replace(statement, date_method="clause:WEEKDAY")  # a rally of its own on Monday
    assert Deduplicator().why_apart(night, next_day) == "dates"
    two_days_on = dataclasses.replace(statement, date="2031-03-11")  # the statement is too late to be that night's
    assert Deduplicator().why_apart(night, two_days_on) == "dates"


@pytest.mark.parametrize(("sentence", "continuing"), [
    ("Shelling hit the valley villages in the evening.", False),
    ("Near the pass the shelling was still ongoing at noon, a district official said.", True),
    ("Police said the ongoing fighting had closed the road.", True),
    ("The gunners were still firing at dusk.", True),
    ("The minister said she would continue talks.", False),
])
def test_continuation_cues(sentence, continuing):
    assert mention(sentence=sentence).continuing is continuing


def test_confidence_counts_outlets_and_discounts_claims():
    assert cluster_confidence([BASE, mention(event_id="v2")]) == 0.6  # one outlet counts once
    assert cluster_confidence([mention(status="attributed")]) == 0.35
    assert cluster_confidence([mention(status="negated")]) == 0.0


def test_opposite_versions_from_different_voices_are_contested():
    armenian = mention(status="attributed", speaker="Armenian Defence Ministry")
    azerbaijani = mention(document_id="d2", outlet="Caspian Herald", source_country="ARM", target_country="AZE",
                          status="attributed", speaker="Azerbaijani Defence Ministry")
    (cluster,) = Deduplicator().cluster([armenian, azerbaijani])
    (claim,) = contested_claims([cluster])
    assert claim.kind == "who"
    assert [side.claim for side in claim.sides] == ["ARM -> AZE", "AZE -> ARM"]
    assert claim.sides[0].speakers == ("Azerbaijani Defence Ministry",)
    assert claim.to_dict()["sides"][1]["outlets"] == ["Yerevan Courier"]


def test_a_cooperative_event_told_from_either_side_is_not_a_contest():
    talks = dict(type="CONSULT", cameo="040", quad_class=1, goldstein=1.0, acled_event_type=None, status="attributed")
    ours = mention(speaker="Armenian Foreign Ministry", **talks)
    theirs = mention(document_id="d2", outlet="Caspian Herald", source_country="ARM", target_country="AZE",
                     speaker="Azerbaijani Foreign Ministry", **talks)
    (cluster,) = Deduplicator().cluster([ours, theirs])
    assert contested_claims([cluster]) == []


def test_reciprocal_event_in_one_article_is_not_a_contest():
    forward = mention(event_id="v1")
    backward = mention(event_id="v2", source_country="ARM", target_country="AZE")
    clusters = Deduplicator().cluster([forward, backward])
    assert contested_claims(clusters) == []


def test_denial_by_another_voice_contests_whether_it_happened():
    denial = mention(document_id="d2", outlet="Caspian Herald", status="negated", speaker="Azerbaijani Defence Ministry")
    (cluster,) = Deduplicator().cluster([BASE, denial])
    (claim,) = contested_claims([cluster])
    assert claim.kind == "whether"
    assert [side.outlets for side in claim.sides] == [("Yerevan Courier",), ("Caspian Herald",)]


def test_different_death_tolls_from_different_voices_are_contested():
    ours = mention(sentence="The ministry said 12 Armenian soldiers were killed in the night.")
    theirs = mention(document_id="d2", outlet="Caspian Herald", published="2022-09-14",
                     sentence="Officials in Baku claimed that 60 Armenian soldiers had been killed.")
    (cluster,) = Deduplicator().cluster([ours, theirs])
    (claim,) = contested_claims([cluster])
    assert claim.kind == "figures"
    assert [side.claim for side in claim.sides] == ["12 killed (ARM)", "60 killed (ARM)"]
    assert [side.outlets for side in claim.sides] == [("Yerevan Courier",), ("Caspian Herald",)]


@pytest.mark.parametrize("theirs", [
    {"sentence": "Officials in Baku said 11 Armenian soldiers were killed."},  # within 10%: agreement
    {"sentence": "Officials in Baku said 60 Azerbaijani soldiers were killed."},  # other victims
    {"sentence": "Officials in Baku said 60 Armenian soldiers were killed.", "published": "2022-09-20"},  # later toll
    {"sentence": "Officials in Baku said 60 Armenian soldiers were killed.", "outlet": "Yerevan Courier"},  # same voice
])
def test_casualty_figures_that_do_not_conflict(theirs):
    ours = mention(sentence="The ministry said 12 Armenian soldiers were killed in the night.")
    (cluster,) = Deduplicator().cluster([ours, mention(document_id="d2", **{"outlet": "Caspian Herald", **theirs})])
    assert contested_claims([cluster]) == []


@pytest.mark.parametrize(("sentence", "figures"), [
    ("By the evening 31 people had been killed and 140 wounded, the ministry said.",
     [("killed", 31, None), ("wounded", 140, None)]),
    ("The death toll among Tajik border guards rose to 17.", [("killed", 17, "TJK")]),
    ("Mortar fire on September 14 killed three civilians and wounded 2,300, it said.",
     [("killed", 3, None), ("wounded", 2300, None)]),
    ("More than forty-two Kyrgyz servicemen were injured.", [("wounded", 42, "KGZ")]),
    ("Dozens were hurt and two of them died later.", []),
    ("The soldier was killed 3 days ago in 2021.", []),
])
def test_casualty_figures_in_a_sentence(sentence, figures):
    from presswatch.monitor.casualties import casualty_figures

    assert [(f.outcome, f.count, f.victims) for f in casualty_figures(sentence)] == figures


def test_narratives_need_repetition():
    accusations = [mention(document_id=f"d{n}", type="ACCUSE", published=f"2022-09-1{n}", speaker="Nikol Pashinyan")
                   for n in range(3)]
    (narrative,) = narratives(accusations + [mention(type="ACCUSE", source_country="KGZ", target_country="TJK")])
    assert (narrative.accuser, narrative.target, narrative.count) == ("Nikol Pashinyan", "ARM", 3)
    assert (narrative.first_seen, narrative.last_seen) == ("2022-09-10", "2022-09-12")


def test_series_by_day_week_country_and_dyad():
    clusters = Deduplicator().cluster([
        BASE, mention(document_id="d2", type="PROTEST", quad_class=3, goldstein=-6.5, acled_event_type="Protests",
                      date="2022-09-15"),
    ])
    daily = build_series(clusters, "country", "day")
    assert {(p.key, p.period) for p in daily} == {("ARM", "2022-09-13"), ("AZE", "2022-09-13"), ("ARM", "2022-09-15"),
                                                  ("AZE", "2022-09-15")}
    weekly = build_series(clusters, "country", "week", keys={"ARM"})
    (week,) = weekly
    assert week.period == "2022-09-12" and week.events == 2 and week.quad_class == (0, 0, 1, 1)
    assert week.intensity == 16.5 and week.protests == 1 and week.violence == 1
    assert [p.key for p in build_series(clusters, "dyad", "day")] == ["AZE>ARM", "AZE>ARM"]
    assert period_of("2022-09-18", "week") == "2022-09-12"


def test_escalation_detector_fires_on_a_jump_only():
    quiet = [mention(document_id=f"q{n}", date=f"2022-08-{n:02d}", goldstein=-2.0, quad_class=3) for n in range(1, 29, 3)]
    burst = [mention(document_id=f"b{n}", date="2022-09-13", location_name=f"p{n}", lat=None, lon=None)
             for n in range(3)]
    clusters = Deduplicator(tolerance_days=0).cluster(quiet + burst)
    points = build_series(clusters, "country", "day", keys={"ARM"})
    detector = EscalationDetector(window=28, z=3.0, min_value=10.0).fit(points)
    alerts = detector.predict(points)
    assert [(a.key, a.period) for a in alerts] == [("ARM", "2022-09-13")]
    assert alerts[0].value == 10.0 and alerts[0].evidence
    assert EscalationDetector(min_value=50.0).fit(points).predict(points) == []
    with pytest.raises(ValueError):
        EscalationDetector(metric="tone").fit(points)


def test_gdelt_row_has_every_column():
    (cluster,) = Deduplicator().cluster([BASE])
    row = dict(zip(GDELT_COLUMNS, gdelt_row(cluster), strict=True))
    assert row["SQLDATE"] == "20220913" and row["EventRootCode"] == "19" and row["QuadClass"] == 4
    assert row["Actor1CountryCode"] == "AZE" and row["ActionGeo_FullName"] == "Jermuk"
    assert row["SOURCEURL"] == "https://a.example.org/1"


@pytest.mark.parametrize("place, geo_type, adm1", [
    # (name, country, precision, lat, lon): the old export coded every one of these 4 (WORLDCITY)
    (("Kyrgyzstan", "KGZ", "country", None, None), 1, "KGZ"),
    (("Kyrgyzstan-Tajikistan border", "KGZ", "border", None, None), 1, "KGZ"),
    (("Osh", "KGZ", "city", 40.53, 72.8), 4, None),
    (("Batken", "KGZ", "admin1", None, None), 5, "KG-B"),
    (("Chechnya", "RUS", "region", 43.4, 45.7), 5, None),
    (("Denver", "USA", "city", 39.74, -104.99), 3, None),
    (("Texas", "USA", "admin1", None, None), 2, "US-TX"),
    (("Somewhere", "KGZ", None, None, None), 0, None),
])
def test_gdelt_action_geo_follows_the_place_precision(place, geo_type, adm1):
    name, country, precision, lat, lon = place
    (cluster,) = Deduplicator().cluster([mention(location_name=name, location_country=country, lat=lat, lon=lon,
                                                 location_precision=precision)])
    assert cluster.location_precision == precision
    row = dict(zip(GDELT_COLUMNS, gdelt_row(cluster), strict=True))
    assert (row["ActionGeo_Type"], row["ActionGeo_ADM1Code"]) == (geo_type, adm1)
    assert row["ActionGeo_FullName"] == name and row["ActionGeo_CountryCode"] == country


def test_gdelt_row_without_a_place_has_geo_type_0():
    (cluster,) = Deduplicator().cluster([mention(location_name=None, location_country=None, lat=None, lon=None)])
    row = dict(zip(GDELT_COLUMNS, gdelt_row(cluster), strict=True))
    assert (row["ActionGeo_Type"], row["ActionGeo_ADM1Code"], row["ActionGeo_FullName"]) == (0, None, None)


def test_a_date_taken_from_the_report_is_an_upper_bound():
    # "..., the governor said on Thursday": the raid happened on Thursday or a day before
    own = mention(date="2030-05-07", published="2030-05-07")
    reported = mention(document_id="d2", outlet="Steppe Post", date="2030-05-09", published="2030-05-09",
                       date_method="report:WEEKDAY")
    (cluster,) = Deduplicator().cluster([own, reported])
    assert cluster.date == "2030-05-07"  # the cluster keeps the date of the event's own report
    stated = dataclasses.replace(reported, date_method="clause:WEEKDAY")
    assert len(Deduplicator().cluster([own, stated])) == 2
    assert len(Deduplicator(report_days=0).cluster([own, reported])) == 2
    # in one article, a claim dated by its statement and one dated in its own clause on that day stay one
    claims = [mention(type="ACCUSE", cameo="112", event_id=f"v{n}", date="2030-05-09", date_method=method)
              for n, method in ((1, "report:WEEKDAY"), (2, "clause:WEEKDAY"))]
    assert len(Deduplicator().cluster(claims)) == 1


def test_rallies_in_two_towns_are_two_events_where_fighting_along_a_front_may_be_one():
    rally = mention(type="PROTEST", source_country="KAZ", target_country="KAZ", location_name="Kyzylorda",
                    location_country="KAZ", lat=44.85, lon=65.51, date="2030-03-02", published="2030-03-03")
    nearby = dataclasses.replace(rally, document_id="d2", outlet="Steppe Post", location_name="Zhalagash",
                                 lat=45.08, lon=64.68)  # 70 km off
    assert Deduplicator().why_apart(rally, nearby) == "distance"
    assert Deduplicator().why_apart(dataclasses.replace(rally, type="ASSAULT"),
                                    dataclasses.replace(nearby, type="ASSAULT")) is None
    province = dataclasses.replace(nearby, location_name="Kyzylorda Region", location_precision="admin1")
    assert Deduplicator().why_apart(rally, province) is None  # a province is placed at its centre
    same_town = dataclasses.replace(nearby, location_name="Kyzylorda", lat=44.84, lon=65.50)
    assert Deduplicator().why_apart(rally, same_town) is None


def test_one_voice_telling_attacks_each_way_at_two_named_places_tells_two_events():
    raid = mention(event_id="v1", location_name="Syunik", lat=None, lon=None, location_precision="admin1",
                   speaker="Defence Ministry", status="attributed")  # AZE on ARM, a province with no coordinates
    blast = mention(event_id="v2", source_country="ARM", target_country="AZE", location_name="Lachin",
                    location_country="AZE", lat=39.64, lon=46.55, speaker="Defence Ministry", status="attributed")
    assert Deduplicator().why_apart(raid, blast) == "direction"
    assert Deduplicator().why_apart(raid, dataclasses.replace(blast, status="negated")) is None  # a denial
    assert Deduplicator().why_apart(raid, dataclasses.replace(blast, speaker="Baku")) is None  # two voices
    assert Deduplicator().why_apart(raid, dataclasses.replace(blast, location_name="Syunik")) is None  # one place


def test_one_voice_telling_fire_and_the_fire_returned_within_a_frontier_distance_tells_one_exchange():
    told = dict(speaker="Border Guard", status="attributed", date="2030-07-04", published="2030-07-05")
    fired_on = mention(event_id="v1", location_name="Kapan", lat=39.21, lon=46.41, **told)  # AZE on ARM
    returned = mention(event_id="v2", source_country="ARM", target_country="AZE", location_name="Zangilan",
                       location_country="AZE", lat=39.09, lon=46.65, **told)  # 24 km off, the other way
    assert Deduplicator().why_apart(fired_on, returned) is None
    assert len(Deduplicator().cluster([fired_on, returned])) == 1
    far = dataclasses.replace(returned, location_name="Ganja", lat=40.68, lon=46.36)  # 163 km
    assert Deduplicator().why_apart(fired_on, far) == "direction"
    denied = dataclasses.replace(returned, location_name="Agdam", lat=39.99, lon=46.93, status="negated")  # 98 km
    assert Deduplicator().why_apart(fired_on, denied) == "direction"  # a denial is no fire returned
    other_voice = dataclasses.replace(denied, status="attributed", speaker="Baku")
    assert Deduplicator().why_apart(fired_on, other_voice) == "direction"  # two voices, places 98 km apart
    assert Deduplicator().why_apart(fired_on, dataclasses.replace(returned, document_id="d2")) is None


def test_a_later_report_of_each_side_joins_the_event_of_its_direction():
    earlier = dict(document_id="d1", published="2030-05-03", date="2030-05-02", speaker="Defence Ministry",
                   status="attributed")
    raid = mention(event_id="v1", location_name="Syunik", lat=None, lon=None, location_precision="admin1", **earlier)
    blast = mention(event_id="v2", source_country="ARM", target_country="AZE", location_name="Lachin",
                    location_country="AZE", lat=39.64, lon=46.55, **earlier)
    later = dict(document_id="d2", outlet="Steppe Post", published="2030-05-04", date="2030-05-02",
                 status="attributed")
    town = mention(event_id="v1", location_name="Goris", lat=39.51, lon=46.34, speaker="governor", **later)  # 23 km
    blast_again = dataclasses.replace(blast, event_id="v2", speaker="Baku", **later)
    clusters = Deduplicator().cluster([town, blast_again, raid, blast])
    assert {frozenset(m.key for m in c.mentions) for c in clusters} == {
        frozenset({"d1:v1", "d2:v1"}), frozenset({"d1:v2", "d2:v2"})}


def test_a_report_that_dates_one_event_to_its_day_and_another_to_its_month_tells_two():
    strike = mention(document_id="d1", date="2030-06-21", published="2030-06-22")
    earlier = mention(document_id="d1", event_id="v2", date="2030-06", date_precision="month",
                      location_name="Sotk", lat=40.22, lon=45.94, published="2030-06-22")
    assert Deduplicator().why_apart(strike, earlier) == "dates"
    elsewhere = dataclasses.replace(earlier, document_id="d2", outlet="Steppe Post")
    assert Deduplicator().why_apart(strike, elsewhere) is None
    other_side = mention(document_id="d3", outlet="Hill Gazette", date="2030-06", date_precision="month",
                         source_country="ARM", target_country="AZE", location_name="Kalbajar",
                         location_country="AZE", lat=40.11, lon=46.04, published="2030-06-21")
    third = mention(document_id="d3", event_id="v2", date="2030-06-21", published="2030-06-21")
    clusters = Deduplicator().cluster([strike, earlier, other_side, third])
    assert {frozenset(m.key for m in c.mentions) for c in clusters} == {
        frozenset({"d1:v1", "d3:v2"}), frozenset({"d1:v2", "d3:v1"})}  # the month-dated ones together


def test_one_report_dating_a_crowd_that_stayed_overnight_to_two_days_tells_one_event():
    sit_in = dict(type="PROTEST", source_country="KGZ", target_country="KGZ", location_name="Naryn",
                  location_country="KGZ", lat=41.43, lon=75.99, published="2030-02-06")
    evening = mention(event_id="v1", date="2030-02-05", **sit_in)  # a Tuesday
    morning = mention(event_id="v2", date="2030-02-06", sentence="The pickets kept their fires burning through the "
                                                                 "night and into Wednesday, the mayor's office said.", **sit_in)
    assert morning.continuing and Deduplicator().why_apart(evening, morning) is None
    assert len(Deduplicator().cluster([evening, morning])) == 1
    called_again = dataclasses.replace(morning, sentence="The pickets came to the square again on Wednesday.")
    assert Deduplicator().why_apart(evening, called_again) == "renewed"
    no_cue = dataclasses.replace(morning, sentence="On Wednesday the pickets marched to the governor's office.")
    assert Deduplicator().why_apart(evening, no_cue) == "dates"  # two days, one report, no cue: two events


def test_one_report_dating_two_rallies_by_their_own_clauses_tells_two_events_placed_or_not():
    rally = dict(type="PROTEST", cameo="141", acled_event_type="Protests", source_country=None, target_country=None,
                 location_name="Moldova", location_country="MDA", lat=None, lon=None, published="2030-10-10")
    first = mention(date="2030-10-07", date_method="modifier:WEEKDAY",
                    sentence="Riot police pushed Monday's marchers off the boulevard with batons.", **rally)
    second = mention(event_id="v2", date="2030-10-08", date_method="clause:WEEKDAY",
                     sentence="On Tuesday evening several thousand people returned to the government building.", **rally)
    assert Deduplicator().why_apart(first, second) == "dates"
    assert len(Deduplicator().cluster([first, second])) == 2
    summary = dataclasses.replace(second, date_method="sentence:WEEKDAY")  # not dated by its own clause
    assert Deduplicator().why_apart(first, summary) is None
    carried = dataclasses.replace(second, sentence="The marchers stayed on the boulevard through the night and "
                                                   "into Tuesday.")
    assert Deduplicator().why_apart(first, carried) is None


def test_one_report_adding_another_target_at_another_place_tells_two_events():
    raid = dict(source_country=None, target_country="KGZ", location_country="KGZ", date="2030-08-11",
                published="2030-08-12", speaker="officials")
    depot = mention(location_name="Osh", lat=40.53, lon=72.80,
                    sentence="A drone struck the fuel depot in Osh on Sunday evening, officials said.", **raid)
    airfield = mention(event_id="v2", location_name="Kara-Suu", lat=40.70, lon=72.87,
                       sentence="An airfield near Kara-Suu also came under attack that night, officials said.", **raid)
    assert airfield.another_target and not depot.another_target
    assert Deduplicator().why_apart(depot, airfield) == "another target"
    assert len(Deduplicator().cluster([depot, airfield])) == 2
    untold = dataclasses.replace(airfield, sentence="An airfield near Kara-Suu came under attack that night.")
    assert Deduplicator().why_apart(depot, untold) is None  # nothing says it is another attack
    elsewhere = dataclasses.replace(airfield, document_id="d2", outlet="Ferghana Note")
    assert Deduplicator().why_apart(depot, elsewhere) is None  # "also" refers to its own report's attack


def test_a_crowd_told_staying_into_a_named_day_does_not_reach_back_to_the_day_before():
    picket = dict(type="PROTEST", source_country="KGZ", target_country="KGZ", location_name="Osh",
                  location_country="KGZ", lat=40.53, lon=72.80, published="2030-03-07")
    monday = mention(event_id="v1", date="2030-03-04", sentence="Traders shut the bazaar on Monday over the new levy.",
                     **picket)
    tuesday = mention(event_id="v2", date="2030-03-05", sentence="Tuesday's marchers remained outside the mayor's "
                                                                 "office until daybreak on Wednesday.", **picket)
    assert tuesday.continuing and tuesday.continued_into == 2  # Wednesday
    assert Deduplicator().why_apart(monday, tuesday) == "dates"  # Tuesday's crowd, on into Wednesday: not Monday's
    assert len(Deduplicator().cluster([monday, tuesday])) == 2
    into_tuesday = dataclasses.replace(tuesday, sentence="The marchers remained outside the mayor's office through "
                                                         "the night and into Tuesday.")
    assert into_tuesday.continued_into == 1 and Deduplicator().why_apart(monday, into_tuesday) is None
    no_day = dataclasses.replace(tuesday, sentence="The marchers remained outside the mayor's office until daybreak.")
    assert no_day.continued_into is None and Deduplicator().why_apart(monday, no_day) is None
    on_to_wednesday = dataclasses.replace(monday, sentence="The traders' protest went on into Wednesday.")
    assert Deduplicator().why_apart(on_to_wednesday, dataclasses.replace(tuesday, sentence=None)) is None


def test_a_report_carrying_its_rally_into_the_next_day_joins_that_day_s_unrest_at_the_place():
    crowd = dict(type="PROTEST", source_country=None, target_country=None, location_name="Karakol",
                 location_country="KGZ", lat=42.49, lon=78.39, published="2030-09-13")
    tuesday = mention(event_id="v1", cameo="141", acled_event_type="Protests", date="2030-09-10",
                      date_method="clause:WEEKDAY", sentence="Shepherds filled the market square on Tuesday.", **crowd)
    stayed = mention(event_id="v2", cameo="141", acled_event_type="Protests", date="2030-09-11",
                     date_method="clause:WEEKDAY", sentence="Their sit-in lasted until daybreak on Wednesday.",
                     **crowd)
    storming = mention(event_id="v3", cameo="145", acled_event_type="Riots", date="2030-09-11",
                       date_method="sentence:WEEKDAY", sentence="Late on Wednesday guards fired warning shots as "
                                                               "a few men tried to break down the town hall gate.", **crowd)
    assert Deduplicator().why_apart(tuesday, storming) == "dates"  # alone, two days of one report
    assert len(Deduplicator().cluster([tuesday, stayed, storming])) == 1  # the crowd was still there
    assert len(Deduplicator().cluster([tuesday, storming])) == 2
    uncarried = dataclasses.replace(stayed, sentence="A second crowd came to the square on Wednesday.")
    assert len(Deduplicator().cluster([tuesday, uncarried, storming])) == 2
    own_clause = dataclasses.replace(storming, date_method="clause:WEEKDAY")  # another kind, dated by itself
    assert len(Deduplicator().cluster([tuesday, stayed, own_clause])) == 2


@pytest.mark.parametrize(("sentence", "continuing"), [
    ("Several hundred demonstrators stayed on the avenue until dawn.", True),
    ("The vigil lasted through the night.", True),
    ("The protest carried on into the small hours.", True),
    ("Students marched to the ministry on Friday morning.", False),
    ("The crowd dispersed before midnight.", False),
])
def test_continuation_cues_for_crowds(sentence, continuing):
    assert mention(type="PROTEST", sentence=sentence).continuing is continuing


def test_a_roughly_dated_police_action_in_an_unmeasured_province_does_not_join_a_town_far_off():
    action = dict(type="COERCE", source_country="UZB", target_country="UZB", location_country="UZB")
    raid = mention(document_id="d1", outlet="Steppe Post", date="2030-04-02", location_name="Termez", lat=37.22,
                   lon=67.28, published="2030-04-03", **action)
    week = mention(document_id="d2", outlet="Hill Gazette", date="2030-03-31", date_until="2030-04-06",
                   location_name="Fergana Region", location_precision="admin1", lat=None, lon=None,
                   published="2030-04-08", **action)  # "over the past week" in a province with no coordinates
    assert Deduplicator().why_apart(raid, week) is None  # nothing to measure, nothing against them
    assert len(Deduplicator().cluster([raid, week])) == 2  # but nothing ties them either
    same_place = dataclasses.replace(week, location_name="Termez", lat=None, lon=None)
    assert len(Deduplicator().cluster([raid, same_place])) == 1
    measured = dataclasses.replace(week, location_name="Termez airport", lat=37.29, lon=67.31)  # 8 km off
    assert len(Deduplicator().cluster([raid, measured])) == 1
    nationwide = dataclasses.replace(week, location_name=None, location_precision=None)
    assert len(Deduplicator().cluster([raid, nationwide])) == 1  # no named place: the date decides
    fighting = [dataclasses.replace(m, type="ASSAULT", source_country="KGZ") for m in (raid, week)]
    assert len(Deduplicator().cluster(fighting)) == 1  # fighting may be placed at a province or a border


def test_a_last_week_report_ends_where_it_says():
    week = mention(document_id="d1", date="2030-07-19", date_until="2030-07-25", published="2030-07-29",
                   location_name="Margara", lat=40.03, lon=44.18)
    monday = mention(document_id="d2", outlet="Hill Gazette", date="2030-07-26", published="2030-07-28",
                     source_country="ARM", target_country="AZE", location_name="Sharur", location_country="AZE",
                     lat=39.55, lon=44.98)
    assert Deduplicator().why_apart(week, monday) == "dates"  # the next Monday is not last week
    assert len(Deduplicator().cluster([week, monday])) == 2
    sunday = dataclasses.replace(monday, date="2030-07-25")
    assert Deduplicator().why_apart(week, sunday) is None
    short = dataclasses.replace(week, date="2030-07-24", date_until="2030-07-25")  # two days: slack as for a day
    assert Deduplicator().why_apart(short, monday) is None


def test_a_police_action_in_a_town_and_a_decree_for_an_unmeasured_province_stay_apart():
    action = dict(type="COERCE", source_country="TJK", target_country="TJK", location_country="TJK")
    dispersal = mention(document_id="d1", outlet="Steppe Post", date="2030-08-10", location_name="Kulob",
                        lat=37.91, lon=69.78, published="2030-08-11", cameo="173", **action)
    curfew = mention(document_id="d2", outlet="Hill Gazette", date="2030-08-11", location_name="Sughd Region",
                     location_precision="admin1", lat=None, lon=None, published="2030-08-12", cameo="172", **action)
    assert len(Deduplicator().cluster([dispersal, curfew])) == 2
    same_town = dataclasses.replace(curfew, location_name="Kulob")
    assert len(Deduplicator().cluster([dispersal, same_town])) == 1
    rallies = [dataclasses.replace(m, type="PROTEST", cameo="141") for m in (dispersal, curfew)]
    assert len(Deduplicator().cluster(rallies)) == 2


def test_a_seizure_and_another_coercive_act_at_named_places_are_two_events():
    act = dict(type="COERCE", source_country="UZB", target_country="UZB", location_name="Urgench",
               location_country="UZB", lat=41.55, lon=60.63, date="2030-09-03", published="2030-09-04")
    seizure = mention(document_id="d1", cameo="171", **act)
    arrests = mention(document_id="d2", outlet="Steppe Post", cameo="173", **act)
    assert Deduplicator().why_apart(seizure, arrests) == "kind"
    assert len(Deduplicator().cluster([seizure, arrests])) == 2
    retaken = dataclasses.replace(arrests, cameo="192")  # taking a place back is an occupation too
    assert Deduplicator().why_apart(seizure, retaken) is None
    summary = dataclasses.replace(arrests, location_name="Uzbekistan", lat=None, lon=None)  # a country's summary
    assert Deduplicator().why_apart(seizure, summary) is None
    generic = dataclasses.replace(arrests, cameo="170")
    assert Deduplicator().why_apart(seizure, generic) is None


def test_a_country_level_police_action_stays_with_the_towns_its_article_names():
    act = dict(type="COERCE", cameo="173", source_country="UZB", target_country="UZB", location_country="UZB",
               date="2030-10-14", published="2030-10-15")
    arrests = mention(document_id="d1", outlet="Steppe Post", location_name="Namangan", lat=41.00, lon=71.67, **act)
    nationwide = dict(location_name="Uzbekistan", location_precision="country", lat=None, lon=None,
                      sentence="Police detained about sixty people, the interior ministry said.")
    local = mention(document_id="d2", event_id="v1", outlet="Hill Gazette", **act, **nationwide)
    rally = mention(document_id="d2", event_id="v2", outlet="Hill Gazette", type="PROTEST", cameo="141",
                    source_country="UZB", target_country="UZB", location_name="Samarkand", location_country="UZB",
                    lat=39.65, lon=66.96, date="2030-10-14", published="2030-10-15")  # 420 km from Namangan
    assert len([c for c in Deduplicator().cluster([arrests, local, rally]) if c.type == "COERCE"]) == 2
    assert len(Deduplicator().cluster([arrests, local])) == 1  # its article names no place: the date decides
    abroad = dataclasses.replace(rally, location_name="Osh", location_country="KGZ", lat=40.53, lon=72.80)
    assert len([c for c in Deduplicator().cluster([arrests, local, abroad]) if c.type == "COERCE"]) == 1
    named = dataclasses.replace(local, sentence="Police in Namangan detained about sixty people.")
    assert len([c for c in Deduplicator().cluster([arrests, named, rally]) if c.type == "COERCE"]) == 1
    other = [dataclasses.replace(m, document_id="d3", outlet="Lake Courier") for m in (local, rally)]
    far = dataclasses.replace(other[1], location_name="Nukus", lat=42.46, lon=59.60)  # 700 km from Samarkand
    assert len([c for c in Deduplicator().cluster([local, rally, other[0], far]) if c.type == "COERCE"]) == 2
    assert len([c for c in Deduplicator().cluster([local, rally, *other]) if c.type == "COERCE"]) == 1
    fighting = [dataclasses.replace(m, type="ASSAULT", cameo="190") for m in (arrests, local)]
    assert len(Deduplicator().cluster([*fighting, rally])) == 2  # fighting runs along a front: not held to it
    talks = dataclasses.replace(rally, type="CONSULT", cameo="040")  # told from wherever the speaker is
    assert len([c for c in Deduplicator().cluster([arrests, local, talks]) if c.type == "COERCE"]) == 1


def test_a_country_level_police_action_whose_sentence_spells_the_town_otherwise_stays_with_it():
    act = dict(type="COERCE", cameo="173", source_country="TJK", target_country="TJK", location_country="TJK",
               date="2031-06-08", published="2031-06-09")
    arrests = mention(document_id="d1", outlet="Valley Herald", location_name="Khujand", lat=40.28, lon=69.62, **act)
    local = mention(document_id="d2", event_id="v1", outlet="Vakhsh Review", location_name="Tajikistan",
                    location_precision="country", lat=None, lon=None,
                    sentence="Officers in Khodjent rounded up forty traders, a police spokesman said.", **act)
    rally = mention(document_id="d2", event_id="v2", outlet="Vakhsh Review", type="PROTEST", cameo="141",
                    source_country="TJK", target_country="TJK", location_name="Bokhtar", location_country="TJK",
                    lat=37.84, lon=68.78, date="2031-06-08", published="2031-06-09")  # 270 km from Khujand
    assert len([c for c in Deduplicator().cluster([arrests, local, rally]) if c.type == "COERCE"]) == 1
    elsewhere = dataclasses.replace(local, sentence="Officers rounded up forty traders, a police spokesman said.")
    assert len([c for c in Deduplicator().cluster([arrests, elsewhere, rally]) if c.type == "COERCE"]) == 2


def test_each_spark_cluster_group_clusters_alone_as_in_one_run():
    act = dict(source_country="UZB", target_country="UZB", location_country="UZB", date="2030-10-14",
               published="2030-10-15")
    mentions = [
        mention(document_id="d1", type="COERCE", cameo="173", location_name="Namangan", lat=41.00, lon=71.67, **act),
        mention(document_id="d2", event_id="v1", type="COERCE", cameo="173", location_name="Uzbekistan",
                location_precision="country", lat=None, lon=None, **act),
        mention(document_id="d2", event_id="v2", type="ASSAULT", cameo="190", location_name="Samarkand", lat=39.65,
                lon=66.96, **act),
        mention(document_id="d2", event_id="v3", type="CONSULT", cameo="040", location_name="Tashkent", lat=41.30,
                lon=69.24, **act)]
    whole = {c.id for c in Deduplicator().cluster(mentions)}
    groups: dict[str, list] = {}
    for m in mentions:
        groups.setdefault(cluster_group(m.type), []).append(m)
    assert {c.id for group in groups.values() for c in Deduplicator().cluster(group)} == whole
    assert len(whole) == 4  # the fighting at Samarkand places the country-level arrests away from Namangan


def test_an_undated_report_goes_with_its_articles_dated_event_before_a_rough_one_at_its_place():
    fire = dict(type="ASSAULT", cameo="190", source_country="TJK", target_country="KGZ", published="2031-03-12")
    village = dict(location_name="Kulundu", location_country="KGZ", lat=40.18, lon=69.93)
    clash = mention(event_id="v1", date="2031-03-11", location_name="Kyrgyzstan", location_country="KGZ", lat=41.2,
                    lon=74.7, **fire)
    earlier = mention(event_id="v2", date="2031-03", date_precision="month", **village,
                      **{**fire, "source_country": None})
    headline = mention(event_id="v3", date=None, date_precision=None, **village, **fire)
    by_date = {c.date: {m.key for m in c.mentions} for c in Deduplicator().cluster([clash, earlier, headline])}
    assert by_date["2031-03-11"] == {"d1:v1", "d1:v3"}  # the newest news, not last week's fire at the village
