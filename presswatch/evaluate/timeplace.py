"""Score the dates and places stages on the hand-labelled time-and-place gold sets (issue 6).

Three gold sets, reported separately and combined:
- examples: tests/fixtures/timeplace/gold.jsonl, built by scripts/build_timeplace_gold.py from the
  hand annotations in annotations.tsv (our own sentences plus examples/articles);
- polnear_dev: tests/fixtures/timeplace/polnear_dev.tsv, hand annotations of 8 PolNeAR dev articles
  stored as offsets and span hashes into the shared texts (../shared/data/polnear/dev/text).  A
  development set: its errors have been read and general causes of them fixed;
- polnear_test: tests/fixtures/timeplace/polnear_test.tsv, the same kind of annotations on 6 other
  PolNeAR dev articles, held out: never inspected while rules change (`held_out=False` leaves it out).
The PolNeAR sets are skipped, with the reason in the report, when the texts are absent.
Three kinds of rows:
- date: a temporal expression (offsets) and its value/precision, or null when it must not resolve;
- place: a place mention (offsets) and its gazetteer name and country (or both countries of a
  border), or null when it is not a place;
- event: a trigger (offsets, PLOVER type) with the date and location the event should get.
Scores are accuracies (exact value and precision; name and country), with a GDELT-style baseline:
every date is the publication day, every event is placed at the first place the article names.
A PolNeAR place row may also name the gazetteer kind ("city" for New York City, "admin1" for the
state), which must then match too.  An empty group scores 0.0 (n = 0 says so).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from presswatch.dates import date_events, resolve_document
from presswatch.errors import PresswatchError
from presswatch.nlp import DEFAULT_MODEL, load_language, parse_many
from presswatch.places import locate_events
from presswatch.places.gazetteer import Gazetteer, alias_key, load_gazetteer
from presswatch.places.mentions import find_place_mentions
from presswatch.records import Document, Event, Extent, Location, Participant, make_span

REPO = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = REPO / "tests" / "fixtures" / "timeplace" / "gold.jsonl"
DEFAULT_POLNEAR_GOLD = REPO / "tests" / "fixtures" / "timeplace" / "polnear_dev.tsv"
DEFAULT_POLNEAR_TEST_GOLD = REPO / "tests" / "fixtures" / "timeplace" / "polnear_test.tsv"
DEFAULT_POLNEAR = REPO.parent / "shared" / "data" / "polnear"
# The publication day inside a PolNeAR article id: outlet_YYYY-MM-DD_slug.
ARTICLE_DAY = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
PLACE_LABELS = ("GPE", "LOC")


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Gold rows with their document text checked against the offsets (PWE652, PWE653)."""
    if not path.is_file():
        raise PresswatchError("PWE652", path=path, reason="no such file")
    rows, texts = [], {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            doc = (REPO / row["doc"]) if not Path(row["doc"]).is_absolute() else Path(row["doc"])
            if doc not in texts:
                texts[doc] = doc.read_text(encoding="utf-8")
            if texts[doc][row["start"]:row["end"]] != row["text"]:
                raise ValueError(f"offsets {row['start']}:{row['end']} do not hold {row['text']!r}")
        except (ValueError, KeyError, OSError) as exc:
            raise PresswatchError("PWE653", path=path, line=number, reason=str(exc)) from exc
        row["_doc"] = doc
        row["_text"] = texts[doc]
        rows.append(row)
    return rows


def load_polnear_gold(path: Path, polnear: Path) -> list[dict[str, Any]]:
    """PolNeAR gold rows (either set) in the shape of `load_gold`, each span checked against its sha256 prefix
    in the shared text (PWE652 if the annotations are missing, PWE653 on a bad row)."""
    if not path.is_file():
        raise PresswatchError("PWE652", path=path, reason="no such file")
    rows, texts = [], {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            kind, article, start, end, digest, *values = line.split("\t")
            doc = polnear / "dev" / "text" / f"{article}.txt"
            if doc not in texts:
                texts[doc] = doc.read_text(encoding="utf-8")
            span = texts[doc][int(start):int(end)]
            if hashlib.sha256(span.encode("utf-8")).hexdigest()[:8] != digest:
                raise ValueError(f"offsets {start}:{end} of {article} do not hold the annotated span")
            row: dict[str, Any] = {"doc": f"polnear:dev/{article}", "published": ARTICLE_DAY.search(article)[1],
                                   "kind": kind, "start": int(start), "end": int(end), "text": span}
            if kind == "date":
                value, precision = values
                row.update(value=None if value == "-" else value, precision=None if precision == "-" else precision)
            elif kind == "place":
                name, country, place_kind = values
                row["place"] = None if name == "-" else {
                    "name": name, "country": country, "countries": [country], "border": False,
                    "kind": None if place_kind == "-" else place_kind}
            else:
                raise ValueError(f"unknown row kind {kind!r}")
        except (ValueError, TypeError, OSError) as exc:
            raise PresswatchError("PWE653", path=path, line=number, reason=str(exc)) from exc
        row["_doc"] = doc
        row["_text"] = texts[doc]
        rows.append(row)
    return rows


def _accuracy(hits: list[bool]) -> float:
    return round(sum(hits) / len(hits), 4) if hits else 0.0


def _group_report(groups: dict[str, list[tuple[bool, bool]]]) -> dict[str, Any]:
    report: dict[str, Any] = {}
    everything = [item for items in groups.values() for item in items]
    report["n"] = len(everything)
    report["accuracy"] = _accuracy([ours for ours, _ in everything])
    report["baseline_accuracy"] = _accuracy([base for _, base in everything])
    report["by_precision"] = {
        key: {"n": len(items), "accuracy": _accuracy([ours for ours, _ in items]),
              "baseline_accuracy": _accuracy([base for _, base in items])}
        for key, items in sorted(groups.items())
    }
    return report


def _same_place(gold: dict | None, found: Location | None, gazetteer: Gazetteer) -> bool:
    """Same border (both countries), or same country and a name the gazetteer gives that place
    ("Gomel" for Homyel')."""
    if gold is None or found is None:
        return gold is None and found is None
    if gold["border"]:
        return found.precision == "border" and sorted(found.countries) == gold["countries"]
    if found.country != gold["country"] or (gold.get("kind") and found.precision != gold["kind"]):
        return False
    return alias_key(found.name) == alias_key(gold["name"]) or any(
        alias_key(place.name) == alias_key(found.name) and place.country == found.country
        for place in gazetteer.lookup(gold["name"]))


def _first_place(parsed: Any, gazetteer: Gazetteer) -> Location | None:
    """The GDELT-style baseline place: the first GPE/LOC the article names, top gazetteer candidate."""
    for ent in parsed.ents:
        if ent.label_ in PLACE_LABELS:
            candidates = gazetteer.lookup(ent.text)
            if candidates:
                place = candidates[0]
                return Location(place.name, place.country, place.admin1, place.lat, place.lon,
                                precision=place.kind, countries=(place.country,) if place.country else ())
    return None


def _gold_event(row: dict[str, Any], document: Document, parsed: Any, number: int) -> Event:
    span = parsed.char_span(row["start"], row["end"], alignment_mode="expand")
    sentence = span.sent if span is not None else None
    extent = Extent(sentence.start_char, sentence.end_char) if sentence is not None else Extent(row["start"], row["end"])
    source = None
    if row.get("source_country"):
        source = Participant(None, row["source_country"], None, row["source_country"])
    return Event(f"v{number}", row["type"], make_span(document.text, row["start"], row["end"]), extent,
                 source=source)


def _score(rows: list[dict[str, Any]], nlp: Any, gazetteer: Gazetteer, limit: int | None) -> dict[str, Any]:
    """Dates (expressions), places (mentions) and event dates/locations of one gold set, by group."""
    by_doc: dict[Path, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_doc[row["_doc"]].append(row)
    documents = sorted(by_doc)[:limit] if limit else sorted(by_doc)
    date_groups: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    place_groups: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    event_date_groups: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    event_place_groups: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    errors: list[dict[str, Any]] = []
    pairs = ((by_doc[path][0]["_text"], path) for path in documents)
    for parsed, path in parse_many(nlp, pairs):
        doc_rows = by_doc[path]
        published = doc_rows[0]["published"]
        document = Document.from_text(parsed.text, published=published)
        resolutions = resolve_document(document, parsed)
        mentions = find_place_mentions(document.text, parsed, (), gazetteer)
        first_place = _first_place(parsed, gazetteer)
        gold_events = [row for row in doc_rows if row["kind"] == "event"]
        events = tuple(_gold_event(row, document, parsed, i) for i, row in enumerate(gold_events, 1))
        by_id = {event.id: event for event in locate_events(document, parsed, (), date_events(document, parsed, events), gazetteer)}
        located = [by_id[event.id] for event in events]  # a gold event, not the copies for its other days
        for row in doc_rows:
            where = f"{row['doc']}:{row['start']}"
            if row["kind"] == "date":
                overlapping = [r for r in resolutions if r.expression.start < row["end"] and row["start"] < r.expression.end]
                found = max(overlapping, key=lambda r: min(r.expression.end, row["end"]) - max(r.expression.start, row["start"]),
                            default=None)
                ours = (found.value, found.precision) if found is not None else (None, None)
                base = (published, "day") if published else (None, None)
                hit = ours == (row["value"], row["precision"])
                date_groups[row["precision"] or "none"].append((hit, base == (row["value"], row["precision"])))
                if not hit:
                    errors.append({"where": where, "kind": "date", "text": row["text"], "gold": row["value"],
                                   "found": ours[0], "precision": ours[1]})
            elif row["kind"] == "place":
                found_mention = next((m for m in mentions if m.start < row["end"] and row["start"] < m.end), None)
                location = found_mention.location if found_mention is not None else None
                hit = _same_place(row["place"], location, gazetteer)
                key = "none" if row["place"] is None else ("border" if row["place"]["border"] else "named")
                place_groups[key].append((hit, _same_place(row["place"], first_place, gazetteer)))
                if not hit:
                    errors.append({"where": where, "kind": "place", "text": row["text"], "gold": row["place"],
                                   "found": None if location is None else [location.name, location.country, location.precision]})
        for row, event in zip(gold_events, located, strict=True):
            where = f"{row['doc']}:{row['start']}"
            if row["date"] != "skip":
                gold_date = (row["date"]["value"], row["date"]["precision"]) if row["date"] else (None, None)
                ours = (event.date.value, event.date.precision) if event.date else (None, None)
                base = (published, "day") if published else (None, None)
                event_date_groups[gold_date[1] or "none"].append((ours == gold_date, base == gold_date))
                if ours != gold_date:
                    errors.append({"where": where, "kind": "event-date", "text": row["text"], "gold": gold_date[0],
                                   "found": ours[0], "method": event.date.method if event.date else None})
            hit = _same_place(row["location"], event.location, gazetteer)
            key = "none" if row["location"] is None else ("border" if row["location"]["border"] else "named")
            event_place_groups[key].append((hit, _same_place(row["location"], first_place, gazetteer)))
            if not hit:
                errors.append({"where": where, "kind": "event-location", "text": row["text"], "gold": row["location"],
                               "found": None if event.location is None else
                               [event.location.name, event.location.country, event.location.method]})
    return {"documents": len(documents), "dates": date_groups, "places": place_groups,
            "event_dates": event_date_groups, "event_locations": event_place_groups, "errors": errors}


def _report(scored: list[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy by precision level over one or more scored sets."""
    report: dict[str, Any] = {"documents": sum(part["documents"] for part in scored)}
    for part in ("dates", "places", "event_dates", "event_locations"):
        groups: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
        for one in scored:
            for key, items in one[part].items():
                groups[key].extend(items)
        report[part] = _group_report(groups)
    return report


SET_ROLES = {
    "examples": "development: our sentences and examples/articles",
    "polnear_dev": "development: errors seen",
    "polnear_test": "held out: never inspected while rules change",
}


def run(gold: str | Path = DEFAULT_GOLD, model: str = DEFAULT_MODEL, limit: int | None = None,
        polnear_gold: str | Path = DEFAULT_POLNEAR_GOLD, polnear: str | Path = DEFAULT_POLNEAR,
        polnear_test_gold: str | Path = DEFAULT_POLNEAR_TEST_GOLD, held_out: bool = True) -> dict[str, Any]:
    """Score the examples, PolNeAR dev and (unless `held_out` is false) PolNeAR test gold sets, each
    and combined.

    Returns a JSON-ready report with accuracy by precision level next to the baseline for
    "examples", "polnear_dev", "polnear_test" (or the reason the PolNeAR sets were skipped) and
    "combined"; "roles" says which sets are development and which held out.  `limit` caps the
    documents of each set.  Raises PWE652/PWE653 on a missing or bad gold file.
    """
    rows = load_gold(Path(gold))
    nlp = load_language(model)
    gazetteer = load_gazetteer()
    scored = {"examples": _score(rows, nlp, gazetteer, limit)}
    report: dict[str, Any] = {"gold": str(gold), "polnear_gold": str(polnear_gold),
                              "polnear_test_gold": str(polnear_test_gold), "gazetteer": gazetteer.version}
    polnear_sets = {"polnear_dev": polnear_gold, **({"polnear_test": polnear_test_gold} if held_out else {})}
    if (Path(polnear) / "dev" / "text").is_dir():
        for name, path in polnear_sets.items():
            scored[name] = _score(load_polnear_gold(Path(path), Path(polnear)), nlp, gazetteer, limit)
    else:
        report["polnear_dev_skipped"] = f"no PolNeAR dev texts under {polnear}; scored the examples set only"
    report["roles"] = {name: SET_ROLES[name] for name in scored}
    for name, part in scored.items():
        report[name] = _report([part])
    report["combined"] = _report(list(scored.values()))
    report["baseline"] = "dates: publication day; places and event locations: first GPE/LOC the article names"
    report["errors"] = [dict(error, set=name) for name, part in scored.items() for error in part["errors"]]
    return report
