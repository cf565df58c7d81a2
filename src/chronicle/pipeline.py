"""Loads every resource once and runs the stages over one article or a stream.

    ingest -> spaCy -> places -> times -> actors -> events -> ArticleRecord

Each stage is an object built once here and called per article with the
annotations of the stages before it (chronicle.stage.Annotations).
"""

from __future__ import annotations

import gc
import re
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from chronicle.record import Article, ArticleRecord, content_id, error_record

# Articles are parsed in batches through nlp.pipe; this many are held at once.
DEFAULT_BATCH_SIZE = 32


class Pipeline:
    """Chronicle's full pipeline. Build once, then `process` or `process_many`.

    settings: every one is declared in chronicle/settings.py (its owner, default and
    meaning); an unknown setting raises SettingsError before anything loads, and each
    stage receives only its own. The pipeline's own:
      spacy_model   name of an installed spaCy English pipeline (default: the packaged one)
      actors_files  extra actor knowledge-base files (YAML) to load beside the shipped one
      batch_size    articles parsed together by nlp.pipe (default 32)
      spacy_exclude spaCy components to skip; by default those that no stage needs
                    (a stage may declare `spacy_components = {"parser", "ner", ...}`;
                    while any stage declares nothing, every component runs)
      fast_attribute_rules  run the model's attribute_ruler by table lookup (same output; default True)
      memory_zones  parse each batch inside a spaCy memory zone, so the words of past articles
                    do not stay in the shared vocabulary for the life of the process (default True)
    """

    def __init__(self, spacy_model: str | None = None, actors_files: Iterable[str] = (), **settings: Any):
        from chronicle.actors import ActorStage
        from chronicle.events import EventStage
        from chronicle.nlp import load_nlp
        from chronicle.places import PlaceStage
        from chronicle.settings import check_settings, settings_for
        from chronicle.times import TimeStage

        check_settings(settings)
        self.batch_size = int(settings.pop("batch_size", DEFAULT_BATCH_SIZE))
        exclude = settings.pop("spacy_exclude", None)
        fast_rules = settings.pop("fast_attribute_rules", True)
        self.memory_zones = bool(settings.pop("memory_zones", True))
        self.nlp = load_nlp(spacy_model)
        self.stages = [
            PlaceStage(**settings_for("places", settings)),
            TimeStage(**settings_for("times", settings)),
            ActorStage(extra_files=tuple(actors_files), **settings_for("actors", settings)),
            EventStage(**settings_for("events", settings)),
        ]
        # Components are skipped per call (nlp.pipe(disable=...)), never removed from the
        # process-wide model that load_nlp shares with the explain commands.
        self.spacy_disabled: tuple[str, ...] = (
            tuple(c for c in exclude if c in self.nlp.pipe_names) if exclude is not None
            else unneeded_components(self.nlp, self.stages)
        )
        # spaCy's attribute_ruler, and the lemmatizer that must follow it, are run here by
        # TokenAttributeRules when it can (identical output, a fraction of the cost)
        self._after_parse: list[Any] = []
        self._skipped_in_pipe = self.spacy_disabled
        if fast_rules and "attribute_ruler" in self.nlp.pipe_names \
                and "attribute_ruler" not in self.spacy_disabled:
            rules = TokenAttributeRules.build(self.nlp.get_pipe("attribute_ruler"), self.nlp.vocab.strings)
            after = [n for n in self.nlp.pipe_names[self.nlp.pipe_names.index("attribute_ruler") + 1:]
                     if n not in self.spacy_disabled]
            # only when what follows the ruler is the lemmatizer (which reads POS) and components
            # that read nothing the ruler sets (ner), so moving them after it changes nothing
            if rules is not None and set(after) <= {"lemmatizer", "ner"}:
                self._after_parse = [rules] + ([self.nlp.get_pipe("lemmatizer")] if "lemmatizer" in after else [])
                moved = ("attribute_ruler", "lemmatizer") if "lemmatizer" in after else ("attribute_ruler",)
                self._skipped_in_pipe = self.spacy_disabled + moved
        # seconds spent per stage, for the benchmark's profile
        self.timings: dict[str, float] = defaultdict(float)
        _freeze_loaded_objects()

    # -- one article -------------------------------------------------------
    def process(self, source: str | bytes | Article, published: str | None = None, url: str | None = None, **fields: Any) -> ArticleRecord:
        """Extract the record of one article given as text, HTML or an `Article`.
        Input that cannot be read gives an error record (as in a batch), not an exception."""
        try:
            article: Article | ArticleRecord = self._to_article(source, published, url, fields)
        except Exception as exc:  # noqa: BLE001 - same contract as process_many
            article = _ingest_error_record(exc)
        return next(self.process_many([article]))

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
                    batch.append(_ingest_error_record(exc))
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
        # Every record is built (plain Python values) before the zone ends; no Doc leaves it.
        # The whole batch is built before the first record is yielded: a zone holds its
        # model's lock, and a generator suspended inside it would hold the lock for as long
        # as its consumer waits, or forever if it is closed on another thread (a threaded
        # Dask worker then hangs: the lock cannot be released there).
        with _memory_zone(self.nlp, self.memory_zones):
            records = list(self._run_batch_in_zone(batch))
        yield from records

    def _run_batch_in_zone(self, batch: list[Article | ArticleRecord]) -> Iterator[ArticleRecord]:
        articles = [a for a in batch if isinstance(a, Article) and a.text.strip()]
        # One nlp.pipe over the batch: spaCy's batching is where most of its speed comes from.
        docs = self._parsed(self.nlp.pipe((a.text for a in articles), batch_size=self.batch_size, disable=self._skipped_in_pipe))
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
                yield next(self._parsed(iter([self.nlp(article.text, disable=self._skipped_in_pipe)])))
            except Exception as exc:  # noqa: BLE001 - reported as that article's error record
                yield exc

    def _parsed(self, docs: Iterator[Any]) -> Iterator[Any]:
        """Docs with the components run outside nlp.pipe (see TokenAttributeRules) applied."""
        for doc in docs:
            for component in self._after_parse:
                doc = component(doc)
            yield doc

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
            notes=list(article.notes),
        )


