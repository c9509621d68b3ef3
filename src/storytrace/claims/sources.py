"""Who a source is: its name, its kind, and "he", "they", "the newspaper" followed back."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from storytrace.claims.features import token_view
from storytrace.claims.genders import (
    PRONOUN_SEX,
    Sex,
    apposed_nouns,
    first_name_sex,
    mention_sex,
)
from storytrace.records import SourceKind
from storytrace.records import Span as SpanOffsets
from storytrace.text.doccache import doc_ents, doc_text, span_ents
from storytrace.text.places import geocode
from storytrace.text.segment import classify_line

OUTLET_NOUNS = {
    "newspaper", "outlet", "agency", "broadcaster", "channel", "magazine", "paper", "daily",
    "weekly", "tabloid", "website", "site", "wire", "publication", "network", "radio",
    "station", "television", "newsroom", "portal", "blog",
}  # fmt: skip
_OUTLET_WORDS = re.compile(
    r"\b(Times|Post|News|Press|Gazette|Courier|Daily|Herald|Tribune|Journal|Ledger|"
    r"Telegraph|Guardian|Observer|Chronicle|Weekly|Monitor|Reuters|Bloomberg|TV|Radio|"
    r"Pravda|Izvestia|Vesti|Novosti|Zeitung|Krant|Gazeta|Noticias|Journal|Independent|Express|"
    r"Mirror|Mail|Insider|Bulletin|Dispatch|Inquirer|Examiner|Sentinel|Globe|Gubernia|Guberniya)\b"
)
# outlet words that are also people's surnames ("Michael Bloomberg")
_SURNAME_OUTLETS = {"Reuters", "Bloomberg"}
DOCUMENT_NOUNS = {
    "report", "statement", "document", "study", "survey", "memo", "filing",
    "letter", "release", "communique", "assessment", "analysis", "record", "poll",
    "lawsuit", "complaint", "ruling", "indictment", "transcript", "email", "audit",
    "affidavit", "tweet", "manifesto", "data", "ad", "advertisement", "article", "video",
    "footage", "editorial", "column", "book", "documentary", "piece", "recording",
    "brief", "submission", "petition", "motion",
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
    "camp", "team", "staff", "coalition", "alliance", "bloc", "caucus", "foundation", "bank",
    "fund",
}  # fmt: skip
_UNNAMED_NOUNS = {"source", "sources", "official", "officials", "report", "reports", "insider",
                  "insiders", "witness", "witnesses", "people", "person", "observer"}  # fmt: skip
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}  # "his claim that ..."
_PERSON_ROLES = {
    "man", "woman", "soldier", "pow", "prisoner", "activist", "official", "spokesman",
    "spokeswoman", "spokesperson", "minister", "commander", "officer", "witness", "resident",
    "driver", "chief", "director", "president", "leader", "lawyer", "doctor", "worker",
    "representative", "manager", "mayor", "governor", "captain", "inspector",
    "analyst", "expert", "professor", "researcher", "journalist", "reporter", "editor",
    "colonel", "general", "sergeant", "lieutenant", "secretary", "chairman", "chairwoman",
    "attorney", "aide", "adviser", "advisor", "senator", "nominee", "candidate", "ambassador",
    "prosecutor", "judge", "strategist", "consultant", "pollster", "surgeon", "nurse",
    "surrogate", "lawmaker", "congressman", "congresswoman", "economist", "historian",
    "scientist", "executive", "founder", "moderator", "columnist", "commentator", "owner",
    "teacher", "student", "farmer", "wife", "husband", "mother", "father", "daughter", "son",
    "writer", "author", "host", "anchor", "correspondent", "blogger", "contributor", "pastor",
    "priest", "actor", "actress", "singer", "comedian", "coach", "player", "athlete", "veteran",
    "voter", "mom", "dad", "sister", "brother", "niece", "nephew", "grandmother", "grandfather",
    "physician", "psychologist", "sociologist", "partner", "lobbyist", "organizer",
    "organiser", "volunteer", "retiree", "businessman", "businesswoman", "entrepreneur",
    "user", "reader", "viewer", "listener", "caller", "follower",
}  # fmt: skip
# what a story calls the candidate it follows, once named: "the front-runner said"
_RUNNING_ROLES = {"candidate", "nominee", "front-runner", "frontrunner", "contender",
                  "challenger", "incumbent", "billionaire", "businessman", "businesswoman",
                  "mogul"}  # fmt: skip
_GROUP_PRONOUNS = {"they", "it", "them", "their", "its"}
# back references that can mean an organisation named since, not only a cited outlet
_ORG_BACK_REFERENCES = {"agency", "network", "channel", "station", "broadcaster", "company",
                        "firm"}  # fmt: skip
_BACK_REFERENCES = OUTLET_NOUNS | _ORG_BACK_REFERENCES | {"report", "publication"}
_PARTIES = {"Democrats", "Republicans", "Conservatives", "Tories", "Liberals", "Socialists",
            "Greens", "Democrat", "Republican"}  # fmt: skip
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}


@dataclass
class SourceContext:
    """What an article has named so far, for resolving later mentions."""

    known_outlets: set[str] = field(default_factory=set)
    people: dict[str, str] = field(default_factory=dict)  # surname or name -> full name
    recent_people: list[str] = field(default_factory=list)  # last named last (a subject last)
    sexes: dict[str, Sex] = field(default_factory=dict)  # what a title or role shows of one
    last_group: tuple[str, SourceKind] | None = None  # last outlet or organisation cited
    named_at: dict[str, SpanOffsets] = field(default_factory=dict)  # name -> first mention
    places: set[str] = field(default_factory=set)  # names the article uses as places
    they_is_group: bool = False  # "they" still means last_group (no other plural subject since)
    outlets_named: list[str] = field(default_factory=list)
    # the last organisation or outlet the text named in any role, with where it was named
    last_org: tuple[str, SourceKind, int] | None = None
    last_group_at: int = -1  # where last_group was cited
    surnames: dict[str, str] = field(default_factory=dict)  # the article's people, by surname
    # people named as a subject outside quotation marks, or as a source: "he" may mean them
    # even when neither a title nor a first name tells their sex
    salient: set[str] = field(default_factory=set)
    # the last main-clause subject outside quotes that "they" can stand for (a plural noun or
    # an organisation), and where its sentence ends
    last_plural: tuple[Resolved, int] | None = None
    last_thing: tuple[Resolved, int] | None = None  # the same for "it": a document or a body
    last_speaker: str | None = None  # the person last resolved as a source
    _entities: tuple[Doc, list[Span]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def entities(self, doc: Doc) -> list[Span]:
        """``doc.ents``, built once per document (spaCy builds the list anew on each access)."""
        if self._entities is None or self._entities[0] is not doc:
            self._entities = (doc, list(doc_ents(doc)))
            self.places = {clean_name(e.text) for e in self._entities[1] if e.label_ in _PLACES}
            self.surnames = _surnames(self._entities[1])
        return self._entities[1]

    def cite_group(self, name: str, kind: SourceKind, at: Span | None = None) -> None:
        """An outlet or organisation was just named as a source (``at``: the mention)."""
        self.last_group = (name, kind)
        self.they_is_group = True
        if at is not None:
            self.named_at.setdefault(name, (at.start_char, at.end_char))
            self.last_group_at = at.start_char

    def mention_of(self, name: str | None) -> SpanOffsets | None:
        """Where a resolved name was first mentioned in the article."""
        return self.named_at.get(name) if name else None

    def note_entities(
        self,
        sent: Span,
        *,
        speakers: Collection[int] = (),
        cites_group: bool = False,
        ents: Sequence[Span] | None = None,
    ) -> None:
        """Remember people and outlets named in a sentence, in reading order.

        "he"/"she" later means the person who was the subject of a recent sentence (else the
        last one named); "they" stops meaning the last cited group once a sentence outside
        quotes has another plural subject that is not itself a source there (``speakers``:
        the tokens of the sentence's marked sources), unless the sentence itself cites that
        group (``cites_group``: "According to the report, 60 members were fired"): "These
        troops are now reprimanded".
        """
        subject_person: str | None = None
        main_subject = False
        text = doc_text(sent.doc)[sent.start_char : sent.end_char]  # not rebuilt from tokens
        heading = classify_line(text.strip()) == "heading"
        for ent in span_ents(sent) if ents is None else ents:
            # not a title-case headline's names, which run on ("Trump Says He Never")
            person = not heading and self._names_person(ent)
            if person:
                full = self.person_name(ent)
                if ent.root.i in speakers:
                    self.salient.add(full)
                self._recent(full)
                sex = mention_sex(ent)
                if sex is not None:
                    self.sexes.setdefault(full, sex)
                self.named_at.setdefault(full, (ent.start_char, ent.end_char))
                parts = full.split()
                for part in parts:
                    self.people.setdefault(part, full)
                for k in range(1, len(parts) - 1):  # "De Smet" of "Jonas De Smet"
                    self.people.setdefault(" ".join(parts[k:]), full)
                subject = _subject(ent)
                if subject is not None and not _inside_quote(ent, sent):
                    main = subject.head.i == sent.root.i
                    if main:
                        self.salient.add(full)
                    if not main_subject:  # the main clause's subject before one inside it
                        subject_person, main_subject = full, main
            if self.is_outlet(ent):
                name = clean_name(ent.text)
                if name not in self.outlets_named:
                    self.outlets_named.append(name)
                self.cite_group(name, "outlet", ent)
                self.last_org = (name, "outlet", ent.start_char)
            elif ent.label_ == "ORG" and not person:
                name = clean_name(ent.text)
                self.named_at.setdefault(name, (ent.start_char, ent.end_char))
                self.last_org = (name, "organisation", ent.start_char)
        if not main_subject:
            subject_person = self._unnamed_subject(sent) or subject_person
        if subject_person is not None:
            self._recent(subject_person)
        quoted = _opening_char(sent) in "\"“‘«'"
        if not quoted:
            self._note_plural(sent)
        view = token_view(sent.doc)
        deps, tags, heads = view.deps, view.tags, view.heads
        if (
            not quoted
            and not cites_group
            and any(
                deps[i] in ("nsubj", "nsubjpass")
                and tags[i] == "NNS"
                and deps[heads[i]] == "ROOT"
                and i not in speakers
                for i in range(sent.start, sent.end)
            )
        ):
            self.they_is_group = False

    def _note_plural(self, sent: Span) -> None:
        """Remember the group a later "they" and the document or body a later "it" can stand
        for; a sentence about someone or something else forgets them."""
        subject = _main_subject(sent, sent.end)
        if subject is None:
            return
        if subject.lower_ not in ("they", "we"):
            plural = _plural_subject(sent, sent.end, self)
            self.last_plural = None if plural is None else (plural, sent.end_char)
        if subject.lower_ != "it":
            thing = _thing_subject(sent, sent.end, self)
            self.last_thing = None if thing is None else (thing, sent.end_char)

    def _names_person(self, ent: Span) -> bool:
        """A mention of a person, also where the small model calls it a body: a name the
        article gave a person before ("Woods said" after "Dorothy Woods"), or one set beside
        a person's role ("Mia Lark, a journalist, said")."""
        if self.is_place_name(ent.text):
            return False
        if is_person(ent):
            return True
        if ent.label_ == "ORG" and clean_name(ent.text) in self.people:
            return True
        return (ent.label_ in ("ORG", "NORP") and _has_role(ent.root)) or _first_named(ent)

    def subject_before(self, pronoun: Token) -> str | None:
        """The person a "he" or "she" means when its own sentence named them as a subject
        before it ("His guest, the actress Kamala Lopez, was emotional as she called for")."""
        wanted = PRONOUN_SEX.get(pronoun.lower_)
        sent = pronoun.sent
        subjects = [
            (ent, subject)
            for ent in span_ents(sent)
            if ent.end <= pronoun.i
            and (subject := _subject_side(ent)) is not None
            and not _inside_quote(ent, sent)
            and self._names_person(ent)
        ]
        # the main clause's subject, else the nearest ("Bamberg said the videos do not show
        # whether Scott has anything in his hands, which he said ...": Bamberg)
        main = [ent for ent, subject in subjects if subject.head.i == sent.root.i]
        for ent in main[-1:] or [ent for ent, _ in subjects[-1:]]:
            full = self.full_name(ent.text)
            sex = mention_sex(ent) or self._sex(full)
            if wanted is None or sex is None or sex == wanted:
                return full
            return self._named_before(pronoun, wanted)  # "Trump attacked Clinton, and she"
        return None

    def _named_before(self, pronoun: Token, wanted: Sex) -> str | None:
        """The last person named earlier in the pronoun's sentence whose sex is known to
        be the pronoun's."""
        sent = pronoun.sent
        for ent in reversed(span_ents(sent)):
            if ent.end > pronoun.i or _inside_quote(ent, sent) or not self._names_person(ent):
                continue
            full = self.full_name(ent.text)
            if (mention_sex(ent) or self._sex(full)) == wanted:
                return full
        return None

    def _sex(self, name: str) -> Sex | None:
        """What a title or role seen beside the person, else their first name, shows."""
        return self.sexes.get(name) or first_name_sex(name)

    def _unnamed_subject(self, sent: Span) -> str | None:
        """A person the sentence's main subject names where the small model tagged no name
        ("Woods continued ..." after "Dorothy Woods")."""
        root = sent.root
        for token in root.children:
            if token.dep_ == "nsubj" and token.is_title and not token.ent_type_:
                full = self.people.get(token.text)
                if full is not None:
                    return full
        return None

    @property
    def last_person(self) -> str | None:
        """The person named last (a sentence's subject after its other names)."""
        return self.recent_people[-1] if self.recent_people else None

    def mark_subject(self, name: str) -> None:
        """A person a sentence's "he"/"she" stood for as its source: its subject, so the
        person a later "he" means before the others the sentence named."""
        self._recent(name)
        self.salient.add(name)

    def _recent(self, name: str) -> None:
        if name in self.recent_people:
            self.recent_people.remove(name)
        self.recent_people.append(name)

    def person_for(self, pronoun: str, exclude: Collection[str] = ()) -> str | None:
        """The person "he" or "she" stands for: the most recent one (a recent subject first)
        whose title, role or first name does not rule the pronoun out.

        A name whose sex nothing shows must be salient (a subject outside quotation marks, or
        a source): a name the small model calls a person in passing ("accepted a replica
        Purple Heart", "Latinos", "On Twitter, others ...") is no antecedent.
        """
        wanted = PRONOUN_SEX.get(pronoun)
        for name in reversed(self.recent_people):
            if name in exclude:
                continue
            sex = self._sex(name)
            if sex is None and name not in self.salient:
                continue
            if wanted is None or sex is None or sex == wanted:
                return name
        return None

    def is_place_name(self, text: str) -> bool:
        """A one-word name that is a country or a town and no person's name in this article."""
        name = clean_name(text)
        if " " in name or name in self.people or name in self.surnames:
            return False
        place = geocode(name, set())
        if name in self.places:
            return place is not None  # spaCy calls "RT" (a channel) a GPE now and then
        return place is not None and place.precision == "country"

    def full_name(self, name: str) -> str:
        """The fullest name seen for a person mention ("Kuzmin" -> "Nikolay Kuzmin"): named
        before, else named anywhere in the article (a surname only one person there has)."""
        name = _without_epithet(clean_name(name))
        known = self.people.get(name) or self.surnames.get(name)
        if known:
            return known
        words = name.split()
        if len(words) >= 2:  # "Donald Trump" after "Donald J. Trump"
            full = self.people.get(words[-1]) or self.surnames.get(words[-1])
            if full and full.split()[0] == words[0]:
                return full
            if (
                full
                and len(full.split()) > len(words)
                and full.lower().endswith(" " + name.lower())
            ):
                return full  # "De Blasio" at a sentence's start of "Bill de Blasio"
        return name

    def person_name(self, ent: Span) -> str:
        """:meth:`full_name` of a person's mention, unless the title before it shows a sex
        the full name's first name rules out: "Mr. Clinton" in an article that names only
        "Hillary Clinton" in full stays "Mr. Clinton"."""
        shared = shared_surname(ent)
        if shared is not None:
            return shared
        full = self.full_name(ent.text)
        known = first_name_sex(full)  # cheap; the title is looked at only when it can matter
        if known is None or full == clean_name(ent.text):
            return full
        said = clean_name(ent.text)
        if len(full.split()) == 2 and full.split()[0] == said and said not in self.surnames:
            return full  # "Mr. Lou" of "Lou Jiwei": a name given family name first
        shown = mention_sex(ent)
        if shown is None or shown == known:
            return full
        surname = full.split()[-1]
        for other in dict.fromkeys(self.people.values()):
            if other.split()[-1] == surname and first_name_sex(other) == shown:
                return other  # "Mrs. Clinton" after "Bill and Hillary Clinton"
        before = ent.doc[ent.start - 1] if ent.start > ent.sent.start else None
        title = before.text if before is not None and before.is_title else ""
        return f"{title} {clean_name(ent.text)}".strip()

    def names_a_person(self, name: str) -> bool:
        """Whether the article names a person so: a surname of one, or the first and last
        names of a full name it tags as a person's ("Walter Hensley", "Walter P. Hensley")."""
        words = name.split()
        if len(words) < 2:
            return name in self.surnames
        full = self.surnames.get(words[-1], "").split()
        return full[:1] == words[:1] and full[-1:] == words[-1:]

    def back_reference(self, lemma: str) -> tuple[str, SourceKind] | None:
        """What "the newspaper", "the agency", "the network" stands for: the outlet last cited,
        or an organisation named since when the noun can mean one ("the agency")."""
        org = self.last_org
        if org is not None and lemma in _ORG_BACK_REFERENCES:
            if lemma not in OUTLET_NOUNS and org[1] == "organisation":
                return org[0], org[1]  # "the company": the organisation named last
            if org[2] > self.last_group_at:
                return org[0], org[1]  # "the network": the outlet or body named since
        return self.last_group if lemma in OUTLET_NOUNS or lemma in _BACK_REFERENCES else None

    def is_outlet(self, ent: Span) -> bool:
        """A named outlet: known, named like one, or introduced by "newspaper", "outlet" ..."""
        name = clean_name(ent.text)
        if not name:
            return False
        if name in self.known_outlets or name in _KNOWN_OUTLETS:
            return True
        last = name.split()[-1]
        named_like_outlet = bool(_OUTLET_WORDS.fullmatch(last)) and last not in _SURNAME_OUTLETS
        if (self.names_a_person(name) and not named_like_outlet) or (
            ent.label_ == "PERSON" and _after_role(ent)
        ):
            return False  # "Michael Bloomberg", "Mayor Don Guardian", "Axelrod"
        if name in self.outlets_named:
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


def author_source(author: str | None) -> tuple[str, SourceKind] | None:
    """A byline as a source: a person's name ("By JAMES B. STEWART", "Susan Page, USA
    TODAY"), or an outlet's ("Breitbart News"); None for no byline, several authors, or
    one that is no name ("Staff", "AP")."""
    byline = re.sub(r"^\s*by\s+", "", author or "", flags=re.IGNORECASE)
    if re.search(r"\s(and|&)\s", byline, flags=re.IGNORECASE):
        return None  # "I" of two authors is neither
    name = clean_name(re.split(r"[,;|]|(?<=\w\w)\.\s", byline)[0])
    if name.isupper():
        name = name.title()
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    if _OUTLET_WORDS.search(name) or name in _KNOWN_OUTLETS:
        return name, "outlet"
    return name, "person"


def _subject(ent: Span) -> Token | None:
    """The subject token a name is or heads ("Woods said", "Mr. Woods's lawyer said")."""
    for token in (ent.root, ent.root.head):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return token
    return None


def _subject_side(ent: Span) -> Token | None:
    """The subject a name is or is set beside ("His guest, the actress and activist Kamala
    Lopez, was ..."), if any."""
    token = ent.root
    for _ in range(4):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return token
        if token.dep_ not in ("conj", "appos", "compound") or token.head.i == token.i:
            return None
        token = token.head
    return None


def _inside_quote(ent: Span, sent: Span) -> bool:
    """Whether a mention sits inside quotation marks opened earlier in its sentence."""
    text = doc_text(ent.doc)
    before = text[sent.start_char : ent.start_char]
    doubled = before.count("''")  # the two apostrophes some papers quote with
    at = sent.start_char  # one opening the sentence is often parsed into the one before
    if text[max(0, at - 2) : at] == "''" and (at < 3 or text[at - 3].isspace()):
        doubled += 1
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1 or doubled % 2 == 1


def _opening_char(sent: Span) -> str:
    """The first character of ``sent.text.lstrip()`` ("" if none), without building the text."""
    for token in sent:
        visible = token.text_with_ws.lstrip()
        if visible:
            return visible[0]
    return ""


_PLACES = ("GPE", "LOC", "FAC")
# the last word of a body's name, never of a person's
_BODY_WORDS = re.compile(
    r"Foundation|Institute|Center|Centre|Fund|Trust|Company|Corporation|Corp|Inc|Group|"
    r"Council|Committee|Association|Society|University|College|School|Hospital|Party|"
    r"Campaign|Administration|Agency|Department|Ministry|Commission|Court|Bank|Museum|"
    r"Church|Club|Union|Network|Project|Coalition|Alliance|Federation|Caucus|PAC"
)
_TITLES = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "gen", "col", "capt", "sgt", "lt"}


