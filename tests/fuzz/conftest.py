"""Hypothesis settings for the fuzz tests: no deadline, modest example counts.

`PRESSWATCH_FUZZ_SCALE=10 pytest tests/fuzz` multiplies every example count for a longer run.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "presswatch-fuzz",
    deadline=None,
    print_blob=True,
    suppress_health_check=(HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much),
)
settings.load_profile("presswatch-fuzz")
