"""Origins: one name for one source, whatever its spelling or script."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from storytrace.records import Attribution, Origin

_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
     "i", "i", "ie", "g", "u"],
    strict=True,
))  # fmt: skip
# Russian, Ukrainian and Belarusian letters.
# Spellings that the common romanisations of one name differ by (BGN, ISO 9, popular usage).
_VARIANTS = [
    (r"iya\b", "ia"), (r"iia\b", "ia"), (r"yy\b", "y"), (r"iy\b", "y"), (r"ij\b", "y"),
    (r"ii\b", "y"), (r"yi\b", "y"), (r"ei\b", "ey"),
    (r"kh", "h"), (r"ks", "x"), (r"tz", "ts"), (r"ou", "u"), (r"j", "y"), (r"w", "v"),
    (r"yu", "iu"), (r"ya", "ia"), (r"ye", "e"), (r"(.)\1", r"\1"),
]  # fmt: skip
_ARTICLES = re.compile(r"^(the|a|an)\s+")
_TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "sir", "rep", "representative", "sen", "senator", "gov",
    "governor", "president", "former", "gen", "general", "col", "colonel", "capt", "captain",
    "judge", "mayor", "minister", "secretary", "chief", "lt", "sgt", "rev", "pope", "king",
    "queen", "prince", "princess", "lord", "lady",
}  # fmt: skip

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}  # "Joseph R. Biden Jr." is "Joseph Biden"
# English given names and the short forms news copy uses for the same person
_SHORT_FORMS = {
    "joseph": {"joe"}, "robert": {"bob", "bobby", "rob"}, "william": {"bill", "billy", "will"},
    "richard": {"dick", "rick", "rich"}, "charles": {"chuck", "charlie"},
    "michael": {"mike"}, "james": {"jim", "jimmy", "jamie"}, "thomas": {"tom", "tommy"},
    "edward": {"ed", "ted", "eddie"}, "theodore": {"ted"}, "elizabeth": {"liz", "beth", "betsy"},
    "margaret": {"peggy", "maggie", "meg"}, "katherine": {"kate", "kathy", "katie"},
    "catherine": {"cathy", "kate"}, "christopher": {"chris"}, "christine": {"chris"},
    "daniel": {"dan", "danny"}, "david": {"dave"}, "donald": {"don"}, "ronald": {"ron"},
    "gerald": {"jerry"}, "jerome": {"jerry"}, "lawrence": {"larry"}, "anthony": {"tony"},
    "andrew": {"andy", "drew"}, "benjamin": {"ben"}, "nicholas": {"nick"},
    "patrick": {"pat"}, "patricia": {"pat", "patty"}, "samuel": {"sam"}, "steven": {"steve"},
    "stephen": {"steve"}, "timothy": {"tim"}, "matthew": {"matt"}, "gregory": {"greg"},
    "jeffrey": {"jeff"}, "kenneth": {"ken"}, "frederick": {"fred"}, "alexander": {"alex"},
    "jonathan": {"jon"}, "peter": {"pete"}, "raymond": {"ray"}, "gary": {"gar"},
    "deborah": {"debbie", "deb"}, "rebecca": {"becky"}, "susan": {"sue"}, "barbara": {"barb"},
    "jennifer": {"jen", "jenny"}, "abigail": {"abby"}, "victoria": {"vicky"},
    "hillary": {"hill"}, "mitchell": {"mitch"}, "harold": {"harry", "hal"}, "henry": {"hank"},
    "john": {"jack", "johnny"}, "vladimir": {"volodymyr"}, "alexei": {"alexey", "aleksei"},
}  # fmt: skip


def _same_given_name(a: str, b: str) -> bool:
    """Whether two given names (name keys) are one: equal, or a formal name and its short form."""
    return a == b or b in _short_forms().get(a, ()) or a in _short_forms().get(b, ())


@functools.cache
def _short_forms() -> dict[str, set[str]]:
    """:data:`_SHORT_FORMS` under name keys ("joseph" is keyed "yoseph")."""
    return {_key_word(name): {_key_word(s) for s in short} for name, short in _SHORT_FORMS.items()}


@functools.cache
def _suffixes() -> set[str]:
    return {_key_word(suffix) for suffix in _SUFFIXES}


def transliterate(text: str) -> str:
    """Latin letters for a name written in Cyrillic (other scripts pass through)."""
    return "".join(_CYRILLIC.get(ch, _CYRILLIC.get(ch.lower(), ch)) for ch in text)


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A comparison key under which spelling and transliteration variants of a name coincide."""
    text = transliterate(name.casefold())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _ARTICLES.sub("", text)
    text = re.sub(r"['’]s\b", "", text)
    words = re.findall(r"[a-z0-9]+", text)
    return " ".join(_key_word(word) for word in words)


def _key_word(word: str) -> str:
    """One lower-case word under the spelling variants of :data:`_VARIANTS`."""
    for pattern, replacement in _VARIANTS:
        word = re.sub(pattern, replacement, word)
    return word


def names_its_source(attribution: Attribution | None) -> bool:
    """Whether an attribution names who its source is: not an unnamed source, nor a person
    the text gives only by a role it never ties to a name ("the former secretary of state
    said", :func:`by_role_only`), who may well be a speaker named elsewhere, nor a document
    given only by what it is ("the ad says", "the poll indicates")."""
    if attribution is None or attribution.kind == "unnamed":
        return False
    by_noun = not any(c.isupper() for c in attribution.source)
    return not (by_noun and attribution.kind == "document") and not by_role_only(attribution)


