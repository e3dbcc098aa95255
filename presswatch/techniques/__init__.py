"""Techniques stage: persuasion technique spans, SemEval-2020 Task 11 (issue 7 fills it)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from presswatch.records import Document, Technique

REQUIRES = ("document", "parsed")
ASSIGNS = "techniques"


def make_component(nlp: Language) -> Callable[..., tuple[Technique, ...]]:
    """Return the technique detector; no model is trained yet, so it finds none."""

    def detect_techniques(document: Document, parsed: Doc) -> tuple[Technique, ...]:
        return ()

    return detect_techniques
