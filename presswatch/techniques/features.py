"""Features for technique spans, read from the spaCy parse (never re-parsing the text).

`DocFeatures(doc)` computes, once per document, what every token needs: its lexicon hits, whether
it sits inside quotation marks (and inside short "scare quotes"), and how often its lemma recurs in
the article.  `token_features` gives the CRF (span identification) one list of feature strings per
token; `span_features` gives the technique classifier a bag of features for a character span.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from presswatch.techniques.lexicons import PHRASE_LEXICONS, WORD_LEXICONS

OPENING_QUOTES = frozenset("“‘«")  # curly quotes that open a quotation
CLOSING_QUOTES = frozenset("”’»")  # curly quotes that close it; "’" is also an apostrophe
STRAIGHT_QUOTES = frozenset("\"")  # toggles; the straight "'" is too often an apostrophe
SCARE_QUOTE_MAX_TOKENS = 3  # 'elected', “democracy”, "peace process" are scare-quote sized
CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "ADV"})

FeatureGroups = frozenset[str]
ALL_GROUPS: FeatureGroups = frozenset(
    {"word", "shape", "syntax", "context", "lexicon", "quotes", "repetition", "sentence", "stack"}
)


def sequences(doc: Doc) -> list[list[int]]:
    """Token indices per tagging sequence: spaCy sentences, cut again at line breaks.

    Whitespace tokens are left out (they are never inside a predicted span's ends).
    """
    result: list[list[int]] = []
    for sent in doc.sents:
        current: list[int] = []
        for token in sent:
            if token.is_space:
                if "\n" in token.text and current:
                    result.append(current)
                    current = []
                continue
            current.append(token.i)
            if "\n" in token.whitespace_:
                result.append(current)
                current = []
        if current:
            result.append(current)
    return result


def _count_bucket(count: int) -> str:
    return "1" if count <= 1 else "2" if count == 2 else "3-4" if count <= 4 else "5+"


def _lexicon_index() -> tuple[dict[str, tuple[str, ...]], dict[str, list[tuple[str, tuple[str, ...]]]]]:
    words: dict[str, list[str]] = {}
    for name, entries in WORD_LEXICONS.items():
        for word in entries:
            words.setdefault(word, []).append(name)
    phrases: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for name, entries in PHRASE_LEXICONS.items():
        for phrase in entries:
            phrases.setdefault(phrase[0], []).append((name, phrase))
    return {w: tuple(n) for w, n in words.items()}, phrases


WORD_TO_LEXICONS, PHRASES_BY_FIRST_WORD = _lexicon_index()


class DocFeatures:
    """Per-document token facts shared by the CRF and the span classifier (one pass over Doc)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds Doc.text on every access; read it once
        self.text_lower = self.text.lower()
        n = len(doc)
        self.lower, self.lemma, self.pos, self.tag, self.dep = [], [], [], [], []
        self.head, self.ent, self.shape, self.idx, self.tok = [], [], [], [], []
        for token in doc:
            self.lower.append(token.lower_)
            self.lemma.append(token.lemma_.lower())
            self.pos.append(token.pos_)
            self.tag.append(token.tag_)
            self.dep.append(token.dep_)
            self.head.append(token.head.i)
            self.ent.append(token.ent_type_)
            self.shape.append(_shape(token))
            self.idx.append(token.idx)
            self.tok.append(token.text)
        self.lexicon: list[list[str]] = [[] for _ in range(n)]
        for i in range(n):
            names = set(WORD_TO_LEXICONS.get(self.lemma[i], ()))
            names.update(WORD_TO_LEXICONS.get(self.lower[i], ()))
            self.lexicon[i].extend(sorted(names))
            for name, phrase in PHRASES_BY_FIRST_WORD.get(self.lower[i], ()):
                if tuple(self.lower[i:i + len(phrase)]) == phrase:
                    for j in range(i, i + len(phrase)):
                        self.lexicon[j].append(name)
        self.sent_size = [1] * n  # non-space tokens in the token's sentence
        self.sent_marks = [""] * n  # "!" and/or "?" when the token's sentence has them
        for sent in doc.sents:
            words = [i for i in range(sent.start, sent.end) if not self.tok[i].isspace()]
            marks = "".join(m for m in "!?" if any(self.tok[i] == m for i in words))
            for i in range(sent.start, sent.end):
                self.sent_size[i] = len(words)
                self.sent_marks[i] = marks
        self.in_quote = [False] * n
        self.scare_quote = [False] * n
        self._mark_quotes()
        counts = Counter(lemma for lemma, pos in zip(self.lemma, self.pos, strict=True)
                         if pos in CONTENT_POS)
        self.lemma_count = [counts.get(lemma, 1) for lemma in self.lemma]
        bigrams = Counter(zip(self.lower, self.lower[1:], strict=False))
        self.bigram_repeated = [False] * n
        for i in range(n - 1):
            if bigrams[(self.lower[i], self.lower[i + 1])] > 1 and self.pos[i] in CONTENT_POS:
                self.bigram_repeated[i] = self.bigram_repeated[i + 1] = True
        self._static: dict[FeatureGroups, list[list[str]]] = {}

    def _mark_quotes(self) -> None:
        opened: int | None = None
        for token in self.doc:
            text = token.text
            is_open = text in OPENING_QUOTES or (text in STRAIGHT_QUOTES and opened is None)
            is_close = (text in CLOSING_QUOTES and opened is not None) or (
                text in STRAIGHT_QUOTES and opened is not None)
            if is_close and opened is not None:
                inside = range(opened + 1, token.i)
                for i in inside:
                    self.in_quote[i] = True
                if 0 < len(inside) <= SCARE_QUOTE_MAX_TOKENS:
                    for i in inside:
                        self.scare_quote[i] = True
                opened = None
            elif is_open:
                opened = token.i
            elif "\n" in token.text or "\n" in token.whitespace_:
                opened = None  # a quotation left open does not run past the paragraph

    def static_features(self, groups: FeatureGroups) -> list[list[str]]:
        """CRF features of each token that do not depend on its sentence (computed once)."""
        if groups in self._static:
            return self._static[groups]
        lower, lemma, pos = self.lower, self.lemma, self.pos
        result = []
        for i in range(len(lower)):
            f = ["bias"]
            if "word" in groups:
                f += [f"w={lower[i]}", f"l={lemma[i]}", f"suf={lower[i][-3:]}"]
            if "shape" in groups:
                f.append(f"sh={self.shape[i]}")
            if "syntax" in groups:
                head = self.head[i]
                f += [f"pos={pos[i]}", f"tag={self.tag[i]}", f"dep={self.dep[i]}",
                      f"hpos={pos[head]}", f"hl={lemma[head]}"]
                if self.ent[i]:
                    f.append(f"ent={self.ent[i]}")
            if "lexicon" in groups:
                for name in self.lexicon[i]:
                    f.append(f"lex={name}")
                    f.append(f"lex={name}|pos={pos[i]}")
            if "quotes" in groups:
                if self.in_quote[i]:
                    f.append("inquote")
                if self.scare_quote[i]:
                    f.append("scare")
            if "repetition" in groups and pos[i] in CONTENT_POS:
                f.append(f"rep={_count_bucket(self.lemma_count[i])}")
                if self.bigram_repeated[i]:
                    f.append("rep2")
            result.append(f)
        self._static[groups] = result
        return result


def _shape(token: Token) -> str:
    if token.is_upper and len(token.text) > 1:
        return "UPPER"
    if token.is_title:
        return "Title"
    if token.is_digit or token.like_num:
        return "num"
    if token.is_punct:
        return "punct"
    return "lower"


def token_features(
    features: DocFeatures, sequence: Sequence[int], groups: FeatureGroups = ALL_GROUPS
) -> list[list[str]]:
    """CRF features (strings) for each token index in `sequence`."""
    static = features.static_features(groups)
    lower, pos = features.lower, features.pos
    size = len(sequence)
    marks = features.sent_marks[sequence[0]] if sequence else ""
    length_bucket = "s" if size < 8 else "m" if size < 20 else "l" if size < 40 else "xl"
    result = []
    for position, i in enumerate(sequence):
        f = list(static[i])
        if "context" in groups:
            for offset in (-2, -1, 1, 2):
                k = position + offset
                if 0 <= k < size:
                    j = sequence[k]
                    f.append(f"w[{offset}]={lower[j]}")
                    if offset in (-1, 1):
                        f.append(f"pos[{offset}]={pos[j]}")
                        f.append(f"w[{offset}]|w={lower[j]}|{lower[i]}")
                else:
                    f.append(f"w[{offset}]=<edge>")
        if "lexicon" in groups:
            for offset in (-1, 1):
                k = position + offset
                if 0 <= k < size:
                    for name in features.lexicon[sequence[k]]:
                        f.append(f"lex[{offset}]={name}")
        if "sentence" in groups:
            f.append(f"slen={length_bucket}")
            f.append(f"spos={'first' if position == 0 else 'last' if position == size - 1 else 'mid'}")
            for mark in marks:
                f.append(f"s{mark}")
        result.append(f)
    return result


def tokens_in(doc: Doc, start: int, end: int) -> list[int]:
    """Indices of the non-space tokens overlapping the characters `start:end`."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [t.i for t in span if not t.is_space]


def span_features(features: DocFeatures, start: int, end: int) -> dict[str, float]:
    """Bag of features for classifying the technique of characters `start:end`."""
    doc = features.doc
    indices = tokens_in(doc, start, end)
    f: dict[str, float] = {"bias": 1.0}
    n = len(indices)
    f[f"ntok={min(n, 12) if n < 12 else '12+' if n < 25 else '25+'}"] = 1.0
    for i in indices:
        f[f"w={features.lower[i]}"] = 1.0
        f[f"l={features.lemma[i]}"] = 1.0
        f[f"pos={features.pos[i]}"] = 1.0
        for name in features.lexicon[i]:
            f[f"lex={name}"] = f.get(f"lex={name}", 0.0) + 1.0
    for a, b in zip(indices, indices[1:], strict=False):
        f[f"bi={features.lemma[a]}|{features.lemma[b]}"] = 1.0
    if indices:
        first, last = indices[0], indices[-1]
        f[f"first={features.lower[first]}"] = 1.0
        f[f"last={features.lower[last]}"] = 1.0
        f[f"firstpos={features.pos[first]}"] = 1.0
        f[f"lastpos={features.pos[last]}"] = 1.0
        f[f"shape={features.shape[first]}"] = 1.0
        inside = set(indices)
        roots = [i for i in indices if features.head[i] not in inside or features.head[i] == i]
        for root in roots[:2]:
            f[f"root={features.pos[root]}|{features.dep[root]}"] = 1.0
            f[f"rootl={features.lemma[root]}"] = 1.0
        for k in (indices[0] - 2, indices[0] - 1, indices[-1] + 1, indices[-1] + 2):
            if 0 <= k < len(doc) and not features.tok[k].isspace():
                side = "L" if k < indices[0] else "R"
                f[f"ctx{side}={features.lower[k]}"] = 1.0
        coverage = n / max(features.sent_size[first], 1)
        f[f"cover={'all' if coverage > 0.8 else 'most' if coverage > 0.5 else 'part'}"] = 1.0
        if any(features.scare_quote[i] for i in indices):
            f["scare"] = 1.0
        if all(features.in_quote[i] for i in indices):
            f["inquote"] = 1.0
        for mark in features.sent_marks[first]:
            f[f"sent{mark}"] = 1.0
        lemmas = max((features.lemma_count[i] for i in indices if features.pos[i] in CONTENT_POS),
                     default=1)
        f[f"maxrep={_count_bucket(lemmas)}"] = 1.0
    fragment = features.text_lower[start:end].strip()
    if fragment:
        repeats = features.text_lower.count(fragment)  # a count, not an offset: how often it recurs
        f[f"repeat={_count_bucket(repeats)}"] = 1.0
        f[f"chars={min(len(fragment) // 10, 10)}"] = 1.0
    return f


def merge_intervals(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of character intervals that share at least one character, sorted."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class ArticleFeatures:
    """Article-wide rates that colour every sentence: how charged the whole text is."""

    def __init__(self, features: DocFeatures, seqs: Sequence[Sequence[int]]) -> None:
        words = max(sum(len(s) for s in seqs), 1)
        counts: Counter[str] = Counter(name for hits in features.lexicon for name in hits)
        self.rates = {name: counts[name] * 1000 / words for name in counts}
        self.exclaims = sum(features.lower[i] == "!" for s in seqs for i in s) * 1000 / words
        self.quoted = sum(features.in_quote[i] for s in seqs for i in s) / words


def _rate_bucket(rate: float) -> str:
    return "0" if rate == 0 else "lo" if rate < 5 else "mid" if rate < 15 else "hi"


def sentence_features(features: DocFeatures, article: ArticleFeatures,
                      seqs: Sequence[Sequence[int]], index: int) -> dict[str, float]:
    """Bag of features for "does sequence `index` contain a technique span?"."""
    sequence = seqs[index]
    f: dict[str, float] = {"bias": 1.0}
    lemmas = [features.lemma[i] for i in sequence]
    for i, lemma in zip(sequence, lemmas, strict=True):
        if features.shape[i] == "punct" and features.tok[i] not in "!?\"“”'‘’":
            continue
        f[f"l={lemma}"] = 1.0
        for name in features.lexicon[i]:
            f[f"lex={name}"] = f.get(f"lex={name}", 0.0) + 1.0
        if features.scare_quote[i]:
            f["scare"] = 1.0
        if features.pos[i] in CONTENT_POS and features.lemma_count[i] >= 3:
            f["rep3"] = f.get("rep3", 0.0) + 0.5
        if features.pos[i] in ("ADJ", "ADV"):
            f[f"{features.pos[i]}={lemma}"] = 1.0
    for a, b in zip(lemmas, lemmas[1:], strict=False):
        f[f"bi={a}|{b}"] = 1.0
    n = len(sequence)
    f[f"len={'s' if n < 8 else 'm' if n < 20 else 'l' if n < 40 else 'xl'}"] = 1.0
    f[f"pos={'title' if index == 0 else 'early' if index < 4 else 'body'}"] = 1.0
    if any(features.in_quote[i] for i in sequence):
        f["quoted"] = 1.0
    for name, rate in article.rates.items():
        f[f"art_{name}={_rate_bucket(rate)}"] = 1.0
    f[f"art!={_rate_bucket(article.exclaims)}"] = 1.0
    f[f"artq={'lo' if article.quoted < 0.1 else 'mid' if article.quoted < 0.3 else 'hi'}"] = 1.0
    for offset in (-1, 1):
        k = index + offset
        if 0 <= k < len(seqs):
            for i in seqs[k]:
                for name in features.lexicon[i]:
                    f[f"nb_lex={name}"] = 1.0
    return f
