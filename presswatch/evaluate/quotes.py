"""Score the quotes stage on PolNeAR (`presswatch eval quotes`), next to a quotation-mark baseline.

Metrics follow Citron's evaluation (bbc/citron `metrics.py`), over spaCy tokens:
- exact, per role: a predicted cue is correct when its token set equals a gold cue's; a predicted
  source (content) when some gold attribution has an overlapping cue and an equal source
  (content); a whole attribution when cue, source and content are all equal.  Punctuation
  tokens other than quote marks are ignored in the comparison (annotators differ on final periods).
- overlap (token overlap, Citron's "overlap metric"): precision = overlapping tokens / predicted
  tokens, recall = overlapping tokens / gold tokens, summed over the corpus.  Citron sums the
  overlap over every (predicted, gold) pair; PolNeAR nests attributions inside each other's
  content, so we take for each span its best-overlapping counterpart instead (never above 1;
  a little stricter than Citron's sum).  `attribution` adds cue, source and content together.
- partial (content): a predicted content counts if it shares a token with a gold content.
- on quotes matched one-to-one by content overlap: cue accuracy (cues overlap) and source
  accuracy (sources overlap, or both absent).
- `speech` repeats everything on speech cues only (cue head lemma in the curated speech verbs,
  or "according to"), for gold and predictions alike.

A predicted content span is a single stretch of text; for a quote with the speaker in the middle
(`“...,” he said, “...”`) its cue and speaker tokens are removed before scoring.  Division by
zero gives 0.0.  Speaker entities are not scored (PolNeAR sources are mentions); the actor stage
is not run, so `entities` is empty.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from presswatch.evaluate.polnear import GoldArticle, load_split
from presswatch.nlp import DEFAULT_MODEL, load_language
from presswatch.quotes import make_component
from presswatch.quotes.marks import ALL_MARKS, find_quoted
from presswatch.quotes.rules import load_cue_lexicon
from presswatch.records import Document, Quote

ROLES = ("cue", "source", "content")
Tokens = frozenset[int]


@dataclass(frozen=True)
class TokenQuote:
    """An attribution as token sets (gold or predicted), ready to compare."""

    cue: Tokens
    source: Tokens
    content: Tokens


def prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    """Precision, recall, F1 from true positives and counts; 0.0 where a denominator is 0."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def _char_index(doc: Doc) -> list[int]:
    index = [-1] * (len(doc.text) + 1)
    for token in doc:
        for i in range(token.idx, token.idx + len(token.text) + len(token.whitespace_)):
            index[i] = token.i
    return index


def _tokens(doc: Doc, index: list[int], fragments: Iterable[tuple[int, int]]) -> Tokens:
    out: set[int] = set()
    for start, end in fragments:
        if end <= start:
            continue
        first, last = index[start], index[max(end - 1, start)]
        if first >= 0 and last >= 0:
            out.update(i for i in range(first, last + 1) if not doc[i].is_space)
    return frozenset(out)


def _scored(doc: Doc, tokens: Tokens) -> Tokens:
    """Tokens compared by the exact metric: no punctuation except quote marks."""
    return frozenset(i for i in tokens
                     if not doc[i].is_punct or any(ch in ALL_MARKS for ch in doc[i].text))


def gold_quotes(article: GoldArticle, doc: Doc, index: list[int]) -> list[TokenQuote]:
    """Gold attributions of one article as token sets."""
    return [TokenQuote(_tokens(doc, index, a.cue), _tokens(doc, index, a.source), _tokens(doc, index, a.content))
            for a in article.attributions]


def predicted_quotes(quotes: Iterable[Quote], doc: Doc, index: list[int]) -> list[TokenQuote]:
    """Predicted quotes as token sets; content minus its own cue and speaker."""
    out = []
    for quote in quotes:
        cue = _tokens(doc, index, [(quote.cue.start, quote.cue.end)]) if quote.cue else frozenset()
        source = (_tokens(doc, index, [(quote.speaker.start, quote.speaker.end)])
                  if quote.speaker else frozenset())
        content = _tokens(doc, index, [(quote.content.start, quote.content.end)]) - cue - source
        out.append(TokenQuote(cue, source, content))
    return out


