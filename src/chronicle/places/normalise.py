"""Name keys that survive the ways news spells a place.

Two keys per name:

- `exact_key`: the name without diacritics, case, apostrophes, dots or
  hyphens ("Sant Julià de Lòria" -> "sant julia de loria", "Al-Kut" -> "al kut").
- `loose_key`: also without the Arabic article (Al-, An-, Ad-, El-, ...), with
  doubled letters single, a final vowel-h dropped, and each run of vowels
  written as one "a": the transliteration variants of one name collapse
  (Nasiriyah / Nassiriya / Al-Nasiriyah -> "nasara"; Karbala / Kerbala).

The loose key is only ever a fallback for a mention with no exact match (the
resolver trusts it less), because it also joins names that differ for real.
"""

from __future__ import annotations

import re

from unidecode import unidecode

# Arabic article and its sun-letter assimilations as transliterated in English;
# "el" too (Egyptian and Maghreb spellings: El-Arish).
ARTICLES = frozenset({"al", "el", "an", "ad", "as", "ash", "at", "az", "ar", "ath", "adh", "ed", "es", "er", "ul"})

_APOSTROPHES = re.compile(r"['\u2019\u2018`\u02bb\u02bc\u02be\u02bf]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015./,()]+")
_DOUBLED = re.compile(r"(.)\1+")
_VOWEL_RUN = re.compile(r"[aeiou]+")
_FINAL_VOWEL_H = re.compile(r"(?<=[aeiou])h$")


def exact_key(name: str) -> str:
    text = _APOSTROPHES.sub("", unidecode(name)).casefold()
    return _SEPARATORS.sub(" ", text).strip()


def strip_article(key: str) -> str:
    """'al nasiriyah' -> 'nasiriyah'; a lone article stays ('el' is a name too)."""
    head, _, rest = key.partition(" ")
    return rest if rest and head in ARTICLES else key


def _loose_token(token: str) -> str:
    token = _FINAL_VOWEL_H.sub("", token)
    token = token.replace("ph", "f").replace("kh", "k").replace("q", "k").replace("dh", "d").replace("gh", "g")
    token = _DOUBLED.sub(r"\1", token)
    return _VOWEL_RUN.sub("a", token)


def loose_key(name: str) -> str:
    key = strip_article(exact_key(name))
    # a glued article ("Alnasiriyah") is too rare to be worth the false joins
    return " ".join(_loose_token(t) for t in key.split())


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for x, ca in enumerate(a, 1):
        current = [x]
        for y, cb in enumerate(b, 1):
            current.append(min(previous[y] + 1, current[y - 1] + 1, previous[y - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def close_spelling(text_key: str, name_key: str) -> bool:
    """A transliteration variant differs from the indexed name (both exact keys)
    by little once articles and doubled letters are set aside (Nassiriya / Nasiriyah)."""
    a = _DOUBLED.sub(r"\1", strip_article(text_key)).replace(" ", "")
    b = _DOUBLED.sub(r"\1", strip_article(name_key)).replace(" ", "")
    return _edit_distance(a, b) <= max(1, len(a) // 5)
