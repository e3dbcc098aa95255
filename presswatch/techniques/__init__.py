"""Techniques stage: persuasion technique spans, SemEval-2020 Task 11 (DESIGN.md, Pipeline).

`make_component(nlp)` loads the trained model once (`data/techniques.npz`, checked against the
sha256 in its `.meta.json` sidecar by `presswatch.knowledge`) and returns `detect_techniques(document, parsed)`, which reads
the shared spaCy parse (never re-parsing) and returns `Technique` records in text order, offsets
into `document.text`: the model's detections plus experts cited as warrants (`rules.py`).  How the model works and how well: MODEL_CARD.md.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from presswatch.errors import PresswatchError
from presswatch.knowledge import read_verified
from presswatch.records import Document, Technique, TechniqueName, make_span
from presswatch.techniques.model import TechniqueModel
from presswatch.techniques.rules import authority_spans

REQUIRES = ("document", "parsed")
ASSIGNS = "techniques"

DATA_DIR = Path(__file__).parent / "data"
MODEL_FILE = DATA_DIR / "techniques.npz"
TECHNIQUE_NAMES: frozenset[str] = frozenset(typing.get_args(TechniqueName))
AUTHORITY_CONFIDENCE = 0.4  # confidence of a rule-found Appeal_to_Authority (rules.py)


def meta_path(model_file: Path) -> Path:
    """The sidecar of a model file: `NAME.meta.json` next to it."""
    return model_file.with_name(model_file.name + ".meta.json")


REBUILD = "scripts/train_techniques.py ../shared/data/propaganda"


def read_meta(model_file: Path = MODEL_FILE) -> dict[str, Any]:
    """The sidecar metadata of a model file (PWE010 if missing or unreadable)."""
    try:
        return json.loads(meta_path(model_file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PresswatchError("PWE010", path=str(meta_path(model_file)), reason=str(exc),
                              rebuild=REBUILD) from exc


def load_model(model_file: Path = MODEL_FILE) -> TechniqueModel:
    """Load the technique model after checking its sha256 (PWE010, PWE011) and contents (PWE704)."""
    data, _ = read_verified(Path(model_file), REBUILD)
    try:
        model = TechniqueModel.from_bytes(data)
    except (KeyError, ValueError, OSError) as exc:
        raise PresswatchError("PWE704", path=str(model_file), reason=str(exc)) from exc
    unknown = set(model.tc_classes_) - TECHNIQUE_NAMES
    if unknown:
        raise PresswatchError("PWE704", path=str(model_file), reason=f"unknown techniques {sorted(unknown)}")
    return model


def knowledge_versions() -> dict[str, str]:
    """The version of the technique model, for `Analysis.versions`."""
    return {"techniques_model": str(read_meta().get("version"))}


def detections_to_records(document: Document, detections: list[tuple[str, int, int, float]]
                          ) -> tuple[Technique, ...]:
    """`Technique` records (bounds checked, text from the document), sorted by offset."""
    records = []
    for technique, start, end, confidence in sorted(detections, key=lambda d: (d[1], d[2], d[0])):
        span = make_span(document.text, start, end)
        records.append(Technique(typing.cast(TechniqueName, technique), span.start, span.end,
                                 span.text, confidence))
    return tuple(records)


def make_component(nlp: Language, model_file: Path = MODEL_FILE) -> Callable[..., tuple[Technique, ...]]:
    """Load the model once and return the stage callable."""
    model = load_model(model_file)

    def detect_techniques(document: Document, parsed: Doc) -> tuple[Technique, ...]:
        """Technique spans in `document`, read from its spaCy parse `parsed`."""
        if not document.text.strip():
            return ()
        detections = model.detect(parsed)
        known = {(s, e) for technique, s, e, _ in detections if technique == "Appeal_to_Authority"}
        detections += [("Appeal_to_Authority", s, e, AUTHORITY_CONFIDENCE)
                       for s, e in authority_spans(parsed) if (s, e) not in known]
        return detections_to_records(document, detections)

    return detect_techniques