class Tally:
    """Counts accumulated over articles; `report()` turns them into P/R/F1."""

    def __init__(self) -> None:
        self.n_gold = 0
        self.n_pred = 0
        self.exact = {role: [0, 0, 0] for role in (*ROLES, "attribution")}  # tp_pred, tp_gold
        self.overlap = {role: [0, 0, 0, 0] for role in ROLES}  # ov_pred, len_pred, ov_gold, len_gold
        self.partial = [0, 0]
        self.matched = 0
        self.cue_ok = 0
        self.source_ok = 0

    def add(self, doc: Doc, gold: list[TokenQuote], pred: list[TokenQuote]) -> None:
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        sg = [TokenQuote(*(_scored(doc, getattr(q, r)) for r in ROLES)) for q in gold]
        sp = [TokenQuote(*(_scored(doc, getattr(q, r)) for r in ROLES)) for q in pred]

        def exact_match(p: TokenQuote, g: TokenQuote, role: str) -> bool:
            if role == "cue":
                return bool(p.cue) and p.cue == g.cue
            if role == "attribution":
                return p.cue == g.cue and p.source == g.source and p.content == g.content and bool(p.content)
            return bool(p.cue & g.cue) and getattr(p, role) == getattr(g, role) and bool(getattr(p, role) or role == "source")

        for role in (*ROLES, "attribution"):
            self.exact[role][0] += sum(any(exact_match(p, g, role) for g in sg) for p in sp)
            self.exact[role][1] += sum(any(exact_match(p, g, role) for p in sp) for g in sg)
        for role in ROLES:
            counts = self.overlap[role]
            for p in pred:
                span = getattr(p, role)
                counts[0] += max((len(span & getattr(g, role)) for g in gold), default=0)
                counts[1] += len(span)
            for g in gold:
                span = getattr(g, role)
                counts[2] += max((len(span & getattr(p, role)) for p in pred), default=0)
                counts[3] += len(span)
        self.partial[0] += sum(any(p.content & g.content for g in gold) for p in pred)
        self.partial[1] += sum(any(p.content & g.content for p in pred) for g in gold)
        pairs = sorted(((len(p.content & g.content), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)
                        if p.content & g.content), reverse=True)
        used_p: set[int] = set()
        used_g: set[int] = set()
        for _, i, j in pairs:
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            p, g = pred[i], gold[j]
            self.matched += 1
            self.cue_ok += bool(p.cue & g.cue)
            self.source_ok += bool(p.source & g.source) or (not p.source and not g.source)

    def report(self) -> dict[str, Any]:
        exact = {role: prf_pair(c[0], c[1], self.n_pred, self.n_gold) for role, c in self.exact.items()}
        overlap = {role: prf_split(c[0], c[1], c[2], c[3]) for role, c in self.overlap.items()}
        total = [sum(c[k] for c in self.overlap.values()) for k in range(4)]
        overlap["attribution"] = prf_split(*total)
        return {
            "n_gold": self.n_gold, "n_pred": self.n_pred,
            "exact": exact, "overlap": overlap,
            "content_partial": prf_pair(self.partial[0], self.partial[1], self.n_pred, self.n_gold),
            "matched": self.matched,
            "cue_accuracy": round(self.cue_ok / self.matched, 4) if self.matched else 0.0,
            "source_accuracy": round(self.source_ok / self.matched, 4) if self.matched else 0.0,
        }


