"""Paragraphs of a document text, as the quotes and places stages both read them.

A paragraph ends where a line break begins: one newline or several with blank space between
("\n", "\n\n", "\n  \n").  Offsets are character offsets of the text; lookups are binary searches
over the paragraph ends (linear scans made long texts quadratic, issue 11).
"""

from __future__ import annotations

import bisect
import re

# A paragraph break: a newline followed by optional blank space.  Must match "\n\n" and "\n";
# must not match a space inside a line.
PARAGRAPH_BREAK = re.compile(r"\n\s*")


def paragraph_ends(text: str) -> list[int]:
    """Offsets where paragraphs end (the start of each line break), plus the end of the text."""
    return [match.start() for match in PARAGRAPH_BREAK.finditer(text)] + [len(text)]


def paragraph_index(ends: list[int], pos: int) -> int:
    """Number (from 0) of the paragraph holding offset `pos`, given `paragraph_ends(text)`."""
    return bisect.bisect_left(ends, pos)


def paragraph_end(ends: list[int], pos: int) -> int:
    """Offset where the paragraph holding `pos` ends."""
    return ends[paragraph_index(ends, pos)]


def paragraph_start(text: str, ends: list[int], pos: int) -> int:
    """Offset of the first character of the paragraph holding `pos`."""
    index = paragraph_index(ends, pos)
    if index == 0:
        return 0
    previous = ends[index - 1]
    match = PARAGRAPH_BREAK.match(text, previous)
    return match.end() if match else previous
