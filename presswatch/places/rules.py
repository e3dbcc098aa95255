"""Named patterns and word lists for place mentions (issue 6).

Each pattern is matched over the document text and says what it must and must not match;
tests/unit/test_places.py checks both.
"""

from __future__ import annotations

import re

_NAME = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
_BORDER_WORD = r"(?:state\s+)?(?:border|frontier|boundary)(?:\s+(?:area|region|zone|line|section|villages?))?"

# "the Armenian-Azerbaijani border", "Tajik-Kyrgyz border area", "Armenia–Azerbaijan state border".
# Both sides must be demonyms or country names (checked in mentions.py).  Not "cross-border",
# not "Russian-speaking border guards" (second part not a country).
BORDER_PAIR = re.compile(
    rf"\b(?P<a>[A-Z][a-z]+)\s*[-–—/]\s*(?P<b>[A-Z][a-z]+)\s+{_BORDER_WORD}\b")

# "the border between Armenia and Azerbaijan", "the frontier between Kyrgyzstan and Tajikistan".
# Not "the border between the two countries" (see BORDER_BETWEEN_PRONOUN).
BORDER_BETWEEN = re.compile(
    rf"\b(?:border|frontier|boundary)\s+between\s+(?:the\s+)?(?P<a>{_NAME})\s+and\s+(?:the\s+)?(?P<b>{_NAME})\b")

# "the border between the two countries", "the border between them": the two countries named
# last before it.  Not "the borders of the CIS countries" (no pair).
BORDER_BETWEEN_PRONOUN = re.compile(
    r"\b(?:border|frontier|boundary)\s+between\s+(?:the\s+two\s+(?:countries|states|republics|nations|sides)|them)\b",
    re.IGNORECASE)

# "Poland's border with Belarus", "Tajikistan's eastern frontier with China".  Not "Poland's border
# guards" (no "with").
BORDER_WITH = re.compile(
    rf"\b(?P<a>{_NAME})['’]s\s+(?:(?:eastern|western|northern|southern|long|shared)\s+)?"
    rf"(?:border|frontier|boundary)\s+with\s+(?:the\s+)?(?P<b>{_NAME})\b")
# Cheap cues: the patterns above and below are tried only on a text with their fixed words (each
# scan from every capitalized word costs ~0.3 ms per 1,000-word article; a cue ~0.05 ms).
BORDER_WITH_CUE = re.compile(r"(?:border|frontier|boundary)\s+with\s")

# "the Belarusian side of the border", "the Afghan side of the frontier": one side named, the other
# is the last other country named before it (checked in mentions.py).  Not "the other side of the
# border" (no country).
BORDER_SIDE = re.compile(rf"\b(?P<a>[A-Z][a-z]+)\s+side\s+of\s+the\s+{_BORDER_WORD}\b")
BORDER_SIDE_CUE = re.compile(r"side\s+of\s+the\s")

# Prepositions that place an event ("clashes in Batken", "near Jermuk"); not "to", "from", "with",
# "against", whose objects are participants or directions.
LOCATIVE_PREPOSITIONS = frozenset({
    "in", "near", "at", "on", "outside", "around", "across", "along", "inside", "within", "throughout",
    "over", "into", "towards", "toward", "by", "off",
})

# spaCy entity labels that may name a place.  PERSON/ORG are tried only after a locative
# preposition, because the small model tags "Yerevan" or "Alma-Ata" as PERSON.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MISLABELLED = frozenset({"PERSON", "ORG"})

# Nouns a place name may stand in apposition to or modify on its way to the preposition:
# "in the old capital, Alma-Ata", "in the Batken region".
PLACE_NOUNS = frozenset({
    "capital", "city", "town", "village", "district", "region", "province", "area", "outskirts",
    "border", "oblast", "direction", "settlement", "airport", "suburb", "part", "center", "centre",
})

