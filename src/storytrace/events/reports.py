"""One claim -> the event it reports, if any: the action word and its dependents.

A sentence reports an event when it holds an action word of :data:`~.acled.ACTIONS`
(a verb or a noun: "refused", "refusal", "raid", "explosion"; forms the tagger misses and
phrasal verbs as the word they stand for: "retook", "took over", "set up" a base) that is
not negated. The
report then reads, from the claim and the parse of its sentence:

- counts: the claim's quantities of people (soldiers, residents, workers ...) and of
  deaths and injuries ("Three workers were killed", "left 12 people dead"), each with
  its kind;
- the place: the claim's places, minus those inside what was refused ("refused to fight
  in Ukraine" did not happen in Ukraine), most specific first;
- the date: the claim's dates, the one governed by the action word first;
- actors: an ACLED-style label for the counted group ("Military Forces of Russia") and
  the organisations named; a possessive pronoun on the action's object ("their offices")
  is resolved to the organisation named in the sentence before.

Claims without an action word but with a death, injury or evacuation count are
*consequences*: they join the event told nearest before them (see :mod:`.coding`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Final

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc, Token

from storytrace.events import acled, kinds
from storytrace.events.actors import country_code, side_label, sides
from storytrace.events.no_event import COMBAT_WORDS, contest, happens_to_no_one
from storytrace.records import Claim, ClaimGroup, DateMention, Place, Quantity
from storytrace.text.nlp import load_nlp
from storytrace.text.places import country_name, geocode, nationality_country

_STEMS = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            {key[:4] for key in (*acled.ACTIONS, *kinds.EVENT_WORDS)}
            | {"set", "swap", "reto", "overr", "took", "struck", "fought", "shot", "found"}
            | {"drov", "driv", "forc", "gain", "won", "win", "wres", "assum", "recov", "resto"}
            | {"blew", "blow", "hand", "free", "acco"}  # blown up, handed over, freed (see _word)
            | {"went", "gone", "chan"}  # went off, chanted slogans (see _word)
            | {"died", "kill", "dead"}  # a toll of one told without a number (_one_death)
            | {"torc", "burn", "neut", "succ", "bodi"}  # torched (_word), neutralised, bodies
            | {
                "vigi",
                "dhar",
                "gher",
                "pick",
                "walk",
                "chai",
                "marc",
                "bloc",
                "barr",
                "gath",
                "asse",
                "cong",
            }  # protests told by other words (see _street_protest)
        )
    )
    + ")",
    re.IGNORECASE,
)
_NOT_HAPPENED = frozenset({"future", "conditional"})
#: How sure the kind model must be of a report's kind to name it in place of the rule's
#: type for the action word ("clashes" between police and protesters: a violent
#: demonstration, not an armed clash; a "bomb" claimed by a group: a claim of responsibility).
MODEL_SURE = 0.6
#: Below this doubt (the kind model's not-an-event probability) an ACLED-type report
#: stands alone without a place, a date, a count or an actor: the model has only seen
#: sentences like it in conflict reporting ("Rebel groups and pro-government forces have
#: agreed a 48-hour ceasefire in three Syrian towns").
SURE_DOUBT = 0.05
#: Below this doubt a sentence with no action word at all (no rule's word, none of the
#: model's event words) is the report the kind model reads in it (chosen on CASE 2021's
#: folds, with PolNeAR's political news as the check that it lets no non-event in).
WORDLESS_DOUBT = 0.03
#: Below this doubt a sentence whose only action word is a word of violence or protest the
#: rules leave to the model is an event report (see :func:`_reports`).
CONFLICT_DOUBT = 0.5
#: Below this doubt a report by a rule's word of ACLED's types with a place named and no
#: other fact stands alone ("Thousands marched in Bratislava against corruption").
PLACED_DOUBT = 0.3
_COMBAT = frozenset({"Battles", "Explosions/Remote violence"})
#: Violence and demonstrations told by a rule's own word: one fact places them.
_ONE_FACT = frozenset({"Violence against civilians", "Protests", "Riots"})
_TOLLS = acled.FATAL | acled.INJURED | {"shoot", "murder", "stab"}
_CONSEQUENCES = acled.FATAL | acled.INJURED | {"evacuate", "displace", "arrest", "detain"}
_WHERE = frozenset({"GPE", "LOC", "FAC"})
_GUNFIRE = frozenset({"open", "exchange", "trade", "return"})  # "opened fire"
_PRONOUNS = {"their", "its", "his", "her", "they", "it"}
_AUTHORITIES = {"government", "authorities", "authority", "police", "kremlin", "security"}
_GOING = frozenset({"fight", "go", "deploy", "advance", "attack", "invade", "enter", "travel",
                    "sail", "move", "cross", "join", "storm", "assault"})  # fmt: skip
_GENERIC = frozenset({"force", "troop", "soldier", "unit", "member", "people", "person", "they",
                      "it", "this", "that", "russian", "ukrainian", "-PRON-"})  # fmt: skip
_PEOPLE = acled.FORCES | acled.CIVILIANS | {"person", "russian", "ukrainian", "protester"}


@dataclass(frozen=True)
class Count:
    """One reported figure: the quantity, what kind of figure it is, and where it was told."""

    quantity: Quantity
    kind: str  # "people" | "fatalities" | "injured" | "evacuated" | "arrested"
    article_id: str
    group_id: str


@dataclass(frozen=True)
class Report:
    """What one claim tells about one event (``event_type`` is None for a consequence)."""

    claim: Claim
    group: ClaimGroup
    event_type: str | None
    sub_event_type: str | None
    trigger: str  # the action word as written, or the consequence's verb
    action: str = ""  # the action word's family ("refusal"); "" for a consequence
    counts: tuple[Count, ...] = ()
    places: tuple[Place, ...] = ()  # candidates for the location, best first
    dates: tuple[DateMention, ...] = ()  # best first
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    nouns: frozenset[str] = field(default_factory=frozenset)  # lemmas of who is counted or acts
    named_actor: bool = False  # an organisation or resolved pronoun names who acts or suffers
    kind: kinds.Kind | None = None  # the kind model's reading, where it decided the type
    model_report: bool = False  # the kind model takes the sentence for an ACLED event report
    kind_doubt: float = 1.0  # the kind model's not-an-event probability for the sentence
    place_named: bool = False  # a place is named, geocoded or not ("the village of Kashkash")
    nationality: bool = False  # a nationality names a side's country ("Syrian towns")
    crowd: bool = False  # a crowd of people holds the protest ("doctors went on strike")

    @property
    def specific(self) -> bool:
        """Enough to stand alone as an event: two of a count, a place, a date, a named actor;
        for a battle, a remote attack, or an ACLED-type report the kind model takes for
        one (a report of a conflict or protest event), one of them, a nationality or an actor
        ACLED names; one of them for violence against civilians or a riot told by a rule's
        word, and for a protest so told when the model's doubt is below
        :data:`CONFLICT_DOUBT` ("protesters have rallied across Russia"; political news
        "protests" a decision); a place alone for any ACLED type when the model's doubt is
        below :data:`PLACED_DOUBT` (the publication date stands in for the date); none when
        the model has next to no doubt (:data:`SURE_DOUBT`). An arrest's police or army
        counts as a named actor (see :func:`_arrested_by_the_state`)."""
        where = bool(self.places) or self.place_named
        facts = (bool(self.counts), where, bool(self.dates), self.named_actor)
        if self.model_report and self.kind_doubt < SURE_DOUBT:
            return True
        if self.event_type in _COMBAT or self.model_report or self.action == "clash":
            return sum(facts) >= 1 or bool(self.actors) or self.nationality
        doubted = self.event_type == "Protests" and self.kind_doubt >= CONFLICT_DOUBT
        doubted = doubted and not (
            self.crowd and (where or self.counts)
        )  # "teachers marched in Gulu"
        if self.event_type in _ONE_FACT and self.kind is None and not doubted and any(facts):
            return True
        if acled.is_acled(self.event_type or "") and where and self.kind_doubt < PLACED_DOUBT:
            return True
        return sum(facts) >= 2

    def alone(self) -> Report | None:
        """A consequence told with no event before it ("Nine villagers were killed in
        Kaduna on Sunday"), as the event of the kind the model reads in it, when the model
        takes the sentence for an event report and it is specific enough to stand alone."""
        kind = self.kind
        if self.event_type is not None or kind is None or not kind.reports:
            return None
        found = replace(self, event_type=kind.event_type, sub_event_type=kind.sub_event_type,
                        action=kind.code.lower())  # fmt: skip
        return found if found.specific else None


_PARSED: dict[str, Doc] = {}
_PARSED_MAX = 4096


def parse_claims(texts: Iterable[str]) -> None:
    """Parse claim sentences in one batch (the tagger and parser only), ahead of use."""
    todo = list(dict.fromkeys(t for t in texts if t not in _PARSED))
    if len(_PARSED) + len(todo) > _PARSED_MAX:
        _PARSED.clear()
    cased = (sentence_case(t) for t in todo)
    for text, doc in zip(todo, load_nlp().pipe(cased, disable=["ner"]), strict=True):
        _PARSED[text] = doc


#: A headline in capitals: at least this many words, nearly all of them in capitals.
_CAPS_WORDS: Final = 4
_CAPS_SHARE: Final = 0.8


def sentence_case(text: str) -> str:
    """An all-capitals headline ("TWO SUICIDE BOMBERS BLOW THEMSELVES UP AT A MOSQUE") in
    lower case but for its first letter, so the tagger reads its verbs and nouns as words
    and not as a string of names; any other text as it is. Same length: offsets hold."""
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    capitals = sum(1 for w in words if w.isupper())
    if len(words) < _CAPS_WORDS or capitals < _CAPS_SHARE * len(words):
        return text
    lowered = text.lower()
    return text if len(lowered) != len(text) else text[:1] + lowered[1:]


def parse_claim(text: str) -> Doc:
    """A claim sentence parsed by the read stage's spaCy pipeline (cached by text)."""
    if text not in _PARSED:
        parse_claims([text])
    return _PARSED[text]


def might_report(claim: Claim) -> bool:
    """A cheap test before parsing: an action word may be there, or a death, injury,
    evacuation or arrest count."""
    return _STEMS.search(claim.text) is not None or _consequence(claim)


def _consequence(claim: Claim) -> bool:
    return any(set((q.predicate or "").split("+")) & _CONSEQUENCES for q in claim.quantities)


def read_report(
    claim: Claim,
    group: ClaimGroup,
    *,
    before: Sequence[Claim] = (),
    sources: frozenset[str],
    vector: npt.NDArray[np.floating] | None = None,
) -> Report | None:
    """The event report of one claim, or None. ``before``: earlier claims of its article;
    ``vector``: its sentence's MiniLM vector (the kind model's dense features)."""
    if not might_report(claim):
        return None
    doc = parse_claim(claim.text) if _STEMS.search(claim.text) else None
    trigger = _trigger(doc, claim, told_before=bool(before)) if doc is not None else None
    counts = _counts(claim, group)
    if doc is not None and not any(c.kind == "fatalities" for c in counts):
        counts += _one_death(doc, claim, group)
    if trigger is None or doc is None:
        consequences = [c for c in counts if c.kind != "people"]
        if not consequences:
            return _model_read(claim, group, doc, vector, counts)
        parsed = doc if doc is not None else parse_claim(claim.text)
        toll = kinds.load_model().kind(kinds.doc_lemmas(parsed), vector)
        return Report(
            claim=claim,
            group=group,
            event_type=None,
            sub_event_type=None,
            trigger=consequences[0].quantity.predicate or "",
            counts=tuple(consequences),
            places=tuple(_ranked(claim.places)),
            dates=claim.dates,
            kind=toll,
            model_report=toll.reports and toll.acled,
            place_named=_place_named(claim, set()),
            nationality=any(e.label == "NORP" for e in claim.entities),
            kind_doubt=toll.doubt,
        )
    kind = kinds.load_model().kind(kinds.doc_lemmas(doc), vector)
    event_type, sub_type, action, unknown = _types(trigger, doc, kind)
    if unknown and not _reports(kind, trigger):
        return None  # a word the rules do not know, in a sentence the model does not take
        # for an event report
    refused = _refused_chars(doc)
    places = [p for p in claim.places if p.span[0] - claim.span[0] not in refused]
    if event_type in _DEMONSTRATIONS:  # "protested against the war in Gaza in New York"
        opposed = {doc[i].idx for i in _opposed(doc)}
        places = [p for p in places if p.span[0] - claim.span[0] not in opposed] or places
    actors, targets, named = _actors(doc, claim, trigger, before, sources, event_type)
    named = named or (sub_type == "Arrests" and _arrested_by_the_state(trigger))
    named = named or (sub_type == _DESTROYED and (_armed_arson(trigger) or _armed_burning(trigger)))
    event_type, sub_type = _by_sides(event_type, sub_type, trigger, targets)
    if event_type == "Protests" and sub_type != "Peaceful protest":
        targets = tuple(dict.fromkeys((*targets, *_forces_at_protest(doc))))
    nouns = frozenset(
        word for c in counts for word in (c.quantity.counted or "").lower().split()
    ) | frozenset(
        w.lemma_.lower()
        for t in doc
        if t.dep_ in ("nsubj", "nsubjpass") and trigger in (t.head, t.head.head)
        for w in (t, *(c for c in t.children if c.dep_ in ("compound", "amod")))
    )
    nouns -= _GENERIC
    return Report(
        claim=claim,
        group=group,
        event_type=event_type,
        sub_event_type=sub_type,
        trigger=trigger.text,
        action=action,
        counts=tuple(counts),
        places=tuple(_ranked(_at_action(places, claim, doc, trigger))),
        dates=tuple(_dates_by_trigger(claim, doc, trigger)),
        actors=actors,
        targets=targets,
        nouns=nouns,
        named_actor=named,
        kind=kind if unknown else None,
        model_report=kind.reports and kind.acled and acled.is_acled(event_type),
        place_named=_place_named(claim, refused),
        nationality=any(e.label == "NORP" for e in claim.entities),
        kind_doubt=kind.doubt,
        crowd=event_type in _DEMONSTRATIONS and (_crowd_holds(trigger) or _crowd_protests(trigger)),
    )


def _forces_at_protest(doc: Doc) -> list[str]:
    """The state's forces a protest's sentence names as doing something ("Police fired live
    ammunition at protesters demonstrating against the bill"): ACLED's actor2 of a protest
    with intervention or excessive force. Who did what the protest opposes is left aside."""
    opposed = _opposed(doc)
    found = []
    for token in doc:
        if token.dep_ not in ("nsubj", "agent") or token.i in opposed:
            continue
        head = token if token.dep_ == "nsubj" else next(
            (c for c in token.children if c.dep_ == "pobj"), token)  # fmt: skip
        label = side_label(head, "Protests")
        if label.startswith(("Police Forces", "Military Forces")):
            found.append(label)
    return found


def _crowd_holds(trigger: Token) -> bool:
    """The protest's word is told of a crowd: its subject ("students demonstrated"), or the
    subject of the verb that holds it ("doctors went on strike", "residents held a rally")."""
    if trigger.pos_ == "VERB":
        return _crowd_subject(trigger)
    verb = trigger.head.head if trigger.head.dep_ == "prep" else trigger.head
    return verb.pos_ == "VERB" and _crowd_subject(verb)


#: Who fights without arms: a clash between them is mob violence, not a battle.
_UNARMED: Final = frozenset({"supporter", "community", "villager", "resident", "youth",
                             "student", "worker", "mob", "crowd", "family", "neighbour",
                             "neighbor", "party", "fan", "trader"})  # fmt: skip
_ARMED: Final = frozenset({"soldier", "troop", "force", "army", "police", "policeman",
                           "gunman", "militant", "rebel", "militia", "militiaman", "fighter",
                           "insurgent", "bandit", "jihadist", "military"})  # fmt: skip
_FIGHTING: Final = frozenset({"clash", "fight", "battle", "firefight", "gunfight", "skirmish",
                              "fighting"})  # fmt: skip
_ARMED_CLASH: Final = ("Battles", "Armed clash")
#: Words naming the weapon of each remote sub-type: where the sentence names the model's,
#: the model's sub-type stands.
_SUB_TYPE_WORDS: Final = {
    "Chemical weapon": {"chemical", "chlorine", "sarin", "gas", "toxic", "mustard", "poison",
                        "poisoning", "suffocation", "respiratory", "breathing", "symptom"},
    "Suicide bomb": {"suicide", "himself", "herself", "themselves", "bomber"},
    "Air/drone strike": {"airstrike", "warplane", "drone", "jet", "aircraft", "plane",
                         "helicopter", "uav", "air", "aerial", "airstrikes"},
    "Grenade": {"grenade"},
    "Remote explosive/landmine/IED": {"ied", "landmine", "mine", "explosive", "device"},
    "Shelling/artillery/missile attack": {"shell", "shelling", "artillery", "missile",
                                          "rocket", "mortar"},
}  # fmt: skip
#: Words of a remote weapon or an explosion: without one, no remote violence is told.
#: Guns fired by hand: shooting with them is no remote attack ("fired small arms at ...").
_SMALL_ARMS: Final = frozenset({"rifle", "gunfire", "machine-gun", "sniper", "kalashnikov",
                                "pistol", "bullet", "small-arms", "arm", "machete", "knife",
                                "axe", "sword", "spear", "cutlass", "dagger"})  # fmt: skip
#: Words of aiming and hitting that any weapon's report uses, remote or not.
_AIMING: Final = frozenset({"fire", "attack", "target", "hit", "struck", "strike", "launch",
                            "raid", "barrage"})  # fmt: skip
_REMOTE_WORDS: Final = frozenset(
    {w for w, (kind, _) in acled.ACTIONS.items() if kind == "Explosions/Remote violence"}
    | {"bomb", "bombing", "bomber", "strike", "airstrike", "explosive", "explosion", "blast",
       "explode", "hit", "struck", "target", "launch", "fire", "plane", "jet", "aircraft",
       "helicopter", "uav", "projectile", "munition", "ordnance", "mine", "device", "shahed",
       "air", "aerial", "raid", "attack", "howitzer", "mlrs", "grad", "himars", "barrage",
       "blow"}
    | {w for words in _SUB_TYPE_WORDS.values() for w in words}
)  # fmt: skip
#: Violence done by hand or gun, never remote: its victims' side decides the type.
_BY_HAND: Final = frozenset({"shoot", "snipe", "stab", "behead", "beat", "hack", "execute"})


def _by_sides(
    event_type: str, sub_type: str, trigger: Token, targets: Sequence[str]
) -> tuple[str, str]:
    """A battle read from its sides, as ACLED's codebook separates them: a clash between
    unarmed people ("supporters of two parties clashed") is "Mob violence" (a "Violent
    demonstration" only beside a protest); an attack whose
    only victims are civilians ("bandits attacked the village, killing 8 villagers") is
    violence against civilians, not a battle, and so is shooting them (the model may read a
    remote attack in "snipers shot and injured a woman")."""
    lemma = trigger.lemma_.lower()
    objects = _direct_objects(trigger)
    hurt = [side_label(o) for o in objects]
    sufferers = [*targets, *(h for h in hurt if h)]
    civilians = bool(sufferers) and all(t.startswith("Civilians") for t in sufferers)
    by_trade = bool(objects) and all(_civil_trade(o) for o in objects)
    shot = lemma in _BY_HAND and _word(trigger) != "intercept"  # not "shot down 3 missiles"
    by_hand = shot and (civilians or by_trade)
    killed_by_trade = event_type == "Battles" and lemma in _KILLING and by_trade
    if event_type in _COMBAT and (by_hand or killed_by_trade):
        # "snipers shot and injured a woman", "militants beheaded three fishermen", "militiamen
        # killed a union leader" (a bomb that kills people stays a bombing)
        return "Violence against civilians", "Attack"
    words = {t.lemma_.lower() for t in trigger.doc} | {t.lower_ for t in trigger.doc}
    small_arms = bool(words & _SMALL_ARMS) and not words & (_REMOTE_WORDS - _AIMING)
    if event_type == "Explosions/Remote violence" and (not words & _REMOTE_WORDS or small_arms):
        # nothing exploded nor was fired from afar ("killed 8 civilians with machetes",
        # "fired small arms at the positions"): the victims' side decides, as for violence
        # done by hand
        civil = civilians or bool(words & acled.CIVILIANS)
        return ("Violence against civilians", "Attack") if civil else _ARMED_CLASH
    subjects = {t.lemma_.lower() for c in trigger.children if c.dep_ == "nsubj" for t in c.subtree}
    subjects |= _between(trigger)  # "clashes between two communities"
    armed = subjects | {t.lemma_.lower() for t in trigger.doc}
    unarmed = bool(subjects & _UNARMED) and not armed & _ARMED
    if event_type in _DEMONSTRATIONS and sub_type != "Mob violence" and lemma in _FIGHTING:
        # "supporters of two parties fought with sticks": a fight, not a demonstration
        protest = any(t.lemma_.lower() in acled.PROTEST_WORDS for t in trigger.doc)
        return ("Riots", "Mob violence") if unarmed and not protest else (event_type, sub_type)
    # "armed herders raided a village, killing 12 villagers": no mob, an armed attack
    if (
        (event_type, sub_type) == ("Riots", "Mob violence")
        and lemma not in _FIGHTING
        and subjects & (_ARMED | {"armed"})
        and (civilians or words & acled.CIVILIANS)
    ):
        return "Violence against civilians", "Attack"
    if (event_type, sub_type) != _ARMED_CLASH:
        return event_type, sub_type
    if unarmed:
        return "Riots", "Mob violence"
    if lemma not in _FIGHTING and civilians and not _exchange_of_fire(trigger):
        return "Violence against civilians", "Attack"
    return event_type, sub_type


def _between(trigger: Token) -> set[str]:
    """The lemmas of the sides a word of fighting names with "between" ("clashes broke out
    between two communities")."""
    near = [trigger, trigger.head] if trigger.dep_ == "nsubj" else [trigger]
    return {t.lemma_.lower() for v in near for c in v.children
            if c.dep_ == "prep" and c.lower_ == "between" for t in c.subtree}  # fmt: skip


#: People named by their work, civilians when killed by hand ("beheaded three fishermen").
_TRADES: Final = frozenset(
    {"fisherman", "farmer", "herder", "herdsman", "shepherd", "trader", "merchant", "teacher",
     "pupil", "worshipper", "miner", "vendor", "leader", "activist", "journalist", "reporter",
     "administrator", "chairman", "chairperson", "headman", "chief", "elder", "candidate",
     "politician", "mayor", "councillor", "councilor", "lawyer", "judge", "priest", "pastor",
     "imam", "cleric", "monk", "nun", "doctor", "nurse", "businessman", "businesswoman",
     "shopkeeper", "driver", "student", "defender", "landowner", "engineer", "contractor"}
)  # fmt: skip
#: Words that make a person named by their work one of an armed side ("a militia leader",
#: "the commander of the rebels"): killing them is no violence against civilians.
_ARMED_SIDE: Final = frozenset({"militia", "militant", "rebel", "insurgent", "gang", "cartel",
                                "army", "military", "jihadist", "terrorist", "bandit", "group",
                                "isis", "shabaab", "shabab", "armed"})  # fmt: skip


def _civil_trade(noun: Token) -> bool:
    """A person named by a civilian's work ("a community leader", "a journalist"), not by
    a place in an armed side ("a rebel leader", "the leader of the militia")."""
    if noun.lemma_.lower() not in _TRADES:
        return False
    return not {t.lemma_.lower() for t in noun.subtree} & (_ARMED_SIDE | acled.NON_STATE)


def _direct_objects(trigger: Token) -> list[Token]:
    """The direct objects of a verb and of the verbs joined to it ("shot and injured a
    woman")."""
    return [o for v in (trigger, *(c for c in trigger.children if c.dep_ == "conj"))
            for o in v.children if o.dep_ == "dobj"]  # fmt: skip


def _reports(kind: kinds.Kind, trigger: Token) -> bool:
    """Whether the kind model takes a sentence with a word the rules do not know for an
    event report: below its gate, or below :data:`CONFLICT_DOUBT` for a word of violence
    or protest (:data:`~.acled.CONFLICT_WORDS`, :data:`~.acled.PROTEST_WORDS`: "attacks",
    "demonstrators") when the model reads the kind of event the word names (fighting,
    remote violence, violence against civilians, a protest or a riot: "as part of Russia's
    assault, this force was dispatched to Belarus" is no assault)."""
    if kind.reports or _armed_killing(trigger):
        return True
    lemma = trigger.lemma_.lower()
    return lemma in _CONFLICT and kind.event_type in _VIOLENT and kind.doubt < CONFLICT_DOUBT


def _armed_killing(trigger: Token) -> bool:
    """A killing whose subject is an armed group ("FARC dissidents killed a social
    leader", "gunmen murdered a trader"): political violence whatever the model reads."""
    if trigger.lemma_.lower() not in _KILLING:
        return False
    words = {t.lemma_.lower() for c in _agents(trigger) for t in c.subtree}
    return bool(words & _KILLERS)


#: Who kills as an armed group: a killing they are the subject of is an attack.
_KILLERS: Final = (acled.NON_STATE | _ARMED | frozenset({"dissident", "gunmen", "assailant",
                   "attacker", "cartel", "gang", "vigilante", "bandit"})) - {"police"}  # fmt: skip


_CONFLICT: Final = acled.CONFLICT_WORDS | acled.PROTEST_WORDS
#: The kinds a word of violence or protest names (a strategic development it does not).
_VIOLENT: Final = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"}
)


