"""Who a source is: its name, its kind, and "he", "they", "the newspaper" followed back."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from storytrace.records import SourceKind

OUTLET_NOUNS = {
    "newspaper", "outlet", "agency", "broadcaster", "channel", "magazine", "paper", "daily",
    "weekly", "tabloid", "website", "site", "wire", "publication", "network", "radio",
    "station", "television", "newsroom", "portal", "blog",
}  # fmt: skip
_OUTLET_WORDS = re.compile(
    r"\b(Times|Post|News|Press|Gazette|Courier|Daily|Herald|Tribune|Journal|Ledger|Agency|"
    r"Telegraph|Guardian|Observer|Chronicle|Weekly|Monitor|Reuters|Bloomberg|TV|Radio|"
    r"Pravda|Izvestia|Vesti|Novosti|Zeitung|Krant|Gazeta|Noticias|Journal)\b"
)
DOCUMENT_NOUNS = {
    "report", "statement", "document", "study", "survey", "memo", "filing",
    "letter", "release", "communique", "assessment", "analysis", "record",
}  # fmt: skip
_UNNAMED_NOUNS = {"source", "sources", "official", "officials", "report", "reports", "insider",
                  "insiders", "witness", "witnesses", "people", "person", "observer"}  # fmt: skip
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_PERSON_ROLES = {
    "man", "woman", "soldier", "pow", "prisoner", "activist", "official", "spokesman",
    "spokeswoman", "spokesperson", "minister", "commander", "officer", "witness", "resident",
    "driver", "chief", "director", "president", "leader", "lawyer", "doctor", "worker",
    "representative", "manager", "mayor", "governor", "captain", "inspector",
    "analyst", "expert", "professor", "researcher", "journalist", "reporter", "editor",
    "colonel", "general", "sergeant", "lieutenant", "secretary", "chairman", "chairwoman",
}  # fmt: skip
_GROUP_PRONOUNS = {"they", "it", "them"}
_BACK_REFERENCES = OUTLET_NOUNS | {"report", "publication"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}


@dataclass
class SourceContext:
    """What an article has named so far, for resolving later mentions."""

    known_outlets: set[str] = field(default_factory=set)
    people: dict[str, str] = field(default_factory=dict)  # surname or name -> full name
    last_person: str | None = None
    last_group: tuple[str, SourceKind] | None = (
        None  # last outlet or organisation named as a source
    )
    outlets_named: list[str] = field(default_factory=list)

    def note_entities(self, sent: Span) -> None:
        """Remember people and outlets named in a sentence, in reading order."""
        for ent in sent.ents:
            if is_person(ent):
                full = self.full_name(ent.text)
                self.last_person = full
                for part in full.split():
                    self.people.setdefault(part, full)
            if self.is_outlet(ent):
                name = clean_name(ent.text)
                if name not in self.outlets_named:
                    self.outlets_named.append(name)
                self.last_group = (name, "outlet")

    def full_name(self, name: str) -> str:
        """The fullest name seen for a person mention ("Kuzmin" -> "Nikolay Kuzmin")."""
        name = clean_name(name)
        if " " not in name and name in self.people:
            return self.people[name]
        return name

    def is_outlet(self, ent: Span) -> bool:
        """A named outlet: known, named like one, or introduced by "newspaper", "outlet" ..."""
        name = clean_name(ent.text)
        if name in self.known_outlets or name in self.outlets_named:
            return True
        if ent.label_ not in ("ORG", "PERSON", "GPE", "WORK_OF_ART", "PRODUCT", "NORP", "FAC"):
            return False
        if ent.label_ == "ORG" and _OUTLET_WORDS.search(name):
            return True
        doc = ent.doc
        before = [t for t in doc[max(0, ent.start - 2) : ent.start] if not t.is_punct]
        if before and before[-1].lemma_.lower() in OUTLET_NOUNS:
            return True
        root = ent.root
        return root.dep_ == "appos" and root.head.lemma_.lower() in OUTLET_NOUNS


_TITLES = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "gen", "col", "capt", "sgt", "lt"}


def is_person(ent: Span) -> bool:
    """A person: tagged PERSON, or a name right after a role or title ("spokesperson Ann Lee")."""
    if ent.label_ == "PERSON":
        return True
    if ent.label_ not in ("ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART") or len(ent) > 4:
        return False
    if not all(t.is_title for t in ent):
        return False
    before = [t for t in ent.doc[max(0, ent.start - 2) : ent.start] if not t.is_punct]
    if not before:
        return False
    word = before[-1].lower_.rstrip(".")
    return word in _PERSON_ROLES or word in _TITLES


def clean_name(text: str) -> str:
    """A source name without leading articles, possessives or surrounding punctuation."""
    name = " ".join(text.split()).strip(" ,.;:\"'“”‘’")
    name = re.sub(r"^(the|a|an)\s+", "", name, flags=re.IGNORECASE)
    return re.sub(r"(['’]s)$", "", name)


def _phrase(head: Token) -> Span:
    """The noun phrase of a subject without relative clauses or appositions."""
    keep = [t for t in head.subtree if t.dep_ not in ("relcl", "appos", "acl", "punct", "prep")]
    left = [t for t in keep if t.i <= head.i]
    start = min(t.i for t in left) if left else head.i
    return head.doc[start : head.i + 1]


def name_source(head: Token, ctx: SourceContext) -> tuple[str, SourceKind, Span]:
    """The resolved name, kind and span of the source whose head token is ``head``."""
    phrase = _phrase(head)
    lower = head.lower_
    determiner = phrase[0].lower_ if len(phrase) > 1 else ""
    role_reference = determiner in ("this", "that", "the") and lower in _PERSON_ROLES
    if role_reference and len(phrase) == 2 and ctx.last_person:
        return ctx.last_person, "person", phrase  # "this POW", "the spokesperson"
    ents = [e for e in head.doc.ents if e.start <= head.i < e.end]
    ents += [e for e in phrase.ents if e not in ents]
    for ent in ents:
        if ctx.is_outlet(ent):
            return clean_name(ent.text), "outlet", ent
    for ent in ents:
        if is_person(ent):
            return ctx.full_name(ent.text), "person", ent
        if ent.label_ in ("ORG", "GPE", "NORP"):
            return clean_name(ent.text), "organisation", ent
    if lower in _PERSON_PRONOUNS and ctx.last_person:
        return ctx.last_person, "person", phrase
    lemma = head.lemma_.lower()
    back_reference = lower in _GROUP_PRONOUNS or (
        determiner in ("the", "this", "that") and lemma in _BACK_REFERENCES
    )
    if back_reference and ctx.last_group:
        return ctx.last_group[0], ctx.last_group[1], phrase
    if lemma in DOCUMENT_NOUNS and determiner in _DETERMINERS:
        return clean_name(phrase.text), "document", phrase
    if lemma in _UNNAMED_NOUNS or lower in _GROUP_PRONOUNS or head.pos_ == "PRON":
        return clean_name(phrase.text), "unnamed", phrase
    if head.pos_ == "PROPN" and clean_name(phrase.text) in ctx.people:
        return ctx.full_name(phrase.text), "person", phrase
    if head.pos_ == "PROPN":
        outlet = clean_name(phrase.text) in ctx.known_outlets or _OUTLET_WORDS.search(phrase.text)
        kind: SourceKind = "outlet" if outlet else "organisation"
        return clean_name(phrase.text), kind, phrase
    return clean_name(phrase.text), "unnamed", phrase
