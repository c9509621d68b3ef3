"""What is told without anything happening to anyone: no event.

Words of violence in a sentence are not always an event: a weapon tested, drilled,
traded, made, moved or flown past ("North Korea's fifth missile test", "plans to mount
warheads on missiles", "jets buzzed an airliner"); money "looted" in a fraud; a habit or a
tally ("have scrambled hundreds of times", "have sometimes been accused of"); what is
planned, threatened or foreseen ("plan to protest", "threats of airstrikes", "there are
going to be riots"); "shelled out" (paid); and words of combat used of a political or
business contest ("the nomination battle", "clashed over trade policy"). The events stage
(:func:`storytrace.events.reports._trigger`) sets such words aside.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Final

from spacy.tokens import Doc, Token

from storytrace.events import acled, actor_names, kinds


def happens_to_no_one(token: Token) -> bool:
    """An action word told without anything happening (see the module)."""
    return (
        _weapons_trial(token)
        or _weapons_business(token)
        or _idle_weapon(token)
        or looted_money(token)
        or _habitual(token)
        or _unrealised(token)
        or _shelling_out(token)
        or _shown(token)
        or _topic(token)
        or _kind_of_thing(token)
        or _known_by_name(token)
    )


def _weapons_trial(token: Token) -> bool:
    """A weapon fired in a test, a drill or an exercise ("North Korea's fifth missile
    test", "test-fired a ballistic missile", "a test launch of a cruise missile"): the
    word, or a word it hangs on, is one of trial or carries one."""
    at = token
    for _ in range(3):
        words = [at, *(c for c in at.children if c.dep_ in ("compound", "npadvmod", "amod"))]
        if any(w.lemma_.lower() in _TRIALS for w in words):
            return True
        if at.head.i == at.i or at.dep_ not in ("compound", "pobj", "prep", "dobj"):
            return False
        at = at.head
    return False


def _weapons_business(token: Token) -> bool:
    """A weapon named as what a programme, a deal or a plant is about ("its nuclear missile
    program", "a drone deal"): no weapon is used."""
    return token.dep_ == "compound" and token.head.lemma_.lower() in _ABOUT_WEAPONS


def _idle_weapon(token: Token) -> bool:
    """A weapon word that nothing fires: the object of a verb of making, having or
    moving weapons ("deploy warheads on missiles", "sold drones to"), or the subject of a
    verb that is no attack ("jets buzzed an airliner"); "a bomb went off", "shells fell
    on" and "rockets landed" are used weapons."""
    if token.lemma_.lower() not in _WEAPON_NOUNS or token.pos_ != "NOUN":
        return False
    verb = token.head
    if token.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    lemma = verb.lemma_.lower()
    if token.dep_ in ("dobj", "pobj", "nsubjpass") and lemma in _HAVING:
        return True
    used = lemma in _LANDING or lemma in acled.ACTIONS or kinds.is_event_word(verb)
    return token.dep_ == "nsubj" and verb.pos_ == "VERB" and not used


#: Weapons that a sentence can name without anyone using them.
_WEAPON_NOUNS: Final = frozenset({"missile", "rocket", "bomb", "drone", "jet", "warplane",
                                  "warhead", "bomber", "fighter", "aircraft", "helicopter",
                                  "tank", "shell", "mortar", "grenade", "mine"})  # fmt: skip
#: Verbs of making, having, moving or trading weapons.
_HAVING: Final = frozenset({"deploy", "develop", "build", "produce", "mass-produce", "make",
                            "acquire", "buy", "purchase", "sell", "supply", "ship", "deliver",
                            "provide", "possess", "have", "own", "display", "parade",
                            "stockpile", "ban", "seek", "equip", "arm", "manufacture",
                            "export", "import", "transfer", "test", "unveil"})  # fmt: skip
#: Verbs of a weapon arriving or going off: its subject was used.
_LANDING: Final = frozenset({"go", "land", "fall", "hit", "strike", "slam", "crash", "rain",
                             "explode", "detonate", "kill", "injure", "wound", "damage",
                             "destroy", "target", "pound", "rock", "tear", "drop",
                             "bomb", "fire", "shoot", "carry", "conduct", "launch", "stage",
                             "mount", "execute", "perform", "open", "unleash", "use",
                             "make"})  # fmt: skip


def looted_money(token: Token) -> bool:
    """ "Looted millions of dollars from investors": fraud, not looting of property."""
    if token.lemma_.lower() not in ("loot", "plunder", "steal"):
        return False
    taken = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    words = {t.lemma_.lower() for c in taken for t in c.subtree}
    return bool(words & _MONEY)


_MONEY: Final = frozenset({"dollar", "million", "billion", "fund", "money", "cash",
                           "pension", "coffer", "treasury", "saving", "euro",
                           "rupee"})  # fmt: skip


def _habitual(token: Token) -> bool:
    """An action told as a habit or a tally, not one event: "have scrambled hundreds of
    times", "have sometimes been accused", "routinely detain"."""
    for node in (token, *token.ancestors):
        for word in (c for c in node.children if c.dep_ in ("advmod", "npadvmod", "dobj")):
            if word.lower_ in _HABIT:
                return True
            phrase = list(word.subtree)
            if any(t.lower_ == "times" for t in phrase) and any(
                t.like_num or t.lower_ in _MANY for t in phrase
            ):
                return True
    return False


_MANY: Final = frozenset({"hundreds", "dozens", "thousands", "many", "several", "countless"})


_HABIT: Final = frozenset({"sometimes", "often", "routinely", "regularly", "frequently",
                           "usually", "occasionally", "habitually", "typically"})  # fmt: skip
#: Nouns a weapon word can qualify without being used.
_ABOUT_WEAPONS: Final = frozenset({"program", "programme", "deal", "sale", "factory", "plant",
                                   "industry", "stockpile", "arsenal", "technology",
                                   "capability", "development", "treaty", "defense",
                                   "defence", "shield", "research", "export",
                                   "import", "activity", "ambition", "unit", "officer",
                                   "commander", "school", "course", "training", "expert",
                                   "system"})  # fmt: skip
#: Words of trying a weapon out rather than using it on anyone.
_TRIALS: Final = frozenset({"test", "drill", "exercise", "test-fire"})


def _unrealised(token: Token) -> bool:
    """An action told as planned, threatened or foreseen, not done: an infinitive under a
    word of intent ("plan to protest", "threatened to storm the town"), a noun under a word
    of threat or plan ("threats of airstrikes", "fears of riots"), or "going to" ("there are
    going to be riots"), or under "will", "might" ("protests will erupt").
    An attempt ("tried to storm") is done and stays."""
    for verb in (token, *list(token.ancestors)[:3]):  # "threatened to disrupt it with protests"
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if infinitive and verb.head.lemma_.lower() in _INTENT and verb.head.i != verb.i:
            return True
    verb = token.head if token.dep_ in ("nsubj", "nsubjpass", "dobj") else token
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.pos_ in ("VERB", "AUX") and auxiliaries & _MAY_COME and not auxiliaries & _PERFECT:
        return True  # "protests will erupt", "troops might launch an offensive"; a strike
        # that "may have killed" five happened
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() in _THREAT
    ):
        return True
    for above in list(token.ancestors)[:3]:
        if above.lower_ == "going" and any(
            c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in above.children
        ):
            return True
    return False


#: Words of intent: what an infinitive under them names is not done yet.
_INTENT: Final = frozenset({"plan", "intend", "prepare", "vow", "threaten", "promise",
                            "expect", "hope", "want", "aim", "pledge", "vote", "decide",
                            "consider", "need"})  # fmt: skip
#: Auxiliaries of what has not happened: "will erupt", "could launch".
_MAY_COME: Final = frozenset({"will", "'ll", "would", "might", "may", "shall"})
_PERFECT: Final = frozenset({"have", "has", "had", "'ve"})
#: Nouns of what may come: "threats of airstrikes", "fears of riots".
_THREAT: Final = frozenset({"threat", "plan", "prospect", "risk", "fear", "possibility",
                            "danger", "warning", "specter", "spectre"})  # fmt: skip


def _shelling_out(token: Token) -> bool:
    """ "Shell out" is to pay; "a shell of itself" is a husk."""
    husk = any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ in _SELF for o in c.children)
        for c in token.children
    )
    return token.lemma_.lower() == "shell" and (
        husk or any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    )


