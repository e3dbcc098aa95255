"""Second-stage span re-scorer: candidate spans per sentence, their features, the best set.

The first stage (sentence model + CRF) proposes many spans per sentence: the runs of tokens whose
CRF marginal of not being "O" reaches one of RUN_THRESHOLDS, the whole sentence, its clause-sized
pieces (cut at commas, colons, dashes, brackets and quotation marks) and the sentence without its
first or last piece.  `candidate_features` describes each from span-level evidence (mean/min/max
marginal, the marginals just outside it, the sentence score and how many runs it has, length and
coverage, lexicon hits, boundary tokens, quotes, and the sentence's context: its neighbours'
scores, its place in the article, the article's mean score); the model scores its expected SI
precision and recall credit, and `choose` keeps the non-overlapping candidates with the largest
total gain.
Positions are indices into one tagging sequence.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

from presswatch.techniques.features import DocFeatures

Candidate = tuple[int, int]  # first and last position (inclusive) in the sequence
RUN_THRESHOLDS = (0.1, 0.25, 0.4, 0.6)
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "--", "(", ")", "\"", "“", "”", "‘", "’"})


def split_runs(positions: Sequence[int], gap: int) -> list[Candidate]:
    """`(first, last)` runs of sorted positions; runs at most `gap` missing positions apart join."""
    found: list[Candidate] = []
    for position in positions:
        if found and position - found[-1][1] - 1 <= gap:
            found[-1] = (found[-1][0], position)
        else:
            found.append((position, position))
    return found


def runs(inside: Sequence[float], threshold: float) -> list[Candidate]:
    """Maximal runs of positions whose marginal reaches `threshold`."""
    return split_runs([position for position, value in enumerate(inside) if value >= threshold], 0)


def pieces(features: DocFeatures, sequence: Sequence[int]) -> list[Candidate]:
    """Clause-sized pieces of a sequence, cut at CLAUSE_BREAKS tokens (which are left out)."""
    found: list[Candidate] = []
    start = None
    for position, i in enumerate([*sequence, -1]):
        is_break = i < 0 or features.tok[i] in CLAUSE_BREAKS
        if not is_break and start is None:
            start = position
        elif is_break and start is not None:
            found.append((start, position - 1))
            start = None
    return found


def candidates(features: DocFeatures, sequence: Sequence[int], inside: Sequence[float]
               ) -> dict[Candidate, set[str]]:
    """Candidate spans of one sequence, each with the generators that proposed it."""
    found: dict[Candidate, set[str]] = {}
    for threshold in RUN_THRESHOLDS:
        for run in runs(inside, threshold):
            found.setdefault(run, set()).add(f"run{threshold}")
    split = pieces(features, sequence)
    if len(split) > 1:
        for piece in split:
            found.setdefault(piece, set()).add("piece")
        found.setdefault((split[0][0], split[-2][1]), set()).add("head")
        found.setdefault((split[1][0], split[-1][1]), set()).add("tail")
    if sequence:
        found.setdefault((0, len(sequence) - 1), set()).add("sentence")
    return found


def _bucket(value: float, edges: Sequence[float]) -> int:
    return sum(value >= edge for edge in edges)


MARGINAL_EDGES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


SCORE_EDGES = (0.2, 0.4, 0.6, 0.8)


def sentence_context(scores: Sequence[float], index: int) -> dict[str, float]:
    """Features every candidate of sequence `index` shares: the neighbouring sequences' sentence
    scores, where the sequence sits in the article and how charged the whole article looks."""
    size = len(scores)
    before = scores[index - 1] if index > 0 else 0.0
    after = scores[index + 1] if index + 1 < size else 0.0
    mean = sum(scores) / size
    charged = sum(score >= 0.5 for score in scores) / size
    return {"prev": before, "next": after, "art_mean": mean,
            f"prev_b={_bucket(before, SCORE_EDGES)}": 1.0,
            f"next_b={_bucket(after, SCORE_EDGES)}": 1.0,
            f"at={'title' if index == 0 else 'early' if index < 4 else 'body'}": 1.0,
            f"relpos_b={_bucket(index / size, (0.2, 0.4, 0.6, 0.8))}": 1.0,
            f"art_mean_b={_bucket(mean, (0.2, 0.3, 0.4, 0.5, 0.6))}": 1.0,
            f"art_charged_b={_bucket(charged, (0.1, 0.2, 0.3, 0.45, 0.6))}": 1.0}


def candidate_features(features: DocFeatures, sequence: Sequence[int], inside: Sequence[float],
                       score: float, candidate: Candidate, sources: set[str],
                       context: dict[str, float]) -> dict[str, float]:
    """Span-level features of one candidate (see the module docstring); `context` is its
    sequence's `sentence_context`."""
    first, last = candidate
    values = inside[first:last + 1]
    size = len(sequence)
    n = last - first + 1
    total = sum(values)
    mean = total / n
    rest = sum(inside) - total
    left = inside[first - 1] if first > 0 else 0.0
    right = inside[last + 1] if last + 1 < size else 0.0
    f: dict[str, float] = {"bias": 1.0, "mean": mean, "max": max(values), "min": min(values),
                           "sent": score, "sent*mean": score * mean, "edge": max(left, right),
                           "outside": rest / (size - n) if size > n else 0.0,
                           "logn": math.log(n), "cover": n / size, "smax": max(inside), **context}
    for source in sources:
        f[f"src={source}"] = 1.0
    f[f"mean_b={_bucket(mean, MARGINAL_EDGES)}"] = 1.0
    f[f"min_b={_bucket(min(values), MARGINAL_EDGES)}"] = 1.0
    f[f"max_b={_bucket(max(values), MARGINAL_EDGES)}"] = 1.0
    f[f"sent_b={_bucket(score, MARGINAL_EDGES)}"] = 1.0
    f[f"n_b={_bucket(n, (2, 3, 5, 8, 13, 21, 34))}"] = 1.0
    f[f"slen_b={_bucket(size, (8, 15, 25, 40))}"] = 1.0
    f[f"nruns={min(len(runs(inside, 0.4)), 3)}"] = 1.0
    f[f"cover_b={_bucket(n / size, (0.2, 0.4, 0.6, 0.8, 0.99))}"] = 1.0
    indices = sequence[first:last + 1]
    hits = sum(bool(features.lexicon[i]) for i in indices)
    f[f"lex_b={min(hits, 3)}"] = 1.0
    for name in {name for i in indices for name in features.lexicon[i]}:
        f[f"lex={name}"] = 1.0
    f[f"firstpos={features.pos[indices[0]]}"] = 1.0
    f[f"lastpos={features.pos[indices[-1]]}"] = 1.0
    before = features.tok[sequence[first - 1]] if first > 0 else "<s>"
    after = features.tok[sequence[last + 1]] if last + 1 < size else "</s>"
    f[f"before={before if before in CLAUSE_BREAKS or before == '<s>' else features.pos[sequence[first - 1]]}"] = 1.0
    f[f"after={after if after in CLAUSE_BREAKS or after in ('</s>', '.', '!', '?') else features.pos[sequence[last + 1]]}"] = 1.0
    if any(features.scare_quote[i] for i in indices):
        f["scare"] = 1.0
    if all(features.in_quote[i] for i in indices):
        f["inquote"] = 1.0
    return f