def is_person(ent: Span) -> bool:
    """A person: tagged PERSON, or a name right after a role or title ("spokesperson Ann Lee").

    Never a name without a capital ("jabbed" the small model tags now and then) nor one
    that ends in a body's word ("the Ann Lee Foundation")."""
    if not any(t.text[:1].isupper() for t in ent) or _a_bodys_name(ent):
        return False
    if ent.label_ == "PERSON":
        return True
    if ent.label_ not in ("ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART") or len(ent) > 4:
        return False
    if not all(t.is_title for t in ent):
        return False
    return _after_role(ent)


def _a_bodys_name(ent: Span) -> bool:
    """A name whose last word (before a possessive) is a body's ("Ann Lee Foundation's")."""
    words = [t for t in ent if not t.is_punct and t.tag_ != "POS"]
    return bool(words) and bool(_BODY_WORDS.fullmatch(words[-1].text))


def _after_role(ent: Span) -> bool:
    """A name right after a person's role or title ("spokesperson Ann Lee", "Mayor Lee")."""
    before = [t for t in ent.doc[max(0, ent.start - 2) : ent.start] if not t.is_punct]
    if not before:
        return False
    word = before[-1].lower_.rstrip(".")
    return word in _PERSON_ROLES or word in _TITLES


def _without_epithet(name: str) -> str:
    """A person's name without a word put before a known first name ("Crooked Hillary
    Clinton", "Rep. Ann Lee" -> "Ann Lee")."""
    words = name.split()
    if len(words) >= 3 and first_name_sex(name) is None:
        rest = " ".join(words[1:])
        if first_name_sex(rest) is not None:
            return rest
    return name


