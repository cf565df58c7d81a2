"""Name keys: the forms under which an actor's name is looked up.

News writes one name many ways: "Nouri al-Maliki", "Nuri-al Maliki", "al-Maliki",
"Maleki"; "Qassem Soleimani", "Qasem Suleimani". The knowledge base and the
article are both reduced to the same keys, token by token, so one dictionary
lookup finds every spelling:

  - Arabic article particles ("al", "el", "al-" prefixes) and hyphens are dropped
    (the particle is written, attached and placed inconsistently), and so is a stray
    hyphen left at a word's end ("Abul- Gheit" = "Abul Gheit");
  - diacritics, case, dots and apostrophes go ("Erdoğan" = "Erdogan", "U.N." = "un");
  - a transliteration fold merges the vowel and consonant choices English-language
    outlets make for the same Arabic or Persian sound (e/i, o/u, ou/u, q/k, kh/k,
    dh/d, doubled letters), so "Maleki" meets "Maliki" and "Qassem" meets "Qasem".

Acronyms ("IRGC", "PMF", "U.S.") are kept apart and matched case-sensitively,
or the pronoun "us" would be the United States and "who" the WHO.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

# Particles of Arabic names that are dropped from keys ("al-Maliki" = "Maliki").
PARTICLES = frozenset({"al", "el", "ul", "ad-", "al-", "el-"})
# Tokens that carry no name content inside a name ("Nuri-al Maliki").
JOINERS = frozenset({"-", "–", "—", "‐"})

_FOLDS = (
    ("kh", "k"), ("gh", "g"), ("dh", "d"), ("ph", "f"), ("ck", "k"), ("q", "k"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("e", "i"), ("o", "u"), ("y", "i"),
)
_PREFIX = re.compile(r"^(?:al|el|ul|as|ad|ash|an|ar|at|az)[-‐'’](?=\w{3,})", re.I)
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The transliteration-folded key of one name token ("Maleki" -> "maliki")."""
    text = unidecode(word).replace("’", "'")
    if len(text) > 2 and text[-1] == "-" and text[-2].isalpha() and text.lower() not in PARTICLES:
        # a stray hyphen left by a line break or a typo ("Abul- Gheit") is no part of the name;
        # a particle written apart ("al- Maliki") stays one and is dropped as such
        text = text[:-1]
    text = _PREFIX.sub("", text)
    text = re.sub(r"[.'`\u02bc\u2018]", "", text).lower()
    for src, dst in _FOLDS:
        text = text.replace(src, dst)
    return _DOUBLE.sub(r"\1", text)


def acronym_key(word: str) -> str | None:
    """The case-sensitive key of an acronym token ("U.N." -> "UN"), or None when
    the token is not written as an acronym (2 to 7 capitals, dots, slashes, digits)."""
    bare = word.replace(".", "")
    letters = [c for c in bare if c.isalpha()]
    if 2 <= len(letters) <= 7 and all(c.isupper() for c in letters) and re.fullmatch(r"[A-Z0-9/&+\-]+", bare):
        return bare
    return None


def is_skipped(token_text: str) -> bool:
    """Tokens that do not count inside a name: hyphens and Arabic article particles."""
    low = token_text.lower()
    return token_text in JOINERS or low in PARTICLES


def lemma_key(words: list[str]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)
