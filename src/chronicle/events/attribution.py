"""Who claims an event: the source the article credits it to.

`attribution_of(ann, sent, chain)` reads the chain of clauses that embed the trigger
(modifiers.clause_chain, passed in) and returns the source's tokens and its actor:

attributed_to
    the source a claim is credited to: the subject of a speech verb that embeds
    the trigger ("officials said", "X told reporters", "a report revealed",
    "X claimed/alleged", "..., read the NCRI's report"), "according to X", and
    for quoted passages the speech verb just after the closing quote or just
    before the opening one (possibly in another sentence of the paragraph).
    `attributed_to` is the source's words as written, minimal: a leading
    article is dropped before a common noun ("the NCRI report" -> "NCRI
    report") but kept as part of a proper name ("the Interior Ministry").
    `attributed_actor` is the article actor a mention of which lies inside those
    words (the NCRI in "NCRI report"). When the outlet asserts the event itself,
    all three stay None: loaded words ("the regime", "so-called") are the
    outlet's voice, not a source. The speech verb that *is* the trigger (an
    ACCUSE "X accused Y") is the event, not its attribution.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronicle.events.sentence import lemma_of
from chronicle.record import Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from chronicle.stage import Annotations


SPEECH_VERBS = {
    "say", "tell", "claim", "allege", "report", "reveal", "announce", "state", "add", "confirm", "deny", "insist",
    "write", "read", "note", "quote", "accuse", "warn", "assert", "declare", "explain", "disclose", "admit",
    "acknowledge", "charge", "contend", "maintain", "argue", "estimate",
    "tweet", "post", "stress", "affirm", "reiterate", "testify", "publish",
}
QUOTE_OPEN = "\u201c\u00ab"
QUOTE_CLOSE = "\u201d\u00bb"


def _source_tokens(head: "Token") -> list["Token"]:
    """The words that name a source: the head with its name, modifiers, possessor and conjuncts."""
    keep = {"compound", "amod", "poss", "case", "det", "nmod", "flat", "nummod", "cc", "conj", "quantmod", "predet"}
    toks = [head]
    stack = list(head.children)
    while stack:
        c = stack.pop()
        if c.dep_ in keep or (c.dep_ == "npadvmod" and c.i < head.i) or (c.dep_ == "punct" and c.text in ("-", "\u2013")):
            # hyphenated modifiers: "state-owned", "co-chairman"
            toks.append(c)
            stack.extend(c.children)
        elif c.dep_ == "prep" and c.lower_ in ("of", "for", "to") and c.i == c.head.i + 1:
            # "spokesman for the ministry", "Council of Resistance of Iran"
            toks.append(c)
            stack.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ == "pobj":
            toks.append(c)
            stack.extend(c.children)
    toks.sort(key=lambda t: t.i)
    # contiguous stretch around the head
    idx = [t.i for t in toks]
    lo = hi = idx.index(head.i)
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi < len(toks) - 1 and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    toks = toks[lo : hi + 1]
    # a leading article is part of a proper name ("the Interior Ministry") but not of "the report"
    while toks and toks[0].dep_ == "det" and toks[0].lower_ in ("the", "a", "an", "this", "that", "these", "those") and head.pos_ != "PROPN":
        toks = toks[1:]
    while toks and toks[-1].dep_ in ("cc", "punct", "case", "prep") and toks[-1].i != head.i:
        toks = toks[:-1]
    toks = toks or [head]
    # words the tokenizer split at a hyphen ("co-chairman") stay whole
    doc = head.doc
    while toks[-1].i + 1 < len(doc) and not toks[-1].whitespace_ and (toks[-1].text == "-" or doc[toks[-1].i + 1].text == "-"):
        toks = toks + [doc[toks[-1].i + 1]]
    while toks[0].i > 0 and not doc[toks[0].i - 1].whitespace_ and (toks[0].text == "-" or doc[toks[0].i - 1].text == "-"):
        toks = [doc[toks[0].i - 1]] + toks
    return toks


def _speaker(verb: "Token") -> "Token | None":
    """The subject of a speech verb; for inverted quotes ("..., read the report") the noun after it."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("it", "there"):
            return c
    for c in verb.children:
        if c.i > verb.i and c.dep_ in ("dobj", "attr", "nsubj", "npadvmod") and c.pos_ in ("NOUN", "PROPN", "PRON") and c.ent_type_ not in ("DATE", "TIME"):
            return c
    # "..., a close aide to the minister said": the subject misattached to the clause before;
    # take the noun phrase between the last comma and the verb
    doc = verb.doc
    prev = doc[verb.i - 1] if verb.i > 0 else None
    if prev is not None and prev.pos_ in ("NOUN", "PROPN"):
        comma = verb.i - 1
        while comma > verb.sent.start and doc[comma].text not in (",", "\u201d", '"'):
            comma -= 1
        node = prev
        while comma < node.head.i < verb.i and node.head.i != node.i:
            node = node.head
        if node.pos_ in ("NOUN", "PROPN") and node.i > comma:
            return node
    return None


