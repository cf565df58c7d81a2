"""Guards on the test tree itself."""

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_test_modules_have_unique_basenames_outside_packages():
    # pytest's default import mode puts each test folder without __init__.py on sys.path,
    # so two test_x.py in such folders collide and the whole suite fails to collect.
    names = Counter(
        p.name for p in TESTS.rglob("test_*.py") if not (p.parent / "__init__.py").exists()
    )
    assert [n for n, c in names.items() if c > 1] == []