def shared_surname(ent: Span) -> str | None:
    """The full name of a lone first name joined to a full name that shares its surname:
    "Khizr" in "Khizr and Ghazala Khan" is Khizr Khan."""
    doc = ent.doc
    after = ent.end
    if ent.label_ != "PERSON" or len(ent) != 1 or after + 2 >= len(doc):
        return None
    if doc[after].lower_ != "and" or doc[after + 1].ent_iob_ != "B":
        return None
    if doc[after + 1].ent_type_ != "PERSON" or not ent[0].is_title:
        return None
    last = after + 1
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    if last - after != 2 or not doc[last].is_title:
        return None  # "Ghazala Khan": a first name and a surname
    return f"{ent.text} {doc[last].text}"


def _surnames(ents: Sequence[Span]) -> dict[str, str]:
    """Each surname of a person the article names in full, to the full name it uses most
    (the longer on a tie), without an epithet before a first name; a surname two different
    people share is left out ("Clinton" in a story of Bill and Hillary Clinton)."""
    counts: dict[str, dict[str, int]] = {}
    shared: set[str] = set()
    for ent in ents:
        if ent.label_ != "PERSON" or _a_bodys_name(ent):
            continue
        words = (shared_surname(ent) or _without_epithet(clean_name(ent.text))).split()
        if len(words) < 2 or not words[-1][:1].isupper():
            continue
        names = counts.setdefault(words[-1], {})
        names[" ".join(words)] = names.get(" ".join(words), 0) + 1
        if _joined_namesake(ent, words[-1]):
            shared.add(words[-1])
    found: dict[str, str] = {}
    for surname, names in counts.items():
        if surname in shared:
            continue
        best = max(names, key=lambda n: (names[n], len(n)))
        if all(n in best or best in n or n.split()[0] == best.split()[0] for n in names):
            found[surname] = best
    return found


