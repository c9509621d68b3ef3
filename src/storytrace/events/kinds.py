"""What kind of event a report tells: ACLED's sub-event type, or a kind ACLED does not code.

A multinomial logistic regression over the lemmas of the report's
sentence (sublinear tf-idf, from the parse the read stage already made) and the sentence's
MiniLM vector (the one the read stage already encoded for alignment; scaled by
``dense_scale``), each class weighted by the inverse of its frequency in the fit. Its
classes are the CASE 2021
event codes: 25 ACLED sub-event types and five kinds outside ACLED's scheme (organised
crime, natural and man-made disasters, diplomacy, claims of responsibility), which are
coded as storytrace's own types and left out of the ACLED export. The weights live in
``events/data/event_types.json.gz`` (fitted by ``python -m storytrace.training.event_types``,
see its ``.meta.json``).

Sentences with a rule's action word are event reports; a sentence with only an event word
the rules do not know is one when the model's not-an-event class (:data:`NOT_EVENT`, fitted
on news sentences that report no event) has less than ``gate`` probability (a model
without that class: when it is at least ``gate`` sure of the kind).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt
from spacy.tokens import Span, Token

from storytrace.text.doccache import span_ents
from storytrace.text.places import names_place

ARTEFACT: Final = Path(__file__).parent / "data" / "event_types.json.gz"

#: CASE 2021 code -> (event type, sub-event type). The last five are not ACLED's.
CODES: Final[dict[str, tuple[str, str]]] = {
    "ARMED_CLASH": ("Battles", "Armed clash"),
    "GOV_REGAINS_TERIT": ("Battles", "Government regains territory"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("Battles", "Non-state actor overtakes territory"),
    "ART_MISS_ATTACK": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "AIR_STRIKE": ("Explosions/Remote violence", "Air/drone strike"),
    "REM_EXPLOS": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "GRENADE": ("Explosions/Remote violence", "Grenade"),
    "SUIC_BOMB": ("Explosions/Remote violence", "Suicide bomb"),
    "CHEM_WEAP": ("Explosions/Remote violence", "Chemical weapon"),
    "ATTACK": ("Violence against civilians", "Attack"),
    "ABDUCT_DISSAP": ("Violence against civilians", "Abduction/forced disappearance"),
    "SEX_VIOL": ("Violence against civilians", "Sexual violence"),
    "PEACE_PROTEST": ("Protests", "Peaceful protest"),
    "PROTEST_WITH_INTER": ("Protests", "Protest with intervention"),
    "FORCE_AGAINST_PROTEST": ("Protests", "Excessive force against protesters"),
    "VIOL_DEMONSTR": ("Riots", "Violent demonstration"),
    "MOB_VIOL": ("Riots", "Mob violence"),
    "AGREEMENT": ("Strategic developments", "Agreement"),
    "ARREST": ("Strategic developments", "Arrests"),
    "CHANGE_TO_GROUP_ACT": ("Strategic developments", "Change to group/activity"),
    "DISR_WEAP": ("Strategic developments", "Disrupted weapons use"),
    "HQ_ESTABLISHED": ("Strategic developments", "Headquarters or base established"),
    "PROPERTY_DISTRUCT": ("Strategic developments", "Looting/property destruction"),
    "NON_VIOL_TERRIT_TRANSFER": ("Strategic developments", "Non-violent transfer of territory"),
    "OTHER": ("Strategic developments", "Other"),
    # outside ACLED's scheme: storytrace's own types (never exported as ACLED rows)
    "ORG_CRIME": ("Crime", "Organised crime"),
    "NATURAL_DISASTER": ("Incident", "Natural disaster"),
    "MAN_MADE_DISASTER": ("Incident", "Man-made disaster"),
    "DIPLO": ("Diplomacy", "Diplomatic event"),
    "ATTRIB": ("Attribution", "Claim of responsibility"),
}

#: Lemmas that make a sentence a report of an event the model then names. Verbs and
#: nouns alike; ambiguous words ("strike", "fire") are left to the model's classes.
_EVENT_WORD_GROUPS: Final = (
    # fighting and territory
    "clash fight fighting firefight gunfight skirmish battle ambush assault offensive attack "
    "repel repulse engage storm raid capture recapture retake regain liberate overrun seize "
    "advance counterattack infiltrate besiege control free push enter takeover shootout",
    # remote violence
    "shell shelling bombard bombardment pound artillery mortar rocket missile strike airstrike "
    "bomb bombing drone warplane jet helicopter explode explosion explosive blast detonate ied "
    "landmine mine grenade suicide chemical chlorine sarin gas toxic",
    # violence against civilians
    "kill murder shoot gun stab behead execute massacre torture beat lynch assassinate abduct "
    "kidnap abduction kidnapping disappear hostage rape sexual molest violence abuse",
    # demonstrations
    "protest protester demonstrate demonstration demonstrator rally march picket riot "
    "rioter mob vandalise vandalize torch loot ransack burn stone pelt disperse teargas gather "
    "walkout",
    # strategic developments
    "arrest detain detention apprehend custody agreement ceasefire truce accord "
    "surrender withdraw withdrawal handover cede defect defection disband recruit "
    "deploy relocate establish headquarters base outpost defuse dismantle intercept confiscate "
    "cache destroy demolish discover find stash jail imprison exchange release reinforce "
    "dispatch fortify form post",
    # outside ACLED's scheme
    "fire blaze flood earthquake storm landslide cyclone hurricane typhoon drought outbreak "
    "epidemic crash collapse smuggle trafficking rob robbery fraud expel sanction "
    "responsibility",
)
EVENT_WORDS: Final = frozenset(w for group in _EVENT_WORD_GROUPS for w in group.split())


_WHERE: Final = frozenset({"GPE", "LOC", "FAC"})


def is_event_word(token: Token) -> bool:
    """Whether a token is one of :data:`EVENT_WORDS` as a verb or noun, and not one of
    their uses that name no event: "according to", the month "March 3", "based in"."""
    lemma = token.lemma_.lower()
    if lemma not in EVENT_WORDS or token.pos_ not in ("VERB", "NOUN", "PROPN"):
        return False
    if token.lower_ == "according" or (lemma == "base" and token.pos_ != "NOUN"):
        return False
    if token.text == "March":  # the month, unless a sentence starts with the noun
        doc = token.doc
        near = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
        return bool(token.is_sent_start) and not any(t.like_num for t in near)
    return True


def reports_event(sent: Span, words: frozenset[str] = EVENT_WORDS) -> bool:
    """Whether a sentence reads as an event report: one of ``words`` (a verb or a noun,
    not negated) and a place named (tagged as one, or a name the gazetteer knows where a
    place goes: "the outskirts of Kherson", which the parser may call a person)."""
    if not any(
        t.lemma_.lower() in words
        and t.pos_ in ("VERB", "NOUN", "PROPN")
        and not any(c.dep_ == "neg" for c in t.children)
        for t in sent
    ):
        return False
    return any(e.label_ in _WHERE for e in span_ents(sent)) or names_place(sent)


@dataclass(frozen=True)
class Kind:
    """The kind of one report: its CASE code, ACLED's type and sub-type, the model's belief."""

    code: str
    event_type: str
    sub_event_type: str
    probability: float
    reports: bool = True  # the model's decision: a conflict or protest event report
    doubt: float = 1.0  # the not-an-event class's probability (1 for a model without it)

    @property
    def acled(self) -> bool:
        """Whether ACLED codes it (the five other kinds it does not)."""
        return self.code in CODES and list(CODES).index(self.code) < 25


def terms(lemmas: Iterable[str]) -> list[str]:
    """The model's features of a text given as its lowercase word lemmas (word pairs,
    tried on CASE 2021's folds, scored lower: see the artefact's ``.meta.json``)."""
    return [w for w in lemmas if w]


def doc_lemmas(tokens: Iterable[Token]) -> list[str]:
    """The lowercase lemmas of a parsed text's words (what :func:`terms` takes)."""
    return [t.lemma_.lower() for t in tokens if t.is_alpha]


