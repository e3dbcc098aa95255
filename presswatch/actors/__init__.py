"""Actors stage: mentions -> entities -> actor codes (DESIGN.md, Pipeline; issue 3).

`setup_language` adds an entity ruler built from the actor knowledge base ahead of the
statistical NER, so that known names ("Baku", "Alma-Ata", "Kassym-Jomart Tokayev") get the right
label; `make_component` loads the knowledge base once and returns the resolver
(`presswatch.actors.resolve`).  Knowledge files and their versions: `presswatch/actors/data/`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from presswatch.actors.knowledge import KnowledgeBase, load_knowledge
from presswatch.actors.resolve import Resolver
from presswatch.records import Entity

REQUIRES = ("document", "parsed")
ASSIGNS = "entities"
RULER_NAME = "presswatch_actor_ruler"


def setup_language(nlp: Language, kb: KnowledgeBase | None = None) -> None:
    """Add the knowledge-base entity ruler before "ner" (once; case-sensitive phrase patterns)."""
    if RULER_NAME in nlp.pipe_names:
        return
    kb = kb or load_knowledge()
    before = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"phrase_matcher_attr": "ORTH",
                                                                  "overwrite_ents": True}, **before)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(kb.ruler_patterns())  # type: ignore[attr-defined]


def make_component(nlp: Language) -> Callable[..., tuple[Entity, ...]]:
    """Load the knowledge base once and return the resolver `(document, parsed) -> entities`."""
    return Resolver(load_knowledge(), known_words(nlp))


def known_words(nlp: Language) -> frozenset[str] | None:
    """The words of the lemmatizer's tables (lower case), or None if the language has none."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    words: set[str] = set()
    for table, keys in (("lemma_index", False), ("lemma_exc", True)):
        if lookups.has_table(table):
            for entries in lookups.get_table(table).values():
                words.update(entries.keys() if keys else entries)
    return frozenset(word.lower() for word in words) or None


def knowledge_versions() -> dict[str, str]:
    """Versions of the actor knowledge files (read from their sidecars)."""
    import json

    from presswatch.actors.knowledge import DATA_DIR, FILES

    versions = {}
    for name in FILES:
        meta = json.loads((DATA_DIR / f"{name}.meta.json").read_text(encoding="utf-8"))
        versions[f"actors/{name.removesuffix('.json')}"] = str(meta.get("version"))
    return versions