_SELF: Final = frozenset({"itself", "himself", "herself", "themselves", "self"})


def _shown(token: Token) -> bool:
    """ "Demonstrate" and "rally" with an object or a clause are showing and gathering
    support, not a protest: "demonstrated a good grasp of", "has demonstrated that he",
    "is rallying a coalition against"; a crowd "demonstrated against the law" or "rallied
    outside parliament" takes none."""
    return (
        token.pos_ == "VERB"
        and token.lemma_.lower() in ("demonstrate", "rally")
        and any(c.dep_ in ("dobj", "ccomp") for c in token.children)
    )


def _topic(token: Token) -> bool:
    """What something is about ("statements about drug dealers and rape", "comments about
    an alleged rape"): a topic, not a report of the event."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "about drug dealers and rape"
    return token.dep_ == "pobj" and token.head.lower_ == "about"


def _kind_of_thing(token: Token) -> bool:
    """An event word naming a kind of thing ("rape analogies", "a rape apologist", "a
    recruitment video"): it qualifies a noun that is no one harmed and no event."""
    return token.dep_ == "compound" and token.head.lemma_.lower() in _QUALIFIED


#: Nouns an event word can qualify without any event: what is said, shown or tried.
_QUALIFIED: Final = frozenset({"apologist", "analogy", "joke", "comment", "remark", "video",
                               "film", "movie", "culture", "charge", "case", "trial", "law",
                               "statistic", "rate", "drill", "kit", "rhetoric", "metaphor",
                               "game", "simulation", "insurance", "policy",
                               "allegation"})  # fmt: skip


def _known_by_name(token: Token) -> bool:
    """A past event recalled by its place's name after a preposition ("after the Orlando
    massacre", "linking him to the Newtown massacre", "since the Charleston church
    massacre"): the story refers to an event known before, it does not report one."""
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or token.head.lower_ not in _RECALLING:
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return False
    names = [c for c in token.children if c.dep_ == "compound"]
    names += [g for c in names for g in c.children if g.dep_ == "compound"]
    return any(n.pos_ == "PROPN" for n in names)


#: Prepositions that recall an event as a point of reference.
_RECALLING: Final = frozenset({"after", "since", "to", "of", "before", "like", "following",
                               "from"})  # fmt: skip


def contest(token: Token, people: AbstractSet[int] = frozenset()) -> bool:
    """A word of combat used of a political or business contest ("the nomination battle",
    "a lobbying battle over ethanol", "clashed with Sanders over guns", "regaining control
    of the Senate"): every side it names is a person ("Clinton clashed with Johnson", "his
    battles with Trump"; ``people``: the persons' tokens), a contest's word qualifies it, or
    its sentence names no armed side, weapon or harm and it names a contest's words, a person
    for the other side, or an issue fought "over"."""
    doc = token.doc
    named = _sides(token)
    if named and all(_person(side, people) for side in named):
        return True
    if any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in _CONTEST_WORDS
        for c in token.children
    ):
        return True  # "the nomination battle", "the primary battle's final day"
    lemmas = {t.lemma_.lower() for t in doc}
    if lemmas & _ARMED_CONTEXT or _named_armed_group(doc):
        return False
    if lemmas & _CONTEST_WORDS:
        return True
    sides = [
        noun
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in ("with", "against", "between", "over")
        for noun in prep.children
        if noun.dep_ == "pobj"
    ]
    return any(_person(n, people) or n.head.lower_ == "over" for n in sides)


