"""Small inline SVG charts computed in Python: the QuadClass timeline and monthly bars.

Charts are plain records of rectangles and labels; templates draw them (all numbers, no markup).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from presswatch.monitor.series import period_of
from presswatch.store.browsing import Count, QuadCount
from presswatch.web.glossary import QUAD_CLASSES

WIDTH, HEIGHT = 900, 160
MAX_MONTH_WIDTH = 40  # a speaker quoted in one month gets a bar, not a block


@dataclass(frozen=True)
class Bar:
    """One rectangle of a chart, with its class (colour) and hover text."""

    x: float
    y: float
    width: float
    height: float
    css: str
    title: str


@dataclass(frozen=True)
class Tick:
    """An axis label at x."""

    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    """A drawable chart: size, bars, axis ticks, the largest stacked value and the period unit."""

    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    peak: int
    frequency: str


def pick_frequency(days: Iterable[str]) -> str:
    """'day' for spans up to 120 days, else 'week'."""
    values = sorted(days)
    if not values:
        return "day"
    span = date.fromisoformat(values[-1][:10]) - date.fromisoformat(values[0][:10])
    return "day" if span.days <= 120 else "week"


def quad_timeline(counts: list[QuadCount], frequency: str | None = None) -> Chart:
    """Stacked bars of event clusters per day or week, one colour per QuadClass."""
    frequency = frequency or pick_frequency(c.day for c in counts)
    per_period: dict[str, dict[int | None, int]] = defaultdict(lambda: defaultdict(int))
    for count in counts:
        per_period[period_of(count.day, frequency)][count.quad_class] += count.count
    if not per_period:
        return Chart(WIDTH, HEIGHT, (), (), 0, frequency)
    step = 7 if frequency == "week" else 1
    first, last = date.fromisoformat(min(per_period)), date.fromisoformat(max(per_period))
    slots = (last - first).days // step + 1
    slot_width = WIDTH / slots
    peak = max(sum(values.values()) for values in per_period.values())
    bars = []
    for period, values in sorted(per_period.items()):
        x = (date.fromisoformat(period) - first).days // step * slot_width
        top = HEIGHT
        for quad in (1, 2, 3, 4, None):
            if not values.get(quad):
                continue
            height = values[quad] / peak * (HEIGHT - 10)
            top -= height
            label = QUAD_CLASSES.get(quad, "unclassified") if quad else "unclassified"
            bars.append(Bar(round(x, 2), round(top, 2), round(max(slot_width - 1, 1.5), 2), round(height, 2),
                            f"quad{quad or 0}", f"{period}: {values[quad]} {label}"))
    return Chart(WIDTH, HEIGHT, tuple(bars), _ticks(first, last, step, slot_width), peak, frequency)


def _ticks(first: date, last: date, step: int, slot_width: float, wanted: int = 6) -> tuple[Tick, ...]:
    slots = (last - first).days // step + 1
    every = max(1, slots // wanted)
    return tuple(Tick(round(i * slot_width, 2), (first + timedelta(days=i * step)).isoformat())
                 for i in range(0, slots, every))


def month_bars(counts: list[Count], width: int = 420, height: int = 60) -> Chart:
    """Bars of a count per month (YYYY-MM labels), months without data left empty."""
    if not counts:
        return Chart(width, height, (), (), 0, "month")
    months = _months(counts[0].label, counts[-1].label)
    values = {count.label: count.count for count in counts}
    slot = min(width / len(months), MAX_MONTH_WIDTH)
    peak = max(values.values())
    bars = tuple(Bar(round(i * slot, 2), round(height - values[m] / peak * (height - 4), 2),
                     round(max(slot - 1, 1.5), 2), round(values[m] / peak * (height - 4), 2), "quote-bar",
                     f"{m}: {values[m]} quotes") for i, m in enumerate(months) if m in values)
    ticks = (Tick(0, months[0]), Tick(round((len(months) - 1) * slot, 2), months[-1])) if len(months) > 1 else (Tick(0, months[0]),)
    return Chart(width, height, bars, ticks, peak, "month")


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    found = []
    while f"{year:04d}-{month:02d}" <= last:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found