def _model_read(
    claim: Claim,
    group: ClaimGroup,
    doc: Doc | None,
    vector: npt.NDArray[np.floating] | None,
    counts: Sequence[Count],
) -> Report | None:
    """A sentence with no action word the rules or the model's event words know, which the
    kind model takes for an ACLED event report with less than :data:`WORDLESS_DOUBT` doubt
    ("Pakistani forces have taken at least five people from Balochistan"): a report of the
    model's kind, as specific as any other."""
    if doc is None or any(_word(t) in acled.ACTIONS or kinds.is_event_word(t) for t in doc):
        return None  # its action word was set aside ("looted clothing", "an uphill battle")
    kind = kinds.load_model().kind(kinds.doc_lemmas(doc), vector)
    if not (kind.reports and kind.acled and kind.doubt < WORDLESS_DOUBT):
        return None
    if any(t.dep_ == "neg" and t.head.pos_ == "VERB" and t.head.dep_ == "ROOT" for t in doc):
        return None  # "did not ..." at the sentence's root: nothing happened
    if claim.mentions and all(m.negated or m.modality in _NOT_HAPPENED for m in claim.mentions):
        return None
    event_type, sub_type = kind.event_type, kind.sub_event_type
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if event_type == _REMOTE and _weapons_found(doc):
        event_type, sub_type = _DISRUPTED  # "deactivated an explosive device"
    return Report(
        claim=claim,
        group=group,
        event_type=event_type,
        sub_event_type=sub_type,
        trigger=root.text if root is not None else "",
        action=kind.code.lower(),
        counts=tuple(counts),
        places=tuple(_ranked(claim.places)),
        dates=claim.dates,
        kind=kind,
        model_report=True,
        place_named=_place_named(claim, set()),
        nationality=any(e.label == "NORP" for e in claim.entities),
        kind_doubt=kind.doubt,
    )


def _place_named(claim: Claim, refused: set[int]) -> bool:
    """A place entity is named outside what was refused, geocoded or not."""
    return any(
        e.label in _WHERE and e.span[0] - claim.span[0] not in refused for e in claim.entities
    )


def _trigger(doc: Doc, claim: Claim, *, told_before: bool = False) -> Token | None:
    """The first action word that is not negated, nor told as future or conditional by the
    read stage's event mentions; ACLED's types before incidents, the rules' words before
    the other event words (:data:`~.kinds.EVENT_WORDS`). ``told_before``: the article told
    something before this sentence, so "repelled the assault" can point back to it."""
    found: list[Token] = []
    people = persons(doc, claim)
    unreal = {m.span[0] - claim.span[0] for m in claim.mentions
              if m.negated or m.modality in _NOT_HAPPENED}  # fmt: skip
    for token in doc:
        lemma = _word(token)
        if (token.dep_ == "amod" and token.tag_ == "VBN") or _riot_police(token):
            continue  # "looted clothing", "riot police": what a thing is, not a report
        if (
            (token.pos_ == "PROPN" and lemma not in _ACRONYM_WEAPONS)
            or _figurative(token, people)
            or (_lacks_company(token, lemma))
        ):
            continue  # "Loretta Lynch" is no lynching; "an uphill battle" no battle
        known = (
            lemma in acled.ACTIONS
            or kinds.is_event_word(token)
            or (lemma != token.lemma_.lower() and lemma in kinds.EVENT_WORDS)
        )
        if not known or any(c.dep_ == "neg" for c in token.children) or token.idx in unreal:
            continue
        if lemma in ("fire", "battle") and token.pos_ != "NOUN":
            continue  # "were fired": dismissed; "firefighters battled" a fire
        if lemma.startswith("refus") and not _is_refusal_to_fight(token):
            continue
        if _asked_for(token) or _demanded(token):
            continue  # "demanding a deal to free the hostages": what is asked, not done
        if token.lemma_.lower() in _TOLLS and not _killer_named(token):
            continue  # "four workers were killed": a toll, joined to the event told before
        if _setting_of_toll(token):
            continue  # "two soldiers were killed in the firefight": the one told before
        if happens_to_no_one(token):
            continue  # "its fifth missile test", "plan to protest", "hundreds of times"
        if told_before and _pointing_back(token):
            continue  # "troops repelled the assault": the assault told before
        if told_before and _toll_told_back(token):
            continue  # "the army said it killed 20 militants": the toll of the fight told
        found.append(token)
    ranked = sorted(found, key=_rank)
    return ranked[0] if ranked else None


