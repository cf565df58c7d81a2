"""Long runs keep the shared spaCy vocabulary flat: each batch is parsed in a
memory zone, and what comes out is the same as without one."""

import json
import random
import string
import threading

import pytest

from chronicle.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipelines():
    return Pipeline(batch_size=8), Pipeline(batch_size=8, memory_zones=False)


def _new_words_articles(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(11))

    return [f"Police in Basra arrested {word()} and {word()} on Monday after a march by {word()} workers. "
            f"The {word()} union said 40 people were detained." for _ in range(count)]


def _lines(records) -> list[str]:
    return [json.dumps(r.to_dict(), sort_keys=True) for r in records]


def test_words_of_past_articles_do_not_stay_in_the_vocabulary(pipelines):
    zoned, _ = pipelines
    list(zoned.process_many(_new_words_articles(3, seed=1)))
    before = len(zoned.nlp.vocab.strings)
    records = list(zoned.process_many(_new_words_articles(40, seed=2)))
    assert all(r.error is None for r in records)
    # 40 articles bring about 160 words the model has never seen
    assert len(zoned.nlp.vocab.strings) <= before + 5


def test_records_are_the_same_with_and_without_zones(pipelines):
    zoned, plain = pipelines
    texts = _new_words_articles(20, seed=3)
    assert _lines(zoned.process_many(texts)) == _lines(plain.process_many(texts))


def test_a_batch_started_while_another_is_open_on_the_same_thread(pipelines):
    zoned, plain = pipelines
    outer_texts, inner_texts = _new_words_articles(10, seed=4), _new_words_articles(3, seed=5)
    outer, inner = [], []
    for record in zoned.process_many(outer_texts):
        outer.append(record)
        inner.append(zoned.process(inner_texts[len(inner) % 3]))
    assert _lines(outer) == _lines(plain.process_many(outer_texts))
    assert _lines(inner) == _lines(plain.process(inner_texts[i % 3]) for i in range(10))


def test_threads_sharing_one_model_get_the_records_they_would_alone(pipelines):
    zoned, plain = pipelines
    texts = {n: _new_words_articles(12, seed=10 + n) for n in range(3)}
    results: dict[int, list[str]] = {}

    def run(n: int) -> None:
        results[n] = _lines(zoned.process_many(texts[n]))

    threads = [threading.Thread(target=run, args=(n,)) for n in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    for n in texts:
        assert results[n] == _lines(plain.process_many(texts[n]))


def test_a_stream_left_half_read_does_not_block_other_threads(pipelines):
    """A consumer that takes one record and moves on (Pipeline.process does) leaves its
    generator suspended; the model must not stay locked by it, and closing it on
    another thread (a threaded Dask worker, the garbage collector) must not fail."""
    zoned, plain = pipelines
    texts = _new_words_articles(8, seed=6)
    stream = zoned.process_many(texts)
    first = next(stream)
    assert first.error is None

    other: list = []
    worker = threading.Thread(target=lambda: other.extend(zoned.process_many(texts[:3])))
    worker.start()
    worker.join(120)
    assert not worker.is_alive(), "another thread waited on the half-read stream's model lock"
    assert _lines(other) == _lines(plain.process_many(texts[:3]))

    closed: list = []
    closer = threading.Thread(target=lambda: (stream.close(), closed.append(True)))
    closer.start()
    closer.join(30)
    assert closed == [True]
    assert zoned.process(texts[0]).error is None