def _joined_namesake(ent: Span, surname: str) -> bool:
    """Whether a full name is joined by "and" to another person given by the same surname
    alone: two people share it ("Mr. Obama and the first lady, Michelle Obama")."""
    token = ent.root
    if token.dep_ == "appos":
        token = token.head  # "the first lady, Michelle Obama"
    joined = [c for c in token.children if c.dep_ == "conj"]
    if token.dep_ == "conj":
        joined.append(token.head)
    for other in joined:
        if other.lower_ == surname.lower() and other.ent_type_ == "PERSON" and other.i < ent.start:
            return True
    return False


_SPEAKS_FOR = {"spokesman", "spokeswoman", "spokesperson", "representative", "official"}


def _modifier(ent: Span, head: Token) -> bool:
    """A place, nationality or body that only qualifies the source's head noun ("the Ohio
    governor", "one West Virginia official", "the Democratic candidate", "the GOP presidential
    nominee"): not the source."""
    # "the GOP nominee" is a person; "a Pentagon spokesman" speaks for the Pentagon
    role = head.lemma_.lower()
    body = ent.label_ == "ORG" and role in _PERSON_ROLES and role not in _SPEAKS_FOR
    return (
        (ent.label_ in ("GPE", "LOC", "NORP") or body)
        and ent.end <= head.i
        and ent.root.dep_ in ("compound", "amod", "nmod", "npadvmod")
    )


def _appositive_person(head: Token, ctx: SourceContext) -> Resolved | None:
    """The person a role noun is set beside ("The Mexican president, Enrique Pena Nieto,")."""
    for child in head.children:
        if child.dep_ != "appos":
            continue
        for ent in ctx.entities(head.doc):
            if ent.start <= child.i < ent.end and is_person(ent):
                full = ctx.full_name(ent.text)
                return full, "person", ctx.mention_of(full) or _offsets(ent)
    return None