_DEFINITE: Final = frozenset({"the", "this", "that", "these", "those"})
#: Words of asking whose infinitive or "for" phrase names what is wanted, not what was done.
_ASKING: Final = frozenset({"demand", "call", "deal", "urge", "seek", "press", "appeal", "plea",
                            "push", "negotiate", "petition", "campaign"})  # fmt: skip


def _asked_for(token: Token) -> bool:
    """An action told as what someone asks for: an infinitive ("demanding a deal to free
    the hostages", "urged the army to retake the town") or a "for" phrase ("calling for the
    release of the detainees") that hangs from a word of asking (:data:`_ASKING`)."""
    infinitive = token.pos_ == "VERB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )
    wanted = token.dep_ == "pobj" and token.head.lower_ == "for"
    if not (infinitive or wanted):
        return False
    head = token.head if wanted else token
    return any(above.lemma_.lower() in _ASKING for above in list(head.ancestors)[:3])


#: Verbs of a toll whose setting ("in the fighting") is the event told before.
_TOLL_VERBS: Final = acled.FATAL | acled.INJURED | {"lose"}


#: Verbs of meeting an attack: their definite object is the attack the article told before.
_REPELLING: Final = frozenset({"repel", "repulse", "foil", "thwart", "fend", "resist"})
#: Nouns of an attack that "the" points back to.
_ATTACK_NOUNS: Final = frozenset({"attack", "assault", "raid", "offensive", "incursion",
                                  "ambush", "onslaught"})  # fmt: skip


def _pointing_back(token: Token) -> bool:
    """ "Troops repelled the assault", "the attack was foiled": a verb of
    :data:`_REPELLING` whose object is an attack told with "the" (or that attack noun):
    the attack the article told before, not a new event."""
    if token.pos_ == "NOUN":
        verb, nouns = token.head, [token] if token.dep_ in ("dobj", "nsubjpass") else []
    else:
        verb, nouns = token, [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.lemma_.lower() not in _REPELLING:
        return False
    return any(
        n.lemma_.lower() in _ATTACK_NOUNS
        and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in n.children)
        for n in nouns
    )


def _toll_told_back(token: Token) -> bool:
    """A killing told after an event by a pronoun for the killer ("the army claimed it
    killed 20 militants", "they killed two of the attackers"): the event's toll, told of
    the side named before, not a new event."""
    if token.lemma_.lower() not in ("kill", "neutralise", "neutralize"):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects and token.dep_ == "conj":
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(s.lower_ in _PRONOUNS | {"he", "she", "we"} for s in subjects)


def _setting_of_toll(token: Token) -> bool:
    """An event noun told with "the" as where a toll fell ("two soldiers were killed in the
    firefight", "six people died in the exchanges of fire", "lost four soldiers in the
    fighting"): it points back to the event the article told before, and is no new one."""
    noun = token
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "the exchanges of fire"
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "during"):
        return False
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children):
        return False
    return noun.head.head.lemma_.lower() in _TOLL_VERBS


def _killer_named(token: Token) -> bool:
    """A killing told with who did it: a subject ("gunmen killed"), a passive's agent that
    is not a weapon ("seven people were murdered by vigilantes"), or a noun's owner ("the
    group's murder of 21 Christians"): an action, not only a toll. A counted subject with
    no object is the toll of a note's short sentence ("4 soldiers killed.")."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if subjects and not _toll_subject(token, subjects):
        return True
    by = [g for c in token.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
          for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if token.pos_ == "NOUN":
        by += [c for c in token.children if c.dep_ == "poss" and c.lower_ not in _PRONOUNS]
    return any(g.lemma_.lower() not in _WEAPONS | _BLASTS for g in by)


def _toll_subject(token: Token, subjects: Sequence[Token]) -> bool:
    """ "4 soldiers killed.": the subject counted by a number, the verb with no object and
    no auxiliary, is who died, not who killed."""
    counted = any(c.dep_ == "nummod" or c.like_num for s in subjects for c in s.children)
    bare = not any(c.dep_ in ("dobj", "aux", "auxpass") for c in token.children)
    return counted and bare


#: What kills without a hand named: "killed by a blast", "by a stray bullet".
_BLASTS: Final = frozenset({"blast", "explosion", "fire", "bullet", "shell", "shrapnel", "mine",
                            "airstrike", "strike", "attack", "crash", "flood", "collapse",
                            "landslide", "storm", "lightning", "gunfire", "gunshot", "car",
                            "vehicle", "truck", "train", "debris"})  # fmt: skip


# Modifiers that make a word of violence a figure of speech: "an uphill battle", "a legal
# fight", "political attacks", "a ratings war".
_FIGURATIVE: Final = frozenset({
    "uphill", "legal", "political", "court", "courtroom", "custody", "ratings", "budget",
    "electoral", "election", "campaign", "verbal", "partisan", "procedural", "rhetorical",
    "ideological", "culture", "trade", "price", "bidding", "takeover", "media", "personal",
    "pr", "twitter", "online",
})  # fmt: skip


# Words that report a conflict event only beside another word of the kind: a "suicide"
# with a bomb or an attack, a "rally" with a protest or a demand (a campaign rally is no
# protest), a "drone" that strikes.
_COMPANY: Final[dict[str, frozenset[str]]] = {
    "suicide": frozenset({"bomb", "bomber", "bombing", "attack", "attacker", "blast", "vest",
                          "explosive", "detonate", "car"}),
    "rally": frozenset({"protest", "protester", "protestor", "demonstrator", "demonstration",
                        "against", "demand", "march", "marcher", "oppose", "opposition",
                        "condemn", "denounce", "police", "disperse"}),
    "drone": frozenset({"strike", "attack", "hit", "kill", "bomb", "target", "launch", "shoot",
                        "down", "crash", "explode"}),
}  # fmt: skip


def _lacks_company(token: Token, lemma: str) -> bool:
    """A word of :data:`_COMPANY` whose sentence holds none of its companions; "rally" told
    of a crowd needs none (:func:`_crowd_rallies`)."""
    wanted = _COMPANY.get(lemma)
    if wanted is None or (lemma == "rally" and _crowd_rallies(token)):
        return False
    return not any(
        t.lemma_.lower() in wanted or t.lower_ in wanted for t in token.sent if t.i != token.i
    )


#: Who rallies in the street: a rally of these (or of "hundreds", "thousands") is a protest
#: ("Hundreds of students rallied in Tallahassee").
_CROWD: Final = frozenset({
    "student", "worker", "farmer", "teacher", "nurse", "doctor", "activist", "resident",
    "villager", "protester", "protestor", "demonstrator", "people", "woman", "youth",
    "employee", "trader", "lawyer", "crowd", "driver", "miner", "pensioner", "retiree",
    "citizen", "parent", "mother", "veteran", "unionist", "hundred", "thousand", "dozen",
    "scores",
})  # fmt: skip
#: A sentence about an election campaign: its rally is a campaign event, no protest.
_CAMPAIGN: Final = frozenset({"campaign", "candidate", "election", "voter", "nominee",
                              "primary", "supporter", "ballot"})  # fmt: skip


def _crowd_rallies(token: Token) -> bool:
    """ "rally" as the verb of a crowd that gathers (its subject names people or their
    numbers, it has no object, and it is not "rallied behind" a leader), in a sentence
    that is not about an election campaign."""
    if token.pos_ != "VERB" or any(c.dep_ == "dobj" for c in token.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("behind", "around") for c in token.children):
        return False
    if any(t.lemma_.lower() in _CAMPAIGN for t in token.sent):
        return False
    return any(
        w.lemma_.lower() in _CROWD for c in token.children if c.dep_ == "nsubj" for w in c.subtree
    )


#: Verbs people protest with, told without an object ("teachers demonstrated in Puebla").
_PROTESTING: Final = frozenset({"protest", "demonstrate", "rally", "march", "picket"})
#: Subjects whose "protest" is a statement, not a crowd's ("the parties protested").
_NOT_CROWD: Final = frozenset({"party", "government", "country", "official", "lawmaker",
                               "legislator", "leader", "minister", "diplomat", "nation",
                               "state", "authority", "ministry", "embassy", "club", "team",
                               "company", "firm", "player", "critic", "opponent"})  # fmt: skip


def _crowd_protests(token: Token, *, peoples: bool = False) -> bool:
    """A verb of protest whose subject is people in the plural ("teachers demonstrated",
    "members of the union protested", "hundreds rallied") and that has no object ("China
    protested the decision" is a statement): a crowd's protest, as a protest note tells it.
    ``peoples``: a people named in the plural counts too ("Palestinians demonstrated")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in _PROTESTING:
        return False
    if any(c.dep_ == "dobj" for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects and token.dep_ == "conj":
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    if not subjects and token.dep_ == "acl" and token.head.dep_ == "ROOT":
        subjects = [token.head]  # "Teachers protested in ...", parsed as the noun's clause
    words = {w.lemma_.lower() for s in subjects for w in s.subtree if w.i != token.i}
    tags = ("NNS", "NNPS") if peoples else ("NNS",)
    plural = any(s.tag_ in tags and s.lemma_.lower() not in _NOT_CROWD for s in subjects)
    return (plural or bool(words & _CROWD)) and not words & _NOT_CROWD - {"party"} - {"leader"}


#: Who takes to the street in ACLED's notes: crowds (:data:`_CROWD`) and the members,
#: supporters and relatives of a group ("members of the teachers' union", "BJP workers").
_STREET: Final = _CROWD | frozenset({
    "member", "supporter", "relative", "family", "community", "local", "labourer", "laborer",
    "vendor", "shopkeeper", "transporter", "rider", "staff", "survivor", "mourner", "union",
    "cadre", "agitator", "physician", "professor", "journalist", "owner", "operator",
})  # fmt: skip
#: Verbs that hold a protest ("staged a hunger strike", "took out a march", "went on strike";
#: the tagger reads "staged" as "stag").
_HOLDING: Final = frozenset({"hold", "stage", "stag", "organise", "organize", "take", "lead",
                             "launch", "begin", "start", "observe", "continue", "go", "form",
                             "mount", "join", "conduct", "carry"})  # fmt: skip
#: Strikes that are protests whoever holds them ("a hunger strike", "a shutter-down strike").
_STRIKES: Final = frozenset({"hunger", "shutter", "general", "token", "wildcat", "sit-down"})
#: Marches that are protests whoever holds them ("a candle march").
_MARCHES: Final = frozenset({"protest", "candle", "torch", "peace", "silent", "solidarity",
                             "candlelight"})  # fmt: skip
#: What a blockade blocks.
_ROADS: Final = frozenset({
    "road", "highway", "street", "railway", "rail", "track", "route", "traffic", "junction",
    "bridge", "entrance", "gate", "intersection", "roundabout", "expressway", "motorway",
    "crossing", "thoroughfare", "carriageway", "bypass", "avenue",
})  # fmt: skip
#: Words of a protest the action words do not hold (see :func:`_street_protest`).
_STREET_WORDS: Final = frozenset({"vigil", "dharna", "gherao", "picket", "walkout", "chain",
                                  "strike", "march", "rally", "block", "barricade", "blockade",
                                  "gather", "assemble", "congregate"})  # fmt: skip


def _street_protest(token: Token) -> bool:
    """A protest as ACLED's codebook counts one, told by a word of :data:`_STREET_WORDS`:
    a vigil, a dharna, a picket, a walkout; a human chain, a strike, a march or a rally held
    by a crowd ("staged a hunger strike", "took out a candle march", "doctors went on
    strike", "members of the union held a rally"); a crowd that marched, or that blocked a
    road ("residents blocked the highway": a blockade, peaceful unless violence is told);
    a gathering with a demand. Armed men blocking a road or "carrying out a strike" are no
    crowd."""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN":
        verb = token.head.head if token.head.dep_ == "prep" else token.head  # "went on strike"
        held = token.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in _HOLDING
        kinds_of = {c.lemma_.lower() for c in token.children
                    if c.dep_ in ("amod", "compound", "nmod")}  # fmt: skip
        if lemma in ("vigil", "dharna", "gherao", "picket", "walkout"):
            return not _armed_subject(verb)
        if lemma == "strike" and kinds_of & _STRIKES:
            return True
        if lemma == "march" and kinds_of & _MARCHES:
            return True
        human = lemma != "chain" or "human" in kinds_of
        return lemma in ("chain", "strike", "march", "rally") and human and held and (
            _crowd_subject(verb))  # fmt: skip
    if token.pos_ != "VERB":
        return False
    if lemma in ("march", "picket"):
        return _crowd_subject(token)
    if lemma in ("block", "barricade", "blockade"):
        objects = [c for c in token.children if c.dep_ == "dobj"]
        roads = any(o.lemma_.lower() in _ROADS for o in objects)
        return roads and _crowd_subject(token)
    if lemma in _GATHERING:
        return _protest_word(token)
    return False


def _reads_demand(kind: kinds.Kind, doc: Doc) -> bool:
    """The kind model reads the kind of what a protest demands ("demanding the arrest of
    the accused": an arrest), not the protest."""
    if kind.event_type in _DEMONSTRATIONS:
        return False
    opposed = _opposed(doc)
    return any(
        acled.ACTIONS.get(_word(t), ("", ""))[0] == kind.event_type for t in doc if t.i in opposed
    )


#: What makes a blockade violent in ACLED's codebook: barricades, burning tyres.
_BARRICADES: Final = frozenset({"barricade", "tyre", "tire", "burn", "burning", "fire", "log",
                                "boulder", "debris"})  # fmt: skip


def _blockade(doc: Doc) -> bool:
    """A road blocked by a crowd (:func:`_street_protest`) with no barricades nor burning
    tyres: a peaceful protest unless violence is told."""
    if _lemmas(doc) & _BARRICADES:
        return False
    return any(
        t.lemma_.lower() in ("block", "blockade") and t.pos_ == "VERB" and _street_protest(t)
        for t in doc
    )


_BURNING: Final = frozenset({"burn", "torch", "erect", "light", "mount", "put"})
#: Who does mob violence: a crowd with no demonstration named.
_MOB: Final = frozenset({"mob", "crowd", "resident", "villager", "youth", "local", "neighbour",
                         "neighbor", "vigilante", "onlooker", "passer"})  # fmt: skip
_MOB_BLOWS: Final = frozenset({"beat", "thrash", "stone", "assault", "attack", "lynch", "hack",
                               "pelt",
                               "torch", "burn", "club"})  # fmt: skip


def _tyres_burned(token: Token) -> bool:
    """Tyres burned or barricades put up by a crowd, not by the police or the army: a
    violent demonstration in ACLED's codebook ("road-blocking using barricades, burning
    tires")."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if not any(o.lemma_.lower() in ("tyre", "tire", "barricade") for o in objects):
        return False
    return not _subject_words(token) & (_ARMED | acled.STATE_FORCES | acled.NON_STATE)


def _mob_subject(token: Token) -> bool:
    """A verb of blows (:data:`_MOB_BLOWS`) whose subject is a mob or a crowd of residents
    (:data:`_MOB`) with someone or something as its object, and no armed men nor word of
    protest: ACLED's mob violence ("a mob beat a suspected thief", "villagers stoned a
    man accused of witchcraft"); any crowd that fights "each other"."""
    if token.pos_ != "VERB" or not any(c.dep_ == "dobj" for c in token.children):
        return False
    words = _subject_words(token)
    each_other = any(c.dep_ == "dobj" and c.lower_ == "other" for c in token.children)
    crowd = _MOB | (_STREET if each_other else frozenset())  # "supporters pelted each other"
    if not words & crowd or words & (_ARMED | acled.NON_STATE | {"armed", "gunman"}):
        return False
    return not any(t.lemma_.lower() in acled.PROTEST_WORDS for t in token.sent)


def _subject_words(verb: Token) -> set[str]:
    """The lemmas of a verb's subject (or of the verb it is joined to: "went on strike and
    demonstrated")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return {w.lemma_.lower() for s in subjects for w in s.subtree}


def _armed_subject(verb: Token) -> bool:
    return bool(_subject_words(verb) & (_ARMED | acled.NON_STATE | {"armed", "gunman"}))


def _crowd_subject(verb: Token) -> bool:
    """A verb whose subject is a crowd of :data:`_STREET`, not armed men, in a sentence
    that is not about an election campaign."""
    words = _subject_words(verb)
    campaign = _CAMPAIGN - {"supporter"}
    if any(t.lemma_.lower() in campaign for t in verb.sent):
        return False
    return bool(words & _STREET) and not words & (_ARMED | acled.NON_STATE | {"armed"})


# Who "fire" comes from when it is criticism: "drew fire from Republicans", "critics".
_CRITICS: Final = frozenset({
    "critic", "republican", "democrat", "lawmaker", "opponent", "conservative", "liberal",
    "activist", "rival", "voter", "senator", "party", "left", "right", "union", "group",
})  # fmt: skip
# What "explodes" when it only grows: "the prison population has since exploded to 2.3 million".
_AMOUNTS: Final = frozenset({
    "population", "number", "cost", "price", "debt", "deficit", "spending", "use", "demand",
    "membership", "enrollment", "enrolment", "sale", "rate", "growth", "market", "industry",
    "budget", "value", "interest", "popularity", "audience", "traffic",
})  # fmt: skip


def persons(doc: Doc, claim: Claim) -> frozenset[int]:
    """The tokens of the persons the read stage named in the claim's sentence (its parse
    is made without the entity recogniser, see :func:`parse_claims`)."""
    found: set[int] = set()
    for entity in claim.entities:
        if entity.label == "PERSON":
            start, end = entity.span[0] - claim.span[0], entity.span[1] - claim.span[0]
            span = doc.char_span(start, end, alignment_mode="expand")
            found.update(t.i for t in span or ())
    return frozenset(found)


def _figurative(token: Token, people: frozenset[int] = frozenset()) -> bool:
    """A word of violence used as a figure of speech: a noun modified so (see
    :data:`_FIGURATIVE`); "fire" that is criticism ("drew fire from Republicans", "under fire
    for his remarks"); an amount that "exploded" (grew)."""
    if token.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound", "nmod") and c.lower_ in _FIGURATIVE for c in token.children
    ):
        return True
    lemma = token.lemma_.lower()
    if lemma in COMBAT_WORDS and contest(token, people):
        return True
    if lemma == "fire" and token.pos_ == "NOUN":
        return _criticism(token)
    if lemma in ("explode", "skyrocket", "balloon") and token.pos_ == "VERB":
        verbs = [token, token.head] if token.dep_ == "conj" else [token]  # "stood ... and has
        # since exploded": the subject is the first verb's
        subjects = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        to = any(
            (c.dep_ == "prep" and c.lower_ == "to")
            or (c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children))
            for c in token.children
        )
        return to or any(c.lemma_.lower() in _AMOUNTS for c in subjects)
    return False


