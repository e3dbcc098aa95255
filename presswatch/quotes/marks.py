"""Find quoted stretches of text from quotation marks, tolerating nesting and broken marks.

Works on character offsets of the document text and returns (start, end) ranges that include
the marks.  Rules, in order (each is tested in tests/unit/test_quotes.py):

- Directional marks open or close by their shape: “ « ‘ „ ‹ open; ” » ’ › close.  Straight
  marks (" and ') decide by their neighbours: opening after whitespace or an opening bracket and
  before a non-space, closing otherwise.
- A ’ or ' between two letters is an apostrophe (Russia’s, don't), never a quote mark; a lone
  ’/' after a letter-s plural (the states’ borders) closes only when a single quote is open.
- Nesting: marks inside an open quote push and pop a depth counter, so `“a “b” c”` is one quote.
- Multi-paragraph quotes: when a paragraph ends inside an open quote and the next paragraph opens
  again with a mark (the newspaper convention), the quote continues; when the next mark after the
  break is a matching closing mark at most MAX_OPEN_PARAGRAPHS paragraphs on (the seed article's
  style), it also continues.  Otherwise the quote is closed at the end of its paragraph: an
  unbalanced mark never swallows the article.
"""

from __future__ import annotations

import re

from presswatch.paragraphs import paragraph_end, paragraph_ends, paragraph_index, paragraph_start

OPENING_MARKS = "“«‘„‹"  # marks that can only open a quotation
CLOSING_MARKS = "”»’›"  # marks that can only close one (’ also an apostrophe, see below)
STRAIGHT_MARKS = "\"'"  # direction decided from context
ALL_MARKS = OPENING_MARKS + CLOSING_MARKS + STRAIGHT_MARKS + "“"

# Two ASCII apostrophes or backticks used as one double quote (``like this'' or ''like this'').
# Must match "''" and "``"; must not match a single apostrophe (don't).  Matched pairs are read
# as one straight double quote; offsets are unchanged (the second character becomes FILLER).
PAIRED_SINGLES = re.compile(r"''|``")
FILLER = "\x00"
# A quote left open at a paragraph end may close this many paragraphs later, and no further,
# when no other mark comes first (the seed article runs quotes over four paragraphs).
MAX_OPEN_PARAGRAPHS = 6


def _is_apostrophe(text: str, i: int) -> bool:
    """True for ’/' inside a word (Russia’s, don't, rock'n'roll), never a quote mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _direction(text: str, i: int) -> str | None:
    """'open', 'close' or None (not a quote mark here) for the mark at text[i]."""
    char = text[i]
    if char not in ALL_MARKS:
        return None
    if char in "’'" and _is_apostrophe(text, i):
        return None
    if char in OPENING_MARKS:
        return "open"
    if char in CLOSING_MARKS:
        return "close"
    before = text[i - 1] if i > 0 else " "
    j = i + 1
    while j < len(text) and text[j] == FILLER:
        j += 1
    after = text[j] if j < len(text) else " "
    if (before.isspace() or before in "([{—–-:") and not after.isspace():
        return "open"
    if not before.isspace():
        return "close"
    if char == "'":
        return None  # a lone ' between spaces is noise
    return "open" if not after.isspace() else None


def _family(char: str) -> str:
    """'single' for ‘ ’ ' (their closers must match), else 'double'."""
    return "single" if char in "‘’'" else "double"


def _closes(opener: str, char: str) -> bool:
    """True if `char` (a closing-direction mark) closes a quote opened by `opener`."""
    if opener == "„":
        return char in "“”\""  # German style „...“ (and „...” in some outlets)
    return _family(opener) == _family(char)


def find_quoted(text: str) -> list[tuple[int, int]]:
    """Top-level quoted ranges (start, end) including the marks, in text order, never overlapping."""
    text = PAIRED_SINGLES.sub(lambda m: '"' + FILLER, text)
    marks: list[tuple[int, str]] = []
    for i, char in enumerate(text):
        if char in ALL_MARKS:
            direction = _direction(text, i)
            if direction is not None:
                marks.append((i, direction))
    ends = paragraph_ends(text)
    ranges: list[tuple[int, int]] = []
    k = 0
    while k < len(marks):
        start, direction = marks[k]
        if direction != "open":
            k += 1  # a closing mark with nothing open: ignore it
            continue
        stack = [text[start]]
        para_end = paragraph_end(ends, start)
        end = None
        k += 1
        while k < len(marks):
            pos, direction = marks[k]
            char = text[pos]
            if pos > para_end:
                # A paragraph break inside an open quote.  The first mark after it decides.
                mark_end = paragraph_end(ends, pos)
                crossed = paragraph_index(ends, mark_end) - paragraph_index(ends, para_end)
                if direction == "open" and pos == paragraph_start(text, ends, pos) and crossed == 1:
                    para_end = mark_end  # the next paragraph reopens: the same quote goes on
                    k += 1
                    continue
                if not (direction == "close" and _closes(stack[-1], char) and crossed <= MAX_OPEN_PARAGRAPHS):
                    end = para_end  # unbalanced: close at the end of the paragraph
                    break
                para_end = mark_end
            if direction == "open" and not (stack[-1] == "„" and char == "“"):
                stack.append(char)
            elif any(_closes(opener, char) for opener in stack):
                while not _closes(stack[-1], char):
                    stack.pop()  # an inner quote left open: drop it
                stack.pop()
                if not stack:
                    end = pos + 1
                    while end < len(text) and text[end] == FILLER:
                        end += 1  # the second half of a '' pair
                    k += 1
                    break
            k += 1
        if end is None:
            end = para_end
        if end > start + 1:
            ranges.append((start, end))
        while k < len(marks) and marks[k][0] < end:
            k += 1
    return ranges
