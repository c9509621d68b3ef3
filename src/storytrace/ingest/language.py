"""A small stopword-profile language detector for en, de, fr, es, it, pt, nl and ru.

How it works: the text's words are matched against a list of about forty of the most
frequent function words of each language; the language with the most matches wins when
it is clearly ahead.

Limits, honestly:

- Only the eight languages above. Anything else (Ukrainian, Polish, Arabic, Chinese ...)
  gets None, or, for a language close to one of the eight, possibly a wrong answer:
  Catalan or Galician can come out as es or pt, Afrikaans as nl.
- Cyrillic text is ru or nothing: text where more than 2% of the words have the letters
  і ї є ґ (Ukrainian) or ў (Belarusian) gets None, and Bulgarian or Serbian can be
  taken for Russian.
- Texts under about twenty words, word lists, headlines-only pages and texts that mix
  languages are often None. None means "unsure", never "not a language".
- It scores the first 5,000 words only.
"""

from __future__ import annotations

import re
from collections import Counter


def _profile(words: str) -> frozenset[str]:
    """A stopword profile from a space-separated word list."""
    return frozenset(words.split())


_PROFILES: dict[str, frozenset[str]] = {
    "en": _profile(
        "the and of to is was that for with on as by at from his her they have has had "
        "which were been this are but not it be an or will would said their who there "
        "after about into"
    ),
    "de": _profile(
        "der die das und ist nicht ein eine einer den dem des zu mit sich auf für von im "
        "auch es wurde werden wird hat sind bei nach aus wie noch oder aber über nur dass "
        "vom zum zur am"
    ),
    "fr": _profile(
        "le la les des et est une un du que qui dans pour pas sur au aux avec ce cette il "
        "elle sont ont été par plus ne se leur mais ou nous vous être avait était selon "
        "lors"
    ),
    "es": _profile(
        "el la los las y es una un del que en por para con no se su sus al lo como más "
        "pero fue ha han este esta también entre muy según sin sobre ya cuando hasta desde "
        "porque"
    ),
    "it": _profile(
        "il lo la gli le e è di del della dei delle che non un una per con sono da nel "
        "nella al alla ha anche come più ma questo questa stato essere dopo tra loro "
        "ancora degli sul"
    ),
    "pt": _profile(
        "o a os as e é de do da dos das que não um uma em no na nos nas para com por se "
        "foi ao mais como mas seu sua está são pelo pela também já ser entre muito"
    ),
    "nl": _profile(
        "de het een en van is dat niet in op te zijn met voor die er aan ook als bij door "
        "maar om werd naar dan nog wordt over hij zij heeft hebben geen deze uit worden "
        "was tot wel"
    ),
    "ru": _profile(
        "и в не на что с по он как это к из за от но его о для так же она они был было "
        "была были ее её у при уже после также или бы до который которые только еще "
        "ещё"
    ),
}

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_NOT_RUSSIAN = re.compile(r"[іїєґўІЇЄҐЎ]")
_MAX_OTHER_CYRILLIC = 0.02  # share of words with Ukrainian/Belarusian letters still taken as ru
_MAX_WORDS = 5000
_MIN_WORDS = 5
_MIN_HITS = 3
_MIN_SHARE = 0.10  # at least this share of the words must be function words of the winner
_MIN_LEAD = 1.25  # the winner must have this many times the hits of the runner-up


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when unsure (see module limits)."""
    words = [word.lower() for word in _WORD.findall(text[: _MAX_WORDS * 12])][:_MAX_WORDS]
    if len(words) < _MIN_WORDS:
        return None
    cyrillic = sum(1 for word in words if _CYRILLIC.match(word))
    if cyrillic * 2 > len(words):
        other = sum(1 for word in words if _NOT_RUSSIAN.search(word))
        if other > _MAX_OTHER_CYRILLIC * cyrillic:
            return None
        candidates = {"ru": _PROFILES["ru"]}
    else:
        candidates = {code: words_ for code, words_ in _PROFILES.items() if code != "ru"}
    counts = Counter(words)
    scores = sorted(
        ((sum(counts[word] for word in profile), code) for code, profile in candidates.items()),
        reverse=True,
    )
    best, code = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0
    if best < _MIN_HITS or best < _MIN_SHARE * len(words):
        return None
    if runner_up and best < _MIN_LEAD * runner_up:
        return None
    return code
