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
                "patterns": {block: [[pre_slots, post_slots, code(, verb)], ...]}, "synsets": {name: [word]}}
               (a pattern with a fourth field applies to that verb of the block only)
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
VERSION = "1.6.3"

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

# 175 (violent repression): CAMEO2PLOVER-2021 puts the context "pro_autocracy" in the mode column; the
# NGEC structured codebook lists crowd control (tear gas, water cannon, baton charges) as a mode of ASSAULT.
CODEBOOK_OVERRIDES["175"] = ("ASSAULT", "crowd-control", "pro_autocracy;military")
# Not overridden, by the same codebooks: putting one's signature to a treaty (or ratifying it) is one of
# the NGEC codebook's SUPPORT modes, so 057 stays SUPPORT; AGREE there is the promise to sign one (03x,
# which the governing verbs "promised/agreed to sign" already give).

# Word sets of our own for the patterns below (PETRARCH-style "&NAME" slots; one word each, since a
# slot is matched against single lower-case words and lemmas of the verb's right-hand phrase).
OUR_SYNSETS = {
    # a crowd or its action: what the police disperse, clear or push back ("them" only for verbs that
    # take nothing but people or gatherings as object: disperse)
    "&pw_crowd": ["crowd", "crowds", "protester", "protesters", "protestor", "protestors", "demonstrator",
                  "demonstrators", "marcher", "marchers", "rally", "rallies", "protest", "protests",
                  "demonstration", "demonstrations", "gathering", "gatherings", "sit", "picket", "march",
                  "rioter", "rioters", "mob", "picketers"],
    # crowd-control weapons (the NGEC codebook's ASSAULT crowd-control mode)
    "&pw_crowd_weapon": ["cannon", "cannons", "teargas", "gas", "pepper", "truncheon", "truncheons", "baton",
                         "batons", "bullet", "bullets", "grenade", "grenades"],
    # people who are beaten in political violence (never a pronoun: "beat them 2-0" is sport)
    "&pw_victim": ["protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators",
                   "journalist", "journalists", "reporter", "reporters", "detainee", "detainees", "prisoner",
                   "prisoners", "civilian", "civilians", "student", "students", "activist", "activists",
                   "people", "marcher", "marchers", "voter", "voters", "villager", "villagers", "opponent",
                   "opponents", "worker", "workers", "observer", "observers"],
    # public places a crowd assembles in (a meeting of officials is held in a city, a hall or a venue)
    "&pw_public_place": ["outside", "square", "avenue", "street", "streets", "front"],
    # public places a crowd fills ("filled the avenue"; a hall or a stadium is filled by an audience)
    "&pw_filled_place": ["square", "avenue", "boulevard", "streets", "plaza"],
    # places the police clear of a crowd ("street" left out: snow and rubble are cleared from streets)
    "&pw_cleared_place": ["avenue", "square", "boulevard", "barricade", "barricades", "encampment", "camp",
                          "blockade"],
}

