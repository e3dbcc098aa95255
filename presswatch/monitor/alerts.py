"""Escalation alerts: a series value far above its own trailing baseline.

Rule (robust z-score): for each period, the baseline is the median of the metric over the
`window` periods before it (missing periods count as 0) and the spread is 1.4826 x the median
absolute deviation, floored at `min_spread` so that a quiet baseline does not make every event
an alert.  An alert fires when (value - baseline) / spread >= `z` and value >= `min_value`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from statistics import median

from presswatch.monitor.records import Alert, SeriesPoint

METRICS = ("intensity", "events", "violence", "protests")


class EscalationDetector:
    """scikit-learn-shaped detector: `fit(history)` learns baselines, `predict(recent)` gives alerts."""

    def __init__(self, metric: str = "intensity", window: int = 28, z: float = 3.0, min_value: float = 10.0,
                 min_spread: float = 2.0, step_days: int = 1) -> None:
        self.metric = metric
        self.window = window
        self.z = z
        self.min_value = min_value
        self.min_spread = min_spread
        self.step_days = step_days

    def fit(self, history: Iterable[SeriesPoint]) -> EscalationDetector:
        """Remember each key's values by period (the baseline source)."""
        if self.metric not in METRICS:
            raise ValueError(f"metric must be one of {METRICS}, not {self.metric!r}")
        self.values_: dict[str, dict[str, float]] = defaultdict(dict)
        for point in history:
            self.values_[point.key][point.period] = float(getattr(point, self.metric))
        return self

    def baseline(self, key: str, period: str) -> tuple[float, float]:
        """(median, spread) of the `window` periods before `period` for `key`."""
        day = date.fromisoformat(period)
        known = self.values_.get(key, {})
        values = [known.get((day - timedelta(days=self.step_days * back)).isoformat(), 0.0)
                  for back in range(1, self.window + 1)]
        centre = median(values)
        spread = max(1.4826 * median(abs(value - centre) for value in values), self.min_spread)
        return centre, spread

    def predict(self, recent: Iterable[SeriesPoint]) -> list[Alert]:
        """Alerts for the points of `recent` that jump above their baseline, strongest first."""
        alerts = []
        for point in recent:
            value = float(getattr(point, self.metric))
            if value < self.min_value:
                continue
            centre, spread = self.baseline(point.key, point.period)
            score = (value - centre) / spread
            if score >= self.z:
                alerts.append(Alert(point.key, point.period, self.metric, value, centre, round(score, 2),
                                    point.clusters[:10]))
        return sorted(alerts, key=lambda a: (-a.score, a.period, a.key))
