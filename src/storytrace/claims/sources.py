"""Who a source is: its name, its kind, and "he", "they", "the newspaper" followed back."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from storytrace.records import SourceKind

OUTLET_NOUNS = {
    "newspaper", "outlet", "agency", "broadcaster", "channel", "magazine", "paper", "daily",
    "weekly", "tabloid", "website", "site", "wire", "publication", "network", "radio",
    "station", "television", "newsroom", "portal", "blog",
}  # fmt: skip
_OUTLET_WORDS = re.compile(
    r"\b(Times|Post|News|Press|Gazette|Courier|Daily|Herald|Tribune|Journal|Ledger|Agency|"
    r"Telegraph|Guardian|Observer|Chronicle|Weekly|Monitor|Reuters|Bloomberg|TV|Radio|"
    r"Pravda|Izvestia|Vesti|Novosti|Zeitung|Krant|Gazeta|Noticias|Journal|Independent|Express|"
    r"Mirror|Mail|Insider|Bulletin|Dispatch|Inquirer|Examiner|Sentinel|Globe|Gubernia|Guberniya)\b"
)
DOCUMENT_NOUNS = {
    "report", "statement", "document", "study", "survey", "memo", "filing",
    "letter", "release", "communique", "assessment", "analysis", "record",
}  # fmt: skip
_KNOWN_OUTLETS = {
    "AP", "AFP", "Reuters", "Bloomberg", "Interfax", "TASS", "RIA Novosti", "Xinhua", "Ukrinform",
    "UNIAN", "BBC", "CNN", "Al Jazeera", "Meduza", "Kommersant", "Associated Press",
    "Agence France-Presse", "Sky News", "Fox News", "NPR", "Politico", "Axios", "ABC", "NBC", "CBS",
}  # fmt: skip
_INSTITUTION_NOUNS = {
    "ministry", "government", "police", "army", "military", "company", "department", "office",
    "council", "court", "party", "committee", "kremlin", "embassy", "administration", "commission",
    "authority", "authorities", "firm", "agency", "union", "prosecutor", "prosecutors",
    "parliament", "navy", "campaign", "command", "service", "group", "organisation",
    "organization", "institute", "centre", "center", "university", "board", "cabinet",
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
    last_group: tuple[str, SourceKind] | None = None  # last outlet or organisation cited
    they_is_group: bool = False  # "they" still means last_group (no other plural subject since)
    outlets_named: list[str] = field(default_factory=list)
    _entities: tuple[Doc, list[Span]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def entities(self, doc: Doc) -> list[Span]:
        """``doc.ents``, built once per document (spaCy builds the list anew on each access)."""
        if self._entities is None or self._entities[0] is not doc:
            self._entities = (doc, list(doc.ents))
        return self._entities[1]

    def cite_group(self, name: str, kind: SourceKind) -> None:
        """An outlet or organisation was just named as a source."""
        self.last_group = (name, kind)
        self.they_is_group = True

    def note_entities(
        self, sent: Span, *, attributed: bool = False, ents: Sequence[Span] | None = None
    ) -> None:
        """Remember people and outlets named in a sentence, in reading order.

        "he"/"she" later means the person who was the subject of a recent sentence (else the
        last one named); "they" stops meaning the last cited group once a sentence outside
        quotes, and not itself attributed, has another plural subject ("These troops are now
        reprimanded").
        """
        subject_person: str | None = None
        for ent in sent.ents if ents is None else ents:
            if is_person(ent):
                full = self.full_name(ent.text)
                self.last_person = full
                for part in full.split():
                    self.people.setdefault(part, full)
                if ent.root.dep_ in ("nsubj", "nsubjpass") or ent.root.head.dep_ in (
                    "nsubj",
                    "nsubjpass",
                ):
                    subject_person = full
            if self.is_outlet(ent):
                name = clean_name(ent.text)
                if name not in self.outlets_named:
                    self.outlets_named.append(name)
                self.cite_group(name, "outlet")
        if subject_person is not None:
            self.last_person = subject_person
        quoted = _opening_char(sent) in "\"“‘«'"
        if (
            not quoted
            and not attributed
            and any(
                t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NNS" and t.head.dep_ == "ROOT"
                for t in sent
            )
        ):
            self.they_is_group = False

    def full_name(self, name: str) -> str:
        """The fullest name seen for a person mention ("Kuzmin" -> "Nikolay Kuzmin")."""
        name = clean_name(name)
        if " " not in name and name in self.people:
            return self.people[name]
        return name

    def is_outlet(self, ent: Span) -> bool:
        """A named outlet: known, named like one, or introduced by "newspaper", "outlet" ..."""
        name = clean_name(ent.text)
        if name in self.known_outlets or name in self.outlets_named or name in _KNOWN_OUTLETS:
            return True
        if ent.label_ not in ("ORG", "PERSON", "GPE", "WORK_OF_ART", "PRODUCT", "NORP", "FAC"):
            return False
        if ent.label_ == "ORG" and _OUTLET_WORDS.search(name):
            return True
        if len(name.split()) > 1 and _OUTLET_WORDS.fullmatch(name.split()[-1]):
            return True  # "Harbour Gazette" even when the small model calls it a PERSON
        doc = ent.doc
        before = [t for t in doc[max(0, ent.start - 2) : ent.start] if not t.is_punct]
        if before and before[-1].lemma_.lower() in OUTLET_NOUNS:
            return True
        root = ent.root
        return root.dep_ == "appos" and root.head.lemma_.lower() in OUTLET_NOUNS


def _opening_char(sent: Span) -> str:
    """The first character of ``sent.text.lstrip()`` ("" if none), without building the text."""
    for token in sent:
        visible = token.text_with_ws.lstrip()
        if visible:
            return visible[0]
    return ""


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


_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(['’]s)$")


def clean_name(text: str) -> str:
    """A source name without leading articles, possessives or surrounding punctuation."""
    name = " ".join(text.split()).strip(" ,.;:\"'“”‘’")
    return _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", name))


def _phrase(head: Token) -> Span:
    """The noun phrase of a subject without relative clauses or appositions.

    A name's own "of"/"for" phrase stays ("Centre for Defense Strategies", "Ministry of
    Defence"); other prepositional phrases go.
    """
    keep = [t for t in head.subtree if t.dep_ not in ("relcl", "appos", "acl", "punct", "prep")]
    left = [t for t in keep if t.i <= head.i]
    start = min(t.i for t in left) if left else head.i
    end = head.i + 1
    if head.pos_ == "PROPN":
        for prep in head.rights:
            objects = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for") and objects:
                end = max(end, objects[0].i + 1)
    return head.doc[start:end]


def _within(doc_ents: list[Span], span: Span) -> list[Span]:
    """``span.ents`` picked from the document's entities, as spaCy picks them."""
    found: list[Span] = []
    for ent in doc_ents:
        if ent.start >= span.start:
            if ent.end > span.end:
                break
            found.append(ent)
    return found


def name_source(head: Token, ctx: SourceContext) -> tuple[str, SourceKind, Span]:
    """The resolved name, kind and span of the source whose head token is ``head``."""
    phrase = _phrase(head)
    lower = head.lower_
    determiner = phrase[0].lower_ if len(phrase) > 1 else ""
    role_reference = determiner in ("this", "that", "the") and lower in _PERSON_ROLES
    if role_reference and len(phrase) == 2 and ctx.last_person:
        return ctx.last_person, "person", phrase  # "this POW", "the spokesperson"
    doc_ents = ctx.entities(head.doc)
    ents = [e for e in doc_ents if e.start <= head.i < e.end]
    ents += [e for e in _within(doc_ents, phrase) if e not in ents]
    for ent in ents:
        if ctx.is_outlet(ent):
            return clean_name(ent.text), "outlet", ent
    for ent in ents:
        if is_person(ent):
            return ctx.full_name(ent.text), "person", ent
        if ent.label_ in ("ORG", "GPE", "NORP") or (
            ent.label_ in ("WORK_OF_ART", "FAC", "LAW", "PRODUCT") and ent.root.is_title
        ):
            return clean_name(ent.text), "organisation", ent
    if lower in _PERSON_PRONOUNS and ctx.last_person:
        return ctx.last_person, "person", phrase
    lemma = head.lemma_.lower()
    back_reference = (lower in _GROUP_PRONOUNS and ctx.they_is_group) or (
        determiner in ("the", "this", "that") and lemma in _BACK_REFERENCES
    )
    if back_reference and ctx.last_group:
        return ctx.last_group[0], ctx.last_group[1], phrase
    if lemma in DOCUMENT_NOUNS and determiner in _DETERMINERS:
        return clean_name(phrase.text), "document", phrase
    if lemma in _UNNAMED_NOUNS or lower in _GROUP_PRONOUNS or head.pos_ == "PRON":
        return clean_name(phrase.text), "unnamed", phrase
    if head.pos_ == "NOUN" and lemma in _INSTITUTION_NOUNS:
        return clean_name(phrase.text), "organisation", phrase  # "the ministry", "police"
    if head.pos_ == "NOUN" and lemma in _PERSON_ROLES and head.tag_ != "NNS":
        return clean_name(phrase.text), "person", phrase  # "the governor": one person, by role
    if head.pos_ == "PROPN" and clean_name(phrase.text) in ctx.people:
        return ctx.full_name(phrase.text), "person", phrase
    if head.pos_ == "PROPN":
        outlet = clean_name(phrase.text) in ctx.known_outlets or _OUTLET_WORDS.search(phrase.text)
        kind: SourceKind = "outlet" if outlet else "organisation"
        return clean_name(phrase.text), kind, phrase
    return clean_name(phrase.text), "unnamed", phrase
