"""Score actor coding: country and sector of PLOVER gold sources/targets, and the fixture articles.

`run(data_dir)` reads `events/plover_gsr/PLOVER_GSR_CAMEO.dev.json` under `data_dir` (the shared
data root), runs the actors stage over each record's sentence and, for every gold source or
target, takes the entity whose mention holds the gold actor text's syntactic head (its spaCy span
root: "workers" in "workers of the X Company"; of the last part of an elided text, "Kenyan ...
officers"), else the one overlapping the text most.  Next to it, a baseline:
the plain spaCy NER plus an exact pycountry lookup of the overlapping entity (no sectors).

Metrics (plain functions, gold first):
- country accuracy over every gold actor found in its text (CAMEO spellings JAP/ITL/VTN mapped
  to ISO; gold "IGO" or "NGO" matches any organization code or a country-less IGO or NGO);
- sector accuracy over gold actors with a sector (first three letters; "***" skipped; the gold's
  PLOVER's JRN/MED read as our MED/HLH, "CIV" and religion codes as CVL, REL); a gold code of several
  sector triples is the set of them, as PLOVER_agents.txt writes an agent of two sectors in one code
  ("SHIA_MILITIA [~REBREL]"): gold "GOVMOS" credits GOV or REL (`gold_sectors`; lower-case ethnic
  tags, "CVLalb", and triples that are no sector, "REBHUT", are not sectors); and where one agent
  dictionary gives the predicted entity's own agent phrase several sectors, in one code or in two
  entries ("OPPOSITION_NEWSPAPER [~CVLOPPJRN]"; "SECURITY_FORCE" [~COP] and [~MIL], both files), any
  of them is credited when the set holds a gold sector (`dictionary_sets`; our stage keeps the first);
  `sector_accuracy_gold_code` credits the gold code's own set alone, no dictionary sets (issue 3's
  measure: "GOVMIL" holds MIL, as the issue codes a defence ministry MIL); `sector_accuracy_exact`
  keeps the gold's first triple alone and no sets;
- joint accuracy: country and sector both right, a missing gold sector expecting None.
An organization itself is (UN, IGO) here and (IGO, GOV) in PLOVER; it scores as GOV (see
`normalize_pred_sector`); its specialized bodies carry their function ("UN peacekeepers": UN/MIL).
The GSR dates are placeholders (2000-01-01), so records are analyzed without a published date.

`score_petrarch(path)`: recall of the real-country codes of the PETRARCH unit-test sentences
(`events/petrarch2/PETR.UnitTest.records.xml`, no actor spans) among the entities' codes.
`score_conflibert(path)`: coverage of the ConfliBERT CAMEO NER source/target spans
(`events/conflibert_cameo/cameo_ner_train.txt`, no codes): the data used to select rules.
`score_fixtures(folder)` compares each `NAME.txt` with `NAME.expected.json` (hand-checked).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pycountry

from presswatch.actors.knowledge import DATA_DIR
from presswatch.actors.resolve import singular
from presswatch.records import Document, Entity

GSR_PATH = Path("events") / "plover_gsr" / "PLOVER_GSR_CAMEO.dev.json"
FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "articles"
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# Gold sector spellings that differ from ours: PLOVER's media JRN and medical MED (ours, as in
# CAMEO and the contract: MED and HLH), "CIV" (no such sector in the PLOVER or Phoenix agent files;
# civilians are CVL) and CAMEO religion codes, which PLOVER_agents.txt writes as REL ("MOSLEM [~REL]").
GOLD_SECTOR_SPELLINGS = {"JRN": "MED", "MED": "HLH", "CIV": "CVL", "MOS": "REL", "MUS": "REL", "CHR": "REL", "JEW": "REL",
                         "BUD": "REL", "HIN": "REL"}
# Our organization codes: every organization of the actor knowledge base (gold writes them "IGO").
ORG_CODES = frozenset(json.loads((DATA_DIR / "organizations.json").read_text(encoding="utf-8")))
AGENTS = json.loads((DATA_DIR / "agents.json").read_text(encoding="utf-8"))
# Every sector code the agent dictionaries use (a gold code's later triples count only if one of these).
KNOWN_SECTORS = frozenset(AGENTS["sectors"].values())
# Agent phrase -> the sector sets one dictionary gives it (PLOVER's, Phoenix's), where a set has several.
ALTERNATIVES: dict[str, list[list[str]]] = AGENTS["alternatives"]
# Gold actor texts may elide words: "Kenyan ... officers".
ELLIPSIS = re.compile(r"\s*\.\.\.\s*")


def load_gsr(path: Path) -> list[dict[str, Any]]:
    """Gold records with text and at least one source or target (the DOCUMENT header skipped)."""
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]


def gold_actors(record: dict[str, Any]) -> list[tuple[str, int, int, int, str, str | None]]:
    """(role, start, head_start, end, country, sector) of each gold actor found in the record's text;
    head_start is where the last part of an elided text begins ("Kenyan ... officers": the head noun
    is in the last part; the whole span would be headed by a verb in between)."""
    found = []
    text = record["text"]
    for role in ("source", "target"):
        actors = record.get(role)
        if not isinstance(actors, list):
            continue
        for actor in actors:
            parts = [p for p in ELLIPSIS.split(actor.get("actorText", "").strip()) if p]
            if not parts:
                continue
            start = text.find(parts[0])  # aligning gold text to its sentence, not building spans
            last = text.find(parts[-1], max(start, 0)) if start >= 0 else -1
            end = last + len(parts[-1]) if last >= 0 else -1
            if start < 0 or end < start:
                found.append((role, -1, -1, -1, actor.get("code"), actor.get("sector")))
                continue
            found.append((role, start, last if len(parts) > 1 else start, end, actor.get("code"), actor.get("sector")))
    return found


def normalize_gold(code: str | None, sector: str | None) -> tuple[str | None, str | None]:
    code = CAMEO_TO_ISO.get(code or "", code)
    sector = sector[:3].upper() if sector and sector[:3].isalpha() else None
    return code, GOLD_SECTOR_SPELLINGS.get(sector or "", sector)


def gold_sectors(sector: str | None) -> frozenset[str]:
    """The sectors of a gold sector code read as PLOVER writes multi-sector agents ("REBREL"): each
    upper-case triple, spelled as ours, that is a sector ("GOVMOS" -> GOV, REL; "CVLalb" -> CVL;
    "REBHUT" -> REB: HUT is an ethnic code); the first is always one."""
    first = normalize_gold(None, sector)[1]
    if first is None:
        return frozenset()
    triples = [sector[i:i + 3] for i in range(3, len(sector or "") - 2, 3)]  # type: ignore[index]
    rest = {GOLD_SECTOR_SPELLINGS.get(t, t) for t in triples if t.isalpha() and t.isupper()}
    return frozenset({first} | (rest & KNOWN_SECTORS))


def dictionary_sets(mentions: Iterable[str]) -> list[frozenset[str]]:
    """The sector sets the agent dictionaries give the agent phrases that end the entity's mentions
    ("the opposition newspaper": CVL, MED, OPP; "Algerian security forces": COP, MIL)."""
    found = []
    for text in mentions:
        words = [w for w in (word.strip(".,;:'\"()").lower() for word in text.split()) if w]
        for start in range(len(words)):
            phrase = " ".join(words[start:])
            for key in dict.fromkeys((phrase, singular(phrase))):
                found += [frozenset(sectors) for sectors in ALTERNATIVES.get(key, ())]
    return found


def credited(gold: frozenset[str], sets: Iterable[frozenset[str]]) -> frozenset[str]:
    """The sectors credited for a gold set: its own, and every set of the dictionaries that holds one."""
    return gold.union(*(found for found in sets if found & gold))


def normalize_pred(country: str | None, sector: str | None, gold_country: str | None) -> str | None:
    """A predicted country in the gold's vocabulary: organizations collapse to "IGO" / "NGO".  The two
    are one class, an organization of no country: the gold writes "IGO" for non-governmental ones
    (Amnesty International, the Red Cross) and "NGO" for a ceasefire commission."""
    if gold_country in ("IGO", "NGO") and (country in ORG_CODES or (country is None and sector in ("IGO", "NGO"))):
        return gold_country
    return country


def normalize_pred_sector(country: str | None, sector: str | None, gold_country: str | None) -> str | None:
    """A predicted sector in the gold's vocabulary: an organization acting as itself or through its
    officials is ours (UN, IGO) and PLOVER's (IGO, GOV) ("the Security Council", "the Secretary-General")."""
    if gold_country == "IGO" and sector == "IGO" and country in ORG_CODES:
        return "GOV"
    return sector