def prf_pair(tp_pred: float, tp_gold: float, n_pred: float, n_gold: float) -> dict[str, float]:
    """P from predictions found in gold, R from gold found in predictions (Citron's counting)."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def prf_split(ov_pred: float, len_pred: float, ov_gold: float, len_gold: float) -> dict[str, float]:
    """Token-overlap P/R/F1."""
    return prf_pair(ov_pred, ov_gold, len_pred, len_gold)


def _is_speech(doc: Doc, cue: Tokens, speech: frozenset[str]) -> bool:
    if not cue:
        return False
    words = [doc[i] for i in sorted(cue)]
    if any(t.lower_ == "according" for t in words):
        return True
    head = next((t for t in words if t.head.i not in cue or t.head.i == t.i), words[0])
    return head.lemma_.lower() in speech


def baseline_quotes(document: Document, parsed: Doc) -> tuple[Quote, ...]:
    """Baseline: each quoted stretch of 3+ words, attributed to the nearest "say" and its subject."""
    from presswatch.records import SpeakerRef, make_span

    says = [t for t in parsed if t.lemma_ == "say" and t.pos_ in ("VERB", "AUX")]
    quotes = []
    for start, end in find_quoted(document.text):
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is None or sum(not t.is_punct for t in span) < 3:
            continue
        near = min(says, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)), default=None)
        cue = speaker = None
        if near is not None and min(abs(near.i - span.start), abs(near.i - span.end)) <= 15:
            cue = make_span(document.text, near.idx, near.idx + len(near))
            subject = next((c for c in near.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                sub = list(subject.subtree)
                s, e = sub[0].idx, sub[-1].idx + len(sub[-1])
                speaker = SpeakerRef(None, s, e, document.text[s:e])
        quotes.append(Quote(id=f"q{len(quotes) + 1}", kind="direct", content=make_span(document.text, start, end),
                            cue=cue, speaker=speaker))
    return tuple(quotes)


def parse_split(articles: list[GoldArticle], model: str = DEFAULT_MODEL, cache: str | Path | None = None,
                batch_size: int = 16) -> tuple[Any, list[Doc]]:
    """Parse the articles once (reusing a DocBin at `cache` when its names match)."""
    nlp = load_language(model)
    if cache is not None:
        cache = Path(cache)
        names = cache.with_suffix(".names")
        if cache.is_file() and names.is_file() and names.read_text().split("\n") == [a.name for a in articles]:
            return nlp, list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe((a.text for a in articles), batch_size=batch_size))
    if cache is not None:
        db = DocBin(store_user_data=False, docs=docs)
        db.to_disk(cache)
        Path(cache).with_suffix(".names").write_text("\n".join(a.name for a in articles))
    return nlp, docs


def score(articles: list[GoldArticle], docs: list[Doc],
          extractor: Callable[[Document, Doc], tuple[Quote, ...]]) -> dict[str, Any]:
    """Score `extractor` on parsed gold articles: all attributions and the speech-cue subset."""
    speech = frozenset(lemma for lemma, kind in load_cue_lexicon().classes.items() if kind == "speech")
    everything, speech_only = Tally(), Tally()
    started = time.perf_counter()
    for article, doc in zip(articles, docs, strict=True):
        document = Document.from_text(article.text)
        index = _char_index(doc)
        gold = gold_quotes(article, doc, index)
        pred = predicted_quotes(extractor(document, doc), doc, index)
        everything.add(doc, gold, pred)
        speech_only.add(doc, [q for q in gold if _is_speech(doc, q.cue, speech)],
                        [q for q in pred if _is_speech(doc, q.cue, speech)])
    elapsed = time.perf_counter() - started
    return {"all": everything.report(), "speech": speech_only.report(),
            "seconds_per_article": round(elapsed / max(len(articles), 1), 4)}


def run(data_dir: str | Path, split: str = "dev", limit: int | None = None, model: str = DEFAULT_MODEL,
        cache: str | Path | None = None, baseline: bool = True) -> dict[str, Any]:
    """Evaluate the quotes stage (and the baseline) on one PolNeAR split; PWE401 if it is missing."""
    articles = load_split(data_dir, split, limit=limit)
    started = time.perf_counter()
    nlp, docs = parse_split(articles, model=model, cache=cache)
    parse_seconds = time.perf_counter() - started
    component = make_component(nlp)
    report: dict[str, Any] = {
        "corpus": "PolNeAR v1.0.0", "split": split, "articles": len(articles),
        "annotator": "lowest id per article",
        "parse_seconds_per_article": round(parse_seconds / max(len(articles), 1), 4),
        "presswatch": score(articles, docs, lambda d, p: component(document=d, parsed=p, entities=())),
    }
    if baseline:
        report["baseline"] = score(articles, docs, baseline_quotes)
    return report
