"""What every fuzz test asserts about results, and shared strategies (issue 11)."""

from __future__ import annotations

import dataclasses
import os
import re
from datetime import date

from hypothesis import strategies as st

from presswatch.records import Analysis, Document, Failure, document_id

CODE = re.compile(r"^PW[EW]\d{3}$")
SCALE = float(os.environ.get("PRESSWATCH_FUZZ_SCALE", "1"))


def examples(count: int) -> int:
    """`count` scaled by PRESSWATCH_FUZZ_SCALE (at least 1)."""
    return max(1, int(count * SCALE))


def check_read_result(item: object) -> None:
    """A reader result is a Document with a consistent id, or a Failure with a PW code."""
    if isinstance(item, Failure):
        assert CODE.match(item.code), item
        assert item.message.startswith(f"[{item.code}]"), item
        assert item.severity in ("error", "warning")
        assert item.code.startswith("PWW") == (item.severity == "warning"), item
        return
    assert isinstance(item, Document), f"reader yielded {type(item).__name__}"
    assert isinstance(item.text, str) and item.text.strip(), "a Document with no text"
    assert item.id == document_id(item.text)
    if item.published is not None:
        date.fromisoformat(item.published)
    for name in ("title", "url", "outlet", "language"):
        assert getattr(item, name) is None or isinstance(getattr(item, name), str)


def spans_of(value: object, path: str = "analysis"):
    """(path, record) for every record carrying integer start/end offsets."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = {field.name for field in dataclasses.fields(value)}
        if {"start", "end"} <= names and isinstance(value.start, int):
            yield path, value
        for field in dataclasses.fields(value):
            if field.name != "document":
                yield from spans_of(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from spans_of(item, f"{path}[{index}]")


def check_offsets(analysis: Analysis) -> None:
    """Every offset-carrying record indexes `document.text`, and its text (if any) matches."""
    text = analysis.document.text
    for path, record in spans_of(analysis):
        assert 0 <= record.start <= record.end <= len(text), (path, record)
        if getattr(record, "text", None) is not None:
            assert record.text == text[record.start:record.end], (path, record)


# Quote characters the quote extractor reads, plus the ASCII pairs used as double quotes.
QUOTE_CHARS = "«»„\"'‘’“”‹›`"
# Text made of words, spaces, newlines, punctuation and many quote marks.
quote_heavy_text = st.lists(
    st.one_of(
        st.sampled_from(list(QUOTE_CHARS) + ["''", "``", " ", " ", "\n", "\n\n", ".", ",", ":", "—", "-"]),
        st.sampled_from(["said", "told", "added", "according to", "the minister", "he", "she", "Putin",
                         "Aliyev", "noted", "stressed", "Russia’s", "don't", "states’", "Baku", "“", "”"]),
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6),
    ),
    max_size=60,
).map("".join)
