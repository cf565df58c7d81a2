"""Loads every resource once and runs the stages over one article or a stream.

    ingest -> spaCy -> places -> times -> actors -> events -> ArticleRecord

Each stage is an object built once here and called per article with the
annotations of the stages before it (chronicle.stage.Annotations).
"""

from __future__ import annotations

import time
from collections import defaultdict
from typing import Any, Iterable, Iterator

from chronicle.record import Article, ArticleRecord, content_id, error_record

# Articles are parsed in batches through nlp.pipe; this many are held at once.
DEFAULT_BATCH_SIZE = 32


class Pipeline:
    """Chronicle's full pipeline. Build once, then `process` or `process_many`.

    settings:
      spacy_model   name of an installed spaCy English pipeline (default: the packaged one)
      actors_files  extra actor knowledge-base files (YAML) to load beside the shipped one
      batch_size    articles parsed together by nlp.pipe (default 32)
      spacy_exclude spaCy components to skip; by default those that no stage needs
                    (a stage may declare `spacy_components = {"parser", "ner", ...}`;
                    while any stage declares nothing, every component runs)
    """

    def __init__(self, spacy_model: str | None = None, actors_files: Iterable[str] = (), **settings: Any):
        from chronicle.actors import ActorStage
        from chronicle.events import EventStage
        from chronicle.nlp import load_nlp
        from chronicle.places import PlaceStage
        from chronicle.times import TimeStage

        self.batch_size = int(settings.pop("batch_size", DEFAULT_BATCH_SIZE))
        exclude = settings.pop("spacy_exclude", None)
        self.nlp = load_nlp(spacy_model)
        self.stages = [
            PlaceStage(**settings),
            TimeStage(**settings),
            ActorStage(extra_files=tuple(actors_files), **settings),
            EventStage(**settings),
        ]
        # Components are skipped per call (nlp.pipe(disable=...)), never removed from the
        # process-wide model that load_nlp shares with the explain commands.
        self.spacy_disabled: tuple[str, ...] = (
            tuple(c for c in exclude if c in self.nlp.pipe_names) if exclude is not None
            else unneeded_components(self.nlp, self.stages)
        )
        # seconds spent per stage, for the benchmark's profile
        self.timings: dict[str, float] = defaultdict(float)

    # -- one article -------------------------------------------------------
    def process(self, source: str | bytes | Article, published: str | None = None, url: str | None = None, **fields: Any) -> ArticleRecord:
        """Extract the record of one article given as text, HTML or an `Article`."""
        return next(self.process_many([self._to_article(source, published, url, fields)]))

    # -- a stream ------------------------------------------------------------
    def process_many(self, items: Iterable[str | bytes | Article | ArticleRecord], batch_size: int | None = None) -> Iterator[ArticleRecord]:
        """Stream records in input order. Error records in the input pass through;
        an article that fails inside a stage yields an error record, never an exception."""
        batch_size = batch_size or self.batch_size
        batch: list[Article | ArticleRecord] = []
        for item in items:
            if isinstance(item, (Article, ArticleRecord)):
                batch.append(item)
            else:
                t0 = time.perf_counter()
                try:
                    batch.append(self._to_article(item, None, None, {}))
                except Exception as exc:  # noqa: BLE001 - unreadable input: a record, not a crash
                    batch.append(error_record("unreadable", f"{type(exc).__name__}: {exc}"))
                self.timings["ingest"] += time.perf_counter() - t0
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _to_article(self, source: Any, published: str | None, url: str | None, fields: dict) -> Article:
        if isinstance(source, Article):
            return source
        from chronicle.ingest import read_article

        return read_article(source, published=published, url=url, **fields)

    def _run_batch(self, batch: list[Article | ArticleRecord]) -> Iterator[ArticleRecord]:
        articles = [a for a in batch if isinstance(a, Article) and a.text.strip()]
        # One nlp.pipe over the batch: spaCy's batching is where most of its speed comes from.
        docs = self.nlp.pipe((a.text for a in articles), batch_size=self.batch_size, disable=self.spacy_disabled)
        parsed = 0  # docs taken so far, to restart after a failed batched parse
        for item in batch:
            if isinstance(item, ArticleRecord):
                yield item
                continue
            if not item.text.strip():
                yield error_record("empty", "no article text found", id=item.id, source=item.source)
                continue
            t0 = time.perf_counter()
            try:
                doc = next(docs)  # nlp.pipe is lazy: parsing happens here
            except Exception:  # noqa: BLE001 - the batch's parse broke: parse the rest one by one
                docs = self._parse_one_by_one(articles[parsed:])
                doc = next(docs)
            parsed += 1
            self.timings["spacy"] += time.perf_counter() - t0
            if isinstance(doc, Exception):
                yield error_record("parse_failed", f"{type(doc).__name__}: {doc}", id=item.id, source=item.source)
                continue
            try:
                yield self.annotate(item, doc)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
                yield error_record("internal", f"{type(exc).__name__}: {exc}", id=item.id, source=item.source)

    def _parse_one_by_one(self, articles: list[Article]) -> Iterator[Any]:
        """Docs (or the exception that one text raised) after a batched parse failed."""
        for article in articles:
            try:
                yield self.nlp(article.text, disable=self.spacy_disabled)
            except Exception as exc:  # noqa: BLE001 - reported as that article's error record
                yield exc

    def annotate(self, article: Article, doc: Any) -> ArticleRecord:
        """Run the stages over one parsed article and assemble its record."""
        from chronicle.stage import Annotations

        ann = Annotations(article=article, doc=doc, published=_iso_date(article.published))
        for stage in self.stages:
            t0 = time.perf_counter()
            result = stage(ann)
            setattr(ann, stage.name, result)
            self.timings[stage.name] += time.perf_counter() - t0
        return ArticleRecord(
            id=article.id or content_id(article.text),
            title=article.title,
            outlet=article.outlet,
            url=article.url,
            language=article.language,
            published=ann.published,
            published_evidence=article.published_evidence,
            text=article.text,
            places=ann.places,
            times=ann.times,
            actors=ann.actors,
            events=ann.events,
            byline=article.byline,
            tags=list(article.tags),
            section=article.section,
            source=article.source,
            story_id=article.meta.get("story_id"),
            outlets=list(article.meta.get("outlets", [])),
        )