def _according_to(sent: "SpacySpan") -> "Token | None":
    for tok in sent:
        if tok.lower_ == "according":
            for c in tok.children:
                if c.lower_ == "to":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            return g
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.lower_ == "to":
                for g in nxt.children:
                    if g.dep_ == "pobj":
                        return g
    return None


def _quote_speaker(ann: "Annotations", trigger: "Token") -> "Token | None":
    """For a trigger inside a quoted passage: the source named right after or before the quote."""
    text = ann.text
    pos = trigger.idx
    para_start = text.rfind("\n", 0, pos) + 1
    para_end = text.find("\n", pos)
    if para_end < 0:
        para_end = len(text)
    before = text[para_start:pos]
    opened = max(before.rfind(q) for q in QUOTE_OPEN)
    closed = max(before.rfind(q) for q in QUOTE_CLOSE)
    straight_inside = before.count('"') % 2 == 1
    if opened <= closed and not straight_inside:
        return None
    after = text[pos:para_end]
    closes = [i for i in (after.find(q) for q in QUOTE_CLOSE + '"') if i >= 0]
    doc = ann.doc
    if closes:
        close_char = pos + min(closes)
        # the speech verb within a few tokens after the closing quote
        span = doc.char_span(close_char, min(para_end, close_char + 120), alignment_mode="expand")
        if span is not None:
            for tok in list(span)[:8]:
                if tok.pos_ in ("VERB", "AUX") and lemma_of(tok) in SPEECH_VERBS:
                    spk = _speaker(tok)
                    if spk is not None:
                        return spk
    open_char = para_start + (opened if opened > closed else before.rfind('"'))
    span = doc.char_span(max(para_start, open_char - 120), open_char, alignment_mode="expand")
    if span is not None:
        for tok in reversed(list(span)[-8:]):
            if tok.pos_ in ("VERB", "AUX") and lemma_of(tok) in SPEECH_VERBS:
                spk = _speaker(tok)
                if spk is not None:
                    return spk
    return None


def _attribution_source(ann: "Annotations", sent: "SpacySpan", chain) -> "Token | None":
    trigger = chain[0][0]
    path = [tok for tok, _ in chain]
    path_ids = {tok.i for tok in path}
    for level, (tok, dep) in enumerate(chain):
        if level == 0:
            continue
        if lemma_of(tok) in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX"):
            # the trigger must be in what is said, not in who says it, nor in a side clause
            # ("announced sanctions one day after a jet shot down ...") or an object that is
            # no report ("declared a state of siege, arresting opponents")
            if dep not in ("ccomp", "xcomp", "parataxis", "prep", "pcomp", "pobj", "dobj", "conj"):
                break
            if dep == "dobj" and level > 1:
                break
            if dep == "conj" and chain[level - 1][0].pos_ not in ("VERB", "AUX"):
                break
            spk = _speaker(tok)
            if spk is not None and not (spk.i <= trigger.i <= spk.right_edge.i and spk.left_edge.i <= trigger.i):
                return spk
    # "Police killed three, officials said." with the speech verb hanging off the clause
    for tok in path:
        for c in tok.children:
            if (
                c.dep_ in ("parataxis", "ccomp")
                and lemma_of(c) in SPEECH_VERBS
                and c.i > trigger.i
                and c.i not in path_ids
                # a bare reporting clause, not a clause of its own ("while inspectors said they ...")
                and not any(g.dep_ in ("mark", "ccomp") for g in c.children)
            ):
                spk = _speaker(c)
                if spk is not None:
                    return spk
    # misparsed embedded clauses: the trigger sits in the ccomp of a speech verb higher up
    for tok in trigger.ancestors:
        if lemma_of(tok) in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX") and tok.i != trigger.i:
            for c in tok.children:
                if c.dep_ in ("ccomp", "parataxis") and c.left_edge.i <= trigger.i <= c.right_edge.i:
                    spk = _speaker(tok)
                    if spk is not None:
                        return spk
    src = _according_to(sent)
    if src is not None:
        return src
    return _quote_speaker(ann, trigger)


def _actor_for(ann: "Annotations", toks: list["Token"], source: "Token") -> int | None:
    if not ann.actors:
        return None
    # only the source's own words (its name, possessor, "of"/"for" phrase): a relative
    # clause on it ("a senator who met the minister") names other people
    lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    head_lo, head_hi = source.idx, source.idx + len(source.text)
    best, best_key = None, None
    for index, actor in enumerate(ann.actors):
        spans = list(actor.mentions or []) + [actor]
        for m in spans:
            if m.end <= lo or m.start >= hi:
                continue
            covers_head = m.start <= head_lo and head_hi <= m.end
            key = (covers_head, m.end - m.start)
            if best_key is None or key > best_key:
                best, best_key = index, key
    return best


def attribution_of(ann: "Annotations", sent: "SpacySpan", chain: list) -> tuple[str, Span, int | None] | None:
    """(the source's words, their span, the actor they name) of the claim whose clause
    chain is `chain`, or None when the outlet asserts the event itself."""
    source = _attribution_source(ann, sent, chain)
    if source is None:
        return None
    toks = _source_tokens(source)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    words = ann.text[start:end]
    return words, Span(text=words, start=start, end=end), _actor_for(ann, toks, source)
