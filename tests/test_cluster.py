"""The same pipeline on a Dask LocalCluster: the same records, in input order, Parquet parts, failed partitions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from chronicle.batch import run_batch
from chronicle.cluster import DaskCoder
from chronicle.pipeline import default_pipeline

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import write_corpus  # noqa: E402  (the project's own article templates)

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    # threads in this process: fast to start, and the pipeline is built once for both worker threads
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus") / "articles.jsonl", count=14, seed=3, words=100)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_local_cluster_gives_the_local_records_in_input_order_and_parquet(client, corpus, tmp_path):
    run_batch([str(corpus)], tmp_path / "local.jsonl", pipeline=default_pipeline())
    coder = DaskCoder(client, {}, partition_size=3)
    summary = run_batch([str(corpus)], tmp_path / "dask.jsonl", coder=coder, parquet=tmp_path / "parquet")
    assert summary.articles == 14 and summary.errors == 0
    assert _lines(tmp_path / "dask.jsonl") == _lines(tmp_path / "local.jsonl")
    import pyarrow.dataset as ds

    table = ds.dataset(str(tmp_path / "parquet"), format="parquet").to_table().sort_by("position")
    ids = [json.loads(line)["id"] for line in _lines(corpus)]
    assert table.column("id").to_pylist() == ids
    events = [json.loads(e) for e in table.column("events").to_pylist()]
    assert events == [json.loads(line)["events"] for line in _lines(tmp_path / "local.jsonl")]


def test_unordered_results_hold_every_article_once(client, corpus, tmp_path):
    coder = DaskCoder(client, {}, partition_size=2, ordered=False)
    run_batch([str(corpus)], tmp_path / "out.jsonl", coder=coder)
    ids = sorted(json.loads(line)["id"] for line in _lines(tmp_path / "out.jsonl"))
    assert ids == sorted(json.loads(line)["id"] for line in _lines(corpus))


def test_a_failing_partition_is_retried_then_reported_and_the_batch_goes_on(client, corpus, tmp_path):
    # a pipeline that cannot be built on the workers: every partition fails, every attempt
    coder = DaskCoder(client, {"spacy_model": "no_such_spacy_model"}, partition_size=5, retries=1, preload=False)
    summary = run_batch([str(corpus)], tmp_path / "out.jsonl", coder=coder)
    records = [json.loads(line) for line in _lines(tmp_path / "out.jsonl")]
    assert len(records) == 14 == summary.errors
    assert {r["error"]["code"] for r in records} == {"partition_failed"}
    assert "no_such_spacy_model" in records[0]["error"]["message"]
    assert [r["id"] for r in records] == [json.loads(line)["id"] for line in _lines(corpus)]
