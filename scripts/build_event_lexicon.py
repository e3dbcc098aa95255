"""Build the event knowledge files in presswatch/events/data/ from the shared event tables.

Usage: .venv/bin/python scripts/build_event_lexicon.py ../shared/data/events

Reads (never copies text from them):
- petrarch2/CAMEO.2.0.txt   PETRARCH2 CAMEO verb dictionary (MIT): verb synsets, their default
                            CAMEO codes and the object/preposition patterns that refine them;
- cameo/CAMEO2PLOVER-2021.txt  CAMEO code -> PLOVER event type, mode, context (CC BY-SA 4.0);
- cameo/CAMEO.goldsteinscale.txt  CAMEO code -> Goldstein value (GDELT lookup table).

Writes, each with a NAME.meta.json sidecar (version, source, license, built_by, built_from input
sha256s, sha256 of the file, which the loader verifies):
- verbs.json   {"verbs": {lemma: block}, "verb_codes": {lemma: code}, "blocks": {block: code},
                "patterns": {block: [[pre_slots, post_slots, code], ...]}, "synsets": {name: [word]}}
               Words are lower case; a slot is a word or "&SYNSET"; multi-word verbs are joined
               with "_" ("ask_for" = verb "ask" with particle/preposition "for").
- cameo.tsv    code, plover, mode, context, goldstein, quad_class (GDELT QuadClass of the root).
- acled.tsv    CAMEO code prefix -> ACLED event type, sub-event type (hand mapping, ACLED_MAP).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "presswatch" / "events" / "data"
VERSION = "1.1.0"

# CAMEO roots 01-02 are absent from CAMEO2PLOVER: 01 (statements) are not events; 02 (appeals)
# merged into PLOVER REQUEST with the modes of the matching 10x demand codes.
APPEAL_AS_REQUEST = {"020": "", "021": "assist", "0211": "assist", "0212": "assist", "0213": "assist",
                     "0214": "assist", "022": "assist", "023": "assist", "0231": "assist",
                     "0232": "assist", "0233": "assist", "0234": "assist", "024": "change",
                     "0241": "change", "0242": "change", "0243": "change", "0244": "change",
                     "025": "yield", "0251": "yield", "0252": "yield", "0253": "yield",
                     "0254": "yield", "0255": "yield", "0256": "yield", "026": "meet",
                     "027": "meet", "028": "meet"}

# CAMEO codes whose PLOVER type follows the PLOVER codebook rather than CAMEO2PLOVER-2021.
# 163 (embargo, boycott, sanctions): the 2021 table says COERCE/restrict, but the PLOVER reference
# defines SANCTION as including "stop or restrict commercial or material exchange as a form of
# protest or punishment", and the NGEC structured codebook and synthetic training stories label
# imposed sanctions SANCTION (mode discontinue).
CODEBOOK_OVERRIDES = {"163": ("SANCTION", "discontinue", "economic")}

# CAMEO code prefix -> (ACLED event type, sub-event type); the longest prefix wins.  Written by
# hand from the ACLED codebook definitions; "" sub-type means the type only.
ACLED_MAP = {
    "057": ("Strategic developments", "Agreement"),
    "0871": ("Strategic developments", "Agreement"),
    "141": ("Protests", "Peaceful protest"),
    "142": ("Protests", "Peaceful protest"),
    "143": ("Protests", "Peaceful protest"),
    "144": ("Protests", "Peaceful protest"),
    "140": ("Protests", "Peaceful protest"),
    "145": ("Riots", "Violent demonstration"),
    "173": ("Strategic developments", "Arrests"),
    "175": ("Protests", "Excessive force against protesters"),
    "171": ("Strategic developments", "Looting/property destruction"),
    "180": ("Violence against civilians", "Attack"),
    "181": ("Violence against civilians", "Abduction/forced disappearance"),
    "182": ("Violence against civilians", "Attack"),
    "1821": ("Violence against civilians", "Sexual violence"),
    "183": ("Explosions/Remote violence", "Suicide bomb"),
    "1832": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "1833": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "184": ("Violence against civilians", "Abduction/forced disappearance"),
    "185": ("Violence against civilians", "Attack"),
    "186": ("Violence against civilians", "Attack"),
    "190": ("Battles", "Armed clash"),
    "191": ("Strategic developments", "Other"),
    "192": ("Battles", "Non-state actor overtakes territory"),
    "193": ("Battles", "Armed clash"),
    "194": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "195": ("Explosions/Remote violence", "Air/drone strike"),
    "196": ("Battles", "Armed clash"),
    "20": ("Violence against civilians", "Attack"),
    "2041": ("Explosions/Remote violence", "Chemical weapon"),
}

CODE = re.compile(r"\[([^\]]*)\]")  # "[0233]", "[:190]", "[164:164]", "[---]"
FORMS = re.compile(r"\{[^}]*\}")  # irregular forms of a verb line: "{FLEES FLEEING FLED }"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parse_code(raw: str) -> str | None:
    """The event code of a "[...]" field; "---" and empty mean none; "a:b" keeps the last part."""
    parts = [p.strip() for p in raw.split(":") if p.strip()]
    code = parts[-1] if parts else ""
    return code if code and code != "---" and code.isdigit() else None


def pattern_slots(text: str) -> list[str]:
    """Words of one side of a pattern: brackets dropped, markers removed, lower case."""
    words = []
    for word in re.sub(r"[{}()]", " ", text).split():
        word = word.strip("$+%^=|").rstrip("_").lower()
        if word and word != "*" and not word.startswith("#"):
            words.append(word.replace("_", " ") if not word.startswith("&") else word)
    return words


def read_verb_dictionary(path: Path) -> dict:
    synsets: dict[str, list[str]] = {}
    verbs: dict[str, str] = {}
    verb_codes: dict[str, str] = {}
    blocks: dict[str, str | None] = {}
    patterns: dict[str, list] = {}
    block = None
    synset = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            synset = None
            continue
        if line.startswith("&"):
            synset = line.strip().lower()
            synsets[synset] = []
            continue
        if synset is not None and line.startswith("+"):
            synsets[synset].append(line[1:].strip().rstrip("_").replace("_", " ").lower())
            continue
        if line.startswith("---"):
            name = line.strip("- ").split("[")[0].strip().lower()
            match = CODE.search(line)
            block = name
            blocks[name] = parse_code(match.group(1)) if match else None
            patterns.setdefault(name, [])
            continue
        if block is None:
            continue
        if line.startswith("-"):
            match = CODE.search(line)
            if not match or "*" not in line:
                continue
            code = parse_code(match.group(1))
            if code is None:
                continue
            body = line[1:match.start()]
            pre, post = body.split("*", 1)
            patterns[block].append([pattern_slots(pre), pattern_slots(post), code])
            continue
        match = CODE.search(line)
        word = FORMS.sub(" ", line[:match.start()] if match else line).strip()
        if not word:
            continue
        lemma = word.split()[0].lstrip("+").rstrip("_").lower()
        if not re.fullmatch(r"[a-z][a-z_\-]*", lemma):
            continue
        verbs.setdefault(lemma, block)
        code = parse_code(match.group(1)) if match else None
        if code:
            verb_codes.setdefault(lemma, code)
    return {"verbs": dict(sorted(verbs.items())), "verb_codes": dict(sorted(verb_codes.items())),
            "blocks": dict(sorted(blocks.items())), "patterns": dict(sorted(patterns.items())),
            "synsets": dict(sorted(synsets.items()))}


def quad_class(code: str) -> int:
    """GDELT QuadClass of a CAMEO code from its two-digit root."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def read_cameo_table(plover_path: Path, goldstein_path: Path) -> list[list[str]]:
    goldstein = {}
    for line in goldstein_path.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split()
        if len(parts) == 2:
            goldstein[parts[0]] = parts[1]
    plover: dict[str, tuple[str, str, str]] = {}
    for line in plover_path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        fields = [f.strip() for f in rest.split(",")]
        if not code.strip().isdigit() or not fields[0]:
            continue
        mode = fields[1] if len(fields) > 1 else ""
        context = ";".join(c.strip() for c in ",".join(fields[2:]).replace(";", ",").split(",") if c.strip())
        plover.setdefault(code.strip(), (fields[0], mode.replace(" ", ""), context))
    for code, mode in APPEAL_AS_REQUEST.items():
        plover.setdefault(code, ("REQUEST", mode, ""))
    plover.update(CODEBOOK_OVERRIDES)
    rows = []
    for code in sorted(set(plover) | set(goldstein)):
        if code not in plover:
            parent = next((code[:n] for n in (3, 2) if code[:n] in plover and len(code) > n), None)
            if parent is None:
                continue
            event, mode, context = plover[parent]
        else:
            event, mode, context = plover[code]
        value = goldstein.get(code) or goldstein.get(code[:3]) or goldstein.get(code[:2]) or ""
        rows.append([code, event, mode, context, value, str(quad_class(code))])
    return rows