_TITLE_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "sec": "secretary",
    "gen": "general", "col": "colonel", "capt": "captain", "lt": "lieutenant",
    "sgt": "sergeant", "pres": "president", "atty": "attorney", "amb": "ambassador",
}  # fmt: skip
_TITLE_REACH = 5  # tokens before a name that can hold its title


def _role_words(head: Token) -> tuple[str, str | None]:
    """A role noun's lemma and the object of its "of" ("secretary", "state")."""
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return head.lemma_.lower(), obj.lemma_.lower()
    return head.lemma_.lower(), None


def _word(token: Token) -> str:
    word = token.lower_.rstrip(".")
    return _TITLE_ABBREVIATIONS.get(word, token.lemma_.lower().rstrip("."))


def _titled(ent: Span, role: str, of: str | None) -> bool:
    """Whether a person's mention carries the role as a title ("former Secretary of State
    Hillary Clinton") or an apposition ("Hillary Clinton, the former secretary of state")."""
    doc = ent.doc
    window = list(doc[max(ent.sent.start, ent.start - _TITLE_REACH) : ent.start])
    verbs = [k for k, t in enumerate(window) if t.pos_ in ("VERB", "AUX")]
    # a title stands in the name's own phrase: never across a verb ("The judge agreed with
    # Mary Tyler", "the businessman says of Clinton": neither is so titled)
    words = [_word(t) for t in window[verbs[-1] + 1 if verbs else 0 :]]
    if role in words and (of is None or of in words[words.index(role) :]):
        return True
    return any(
        noun.lemma_.lower() == role and (of is None or _role_words(noun)[1] == of)
        for noun in apposed_nouns(ent)
    )


def role_holder(head: Token, ctx: SourceContext) -> Resolved | None:
    """The person a definite role stands for ("the former secretary of state said"): the one
    the article gives that title or apposition, the last so named before, else the first."""
    role, of = _role_words(head)
    holders: list[tuple[bool, str, Span]] = []
    for ent in ctx.entities(head.doc):
        outside = not ent.start <= head.i < ent.end
        if ent.label_ == "PERSON" and outside and _titled(ent, role, of):
            holders.append((ent.start < head.i, ctx.full_name(ent.text), ent))
    before = [h for h in holders if h[0]]
    chosen = before[-1] if before else (holders[0] if holders else None)
    if chosen is None:
        return None
    return chosen[1], "person", ctx.mention_of(chosen[1]) or _offsets(chosen[2])


_LEADING_ARTICLE = re.compile(
    r"^(the|a|an|neither|either|both|and|but|or|even|only)\s+", re.IGNORECASE
)
# what a live blog's scrape glues before a name: a time stamp ("9:12PMTrump", "2016 8:38PM
# Rubio") or its buttons' labels run together ("FlagShareLikeReplySara Bondioli")
_LEADING_STAMP = re.compile(
    r"^(?:\d{4}\s+)?\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*|^\d{4}\s+(?=[A-Z])"
    r"|^(?:[A-Z][a-z]+){2,}(?=[A-Z][a-z])"
)
_POSSESSIVE = re.compile(r"(['’]s)$")
# a headline's verb the small model reads into the name before it ("Obama Says ...")
_HEADLINE_VERB = re.compile(
    r"(?<=\w)\s+(Says|Said|Tells|Told|Warns|Claims|Denies|Admits|Insists|Urges|Slams|Blasts|"
    r"Defends|Responds|Reveals|Explains|Vows|Pledges|Accuses|Rips|Hits|Calls|Backs)(\s.*)?$"
)
_TRAILING_WORD = re.compile(r"(?<=\w)\s+(of|in|at|and|or|for|from|with|to)$")
_CLOSING_QUOTE = re.compile(r"(?<=\w[,.!?])[”\"](?=[A-Z])")
_ABBREVIATION = re.compile(r"(\b(Jr|Sr|Inc|Co|Corp|Ltd|St)|\.[A-Z])$")


@functools.lru_cache(maxsize=1 << 16)
def clean_name(text: str) -> str:
    """A source name without leading articles, possessives or surrounding punctuation."""
    parts = " ".join(text.split()).split(": ")
    first = next((part for part in parts if any(c.isalnum() for c in part)), "")
    first = _CLOSING_QUOTE.split(first)[-1]  # "paranoia,”Clinton": a quote's end glued on
    name = first.strip(" ,.;:\"'“”‘’―—–-<>*#|")
    if _ABBREVIATION.search(name) and text.rstrip(" ,;:\"'“”‘’").endswith("."):
        name += "."  # "Jr.", "U.S.": the full stop is the name's own
    name = _LEADING_ARTICLE.sub("", _LEADING_STAMP.sub("", name))
    name = _TRAILING_WORD.sub("", name)  # 'Juan "Chico" Manriquez of' (of the group ...)
    return _HEADLINE_VERB.sub("", _POSSESSIVE.sub("", name))


def _phrase(head: Token) -> Span:
    """The noun phrase of a subject without relative clauses or appositions.

    A name's own "of"/"for" phrase stays ("Centre for Defense Strategies", "Ministry of
    Defence"); other prepositional phrases go.
    """
    chain = head.doc[_hyphenated(head).start : head.i + 1]  # "ex-wife" parsed as 3 subjects
    subtree = {t for word in chain for t in word.subtree}
    keep = [t for t in subtree if t.dep_ not in ("relcl", "appos", "acl", "punct", "prep")]
    left = [t for t in keep if t.i <= head.i]
    start = min(t.i for t in left) if left else head.i
    for token in head.doc[start : head.i]:
        if token.text in DASHES and (token.i == 0 or head.doc[token.i - 1].whitespace_):
            start = token.i + 1  # "BRUSSELS - European leaders": a dateline is no part of it
    end = head.i + 1
    if head.pos_ == "PROPN":
        for prep in head.rights:
            objects = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for") and objects:
                end = max(end, objects[0].i + 1)
    return head.doc[start:end]


def _hyphenated(token: Token) -> Span:
    """The whole hyphenated word ``token`` is a piece of ("ex-wife" for "ex" or "wife")."""
    doc = token.doc
    first = last = token.i
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_:
        if doc[first - 2].whitespace_ or not doc[first - 2].is_alpha:
            break
        first -= 2
    while last + 2 < len(doc) and not doc[last].whitespace_ and doc[last + 1].text == "-":
        if doc[last + 1].whitespace_ or not doc[last + 2].is_alpha:
            break
        last += 2
    return doc[first : last + 1]


def _within(doc_ents: list[Span], span: Span) -> list[Span]:
    """``span.ents`` picked from the document's entities, as spaCy picks them."""
    found: list[Span] = []
    for ent in doc_ents:
        if ent.start >= span.start:
            if ent.end > span.end:
                break
            found.append(ent)
    return found