def _criticism(fire: Token) -> bool:
    """ "fire" from critics or politicians, or "under fire for" something said or done."""
    near = [*fire.children, *fire.head.children]
    for prep in near:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for source in prep.children:
                human = source.ent_type_ in ("PERSON", "NORP")  # an ORG may be armed
                word = source.lower_.removesuffix("s")
                if human or source.lemma_.lower() in _CRITICS or word in _CRITICS:
                    return True
    under = fire.head.lower_ == "under"
    return under and any(
        t.dep_ == "prep" and t.lower_ == "for" for t in [*near, *fire.head.head.children]
    )


def _rank(token: Token) -> tuple[int, int]:
    rule = acled.ACTIONS.get(_word(token))
    if rule is not None and rule[0] == acled.INCIDENT and _armed_arson(token):
        return 0, token.i  # "soldiers set fire to 150 houses": property destroyed
    if rule is None:
        return 1, token.i
    if _word(token) == "fighting":
        return 1, token.i  # a word of the background ("where fighting ... left"), after others
    if acled.family(_word(token)) in ("intercept", "release"):
        # "drones were shot down": the drones' strike did not happen; "villagers abducted
        # last month were released": the release is the news
        return -1, token.i
    return (0 if acled.is_acled(rule[0]) else 2), token.i


#: Forms the tagger's lemmas miss ("raped" -> "rap", "retook" -> "retook", "bases" -> "basis").
_FORMS: Final = {"raped": "rape", "retook": "retake", "retaken": "retake", "overran": "overrun",
                 "shootout": "firefight", "bases": "base", "ied": "ied", "ieds": "ied",
                 "vbied": "vbied", "vbieds": "vbied"}  # fmt: skip
#: Weapons named by an acronym the tagger takes for a name ("an IED blast").
_ACRONYM_WEAPONS: Final = frozenset({"ied", "vbied"})
_SWAPPED: Final = frozenset({"prisoner", "captive", "detainee", "hostage", "body", "pow"})
#: Verbs with a particle or an object that name an event word: "took over" a town, "set up"
#: a base, "took to the streets"; "swapped" prisoners (:data:`_SWAPPED`) is an exchange.
_PHRASES: Final = {("take", "over"): "takeover", ("set", "up"): "establish",
                   ("take", "street"): "protest", ("swap", ""): "exchange",
                   ("hand", "over"): "handover", ("blow", "up"): "detonate"}  # fmt: skip
_SET_UP: Final = frozenset({"base", "camp", "post", "outpost", "checkpoint", "headquarters",
                            "point", "position", "garrison"})  # fmt: skip


def _word(token: Token) -> str:
    """The lemma :data:`~.acled.ACTIONS` knows the token by; "opened fire" and "came under
    fire" are shooting, not a fire (its kind is the model's, as for "shoot"); see :data:`_FORMS` and
    :data:`_PHRASES`."""
    if token.lower_ == "aground":
        return "aground"
    lemma = _FORMS.get(token.lower_, token.lemma_.lower())
    if lemma == "fire" and (
        token.head.lemma_.lower() in _GUNFIRE or _came_under(token) or _fired_at(token)
    ):
        return "shoot"
    if _fighting(token):
        return "fighting"  # "Fighting between X and Y continued", "heavy fighting"
    if lemma == "disperse" and _disperses_crowd(token):
        return "dispersal"  # "police dispersed the crowd": a protest broken up
    if lemma == "shoot" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in token.children
    ):
        lemma = "intercept"  # "air defence shot down 12 drones"
    if lemma in _STREET_WORDS and _street_protest(token):
        return "street protest"  # "held a vigil", "blocked the highway", "went on strike"
    if lemma in ("burn", "torch") and _symbol_burned(token) and not _armed_subject(token):
        return "street protest"  # "burnt an effigy of the minister": ACLED's peaceful protest
    if lemma in _BURNING and _tyres_burned(token):
        return "riot"  # "supporters burned tyres and erected barricades"
    if lemma in _MOB_BLOWS and _mob_subject(token):
        return "lynch"  # "residents beat a suspected thief": mob violence
    if lemma in ("intercept", "interception"):
        # what is brought down is a weapon: smugglers "intercepted" are no such event
        return lemma if _of_weapons(token) else "stop"
    if (
        token.lower_ == "in"
        and token.i >= 2
        and token.doc[token.i - 2].lower_ == "sit"
        and (token.doc[token.i - 1].text == "-")
    ):
        return "sit-in"  # "staged a sit-in", parsed as "sit", "-", "in"
    if lemma == "recruit" and token.pos_ != "VERB":
        return "recruits"  # "recruits were killed": people, not their recruitment
    if lemma in ("release", "free") and token.pos_ in ("VERB", "NOUN"):
        return "release" if _captives(token) else "let go"  # of captives only
    if lemma in ("torch", "burn") and token.pos_ == "VERB" and _armed_burning(token):
        return "raze"  # "troops torched 40 houses": property destroyed
    if lemma == "destroy" and _weapon_objects(token):
        return "intercept"  # "air defence destroyed 15 drones": brought down, not used
    if lemma in ("agreement", "accord") and _agreement_signed(token):
        return "peace agreement"
    if token.pos_ == "VERB" and lemma in ("take", "set", "swap", "hand", "blow", "go"):
        lemma = _phrase(token, lemma) or lemma
    if token.pos_ == "VERB" and lemma in _TAKING and _takes_ground(token):
        return "retake"  # "seized back the city", "drove the militants out of two villages"
    if lemma == "chant" and any(c.dep_ == "dobj" and c.lemma_.lower() == "slogan"
                                for c in token.children):  # fmt: skip
        return "protest"  # "residents chanted anti-government slogans"
    if lemma == "exchange" and any(t.lemma_.lower() in _SWAPPED for t in token.sent):
        return "prisoner exchange"  # ACLED's codebook: an agreement
    return lemma


#: Who is held captive: freeing them is a release (ACLED's strategic development "Other").
_HOSTAGES: Final = frozenset({"hostage", "captive", "abductee", "kidnappee"})
_TAKEN: Final = frozenset({"abduct", "kidnap", "hold", "seize", "capture", "take"})


