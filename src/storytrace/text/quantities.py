"""Numbers in a sentence as intervals with what they count ("about 60 servicemen")."""

from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.tokens import Span, Token

from storytrace.records import Quantity

_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "one": 1, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}  # fmt: skip
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "dozen": 12}  # fmt: skip
# Vague plurals as intervals, as ACLED reads them.
_VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 9_999.0),
    "tens of thousands": (20_000.0, 99_999.0),
    "hundreds of thousands": (200_000.0, 999_999.0),
    "millions": (2_000_000.0, 9_999_999.0),
}
# qualifier -> (low factor, high factor); None means unbounded on that side.
_QUALIFIERS: dict[str, tuple[float | None, float | None]] = {
    "about": (0.9, 1.1),
    "around": (0.9, 1.1),
    "some": (0.9, 1.1),
    "roughly": (0.9, 1.1),
    "approximately": (0.9, 1.1),
    "an estimated": (0.9, 1.1),
    "estimated": (0.9, 1.1),
    "nearly": (0.9, 1.0),
    "almost": (0.9, 1.0),
    "close to": (0.9, 1.0),
    "over": (1.0, None),
    "more than": (1.0, None),
    "in excess of": (1.0, None),
    "upwards of": (1.0, None),
    "at least": (1.0, None),
    "up to": (0.0, 1.0),
    "as many as": (0.0, 1.0),
    "fewer than": (0.0, 1.0),
    "less than": (0.0, 1.0),
    "under": (0.0, 1.0),
    "at most": (0.0, 1.0),
}
NUMBER_WORDS: Mapping[str, int] = _WORDS  # number words and their values, scale words included
SCALE_WORDS: Mapping[str, int] = _SCALE  # "hundred", "thousand", "dozen" ...
_APPROXIMATE = {"about", "around", "some", "roughly", "approximately", "an estimated", "estimated",
                "nearly", "almost", "close to"}  # fmt: skip
_NUMBER = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_SUFFIX = re.compile(r"^(\d+(?:\.\d+)?)([kKmM])$")
_NOT_COUNTS = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"}


def _number(token: Token) -> float | None:
    text = token.text.lower()
    if _NUMBER.match(text):
        return float(text.replace(",", ""))
    suffix = _SUFFIX.match(text)
    if suffix:
        return float(suffix.group(1)) * (1_000 if suffix.group(2).lower() == "k" else 1_000_000)
    if text in _WORDS:
        return float(_WORDS[text])
    return None


def _read_number(sent: Span, i: int) -> tuple[float, int, int] | None:
    """The number written from token ``i``: (value, first token, last token).

    Digits ("20,000", "20k", "3.5 million"), words ("twenty-five", "two hundred and fifty",
    "two dozen"), "a dozen" / "a thousand", and "one" only right before what it counts.
    """
    doc = sent.doc
    token = doc[i]
    first = i
    if token.lower_ in ("a", "an") and i + 1 < sent.end and doc[i + 1].lower_ in _SCALE:
        value, last = 1.0, i
    elif token.lower_ == "one":
        nxt = doc[i + 1] if i + 1 < sent.end else None
        if nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or token.dep_ != "nummod":
            return None
        value, last = 1.0, i
    else:
        number = _number(token)
        if number is None:
            return None
        value, last = number, i
        tens = token.lower_ in _WORDS and _WORDS[token.lower_] >= 20 and value < 100
        if tens and last + 2 < sent.end and doc[last + 1].text == "-":
            unit = _WORDS.get(doc[last + 2].lower_)
            if unit is not None and unit < 10:
                value, last = value + unit, last + 2  # "twenty-five"
    while last + 1 < sent.end:
        word = doc[last + 1].lower_
        if word in _SCALE:
            value *= _SCALE[word]
            last += 1
        elif word == "and" and last + 2 < sent.end and doc[last].lower_ in ("hundred", "thousand"):
            rest = _number(doc[last + 2])
            if rest is None or rest >= 100:
                break
            value += rest
            last += 2
        else:
            break
    return value, first, last


def _qualifier(sent: Span, first: int) -> str | None:
    """The approximation or bound word(s) just before the number, if any."""
    before = [t.lower_ for t in sent.doc[max(sent.start, first - 3) : first]]
    for size in (3, 2, 1):
        if len(before) >= size and " ".join(before[-size:]) in _QUALIFIERS:
            return " ".join(before[-size:])
    return None


def _counted(head: Token) -> str | None:
    """The lemma of the noun a number counts (with a compound modifier, e.g. 'unit member')."""
    noun = head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    parts = [
        child.lemma_.lower()
        for child in noun.lefts
        if child.dep_ == "compound"
        and not child.like_num
        and _number(child) is None
        and not any(c.like_num for c in child.children)  # "18-hole golf courses"
    ]
    lemma = noun.lemma_.lower()
    if noun.tag_ == "NNPS" and lemma.endswith("s"):
        lemma = lemma[:-1]  # "Russians" keeps its plural as a lemma
    if lemma == "women":
        lemma = "woman"
    elif lemma.endswith("men") and not lemma.endswith(("imen", "omen", "amen")):
        lemma = lemma[:-3] + "man"  # the small model leaves "servicemen", "policemen" as they are
    return " ".join([*parts, lemma])