DASHES = frozenset({"-", "--", "–", "—", "―"})  # a dateline's or sign-off's dash
_RELATIVE = {"who", "which", "that", "whom"}
_BARE = {
    "i", "we", "you", "me", "us", "one", "some", "many", "others", "other", "both", "all",
    "several", "few", "most", "those", "these", "this", "that", "each", "either", "neither",
    "any", "anyone", "someone", "somebody", "everyone", "nobody", "none", "who", "which",
    "whom", "whose", "what", "there", "here", "himself", "herself", "themselves", "itself",
}  # fmt: skip
Resolved = tuple[str, SourceKind, SpanOffsets | None]


def _offsets(span: Span | Token) -> SpanOffsets:
    if isinstance(span, Token):
        return span.idx, span.idx + len(span)
    return span.start_char, span.end_char


def resolve_source(head: Token, tokens: Sequence[Token], ctx: SourceContext) -> Resolved:
    """The name, kind and resolving mention of a source marked as ``tokens`` (``head`` governs).

    "who" stands for the noun it hangs from; "he"/"she" for the person last named as a
    subject, "they"/"it" for the outlet or organisation last cited, "the newspaper" for the
    outlet last named, "this POW" for the last person; a name for its fullest form in the
    article. A bare pronoun that resolves to nothing is an unnamed source without a name.
    """
    if head.lower_ in _RELATIVE and head.head.dep_ == "relcl" and head.head.head.i != head.i:
        head = head.head.head
        tokens = [head]
    lower = head.lower_
    if lower in _PERSON_PRONOUNS:
        person = ctx.subject_before(head) or ctx.person_for(lower, _clause_mates(head, ctx))
        if person:
            return person, "person", ctx.mention_of(person)
        return "", "unnamed", None
    if lower in _GROUP_PRONOUNS:
        if ctx.they_is_group and ctx.last_group:
            return ctx.last_group[0], ctx.last_group[1], ctx.mention_of(ctx.last_group[0])
        if lower in ("it", "its"):
            found = _it(head, ctx) or _body_before(head, ctx)
            if found is not None:
                return found
        else:
            found = _they(head, ctx)
            if found is not None:
                return found
        return "", "unnamed", None
    if lower in _BARE and len([t for t in tokens if not t.is_punct]) <= 1:
        return "", "unnamed", None
    return _named(head, ctx)


def _clause_mates(pronoun: Token, ctx: SourceContext) -> set[str]:
    """The people named as objects of the verb a subject pronoun governs: never what the
    pronoun stands for ("'It could be higher,' he told Hannity": not Hannity)."""
    verb = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return set()
    found: set[str] = set()
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj"):
            objects = [child]
        elif child.dep_ == "prep":
            objects = [c for c in child.children if c.dep_ == "pobj"]
        else:
            continue
        for token in objects:
            if token.pos_ == "PROPN" or token.ent_type_ == "PERSON":
                found.add(ctx.full_name(token.text))
    return found


_IT_REACH = 300  # characters back to an organisation "it" can stand for
_SUBJECT_REACH = 300  # characters back from "they"/"it" to the end of the sentence naming it


def _they(head: Token, ctx: SourceContext) -> Resolved | None:
    """The group a "they" stands for: its own sentence's plural subject before it ("Proponents
    ... have urged Congress ..., although they say"), else the plural subject or organisation
    of a sentence just before ("Voting rights advocates have expressed concern. They cite").
    A singular main subject before it in its own sentence keeps it there ("Romney released
    his returns, even though they exposed ...")."""
    return _subject_before(head, ctx, _plural_subject, ctx.last_plural)


def _it(head: Token, ctx: SourceContext) -> Resolved | None:
    """The document or body an "it" stands for: its own sentence's main subject before it,
    else that of the sentence just before ("..., the report says. It also points out ...")."""
    return _subject_before(head, ctx, _thing_subject, ctx.last_thing)


SubjectReader = Callable[[Span, int, SourceContext], Resolved | None]


def _subject_before(
    head: Token, ctx: SourceContext, read: SubjectReader, remembered: tuple[Resolved, int] | None
) -> Resolved | None:
    """What a pronoun stands for: ``read`` of its own sentence's main subject when one comes
    before it, else the one ``remembered`` from a sentence ending just before."""
    if _main_subject(head.sent, head.i) is not None:
        return read(head.sent, head.i, ctx)
    if remembered is not None and 0 <= head.idx - remembered[1] <= _SUBJECT_REACH:
        return remembered[0]
    return None


def _main_subject(sent: Span, before: int) -> Token | None:
    """The first subject of ``sent``'s main verb before token ``before``."""
    stop = before - sent.start  # as ``sent[:stop]`` reads it
    stop = min(len(sent), max(0, len(sent) + stop if stop < 0 else stop))
    view = token_view(sent.doc)  # no ``Token`` built per token
    deps, heads = view.deps, view.heads
    root: int | None = None
    for i in range(sent.start, sent.start + stop):
        if deps[i] in ("nsubj", "nsubjpass"):
            root = sent.root.i if root is None else root
            if heads[i] == root:
                return sent.doc[i]
    return None


def _thing_subject(sent: Span, before: int, ctx: SourceContext) -> Resolved | None:
    """The main subject of ``sent`` (before token ``before``) if "it" can stand for it: a
    document or an institution named by a singular noun or as an organisation."""
    token = _main_subject(sent, before)
    if token is None or token.pos_ == "PRON" or token.tag_ in ("NNS", "NNPS"):
        return None
    lemma = token.lemma_.lower()
    body = token.ent_type_ == "ORG" or lemma in _INSTITUTION_NOUNS
    if not (body or lemma in DOCUMENT_NOUNS):
        return None
    return _subject_source(token, sent, ctx, ("person", "unnamed"))


def _plural_subject(sent: Span, before: int, ctx: SourceContext) -> Resolved | None:
    """The main subject of ``sent`` (before token ``before``) if "they" can stand for it: a
    plural noun or an organisation, not a pronoun."""
    token = _main_subject(sent, before)
    if token is None or token.pos_ == "PRON" or token.lower_ in _BARE:
        return None
    if token.tag_ not in ("NNS", "NNPS") and token.ent_type_ != "ORG":
        return None
    return _subject_source(token, sent, ctx, ("person",))


def _subject_source(
    token: Token, sent: Span, ctx: SourceContext, unfit: tuple[SourceKind, ...]
) -> Resolved | None:
    """The source a subject names, unless inside quotation marks or of an ``unfit`` kind."""
    if _inside_quote(token.doc[token.i : token.i + 1], sent):
        return None
    name, kind, mention = _named(token, ctx)
    return None if not name or kind in unfit else (name, kind, mention)