def _captives(token: Token) -> bool:
    """ "released 25 villagers abducted last month", "freed the hostages", "the release of
    the kidnapped students": what is released are people taken captive."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    for head in objects:
        if head.lemma_.lower() in _HOSTAGES:
            return True
        clauses = [c for c in head.children if c.dep_ in ("acl", "relcl", "amod")]
        if any((c.lemma_.lower() in _TAKEN and c.lemma_.lower() != "take") or c.lower_ in
               ("abducted", "kidnapped") for c in clauses):  # fmt: skip
            return True
    return False


def _weapon_objects(token: Token) -> bool:
    """A verb whose object itself is a munition in flight ("destroyed 15 drones", "the
    missiles were destroyed"), not a thing named after one ("a drone launch site"), nor
    aircraft, and not told as what a strike did ("the missile hit the base, destroying
    several helicopters")."""
    if token.dep_ in ("advcl", "acl", "relcl", "xcomp", "conj"):
        return False
    return any(
        t.lemma_.lower() in _IN_FLIGHT
        for c in token.children
        if c.dep_ in ("dobj", "nsubjpass")
        for t in (c, *(d for d in c.subtree if d.dep_ == "conj"))
    )


#: Munitions that fly to their target: destroying them is bringing them down.
_IN_FLIGHT: Final = frozenset({"drone", "missile", "rocket", "uav", "projectile", "shahed",
                               "munition", "balloon"})  # fmt: skip


def _agreement_signed(token: Token) -> bool:
    """A peace agreement signed in the sentence's main clause ("the government and the
    rebels signed a peace agreement in Pasto"), not one recalled in passing ("since the
    2016 peace agreement, ...")."""
    if not any(c.lower_ in ("peace", "ceasefire") for c in token.children
               if c.dep_ in ("compound", "amod", "nmod")):  # fmt: skip
        return False
    head = token.head
    told = head.dep_ == "ccomp" and head.head.lemma_.lower() in _TELLING  # "..., the office said"
    return token.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in ("sign", "reach",
                                                                         "conclude") and (
        head.dep_ == "ROOT" or told
    )  # fmt: skip


#: What is dispersed when a protest is broken up.
_GATHERED: Final = acled.PROTEST_WORDS | frozenset({"crowd", "gathering", "sit-in", "people",
                                                   "protestor", "assembly", "vigil"})  # fmt: skip


def _disperses_crowd(token: Token) -> bool:
    """ "disperse" done to a crowd or a protest ("dispersing the crowds", "the rally was
    dispersed"), not a crowd dispersing of itself or smoke that dispersed."""
    return any(
        w.lemma_.lower() in _GATHERED
        for c in token.children
        if c.dep_ in ("dobj", "nsubjpass")
        for w in c.subtree
    )


#: Verbs that take ground with a particle ("seized back", "pushed ... out of") or with
#: "control of" ("took control of the villages").
_TAKING: Final = frozenset({"take", "seize", "gain", "win", "push", "drive", "force", "wrest",
                            "assume", "recover", "restore"})  # fmt: skip
#: What ground is: the nouns that name the place taken.
_GROUND: Final = frozenset({
    "town", "village", "city", "area", "district", "region", "hill", "position", "base",
    "airport", "road", "highway", "province", "neighbourhood", "neighborhood", "territory",
    "crossing", "checkpoint", "camp", "front", "frontline", "outskirts", "locality",
    "settlement", "suburb", "island", "valley", "mountain", "bridge", "port", "border",
    "county", "municipality", "stronghold", "countryside", "governorate", "oblast",
    "garrison", "outpost", "barracks",
})  # fmt: skip


def _takes_ground(token: Token) -> bool:
    """ "seized back the city", "drove back the militants from a key village", "pushed the
    militants out of fresh areas", "took full control of the town": a verb of
    :data:`_TAKING` with "back" or "out" or "control", and ground (:data:`_GROUND`) in its
    phrase (a side driven out must be armed); "pushed back the vote" or "took control of
    the House" take none."""
    parts = {c.lower_ for c in token.children if c.dep_ in ("prt", "advmod", "prep")}
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.lemma_.lower() in _DRIVING:
        if not parts & {"back", "out"} or not any(
            t.lemma_.lower() in _FIGHTERS for o in objects for t in o.subtree
        ):
            return False  # "driven UN staffers out of the region": no side driven off
        return any(t.lemma_.lower() in _GROUND and t.pos_ == "NOUN" for t in token.subtree)
    if token.lemma_.lower() == "seize" and any(o.lemma_.lower() in _GROUND for o in objects):
        return True  # "seized the garrison": ground taken without "back" or "control"
    control = [o for o in objects if o.lemma_.lower() == "control"]
    if "back" not in parts and not control:
        return False  # "took out a rally"
    taken = [g for o in control for p in o.children if p.lower_ in ("of", "over")
             for g in p.children] if control else objects  # fmt: skip
    return any(g.lemma_.lower() in _GROUND or (control and _town_named(g)) for g in taken)


def _town_named(token: Token) -> bool:
    """A name of a town or region ("took control of Kidal"): ground, as a town's noun is."""
    if token.pos_ != "PROPN":
        return False
    place = geocode(token.text, set())
    return place is not None and place.precision != "country"


#: Verbs that take ground by driving a side out: what is driven must be armed.
_DRIVING: Final = frozenset({"push", "drive", "force"})
_FIGHTERS: Final = (
    acled.NON_STATE
    | acled.STATE_FORCES
    | acled.FORCES
    | frozenset({"terrorist", "gunman", "enemy", "force"})
)


def _fighting(token: Token) -> bool:
    """ "fighting" as a name of the event (a noun, or the gerund a sentence is about), not
    fighting something ("fighting corruption")."""
    if token.lower_ != "fighting" or any(c.dep_ == "dobj" for c in token.children):
        return False
    return token.pos_ == "NOUN" or token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")


#: Nouns that take gunfire after "of": "an exchange of fire", "a hail of fire".
_OF_FIRE: Final = frozenset({"exchange", "hail", "volley", "burst", "line"})
#: Where a shot goes: "fired at the positions", "fired on the crowd", "fired into the air".
_AIMED: Final = frozenset({"at", "on", "upon", "into", "toward", "towards"})


def _fired_at(fire: Token) -> bool:
    """Shooting, not a blaze nor a dismissal: "fired small arms at the positions", "fired on
    protesters" (the verb aimed at something); "exchanges of fire" (gunfire after "of")."""
    if fire.pos_ == "VERB":
        return any(c.dep_ == "prep" and c.lower_ in _AIMED for c in fire.children)
    head = fire.head
    return fire.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _OF_FIRE


def _came_under(fire: Token) -> bool:
    """ "came under fire", "were under fire": shooting (criticism is a figure, see
    :func:`_criticism`)."""
    under = fire.head
    return under.lower_ == "under" and under.head.lemma_.lower() in ("come", "be")


#: What is built: blowing it up destroys property ("blew up a row of houses").
#: (Infrastructure blown up, a bridge or a pylon, stays a remote explosive.)
_BUILT: Final = frozenset({"house", "home", "building", "row", "dwelling", "structure"})


def _explosive_subject(token: Token) -> bool:
    """Whether the subject of a verb is a bomb or an explosive ("an explosive device went off")."""
    return any(
        t.lemma_.lower() in _WEAPONS | {"device"}
        for c in token.children
        if c.dep_ == "nsubj"
        for t in c.subtree
    ) and any(t.lemma_.lower() in _WEAPONS for c in token.children for t in c.subtree)


def _phrase(token: Token, lemma: str) -> str | None:
    """The event word a phrasal verb names (:data:`_PHRASES`), if it names one."""
    parts = {c.lower_ for c in token.children if c.dep_ == "prt"}
    parts |= {g.lemma_.lower() for c in token.children if c.dep_ == "prep" and c.lower_ == "to"
              for g in c.children if g.dep_ == "pobj"}  # fmt: skip
    if lemma == "swap" and not any(t.lemma_.lower() in _SWAPPED for t in token.sent):
        return None  # "swapped their uniforms" is no exchange of prisoners
    if lemma == "set" and not any(_word(c) in _SET_UP for c in token.children
                                  if c.dep_ in ("dobj", "nsubjpass")):  # fmt: skip
        return None
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma == "hand" and not any(
        t.lemma_.lower() in _GROUND | {"control"} for o in objects for t in (o, *o.children)
    ):
        return None  # "handed over the suspects to the police": no ground changes hands
    if lemma == "blow" and not objects:
        return None  # "a car bomb blew up": the explosion, told by its own words
    if lemma == "blow" and "up" in parts and all(o.lemma_.lower() in _BUILT for o in objects):
        return "demolish"  # "blew up a row of houses": property destroyed, nothing fired
    if lemma == "go" and "off" in parts and _explosive_subject(token):
        return "explode"  # "an explosive device went off"
    return next((w for (v, p), w in _PHRASES.items() if v == lemma and (not p or p in parts)),
                None)  # fmt: skip


def _is_refusal_to_fight(token: Token) -> bool:
    """ "refused to fight", "refusal to participate in the invasion", soldiers refusing."""
    words = {t.lemma_.lower() for t in token.subtree} | {token.head.lemma_.lower()}
    heads = {t.lemma_.lower() for t in token.ancestors}
    return bool(words & acled.REFUSED or (words | heads) & acled.FORCES)


def _types(trigger: Token, doc: Doc, kind: kinds.Kind) -> tuple[str, str, str, bool]:
    """:func:`_typed`, with ACLED's rules for territory: taken (or taken back) by a
    non-state group ("rebels recaptured the village", "the Arakan Army captured a base")
    it is a non-state actor overtaking territory, by the state's forces the government
    regaining it (a report with no word of ground taken at all is an armed clash: see
    :func:`takes_no_ground`)."""
    event_type, sub_type, family, unknown = _typed(trigger, doc, kind)
    if _exchange_of_fire(trigger):
        return (*_ARMED_CLASH, "clash", False)  # "exchanged fire": both sides shot
    if event_type == acled.INCIDENT and _armed_arson(trigger):
        return ("Strategic developments", _DESTROYED, "loot", False)
    if unknown and _armed_killing(trigger):
        violent = kind.event_type in ("Battles", "Violence against civilians")
        pair = (kind.event_type, kind.sub_event_type) if violent else _ATTACK
        return (*pair, "kill", False)
    if sub_type == _SHELLING and _fired_from_the_air(trigger):
        return event_type, "Air/drone strike", family, unknown  # "helicopters fired missiles"
    if (event_type, sub_type) == _ATTACK and _post_attacked(trigger):
        return (*_ARMED_CLASH, family, unknown)  # "attacked a police checkpoint"
    if sub_type == _TRANSFER and _taken_by_force(trigger):
        # "overran a base and took control of the town": taken by fighting
        taken = _REGAINS if _state_agent(trigger) else _OVERTAKES
        return "Battles", taken, family, unknown
    if sub_type == _REGAINS and _non_state_agent(trigger):
        return event_type, _OVERTAKES, family, unknown
    if sub_type == _OVERTAKES and _state_agent(trigger):
        return event_type, _REGAINS, family, unknown
    return event_type, sub_type, family, unknown


_ATTACK: Final = ("Violence against civilians", "Attack")
_DESTROYED: Final = "Looting/property destruction"
_TRANSFER: Final = "Non-violent transfer of territory"
#: Verbs of ground taken by fighting: territory so taken was no non-violent transfer.
_OVERRUNNING: Final = frozenset({"overrun", "overran", "storm"})


#: Posts of the state's forces: an attack on one is a battle with those who hold it.
_POSTS: Final = frozenset({"checkpoint", "post", "base", "station", "convoy", "patrol",
                           "barracks", "outpost", "camp", "position"})  # fmt: skip
_ASSAULTING: Final = frozenset({"attack", "ambush", "raid", "storm", "assault"})


_SHELLING: Final = "Shelling/artillery/missile attack"
#: Who fires from the air: a missile or rocket they fire is an air strike (ACLED's codebook).
_AIRCRAFT: Final = frozenset({"helicopter", "warplane", "jet", "aircraft", "plane", "drone",
                              "gunship", "bomber", "uav"})  # fmt: skip


def _fired_from_the_air(trigger: Token) -> bool:
    """A missile or rocket fired by aircraft ("military helicopters fired missiles at the
    positions", "a drone fired a rocket"): the aircraft is the subject of the firing."""
    verbs = [trigger] if trigger.pos_ == "VERB" else [trigger.head]
    subjects = [c for v in verbs for c in v.children if c.dep_ == "nsubj"]
    return any(s.lemma_.lower() in _AIRCRAFT for s in subjects)


def _post_attacked(trigger: Token) -> bool:
    """An attack on a post of the police or the army ("gunmen attacked a police checkpoint",
    "ambushed a military convoy"): ACLED's armed clash, not violence against civilians."""
    if trigger.lemma_.lower() not in _ASSAULTING:
        return False
    for target in _direct_objects(trigger):
        if target.lemma_.lower() not in _POSTS:
            continue
        owners = {t.lemma_.lower() for t in target.subtree if t.i != target.i}
        if owners & (acled.POLICE | acled.STATE_FORCES | {"security", "military"}):
            return True
    return False


def _taken_by_force(trigger: Token) -> bool:
    """Ground taken by fighting, told with the taking itself: "overran a base and took
    control of the town", "stormed and seized the town", "took the town after heavy
    fighting" (not a fight told elsewhere in the sentence, nor "without a fight")."""
    verbs = [trigger, *(c for c in trigger.children if c.dep_ == "conj")]
    if trigger.dep_ == "conj":
        verbs.append(trigger.head)
    for verb in verbs:
        if verb.lemma_.lower() in _OVERRUNNING or verb.lower_ in _OVERRUNNING:
            return True
        after = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "after"
                 for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        if any(g.lemma_.lower() in _FIGHTING for g in after):
            return True
    return False


def _shots_traded(token: Token) -> bool:
    """ "exchanged fire", "an exchange of fire", "traded gunfire": both sides shot."""
    if _exchange_of_fire(token):
        return True
    return token.lemma_.lower() in ("exchange", "trade") and any(
        g.lemma_.lower() in ("fire", "gunfire", "shot")
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    )


def _exchange_of_fire(trigger: Token) -> bool:
    """ "exchanged fire", "traded fire": the verb of exchanging, or its object."""
    verb = trigger.head if trigger.dep_ == "dobj" else trigger
    return verb.lemma_.lower() in ("exchange", "trade") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("fire", "gunfire", "shot") for c in verb.children
    )


#: What is burned when property is destroyed (ACLED's looting/property destruction).
_PROPERTY: Final = frozenset({"house", "home", "hut", "shop", "store", "village", "vehicle",
                              "car", "truck", "building", "market", "church", "mosque",
                              "school", "crop", "granary", "property", "dwelling", "shelter",
                              "office", "tent", "farm", "field", "stall", "motorcycle",
                              "structure", "warehouse", "clinic"})  # fmt: skip


def _armed_burning(token: Token) -> bool:
    """Property torched or burned ("soldiers torched 40 houses", "homes were burned by
    militiamen") by armed men or the state's forces, not by a crowd (a riot's)."""
    done = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if not any(c.lemma_.lower() in _PROPERTY for c in done):
        return False
    agents = _agents(token) + [g for c in token.children if c.dep_ == "agent"
                               for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    words = {t.lemma_.lower() for a in agents for t in a.subtree}
    sentence = {t.lemma_.lower() for t in token.sent}
    armed = words & (_KILLERS | acled.STATE_FORCES | {"militiaman", "armed"})
    return bool(armed) and not words & _UNARMED and not sentence & acled.PROTEST_WORDS


def _armed_arson(trigger: Token) -> bool:
    """A fire set by an armed group or the state's forces ("gunmen set fire to an office",
    "troops set fire to houses"): property destroyed, not an accident."""
    if trigger.lemma_.lower() != "fire" or trigger.head.lemma_.lower() != "set":
        return False
    words = {t.lemma_.lower() for c in _agents(trigger.head) for t in c.subtree}
    armed = words & (_KILLERS | acled.STATE_FORCES | {"armed", "militiaman"})
    return bool(armed) and not words & _UNARMED


_REGAINS: Final = "Government regains territory"
_OVERTAKES: Final = "Non-state actor overtakes territory"
TERRITORY: Final = frozenset({_REGAINS, _OVERTAKES})
#: Words of ground taken, held or lost, in any of their forms.
_GROUND_WORDS: Final = re.compile(
    r"\b(?:captur\w*|seiz\w*|t[oa]ok\w*|tak(?:e|es|en|ing)|control\w*|overr[au]n\w*|"
    r"retook|retak\w*|recaptur\w*|regain\w*|liberat\w*|f[ae]ll\w*|withdr[ae]w\w*|"
    r"occup\w+|enter\w*|storm\w*|h[oe]ld\w*|reclaim\w*|push\w*|dr[io]ve\w*|clear\w*|"
    r"gain\w*|los[est]\w*|abandon\w*|surrender\w*|ced(?:e|ed|ing)|conquer\w*|annex\w*|"
    r"expel\w*|oust\w*|fle[de]\w*|evacuat\w*|retreat\w*|advanc\w*|encircl\w*|"
    r"besieg\w*|siege|secur\w*|free[ds]?|freeing|recover\w*|restor\w*|overtak\w*|"
    r"overpower\w*|raz\w*|hand\w* over|sweep\w*|swept|mov\w+ into|rout\w*)\b",
    re.IGNORECASE,
)


def takes_no_ground(text: str) -> bool:
    """A report that says nothing of ground taken, held or lost ("militants attacked an
    army post near Boni. 4 soldiers killed."): its battle is an armed clash, whatever
    sub-type of territory the model reads."""
    return _GROUND_WORDS.search(text) is None


def _agents(trigger: Token) -> list[Token]:
    """The action's subjects; a verb joined to another by "and" shares its subject, and a
    verb the parser hangs on a noun ("gunmen suspected to be separatists set fire") has
    that noun for its subject."""
    found = [c for c in trigger.children if c.dep_ == "nsubj"]
    if (
        len(found) == 1
        and found[0].lower_ in ("it", "they")
        and trigger.dep_ == "ccomp"
        and trigger.head.lemma_.lower() in _TELLING
    ):  # "the Arakan Army said it had seized the town": the one who said it
        sayers = [c for c in trigger.head.children if c.dep_ == "nsubj"]
        return sayers or found
    if not found and trigger.dep_ == "conj" and trigger.head.i != trigger.i:
        return _agents(trigger.head)
    if not found and trigger.dep_ == "acl" and trigger.head.pos_ in ("NOUN", "PROPN"):
        return [trigger.head]
    return found


def _taken_from(trigger: Token) -> set[str]:
    """The lemmas of what the action took and from whom: the action's phrase without its
    subject."""
    subject = {t.i for a in _agents(trigger) for t in a.subtree}
    return {t.lemma_.lower() for t in trigger.subtree if t.i not in subject and t.i != trigger.i}


def _non_state_agent(trigger: Token) -> bool:
    """The action's subject is a non-state armed group: it names one and no state force
    ("rebels"), or it is a force named by a group and not a country ("the Arakan Army",
    "RSF fighters"), or a group named alone that took what the state's forces held ("the
    RSF took control of the army's base"); never when what was taken was the rebels'
    ("retook the town from the rebels")."""
    words = {t.lemma_.lower() for c in _agents(trigger) for t in c.subtree}
    if words & acled.NON_STATE and not words & acled.STATE_FORCES:
        return True
    taken = _taken_from(trigger)
    if taken & acled.NON_STATE:
        return False
    labels = [side_label(a) or _bare_group(a) for a in _agents(trigger)]
    if not labels or any(not label or _state_label(label) for label in labels):
        return False
    return bool(words & _FORCE_NAMES or taken & acled.STATE_FORCES)


def _bare_group(token: Token) -> str:
    """A subject that is a name alone, of no country ("the RSF"): a group's name."""
    if token.pos_ != "PROPN" or nationality_country(token.text) or country_code(token.text):
        return ""
    return token.text


def _state_agent(trigger: Token) -> bool:
    """The action's subject is the state's forces by its label ("Malian troops") and names
    no non-state group."""
    words = {t.lemma_.lower() for c in _agents(trigger) for t in c.subtree}
    labels = [side_label(a) for a in _agents(trigger)]
    return bool(labels) and all(_state_label(x) for x in labels) and not words & acled.NON_STATE


def _state_label(label: str) -> bool:
    return label.startswith(("Military Forces", "Police Forces"))


#: Words of an armed force that a group's name can carry ("Arakan Army", "RSF fighters").
_FORCE_NAMES: Final = frozenset({"army", "force", "fighter", "militia", "brigade", "front",
                                 "movement", "battalion", "unit"})  # fmt: skip


def _typed(trigger: Token, doc: Doc, kind: kinds.Kind) -> tuple[str, str, str, bool]:
    """(event type, sub-event type, action family, whether the word is one the rules do
    not know): the kind model's, except where a rule family decides (refusals, raids) or
    the rule's incident is one ACLED does not code; a rule of ACLED's types yields to the
    model when it takes the sentence for a report and is at least :data:`MODEL_SURE` sure
    of its kind. Only a word the rules do not know waits on the model's gate: a rule's
    word ("arrested", family "arrest") is a report whatever the model's class is called."""
    lemma = _word(trigger)
    rule = acled.ACTIONS.get(lemma)
    family = acled.family(lemma)
    if rule is not None and rule[0] != acled.INCIDENT:
        fallback = lemma == "raid" and kind.acled  # a raid's rule type is a default
        ruled = _ruled(trigger, lemma, doc)
        cued = ruled != rule and ruled[0] in _DEMONSTRATIONS  # the codebook's cue decided
        cued = cued or (family == "recapture" and "territory" not in kind.sub_event_type)
        # (explosives set off in an assault are the model's to read)
        cued = cued or (rule[0] == _REMOTE and kind.event_type == "Battles"
                        and not _lemmas(doc) & _FIGHTING and family != "detonate")  # fmt: skip
        # the weapon names the sub-type of a remote attack ("a drone hit a depot"), unless
        # the sentence names the model's weapon too ("a rocket struck ... a chemical attack")
        cued = cued or (
            rule[0] == _REMOTE
            and kind.event_type == _REMOTE
            and not _lemmas(doc) & _SUB_TYPE_WORDS.get(kind.sub_event_type, set())
        )
        cued = cued or family in _DEFINING or lemma in _DEFINING
        cued = cued or (family == "defuse" and _weapons_found(doc))  # defused, nothing went off
        cued = cued or (ruled != rule and ruled in _RULED_OVER_MODEL)
        # a word of protest stays a demonstration when the model reads what it demands ("a
        # sit-in demanding the arrest of ..."), and a blockade a peaceful one unless the
        # demonstrators' violence is told ("residents blocked a road")
        cued = cued or (family == "protest" and (_reads_demand(kind, doc) or (
            kind.event_type == "Riots" and _blockade(doc)
            and not _happened(doc) & acled.PROTEST_VIOLENT)))  # fmt: skip
        # a crowd that "demonstrated in X" with no word of violence anywhere is peaceful,
        # whatever riot the model reads into who they are or where ("Palestinians
        # demonstrated in Ramallah in solidarity with Gaza")
        cued = cued or (
            family == "protest"
            and kind.event_type == "Riots"
            and _crowd_protests(trigger, peoples=True)
            and not _lemmas(doc) & _VIOLENT_WORDS
        )
        if kind.reports and (kind.probability >= MODEL_SURE or fallback) and not cued:
            return (*_protest_cued(kind.event_type, kind.sub_event_type, doc), family, False)
        return (*ruled, family, False)
    if rule is not None:  # an accident word: an incident, as ACLED does not code it
        return (*rule, family, False)
    incident = _incident_word(doc)
    if incident is not None and not kind.acled:
        if acled.family(incident) == "fire" and _lemmas(doc) & _WEAPONS:
            return (*_BOMB, "bomb", False)  # "a car bomb exploded": no accident
        return (*acled.ACTIONS[incident], acled.family(incident), False)
    if kind.event_type == _REMOTE and _weapons_found(doc):
        return (*_DISRUPTED, kind.code.lower(), True)  # "deactivated an explosive device"
    return (*_protest_cued(kind.event_type, kind.sub_event_type, doc), kind.code.lower(), True)


_DEMONSTRATIONS: Final = frozenset({"Protests", "Riots"})


#: Any word of violence in a protest's sentence leaves its reading to the model.
_VIOLENT_WORDS: Final = acled.PROTEST_VIOLENT | acled.FATAL | acled.INJURED | frozenset({
    "violence", "violent", "clash", "riot", "rioter", "aggressive", "unrest", "chaos", "stone",
    "rock", "burn", "torch", "fire", "attack", "loot", "vandalise", "vandalize", "damage",
    "smash", "throw", "hurl", "storm", "fight", "scuffle", "brawl", "destroy", "mob",
    "petrol", "molotov", "barricade", "tyre", "tire", "rampage", "escalate"})  # fmt: skip
_REMOTE: Final = "Explosions/Remote violence"
#: Action families that name their sub-event type by the codebook's own definition: the
#: kind model does not overrule them (a lynching is mob violence, not a crime; drones shot
#: down are disrupted weapons use, not a drone strike).
_DEFINING: Final = frozenset({"lynch", "rape", "intercept", "sit-in", "street protest",
                              "release", "recruit",
                              "handover"})  # fmt: skip
_DISRUPTED: Final = ("Strategic developments", "Disrupted weapons use")
#: What a rule's cue makes of its word that the model does not overrule: a raid met with
#: fighting is a battle; explosives found and cleared are disrupted weapons use.
_RULED_OVER_MODEL: Final = frozenset({_ARMED_CLASH, _DISRUPTED})
#: What an interception or a shooting down brings down.
_BROUGHT_DOWN: Final = frozenset({"drone", "missile", "rocket", "uav", "projectile", "aircraft",
                                  "plane", "helicopter", "jet", "shell", "bomb", "shahed",
                                  "warplane", "munition", "balloon"})  # fmt: skip
#: Verbs of weapons found before use.
_FOUND_WEAPONS: Final = frozenset({"find", "clear", "seize", "defuse", "dismantle", "discover",
                                   "recover", "confiscate", "deactivate", "neutralize",
                                   "neutralise", "uncover", "detect", "remove", "disarm",
                                   "demine"})  # fmt: skip


def _weapons_found(doc: Doc) -> bool:
    """Explosives found, seized or defused before use ("IEDs were found and cleared"): a
    verb of :data:`_FOUND_WEAPONS` whose object is a weapon, in a sentence where nothing
    went off and no one was hurt."""
    words = {t.lemma_.lower() for t in doc if not _destroyed_on_purpose(t)}
    if words & (_WENT_OFF | acled.FATAL | acled.INJURED):
        return False
    return any(
        t.lemma_.lower() in _FOUND_WEAPONS
        and any(
            w.lower_ in _EXPLOSIVES or w.lemma_.lower() in _EXPLOSIVES
            for v in (t, *(c for c in t.children if c.dep_ == "conj"))  # "found and defused"
            for c in v.children
            if c.dep_ in ("dobj", "nsubjpass")
            for w in (c, *(d for d in c.subtree if d.dep_ == "conj"))
        )  # the object itself, not its modifier ("a rocket-launching site")
        for t in doc
    )


def _destroyed_on_purpose(token: Token) -> bool:
    """ "found and detonated an explosive device", "recovered and blew up the mines": a
    weapon found and destroyed by those who found it, which went off at no one."""
    if token.lemma_.lower() not in ("detonate", "blow", "explode", "destroy"):
        return False
    joined = [token.head] if token.dep_ == "conj" else []
    joined += [c for c in token.children if c.dep_ == "conj"]
    return any(j.lemma_.lower() in _FOUND_WEAPONS for j in joined)


_WENT_OFF: Final = frozenset({"explode", "blow", "detonate", "hit", "strike", "kill", "blast"})
_EXPLOSIVES: Final = frozenset({"ied", "ieds", "vbied", "vbieds", "bomb", "explosive", "mine",
                                "landmine", "device", "grenade", "rocket", "mortar", "shell",
                                "missile", "detonator"})  # fmt: skip


def _of_weapons(token: Token) -> bool:
    """An interception ("intercepted two missiles", "drones were shot down", "the
    interception of a drone") of a weapon of :data:`_BROUGHT_DOWN`."""
    near = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "prep", "pobj")]
    if token.dep_ in ("acl", "amod", "relcl"):
        near.append(token.head)
    return any(t.lemma_.lower() in _BROUGHT_DOWN for n in near for t in n.subtree)


