"""Pass 6 of actor resolution (resolve.py): "I", "we", "me" inside a quotation are its speaker.

A quotation speaks in its speaker's voice: in '"We will negotiate," the minister said' the
"we" is the minister (and, for the country of an event, the minister's state). The
speaker is the subject of a reporting verb written outside the quotation in the
sentence where it opens or closes ('X said: "..."', '"...," X said'); a quotation with
no attribution of its own that follows another one within a sentence goes on in the
same voice ('"A," he wrote. "B."').
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from spacy.attrs import IDX

from chronicle.actors.units import Unit
from chronicle.actors.words import FIRST_PERSON, REPORTING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) character spans of quotations, marks included. A straight mark
    opens when it follows a space, an opening bracket or the start, else it closes, so one
    lost mark spoils one quotation, not every one after it. An opening mark pairs with the
    next closing one; a closing mark with no opening is ignored."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch in OPENING or ch in CLOSING or ch == STRAIGHT:
            if ch in OPENING:
                opens = True
            elif ch in CLOSING:
                opens = False
            else:
                opens = i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-:"
            if opens:
                open_at = i
            elif open_at is not None:
                spans.append((open_at, i + 1))
                open_at = None
    return spans


class QuotedSpeakers:
    """Pass 6: first-person pronouns in quotations join the quotation's speaker. A mixin of
    `ArticleResolver` (resolve.py); it runs after the pronoun pass, so "he said" already
    names its person."""

    def resolve_quoted_speakers(self) -> None:
        firsts = [i for i, low in enumerate(self.lower_)
                  if low in FIRST_PERSON and self.pos_[i] == "PRON" and i not in self.taken]
        text = self.ann.text  # the doc's text: doc.text joins every token again on each read
        quotes = quotation_spans(text) if '"' in text or any(c in text for c in OPENING) else []
        if not quotes:
            return
        starts = [q[0] for q in quotes]
        token_starts = self.doc.to_array(IDX).tolist()  # every token's offset, no Token objects
        speakers: list[Unit | None] = []
        for k, (qs, qe) in enumerate(quotes):
            speaker = self._quote_speaker(qs, qe, quotes, token_starts)
            if speaker is None and k > 0 and speakers[k - 1] is not None:
                # '"A," he wrote. "B."': B goes on in his voice when nothing else came between
                gap = self._sentence_at(token_starts, qs) - self._sentence_at(token_starts, quotes[k - 1][1] - 1)
                if gap <= 1:
                    speaker = speakers[k - 1]
            speakers.append(speaker)
        # kept for the events stage: an act stated inside a quotation with no subject of its
        # own ("It's an issue that needs to be addressed") is its speaker's (ann.notes)
        self.quote_speakers = [(qs, qe, sp.key) for (qs, qe), sp in zip(quotes, speakers) if sp is not None]
        for i in firsts:
            at = self.toks[i].idx
            k = bisect.bisect_right(starts, at) - 1
            if k < 0 or not quotes[k][0] < at < quotes[k][1] or speakers[k] is None:
                continue
            self._add(speakers[k].key, i, i + 1, f"first person in a quotation by {speakers[k].name}")

    def _sentence_at(self, token_starts: list[int], char: int) -> int:
        tok = max(0, bisect.bisect_right(token_starts, char) - 1)
        return self.sent_of.get(tok, 0)

    def _quote_speaker(self, qs: int, qe: int, quotes: list[tuple[int, int]], token_starts: list[int]) -> Unit | None:
        """The actor that is subject of a reporting verb outside every quotation in the
        sentences where this quotation opens and closes, the verb nearest the quotation first."""
        first, last = self._sentence_at(token_starts, qs), self._sentence_at(token_starts, qe - 1)

        def quoted(char: int) -> bool:
            k = bisect.bisect_right(quotes, (char, float("inf"))) - 1
            return k >= 0 and quotes[k][0] <= char < quotes[k][1]

        verbs: list[tuple[int, "Token"]] = []
        for si in range(first, last + 1):
            sent = self.sentences[si]
            for i in range(sent.start, sent.end):
                if self.lemma_[i] in REPORTING_VERBS and self.pos_[i] in ("VERB", "AUX"):
                    tok = self.toks[i]
                    if not quoted(tok.idx):
                        distance = qs - tok.idx if tok.idx < qs else tok.idx - qe
                        verbs.append((distance, tok))
        for _, verb in sorted(verbs, key=lambda v: v[0]):
            for c in verb.children:
                if c.dep_ != "nsubj" or quoted(c.idx):
                    continue
                key = self.unit_at.get(c.i)
                if key is None:
                    # "the Syrian president said": the actor may cover the words before the head only
                    key = next((self.unit_at[t.i] for t in c.subtree if t.i < c.i and t.i in self.unit_at), None)
                if key is not None:
                    return self.units[key]
        return None