def by_role_only(attribution: Attribution | None) -> bool:
    """Whether a person is given only by a role ("the former secretary of state", "the
    Vermont senator", "the presumptive Republican nominee"): the phrase ends in a common
    noun, as a person's name never does."""
    if attribution is None or attribution.kind != "person":
        return False
    words = attribution.source.split()
    return bool(words) and not words[-1][:1].isupper()


def same_source(a: str, b: str) -> bool:
    """Whether two names denote one source: equal keys, or keys one small edit apart per word."""
    key_a, key_b = name_key(a), name_key(b)
    if not key_a or not key_b:
        return False
    if key_a == key_b:
        return True
    owned_a, owned_b = _OWNED.match(a.strip()), _OWNED.match(b.strip())
    if owned_a and owned_b:
        return _same_body(owned_a, owned_b)
    initials_a = [w for w in key_a.split() if len(w) == 1]
    initials_b = [w for w in key_b.split() if len(w) == 1]
    if initials_a and initials_b and initials_a != initials_b:
        return False  # "George W. Bush" is not "George H. W. Bush"
    words_a, words_b = _core(key_a.split()), _core(key_b.split())
    if words_a == words_b:
        return True  # "Donald J. Trump" and "Donald Trump", "Rep. Ann Lee" and "Ann Lee"
    if min(len(words_a), len(words_b)) == 1 and max(len(words_a), len(words_b)) <= 3:
        # "Dewulf" after "Marieke Dewulf": a surname stands for the full name met before.
        short, full = sorted((words_a, words_b), key=len)
        return len(short[0]) > 2 and short[0] == full[-1] and full != short
    if {len(words_a), len(words_b)} == {2, 3}:
        # "Hillary Rodham Clinton" and "Hillary Clinton": one person with a middle name
        short, full = sorted((words_a, words_b), key=len)
        if short[0] == full[0] and short[-1] == full[-1]:
            return True
    if len(words_a) != len(words_b):
        return False
    if len(words_a) >= 2 and _same_given_name(words_a[0], words_b[0]):
        words_a, words_b = words_a[1:], words_b[1:]  # "Joe Biden" and "Joseph Biden"
    return all(
        w[0] == v[0] and fuzz.ratio(w, v) >= 85 for w, v in zip(words_a, words_b, strict=True)
    )


_OWNED = re.compile(r"^(.*?\w)['’]s?\s+(\w[\w\s.-]*)$")  # "Ryan's office", "Trump's campaign"


def _same_body(a: re.Match[str], b: re.Match[str]) -> bool:
    """Whether two bodies named as someone's are one: the same body ("office", "campaign")
    of the same person, named in full or by surname ("House Speaker Paul Ryan's office",
    "Ryan's office"); two given names that differ make two people."""
    if name_key(a.group(2)) != name_key(b.group(2)):
        return False
    owner_a, owner_b = name_key(a.group(1)).split(), name_key(b.group(1)).split()
    if not owner_a or not owner_b or owner_a[-1] != owner_b[-1]:
        return False
    if min(len(owner_a), len(owner_b)) == 1:
        return True
    return same_source(" ".join(owner_a[-2:]), " ".join(owner_b[-2:]))


def _core(words: list[str]) -> list[str]:
    """A name's words without initials and leading titles, when two words or more remain."""
    core = [w for w in words if len(w) > 1]
    while len(core) > 2 and core[-1] in _suffixes():
        core = core[:-1]
    while core and core[0] in _TITLES:
        core = core[1:]
    return core if len(core) >= 2 else words


def merge_origins(origins: Sequence[Origin]) -> list[Origin]:
    """Merge origins that name one source; each keeps every spelling seen as a variant."""
    merged: list[Origin] = []
    for origin in origins:
        for index, existing in enumerate(merged):
            if same_source(existing.name, origin.name):
                variants = tuple(dict.fromkeys([*existing.variants, *origin.variants, origin.name]))
                kind = existing.kind if existing.kind != "outlet" else origin.kind
                name = max((existing.name, origin.name), key=lambda n: len(n.split()))
                keep = existing if name == existing.name else origin
                merged[index] = Origin(name, kind, variants, keep.id or existing.id or origin.id)
                break
        else:
            merged.append(
                Origin(
                    origin.name,
                    origin.kind,
                    tuple(dict.fromkeys([origin.name, *origin.variants])),
                    origin.id,
                )
            )
    return merged


def origin_id(name: str) -> str:
    """A stable id for an origin, shared by every spelling of its name."""
    return "or-" + hashlib.sha256(name_key(name).encode("utf-8")).hexdigest()[:12]


class OriginNames:
    """One name, one set of variants and one id per origin across a whole story."""

    def __init__(self, origins: Iterable[Origin]) -> None:
        self._merged = merge_origins(list(origins))

    def resolve(self, origin: Origin) -> Origin:
        """The story's canonical form of ``origin`` (itself, with an id, if unknown)."""
        for known in self._merged:
            if origin.name in known.variants or same_source(known.name, origin.name):
                kind = (
                    known.kind if origin.kind != "outlet" or known.kind == "outlet" else origin.kind
                )
                return Origin(known.name, kind, known.variants, origin_id(known.name))
        return Origin(origin.name, origin.kind, origin.variants, origin_id(origin.name))