def write(path: Path, data: bytes, meta: dict) -> None:
    path.write_bytes(data)
    meta = {**meta, "sha256": hashlib.sha256(data).hexdigest()}
    path.with_name(path.name + ".meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events_dir", type=Path, help="the shared events folder (../shared/data/events)")
    args = parser.parse_args()
    src = args.events_dir
    dictionary = src / "petrarch2" / "CAMEO.2.0.txt"
    plover, goldstein = src / "cameo" / "CAMEO2PLOVER-2021.txt", src / "cameo" / "CAMEO.goldsteinscale.txt"
    OUT.mkdir(parents=True, exist_ok=True)
    common = {"version": VERSION, "built_by": "scripts/build_event_lexicon.py", "built_on": date.today().isoformat()}

    verbs = read_verb_dictionary(dictionary)
    write(OUT / "verbs.json", (json.dumps(verbs, sort_keys=True, separators=(",", ":")) + "\n").encode(), {
        **common, "source": "PETRARCH2 CAMEO.2.0 verb dictionary (openeventdata/petrarch2 @676801cd)",
        "license": "MIT (Open Event Data Alliance)",
        "built_from": {"petrarch2/CAMEO.2.0.txt": sha256(dictionary)}})

    rows = read_cameo_table(plover, goldstein)
    table = "# code\tplover\tmode\tcontext\tgoldstein\tquad_class\n" + "".join("\t".join(r) + "\n" for r in rows)
    write(OUT / "cameo.tsv", table.encode(), {
        **common, "source": "CAMEO2PLOVER-2021 (openeventdata/PLOVER) + GDELT CAMEO Goldstein scale; "
                            "CAMEO 02x appeals mapped to REQUEST by hand (APPEAL_AS_REQUEST); "
                            "CAMEO 163 typed SANCTION by the PLOVER codebook (CODEBOOK_OVERRIDES)",
        "license": "CC BY-SA 4.0 (PLOVER table); Goldstein values: GDELT lookup table",
        "built_from": {"cameo/CAMEO2PLOVER-2021.txt": sha256(plover),
                       "cameo/CAMEO.goldsteinscale.txt": sha256(goldstein)}})

    acled = "# cameo_prefix\tevent_type\tsub_event_type\n" + "".join(
        f"{k}\t{t}\t{s}\n" for k, (t, s) in sorted(ACLED_MAP.items()))
    write(OUT / "acled.tsv", acled.encode(), {
        **common, "source": "hand mapping from the ACLED codebook event definitions (ACLED_MAP in the builder)",
        "license": "MIT (presswatch)", "built_from": {}})
    print(f"{len(verbs['verbs'])} verbs, {sum(map(len, verbs['patterns'].values()))} patterns, "
          f"{len(rows)} CAMEO codes, {len(ACLED_MAP)} ACLED rows -> {OUT}")


if __name__ == "__main__":
    main()