#: The model's class for a sentence that reports no event (news sentences with an event
#: word, fitted as negatives): never a kind, only the model's doubt that there is one.
NOT_EVENT: Final = "NOT_EVENT"


@dataclass(frozen=True)
class KindModel:
    """Fitted weights: vocabulary with idf, one weight row per class, intercepts; the
    weights on the sentence vector and the event-report gate, where fitted."""

    classes: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]  # classes x vocabulary
    intercepts: npt.NDArray[np.float64]
    dense: npt.NDArray[np.float64] | None = None  # classes x vector dimensions
    dense_scale: float = 1.0
    gate: float = 0.5  # see :meth:`kind`: how it takes a sentence for an event report

    def probabilities(
        self, lemmas: Iterable[str], vector: npt.NDArray[np.floating] | None = None
    ) -> npt.NDArray[np.float64]:
        """Each class's probability for a text (sublinear tf-idf, L2-normalised; plus the
        sentence vector, when the model has weights for it)."""
        counts: dict[int, int] = {}
        for term in terms(lemmas):
            column = self.vocabulary.get(term)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        margins = self.intercepts.copy()
        if counts:
            columns = np.fromiter(counts, dtype=np.int64)
            values = np.array([1.0 + math.log(counts[c]) for c in counts]) * self.idf[columns]
            values /= float(np.linalg.norm(values)) or 1.0
            margins = margins + self.weights[:, columns] @ values
        if self.dense is not None and vector is not None:
            margins = margins + self.dense @ (self.dense_scale * np.asarray(vector, np.float64))
        margins -= margins.max()
        exp = np.exp(margins)
        return np.asarray(exp / exp.sum(), dtype=np.float64)

    def kind(self, lemmas: Iterable[str], vector: npt.NDArray[np.floating] | None = None) -> Kind:
        """The most probable kind of a text, and whether it reads as an event report: the
        model's not-an-event class below ``gate`` where it has one, else the kind's own
        probability at least ``gate``."""
        probs = self.probabilities(lemmas, vector)
        events = np.array([c != NOT_EVENT for c in self.classes])
        best = int(np.where(events, probs, -1.0).argmax())
        code = self.classes[best]
        event_type, sub_type = CODES[code]
        doubt = float(probs[~events].sum()) if not events.all() else 1.0
        reports = float(probs[best]) >= self.gate if events.all() else doubt < self.gate
        return Kind(code, event_type, sub_type, round(float(probs[best]), 4), reports,
                    round(doubt, 4))  # fmt: skip

    def to_json(self) -> dict[str, object]:
        """The artefact's content (weights rounded to 5 decimals)."""
        ordered = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {
            "classes": list(self.classes),
            "vocabulary": ordered,
            "idf": [round(float(v), 5) for v in self.idf],
            "weights": [[round(float(v), 5) for v in row] for row in self.weights],
            "intercepts": [round(float(v), 5) for v in self.intercepts],
            "dense": None
            if self.dense is None
            else [[round(float(v), 5) for v in row] for row in self.dense],
            "dense_scale": self.dense_scale,
            "gate": self.gate,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KindModel:
        """The model from :meth:`to_json`'s content."""
        dense = data.get("dense")
        return cls(
            classes=tuple(data["classes"]),
            vocabulary={term: i for i, term in enumerate(data["vocabulary"])},
            idf=np.asarray(data["idf"], dtype=np.float64),
            weights=np.asarray(data["weights"], dtype=np.float64),
            intercepts=np.asarray(data["intercepts"], dtype=np.float64),
            dense=None if dense is None else np.asarray(dense, dtype=np.float64),
            dense_scale=float(data.get("dense_scale", 1.0)),
            gate=float(data.get("gate", 0.5)),
        )


def save_model(model: KindModel, path: Path = ARTEFACT) -> None:
    """Write the artefact, gzip-compressed JSON (deterministic bytes: no timestamp)."""
    raw = json.dumps(model.to_json(), separators=(",", ":")).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(raw, mtime=0))


_OVERRIDE: list[KindModel] = []


@functools.cache
def _shipped() -> KindModel:
    return KindModel.from_json(json.loads(gzip.decompress(ARTEFACT.read_bytes())))


def load_model() -> KindModel:
    """The shipped model, or the one :func:`using_model` put in place."""
    return _OVERRIDE[-1] if _OVERRIDE else _shipped()


@contextlib.contextmanager
def using_model(model: KindModel) -> Iterator[None]:
    """Run the events stage with other weights (cross-validation refits on folds)."""
    _OVERRIDE.append(model)
    try:
        yield
    finally:
        _OVERRIDE.pop()
