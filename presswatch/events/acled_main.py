"""The document's main ACLED event: a step after the events stage (`Analysis.acled_main`).

Runs acled.main_event, the function the CASE-2021 eval scores, over the parse and the document's
events with the shipped acled sentence model and main-event ranker (`data/acled_main.json`,
scripts/train_acled_main.py, MODEL_CARD.md).  Returns at most one AcledMain (none: no ACLED event).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from presswatch import events as events_stage
from presswatch.events import acled
from presswatch.records import AcledMain, Event

REQUIRES = ("parsed", "events")
ASSIGNS = "acled_main"


def knowledge_versions() -> dict[str, str]:
    """The ranker's version, for `Analysis.versions`."""
    return {f"events/{acled.MAIN_FILE}": acled.packaged_main().version}


def make_component(nlp: Language) -> Callable[..., tuple[AcledMain, ...]]:
    """Return the main-event step (ranker and acled model loaded and verified once)."""
    ranker, model = acled.packaged_main(), events_stage._models()[0].get("acled")

    def main_acled_event(parsed: Doc, events: tuple[Event, ...]) -> tuple[AcledMain, ...]:
        found = acled.main_event(parsed, events, model, ranker)
        return (found,) if found else ()

    return main_acled_event