def overlapping(entities: Iterable[Entity], start: int, end: int) -> Entity | None:
    """The entity whose mention overlaps [start, end) most (ties: the shorter mention)."""
    best, best_key = None, None
    for entity in entities:
        for mention in entity.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap <= 0:
                continue
            key = (overlap, -(mention.end - mention.start))
            if best_key is None or key > best_key:
                best, best_key = entity, key
    return best


def head_entity(entities: Iterable[Entity], parsed: Any, start: int, end: int, head_start: int | None = None) \
        -> Entity | None:
    """The entity of the gold phrase's syntactic head ("workers" of "workers of the X Company",
    "militants" of "militants loyal to X"; of [head_start, end) for an elided text), else the one
    overlapping [start, end) most."""
    span = parsed.char_span(start if head_start is None else head_start, end, alignment_mode="expand")
    if span is not None and len(span):
        head = span.root
        for entity in entities:
            if any(m.start <= head.idx < m.end for m in entity.mentions):
                return entity
    return overlapping(entities, start, end)


def accuracy(correct: int, total: int) -> float:
    """correct / total; 0.0 when there is nothing to score."""
    return round(correct / total, 4) if total else 0.0


def score_actor_codes(gold: list[tuple[str | None, str | None]],
                      pred: list[tuple[str | None, str | None]],
                      accepted: list[frozenset[str]] | None = None,
                      gold_codes: list[frozenset[str]] | None = None) -> dict[str, Any]:
    """Country, sector and joint accuracy of predicted (country, sector) pairs against gold; a sector
    is right if it is in the item's `accepted` set (default: the gold sector alone), right by the gold
    code if it is in the item's `gold_codes` set (default: the gold sector alone), exactly right if
    it is the gold sector."""
    country_ok = sector_ok = code_ok = exact_ok = sector_total = joint_ok = 0
    accepted = accepted or [frozenset({g}) for _c, g in gold]
    gold_codes = gold_codes or [frozenset({g}) for _c, g in gold]
    for (g_country, g_sector), (p_country, p_sector), sectors, codes in zip(gold, pred, accepted, gold_codes,
                                                                            strict=True):
        p_country, p_sector = normalize_pred(p_country, p_sector, g_country), \
            normalize_pred_sector(p_country, p_sector, g_country)
        country_ok += p_country == g_country
        if g_sector is not None:
            sector_total += 1
            sector_ok += p_sector in sectors
            code_ok += p_sector in codes
            exact_ok += p_sector == g_sector
        joint_ok += p_country == g_country and ((g_sector is not None and p_sector in sectors)
                                                or p_sector == g_sector
                                                or (g_sector is None and g_country in ("IGO", "NGO")))
    return {"n": len(gold), "country_accuracy": accuracy(country_ok, len(gold)),
            "sector_n": sector_total, "sector_accuracy": accuracy(sector_ok, sector_total),
            "sector_accuracy_gold_code": accuracy(code_ok, sector_total),
            "sector_accuracy_exact": accuracy(exact_ok, sector_total),
            "joint_accuracy": accuracy(joint_ok, len(gold))}