def _body_before(head: Token, ctx: SourceContext) -> Resolved | None:
    """The organisation or outlet an "it" stands for: the last one named earlier in its
    sentence ("the IMF did not single out ..., it referenced"), else the one named last
    just before ("... the Dallas Morning News after it backed Clinton")."""
    sent = head.sent
    for ent in reversed(ctx.entities(head.doc)):
        if ent.start < sent.start:
            break  # the entities are in text order: none later is in the sentence
        if ent.end > head.i:
            continue
        outlet = ctx.is_outlet(ent)
        if outlet or (ent.label_ == "ORG" and not is_person(ent)):
            name = clean_name(ent.text)
            kind: SourceKind = "outlet" if outlet else "organisation"
            return name, kind, ctx.mention_of(name) or _offsets(ent)
    org = ctx.last_org
    if org is not None and 0 <= head.idx - org[2] <= _IT_REACH:
        return org[0], org[1], ctx.mention_of(org[0])
    return None


def _named(head: Token, ctx: SourceContext) -> Resolved:
    """A nominal source: a named entity, a back reference, a document, a role or a group."""
    head = _hyphenated(head)[-1]
    phrase = _phrase(head)
    lower = head.lower_
    determiner = phrase[0].lower_ if len(phrase) > 1 else ""
    word = _hyphenated(head).text.lower()
    definite_role = determiner == "the" and head.tag_ not in ("NNS", "NNPS")
    if definite_role and (lower in _PERSON_ROLES or word in _RUNNING_ROLES):
        # "The finance minister, Lou Jiwei, said": the name set beside the role
        holder = _appositive_person(head, ctx) or role_holder(head, ctx)
        if holder is not None:
            return holder  # "the former secretary of state": the one titled so
        last = ctx.last_speaker
        if word in _RUNNING_ROLES and last is not None and not _named_in(head.sent, last):
            # "the front-runner did offer his opinion": the candidate the story quotes,
            # unless the sentence names them apart from the role ("Trump took on Clinton
            # after the Democratic front-runner had said ...")
            return last, "person", ctx.mention_of(last)
    pointing = determiner in ("this", "that") and lower in _PERSON_ROLES
    if pointing and len(phrase) == 2 and ctx.last_person:
        return ctx.last_person, "person", ctx.mention_of(ctx.last_person)  # "this POW"
    if _speaker_label(phrase):
        full = ctx.full_name(_cased(clean_name(phrase.text)))
        return full, "person", ctx.mention_of(full) or _offsets(phrase)
    doc_ents = ctx.entities(head.doc)
    # an entity the small model runs on past a verb ("Trump told Business Insider") is none
    own = [
        e for e in doc_ents if e.start <= head.i < e.end and not any(t.pos_ == "VERB" for t in e)
    ]
    found = _from_entities(own, ctx)
    if found is not None:
        return found
    if lower in _PERSON_ROLES:
        found = _appositive_person(head, ctx)
        if found is not None:
            return found
    if head.pos_ == "PROPN" or lower in _PERSON_ROLES or lower in OUTLET_NOUNS:
        others = [
            e
            for e in _within(doc_ents, phrase)
            if e not in own and not _possessor(e) and not _modifier(e, head)
        ]
        found = _from_entities(others, ctx)
        if found is not None:
            return found
    lemma = head.lemma_.lower()
    back_reference = determiner in ("the", "this", "that") and lemma in _BACK_REFERENCES
    cited = ctx.back_reference(lemma) if back_reference else None
    if cited is not None:
        return cited[0], cited[1], ctx.mention_of(cited[0])
    name = clean_name(phrase.text)
    plural = head.tag_ in ("NNS", "NNPS") and lower.endswith("s")  # "Records" read as a name
    document = lemma in DOCUMENT_NOUNS or (plural and lower[:-1] in DOCUMENT_NOUNS)
    hearsay = lemma in _UNNAMED_NOUNS or lower[:-1] in _UNNAMED_NOUNS  # "reports say"
    if document and (determiner in _DETERMINERS or not hearsay):  # "Polls show", "his emails"
        return name, "document", _offsets(phrase)
    if lemma not in _PERSON_ROLES:
        found = _appositive_person(head, ctx)  # "one of the family's attorneys, Ann Lee,"
        if found is not None:
            return found
    if lemma in _UNNAMED_NOUNS or head.pos_ == "PRON":
        return name, "unnamed", _offsets(phrase)
    if head.pos_ == "NOUN" and lemma in _INSTITUTION_NOUNS:
        return name, "organisation", _offsets(phrase)  # "the ministry", "police"
    if head.pos_ == "NOUN" and lemma in _PERSON_ROLES and head.tag_ != "NNS":
        return name, "person", _offsets(phrase)  # "the governor": one person, by role
    known = head.pos_ == "PROPN" and ctx.full_name(name) != name  # "De Blasio" of "Bill de Blasio"
    if head.pos_ == "PROPN" and (
        name in ctx.people or name in ctx.surnames or _has_role(head) or known
    ):
        full = ctx.full_name(name)
        return full, "person", ctx.mention_of(full) or _offsets(phrase)
    cased = _cased(name)
    if head.text[:1].isupper() and (cased in ctx.people or cased in ctx.surnames):
        full = ctx.full_name(cased)  # "Sanders:" in a headline, "PENCE:" in a transcript
        return full, "person", ctx.mention_of(full) or _offsets(phrase)
    if head.text.startswith("@") and len(head) > 1:
        return name, "person", _offsets(phrase)  # an account: "one Twitter user @jlee"
    if head.pos_ == "PROPN":
        if ctx.is_place_name(name):
            return name, "government", _offsets(phrase)
        words = name.split()
        if len(words) == 1 and lower in _PERSON_ROLES:
            return name, "person", _offsets(phrase)  # a headline's "Judge rejects ..."
        if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and first_name_sex(name):
            full = ctx.full_name(name)  # a name no entity covers ("Carly Fiorina: '...'")
            return full, "person", ctx.mention_of(full) or _offsets(phrase)
        outlet = name in ctx.known_outlets or _OUTLET_WORDS.search(phrase.text)
        return name, "outlet" if outlet else "organisation", _offsets(phrase)
    if _acronym(head):  # "SOFREP reported" read as a common noun after a headline
        return name, "outlet" if name in ctx.known_outlets else "organisation", _offsets(phrase)
    return name, "unnamed", _offsets(phrase)


def _named_in(sent: Span, person: str) -> bool:
    """Whether a sentence names the person by their surname anywhere."""
    surname = person.split()[-1]
    return any(t.text == surname for t in sent)


def _acronym(head: Token) -> bool:
    """A word in capitals of three letters or more, in a sentence not set in capitals: a
    name ("SOFREP", "ACLED") whatever part of speech the tagger gives it."""
    text = head.text
    if len(text) < 3 or not text.isalpha() or not text.isupper():
        return False
    words = [t.text for t in head.sent if t.is_alpha and len(t.text) > 1]
    return sum(w.isupper() for w in words) * 2 < len(words)