def _protest_cued(event_type: str, sub_type: str, doc: Doc) -> tuple[str, str]:
    """A demonstration the kind model names, with the sub-type ACLED's codebook gives what
    the sentence tells was done (:func:`_demonstration`); mob violence and other kinds
    as named."""
    if event_type not in _DEMONSTRATIONS or sub_type == "Mob violence":
        return event_type, sub_type
    return _demonstration(doc) or (event_type, sub_type)


def _demonstration(doc: Doc) -> tuple[str, str] | None:
    """The type ACLED's codebook gives a demonstration by what was done in it, when the
    sentence says: the demonstrators' own violence (stones, burning, clashes) makes a riot;
    force likely to kill or injure, excessive force; arrests, tear gas or dispersal, an
    intervention. What the demonstrators protest against ("protesting the killing of a
    student") was not done at the demonstration."""
    words = _happened(doc)
    if words & acled.PROTEST_VIOLENT:
        return "Riots", "Violent demonstration"
    force = words & acled.PROTEST_FORCE
    if force and not (force <= _HURT and words & _LESS_LETHAL and not words & _SERIOUS):
        return "Protests", "Excessive force against protesters"
    if words & acled.PROTEST_STOPPED:
        return "Protests", "Protest with intervention"
    return None


#: Injuries without a death: from the weapons of crowd control (:data:`_LESS_LETHAL`), and
#: not told as serious, they are what an intervention does ("removed them with rubber
#: bullets, wounding two"), not the codebook's excessive force.
_HURT: Final = frozenset({"wound", "injure", "injury", "hurt"})
_LESS_LETHAL: Final = frozenset({"rubber", "tear", "teargas", "pepper", "cannon", "baton",
                                 "pellet"})  # fmt: skip
_SERIOUS: Final = frozenset({"seriously", "critically", "severely", "gravely", "serious",
                             "critical", "severe", "grave", "hospitalise",
                             "hospitalize"})  # fmt: skip
#: Words whose object or "against"/"over" phrase is what a demonstration opposes.
_OPPOSING: Final = frozenset({"protest", "demonstrate", "demonstration", "rally", "march",
                              "denounce", "condemn", "decry", "demand", "oppose", "mourn",
                              "criticise", "criticize", "slam", "chant", "justice"})  # fmt: skip


def _happened(doc: Doc) -> set[str]:
    """:func:`_lemmas` of the words that tell what was done, not what was protested: the
    object and the "over" or "about" phrase of a word of protest, the "for" phrase of a
    demand, and any "against" phrase, are left out; so is "live" that is not said of rounds
    or fire."""
    opposed = _opposed(doc)
    found = {
        "riot police" if _riot_police(t) else t.lemma_.lower()
        for t in doc
        if t.i not in opposed and _said_of(t) and not _symbol_burned(t)
    }
    if any(_set_alight(t) for t in doc if t.i not in opposed):
        found.add("torch")  # "set fire to government offices", "set the office ablaze"
    return found


def done_words(text: str) -> tuple[set[str], set[int]]:
    """The lemmas of what a sentence tells was done (:func:`_happened`: not what a protest
    demands or opposes, "demanded an end to the excessive use of force by police"), and the
    indices of the words left aside."""
    doc = parse_claim(text)
    return _happened(doc), _opposed(doc)


def violence_told(text: str) -> bool:
    """Whether a sentence tells the demonstrators' own violence (stones, burning, clashes;
    "set fire to"), leaving aside what they protest ("protests against violence")."""
    return bool(_happened(parse_claim(text)) & acled.PROTEST_VIOLENT)


def _opposed(doc: Doc) -> set[int]:
    """The indices of the words that tell what a demonstration opposes or demands: the object
    and the "over" or "about" phrase of a word of protest, the "for" phrase of a demand, and
    any "against" phrase."""
    opposed: set[int] = set()
    for token in doc:
        against = token.dep_ == "prep" and token.lower_ == "against"
        head = token.head.lemma_.lower()
        over = _OVER | ({"for"} if head in _CALLING else set())
        if against or (head in _OPPOSING | _CALLING and token.head.i != token.i and (
            token.dep_ == "dobj" or (token.dep_ == "prep" and token.lower_ in over))
        ):  # fmt: skip
            opposed |= {t.i for t in token.subtree}
    return opposed


def _demanded(token: Token) -> bool:
    """A word of what a protest demands or opposes ("a sit-in demanding the arrest of TMC
    leaders", "marched against the abduction of farmers", "demanding justice for the rape
    victim"), in a sentence that tells the protest by a word outside it: the protest is the
    event, not what it demands."""
    opposed = _opposed(token.doc)
    if token.i not in opposed:
        return False
    above = set(token.ancestors)  # the protest whose demand it is, not one named elsewhere
    # ("decried the burning and looting that followed the protests")
    return any(
        t.i not in opposed
        and (t in above or t.head in above)
        and acled.family(_word(t)) == "protest"
        for t in token.doc
        if t is not token
    )


#: What a demonstration burns as a sign, not as violence (ACLED codes effigy burning as a
#: peaceful protest).
_SYMBOLS: Final = frozenset({"effigy", "flag", "copy", "poster", "portrait", "picture", "photo",
                             "banner", "bill", "document", "card", "book"})  # fmt: skip


def _symbol_burned(token: Token) -> bool:
    """ "burnt effigies of the chief minister", "burned copies of the bill"."""
    if token.lemma_.lower() not in ("burn", "torch", "set"):
        return False
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(o.lemma_.lower() in _SYMBOLS for o in objects)


_ALIGHT: Final = frozenset({"fire", "ablaze", "alight", "afire"})


def _set_alight(token: Token) -> bool:
    """ "set fire to", "set on fire", "set ablaze": arson, unless the police or the army did it."""
    if token.lemma_.lower() != "set":
        return False
    near = [g for c in token.children if c.dep_ == "prep" for g in c.children]
    if not any(t.lower_ in _ALIGHT for t in (*token.children, *near)):
        return False
    doers = {t.lemma_.lower() for c in token.children if c.dep_ == "nsubj"
             for t in (c, *(d for d in c.children if d.dep_ in ("compound", "amod")))}  # fmt: skip
    # (the subject's head, not all it says: "youths protesting a death in police custody")
    return not doers & (acled.POLICE | acled.STATE_FORCES)