def find_quantities(sent: Span, *, text: str | None = None) -> list[Quantity]:
    """Counts stated in one sentence; dates, times, money, percentages and ages are left out.

    ``text`` is ``sent.text``, when the caller has it already.
    """
    if not _may_count(sent.text if text is None else text):
        return []
    found: list[Quantity] = []
    doc = sent.doc
    i = sent.start
    while i < sent.end:
        token = doc[i]
        if not _may_start(token):
            i += 1
            continue
        vague = _vague_at(sent, i)
        if vague is not None:
            phrase, vague_low, vague_high, last = vague
            head = doc[last].head if doc[last].dep_ == "pobj" else doc[last]
            noun = _noun_after(sent, last)
            start, end = token.idx, doc[last].idx + len(doc[last])
            if noun is not None:
                end = noun.idx + len(noun)
            counted = _counted(noun) if noun is not None else _counted(head)
            found.append(
                Quantity(
                    text=_slice(sent, start, end),
                    value=None,
                    low=vague_low,
                    high=vague_high,
                    counted=counted,
                    approximate=True,
                    qualifier=phrase,
                    span=(start, end),
                    predicate=_predicate(noun or doc[last]),
                )
            )
            i = last + 1
            continue
        reading = _read_number(sent, i)
        if reading is None or _is_age_or_year(token) or not _counts_here(sent, token, reading):
            i += 1
            continue
        value, first, last = reading
        if _tolerance(sent, first) or _modifier(sent, last):
            i = last + 1  # "plus or minus 4 points" bounds an error; "18-hole" names a kind
            continue
        qualifier = _qualifier(sent, first)
        q_start = first - len(qualifier.split()) if qualifier else first
        factors = _QUALIFIERS.get(qualifier or "", (1.0, 1.0))
        low = None if factors[0] is None else value * factors[0]
        high = None if factors[1] is None else value * factors[1]
        upper = _range_end(sent, first, last)
        number: float | None = value
        if upper is not None and upper[0] > value:
            number, high, last = None, upper[0], upper[1]
            low = value
            if first > sent.start and doc[first - 1].lower_ == "between":
                q_start = first - 1
        noun = _noun_after(sent, last)
        end_token = noun if noun is not None else doc[last]
        start, end = doc[q_start].idx, end_token.idx + len(end_token)
        found.append(
            Quantity(
                text=_slice(sent, start, end),
                value=number,
                low=low,
                high=high,
                counted=_counted(noun) if noun is not None else None,
                approximate=qualifier in _APPROXIMATE,
                qualifier=qualifier,
                span=(start, end),
                predicate=_predicate(noun if noun is not None else doc[last]),
            )
        )
        i = last + 1
    return found


_TIME_UNITS = {"second", "minute", "hour", "day", "night", "week", "weekend", "month", "year",
               "decade", "century", "season", "term", "morning", "evening", "time"}  # fmt: skip


def _counts_here(sent: Span, token: Token, reading: tuple[float, int, int]) -> bool:
    """Whether a number that the tagger puts in a date, time, money or percentage entity is
    still a count: the small model reads "Between 10 and 15 people" as a date."""
    if token.ent_type_ not in _NOT_COUNTS:
        return True
    if token.ent_type_ != "DATE":
        return False
    end = _range_end(sent, reading[1], reading[2])
    noun = _noun_after(sent, end[1] if end is not None else reading[2])
    return (
        noun is not None
        and noun.tag_ == "NNS"
        and noun.ent_type_ == ""
        and noun.lemma_.lower() not in _TIME_UNITS
    )


_TOLERANCE = ("plus or minus", "+/-", "+ /-", "±")


def _tolerance(sent: Span, first: int) -> bool:
    """Whether the number bounds an error ("plus or minus 4 points", "±3%"): no count."""
    doc = sent.doc
    before = " ".join(t.lower_ for t in doc[max(sent.start, first - 3) : first])
    return before.endswith(_TOLERANCE) or doc[first].text.startswith("±")


def _modifier(sent: Span, last: int) -> bool:
    """Whether the number is joined by a hyphen to the word after it ("18-hole golf
    courses", "a 22-point defeat", "a three-day protest"): it names a kind, it counts none."""
    doc = sent.doc
    if last + 2 >= sent.end or doc[last + 1].text != "-":
        return False
    word = doc[last + 2]
    return word.is_alpha and _number(word) is None and word.lower_ not in _SCALE


