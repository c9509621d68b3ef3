"""Which pronoun a person named in an article can take: "she", "he", or either.

Evidence, strongest first: a title or honorific before the name ("Ms. Lynch", "Mr. Clarke"),
a sexed role beside it ("spokeswoman Ann Lee", "Ann Lee, a congresswoman,"), then the first
name's usual sex (``data/first_names.tsv``, built by ``bench/build_first_names.py`` from the
US Census Bureau's 1990 first-name lists). A name none of these settles can take either.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

from spacy.tokens import Span, Token

Sex = Literal["f", "m"]
TABLE = Path(__file__).parent / "data" / "first_names.tsv"

_FEMALE_WORDS = {
    "mrs", "ms", "miss", "madam", "madame", "dame", "lady", "queen", "princess", "duchess",
    "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "councilwoman",
    "woman", "wife", "mother", "mom", "daughter", "sister", "niece", "aunt", "grandmother",
    "widow", "girlfriend", "actress",
}  # fmt: skip
_MALE_WORDS = {
    "mr", "sir", "lord", "king", "prince", "duke", "spokesman", "chairman", "congressman",
    "businessman", "councilman", "man", "husband", "father", "dad", "son", "brother",
    "nephew", "uncle", "grandfather", "widower", "boyfriend", "actor",
}  # fmt: skip
PRONOUN_SEX: dict[str, Sex] = {
    "she": "f",
    "her": "f",
    "hers": "f",
    "he": "m",
    "him": "m",
    "his": "m",
}


@functools.cache
def _first_names() -> dict[str, Sex]:
    table: dict[str, Sex] = {}
    for line in TABLE.read_text().splitlines():
        name, _, sex = line.partition("\t")
        if sex in ("f", "m"):
            table[name] = sex  # type: ignore[assignment]
    return table


def first_name_sex(full_name: str) -> Sex | None:
    """The usual sex of a full name's first name ("Hillary Clinton": f), if it has one."""
    words = full_name.split()
    if len(words) < 2:
        return None  # a surname alone says nothing
    return _first_names().get(words[0].capitalize() if words[0].isupper() else words[0])


def _word_sex(word: str) -> Sex | None:
    word = word.lower().rstrip(".")
    if word in _FEMALE_WORDS:
        return "f"
    if word in _MALE_WORDS:
        return "m"
    return None


def mention_sex(ent: Span) -> Sex | None:
    """The sex one mention of a person shows: a title right before it, or a sexed role noun
    it is set beside in apposition."""
    doc = ent.doc
    before = [t for t in doc[max(ent.sent.start, ent.start - 2) : ent.start] if not t.is_punct]
    if before:
        found = _word_sex(before[-1].text)
        if found is not None:
            return found
    for noun in apposed_nouns(ent):
        if any(c.lower_ == "whose" for c in noun.children):
            continue  # "Dorothy Woods, whose husband, ..." is no husband
        found = _word_sex(noun.text)
        if found is not None:
            return found
    return None


def apposed_nouns(ent: Span) -> list[Token]:
    """The nouns a mention is set beside in apposition ("Ann Lee, a spokeswoman,"; "the
    secretary, Ann Lee,")."""
    root = ent.root
    related = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        related.append(root.head)
    return related
