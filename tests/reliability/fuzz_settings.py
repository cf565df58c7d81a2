"""How many inputs each property tries: the default keeps `make test` fast on two
shared cores; CHRONICLE_FUZZ_SCALE multiplies every count for a deep run by hand.

    CHRONICLE_FUZZ_SCALE=20 python -m pytest -q tests/reliability --hypothesis-show-statistics
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

SCALE = max(0.01, float(os.environ.get("CHRONICLE_FUZZ_SCALE", "1")))

_QUIET = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]


def fuzz(examples: int) -> settings:
    """Settings for a property that tries `examples` inputs (times the scale) with no per-input deadline."""
    return settings(max_examples=max(1, round(examples * SCALE)), deadline=None, suppress_health_check=_QUIET)
