"""Wire copies: one story syndicated by many outlets gets one story id.

Agencies' stories are republished with small changes (a headline, a trimmed
last paragraph, an outlet's boilerplate). Each article is reduced to a MinHash
signature of its word 3-shingles; locality-sensitive hashing over bands of
the signature finds earlier articles sharing a band, and one whose estimated
Jaccard similarity reaches SAME_STORY_JACCARD is the same story. Cost per
article is linear in its length, per batch linear in its size.

`StoryIndex` lives in memory, or in a SQLite file when given a path so that
`chronicle watch` links today's copy to yesterday's original.
"""

from __future__ import annotations

import re
import sqlite3
import zlib
from dataclasses import dataclass, field

import numpy as np

from chronicle.record import Article, content_id

NUM_PERM = 128
BANDS = 32  # x 4 rows: pairs at Jaccard 0.5 become candidates ~87% of the time, at 0.7 ~100%
ROWS = NUM_PERM // BANDS
SAME_STORY_JACCARD = 0.5
SHINGLE_WORDS = 3
MIN_SHINGLES = 8  # a few words are no story: too many texts share them

_WORD = re.compile(r"\w+")
_RNG = np.random.default_rng(20240501)  # fixed: signatures must stay comparable across runs
_A = (_RNG.integers(1, 2**63, NUM_PERM, dtype=np.uint64) | np.uint64(1))
_B = _RNG.integers(0, 2**63, NUM_PERM, dtype=np.uint64)


def shingle_hashes(text: str) -> np.ndarray:
    words = _WORD.findall(text.lower())
    grams = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(0, len(words) - SHINGLE_WORDS + 1))}
    return np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64, count=len(grams))


def minhash(text: str) -> np.ndarray | None:
    """The MinHash signature of `text` (NUM_PERM uint32 values), None for too short a text."""
    hashes = shingle_hashes(text)
    if len(hashes) < MIN_SHINGLES:
        return None
    # multiply-shift hashing: (a*x + b) mod 2^64, top 32 bits; uint64 wraps by design
    with np.errstate(over="ignore"):
        permuted = (np.outer(hashes, _A) + _B) >> np.uint64(32)
    return permuted.min(axis=0).astype(np.uint32)


def similarity(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)


@dataclass
class _Story:
    story_id: str
    outlets: list[str] = field(default_factory=list)


class StoryIndex:
    """Links near-duplicate articles to one story id; in memory or persisted in SQLite."""

    def __init__(self, path: str | None = None):
        self._sigs: dict[str, np.ndarray] = {}
        self._story_of: dict[str, str] = {}
        self._stories: dict[str, _Story] = {}
        self._bands: dict[tuple[int, bytes], list[str]] = {}
        self._conn = None
        if path:
            self._conn = sqlite3.connect(path)
            self._conn.execute("CREATE TABLE IF NOT EXISTS story_articles (article TEXT PRIMARY KEY, story TEXT, outlet TEXT, signature BLOB)")
            self._conn.commit()
            for article, story, outlet, blob in self._conn.execute("SELECT article, story, outlet, signature FROM story_articles ORDER BY rowid"):
                sig = np.frombuffer(blob, dtype=np.uint32) if blob else None
                self._remember(article, story, outlet, sig)

    def __len__(self) -> int:
        return len(self._story_of)

    def _remember(self, key: str, story_id: str, outlet: str | None, sig: np.ndarray | None) -> _Story:
        story = self._stories.setdefault(story_id, _Story(story_id))
        if outlet and outlet not in story.outlets:
            story.outlets.append(outlet)
        self._story_of[key] = story_id
        if sig is not None:
            self._sigs[key] = sig
            for band in range(BANDS):
                self._bands.setdefault((band, sig[band * ROWS:(band + 1) * ROWS].tobytes()), []).append(key)
        return story

    def _match(self, sig: np.ndarray) -> str | None:
        best, best_sim = None, SAME_STORY_JACCARD
        seen: set[str] = set()
        for band in range(BANDS):
            for key in self._bands.get((band, sig[band * ROWS:(band + 1) * ROWS].tobytes()), ()):
                if key in seen:
                    continue
                seen.add(key)
                sim = similarity(sig, self._sigs[key])
                if sim >= best_sim:
                    best, best_sim = key, sim
        return self._story_of[best] if best else None

    def assign(self, article: Article) -> str:
        """Give `article` its story: meta["story_id"] and meta["outlets"] (outlets so far)."""
        key = article.id or content_id(article.text)
        if key in self._story_of:
            story = self._stories[self._story_of[key]]
            if article.outlet and article.outlet not in story.outlets:
                story.outlets.append(article.outlet)
        else:
            sig = minhash(article.text)
            story_id = (self._match(sig) if sig is not None else None) or f"story:{key.split(':', 1)[-1][:20]}"
            story = self._remember(key, story_id, article.outlet, sig)
            if self._conn is not None:
                self._conn.execute("INSERT OR REPLACE INTO story_articles VALUES (?, ?, ?, ?)",
                                   (key, story_id, article.outlet, sig.tobytes() if sig is not None else None))
                self._conn.commit()
        article.meta["story_id"] = story.story_id
        article.meta["outlets"] = list(story.outlets)
        return story.story_id

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
