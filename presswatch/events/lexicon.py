"""The event knowledge files: PETRARCH2 verb patterns, the CAMEO table and the ACLED mapping.

Built by `scripts/build_event_lexicon.py` into `presswatch/events/data/`; every file's sha256 is
checked against its `.meta.json` sidecar when loaded (PWE011 on mismatch, PWE010 when missing).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presswatch.knowledge import read_verified

DATA_DIR = Path(__file__).parent / "data"
REBUILD = "scripts/build_event_lexicon.py ../shared/data/events"

FILES = ("verbs.json", "cameo.tsv", "acled.tsv")


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code and what it maps to."""

    code: str
    plover: str
    mode: str | None
    context: tuple[str, ...]
    goldstein: float | None
    quad_class: int


@dataclass(frozen=True)
class VerbMatch:
    """The CAMEO code a verb gets, and how specific the evidence was (pattern words matched).

    `reply`: the code is the other party's act on the subject (PETRARCH's "[:b]" patterns:
    "received a loan from X" is X's 071 to the subject), so source and target swap.
    """

    code: str
    words: int
    reply: bool = False


def _tsv_rows(raw: bytes) -> list[list[str]]:
    return [line.split("\t") for line in raw.decode("utf-8").splitlines() if line and not line.startswith("#")]


class EventLexicon:
    """Lookups over the event knowledge files; build with `load_lexicon()`."""

    def __init__(self, verbs: dict[str, Any], cameo: dict[str, CameoCode], acled: dict[str, tuple[str, str]],
                 versions: dict[str, str]) -> None:
        self.verbs: dict[str, str] = verbs["verbs"]
        self.verb_codes: dict[str, str] = verbs["verb_codes"]
        self.blocks: dict[str, str | None] = verbs["blocks"]
        self.patterns: dict[str, list] = verbs["patterns"]
        self.synsets: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in verbs["synsets"].items()}
        self.cameo = cameo
        self.acled = acled
        self.versions = versions
        self._senses: dict[str, frozenset[str]] = {}

    def has_verb(self, lemma: str) -> bool:
        return lemma in self.verbs

    def _slot_ok(self, slot: str, words: Collection[str]) -> bool:
        if slot.startswith("&"):
            return any(w in words for w in self.synsets.get(slot, ()))
        return slot in words

    def _reach(self, slots: list[str], words: Collection[str]) -> int:
        """How far from the verb a matched pattern reaches: the largest distance of its slots' nearest
        words, when `words` maps each word to its distance (0 for a plain collection)."""
        if not isinstance(words, Mapping):
            return 0
        return max((min(words[w] for w in (self.synsets.get(s, ()) if s.startswith("&") else (s,)) if w in words)
                    for s in slots), default=0)

    def match_verb(self, lemma: str, pre: Collection[str], post: Collection[str]) -> VerbMatch | None:
        """The CAMEO code of verb `lemma` given the words before and after it (lower case; a mapping
        gives each word's distance from the verb).

        The longest PETRARCH pattern of the verb's block whose words all occur wins, among equally
        long ones the one whose words are nearest the verb ("mobilized army reservists for a war
        against X": the object decides, not the later "against"), then the first; a pattern with a
        fourth field is that verb's alone.  Otherwise the verb's own code, then the block's default
        code; None when the verb has no code.
        """
        block = self.verbs.get(lemma)
        if block is None:
            return None
        best: VerbMatch | None = None
        best_reach = 0
        for pre_slots, post_slots, code, *only in self.patterns.get(block, ()):
            n = len(pre_slots) + len(post_slots)
            if only and only[0] != lemma:
                continue
            if best is not None and n < best.words:
                continue
            if all(self._slot_ok(s, post) for s in post_slots) and all(self._slot_ok(s, pre) for s in pre_slots):
                reach = max(self._reach(post_slots, post), self._reach(pre_slots, pre))
                if best is None or n > best.words or reach < best_reach:
                    best, best_reach = VerbMatch(code.lstrip(":"), n, code.startswith(":")), reach
        if best is not None:
            return best
        code = self.verb_codes.get(lemma) or self.blocks.get(block)
        return VerbMatch(code, 0) if code else None

    def senses(self, lemma: str) -> frozenset[str]:
        """The PLOVER types verb `lemma`'s dictionary entry can code: its block's patterns, its own
        code and the block's default (empty for a word that is no dictionary verb)."""
        if lemma not in self._senses:
            block = self.verbs.get(lemma)
            codes = {p[2].lstrip(":") for p in self.patterns.get(block, ()) if p[3:] in ([], [lemma])} if block else set()
            codes |= {c for c in (self.verb_codes.get(lemma), self.blocks.get(block) if block else None) if c}
            self._senses[lemma] = frozenset(row.plover for row in map(self.code, codes) if row is not None)
        return self._senses[lemma]

    def code(self, code: str) -> CameoCode | None:
        """The CAMEO table row of `code` (or of its nearest listed parent)."""
        for n in range(len(code), 1, -1):
            row = self.cameo.get(code[:n])
            if row is not None:
                return row
        return None

    def acled_type(self, code: str) -> tuple[str, str] | None:
        """ACLED (event type, sub-event type) of a CAMEO code by longest prefix, else None."""
        for n in range(len(code), 1, -1):
            if code[:n] in self.acled:
                return self.acled[code[:n]]
        return None


def load_lexicon(data_dir: Path = DATA_DIR) -> EventLexicon:
    """Load and verify the packaged event knowledge files (PWE010, PWE011)."""
    raw_verbs, meta_verbs = read_verified(data_dir / "verbs.json", REBUILD)
    raw_cameo, meta_cameo = read_verified(data_dir / "cameo.tsv", REBUILD)
    raw_acled, meta_acled = read_verified(data_dir / "acled.tsv", REBUILD)
    cameo = {}
    for code, plover, mode, context, goldstein, quad in _tsv_rows(raw_cameo):
        cameo[code] = CameoCode(code, plover, mode or None, tuple(c for c in context.split(";") if c),
                                float(goldstein) if goldstein else None, int(quad))
    acled = {row[0]: (row[1], row[2]) for row in _tsv_rows(raw_acled)}
    versions = {f"events/{name}": meta["version"] for name, meta in
                zip(FILES, (meta_verbs, meta_cameo, meta_acled), strict=True)}
    return EventLexicon(json.loads(raw_verbs), cameo, acled, versions)