_frozen = False


def _freeze_loaded_objects() -> None:
    """What the first pipeline loads (the spaCy model, gazetteer, knowledge base, classifiers)
    lives as long as the process: it is moved out of the cyclic collector's sight, once and
    after a collection (so no garbage is kept), and the collector's full passes no longer walk
    it again and again while articles are coded (2.9 -> 0.6 ms an article spent collecting,
    measured on the benchmark corpus). Once per process: a pipeline built later and dropped
    stays collectable."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


# spaCy memory zones, one lock per loaded model: a zone ends by deleting every string
# added to the shared vocabulary since it began, so no other thread may parse with the
# same model meanwhile, and zones must not nest (a batch started inside another batch's
# zone, on the same thread, runs inside that zone). Since _run_batch yields only after
# its zone ends, a consumer's own batches no longer start inside one; the depth count
# stays as a guard for any code a stage might call back into.
_ZONE_GUARD = threading.Lock()
_ZONE_LOCKS: dict[int, tuple[threading.RLock, list[int]]] = {}


@contextmanager
def _memory_zone(nlp: Any, enabled: bool) -> Iterator[None]:
    if not enabled or not hasattr(nlp, "memory_zone"):
        yield
        return
    with _ZONE_GUARD:
        lock, depth = _ZONE_LOCKS.setdefault(id(nlp), (threading.RLock(), [0]))
    with lock:
        depth[0] += 1
        try:
            if depth[0] > 1:
                yield
            else:
                with nlp.memory_zone():
                    yield
        finally:
            depth[0] -= 1


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


class TokenAttributeRules:
    """spaCy's attribute_ruler applied by table lookup instead of the Matcher.

    Same rules, same order (a later rule wins), same token attributes set by
    spaCy's own setter; only the matching differs: the doc's attributes are
    read once as an array of string ids, and each token looks up the few
    rules that can match it by its tag, lower-case form or dependency,
    instead of the Matcher walking ~180 patterns over Token objects.
    `build` returns None for a ruler using pattern forms not handled here,
    and the pipeline then keeps spaCy's component.
    """

    # pattern attributes read from the doc array, in the order rules are indexed by
    _COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE", "ORTH", "NORM", "POS", "LEMMA", "ENT_TYPE")
    _INDEXED = ("TAG", "LOWER", "DEP", "IS_SPACE")
    _STRINGS = {"TAG", "LOWER", "DEP", "ORTH", "NORM", "POS", "LEMMA", "ENT_TYPE"}

    def __init__(self, rules, tables, scan):
        """rules: rule number -> (attrs, index); tables: indexed column -> {value id -> [(rule number,
        checks)]}; scan: the patterns no column indexes. Kept only as split below."""
        self.rules = rules
        # Nearly every pattern is one token long, and then whether it matches depends on that
        # token's row of attribute ids alone: those are tried once per distinct row (a text
        # repeats its words) and remembered; the longer patterns are tried at every position.
        self._one_token = ([(column, {v: [e for e in hits if len(e[1]) == 1] for v, hits in table.items()})
                            for column, table in tables.items()], [e for e in scan if len(e[1]) == 1])
        self._longer = ([(column, {v: longer for v, hits in table.items() if (longer := [e for e in hits if len(e[1]) > 1])})
                         for column, table in tables.items()], [e for e in scan if len(e[1]) > 1])
        self._row_rules: dict[tuple, list[int]] = {}

    @classmethod
    def build(cls, ruler, strings) -> "TokenAttributeRules | None":
        tables: dict[int, dict[int, list]] = {cls._COLUMNS.index(c): {} for c in cls._INDEXED}
        scan: list = []
        rules = []
        for number, rule in enumerate(ruler.patterns):
            rules.append((ruler.attrs[number], ruler.indices[number]))
            for pattern in rule["patterns"]:
                checks = [cls._token_checks(spec, strings) for spec in pattern]
                if any(c is None for c in checks):
                    return None
                entry = (number, checks)
                for column in cls._INDEXED:
                    keys = cls._exact_values(pattern[0].get(column), strings)
                    if keys is not None:
                        for key in keys:
                            tables[cls._COLUMNS.index(column)].setdefault(key, []).append(entry)
                        break
                else:
                    scan.append(entry)
        return cls(rules, tables, scan)

    @staticmethod
    def _exact_values(value: Any, strings) -> list[int] | None:
        if isinstance(value, bool):
            return [int(value)]
        if isinstance(value, str):
            return [strings.add(value)]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [int(v) if isinstance(v, bool) else strings.add(v) for v in value["IN"]]
        return None

    @classmethod
    def _token_checks(cls, spec: dict, strings):
        """Tests for one token of a pattern: (column, allowed ids) or (attribute name, predicate);
        None when a form is not handled."""
        checks = []
        for attr, value in spec.items():
            if attr not in cls._COLUMNS:
                return None
            exact = cls._exact_values(value, strings)
            if exact is not None:
                checks.append((cls._COLUMNS.index(attr), frozenset(exact)))
            elif isinstance(value, dict) and len(value) == 1 and "REGEX" in value and attr in cls._STRINGS:
                checks.append((cls._COLUMNS.index(attr), _RegexOnIds(re.compile(value["REGEX"]), strings)))
            elif isinstance(value, dict) and len(value) == 1 and "NOT_IN" in value:
                banned = frozenset(cls._exact_values({"IN": value["NOT_IN"]}, strings))
                checks.append((cls._COLUMNS.index(attr), lambda v, banned=banned: v not in banned))
            else:
                return None
        return checks

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens._retokenize import set_token_attrs

        n = len(doc)
        values = doc.to_array(list(self._COLUMNS)).tolist()
        longer_tables, longer_scan = self._longer
        row_rules = self._row_rules
        if len(row_rules) > 200_000:  # a bound on a long-running process
            row_rules.clear()
        matches = []
        for i in range(n):
            row = values[i]
            key = tuple(row)
            numbers = row_rules.get(key)
            if numbers is None:
                numbers = row_rules[key] = self._one_token_rules(row)
            for number in numbers:
                matches.append((number, i, i + 1))
            for column, table in longer_tables:
                hits = table.get(row[column])
                if hits:
                    self._collect(doc, values, i, n, hits, matches)
            if longer_scan:
                self._collect(doc, values, i, n, longer_scan, matches)
        # every match is found before any attribute is set (as the Matcher does), then
        # applied in rule order so that later rules win
        matches.sort()
        tokens = list(doc)  # one Token object per token, not one per match (a token has ~1.3)
        for number, start, end in matches:
            attrs, index = self.rules[number]
            # the token doc[start:end][index] names, without building the span
            position = index if index >= 0 else end - start + index
            if not 0 <= position < end - start:
                raise IndexError(f"attribute rule {number}: index {index} outside its match of {end - start} tokens")
            set_token_attrs(tokens[start + position], attrs)
        return doc

    def _one_token_rules(self, row: list) -> list[int]:
        """The numbers of the one-token patterns a token with this row of ids matches (a rule
        once per pattern of it that matches, as the position-by-position search finds them)."""
        found: list = []
        tables, scan = self._one_token
        for column, table in tables:
            hits = table.get(row[column])
            if hits:
                self._collect(None, [row], 0, 1, hits, found)
        if scan:
            self._collect(None, [row], 0, 1, scan, found)
        return [number for number, _, _ in found]

    @staticmethod
    def _collect(doc: Any, values: list, start: int, n: int, hits: list, matches: list) -> None:
        for number, checks in hits:
            end = start + len(checks)
            if end > n:
                continue
            for k, token_checks in enumerate(checks):
                row = values[start + k]
                for column, test in token_checks:
                    if not ((row[column] in test) if isinstance(test, frozenset) else test(row[column])):
                        break
                else:
                    continue
                break
            else:
                matches.append((number, start, end))


class _RegexOnIds:
    """A REGEX pattern test on string ids, remembering each id's answer (a doc repeats its words)."""

    def __init__(self, regex: "re.Pattern", strings: Any):
        self.regex, self.strings, self.seen = regex, strings, {}

    def __call__(self, string_id: int) -> bool:
        answer = self.seen.get(string_id)
        if answer is None:
            answer = self.seen[string_id] = self.regex.search(self.strings[string_id]) is not None
            if len(self.seen) > 200_000:  # a bound on a long-running process
                self.seen.clear()
        return answer


def _ingest_error_record(exc: Exception) -> ArticleRecord:
    """Ingestion's own error code ("unsupported_language", "binary", ...) when it gave one."""
    from chronicle.ingest.errors import IngestError

    if isinstance(exc, IngestError):
        return error_record(exc.code, exc.message)
    return error_record("unreadable", f"{type(exc).__name__}: {exc}")


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