def _sides(token: Token) -> list[Token]:
    """Who a word of combat sets against whom: its subject or possessor ("Clinton clashed",
    "his battles", "Cruz's battle") and the objects of "with", "against" and "between",
    with the names joined to them by "and"."""
    heads = [c for c in token.children if c.dep_ in ("nsubj", "poss")]
    heads += [
        noun
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in ("with", "against", "between")
        for noun in prep.children
        if noun.dep_ == "pobj"
    ]
    return [*heads, *(c for h in heads for c in h.children if c.dep_ == "conj")]


def _person(token: Token, people: AbstractSet[int]) -> bool:
    """A person: named as one by the read stage or the tagger, or "he", "she", "his", "her"."""
    return token.i in people or token.ent_type_ == "PERSON" or token.lower_ in _PERSONAL


def _named_armed_group(doc: Doc) -> bool:
    """The sentence names a group of ACLED's actor list ("Al Shabaab", "the RSF")."""
    names = [t for t in doc if t.pos_ == "PROPN" or t.is_upper]
    return any(
        actor_names.group(" ".join(t.text for t in names[i : i + n])) is not None
        for n in (1, 2, 3)
        for i in range(len(names))
    )


_PERSONAL: Final = frozenset({"he", "she", "his", "her", "him", "hers"})
#: Words of combat that politics and business borrow.
COMBAT_WORDS: Final = frozenset({"battle", "fight", "clash", "war", "struggle", "skirmish",
                            "showdown", "confrontation", "offensive", "assault", "siege",
                            "regain", "retake", "recapture", "capture", "seize",
                            "attack"})  # fmt: skip
#: Words that make combat real: armed sides, weapons, harm, crowds and front lines.
_ARMED_CONTEXT: Final = (
    acled.NON_STATE
    | acled.POLICE
    | acled.FATAL
    | acled.INJURED
    | frozenset({"soldier", "troop", "army", "military", "militia", "fighter", "gunman",
                 "gunmen", "attacker", "assailant", "bandit", "force", "gendarme", "marine",
                 "paratrooper", "navy", "airforce", "gun", "rifle", "weapon", "artillery",
                 "tank", "missile", "rocket", "shell", "mortar", "bomb", "grenade", "drone",
                 "airstrike", "explosive", "ied", "machete", "knife", "gunfire", "shot",
                 "bullet", "ammunition", "sniper", "casualty", "body", "hostage", "captive",
                 "protester", "demonstrator", "rioter", "mob", "crowd", "youth", "villager",
                 "herder", "vigilante", "gang", "cartel", "settler", "frontline", "front",
                 "checkpoint", "convoy", "patrol", "outpost", "barracks", "town", "village",
                 "city", "district", "province", "region", "territory", "airport", "bridge",
                 "highway", "road", "border"})
)  # fmt: skip
#: Words of a political, legal or business contest.
_CONTEST_WORDS: Final = frozenset({"election", "nomination", "campaign", "senate", "congress",
                                   "vote", "voter", "delegate", "poll", "primary", "caucus",
                                   "candidate", "debate", "court", "legal", "lawsuit",
                                   "lobbying", "budget", "policy", "bill", "republican",
                                   "democrat", "democratic", "gop", "trade", "price",
                                   "market", "rating", "sale", "industry", "argument",
                                   "rhetoric", "tweet", "media", "interview", "nominee",
                                   "presidency", "presidential", "legislation", "reform",
                                   "strategy", "message", "ballot", "seat", "majority",
                                   "super", "donor", "fundraising", "superdelegate"})  # fmt: skip