def baseline_code(ent_text: str) -> str | None:
    """The baseline: an exact pycountry lookup of the entity text."""
    try:
        return pycountry.countries.lookup(ent_text.strip()).alpha_3
    except LookupError:
        return None


def score_gsr(path: Path, pipeline: Any, baseline_nlp: Any) -> dict[str, Any]:
    """Score the pipeline and the baseline on the PLOVER gold records at `path`."""
    records = load_gsr(path)
    documents = [Document.from_text(r["text"], origin=r["id"]) for r in records]
    analyses = list(pipeline.analyze_many(documents))
    parsed = list(baseline_nlp.pipe([r["text"] for r in records]))
    gold: dict[str, list] = {"source": [], "target": []}
    pred: dict[str, list] = {"source": [], "target": []}
    base: dict[str, list] = {"source": [], "target": []}
    accepted: dict[str, list] = {"source": [], "target": []}
    gold_codes: dict[str, list] = {"source": [], "target": []}
    unaligned = 0
    errors = []
    for record, analysis, doc in zip(records, analyses, parsed, strict=True):
        for role, start, head_start, end, code, sector in gold_actors(record):
            if start < 0:
                unaligned += 1
                continue
            g = normalize_gold(code, sector)
            entity = head_entity(analysis.entities, doc, start, end, head_start)
            actor = entity.actor if entity is not None and entity.actor else None
            p = (actor.country, actor.sector) if actor else (None, None)
            ent = next((e for e in doc.ents if e.start_char < end and start < e.end_char), None)
            b = (baseline_code(ent.text) if ent is not None else None, None)
            gold[role].append(g)
            pred[role].append(p)
            base[role].append(b)
            mentions = [record["text"][m.start:m.end] for m in entity.mentions] if entity is not None else []
            gold_codes[role].append(gold_sectors(sector))
            accepted[role].append(credited(gold_codes[role][-1], dictionary_sets(mentions)))
            if normalize_pred(p[0], p[1], g[0]) != g[0] or (g[1] and normalize_pred_sector(*p, g[0]) not in accepted[role][-1]):
                errors.append({"id": record["id"], "role": role, "text": record["text"][start:end],
                               "gold": list(g), "pred": list(p)})
    report: dict[str, Any] = {"records": len(records), "unaligned_gold_actors": unaligned}
    for name, system in (("actors", pred), ("baseline", base)):
        report[name] = {role: score_actor_codes(gold[role], system[role], accepted[role], gold_codes[role])
                        for role in ("source", "target")}
        report[name]["all"] = score_actor_codes(gold["source"] + gold["target"], system["source"] + system["target"],
                                                accepted["source"] + accepted["target"],
                                                gold_codes["source"] + gold_codes["target"])
    report["errors"] = errors
    return report