def choose(spans: Sequence[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The non-overlapping `(start, end, gain)` spans with the largest total positive gain.

    Weighted interval scheduling (dynamic programming over spans sorted by end); spans that
    share no character do not overlap.
    """
    ordered = sorted((s for s in spans if s[2] > 0), key=lambda s: (s[1], s[0]))
    ends = [end for _, end, _ in ordered]
    best = [0.0]  # best[k]: best total over the first k spans
    take: list[bool] = []
    previous: list[int] = []
    for start, _, gain in ordered:
        k = bisect.bisect_right(ends, start, 0, len(previous))  # spans ending at or before start
        previous.append(k)
        with_it = best[k] + gain
        take.append(with_it > best[-1])
        best.append(max(with_it, best[-1]))
    chosen = []
    k = len(ordered)
    while k > 0:
        if take[k - 1]:
            chosen.append(ordered[k - 1])
            k = previous[k - 1]
        else:
            k -= 1
    return sorted(chosen)


Scored = Sequence[tuple[int, int, float, float]]  # (start, end, expected precision, expected recall)


def gain_spans(scored: Scored, weight: float, threshold: float) -> list[tuple[int, int, float]]:
    """`choose` over scored candidates with gain `precision + weight * recall - threshold`."""
    return choose([(s, e, pr + weight * rc - threshold) for s, e, pr, rc in scored])


def fixed_gain(articles: Sequence[Scored], expected_gold: float, weight: float = 0.7,
               threshold: float = 0.4, rounds: int = 50) -> tuple[float, float]:
    """The gain weight and threshold at which the chosen spans maximise their own expected F1.

    With A and B the expected precision and recall credits of the chosen spans, N their number
    and G the expected number of gold spans, SI F1 = 2AB / (AG + BN); adding a span with credits
    (p, r) changes it in proportion to p + (A²G / B²N)·r − A/N.  Starting from (weight,
    threshold), the spans are chosen, A, B and N summed over `articles`, and the pair moved
    halfway to (A²G / B²N, A/N) until it stops moving.  No gold label is read: G is
    `expected_gold` (e.g. the training data's gold spans per character times the characters).
    """
    for _ in range(rounds):
        precision = recall = count = 0.0
        for scored in articles:
            credit = {(s, e): (pr, min(rc, 1.0)) for s, e, pr, rc in scored}
            for start, end, _ in gain_spans(scored, weight, threshold):
                precision += credit[(start, end)][0]
                recall += credit[(start, end)][1]
                count += 1
        if not count or not recall:
            break
        target = (precision ** 2 * expected_gold / (recall ** 2 * count), precision / count)
        if abs(target[0] - weight) < 1e-3 and abs(target[1] - threshold) < 1e-3:
            break
        weight, threshold = (weight + target[0]) / 2, (threshold + target[1]) / 2
    return round(weight, 4), round(threshold, 4)
