"""Sentence -> candidate event triggers, from the trigger lexicon (data/triggers.tsv).

A trigger is the word (or words) that names an event: a verb ("condemned"),
a noun ("airstrike", "talks") or a fixed phrase ("tear gas", "call for").
The lexicon says which PLOVER types and modes each trigger can signal and how
reliably; `chronicle.events.classify` decides among them in context.

Three kinds of lexicon keys, matched on lower-cased lemmas:
  "tear gas"   contiguous lemmas (longest match wins)
  "call+for"   a verb with a particle, preposition or object among its children
  "attack"     a single lemma, restricted by part of speech (V, N or *)
The index is built once per process; matching is dict lookups per token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Iterator

from chronicle.events.senses import excluded_reading

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger: PLOVER type, mode, and how reliably the words signal it."""

    type: str
    mode: str | None
    weight: float


@dataclass
class Trigger:
    head: "Token"  # the syntactic head of the trigger words (verb or noun)
    start: int  # token indices into the doc, end exclusive
    end: int
    senses: list[Sense] = field(default_factory=list)
    kind: str = "word"  # "word" | "phrase" | "verb+child"

    @property
    def text(self) -> str:
        if self.end - self.start == 1 and self.head.i == self.start:
            return self.head.text  # a one-word trigger: no Span to build
        return self.head.doc[self.start:self.end].text


_POS_OK = {
    "V": {"VERB"},
    "N": {"NOUN", "PROPN"},
    "*": {"VERB", "NOUN", "PROPN", "ADJ"},
}

# Nouns in these roles name a kind of thing, not an event ("protest movement",
# "attack helicopters"): they are not triggers.
_NOUN_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
# ... unless the noun they modify is itself a generic event word ("mediation mission")
_EVENT_HEADS = {"mission", "effort", "operation", "campaign", "process", "initiative", "drive", "action", "bid"}


@dataclass
class Lexicon:
    words: dict[str, list[tuple[str, Sense]]]  # lemma -> [(pos class, sense)]
    phrases: dict[str, list[tuple[tuple[str, ...], Sense]]]  # first lemma -> [(lemmas, sense)]
    verb_child: dict[str, dict[str, list[Sense]]]  # verb lemma -> child lemma -> senses
    max_phrase: int = 1


def _lexicon_text() -> str:
    return (resources.files("chronicle.events") / "data" / "triggers.tsv").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    words: dict[str, list] = {}
    phrases: dict[str, list] = {}
    verb_child: dict[str, dict[str, list]] = {}
    longest = 1
    for line in _lexicon_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, event_type, mode, weight, pos = (line.split("\t") + [""] * 5)[:5]
        sense = Sense(event_type, mode or None, float(weight))
        phrase = phrase.lower()
        if "+" in phrase:
            verb, child = phrase.split("+", 1)
            verb_child.setdefault(verb, {}).setdefault(child, []).append(sense)
        elif " " in phrase:
            lemmas = tuple(phrase.split())
            phrases.setdefault(lemmas[0], []).append((lemmas, sense))
            longest = max(longest, len(lemmas))
        else:
            words.setdefault(phrase, []).append((pos or "*", sense))
    for entries in phrases.values():
        entries.sort(key=lambda e: -len(e[0]))
    return Lexicon(words, phrases, verb_child, longest)


def _lemma(token: "Token") -> str:
    return token.lemma_.lower()