def score_fixtures(folder: Path, pipeline: Any) -> dict[str, Any]:
    """Mention recall, actor accuracy, clustering and must-not checks on hand-checked fixtures."""
    totals = {"mentions": 0, "found": 0, "actor_ok": 0, "clustered": 0, "must_not": 0, "violations": 0}
    for expected_path in sorted(folder.glob("*.expected.json")):
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        if "entities" not in expected:
            continue  # another stage's fixture
        text_path = expected_path.with_name(expected_path.name.replace(".expected.json", ".txt"))
        text = text_path.read_text(encoding="utf-8")
        analysis = pipeline.analyze(Document.from_text(text, published=expected.get("published")))
        by_span = {(m.start, m.end): e for e in analysis.entities for m in e.mentions}
        for gold_entity in expected["entities"]:
            owners = []
            for start, end, mention_text in gold_entity["mentions"]:
                assert text[start:end] == mention_text, f"{expected_path}: {mention_text!r} is not at {start}:{end}"
                totals["mentions"] += 1
                entity = by_span.get((start, end))
                owners.append(entity.id if entity else None)
                if entity is None:
                    continue
                totals["found"] += 1
                actor = entity.actor
                want = gold_entity["actor"]
                got = {"country": actor.country, "sector": actor.sector} if actor else None
                if (want is None and got is None) or (want and got and all(got[k] == want[k] for k in ("country", "sector"))):
                    totals["actor_ok"] += 1
            found = [o for o in owners if o is not None]
            if found:
                majority = max(set(found), key=lambda o: (found.count(o), o))
                totals["clustered"] += found.count(majority)
        for start, end, _text in expected.get("must_not", []):
            totals["must_not"] += 1
            entity = by_span.get((start, end))
            if entity is not None and entity.actor is not None:
                totals["violations"] += 1
    n = totals["mentions"]
    return {**totals, "mention_recall": accuracy(totals["found"], n), "actor_accuracy": accuracy(totals["actor_ok"], n),
            "cluster_accuracy": accuracy(totals["clustered"], n)}


