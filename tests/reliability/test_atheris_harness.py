"""The atheris harness (fuzz_readers_atheris.py) stays runnable: every target reads its own
seeds through the same checks the fuzzer applies, without atheris (which `make test` does not need)."""

from __future__ import annotations

import pytest

from fuzz_readers_atheris import TARGETS, Targets, seeds


@pytest.fixture(scope="module")
def targets(tmp_path_factory):
    return Targets(str(tmp_path_factory.mktemp("atheris")))


@pytest.mark.parametrize("target", TARGETS)
def test_every_target_reads_its_seeds(targets, target):
    for seed in seeds(target):
        targets.run(target, seed)
        # and a cut seed, as a mutation would make it
        targets.run(target, seed[: len(seed) // 3])


def test_a_broken_invariant_is_a_finding(targets, monkeypatch):
    import chronicle.ingest as ingest

    # a reader that returned an Article without text and without saying why must be reported
    monkeypatch.setattr(ingest, "read_article", lambda source, **f: __import__("chronicle.record").record.Article(text=""))
    with pytest.raises(AssertionError):
        targets.run("text", b"Police fired tear gas in Basra.")
