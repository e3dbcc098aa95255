"""analyze() and analyze_many(): the stages in order over one shared parse (DESIGN.md, Pipeline).

Each stage module declares `REQUIRES` (names of what it reads), `ASSIGNS` (the name of what it
returns) and `make_component(nlp)`, which loads its knowledge once and returns a callable taking
the required values as keyword arguments.  A stage that refines earlier records (dates, places)
assigns the same name again and returns new records; nothing is mutated.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import Any, Literal, TypeVar

from spacy.tokens import Doc

from presswatch import __version__, actors, dates, events, places, quotes, techniques
from presswatch.errors import PresswatchError
from presswatch.events import acled_main
from presswatch.nlp import DEFAULT_MAX_CHARS, DEFAULT_MODEL, load_language, parse_many
from presswatch.records import Analysis, Document, Extent, Failure

Key = TypeVar("Key")

STAGE_MODULES: tuple[ModuleType, ...] = (actors, quotes, events, acled_main, dates, places, techniques)
PROVIDED = ("document", "parsed", "sentences")
YOUNG_GC_THRESHOLD = 10_000  # allocations between young-generation collections (Python's default: 700)


@dataclasses.dataclass(frozen=True)
class Stage:
    """One pipeline step: a name, what it reads and assigns, and the loaded component."""

    name: str
    requires: tuple[str, ...]
    assigns: str
    component: Callable[..., tuple]


def check_stage_order(stages: Iterable[Stage]) -> None:
    """Raise PWE202 if a stage requires something no earlier stage (or the parser) assigns."""
    available = set(PROVIDED)
    for stage in stages:
        for name in stage.requires:
            if name not in available:
                raise PresswatchError("PWE202", stage=stage.name, missing=name)
        available.add(stage.assigns)


def sentence_extents(parsed: Doc) -> tuple[Extent, ...]:
    """Sentence offsets with surrounding whitespace trimmed; blank sentences dropped."""
    extents = []
    for sent in parsed.sents:
        tokens = [token for token in sent if not token.is_space]
        if tokens:
            extents.append(Extent(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
    return tuple(extents)


class Pipeline:
    """The language model and every stage, loaded once per process."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        batch_size: int = 32,
        max_chars: int = DEFAULT_MAX_CHARS,
        stage_modules: tuple[ModuleType, ...] = STAGE_MODULES,
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.nlp = load_language(model, max_chars)
        for module in stage_modules:
            if hasattr(module, "setup_language"):
                module.setup_language(self.nlp)
        self.stages = tuple(
            Stage(module.__name__.rsplit(".", 1)[-1], tuple(module.REQUIRES), module.ASSIGNS,
                  module.make_component(self.nlp))
            for module in stage_modules
        )
        check_stage_order(self.stages)
        self.versions = {
            "presswatch": __version__,
            "spacy_model": f"{self.nlp.meta.get('name')}-{self.nlp.meta.get('version')}",
        }
        for module in stage_modules:
            self.versions.update(getattr(module, "knowledge_versions", dict)())
        self.pipeline = Analysis(Document.from_text(""), versions=self.versions).pipeline
        # The model and the knowledge files are a quarter of a million objects that live as long as
        # the process; the collector's full passes walked them all again and again (about 6 ms per
        # article).  Frozen, they are out of its way (benchmarks/throughput.py measures the effect).
        # Parsing and the stages create and free objects in bursts of thousands, which set off the
        # young-generation collection (every 700 net allocations) about ten times per article, and
        # now and then a full one: about 5 ms per 1,000-word article.  A first threshold of 10,000
        # lets a burst end before anything is collected (under 1 ms per article).
        gc.collect()
        gc.freeze()
        gc.set_threshold(YOUNG_GC_THRESHOLD, *gc.get_threshold()[1:])

    def analyze(self, document: Document) -> Analysis:
        """Analyze one document (raises PresswatchError on failure)."""
        for result in self.analyze_many([document], on_error="raise"):
            assert isinstance(result, Analysis)
            return result
        raise AssertionError("unreachable")

    def analyze_many(
        self, documents: Iterable[Document], on_error: Literal["raise", "skip"] = "raise"
    ) -> Iterator[Analysis | Failure]:
        """Analyze documents in batches, yielding one Analysis (or Failure) each, in order.

        With `on_error="skip"`, a document whose analysis fails yields a Failure (PWE203)
        and the run goes on; with "raise" the error propagates.
        """
        pairs = ((document.text, document) for document in documents)
        for parsed, document in parse_many(self.nlp, pairs, self.batch_size):
            try:
                yield self._run_stages(document, parsed)
            except Exception as exc:  # one bad article must not stop a batch
                if on_error == "raise":
                    raise
                reason = exc.message if isinstance(exc, PresswatchError) else f"{type(exc).__name__}: {exc}"
                origin = document.origin or document.id
                yield Failure(origin, "PWE203", f"[PWE203] analysis of {origin} failed: {reason}")

    def analyze_batches(
        self, batches: Iterable[tuple[Key, list[Document]]]
    ) -> Iterator[tuple[Key, list[Analysis | Failure]]]:
        """Analyze `(key, documents)` batches in this process, in order, failures kept.

        The same interface as `presswatch.workers.WorkerPool`, so callers need not care.
        """
        for key, documents in batches:
            yield key, list(self.analyze_many(documents, on_error="skip"))

    def _run_stages(self, document: Document, parsed: Doc) -> Analysis:
        values: dict[str, Any] = {"document": document, "parsed": parsed,
                                  "sentences": sentence_extents(parsed)}
        for stage in self.stages:
            values[stage.assigns] = tuple(stage.component(**{name: values[name] for name in stage.requires}))
        return Analysis(
            document=document,
            sentences=values["sentences"],
            entities=values.get("entities", ()),
            quotes=values.get("quotes", ()),
            events=values.get("events", ()),
            techniques=values.get("techniques", ()),
            versions=dict(self.versions),
            acled_main=next(iter(values.get("acled_main", ())), None),
        )