PETRARCH_PATH = Path("events") / "petrarch2" / "PETR.UnitTest.records.xml"
PETRARCH_SENTENCE = re.compile(r'<Sentence [^>]*id="([^"]+)"[^>]*>(.*?)</Sentence>', re.S)
PETRARCH_CODE = re.compile(r'(?:sourcecode|targetcode)="([A-Z]{3})((?:[A-Z]{3})*)')
# CAMEO religion codes: a secondary code before the sector ("DNKMUSMED": Danish Islamist media, MED),
# the sector only when nothing follows ("DNKMUS": Danish Muslims, REL as PLOVER writes it).
RELIGIONS = frozenset({"MUS", "MOS", "CHR", "JEW", "BUD", "HIN", "SHI", "SUN", "CTH", "PRO", "ORT"})


PETRARCH_ACTORS = "PETR.Validate.actors.txt"
PETRARCH_ENTRY = re.compile(r"^\+?([A-Z][A-Z_.'-]+?)_*\s+\[([A-Z]{3})[^\]]*\]", re.M)


def invented_codes(actors_file: Path, kb: Any) -> set[str]:
    """Country codes the PETRARCH test dictionary gives only to invented places ("ERIADOR [ERI]",
    "THE_SHIRE [FRO/...]"): codes of real countries reused for Tolkien's."""
    real, invented = set(), set()
    for name, code in PETRARCH_ENTRY.findall(actors_file.read_text(encoding="utf-8", errors="replace")):
        place = kb.place(name.replace("_", " "))
        (real if place is not None and place.country == code else invented).add(code)
    return invented - real


def petrarch_sector(rest: str) -> str | None:
    """The sector of a code's part after the country: its first triple that is no religion code
    ("MUSMED" -> MED), else REL for a religion alone ("MUS"), else None."""
    triples = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    sector = next((t for t in triples if t not in RELIGIONS), None)
    return sector or ("REL" if triples else None)


def petrarch_records(path: Path, kb: Any) -> list[tuple[str, str, list[tuple[str, str | None]]]]:
    """(id, text, gold (country, sector) codes) of the PETRARCH unit-test sentences whose codes name a
    real country (most name invented ones: Arnor, Gondor; some reuse real codes, see `invented_codes`)."""
    known = set(kb.country_names) - invented_codes(path.with_name(PETRARCH_ACTORS), kb)
    records = []
    for match in PETRARCH_SENTENCE.finditer(path.read_text(encoding="utf-8", errors="replace")):
        body = match.group(2)
        text = re.search(r"<Text>(.*?)</Text>", body, re.S)
        codes = sorted({(c, petrarch_sector(rest)) for c, rest in PETRARCH_CODE.findall(body)
                        if c in known}, key=lambda code: (code[0], code[1] or ""))
        if text and codes:
            records.append((match.group(1), " ".join(text.group(1).split()), codes))
    return records