# What a component needs to run: the components that set the attributes it reads.
_COMPONENT_NEEDS = {
    "tagger": {"tok2vec"},
    "parser": {"tok2vec"},
    "senter": {"tok2vec"},
    "morphologizer": {"tok2vec"},
    "attribute_ruler": {"tagger"},
    "lemmatizer": {"attribute_ruler", "tagger"},
    "ner": set(),  # the small English pipelines' ner carries its own tok2vec
}


def unneeded_components(nlp: Any, stages: Iterable[Any]) -> tuple[str, ...]:
    """spaCy components that no stage reads, from each stage's `spacy_components`.

    A stage that declares nothing may read anything, so then nothing is skipped.
    """
    wanted: set[str] = set()
    for stage in stages:
        declared = getattr(stage, "spacy_components", None)
        if declared is None:
            return ()
        wanted |= set(declared)
    frontier = list(wanted)
    while frontier:
        for need in _COMPONENT_NEEDS.get(frontier.pop(), ()):
            if need not in wanted:
                wanted.add(need)
                frontier.append(need)
    return tuple(name for name in nlp.pipe_names if name not in wanted)


def _iso_date(value: str | None) -> str | None:
    """The date part of an ISO date or datetime (events are dated by day at best)."""
    if not value:
        return None
    return value[:10] if len(value) >= 10 and value[4] == "-" else value


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The process-wide pipeline behind `chronicle.extract` (built on first use)."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def extract(text_or_html: str | bytes, published: str | None = None, url: str | None = None, **fields: Any) -> dict:
    """Extract the record of one article (text or HTML) as a plain dict (CONTRACT.md)."""
    return default_pipeline().process(text_or_html, published=published, url=url, **fields).to_dict()