# Verb senses: a verb moved out of its PETRARCH synonym block into a block of its own, which keeps the
# old block's patterns after ours (ours win ties; those of the CAMEO roots in `dropped` are left behind)
# and has its own default code ("" = none, None = the old block's).  Each pattern is (words after the
# verb, CAMEO code).  ("sit" stands for "sit-in", which the tokenizer splits.)  175 is CAMEO's "violent repression",
# PETRARCH's own code for dispersing a protest; a dispersal is coded 175 whether or not the report names
# the weapons, so that reports of one dispersal share one type.
VERB_SENSES: dict[str, tuple[str | None, list[tuple[tuple[str, ...], str]], tuple[str, ...]]] = {
    # "police dispersed the crowd / them"; "the crowd dispersed" (no object) is no event
    "disperse": ("", [(("&pw_crowd",), "175"), (("them",), "175")], ()),
    # "cleared the square of protesters", "cleared the avenue"; "cleared the nominee" is no event
    # (the PETRARCH block "allow" gave a weak CONCEDE 080 by default)
    "clear": ("", [(("&pw_crowd",), "175"), (("&pw_cleared_place",), "175")], ()),
    # "pushed the protesters back" is force, not a demand ("pushed for talks" keeps its patterns)
    "push": (None, [(("&pw_crowd",), "175")], ()),
    # "broke up the rally"; "beat detainees", "beat them up / with batons" ("beat them" stays weak: sport).
    # PETRARCH's block of destroying also codes "* OUTSIDE" as a demonstration (141), left behind here.
    "break": (None, [(("up", "&pw_crowd"), "175")], ("14",)),
    "beat": (None, [(("&pw_victim",), "182"), (("up",), "182"), (("with", "&pw_crowd_weapon"), "182")], ("14",)),
    # "charged into the crowd" (a baton charge); "charged the protesters with rioting" keeps PETRARCH's
    "charge": (None, [(("into", "&pw_crowd"), "175")], ()),
    # a crowd gathering at a public place is a demonstration (141); officials gathering for talks keep
    # the block's consultation patterns and default (040)
    **{verb: (None, [(("&pw_public_place",), "141")], ()) for verb in ("gather", "assemble", "congregate", "converge")},
    "spray": ("", [(("&pw_crowd",), "175"), (("&pw_crowd_weapon",), "175")], ()),
    # An arrest is COERCE/arrest (173) in the PLOVER codebook whoever is arrested.  PETRARCH's blocks of
    # arresting and confining code "arrested protesters" with the second part of a paired code (the
    # protesters' act, 140) or 175, and share "hold ... protest/rally" (141) with "detain"; these
    # verbs leave those patterns behind ("detained organisers of the march" is an arrest).
    **{verb: ("173", [], ("14", "175")) for verb in ("arrest", "apprehend", "detain", "jail", "imprison", "incarcerate")},
    # a crowd filling a public place is a demonstration (141, as gathering there is); PETRARCH files "fill"
    # with "submit" (a petition: its patterns stay) whose default 080 (yield) "filled the avenue" is not
    "fill": ("", [(("&pw_filled_place",), "141")], ()),
    # security forces closing off an area restrict movement (191, the PLOVER codebook's COERCE restrict
    # names cordoning off); PETRARCH lacks the verb, and "cordon" alone is no event
    "cordon": ("", [(("off",), "191")], ()),
    # "eased the emergency measures": easing administrative sanctions (081; the block's "restriction" is 080)
    "ease": (None, [(("measure",), "081")], ()),
    # "police prevented the demonstration": a restriction of political freedoms (1721), not a refusal (120,
    # the block's default, which "prevented the bill's passage" keeps)
    "prevent": (None, [(("&pw_crowd",), "1721")], ()),
    # opposing or objecting to another's plan, deployment or mediation rejects it (12x: 126 is rejecting
    # mediation); PETRARCH files these verbs with "criticize" (110), which other objects keep
    **{verb: (None, [(("plan",), "120"), (("deployment",), "120"), (("initiative",), "120"),
                     (("intervention",), "120"), (("&mediation",), "126")], ()) for verb in ("oppose", "object")},
}

# Verbs PETRARCH lacks that join the block of a PETRARCH verb of the same meaning (its patterns and
# default): "renewed diplomatic ties / talks" is resuming them (050 / 046, PLOVER SUPPORT's "initiate,
# resume, improve" diplomatic cooperation); the block has no default, so "renewed his licence" is no event.
OUR_SYNONYMS: dict[str, str] = {"renew": "resume"}

# Verbs PETRARCH lacks that name a CAMEO code themselves (the code's title in the CAMEO table); each
# gets a block of its own with that code as the verb's own.  PETRARCH codes a move toward
# demobilization 0873 but has no verb "demobilize"; "coerce" is the title of root 170; defacing (a wall,
# a monument, websites) damages property, 171 "seize or damage property" (not 1712, destroying it).
OUR_VERBS: dict[str, str] = {"demobilize": "0873", "demobilise": "0873", "coerce": "170", "deface": "171"}