def score_petrarch(path: Path, pipeline: Any, kb: Any) -> dict[str, Any]:
    """Recall of the gold codes of PETRARCH unit-test sentences among the entities' actor codes:
    a code counts when some entity of its sentence has its country (and its sector, when it has one).
    These records carry no actor spans, so this is recall, not accuracy."""
    records = petrarch_records(path, kb)
    analyses = pipeline.analyze_many([Document.from_text(text, origin=rid) for rid, text, _ in records])
    country_hits = sector_hits = sector_total = total = 0
    for (_rid, _text, codes), analysis in zip(records, analyses, strict=True):
        found = {(e.actor.country, e.actor.sector) for e in analysis.entities if e.actor}
        for country, sector in codes:
            total += 1
            country_hits += any(c == country for c, _ in found)
            if sector is not None:
                sector_total += 1
                sector_hits += (country, sector) in found
    return {"records": len(records), "codes": total, "country_recall": accuracy(country_hits, total),
            "sector_codes": sector_total, "country_sector_recall": accuracy(sector_hits, sector_total)}


CONFLIBERT_PATH = Path("events") / "conflibert_cameo" / "cameo_ner_train.txt"


def conflibert_spans(path: Path) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """(sentence text, [(role S/T, start, end)]) of the ConfliBERT CAMEO NER file (one "word TAG" a
    line, BIO tags S source, T target, R relation; words joined by single spaces)."""
    sentences: list[tuple[str, list[tuple[str, int, int]]]] = []
    text, spans, open_span = "", [], None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if open_span:
                spans.append(tuple(open_span))
            if text:
                sentences.append((text, [s for s in spans if s[0] in ("S", "T")]))
            text, spans, open_span = "", [], None
            continue
        word, tag = line.rsplit(" ", 1)
        start = len(text) + (1 if text else 0)
        text = f"{text} {word}" if text else word
        if tag.startswith("I-") and open_span and open_span[0] == tag[2:]:
            open_span[2] = len(text)
            continue
        if open_span:
            spans.append(tuple(open_span))
        open_span = [tag[2:], start, len(text)] if tag.startswith(("B-", "I-")) else None
    return sentences


def score_conflibert(path: Path, pipeline: Any) -> dict[str, Any]:
    """Coverage (no gold codes exist) on the ConfliBERT source/target spans: the share of spans whose
    most-overlapping entity has both a country and a sector ("coded"), a sector at all, or no actor."""
    sentences = conflibert_spans(path)
    analyses = pipeline.analyze_many([Document.from_text(text) for text, _ in sentences])
    counts = {role: {"n": 0, "coded": 0, "sector": 0, "no_actor": 0} for role in ("S", "T")}
    for (_text, spans), analysis in zip(sentences, analyses, strict=True):
        for role, start, end in spans:
            entity = overlapping(analysis.entities, start, end)
            actor = entity.actor if entity is not None else None
            row = counts[role]
            row["n"] += 1
            row["no_actor"] += actor is None
            row["sector"] += actor is not None and actor.sector is not None
            row["coded"] += actor is not None and actor.sector is not None and actor.country is not None
    return {("source" if role == "S" else "target"): {**row, **{f"{k}_share": accuracy(row[k], row["n"])
                                                              for k in ("coded", "sector", "no_actor")}}
            for role, row in counts.items()}


def run(data_dir: Path | None = None, fixtures: Path = FIXTURES, pipeline: Any = None) -> dict[str, Any]:
    """The actors report: PLOVER GSR dev scores (when `data_dir` has them) and fixture scores."""
    from presswatch import actors
    from presswatch.nlp import load_language
    from presswatch.pipeline import Pipeline

    pipeline = pipeline or Pipeline(stage_modules=(actors,))
    report: dict[str, Any] = {"knowledge": actors.knowledge_versions()}
    if data_dir is not None:
        path = data_dir / GSR_PATH if (data_dir / GSR_PATH).exists() else data_dir
        report["plover_gsr_dev"] = score_gsr(path, pipeline, load_language())
        if (data_dir / PETRARCH_PATH).exists():
            from presswatch.actors.knowledge import load_knowledge

            report["petrarch_unit"] = score_petrarch(data_dir / PETRARCH_PATH, pipeline, load_knowledge())
        if (data_dir / CONFLIBERT_PATH).exists():
            report["conflibert_coverage"] = score_conflibert(data_dir / CONFLIBERT_PATH, pipeline)
    if fixtures.exists():
        report["fixtures"] = score_fixtures(fixtures, pipeline)
    return report
