"""Read PolNeAR gold attributions (brat standoff: Source, Cue, Content) for scoring quotes.

PolNeAR (Newell, Margolin, Ruths, LREC 2018) ships `<split>/text/<article>.txt` and one or more
`<split>/attributions/<article>_<annotator>.ann` per article.  We score against ONE annotator per
article, the lowest annotator id, as the corpus README suggests.  Spans may be discontinuous
(`start end;start end`); we keep every fragment.  Nothing from the corpus is copied into the
repository: the loader reads it from the path given at run time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from presswatch.errors import PresswatchError

ROLES = ("Source", "Cue", "Content")
# Start of a brat annotation line: T12<TAB> or E3<TAB>.  A span text with a newline continues on
# the next physical line, which must not be read as an annotation.
BRAT_ID = re.compile(r"^[TE]\d+\t")


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: each role is a tuple of (start, end) fragments (empty if absent)."""

    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldArticle:
    """An article's name, text and gold attributions from one annotator."""

    name: str
    annotator: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def _fragments(offsets: str) -> tuple[tuple[int, int], ...]:
    pieces = []
    for part in offsets.split(";"):
        start, end = part.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def parse_ann(text: str, where: str = "<ann>") -> tuple[GoldAttribution, ...]:
    """Attributions of one brat .ann file (E lines joining Source/Cue/Content T lines); PWE402 if malformed."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[list[str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or not BRAT_ID.match(line):
            continue  # blank, or the rest of a span text that itself contains a newline
        try:
            if line.startswith("T"):
                ident, middle, _ = line.split("\t", 2)
                label, offsets = middle.split(" ", 1)
                spans[ident] = (label, _fragments(offsets))
            elif line.startswith("E"):
                events.append(line.split("\t", 1)[1].split())
        except ValueError as exc:
            raise PresswatchError("PWE402", path=where, line=number, reason=str(exc)) from exc
    attributions = []
    for arguments in events:
        roles: dict[str, tuple[tuple[int, int], ...]] = {}
        for argument in arguments:
            role, _, ident = argument.partition(":")
            role = role.rstrip("0123456789")
            if role in ROLES and ident in spans:
                roles[role] = roles.get(role, ()) + spans[ident][1]
        if "Cue" in roles or "Content" in roles:
            attributions.append(GoldAttribution(
                source=tuple(sorted(roles.get("Source", ()))),
                cue=tuple(sorted(roles.get("Cue", ()))),
                content=tuple(sorted(roles.get("Content", ())))))
    return tuple(sorted(attributions, key=lambda a: (a.cue, a.content)))


def cue_heads(article: GoldArticle, doc) -> set[int]:
    """Token indices, in `doc` (the article's parse), of the heads of its annotated cues."""
    heads = set()
    for attribution in article.attributions:
        for start, end in attribution.cue:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                heads.add(span.root.i)
    return heads


def load_split(data_dir: str | Path, split: str = "dev", limit: int | None = None) -> list[GoldArticle]:
    """Gold articles of `split` in name order, lowest annotator id each; PWE401 if the folder is missing."""
    root = Path(data_dir) / split
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise PresswatchError("PWE401", path=str(root))
    by_article: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        article, _, annotator = ann.stem.rpartition("_")
        by_article.setdefault(article, []).append(ann)
    articles = []
    for article in sorted(by_article):
        ann = min(by_article[article], key=lambda p: p.stem.rpartition("_")[2])
        text_path = text_dir / f"{article}.txt"
        if not text_path.is_file():
            continue
        articles.append(GoldArticle(
            name=article, annotator=ann.stem.rpartition("_")[2],
            text=text_path.read_text(encoding="utf-8"),
            attributions=parse_ann(ann.read_text(encoding="utf-8"), where=str(ann))))
        if limit is not None and len(articles) >= limit:
            break
    return articles