def detect_triggers(sent: "Span", lexicon: Lexicon | None = None, tokens: list["Token"] | None = None,
                    lemmas: list[str] | None = None) -> list[Trigger]:
    """Every candidate trigger in a sentence, left to right; a token belongs to one trigger.

    tokens/lemmas: the sentence's tokens and lower-cased lemmas when the caller has read them
    already (classify.SentenceView), so each token's attributes are read once per sentence."""
    lexicon = lexicon or load_lexicon()
    found: list[Trigger] = []
    taken: set[int] = set()
    tokens = list(sent) if tokens is None else tokens
    sent_lemmas = [_lemma(t) for t in tokens] if lemmas is None else lemmas
    # 1. fixed phrases ("tear gas", "hunger strike"): the longest match at each position
    for k, token in enumerate(tokens):
        if token.i in taken:
            continue
        for phrase, sense in lexicon.phrases.get(sent_lemmas[k], ()):
            n = len(phrase)
            window = tokens[k:k + n]
            if len(window) == n and all(sent_lemmas[k + j] == lem or t.lower_ == lem for j, (t, lem) in enumerate(zip(window, phrase))):
                head = _phrase_head(window)
                existing = next((t for t in found if t.start == window[0].i and t.end == window[-1].i + 1), None)
                if existing:
                    existing.senses.append(sense)
                    continue
                found.append(Trigger(head, window[0].i, window[-1].i + 1, [sense], "phrase"))
                taken.update(t.i for t in window)
                break
    # 2. verbs with a telling child ("called on", "cut ties") and 3. single words
    for k, token in enumerate(tokens):
        if token.i in taken or token.is_punct:
            continue
        lemma = sent_lemmas[k]
        pos = token.pos_
        if pos == "VERB" and lemma in lexicon.verb_child:
            options = lexicon.verb_child[lemma]
            for child in token.children:
                if child.dep_ in _NOT_PARTICLES:
                    continue  # "drove in to protest against": the infinitive's "to" is no preposition of the verb
                senses = options.get(_lemma(child))
                if senses and child.dep_ == "prep" and any(_is_circumstance(g) for g in child.children):
                    continue  # "called X ... on different occasions": a circumstance, not the verb's particle
                senses = [x for x in senses or () if excluded_reading(token, x.type) is None]
                if senses and child.i not in taken:
                    found.append(Trigger(token, min(token.i, child.i) if child.dep_ == "prt" else token.i,
                                         (child.i + 1) if child.dep_ == "prt" else token.i + 1, list(senses), "verb+child"))
                    taken.add(token.i)
                    break
            if token.i in taken:
                continue
        # the lemmatiser sometimes lands on another word ("raped" -> "rap"): the surface form counts too
        entries = (lexicon.words.get(lemma) or []) + (lexicon.words.get(token.lower_) or [] if token.lower_ != lemma else [])
        if not entries:
            continue
        dep = token.dep_
        victim = dep in ("amod", "compound") and _names_a_victim(token)
        if pos in ("NOUN", "PROPN") and dep in _NOUN_MODIFIER_DEPS and _lemma(token.head) not in _EVENT_HEADS and not victim:
            continue
        if dep == "amod" and (pos != "ADJ" or token.tag_ == "VBN") and not victim:
            continue  # "the long-threatened invasion", "alleged violations": a modifier, not an event
        if lemma in _DATED_ONLY and (not _named_with_its_date(token) or _figure_of_speech(token)):
            continue  # "the war in Yemen", "World War II": a standing state or history; "the 2008 war": one happening
        if any(c.dep_ == "dobj" and _lemma(c) in _IDIOM_OBJECTS for c in token.children):
            continue  # "seized the opportunity", "took the chance"
        senses = [sense for pos_class, sense in entries if pos in _POS_OK.get(pos_class, _POS_OK["*"])
                  and excluded_reading(token, sense.type) is None]
        if senses:
            found.append(Trigger(token, token.i, token.i + 1, senses, "word"))
            taken.add(token.i)
    found.sort(key=lambda t: t.start)
    return found


# children that are never a verb's particle or preposition ("to" marking an infinitive, "that")
_NOT_PARTICLES = {"aux", "auxpass", "mark", "nsubj", "nsubjpass", "punct", "cc"}
_IDIOM_OBJECTS = {"button", "opportunity", "chance", "initiative", "moment", "advantage", "spotlight", "imagination", "attention"}
_CIRCUMSTANCE_NOUNS = {"occasion", "day", "time", "basis", "condition", "behalf", "account", "average", "way"}


# Nouns that name a standing state unless the text gives them a date of their own
_DATED_ONLY = {"war"}
# prepositions that make a date a span the state lasts ("since 2001", "for years"), not its date
_SPAN_PREPS = {"since", "for", "until", "through", "throughout", "over"}
# killing told as a word describing its named victim ("slain journalist Anna Ruiz")
_KILLED_FORMS = {"slain", "murdered", "assassinated", "killed", "kidnapped", "abducted"}


def _named_with_its_date(noun: "Token") -> bool:
    """"the 2008 war", "the August war", "a war with Russia last August": a date among the noun's own
    modifiers (not inside a clause that describes it, not a span it lasts)."""
    for t in noun.subtree:
        if t.ent_type_ != "DATE":
            continue
        cur, ok = t, True
        while cur.i != noun.i:
            if cur.dep_ in ("relcl", "acl", "advcl") or cur.dep_ == "prep" and cur.lower_ in _SPAN_PREPS:
                ok = False
                break
            cur = cur.head
        if ok:
            return True
    return False


def _figure_of_speech(noun: "Token") -> bool:
    """"a war of words last week", "a price war in 2009": no fighting."""
    return any(_lemma(g) in ("word", "nerve") for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children) or any(c.dep_ == "compound" and _lemma(c) in _NOT_FIGHTING for c in noun.children)


_NOT_FIGHTING = {"price", "trade", "tariff", "currency", "bidding", "turf", "culture", "talent", "format", "flame"}


def _names_a_victim(modifier: "Token") -> bool:
    """"slain politician Benazir Ruiz", "murdered activist John Kemp": a killing (or kidnapping) told as
    a word on a named person is a happening of its own, with that person as victim; "the murdered
    policeman" with no name re-tells the story's own killing and stays a modifier."""
    if modifier.lower_ not in _KILLED_FORMS:
        return False
    cur = modifier.head
    for _ in range(2):
        if cur.ent_type_ == "PERSON":
            return True
        if cur.dep_ != "compound" or cur.head.i == cur.i:
            break
        cur = cur.head
    return cur.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in cur.children)


def _is_circumstance(tok: "Token") -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or _lemma(tok) in _CIRCUMSTANCE_NOUNS


def _phrase_head(window: list["Token"]) -> "Token":
    """The token of a phrase whose head lies outside it (its syntactic head)."""
    ids = {t.i for t in window}
    for t in window:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return window[-1]


def iter_sentence_triggers(doc) -> Iterator[tuple["Span", list[Trigger]]]:
    lexicon = load_lexicon()
    for sent in doc.sents:
        yield sent, detect_triggers(sent, lexicon)