# Patterns added to a whole PETRARCH block (all its verbs), before the block's own.
BLOCK_PATTERNS: dict[str, list[tuple[tuple[str, ...], str]]] = {
    # "moved in with water cannon": force used on a crowd, not a deployment (the block's &WEAPON -> 154)
    "move": [(("in", "with", "&pw_crowd_weapon"), "175"), (("with", "&pw_crowd_weapon"), "175")],
    # "fired rubber bullets / stun grenades / water cannon at the crowd" (PETRARCH has "tear gas" only)
    "explosive_destruction": [(("rubber", "bullets"), "175"), (("stun", "grenades"), "175"),
                              (("water", "cannon"), "175"), (("pepper", "spray"), "175")],
    # "lifted the embargo": CAMEO 085 is easing "economic sanctions, boycott, or embargo" (PETRARCH's block
    # has the ban, boycott and sanctions patterns of 085, not the embargo)
    "lift": [(("embargo",), "085")],
    # "introduced a state of emergency / martial law" (as PETRARCH has for impose and declare)
    "introduce": [(("state", "of", "emergency"), "1724"), (("martial", "law"), "1724"), (("curfew",), "1723")],
    # "withdrew its monitors / the weapons inspectors / aid workers": CAMEO 1662 and 1663 (expel or withdraw
    # inspectors and observers, aid agencies), as PETRARCH's block has 1661 for peacekeepers
    "retreat": [(("inspector",), "1662"), (("weapons", "inspector"), "1662"), (("observer",), "1662"),
                (("monitor",), "1662"), (("aid", "worker"), "1663"), (("humanitarian", "worker"), "1663"),
                (("aid", "agency"), "1663")],
    # "blocked the bridge / the streets / a highway": obstructing passage (CAMEO 144), as the block's
    # own "road", "entrance" and "convoy" patterns code it
    "exclude": [((place,), "144") for place in ("street", "bridge", "highway", "motorway", "roadway", "railway",
                                                "junction", "intersection", "crossroads")],
    # "rejected / refused the peace plan": a rejected plan is a rejected proposal (120, as the block's
    # &proposal; PETRARCH's "accept" block has "plan" too, 030)
    "refuse": [(("plan",), "120")],
    # "accepted a formula for ending the dispute": agreeing to a proposed settlement (030, as the
    # block's "formulation")
    "embrace": [(("formula",), "030")],
    # "beefed up / strengthened its forces": a military build-up (154, as the block's "(for &fight)")
    "strengthen": [(("force",), "154"), (("troop",), "154"), (("&military",), "154")],
    # "came under attack / shelling / artillery fire / small-arms fire": the other side's force on the subject
    # (CAMEO 190/194/193, a reply like the block's "(under fire)", which is criticism, 111, and stays so
    # without a weapon: "the minister came under fire")
    "arrive": [(("(under", "attack"), ":190"), (("(under", "assault"), ":190"), (("(under", "shelling"), ":194"),
               (("(under", "bombardment"), ":194"), (("(under", "artillery"), ":194"), (("(under", "mortar"), ":194"),
               (("(under", "rocket"), ":194"), (("(under", "gunfire"), ":193"), (("(under", "arms", "fire"), ":193"),
               (("(under", "sniper"), ":193")],
}

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
    # a dispersal (175) is a protest with intervention unless the cues of acled.py find serious or lethal force
    "175": ("Protests", "Protest with intervention"),
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

# Prepositions and particles that head a parenthesized group of a PETRARCH pattern (a prepositional
# phrase of the verb; a few groups start with another word, which stays a plain word).
PHRASE_PREPOSITIONS = frozenset({
    "for", "in", "of", "to", "against", "with", "from", "on", "into", "by", "as", "over", "at", "under",
    "during", "toward", "towards", "after", "out", "between", "about", "behind", "through", "off", "before",
    "up", "aside", "along", "upon", "until", "outside", "inside", "despite", "amid"})
