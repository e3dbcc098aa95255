"""Events stage: political events coded in PLOVER/CAMEO/Goldstein/ACLED with source, target, status.

Reads the parse, the entities (actors stage) and the quotes (quotes stage); returns Events in
text order with ids v1, v2, ...  `date` and `location` are left None for the dates/places stages.
Knowledge: `presswatch/events/data/` (built by scripts/build_event_lexicon.py; PWE010/PWE011).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from presswatch.events.extract import EventExtractor
from presswatch.events.lexicon import EventLexicon, load_lexicon
from presswatch.records import Document, Entity, Event, Quote

REQUIRES = ("document", "parsed", "entities", "quotes")
ASSIGNS = "events"


@cache
def _lexicon() -> EventLexicon:
    return load_lexicon()


def knowledge_versions() -> dict[str, str]:
    """Versions of the event knowledge files, for `Analysis.versions`."""
    return dict(_lexicon().versions)


def make_component(nlp: Language) -> Callable[..., tuple[Event, ...]]:
    """Return the event extractor (knowledge loaded and verified once)."""
    extractor = EventExtractor(_lexicon())

    def extract_events(
        document: Document, parsed: Doc, entities: tuple[Entity, ...], quotes: tuple[Quote, ...]
    ) -> tuple[Event, ...]:
        return extractor(document, parsed, entities, quotes)

    return extract_events