def _range_end(sent: Span, first: int, last: int) -> tuple[float, int] | None:
    """The upper number of a range read from its lower one: "between 130 and 160
    courses", "10 to 15 people" (not "from 10 to 15", which tells a change)."""
    doc = sent.doc
    if last + 2 >= sent.end:
        return None
    joint = doc[last + 1].lower_
    before = doc[first - 1].lower_ if first > sent.start else ""
    if not ((joint == "and" and before == "between") or (joint == "to" and before != "from")):
        return None
    reading = _read_number(sent, last + 2)
    if reading is None or _is_age_or_year(doc[last + 2]):
        return None
    return reading[0], reading[2]


_VAGUE_BY_FIRST: dict[str, list[tuple[list[str], float, float]]] = {}
for _phrase, (_low, _high) in sorted(_VAGUE.items(), key=lambda kv: -len(kv[0])):
    _VAGUE_BY_FIRST.setdefault(_phrase.split()[0], []).append((_phrase.split(), _low, _high))


_STARTERS = frozenset({"a", "an", "one", *_WORDS, *_VAGUE_BY_FIRST})
_DIGIT = re.compile(r"\d")
_COUNT_WORDS = tuple(sorted({*_WORDS, *_SCALE, *_VAGUE_BY_FIRST}))


def _may_count(text: str) -> bool:
    """Whether a sentence holds a digit or a number word ("a dozen" holds "dozen").

    Every count starts at one of them, so other sentences need no look at their tokens.
    """
    if _DIGIT.search(text):
        return True
    lowered = text.lower()
    return any(word in lowered for word in _COUNT_WORDS)


def _may_start(token: Token) -> bool:
    """Whether a number or a vague plural could start at ``token`` (most words are ruled out)."""
    return token.text[:1].isdigit() or token.lower_ in _STARTERS or token.text.lower() in _WORDS


def _slice(sent: Span, start: int, end: int) -> str:
    """Text between two document offsets inside ``sent`` (``Doc.text`` rebuilds the whole text)."""
    return sent.text[start - sent.start_char : end - sent.start_char]


def _vague_at(sent: Span, i: int) -> tuple[str, float, float, int] | None:
    """A vague plural ("dozens", "tens of thousands") starting at token ``i``, longest first."""
    doc = sent.doc
    for words, low, high in _VAGUE_BY_FIRST.get(doc[i].lower_, ()):
        window = [t.lower_ for t in doc[i : min(sent.end, i + len(words))]]
        if window == words:
            return " ".join(words), low, high, i + len(words) - 1
    return None


def _noun_after(sent: Span, last: int) -> Token | None:
    """The noun a number at ``last`` counts: its head, else the next noun within 4 words."""
    doc = sent.doc
    token = doc[last]
    head = token.head
    counts_head = token.dep_ in ("nummod", "quantmod", "compound")
    if counts_head and head.pos_ in ("NOUN", "PROPN") and head.i > token.i:
        return head
    for j in range(last + 1, min(sent.end, last + 5)):
        if doc[j].lower_ == "of":
            continue
        if doc[j].pos_ in ("NOUN", "PROPN"):
            k = j
            while (
                k + 1 < sent.end
                and doc[k + 1].pos_ in ("NOUN", "PROPN")
                and doc[k].dep_ == "compound"
            ):
                k += 1
            return doc[k]
        if doc[j].pos_ not in ("ADJ", "PROPN", "NOUN", "DET"):
            break
    return None


def _is_age_or_year(token: Token) -> bool:
    text = token.text
    nxt = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if nxt in ("-", "year", "years") and token.i + 2 < len(token.doc):
        return token.nbor(2).lower_ in ("year", "old", "-")
    return text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100


def _predicate(noun: Token) -> str | None:
    """What the counted took part in, as verb lemmas joined by "+": "60 staged ... and refused".

    Follows the noun up through prepositions and auxiliaries to the nearest verb; a
    passive participle ("were killed") counts as the verb, and conjoined verbs are kept.
    """
    token = noun
    verb: Token | None = None
    for _ in range(4):
        head = token.head
        if head is token:
            break
        if head.pos_ == "VERB":
            xcomp = [c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
            verb = (
                xcomp[0]
                if head.lemma_.lower() in ("be", "have", "get", "become") and xcomp
                else head
            )
            break
        if head.pos_ == "AUX":
            participles = [c for c in head.children if c.dep_ in ("acomp", "attr", "xcomp")]
            verb = participles[0] if participles else head
            break
        token = head
    if verb is None:
        acl = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
        verb = acl[0] if acl else None
    if verb is None:
        return None
    lemmas = [verb.lemma_.lower()] + [c.lemma_.lower() for c in verb.children
                                      if c.dep_ == "conj" and c.pos_ == "VERB"]  # fmt: skip
    return "+".join(dict.fromkeys(lemmas))
