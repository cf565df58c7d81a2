"""Helpers of the top-level batch and record tests (a module, not conftest: test modules
import it by name, and each test folder has a conftest of its own)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def line_ids(path: Path) -> list[str]:
    """The `id` of every JSON line of a file, in order (an input corpus or an output)."""
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]
