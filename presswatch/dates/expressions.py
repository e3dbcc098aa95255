"""Find temporal expressions: the named patterns of `rules.py` plus spaCy DATE entities."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from presswatch.dates.rules import ARTICLE_BEFORE, DATE_CUES, PATTERNS, text_words


@dataclass(frozen=True)
class TimeExpression:
    """One temporal expression: offsets, the pattern that found it, its named groups."""

    start: int
    end: int
    text: str
    pattern: str  # a rules.PATTERNS name, or "NER" for a spaCy DATE entity no pattern matched
    kind: str  # "absolute", "publication", "narrative" or "unknown"
    groups: tuple[tuple[str, str], ...] = ()

    def group(self, name: str) -> str | None:
        """The named group `name`, or None if it did not take part in the match."""
        return dict(self.groups).get(name)


def _date_entity_spans(parsed: Doc | None) -> list[tuple[int, int]]:
    if parsed is None:
        return []
    return [(ent.start_char, ent.end_char) for ent in parsed.ents if ent.label_ in ("DATE", "TIME")]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _needs_support(pattern: str, groups: dict[str, str]) -> bool:
    """A bare month or bare year counts only with a cue word or a spaCy DATE entity."""
    if pattern == "MONTH":
        return not (groups.get("year") or groups.get("part") or groups.get("cue"))
    if pattern == "YEAR":
        return not groups.get("cue")
    return False


def find_expressions(text: str, parsed: Doc | None) -> tuple[TimeExpression, ...]:
    """Every temporal expression in `text`, in text order, non-overlapping (longest wins).

    Reads the named patterns (rules.PATTERNS) and spaCy DATE/TIME entities of `parsed`; returns
    TimeExpressions whose offsets index `text`.  An entity no pattern covers is kept with
    pattern "NER" (it is a temporal expression the normalizer may not resolve, e.g. "several days").
    """
    entity_spans = _date_entity_spans(parsed)
    # Character masks instead of span lists: checking each match against every span made long
    # texts quadratic (100k characters of "in 2020" took seconds; issue 11).
    in_entity = bytearray(len(text) + 1)  # 1 where a DATE/TIME entity lies
    for start, end in entity_spans:
        in_entity[start:end] = b"\x01" * (end - start)
    candidates: list[tuple[int, int, int, TimeExpression]] = []
    blocked = bytearray(len(text) + 1)  # bare months and years rejected: the NER may not add them
    words = text_words(text)
    for priority, pattern in enumerate(PATTERNS):
        for match in pattern.finditer(text, words):
            groups = {key: value for key, value in match.groupdict().items() if value is not None}
            if match.end() <= match.start():
                continue
            if groups.get("cue", "").lower() not in DATE_CUES and "cue" in groups and pattern.name == "YEAR":
                groups.pop("cue")
            if _needs_support(pattern.name, groups) and (
                    not any(in_entity[match.start():match.end()])
                    or (pattern.name == "MONTH" and ARTICLE_BEFORE.search(text, max(0, match.start() - 8), match.start()))):
                blocked[match.start():match.end()] = b"\x01" * (match.end() - match.start())
                continue
            expression = TimeExpression(match.start(), match.end(), match.group(0), pattern.name, pattern.kind,
                                        tuple(sorted(groups.items())))
            candidates.append((-(match.end() - match.start()), priority, match.start(), expression))
    chosen: list[TimeExpression] = []
    taken = bytearray(len(text) + 1)  # 1 where a chosen expression lies
    for _, _, _, expression in sorted(candidates, key=lambda item: item[:3]):
        if not any(taken[expression.start:expression.end]):
            chosen.append(expression)
            taken[expression.start:expression.end] = b"\x01" * (expression.end - expression.start)
    for start, end in entity_spans:
        if not any(taken[start:end]) and not any(blocked[start:end]) and text[start:end].strip():
            chosen.append(TimeExpression(start, end, text[start:end], "NER", "unknown"))
            taken[start:end] = b"\x01" * (end - start)
    return tuple(sorted(chosen, key=lambda expression: expression.start))