def _said_of(token: Token) -> bool:
    """Whether a word of :data:`_ONLY_WITH` modifies what it tells force of (any other word:
    True), and a word of force is told of the demonstration, not of someone it is about
    ("blocked the highway with the body of a youth killed in a road accident")."""
    if token.lemma_.lower() in acled.PROTEST_FORCE and _describes_someone(token):
        return False
    wanted = _ONLY_WITH.get(token.lower_)
    return wanted is None or token.head.lemma_.lower() in wanted


#: Who is at a demonstration: force told of them is force against it.
_AT_DEMONSTRATION: Final = acled.PROTEST_WORDS | frozenset(
    {"crowd", "people", "person", "participant", "demonstrator", "protestor", "marcher"}
)


def _describes_someone(token: Token) -> bool:
    """A participle that tells what befell someone not at the demonstration ("a youth killed
    in a road accident", "the student murdered last week"), with no police or soldiers as
    its agent."""
    if token.dep_ not in ("acl", "relcl") or token.head.lemma_.lower() in _AT_DEMONSTRATION:
        return False
    return not {t.lemma_.lower() for t in token.subtree} & (acled.POLICE | _ARMED)


_OVER: Final = frozenset({"over", "about"})
#: Words whose "for" phrase is what is asked for ("demanding justice for the students killed").
_CALLING: Final = frozenset({"demand", "call", "seek", "justice", "appeal"})
#: Words that tell force only of what they modify: "live rounds", not "live video footage".
_ONLY_WITH: Final = {"live": frozenset({"round", "ammunition", "bullet", "fire", "shot"})}


# A fire or explosion with one of these in its sentence is a weapon's, not an accident.
_WEAPONS: Final = frozenset({
    "bomb", "bombing", "explosive", "ied", "landmine", "grenade", "detonate", "detonator",
    "suicide", "shell", "rocket", "missile",
})  # fmt: skip
_BOMB: Final = ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def _incident_word(doc: Doc) -> str | None:
    """An accident word of the sentence ("fire", "crash") that is not negated nor a figure
    of speech ("drew fire from Republicans")."""
    for token in doc:
        rule = acled.ACTIONS.get(_word(token))
        negated = any(c.dep_ == "neg" for c in token.children) or _figurative(token)
        if rule and rule[0] == acled.INCIDENT and token.pos_ in ("NOUN", "VERB") and not negated:
            return _word(token)
    return None


def _ruled(trigger: Token, lemma: str, doc: Doc) -> tuple[str, str]:
    event_type, sub_type = acled.ACTIONS[lemma]
    if lemma == "raid":
        words = {t.lemma_.lower() for t in doc}
        if words & acled.RAID_ARRESTS:
            return event_type, "Arrests"
        if words & acled.RAID_PROPERTY:
            return event_type, "Looting/property destruction"
    words = _lemmas(doc)
    if acled.family(lemma) == "arrest" and _arrested_at_protest(trigger):
        # the demonstrators' own violence makes a riot even when arrests end it ("set fire
        # to bins and threw projectiles at police; police made 310 arrests")
        riot = _demonstration(doc)
        return riot if riot and riot[0] == "Riots" else ("Protests", "Protest with intervention")
    if lemma == "mutiny" and words & {"clash", "shoot", "firefight"}:
        return "Battles", "Armed clash"
    if lemma == "raid" and (words & _FIGHTING or any(_shots_traded(t) for t in doc)):
        return _ARMED_CLASH  # "raided the camp and clashed with militants": a battle
    if lemma == "detonate" and "suicide" in words:
        return event_type, "Suicide bomb"
    if event_type == _REMOTE and _weapons_found(doc):
        return _DISRUPTED  # "IEDs were found and cleared": not used
    if acled.family(lemma) == "intercept":
        return debris_struck(affirmed(doc)) or (event_type, sub_type)
    if event_type == "Protests":
        return _demonstration(doc) or (event_type, sub_type)
    return event_type, sub_type


#: What falls when a weapon is brought down, and what it does where it falls.
_DEBRIS: Final = frozenset({"debris", "fragment", "wreckage", "shrapnel", "remains"})
_DEBRIS_HARM: Final = acled.FATAL | acled.INJURED | frozenset(
    {"damage", "destroy", "hit", "strike", "struck", "ignite", "injury", "blow", "shatter"}
)  # fmt: skip


def affirmed(doc: Doc) -> set[str]:
    """The lemmas of the words a sentence does not deny: not "caused no damage", "no one
    was injured", "without injuring anyone"."""
    denied = {
        t.i
        for t in doc
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in t.children)
        or any(c.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ == "no" for d in c.children)
               for c in t.children)
        or t.head.lower_ == "without"
    }  # fmt: skip
    return {t.lemma_.lower() for t in doc if t.i not in denied}


_AIRBORNE: Final = frozenset({"drone", "uav", "shahed", "aircraft", "plane", "jet", "helicopter"})


def debris_struck(words: set[str]) -> tuple[str, str] | None:
    """An interception whose debris still hit something ("intercepted two missiles; debris
    fell on a residential area, injuring 4"): ACLED codes the attack, not its disruption:
    an air or drone strike for drones and aircraft, else a missile attack."""
    if not words & _DEBRIS or not words & _DEBRIS_HARM:
        return None
    if words & _AIRBORNE:
        return _REMOTE, "Air/drone strike"
    return _REMOTE, "Shelling/artillery/missile attack"


#: What an arrest was for, or when it came: a protest named there did not see the arrest
#: ("arrested on charges of organising a protest", "detained before the rally").
_NOT_AT: Final = frozenset({"for", "before", "ahead", "over", "due", "because", "prior", "charge",
                            "accusation", "suspicion", "allegation", "role", "involvement",
                            "plan", "call", "after", "anticipation", "prevent"})  # fmt: skip


def _arrested_by_the_state(trigger: Token) -> bool:
    """An arrest whose subject or passive agent is the police, the army or the security
    forces ("police arrested a singer", "detained by soldiers"): who made it is named."""
    agents = [c for c in trigger.children if c.dep_ == "nsubj"]
    agents += [g for c in trigger.children if c.dep_ == "agent" for g in c.children]
    return any(t.lemma_.lower() in _ARRESTERS for a in agents for t in a.subtree)


_ARRESTERS: Final = acled.POLICE | acled.STATE_FORCES | frozenset({"security", "authority"})


def _arrested_at_protest(trigger: Token) -> bool:
    """An arrest made at a protest, as ACLED codes "Protest with intervention": a word of
    protest joined to the arrest in the parse ("detained thousands of protesters", "during
    unsanctioned protests", "while trying to hold demonstrations", "arrests were made
    during the march") through no phrase of reason or earlier time (:data:`_NOT_AT`)."""
    up = _heads(trigger)
    for token in trigger.sent:
        if not _protest_word(token) or token.i == trigger.i:
            continue
        other = _heads(token)
        meet = next(t for t in other if t in up)  # where the two meet in the parse
        path = up[1 : up.index(meet)] + other[1 : other.index(meet)]
        if not any(t.lower_ in _NOT_AT or t.lemma_.lower() in _NOT_AT for t in path):
            return True
    return False


#: Gathering verbs that make a protest when the gathering demands something ("wives of
#: mobilised soldiers who gathered near the Kremlin demanding their return").
_GATHERING: Final = frozenset({"gather", "assemble", "congregate"})
_DEMANDING: Final = frozenset({"demand", "protest", "chant", "call", "denounce", "condemn"})


def _protest_word(token: Token) -> bool:
    """A word of protest (:data:`~.acled.PROTEST_WORDS`), or a gathering with a demand."""
    lemma = token.lemma_.lower()
    if lemma in acled.PROTEST_WORDS:
        return True
    return lemma in _GATHERING and any(
        c.lemma_.lower() in _DEMANDING for c in token.children if c.dep_ in ("advcl", "xcomp")
    )


def _heads(token: Token) -> list[Token]:
    """The token and its heads up to its sentence's root."""
    found = [token]
    while found[-1].head.i != found[-1].i:
        found.append(found[-1].head)
    return found


def _lemmas(doc: Doc) -> set[str]:
    """The sentence's lemmas; "riot" as a noun's modifier ("riot police") as "riot police"."""
    return {"riot police" if _riot_police(t) else t.lemma_.lower() for t in doc}


def _riot_police(token: Token) -> bool:
    return token.lemma_.lower() == "riot" and token.dep_ == "compound"


def _refused_chars(doc: Doc) -> set[int]:
    """Offsets (in the claim) of the words that say where the refused going or fighting would
    have been: "refused to fight in Ukraine" did not happen in Ukraine. Clauses inside it
    ("when deployed to Sumy") and places of other refused acts ("refused to obey orders near
    Kharkiv") say where the refusal happened, so they stay."""
    chars: set[int] = set()
    for token in doc:
        if not token.lemma_.lower().startswith("refus"):
            continue
        for child in token.children:
            going = child.lemma_.lower() in _GOING
            if (child.dep_ in ("xcomp", "acl", "ccomp") and going) or (
                child.dep_ == "prep" and child.lower_ == "to"
            ):
                chars |= {t.idx for t in _without_clauses(child)}
    return chars


def _without_clauses(head: Token) -> list[Token]:
    kept = [head]
    for child in head.children:
        if child.dep_ not in ("advcl", "ccomp", "relcl"):
            kept += _without_clauses(child)
    return kept


def _at_action(places: Sequence[Place], claim: Claim, doc: Doc, trigger: Token) -> list[Place]:
    """The places, without the towns told of someone or something else than the action
    when the action's own words name a town or region: "Speaking in Kyiv, the governor said
    drones struck Sumy" is Sumy's; "two soldiers from Kano were killed when gunmen ambushed
    their patrol near Maiduguri" is Maiduguri's. Regions and countries stay (they hold the
    action's place or are dropped by rank); a country alone ("sanctions against Syria")
    leaves every town."""
    bracketed = [p for p in places if _bracketed(p, claim) and p.precision == "city"]
    if bracketed:  # ACLED's notes bracket the event's place: "marched towards Delhi from the
        return [p for p in places if p in bracketed or p.precision != "city"]  # Shambhu
        # border (Patiala - Punjab)"
    heads = {trigger.i}
    if trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "conj") and trigger.head.i != trigger.i:
        heads.add(trigger.head.i)  # "fighting broke out in X", "carried out an airstrike on X"
    governed = {p: _governed(_token_at(doc, p.span[0] - claim.span[0]), heads) for p in places}
    if not any(governed[p] and p.precision in ("city", "region") for p in places):
        return list(places)
    return [p for p in places if governed[p] or p.precision != "city"]


def _bracketed(place: Place, claim: Claim) -> bool:
    """The place is written as ACLED writes one, its regions in brackets after it."""
    return claim.text[place.span[1] - claim.span[0] :].lstrip().startswith("(")


def _token_at(doc: Doc, char: int) -> Token | None:
    """The token that starts at ``char`` of the claim's text, if any."""
    if not 0 <= char < len(doc.text):
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _governed(token: Token | None, heads: set[int]) -> bool:
    """The place's word hangs from the action (``heads``) through nouns and prepositions,
    not through another verb ("police in Gusau said"), and is not itself the one who acts
    ("Kyiv said", "Russia struck")."""
    if token is None:
        return False
    while token.head.i != token.i:
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "PROPN":
            return False  # the name itself acts
        parent = token.head
        if parent.i in heads:
            return True
        if parent.pos_ in ("VERB", "AUX") and parent.dep_ != "acl":
            return False  # a participle describing a noun is the noun's ("a convoy escorted")
        token = parent
    return False


def _ranked(places: Sequence[Place]) -> list[Place]:
    """Most specific first; a country is dropped when a place inside it is named."""
    order = {"city": 0, "region": 1, "country": 2}
    inner = {p.country for p in places if p.precision in ("city", "region")}
    kept = [p for p in places if not (p.precision == "country" and p.country in inner)]
    return sorted(kept, key=lambda p: order.get(p.precision, 3))


_LEFT: Final = re.compile(
    r"\s+(?:of (?:them|those)\s+)?"  # "leaving three of them dead"
    r"(?:(?:were|was|have been|had been) (?:shot|gunned|hacked|stabbed|beaten) (?:to )?)?"
    r"(dead|death|killed|injured|wounded|hurt)\b",
    re.IGNORECASE,
)  # "left 12 people dead", "two protesters were shot dead"


#: Verbs that kill whom they are done to: their counts are death tolls ("beheaded three
#: fishermen", "lynched two suspected thieves").
_FATAL_ACTS: Final = frozenset({"behead", "lynch", "massacre"})


#: Military reports' word for killing (armed men "neutralised"), and whom it is told of
#: (explosive devices are neutralised too: see :data:`_FOUND_WEAPONS`).
_NEUTRALISE: Final = frozenset({"neutralise", "neutralize"})
_NEUTRALISED: Final = acled.NON_STATE | frozenset({
    "bandit", "bandits", "terrorist", "terrorists", "militants", "insurgents", "rebels",
    "fighters", "gunmen", "gunman", "attacker", "attackers", "assailant", "assailants",
    "kidnapper", "kidnappers", "criminal", "criminals", "jihadists", "elements", "member",
    "members", "combatant", "combatants", "soldier", "soldiers"})  # fmt: skip


def _kind(quantity: Quantity, after: str = "") -> str | None:
    """The kind of figure a quantity is; ``after``: the claim's text after it ("left 12
    people dead": the verb is "leave", the toll is in the word after)."""
    verbs = set((quantity.predicate or "").split("+"))
    left = _LEFT.match(after)
    if left:
        verbs.add(left.group(1).lower().replace("killed", "kill").replace("death", "dead"))
    if verbs & (acled.FATAL | _FATAL_ACTS):
        return "fatalities"
    if "lose" in verbs and (quantity.counted or "").lower() in acled.FORCES:
        return "fatalities"  # "the army said it lost four soldiers"
    if verbs & _NEUTRALISE and set((quantity.counted or "").lower().split()) & _NEUTRALISED:
        return "fatalities"  # "troops neutralised 9 terrorists": killed, as ACLED counts
    if verbs & acled.INJURED:
        return "injured"
    if verbs & {"evacuate", "displace"}:
        return "evacuated"
    if verbs & {"arrest", "detain"}:
        return "arrested"
    words = set((quantity.counted or "").lower().split())
    if words & {"fatality", "fatalities", "death", "deaths"}:
        return "fatalities"  # a note's "3 fatalities."
    return "people" if words & _PEOPLE else None


#: A number told as the whole its counted people belong to ("9 members of one family",
#: "3 children of a single household").
_PART_OF: Final = re.compile(r"\b\w+\s+(?:members|children|sons|daughters) of\s+$")


