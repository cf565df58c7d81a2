"""Feed watching across restarts, and wire-copy story linking."""

import json

import pytest

from chronicle.ingest.fetch import Fetcher, ValidatorCache
from chronicle.ingest.stories import StoryIndex, minhash, similarity
from chronicle.watch import parse_every, state_path, watch_feeds
from chronicle.record import Article, ArticleRecord, content_id
from ingest_pages import PARAGRAPHS, html_page, rss


class RecordingPipeline:
    """Stands in for chronicle.Pipeline: records what it was given, codes nothing."""

    def __init__(self):
        self.seen = []

    def process_many(self, items):
        for item in items:
            if isinstance(item, ArticleRecord):
                yield item
                continue
            self.seen.append(item)
            yield ArticleRecord(id=item.id or content_id(item.text), text=item.text, url=item.url,
                                published=item.published, story_id=item.meta.get("story_id"))


class ListStore:
    def __init__(self):
        self.saved = []

    def save(self, record):
        self.saved.append(record)

    def close(self):
        pass


def _item(server, path, key, date):
    return {"title": key, "link": server.url(path), "date": date}


def test_watch_processes_only_new_items_and_survives_restarts(server, tmp_path):
    site = server.site
    site.page("/w/harbour", html_page("harbour", "Dock strike"))
    site.page("/w/election", html_page("election", "Counting begins"))
    site.page("/w/drought", html_page("drought", "Cattle die"))
    items = [_item(server, "/w/harbour", "harbour", "Tue, 07 May 2024 09:00:00 GMT"),
             _item(server, "/w/election", "election", "Thu, 12 Aug 2021 20:00:00 GMT")]
    site.page("/w/feed.xml", rss(items), content_type="application/rss+xml", etag='"one"')
    db = str(tmp_path / "chronicle.db")
    out = tmp_path / "watched.jsonl"

    def run():
        pipeline, store = RecordingPipeline(), ListStore()
        fetcher = Fetcher(cache=ValidatorCache(state_path(db)), retries=0)
        summary = watch_feeds([server.url("/w/feed.xml")], every="1s", db=db, output=str(out), once=True,
                              pipeline=pipeline, store=store, fetcher=fetcher)
        fetcher.close()
        return summary, pipeline, store

    first, pipeline, store = run()
    assert (first.new_items, first.records) == (2, 2)
    assert [a.url.rsplit("/", 1)[-1] for a in pipeline.seen] == ["harbour", "election"]
    # unchanged feed: the ETag comes back, the server answers 304, nothing is fetched or coded
    hits = dict(site.hits)
    second, pipeline, _ = run()
    assert second.unchanged == 1 and pipeline.seen == []
    assert site.hits["/w/harbour"] == hits["/w/harbour"]
    # a new item after a "restart": only that one is coded
    site.page("/w/feed.xml", rss(items + [_item(server, "/w/drought", "drought", "Mon, 06 May 2024 06:30:00 GMT")]),
              content_type="application/rss+xml", etag='"two"')
    third, pipeline, store = run()
    assert third.new_items == 1 and [a.url.rsplit("/", 1)[-1] for a in pipeline.seen] == ["drought"]
    assert len(out.read_text().splitlines()) == 3


def test_parse_every():
    assert parse_every("15m") == 900 and parse_every("30s") == 30 and parse_every("1h") == 3600
    with pytest.raises(ValueError):
        parse_every("soon")


def _article(key, outlet, text=None, id=None):
    return Article(text=text or "\n\n".join(PARAGRAPHS[key]), outlet=outlet, id=id)


def test_near_duplicates_link_and_different_stories_do_not():
    original = "\n\n".join(PARAGRAPHS["election"])
    edited = ("LUSAKA (Wire) - " + original.replace("Thursday night", "Thursday evening")
              .replace("three days", "72 hours") + "\n\nAdditional reporting by our correspondent.")
    assert similarity(minhash(original), minhash(edited)) >= 0.5
    assert similarity(minhash(original), minhash("\n\n".join(PARAGRAPHS["harbour"]))) < 0.2
    index = StoryIndex()
    a = index.assign(_article("election", "Lusaka Post", id="e1"))
    b = index.assign(_article("election", "Copperbelt Daily", text=edited, id="e2"))
    c = index.assign(_article("harbour", "Harbour Times", id="h1"))
    assert a == b != c


def test_story_index_persists(tmp_path):
    path = str(tmp_path / "stories.sqlite")
    first = StoryIndex(path)
    story = first.assign(_article("drought", "Northern Herald", id="d1"))
    first.close()
    again = StoryIndex(path)
    copy = _article("drought", "Rift Valley Times", id="d2")
    assert again.assign(copy) == story
    assert copy.meta["outlets"] == ["Northern Herald", "Rift Valley Times"]
