"""Events stage: political events coded in PLOVER/CAMEO/Goldstein/ACLED with source, target, status.

Reads the parse, the entities (actors stage) and the quotes (quotes stage); returns Events in
text order with ids v1, v2, ...  `date` and `location` are left None for the dates/places stages.
Knowledge: `presswatch/events/data/` (built by scripts/build_event_lexicon.py; PWE010/PWE011) and
the sentence models `data/event_models.npz` (scripts/train_event_models.py, MODEL_CARD.md), the
PLOVER type model `data/event_types.npz` (scripts/train_event_types.py) and the ACLED sub-event
cues `data/acled_cues.tsv` (acled.py, scripts/build_acled_cues.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from presswatch.events import acled
from presswatch.events.classify import MODELS_FILE, SentenceModel, load_models
from presswatch.events.extract import EventExtractor
from presswatch.events.lexicon import DATA_DIR, EventLexicon, load_lexicon
from presswatch.events.retype import TYPES_FILE, TypeModel, load_types
from presswatch.events.roles import ROLES_FILE, RoleModel, load_roles
from presswatch.records import Document, Entity, Event, Quote

REQUIRES = ("document", "parsed", "entities", "quotes")
ASSIGNS = "events"


@cache
def _lexicon() -> EventLexicon:
    return load_lexicon()


@cache
def _models() -> tuple[dict[str, SentenceModel], str]:
    return load_models(DATA_DIR)


@cache
def _roles() -> tuple[dict[str, RoleModel], str]:
    return load_roles(DATA_DIR)


@cache
def _types() -> tuple[TypeModel, str]:
    return load_types(DATA_DIR)


def knowledge_versions() -> dict[str, str]:
    """Versions of the event knowledge files and models, for `Analysis.versions`."""
    return {**_lexicon().versions, f"events/{MODELS_FILE}": _models()[1],
            f"events/{acled.CUES_FILE}": acled.packaged().version, f"events/{ROLES_FILE}": _roles()[1],
            f"events/{TYPES_FILE}": _types()[1]}


def make_component(nlp: Language) -> Callable[..., tuple[Event, ...]]:
    """Return the event extractor (knowledge and models loaded and verified once)."""
    extractor = EventExtractor(_lexicon(), _models()[0], _roles()[0], _types()[0])

    def extract_events(
        document: Document, parsed: Doc, entities: tuple[Entity, ...], quotes: tuple[Quote, ...]
    ) -> tuple[Event, ...]:
        return extractor(document, parsed, entities, quotes)

    return extract_events