#: The dead told as bodies found: ACLED counts them ("the bodies of 3 men were found").
_BODIES_OF: Final = re.compile(r"\b(?:bodies|corpses|remains) of\s+$", re.IGNORECASE)


def _bodies(quantity: Quantity) -> bool:
    """A number of bodies or corpses ("5 bodies were found")."""
    words = (quantity.counted or "").lower().split()
    return bool(words) and words[-1] in ("body", "bodies", "corpse", "corpses")


def _counts(claim: Claim, group: ClaimGroup) -> list[Count]:
    counts = []
    for quantity in claim.quantities:
        if any(d.span[0] <= quantity.span[0] and quantity.span[1] <= d.span[1]
               for d in claim.dates):  # fmt: skip
            continue  # "on the night of 10 May": a day of the month, no toll
        kind = _kind(quantity, claim.text[quantity.span[1] - claim.span[0] :][:40])
        before = claim.text[: max(0, quantity.span[0] - claim.span[0])][-24:]
        if _PART_OF.search(before):
            continue  # "killing 9 members of one family": the family is no second toll
        if kind in (None, "people") and _SHOT_DEAD.search(before):
            kind = "fatalities"  # "shot dead 3 protesters"
        found_dead = _BODIES_OF.search(before) or _bodies(quantity)
        if kind in (None, "people") and found_dead and quantity.value is not None:
            kind = "fatalities"  # "the bodies of 3 men were found", "5 bodies were recovered"
        if kind is not None:
            counts.append(Count(quantity, kind, claim.article_id, group.id))
    return [_and_one_more(c, claim) for c in _joined(counts, claim)]


#: One more victim told after a toll: "killing 8 personnel and a driver".
_AND_ONE: Final = re.compile(r",?\s+and (?:a|an|one) ([a-z-]+)(?: ([a-z]+))?\b", re.IGNORECASE)


def _and_one_more(count: Count, claim: Claim) -> Count:
    """A death or injury toll followed by "and a <victim>" ("killing 8 soldiers and a
    driver") counts the one more: the parts of one toll."""
    if count.kind not in ("fatalities", "injured") or count.quantity.value is None:
        return count
    after = claim.text[count.quantity.span[1] - claim.span[0] :]
    match = _AND_ONE.match(after)
    if match is None:
        return count
    first, second = match.group(1).lower(), (match.group(2) or "").lower()
    if first not in _VICTIMS and second not in _VICTIMS:
        return count  # "and a car", "and a young driver" (the second word)
    end = match.end() if first not in _VICTIMS else match.end(1)
    one = replace(count.quantity, value=1.0, low=1.0, high=1.0,
                  span=(count.quantity.span[1], count.quantity.span[1] + end))  # fmt: skip
    return replace(count, quantity=_sum(count.quantity, one))


#: What joins the parts of one toll: "two soldiers and one attacker", "3 police, 2 civilians".
_JOIN: Final = re.compile(r"^\s*(?:,|and|, and|as well as|plus)\s*$")


def _joined(counts: list[Count], claim: Claim) -> list[Count]:
    """Counts of one kind told one after the other, joined by "and" or a comma ("two soldiers
    and one attacker were killed"), as one count of their sum: the parts of one toll, not
    figures that differ."""
    merged: list[Count] = []
    for count in counts:
        last = merged[-1] if merged else None
        if last is not None and last.kind == count.kind and last.kind != "people":
            gap = claim.text[last.quantity.span[1] - claim.span[0] : count.quantity.span[0]
                             - claim.span[0]]  # fmt: skip
            if _JOIN.match(gap) and None not in (last.quantity.value, count.quantity.value):
                merged[-1] = replace(last, quantity=_sum(last.quantity, count.quantity))
                continue
        merged.append(count)
    return merged


def _sum(a: Quantity, b: Quantity) -> Quantity:
    """Two parts of one figure as one: values and bounds added (unbounded stays so)."""

    def add(x: float | None, y: float | None) -> float | None:
        return None if x is None or y is None else x + y

    return replace(
        a,
        text=f"{a.text} and {b.text}",
        value=add(a.value, b.value),
        low=add(a.low, b.low),
        high=add(a.high, b.high),
        approximate=a.approximate or b.approximate,
        span=(a.span[0], b.span[1]),
    )


#: Who one killing names as its victim ("a civilian was shot dead", "killed a journalist").
_VICTIMS: Final = _PEOPLE | frozenset({
    "boy", "girl", "baby", "infant", "teenager", "youth", "farmer", "herder", "herdsman",
    "shopkeeper", "vendor", "merchant", "fisherman", "miner", "motorcyclist", "nun",
    "shepherd", "trader", "businessman", "driver", "teacher", "doctor", "nurse", "official",
    "leader", "chief", "elder", "activist", "protester", "demonstrator", "priest", "pastor",
    "imam", "cleric", "lawyer", "judge", "mayor", "councillor", "politician", "candidate",
    "reporter", "gunman", "militant", "rebel", "insurgent", "suspect", "individual",
    "policeman", "policewoman", "soldier", "fighter", "commander", "officer", "guard",
    "administrator", "chairman", "chairperson", "headman", "councilor", "legislator",
    "lawmaker", "governor", "minister", "editor", "photographer", "blogger", "employee",
    "labourer", "laborer", "ranger", "engineer", "contractor", "landowner", "monk",
    "student", "worker", "journalist", "businesswoman", "defender", "bandit", "kidnapper",
})  # fmt: skip
#: Endings of nouns of people ("a ward administrator", "a Sunni cleric", "a rights
#: campaigner" are told by a word the list above may lack): kept to endings few things share.
_PERSON_ENDINGS: Final = ("ist", "ian", "man", "woman", "ator", "ee")
_KILLING: Final = frozenset({"kill", "slay", "execute", "lynch", "behead", "murder",
                             "assassinate", "shoot"})  # fmt: skip
_ONE: Final = frozenset({"a", "an", "one", "the", "another"})
#: Verbs whose object is a person whatever the noun ("shot dead a bank manager").
_ONLY_PEOPLE: Final = frozenset({"shoot", "behead", "lynch", "assassinate", "murder"})
_SHOT_DEAD: Final = re.compile(r"\b(?:shot|gunned|hacked|stabbed|beaten) (?:to )?dea(?:d|th)\s*$")


def _to_death(token: Token) -> bool:
    """A verb done "to death" ("burned to death", "was stoned to death"): a killing."""
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
        for c in token.children
    )


_WOUNDS: Final = frozenset({"injury", "wound", "injuries", "wounds"})


def _of_wounds(token: Token) -> bool:
    """ "died of his injuries", "succumbed to his wounds", "died later in hospital": a
    death told of someone hurt before."""
    return any(t.lemma_.lower() in _WOUNDS or t.lower_ in ("hospital", "later")
               for t in token.subtree)  # fmt: skip


def _one_death(doc: Doc, claim: Claim, group: ClaimGroup) -> list[Count]:
    """A toll of one told without a number: "a child was killed", "shot dead a civilian",
    "a man died" (ACLED counts the one death); "shot" alone kills no one."""
    for token in doc:
        lemma = token.lemma_.lower()
        if _to_death(token):
            lemma = "kill"  # "beat and burned to death a man"
        if lemma == "succumb":
            lemma = "die"  # "succumbed to his injuries"
        if lemma not in _KILLING | {"die"} or any(c.dep_ == "neg" for c in token.children):
            continue
        if lemma == "shoot" and not any(c.lower_ in ("dead", "death") for c in token.children):
            continue
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
        roles = ("nsubj",) if lemma == "die" else ("nsubjpass",) if passive else ("dobj",)
        victims = [c for c in token.children if c.dep_ in roles]
        if not victims and lemma == "die" and token.dep_ == "conj":
            # "a soldier was wounded and later died": the subject of the first verb
            victims = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        for victim in victims:
            if lemma == "die" and victim.lower_ in ("he", "she") and _of_wounds(token):
                # "he died of his injuries": the victim told before, now dead
                text = victim.text
                start = claim.span[0] + victim.idx
                one = Quantity(text, 1.0, 1.0, 1.0, "person", span=(start, start + len(text)),
                               predicate="kill")  # fmt: skip
                return [Count(one, "fatalities", claim.article_id, group.id)]
            known = victim.lemma_.lower() in _VICTIMS or lemma in _ONLY_PEOPLE
            known = known or (lemma != "die" and victim.lower_.endswith(_PERSON_ENDINGS))
            if victim.tag_ != "NN" or not known:
                continue
            if not any(c.dep_ in ("det", "poss", "nummod")
                       and (c.lower_ in _ONE or c.dep_ == "poss")
                       for c in victim.children):  # fmt: skip
                continue
            start = claim.span[0] + victim.left_edge.idx
            end = claim.span[0] + victim.idx + len(victim.text)
            text = claim.text[victim.left_edge.idx : end - claim.span[0]]
            one = Quantity(text, 1.0, 1.0, 1.0, victim.lemma_.lower(), span=(start, end),
                           predicate="kill")  # fmt: skip
            return [Count(one, "fatalities", claim.article_id, group.id)]
    return []


#: Verbs that tell of an event: their date is when it was told ("shelled the village at the
#: weekend, residents said on Monday"), not when it happened.
_TELLING: Final = frozenset({"say", "tell", "report", "announce", "confirm", "add", "state",
                             "claim", "allege"})  # fmt: skip


def _dates_by_trigger(claim: Claim, doc: Doc, trigger: Token) -> list[DateMention]:
    """The claim's dates, the ones whose words hang from the action word first."""
    clause = trigger
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass", "dobj"):
        clause = trigger.head  # "Turkish artillery shelled ...": the verb's words
    told = {t.i for c in clause.children if c.lemma_.lower() in _TELLING for t in c.subtree}
    near = {t.idx + claim.span[0] for t in clause.subtree if t.i not in told}
    order = {"day": 0, "month-day": 0, "week": 1, "month": 2, "year": 3}
    dates = claim.dates
    if _word(trigger) == "release":  # "released 25 villagers abducted last month"
        clauses = [
            t for t in doc if t.dep_ in ("acl", "relcl", "amod") and t.lemma_.lower() in _TAKEN
        ]
        taken = {w.idx + claim.span[0] for c in clauses for w in c.subtree}
        dates = tuple(d for d in dates if d.span[0] not in taken)
    # "villagers said on Tuesday": a date just after a verb of telling is when it was told
    said_on = {
        t.idx + claim.span[0]
        for verb in doc
        if verb.lemma_.lower() in _TELLING and verb.pos_ == "VERB"
        for prep in verb.children
        if prep.dep_ == "prep" and prep.i > verb.i
        for t in prep.subtree
    }
    return sorted(
        dates,
        key=lambda d: (d.span[0] in said_on, d.span[0] not in near, order.get(d.precision, 4)),
    )


def _actors(
    doc: Doc,
    claim: Claim,
    trigger: Token,
    before: Sequence[Claim],
    sources: frozenset[str],
    event_type: str,
) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """(actors, targets, named): the acting side, the side acted on, and whether one is named."""
    quoted = claim.attribution.source if claim.attribution else None
    orgs = [
        name
        for e in claim.entities
        if e.label == "ORG" and e.text not in (quoted, *sources)
        for name in [_organisation(e.text)]
        if name
    ]
    nationalities = [nationality_country(e.text) for e in claim.entities if e.label == "NORP"]
    country = country_name(next((c for c in nationalities if c), None))
    acting = " ".join(
        f"{q.text} {q.counted or ''}" for q in claim.quantities if _kind(q) == "people"
    )
    suffering = " ".join(f"{q.text} {q.counted or ''}" for q in claim.quantities
                         if _kind(q) not in (None, "people"))  # fmt: skip
    subjects = " ".join(t.lemma_ for t in trigger.children if t.dep_ in ("nsubj", "nsubjpass"))
    label = acled.actor_label(f"{acting} {subjects}", country, event_type)
    # the victims' country is the event's (the place fills it), not the attackers'
    victims = acled.actor_label(suffering, None) if suffering.strip() else ""
    words = {t.lemma_.lower() for t in doc}
    if not label and words & _AUTHORITIES and trigger.lemma_.lower() in ("raid", "arrest"):
        label = f"Police Forces of {country or ''}".strip().removesuffix(" of")
    targets: list[str] = [victims] if victims else []
    for argument in _arguments(trigger):
        owner = next((t for t in argument.children if t.dep_ == "poss"), None)
        if owner is not None and owner.lower_ in _PRONOUNS:
            named = _previous_organisation(before)
            if named:
                targets.append(named)
        else:
            organisation = _entity_at(argument, claim)
            if organisation:
                targets.append(organisation)
    agent, other = sides(trigger, event_type)
    if agent and (not label or agent.startswith(label) or _group_beside_state(agent, label)):
        label = agent
    if other and other != label:
        targets.insert(0, other)
    actors = tuple(dict.fromkeys([a for a in (label, *orgs) if a]))
    named_target = any(t != victims for t in targets)
    return (
        actors,
        tuple(dict.fromkeys(t for t in targets if t not in actors)),
        bool(orgs or named_target),
    )


def _group_beside_state(agent: str, label: str) -> bool:
    """The parse names a group's forces ("Houthi forces") where the words alone read a
    state's ("Military Forces"): the group is the actor."""
    state = ("Military Forces", "Police Forces")
    return label.startswith(state) and not agent.startswith(state)


def _organisation(text: str) -> str | None:
    """An organisation's name as the tagger found it, unless it is a place ("Ghent"), a town
    with its region in brackets ("Kisumu (Kisumu", "Karachi - Saddar (Karachi"), or a note's
    tag ("[size=around 100]"); a name cut inside its brackets loses them."""
    if "[" in text or "=" in text:
        return None
    head = text.split("(")[0].strip(" -")
    if not head or _is_place(head) or _is_place(head.split(" - ")[0]):
        return None
    return text if text.count("(") == text.count(")") else head


@functools.lru_cache(maxsize=4096)
def _is_place(name: str) -> bool:
    """An organisation name that is really a place the gazetteer knows ("Ghent")."""
    return geocode(name, set()) is not None


def _arguments(trigger: Token) -> list[Token]:
    """What the action is done to: a verb's object or passive subject, a noun's "on X"."""
    found = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "of")):
        found += [c for c in prep.children if c.dep_ == "pobj"]
    return found


def _entity_at(token: Token, claim: Claim) -> str | None:
    """The organisation the read stage found where ``token`` stands in the claim, if any."""
    at = token.idx + claim.span[0]
    for entity in claim.entities:
        if entity.label == "ORG" and entity.span[0] <= at < entity.span[1]:
            return entity.text
    return None


def _previous_organisation(before: Sequence[Claim]) -> str | None:
    """The organisation named last in the sentence before (what "their" refers to)."""
    if not before:
        return None
    orgs = [e.text for e in before[-1].entities if e.label in ("ORG", "PERSON")]
    return orgs[-1] if orgs else None