# Names the gazetteer knows as some subdivision or town but that news text uses for blocs or
# directions: "the West" is not Cameroon's West Region.
NOT_PLACES = frozenset({"west", "east", "north", "south", "centre", "center", "central", "capital", "union",
                        "republic", "federation", "commonwealth", "kremlin", "white house", "pentagon",
                        # months and weekdays: "a repeat of August 2020" is not August, Wisconsin
                        "january", "february", "march", "april", "may", "june", "july", "august",
                        "september", "october", "november", "december", "monday", "tuesday", "wednesday",
                        "thursday", "friday", "saturday", "sunday"})

# A town or subdivision outside the countries a document mentions is accepted only if it is a
# city at least this large ("Samarkand" yes; a village that shares a word with a surname, no).
FOREIGN_CITY_POPULATION = 20_000

# A world city (this many people) wins over a same-name place in a document country that is
# WORLD_CITY_RATIO times smaller ("Prague" in a US story is not New Prague, Minnesota) and over a
# state of its own country that shares its name ("New York" is the city unless the state is said).
WORLD_CITY_POPULATION = 1_000_000
WORLD_CITY_RATIO = 10

# A name said to be a state: "New York state", "the State of Washington".  The document's other
# mentions of that name then mean the state too.  Not "Secretary of State" (no name after "of").
STATE_NAMED = re.compile(r"\b(?P<a>[A-Z][a-z]+(?: [A-Z][a-z]+)?) [Ss]tate\b|\b[Ss]tate of (?P<b>[A-Z][a-z]+(?: [A-Z][a-z]+)?)")

# A state or country right after a place name, which says where the place is: "Paris, Texas",
# "St. Petersburg, Florida".  Matched at the end of the name.
QUALIFIER = re.compile(r",\s+(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")

# A PERSON/ORG entity with no preposition before it is read as a place only if it names a city this
# large in a country the document mentions: capitals stand for governments ("Dushanbe denied it").
METONYM_CITY_POPULATION = 100_000

# A dateline: an all-capitals place (or places joined by "/") opening a line, then a comma or
# dash: "BAKU, 13 September", "VILNIUS/MINSK —".  Not an all-capitals headline word mid-line.
DATELINE = re.compile(r"^(?P<places>[A-Z][A-Z'\-]+(?:[ /][A-Z][A-Z'\-]+)*)\s*(?:,|—|–|-\s)", re.MULTILINE)

# Nouns of gatherings and documents: a place modifying one of them ("held talks in Dushanbe",
# "signed a memorandum in Riga") places even a verbal event; "tension along the frontier" does not.
EVENT_NOUNS = frozenset({
    "talk", "talks", "meeting", "summit", "conference", "negotiation", "negotiations", "rally", "protest",
    "march", "ceremony", "session", "consultation", "consultations", "round", "visit", "agreement",
    "memorandum", "protocol", "treaty", "deal", "ceasefire", "truce", "accord", "statement",
})
# Prepositions that place a gathering noun ("talks in Dushanbe"), not a topic ("talks on the border").
GATHERING_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "outside"})

# Verbs of leaving whose "from" names where the event happened: "the army withdrew from Kherson"
# (for other verbs "from" is a participant or a direction: "a delegation from Baku").
LEAVING_VERBS = frozenset({"withdraw", "retreat", "pull", "flee", "evacuate", "expel", "oust", "drive"})

# Verbs whose direct object is the place itself: "visited Kherson", "left Lachin".
PLACE_OBJECT_VERBS = frozenset({"visit", "tour", "leave", "enter", "reach", "capture", "seize", "storm",
                                "occupy", "liberate", "shell", "bomb", "hit", "strike", "attack", "invade",
                                "raid", "besiege", "surround", "evacuate", "abandon", "take"})

# Sites an event acts on that a report names once with their place and then by a definite noun
# alone ("cleared the Pamir highway near Rushan ... had blocked the highway": attach._site_anaphor).
SITE_NOUNS = frozenset({"highway", "road", "bridge", "railway", "pipeline", "crossing", "checkpoint", "airport",
                        "airfield", "station", "port", "dam", "square", "building", "base", "camp"})
