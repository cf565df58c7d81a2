"""A cheap language guess: which language's function words the text is made of.

Only English is coded by Chronicle; this detector just has to tell English
from everything else reliably, quickly, and without a model. It counts hits
of very frequent function words per language over the first few thousand
characters, and classifies non-Latin scripts by their Unicode block.
"""

from __future__ import annotations

import re
import unicodedata

SAMPLE_CHARS = 4000
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# The most frequent function words of each language (not content words: they
# appear in any news story whatever its subject).
STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the of and to in a is that for it was on with as by he at from his an were are which this be has had "
              "have not but they their its said who been after would will also more than when after against over",
        "fr": "le la les de des du un une et est en que qui dans pour pas sur au aux ce cette il elle ont sont par "
              "avec plus ne se été mais leur",
        "es": "el la los las de del un una y es en que por con para no se su al lo como más pero sus fue ha han este "
              "esta entre",
        "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an als wurde sind "
              "bei nach wie aus",
        "pt": "o a os as de do da dos das um uma e é em que por com para não se seu sua ao como mais mas foi pelo "
              "pela",
        "it": "il lo la gli le di del della un una e è in che per con non si suo sua al come più ma sono stato "
              "anche nel",
        "nl": "de het een en is van in op dat te met voor niet zijn er aan ook als door maar bij werd",
        "tr": "ve bir bu da de ile için olarak olan gibi daha çok ama ancak sonra kadar",
        "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke adalah oleh",
        "sv": "och att det som en på är av för med till den har inte om ett var",
    }.items()
}

# Scripts that settle the language family by themselves.
_SCRIPT_LANG = {"ARABIC": "ar", "CYRILLIC": "ru", "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko",
                "HEBREW": "he", "DEVANAGARI": "hi", "GREEK": "el", "THAI": "th", "ARMENIAN": "hy", "GEORGIAN": "ka",
                "BENGALI": "bn", "TAMIL": "ta", "ETHIOPIC": "am"}


def _script(ch: str) -> str | None:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    first = name.split(" ", 1)[0]
    return first if first in _SCRIPT_LANG else ("CJK" if name.startswith("CJK") else None)


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code or None when undecidable, confidence 0..1)."""
    sample = text[:SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < 20:
        return None, 0.0
    scripts: dict[str, int] = {}
    for ch in letters:
        if ord(ch) > 0x024F:  # beyond Latin Extended
            s = _script(ch)
            if s:
                scripts[s] = scripts.get(s, 0) + 1
    if scripts:
        script, count = max(scripts.items(), key=lambda kv: kv[1])
        if count > 0.4 * len(letters):
            return _SCRIPT_LANG[script], round(count / len(letters), 2)
    tokens = [t.lower() for t in _TOKEN.findall(sample)]
    if len(tokens) < 5:
        return None, 0.0
    hits = {lang: sum(1 for t in tokens if t in words) for lang, words in STOPWORDS.items()}
    lang, best = max(hits.items(), key=lambda kv: kv[1])
    share = best / len(tokens)
    if share < 0.08:  # too few function words of any language: a list, a table, a headline
        return None, round(share, 2)
    runner_up = max((v for k, v in hits.items() if k != lang), default=0)
    return lang, round(min(1.0, (best - runner_up) / best + share), 2)


def is_english_code(code: str | None) -> bool:
    return bool(code) and code.lower().replace("_", "-").split("-")[0] in ("en", "eng")