# A verb borrowing another block's patterns of some CAMEO roots, appended after its own: PETRARCH codes
# dismissing a proposal as rejecting it (DISMISS &PROPOSAL 120), so "dismiss" takes the rejection (12x)
# patterns of the block of "refuse/reject" for the other things one rejects (an appeal, a request, a call).
BORROWED_PATTERNS: dict[str, tuple[str, str]] = {"dismiss": ("refuse", "12")}
CODE = re.compile(r"\[([^\]]*)\]")  # "[0233]", "[:190]", "[164:164]", "[---]"
FORMS = re.compile(r"\{[^}]*\}")  # irregular forms of a verb line: "{FLEES FLEEING FLED }"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parse_code(raw: str) -> str | None:
    """The event code of a "[...]" field; "---" and empty mean none.  A paired code "a:b" gives the
    subject's act on the object (a) and the object's reply (b): a clause-level trigger codes a
    ("visit" is [042:043], make a visit / host one); "[:b]" keeps b, which a pattern marks as the
    object's act on the subject (":b")."""
    parts = [p.strip() for p in raw.split(":") if p.strip()]
    code = parts[0] if parts else ""
    return code if code and code != "---" and code.isdigit() else None


def pattern_slots(text: str, phrases: bool = False) -> list[str]:
    """Words of one side of a pattern: brackets dropped, markers removed, lower case.  With `phrases`
    (the words after the verb), the preposition heading a parenthesized group, which PETRARCH matches
    as a prepositional phrase ("(TO)", "(FOR TALKS)"), is marked "(to", "(for": the stage matches it
    only with a preposition of the verb's own phrase (extract.py), not an infinitive's "to"."""
    words = []
    opened = False
    for word in re.sub(r"[{}]", " ", text).replace("(", " ( ").replace(")", " ) ").split():
        if word in "()":
            opened = word == "("
            continue
        word = word.strip("$+%^=|").rstrip("_").lower()
        if word and word != "*" and not word.startswith("#"):
            marked = phrases and opened and word in PHRASE_PREPOSITIONS
            words.append("(" + word if marked else word.replace("_", " ") if not word.startswith("&") else word)
        opened = False
    return words


def read_verb_dictionary(path: Path) -> dict:
    synsets: dict[str, list[str]] = {}
    verbs: dict[str, str] = {}
    verb_codes: dict[str, str] = {}
    blocks: dict[str, str | None] = {}
    patterns: dict[str, list] = {}
    forms: dict[str, str] = {}
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
            forms: dict[str, str] = {}
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
            if match.group(1).strip().startswith(":"):
                code = ":" + code  # the object's act on the subject (lexicon.VerbMatch.reply)
            body = line[1:match.start()]
            pre, post = body.split("*", 1)
            pattern = [pattern_slots(pre), pattern_slots(post, phrases=True), code]
            comment = raw.split("#", 1)[1].split() if "#" in raw else []
            written_for = forms.get(comment[0].lower(), "") if comment else ""
            add_pattern(patterns[block], pattern, written_for)
            continue
        match = CODE.search(line)
        word = FORMS.sub(" ", line[:match.start()] if match else line).strip()
        if not word:
            continue
        lemma = word.split()[0].lstrip("+").rstrip("_").lower()
        if not re.fullmatch(r"[a-z][a-z_\-]*", lemma):
            continue
        forms.update(verb_forms(lemma, line))
        verbs.setdefault(lemma, block)
        code = parse_code(match.group(1)) if match else None
        if code:
            verb_codes.setdefault(lemma, code)
    patterns = {name: [p[:3] for p in block_patterns] for name, block_patterns in patterns.items()}
    add_senses(verbs, verb_codes, blocks, patterns, synsets)
    return {"verbs": dict(sorted(verbs.items())), "verb_codes": dict(sorted(verb_codes.items())),
            "blocks": dict(sorted(blocks.items())), "patterns": dict(sorted(patterns.items())),
            "synsets": dict(sorted(synsets.items()))}