def _cased(name: str) -> str:
    """A name as a person's name is written: a transcript's "PENCE" is "Pence"."""
    return name.title() if name.isupper() and len(name) > 3 else name


def _speaker_label(phrase: Span) -> bool:
    """A transcript's speaker label: a line opening with a name in capitals and a colon
    ("WALLACE: Let's start ...")."""
    doc = phrase.doc
    opens = phrase.start == phrase.sent.start or all(
        t.is_punct or t.is_space for t in doc[phrase.sent.start : phrase.start]
    )
    words = [t for t in phrase if not t.is_punct]
    return (
        opens
        and 0 < len(words) <= 3
        and all(t.is_upper and t.is_alpha and len(t) > 1 for t in words)
        and phrase.end < len(doc)
        and doc[phrase.end].text == ":"
    )


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _person_shaped(ent: Span) -> bool:
    """A name only a person bears: with a middle initial ("Vann R. Newkirk") or a
    generational suffix ("Vann Newkirk II", "Pat Quinn Jr.")."""
    words = [t.text for t in ent if not t.is_punct or t.text.endswith(".")]
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return False
    initial = any(len(w) == 2 and w[1] == "." and w[0].isalpha() for w in words[1:-1])
    return initial or words[-1].lower().rstrip(".") in _SUFFIXES


def _first_named(ent: Span) -> bool:
    """A name of two or three capitalised words whose first is a known first name, which
    the small model calls a body ("Carly Fiorina: 'Bill Clinton's fair game.'")."""
    words = [t for t in ent if not t.is_punct]
    if ent.label_ != "ORG" or not 2 <= len(words) <= 3 or not all(t.is_title for t in words):
        return False
    return first_name_sex(clean_name(ent.text)) is not None


def _has_role(head: Token) -> bool:
    """A name set beside a person's role ("Rendell, a Clinton surrogate,")."""
    return any(c.dep_ == "appos" and c.lemma_.lower() in _PERSON_ROLES for c in head.children)


def _from_entities(ents: Sequence[Span], ctx: SourceContext) -> Resolved | None:
    """The first of ``ents`` that is a source: an outlet before anything else."""
    for ent in ents:
        if ctx.is_outlet(ent):
            name = clean_name(ent.text)
            return name, "outlet", ctx.mention_of(name) or _offsets(ent)
    for ent in ents:
        found = _entity(ent, ctx)
        if found is not None:
            return found
    return None


_NAMED_BODIES = ("ORG", "NORP", "PRODUCT", "WORK_OF_ART")


def _beside_person(ent: Span) -> bool:
    """A name of two or three capitalised words joined by "and" to a person's name ("Ann-
    Marie Lenk and Tom Ruiz wrote"): the small model tags the unusual one a body."""
    words = [t for t in ent if not t.is_punct]
    if not 2 <= len(words) <= 4 or not all(t.text[:1].isupper() for t in words):
        return False
    if _BODY_WORDS.fullmatch(ent[-1].text) or ent.label_ not in _NAMED_BODIES:
        return False
    root = ent.root
    joined = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        joined.append(root.head)
    return any(t.ent_type_ == "PERSON" and t.text[:1].isupper() for t in joined)


def _possessor(ent: Span) -> bool:
    """Whether a name inside a source phrase is its owner, not the source ("Pagliano's
    lawyer" is the lawyer, "Trump's campaign manager Kellyanne Conway" is Conway)."""
    token = ent.root
    while token.dep_ in ("compound", "flat") and token.head is not token:
        token = token.head  # "Keith" of "Keith Lamont Scott's wife"
    doc = ent.doc
    return token.dep_ == "poss" or (ent.end < len(doc) and doc[ent.end].tag_ == "POS")


_SOME = {"many", "some", "several", "few", "most", "more", "other", "fewer", "both", "all",
         "these", "those"}  # fmt: skip


def _counted(noun: Token) -> bool:
    """Whether a plural is counted or quantified ("many Democrats", "two Republicans",
    "some Tories"): members, not the party."""
    return any(
        c.dep_ in ("amod", "det", "nummod", "quantmod") and (c.lower_ in _SOME or c.like_num)
        for c in noun.children
    )


_OWNED_NAME = re.compile(r"^.+?['’]s\s+(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,2})$")


def _entity(ent: Span, ctx: SourceContext) -> Resolved | None:
    """A named entity as a source: a person, a place standing for its government, a body."""
    owned = _OWNED_NAME.match(" ".join(ent.text.split()))
    if owned is not None and first_name_sex(owned.group("name")) is not None:
        # "Commentary's Noah Rothman" run together by the small model: the writer
        full = ctx.full_name(owned.group("name"))
        return full, "person", ctx.mention_of(full) or _offsets(ent)
    name = clean_name(ent.text)
    if name in ctx.surnames or name in ctx.people:
        full = ctx.person_name(ent)
        return full, "person", ctx.mention_of(full) or _offsets(ent)
    if (
        ent.label_ == "NORP"
        and ent.root.tag_ in ("NNPS", "NNS")
        and (name not in _PARTIES or _counted(ent.root))
    ):
        return name, "unnamed", _offsets(ent)  # "Mexicans say", "many Democrats": people
    if ent.label_ == "NORP" and ent.root.tag_ in ("NNP", "NN") and not name.endswith("s"):
        # "the Texan said", "the Nevada Democrat's view": one person, the last one named
        # when the phrase is definite
        definite = ent.root.i > 0 and ent.doc[ent.start - 1].lower_ in ("the", "this")
        modified = _phrase(ent.root)
        if definite or (len(modified) > 1 and modified[0].lower_ in ("the", "this")):
            last = ctx.last_speaker or ctx.last_person
            if last is not None:
                return last, "person", ctx.mention_of(last)
        return name, "person", _offsets(ent)
    if (ent.label_ in ("GPE", "LOC") and geocode(name, set()) is not None) or (
        is_person(ent) and ctx.is_place_name(ent.text)
    ):
        return name, "government", _offsets(ent)  # "Ukraine claimed", "Moscow said"
    if ent.label_ in ("GPE", "LOC"):
        return None  # a name the small model takes for a place but no gazetteer knows ("RT")
    if (
        is_person(ent)
        or _has_role(ent.root)
        or _person_shaped(ent)
        or _beside_person(ent)
        or ctx.names_a_person(name)
        or _first_named(ent)
    ):
        full = ctx.person_name(ent)
        return full, "person", ctx.mention_of(full) or _offsets(ent)
    if ent.label_ in ("ORG", "NORP") or (
        ent.label_ in ("WORK_OF_ART", "FAC", "LAW", "PRODUCT") and ent.root.is_title
    ):
        return name, "organisation", _offsets(ent)
    return None
