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

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

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

    def baselines(self, key: str, periods: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(median, spread) of the `window` periods before each of `periods` (sorted) for `key`."""
        step = timedelta(days=self.step_days)
        first = date.fromisoformat(periods[0]) - step * self.window
        count = (date.fromisoformat(periods[-1]) - first) // step + 1
        known = self.values_.get(key, {})
        timeline = np.array([known.get((first + step * n).isoformat(), 0.0) for n in range(count)])
        windows = sliding_window_view(timeline[:-1], self.window)  # windows[i] precedes timeline[i + window]
        positions = np.array([(date.fromisoformat(p) - first) // step - self.window for p in periods])
        chosen = windows[positions]
        centre = np.median(chosen, axis=1)
        spread = np.maximum(1.4826 * np.median(np.abs(chosen - centre[:, None]), axis=1), self.min_spread)
        return centre, spread

    def predict(self, recent: Iterable[SeriesPoint]) -> list[Alert]:
        """Alerts for the points of `recent` that jump above their baseline, strongest first."""
        by_key: dict[str, list[SeriesPoint]] = defaultdict(list)
        for point in recent:
            if float(getattr(point, self.metric)) >= self.min_value:
                by_key[point.key].append(point)
        alerts = []
        for key, points in by_key.items():
            points.sort(key=lambda point: point.period)
            centre, spread = self.baselines(key, [point.period for point in points])
            for point, middle, scale in zip(points, centre, spread, strict=True):
                value = float(getattr(point, self.metric))
                score = (value - middle) / scale
                if score >= self.z:
                    alerts.append(Alert(key, point.period, self.metric, value, float(middle), round(float(score), 2),
                                        point.clusters[:10]))
        return sorted(alerts, key=lambda a: (-a.score, a.period, a.key))
