"""Read and write the PTC (SemEval-2020 Task 11) file layout.

Articles are `article<ID>.txt` files; labels are TAB-separated rows, `id, technique, start, end`
for TC/FLC and `id, start, end` for SI, with offsets into the article's Python `str` (end
exclusive).  A TC template has `?` in the technique column.  Nothing here holds corpus text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from presswatch.errors import PresswatchError
from presswatch.records import TechniqueName

ARTICLE_FILE = re.compile(r"^article(?P<id>\d+)\.txt$")  # "article111111111.txt"; not "x.txt"


@dataclass(frozen=True)
class LabeledSpan:
    """One row of a PTC label file; `technique` is None for SI rows and "?" in templates."""

    article_id: str
    start: int
    end: int
    technique: str | None = None


@dataclass(frozen=True)
class Article:
    """One PTC article: its id (from the file name) and its exact text."""

    id: str
    text: str


def read_articles(folder: Path) -> list[Article]:
    """Every `article<ID>.txt` in `folder`, sorted by id (PWE701 if there is none)."""
    folder = Path(folder)
    found = []
    paths = sorted(folder.iterdir()) if folder.is_dir() else []
    for path in paths:
        match = ARTICLE_FILE.match(path.name)
        if match:
            # newline="" keeps "\r\n" as two characters, as the organizers' offsets count them
            with open(path, encoding="utf-8", newline="") as handle:
                found.append(Article(match["id"], handle.read()))
    if not found:
        raise PresswatchError("PWE701", path=str(folder))
    return found


def read_labels(path: Path) -> list[LabeledSpan]:
    """Rows of a TC/FLC (4 columns) or SI (3 columns) label or template file (PWE702)."""
    spans = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            row = line.rstrip("\r\n").split("\t")
            if row == [""]:
                continue
            try:
                if len(row) == 4:
                    spans.append(LabeledSpan(row[0], int(row[2]), int(row[3]), row[1]))
                elif len(row) == 3:
                    spans.append(LabeledSpan(row[0], int(row[1]), int(row[2])))
                else:
                    raise ValueError(f"{len(row)} columns, expected 3 or 4")
            except ValueError as exc:
                raise PresswatchError("PWE702", path=str(path), line=number, reason=str(exc)) from exc
            if not 0 <= spans[-1].start < spans[-1].end:
                raise PresswatchError("PWE702", path=str(path), line=number,
                                      reason="start must be >= 0 and below end")
    return spans


def group_by_article(spans: Iterable[LabeledSpan]) -> dict[str, list[LabeledSpan]]:
    """Spans keyed by article id, each list in file order."""
    grouped: dict[str, list[LabeledSpan]] = {}
    for span in spans:
        grouped.setdefault(span.article_id, []).append(span)
    return grouped


def format_tc_rows(rows: Iterable[tuple[str, TechniqueName, int, int]]) -> str:
    """Official TC/FLC label format: `id<TAB>technique<TAB>start<TAB>end` per line."""
    return "".join(f"{aid}\t{technique}\t{start}\t{end}\n" for aid, technique, start, end in rows)


def format_si_rows(rows: Iterable[tuple[str, int, int]]) -> str:
    """Official SI label format: `id<TAB>start<TAB>end` per line."""
    return "".join(f"{aid}\t{start}\t{end}\n" for aid, start, end in rows)


def file_sha256(path: Path) -> str:
    """sha256 hex digest of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def folder_sha256(folder: Path, pattern: str = "article*.txt") -> str:
    """One digest over the names and bytes of the files matching `pattern` in `folder`."""
    digest = hashlib.sha256()
    for path in sorted(Path(folder).glob(pattern)):
        digest.update(path.name.encode("utf-8") + b"\0" + bytes.fromhex(file_sha256(path)))
    return digest.hexdigest()