def verb_forms(lemma: str, line: str) -> dict[str, str]:
    """The forms of a verb line that a pattern's comment may name it by -> the lemma: the lemma, its
    listed irregular forms and its regular -s/-ed/-ing forms."""
    listed = [w.strip("+").rstrip("_").lower() for m in FORMS.findall(line) for w in m.strip("{}").split()]
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    regular = [lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d", lemma[:-1] + "ied", lemma + "ed"]
    return {form: lemma for form in [lemma, *listed, *regular]}


def add_pattern(block_patterns: list, pattern: list, written_for: str) -> None:
    """Append one PETRARCH pattern [pre, post, code] with the verb its comment names (or ""; dropped
    once the block is read).  A pattern
    the same verb already has with the same words is replaced by the later line, as PETRARCH2's
    dictionary, keyed by the pattern's words, keeps it ("lifted the sanction" is easing, 085, not the
    intent to, 0351)."""
    if written_for:
        for old in block_patterns:
            if old[:2] == pattern[:2] and old[3] == written_for:
                block_patterns.remove(old)
                break
    block_patterns.append([*pattern, written_for])


def add_senses(verbs: dict, verb_codes: dict, blocks: dict, patterns: dict, synsets: dict) -> None:
    """Apply OUR_SYNSETS, OUR_SYNONYMS, OUR_VERBS, BORROWED_PATTERNS, VERB_SENSES and BLOCK_PATTERNS to the parsed dictionary (in place)."""
    synsets.update(OUR_SYNSETS)
    for verb, like in OUR_SYNONYMS.items():
        verbs[verb] = verbs[like]
    for verb, code in OUR_VERBS.items():
        verbs[verb], blocks[f"pw_{verb}"], patterns[f"pw_{verb}"], verb_codes[verb] = f"pw_{verb}", code, [], code
    for verb, (lender, roots) in BORROWED_PATTERNS.items():
        patterns[verbs[verb]] += [[*p[:3], verb] for p in patterns[lender] if p[2].lstrip(":").startswith(roots)]
    for block, extra in BLOCK_PATTERNS.items():
        patterns[block] = [[[], list(words), code] for words, code in extra] + patterns[block]
    for verb, (default, extra, dropped) in VERB_SENSES.items():
        old = verbs.get(verb)
        block = f"pw_{verb}"
        verbs[verb] = block
        blocks[block] = (default or None) if default is not None else blocks.get(old)
        if default == "":
            verb_codes.pop(verb, None)
        patterns[block] = [[[], list(words), code] for words, code in extra] + [
            list(p) for p in patterns.get(old, []) if not p[2].startswith(dropped)]


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
        **common, "source": "PETRARCH2 CAMEO.2.0 verb dictionary (openeventdata/petrarch2 @676801cd) "
                            "+ our verb senses and patterns (OUR_SYNSETS, OUR_SYNONYMS, OUR_VERBS, VERB_SENSES, BLOCK_PATTERNS)",
        "license": "MIT (Open Event Data Alliance; our additions MIT, presswatch)",
        "built_from": {"petrarch2/CAMEO.2.0.txt": sha256(dictionary)}})

    rows = read_cameo_table(plover, goldstein)
    table = "# code\tplover\tmode\tcontext\tgoldstein\tquad_class\n" + "".join("\t".join(r) + "\n" for r in rows)
    write(OUT / "cameo.tsv", table.encode(), {
        **common, "source": "CAMEO2PLOVER-2021 (openeventdata/PLOVER) + GDELT CAMEO Goldstein scale; "
                            "CAMEO 02x appeals mapped to REQUEST by hand (APPEAL_AS_REQUEST); "
                            "CAMEO 163 typed SANCTION and 175 given the crowd-control mode by the PLOVER codebook "
                            "(CODEBOOK_OVERRIDES)",
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
