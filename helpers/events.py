"""Events: who did what to whom, when and where, coded in PLOVER 2.0 categories with CAMEO codes
and Goldstein values from a general verb and noun lexicon (``data/reference/event_lexicon.csv``).

For each trigger (a verb, a light-verb + noun such as "hold talks" / "issue warnings" /
"placed under sanctions", or an event noun such as "invasion of Ukraine"), the source and target
come from the dependency parse and the actor mentions: subject and object, the agent of a passive
("Sanctioned by the U.S., Tehran ..."), the possessor of a noun ("Russia's invasion"), a
preposition's object ("talks with Raisi"), coordinated actors ("X and Y agreed"), and the place
of a visit. Negation ("has not deployed"), hedges ("while not denying it had supplied") and
allegations ("accused X of supplying") lower the confidence or set ``negated``.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import pandas as pd
from spacy.tokens import Doc, Span, Token

from . import clauses, config, nlp, reference, schemas
from .dates import NUMBERS
from .lexicon import agent_sector, words
from .lexicon import verb_candidates as lexicon_verb_candidates
from .targets import accused_instead
from .targets import fallback as fallback_targets

MATERIAL_CONFLICT = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "THREATEN"}
PLACE_PREPS = {"in", "at"}


@dataclass(frozen=True)
class Lex:
    lemma: str
    pos: str
    cue: str
    type: str
    mode: str
    cameo: str
    goldstein: float
    symmetric: bool
    target_preps: tuple[str, ...]
    via_object: bool = (
        False  # the verb carries the event its object names ("expressed support for X")
    )
    reversed: bool = False  # a dictionary reading coded from the other party to the subject
    # ("won the prize": whoever awarded it praised the winner; "came under fire from X")


class LexiconError(ValueError):
    """A malformed row in event_lexicon.csv (the message names the row)."""


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], Lex]:
    """(lemma, VERB|NOUN) -> entry of the project's override lexicon. Each row gives a CAMEO code
    and the reason it overrides (or adds to) the CAMEO verb dictionary; the PLOVER category, mode
    and Goldstein score come from the shipped CAMEO tables, never from the row."""
    from . import cameo

    path = config.REFERENCE / "event_lexicon.csv"
    out: dict[tuple[str, str], Lex] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for n, r in enumerate(csv.DictReader(fh), start=2):
            if (
                r.get("pos") not in ("VERB", "NOUN")
                or not r.get("lemma")
                or not (r.get("reason") or "").strip()
            ):
                raise LexiconError(
                    f"{path.name} row {n}: needs a lemma, pos VERB or NOUN, and a reason"
                )
            try:
                info = cameo.code_info(r["cameo"])
            except (KeyError, ValueError):
                raise LexiconError(
                    f"{path.name} row {n}: {r['cameo']!r} is not a CAMEO code"
                ) from None
            if not info.plover:
                raise LexiconError(
                    f"{path.name} row {n}: CAMEO {r['cameo']} has no PLOVER category"
                )
            out[(r["lemma"], r["pos"])] = Lex(
                r["lemma"],
                r["pos"],
                r["cue"],
                info.plover,
                info.mode,
                r["cameo"],
                info.goldstein,
                r["symmetric"] == "true",
                tuple(p for p in r["target_preps"].split("|") if p),
            )
    return out


@dataclass
class Event:
    sentence_id: int
    lex: Lex
    trigger: Token
    source: str
    target: str = ""
    negated: bool = False
    confidence: float = 0.9
    place_id: str = ""
    date: str = ""
    date_text: str = ""
    date_basis: str = ""
    notes: list[str] = field(default_factory=list)


class Mentions:
    """Actor and place mentions, looked up by token."""

    def __init__(
        self, mentions: pd.DataFrame, actors: pd.DataFrame, starts: list[int] | None = None
    ) -> None:
        """``starts``: where the document's tokens start (sorted), the only offsets looked up."""
        self.df = mentions
        ids = schemas.column(actors, "actor_id")  # the columns' values: not iterated cell by cell
        self.types = dict(zip(ids, schemas.column(actors, "type")))
        self.roles = dict(zip(ids, schemas.column(actors, "role")))
        self.countries = dict(zip(ids, schemas.column(actors, "country")))
        # rows of a validated mentions table: the schema, not pandas-stubs, types their fields
        self.rows: list[Any] = sorted(
            schemas.itertuples(mentions, index=False), key=lambda r: (r.start, -(r.end - r.start))
        )
        # per character offset: the longest actor mention covering it, the first one's "how", the
        # first place; built once, so a lookup does not scan every mention (long articles)
        self._actor: dict[int, tuple[str, int]] = {}
        self._how: dict[int, str] = {}
        self._place: dict[int, str] = {}
        for r in self.rows:
            actor, how, place, size = r.actor_id, r.how, r.place_id, r.end - r.start
            span: Sequence[int] = range(int(r.start), int(r.end))
            if starts is not None:  # the token starts in it: lookups are by a token's offset
                span = starts[bisect_left(starts, int(r.start)) : bisect_left(starts, int(r.end))]
            for pos in span:
                if actor:
                    if size > self._actor.get(pos, ("", -1))[1]:
                        self._actor[pos] = (actor, size)
                    self._how.setdefault(pos, how)
                if place:
                    self._place.setdefault(pos, place)

    def actor(self, tok: Token) -> str:
        """The actor a token belongs to (the longest mention covering it)."""
        return self._actor.get(tok.idx, ("", -1))[0]

    def how(self, tok: Token) -> str:
        return self._how.get(tok.idx, "")

    def actor_at(self, idx: int) -> str:
        """``actor`` of the token that starts at character ``idx``."""
        return self._actor.get(idx, ("", -1))[0]

    def how_at(self, idx: int) -> str:
        """``how`` of the token that starts at character ``idx``."""
        return self._how.get(idx, "")

    def place(self, tok: Token) -> str:
        return self._place.get(tok.idx, "")


def _actors_of(tok: Token, m: Mentions, depth: int = 0) -> list[str]:
    """Actors named by a noun phrase: itself, its conjuncts ("X and Y"), or inside it ("Russia's
    invasion")."""
    found: list[str] = []
    own = m.actor(tok)
    counted = _counted_people(tok, m)
    if counted:
        found += counted  # "three Malian officials": the three named elsewhere
    elif own:
        found.append(own)
    elif tok.lemma_ == "counterpart" and tok.tag_ == "NNS" and _plural_referent(tok, m):
        found += _plural_referent(tok, m)  # "commended his counterparts": the people he met
    elif tok.lower_ in words("pair_noun") and any(
        c.lower_ in ("these", "those") for c in tok.children
    ):
        found += _last_list(tok, m)  # "We thank these nations": the nations just listed
    elif _listed(tok, m):
        found += _listed(tok, m)  # "detained others, including Li Yuhan and Yu Wensheng"
    elif _a_quantity(tok) or tok.lower_ in words(
        "member_nouns"
    ):  # "thousands of Nigerians", "leaders of X"
        found += [
            a
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
            for a in _np_actors(p, m)
        ]
    elif tok.lower_ in words("partner_nouns"):  # "our partners at the council": the council
        found += [
            a
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("at", "in", "from", "on")
            for p in c.children
            if p.dep_ == "pobj"
            for a in _np_actors(p, m)
        ]
    elif _people_from(tok, m):
        found += _people_from(tok, m)  # "doctors from two American aid groups": the groups
    elif _titled_person(tok, m):
        found += _titled_person(tok, m)  # "U.S. Ambassador to the Philippines Kristie Kenney"
    elif depth == 0 or tok.dep_ == "conj":
        found += _inner_actor(tok, m)  # "Sudan's army and the RSF": the army stands for Sudan
    for c in tok.children:
        if c.dep_ == "conj" or (c.dep_ == "appos" and own and _list_member(c, own, m)):
            found += _actors_of(c, m, depth + 1)
    if own and depth == 0:  # "Vietnam's Ministry of Foreign Affairs and MOET": the "and" hung
        found += [  # inside the first name
            a
            for t in tok.subtree
            if t.dep_ == "conj"
            and t.head.i != tok.i
            and m.actor(t.head) == own
            and (a := m.actor(t))
            and a != own
        ]
    return list(dict.fromkeys(found))


def _titled_person(tok: Token, m: Mentions) -> list[str]:
    """The person a singular title noun heads when the parser hung the name below it ("United
    States Ambassador to the Philippines Kristie A. Kenney": Kenney, not the United States)."""
    if tok.tag_ not in ("NN", "NNP") or (
        agent_sector(tok.lower_) != "GOV" and tok.lower_ not in reference.titles()
    ):
        return []
    named = [
        (t, a)
        for t in tok.subtree
        if t.i > tok.i and (a := m.actor(t)) and m.types.get(a) == "person"
    ]
    # "Assistant Secretary ... Anne C. Richard, and USAID Assistant Administrator ... Nancy
    # Lindborg visited": the people the parser listed below the first title act together
    listed = [a for t, a in named[1:] if t.dep_ == "conj"]
    return list(dict.fromkeys([a for _, a in named[:1]] + listed))


def _people_from(tok: Token, m: Mentions) -> list[str]:
    """People of a trade or office "from" an actor act for it: "doctors from two American aid
    groups", "officials from the European Union", "experts from the IAEA"."""
    if tok.pos_ != "NOUN" or not agent_sector(tok.lower_):
        return []
    return _prep_actors(tok, m, ("from",))


def _prep_actors(tok: Token, m: Mentions, preps: tuple[str, ...]) -> list[str]:
    """The actors named by the objects of a word's prepositional phrases headed by ``preps``."""
    return [
        a
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
        for a in _np_actors(p, m)
    ]


def _list_member(appos: Token, head_actor: str, m: Mentions) -> bool:
    """ "Jamaica, the Bahamas and Antigua": a state "in apposition" to a state, with a conjunct of
    its own, is the next item of a list (a state is not a description of another)."""
    other = m.actor(appos)
    return (
        bool(other)
        and other != head_actor
        and m.types.get(other) == m.types.get(head_actor) == "state"
        and any(c.dep_ == "conj" for c in appos.children)
    )


def _listed(tok: Token, m: Mentions) -> list[str]:
    """The actors a phrase that names none itself lists as examples: "others, including X and Y",
    "many of those arrested, such as X". An act ("the votes taken by ..., including X") lists
    no actors: its examples are of something inside it."""
    if tok.pos_ == "NOUN" and _trigger_entries(tok) is not None:
        return []
    out = []
    for c in tok.subtree:
        example = c.lower_ == "including" or (
            c.lower_ == "as" and c.i and tok.doc[c.i - 1].lower_ == "such"
        )
        if c.dep_ == "prep" and example and (c.head.i == tok.i or c.head in tok.subtree):
            out += [a for p in c.children if p.dep_ == "pobj" for a in _np_actors(p, m)]
    return list(dict.fromkeys(out))


def _np_actors(tok: Token, m: Mentions) -> list[str]:
    """Actors of a noun phrase; "Iran's leader, Ayatollah X" is X, not Iran."""
    if m.actor(tok):
        return _actors_of(tok, m)
    for c in tok.children:  # "Brazil's president, Luiz Inacio Lula da Silva,"; "activists X and Y"
        if c.dep_ == "appos" and m.types.get(m.actor(c)) == "person":
            return _actors_of(c, m)
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == ",":
        for t in doc[tok.i + 2 : tok.i + 7]:
            nxt = m.actor(t)
            if nxt and m.types.get(nxt) == "person":
                return [nxt]
            if t.pos_ not in ("PROPN",):
                break
    return _actors_of(tok, m) or _plural_referent(tok, m) or _inner_actor(tok, m)


def _inner_actor(tok: Token, m: Mentions, demonyms: bool = False) -> list[str]:
    """An actor inside a phrase: its possessor or compound ("Russia's invasion", "Iran's achievements");
    with ``demonyms``, also an adjective ("Venezuelan officials")."""
    for c in tok.children:
        if (
            c.dep_ in ("poss", "compound", "nmod", "amod", "npadvmod", "appos")
            and m.actor(c)
            and (demonyms or m.how(c) != "demonym")
        ):
            return _actors_of(c, m)
    return []


def _named_participants(tok: Token, m: Mentions) -> bool:
    """Does a noun name who did it or to whom ("Serbia's suppression of ...", "the detention of X by
    Y", "talks between X and Y"), by a name rather than a pronoun or a place ("their struggle",
    "the force in Liberia")?"""
    if _led_by(tok, m):
        return True
    for c in tok.children:
        if c.dep_ in ("poss", "compound") and m.actor(c) and m.how(c) not in ("pronoun", "demonym"):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in ("of", "by", "between", "with", "against", "on", "to")
            and any(m.actor(p) and m.how(p) != "pronoun" for p in c.children if p.dep_ == "pobj")
        ):
            return True
    return False


def _led_by(tok: Token, m: Mentions) -> list[str]:
    """ "mediation and dialogue led by Angola", "talks hosted by Qatar", "operations conducted by
    X": the agent of a participle of holding or carrying out, on the event noun or on the noun it
    is listed with, holds the event (not so "a ceasefire brokered by X": X did not cease fire)."""
    doers = words("doer_participle")
    return [
        a
        for n in [tok, *tok.conjuncts]
        for p in clauses.participle_agents(n, doers)
        for a in _np_actors(p, m)
    ]


def _by_agent(tok: Token, m: Mentions) -> bool:
    """Does an event noun name its doer in a "by" phrase ("the vote by the Colombian congress")?"""
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "by" and any(m.actor(p) for p in c.children)
        for c in tok.children
    )


def _own_participants(tok: Token, m: Mentions) -> bool:
    """Does an event noun name its own actors ("Russia's invasion of Ukraine")?"""
    if _inner_actor(tok, m):
        return True
    return any(
        c.dep_ == "prep" and any(_actors_of(p, m) for p in c.children if p.dep_ == "pobj")
        for c in tok.children
    )


def _subject(tok: Token, m: Mentions) -> tuple[list[str], bool]:
    """(actors, passive) of a verb, climbing xcomp/conj/advcl chains when it has no subject of its own."""
    cur = tok
    for _ in range(6):
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")] or [
            c  # "Russia is opposed": a parse that hangs the subject on the auxiliary
            for a in cur.children
            if a.dep_ in ("aux", "auxpass")
            for c in a.children
            if c.dep_ in ("nsubj", "nsubjpass")
        ]
        if subj:
            for s in subj:
                if s.tag_ in ("WDT", "WP") and cur.dep_ == "relcl":  # "an ally ... which supported"
                    return _relative_subject(cur.head, m), s.dep_ == "nsubjpass"
                actors = _np_actors(s, m)
                if actors:
                    return actors, s.dep_ == "nsubjpass" and not _stative(cur)
            return [], False
        if (
            cur.dep_ == "pcomp"
            and cur.head.lower_ == "of"
            and cur.head.head.lemma_ in words("allegation")
        ) or (
            cur.dep_ == "pcomp" and cur.head.lower_ == "for" and _object_actors(cur.head.head, m)
        ):
            # "accused the Islamic Republic of supplying drones", "designated X for having
            # assisted Y": the one accused or designated is the actor
            return _object_actors(cur.head.head, m), False
        if (
            cur.dep_ == "acl"
            and cur.tag_ == "VBD"
            and cur.head.dep_ == "ROOT"
            and cur.head.pos_ in ("NOUN", "PROPN")
        ):
            return _np_actors(
                cur.head, m
            ), False  # "A French minister threatened ...": a main verb parsed as a modifier
        taker = clauses.taken_opportunity_noun(cur)
        if taker is not None:  # "had the opportunity to meet": whoever had it met
            cur = taker
            continue
        if cur.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl", "acomp") and cur.head.i != cur.i:
            cur = cur.head
            if cur.pos_ == "ADP":
                cur = cur.head
            continue
        break
    if tok.dep_ == "ROOT" or cur.dep_ == "ROOT":  # a broken parse: the people named before the verb
        persons = [
            m.actor(t) for t in tok.sent if t.i < tok.i and m.types.get(m.actor(t)) == "person"
        ]
        return list(dict.fromkeys(persons))[:2], False
    return [], False


def _object_actors(verb: Token, m: Mentions) -> list[str]:
    return [a for c in verb.children if c.dep_ == "dobj" for a in _actors_of(c, m)]


def _stative(verb: Token) -> bool:
    """ "Israel is opposed to", "Iran is committed to": a passive form that states the subject's
    own stance (no "by" agent), so the subject acts."""
    return verb.lemma_.lower() in words("stative_passive") and not any(
        c.dep_ == "agent" for c in verb.children
    )


def _relative_subject(head: Token, m: Mentions) -> list[str]:
    """The actors a relative pronoun stands for: the clause's noun ("an ally ... which supported",
    "lawyers who were detained by ...": passive, the lawyers are its target), the actor an
    apposition renames, or the other subject of the same verb; none for an owned act."""
    if _an_act(head, m):  # "Wagner's activities, which pose threats": no doer
        return []
    return _actors_of(head, m) or _apposed_to(head, m) or _appositive_subject(head, m)


def _an_act(noun: Token, m: Mentions) -> bool:
    """Is a relative clause's noun an act or thing someone owns ("the Wagner Group's destabilizing
    activities, which pose threats"), not an actor? Then the clause says what it does, not what
    its owner does."""
    return (
        noun.pos_ == "NOUN"
        and not m.actor(noun)
        and not _is_agent_noun(noun)
        and any(c.dep_ == "poss" for c in noun.children)
    )


def _apposed_to(tok: Token, m: Mentions) -> list[str]:
    """ "M23, an armed group that has been designated by ...": a relative clause on an apposition
    describes the actor the apposition renames."""
    return _actors_of(tok.head, m) if tok.dep_ == "appos" else []


def _appositive_subject(tok: Token, m: Mentions) -> list[str]:
    """ "A staunch ally of X which ..., Belarus has been ...": the other subject of the same verb."""
    if tok.dep_ in ("dobj", "pobj", "attr", "dative"):
        return []  # "signed an agreement that allows ...": the agreement is not its signers
    for c in tok.head.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i and _actors_of(c, m):
            return _actors_of(c, m)
    return []


def _plural_referent(tok: Token, m: Mentions) -> list[str]:
    """ "they", "both", "the two presidents": the last coordinated pair of actors before it."""
    low = tok.lower_
    described = _described_plural(tok, m)
    if described is not None:
        return described
    if low not in ("they", "them", "both") and low not in words("pair_noun"):
        return []
    if low in words("pair_noun") and not any(c.lower_ in ("two", "both") for c in tok.children):
        return []
    doc = tok.doc
    want_person = low in words("pair_noun_person")
    pair: list[str] = []
    fallback: list[str] = []
    for t in reversed(doc[max(0, tok.i - 120) : tok.i]):  # nearest first
        if (
            not want_person and t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NNS"
        ):  # "The advisors ... They"
            pair = _plural_referent(t, m)
            if pair:
                break
        if t.dep_ != "conj":
            continue
        if (
            tok.dep_ in ("dobj", "pobj", "dative")
            and t.sent == tok.sent
            and t.head.dep_ in ("nsubj", "nsubjpass")
            and t.head.head in tok.ancestors
        ):
            continue  # "X and Y called on both countries": not the callers themselves
        a, b = m.actor(t.head) or "".join(_inner_actor(t.head, m)[:1]), m.actor(t)
        if not a or not b or a == b:
            continue
        if want_person and not (m.types.get(a) == "person" and m.types.get(b) == "person"):
            continue
        if t.head.dep_ in ("nsubj", "nsubjpass"):  # a pair that acted together ("X and Y agreed")
            pair = [a, b]
            break
        fallback = fallback or [a, b]
    pair = pair or fallback
    if not pair and low in ("they", "them"):
        pair = _met_pair(tok, m)  # "X spoke with Y ... They discussed ...": the two who met
    if not pair and want_person:
        persons = [
            m.actor(t)
            for t in doc[max(0, tok.i - 120) : tok.i]
            if m.types.get(m.actor(t)) == "person"
        ]
        persons = list(dict.fromkeys(reversed(persons)))[:2]
        pair = list(reversed(persons)) if len(persons) == 2 else []
    return pair


def _examples_act(verb: Token, m: Mentions) -> bool:
    """Is the verb's subject a group named by examples ("the nations that have pledged ...,
    including Jamaica and the Bahamas")?"""
    heads = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    heads += [verb.head] if verb.dep_ == "relcl" else []
    return any(not m.actor(h) and _listed(h, m) for h in heads)


def _described_plural(tok: Token, m: Mentions) -> list[str] | None:
    """People or states a plural description names ("the national security advisors", "his
    counterparts", "these nations"); None when the noun is no such description."""
    titled = _titled_plural(tok, m)
    if titled:
        return titled
    if tok.lemma_ == "counterpart" and tok.tag_ == "NNS" and _owned(tok):
        return _met_pair(tok, m)  # "X commended his counterparts": those X met (X drops out)
    if tok.lower_ in words("pair_noun") and any(
        c.lower_ in ("these", "those") for c in tok.children
    ):
        return _last_list(tok, m)  # "We thank these nations": the nations just listed
    counted = _counted_people(tok, m)
    return counted or None


def _counted_people(tok: Token, m: Mentions) -> list[str]:
    """ "three Malian officials": the nearest list in the article of exactly that many named
    people (of that state, when a demonym says so), before or after ("... designated Sadio Camara,
    Alou Boi Diarra, and Adama Bagayoko")."""
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in words("counted_person"):
        return []
    n = next((NUMBERS.get(c.lower_, 0) for c in tok.children if c.dep_ == "nummod"), 0)
    if not 2 <= n <= 8:
        return []
    state = next(
        (m.countries.get(m.actor(c), "") for c in tok.children if m.how(c) == "demonym"), ""
    )
    lists = []
    for t in tok.doc:
        if t.dep_ != "conj" or t.head.dep_ == "conj" or m.types.get(m.actor(t)) != "person":
            continue
        listed = [t.head, *t.head.conjuncts]
        listed += [c for x in listed for c in x.children if c.dep_ == "appos"]  # "X, Y, and Z"
        people = list(dict.fromkeys(a for x in sorted(listed) if (a := m.actor(x))))
        if len(people) == n and all(
            m.types.get(a) == "person" and (not state or m.countries.get(a) == state)
            for a in people
        ):
            lists.append((abs(t.head.i - tok.i), people))
    return min(lists)[1] if lists else []


def _last_list(tok: Token, m: Mentions) -> list[str]:
    """The actors of the nearest list before ``tok`` ("Jamaica, the Bahamas and Antigua"), of the
    kind the noun names (states for "nations", people for "leaders"), at least two."""
    kind = "person" if tok.lower_ in words("pair_noun_person") else "state"
    for t in reversed(tok.doc[max(0, tok.i - 120) : tok.i]):
        if t.dep_ != "conj" or t.head.dep_ == "conj":
            continue
        listed = [a for x in (t.head, *t.head.conjuncts) if (a := m.actor(x))]
        listed = [a for a in dict.fromkeys(listed) if m.types.get(a) == kind]
        if len(listed) >= 2:
            return listed
    return []


def _titled_plural(tok: Token, m: Mentions) -> list[str]:
    """ "The national security advisors", "the foreign ministers": every person named earlier
    whose role carries that title (two or more)."""
    if tok.tag_ != "NNS" or not any(c.lower_ == "the" for c in tok.children):
        return []
    words_ = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i] + [
        tok.lemma_.lower()
    ]
    title = " ".join(words_)
    tits = reference.titles()
    if title not in tits and tok.lemma_.lower() not in tits:
        return []
    want = title if title in tits else tok.lemma_.lower()
    people = [
        a
        for a, kind in m.types.items()
        if kind == "person" and a in m.roles and want in m.roles[a].lower().split(" of ")[0]
    ]
    first = {a: min(r.start for r in m.rows if r.actor_id == a) for a in people}
    people = [a for a in people if first[a] < tok.idx]
    if len(people) >= 2:
        return sorted(people, key=lambda a: first[a])
    met = _met_pair(tok, m)  # "X met with Y and Z. The national security advisors discussed ..."
    if len(met) >= 2 and all(m.types.get(a) == "person" for a in met):
        return met
    same = next(  # the same description earlier, resolved there: the same people
        (
            t
            for t in reversed(tok.doc[max(0, tok.i - 200) : tok.i])
            if t.lower_ == tok.lower_ and t.tag_ == "NNS" and _modifiers(t) == _modifiers(tok)
        ),
        None,
    )
    return _titled_plural(same, m) if same is not None else []


def _modifiers(tok: Token) -> list[str]:
    return [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]


def _met_pair(tok: Token, m: Mentions) -> list[str]:
    """The subject and the "with"/object partners of the nearest earlier clause that has both
    ("Secretary Blinken spoke with Foreign Minister Faisal"; "X met with Y and Z"), within three
    sentences."""
    upto = bisect_right(nlp.sentence_starts(tok.doc), tok.sent.start_char)
    sents = nlp.sentences(tok.doc)[max(0, upto - 4) : upto]
    for sent in reversed(sents):
        for verb in sent:
            if (
                verb.pos_ not in ("VERB", "AUX")
                or (sent == tok.sent and verb.i >= tok.i)
                or verb in tok.ancestors
                or (_trigger_entries(verb) or _NO_LEX).type != "CONSULT"
            ):
                continue  # only a meeting says who was together
            subj = [a for c in verb.children if c.dep_ == "nsubj" for a in _actors_of(c, m)]
            partner = [a for c in verb.children if c.dep_ == "dobj" for a in _actors_of(c, m)] + [
                a
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "with"
                for p in c.children
                if p.dep_ == "pobj"
                for a in _np_actors(p, m)
            ]
            partner = [a for a in dict.fromkeys(partner) if a not in subj]
            if len(subj) == 1 and partner:
                return subj + partner
    return []


def _objects(tok: Token, lex: Lex, m: Mentions) -> list[str]:
    """Targets of a trigger: direct object, prepositional objects, or an actor inside the object."""
    out: list[str] = []
    for c in tok.children:
        if c.dep_ == "dative" and c.pos_ == "ADP":  # "sent troops to Syria": "to" parsed as dative
            out += [a for p in c.children if p.dep_ == "pobj" for a in _np_actors(p, m)]
        elif c.dep_ in ("dobj", "dative", "attr", "oprd"):
            out += _actors_of(c, m) or _inner_actor(c, m)
            if not out:  # "froze the assets of six Venezuelan officials"
                for g in c.children:
                    if g.dep_ == "prep" and g.lower_ == "of":
                        out += [
                            a
                            for p in g.children
                            if p.dep_ == "pobj"
                            for a in (_actors_of(p, m) or _inner_actor(p, m, demonyms=True))
                        ]
            for (
                g
            ) in c.children:  # "placed under sanctions by"; "accused X of"; "issue warnings about"
                if g.dep_ == "prep" and (
                    g.lower_ in lex.target_preps or g.lower_ in ("of", "about", "between")
                ):
                    for p in g.children:
                        if p.dep_ == "pobj" and not out:
                            out += _actors_of(p, m) or _inner_actor(p, m)
                            for pp in p.children:
                                if pp.dep_ == "prep" and pp.lower_ in ("between", "of", "with"):
                                    for q in pp.children:
                                        if q.dep_ == "pobj" and not out:
                                            out += _actors_of(q, m)
        elif c.dep_ == "prep" and (
            c.lower_ in lex.target_preps + ("with",) * lex.symmetric
            or (c.lower_ == "of" and tok.tag_ == "VBG")
        ):  # "the PRC's targeting of X"
            for p in c.children:
                if p.dep_ == "pobj":
                    out += _np_actors(p, m)
                elif p.dep_ == "pcomp":  # "worked with [the Wagner Group to facilitate ...]"
                    out += [a for g in p.children if g.dep_ == "nsubj" for a in _np_actors(g, m)]
        elif (
            c.dep_ == "ccomp" and lex.type == "COOPERATE"
        ):  # "permitted Russia to use": object raised
            out += [a for s in c.children if s.dep_ == "nsubj" for a in _actors_of(s, m)]
    return list(dict.fromkeys(out))


def _phrase_tokens(tok: Token) -> list[Token]:
    """A noun phrase's own tokens and those of its prepositional phrases ("a fresh offer from
    Afghanistan"), not those of clauses attached to it ("the accusation that ... Ukraine")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod", "det", "conj"):
            out += list(c.subtree)
        elif c.dep_ == "prep" and c.lower_ in (
            "from",
            "by",
            "of",
            "with",
            "to",
            "against",
            "on",
            "for",
            "between",
        ):
            for p in c.children:
                if p.dep_ == "pobj":
                    out += _phrase_tokens(p)
    return out


def _actors_in(tokens: Iterable[Token], m: Mentions, skip: str = "demonym") -> list[str]:
    """The actors the tokens name, in order and once each, leaving out mentions made ``skip``'s way."""
    found = [(m.actor(t), t) for t in tokens]
    return list(dict.fromkeys(a for a, t in found if a and m.how(t) != skip))


def _doer_of_object(tok: Token, m: Mentions, sources: list[str]) -> list[str]:
    """When a verb's object is itself an event ("condemned Russia's invasion", "welcomed the
    decision by Japan"), the actor who did it: its possessor or its "by" agent."""
    acted_on = [c for c in tok.children if c.dep_ == "dobj"]
    acted_on += [
        p
        for g in tok.children
        if g.dep_ == "prep" and g.lower_ == "to"  # "agreed to US mediation"
        for p in g.children
        if p.dep_ == "pobj"
    ]
    for c in acted_on:
        if c.pos_ != "NOUN" or _trigger_entries(c) is None:
            continue
        by = [
            a
            for g in c.children
            if g.dep_ == "prep" and g.lower_ in ("by", "from")
            for p in g.children
            if p.dep_ == "pobj"
            for a in _np_actors(p, m)
        ]
        own = by or _inner_actor(c, m)
        own = [a for a in own if a not in sources]
        if own:
            return own
    return []


def _verb_targets(tok: Token, lex: Lex, m: Mentions, sources: list[str]) -> list[str]:
    """Targets of a verb event: its objects and target phrases; else an actor inside its object
    ("rejected a fresh offer from Afghanistan", "denounced Serbia's suppression"); else the
    content clause: its subject for a request ("demanded that the US match"), or its objects
    ("refused to meet Jordan's King Abdullah")."""
    if lex.via_object:  # "expressed X's strong support for Y": Y, not X
        return _via_object_targets(tok, lex, m, sources)
    doer = _doer_of_object(tok, m, sources)
    if doer:  # "condemns the detention of X by Venezuelan forces": aimed at whoever did it
        return doer
    out = [a for a in _objects(tok, lex, m) if a not in sources]
    if out:
        return out
    deep = _actors_inside_object(tok, m, sources)
    if deep:
        return deep
    complements = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
    if (
        not complements and lex.type in COMPLEMENT_TYPES
    ):  # "threatened on Monday to impose ...", parsed as a purpose
        complements = [
            c
            for c in tok.children
            if c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)
        ]
    if lex.type == "REQUEST" and _unnamed_addressee(tok, m):
        return []  # "calls on other countries ... to urge X": those asked are not named
    for c in complements:
        found = _complement_targets(c, lex, m, sources)
        if found:
            return found
    if (
        lex.type in VERBAL_TYPES
    ):  # "urged efforts to strengthen the independence of Georgia's judiciary"
        for c in tok.children:
            if c.dep_ in ("dobj", "prep") and c.lemma_ not in words("response_noun"):
                deep = [a for a in _actors_in(c.subtree, m, skip="pronoun") if a not in sources]
                if deep:
                    return deep[:1]
    return []


def _via_object_targets(tok: Token, lex: Lex, m: Mentions, sources: list[str]) -> list[str]:
    """Targets of a verb whose object names the event ("expressed X's strong support for Y"): those
    the object noun carries, else the verb's objects other than the noun's possessor."""
    carried = _carried_targets(tok, lex, m, sources)
    owners = {
        a
        for c in tok.children
        if c.dep_ == "dobj"
        for g in c.children
        if g.dep_ == "poss"
        for a in _actors_of(g, m)
    }
    return carried or [a for a in _objects(tok, lex, m) if a not in sources and a not in owners]


def _actors_inside_object(tok: Token, m: Mentions, sources: list[str]) -> list[str]:
    """An actor inside a verb's object or attribute ("kidnapped 16 Russian advisers", "rejected a
    fresh offer from Afghanistan"), unless the object is a response ("the accusation")."""
    for c in tok.children:
        if c.dep_ in ("dobj", "attr") and c.lemma_ not in words("response_noun"):
            deep = _actors_in(_phrase_tokens(c), m) or _inner_actor(
                c, m, demonyms=True
            )  # "kidnapped 16 Russian advisers"
            deep = [a for a in dict.fromkeys(deep) if a not in sources]
            if deep:
                return deep
    return []


def _unnamed_addressee(tok: Token, m: Mentions) -> bool:
    """Does a request name whom it asks with words that are no actor ("called on other countries
    to", "urged leaders to")? Then they, not someone in the clause, are its target."""
    asked = [c for c in tok.children if c.dep_ == "dobj"] + [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "on"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    asks_to = any(c.dep_ == "xcomp" for c in tok.children)  # not "urged efforts to strengthen X"
    return (
        asks_to
        and bool(asked)
        and not any(_actors_of(a, m) or _plural_referent(a, m) or a.pos_ == "PRON" for a in asked)
    )


def _complement_targets(c: Token, lex: Lex, m: Mentions, sources: list[str]) -> list[str]:
    """Targets read from a verb's content clause ``c``: its subject for a "that" clause ("demanded
    that the US match"), else its objects ("refused to meet Jordan's King Abdullah") or an actor
    in them, else its subject."""
    if c.pos_ not in ("VERB", "AUX"):
        return []
    subj = [a for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for a in _np_actors(s, m)]
    subj = [a for a in subj if a not in sources]
    if subj and c.dep_ == "ccomp":
        return subj
    inner = _trigger_entries(c) or lex
    deeper = [a for a in _objects(c, inner, m) if a not in sources]
    if deeper:
        return deeper
    # "threatened to shell Iraqi towns in retaliation for a raid on X": the towns' state, before
    # any name deeper in the clause's phrases
    owned = [a for d in c.children if d.dep_ == "dobj" for a in _inner_actor(d, m, demonyms=True)]
    owned = [a for a in owned if a not in sources]
    if owned:
        return owned
    preps = [d for d in c.children if d.dep_ == "prep" and not _partner(d, d)]
    deep = _actors_in(
        [
            t
            for d in c.children
            if d.dep_ == "dobj" or d in preps
            for t in d.subtree
            if not _partner(t, d)
        ],
        m,
    )
    preps += [
        g
        for d in c.children
        if d.dep_ == "dobj"
        for g in d.children  # "restrictions against German goods"
        if g.dep_ == "prep" and g.lower_ in ("against", "on", "to", "toward", "towards")
    ]
    deep = deep or [
        a
        for d in preps
        for p in d.children
        if p.dep_ == "pobj"
        for a in _inner_actor(p, m, demonyms=True)
    ]  # "to the Azerbaijani republic of ..."
    deep = [a for a in dict.fromkeys(deep) if a not in sources]
    if deep:
        return deep
    named_before = [
        a
        for d in c.children
        if d.dep_ == "dobj"
        for a in _for_whom_before(d, m)
        if a not in sources
    ]
    return subj or named_before


def _for_whom_before(noun: Token, m: Mentions) -> list[str]:
    """ "pledged to join this mission": whom the same thing was said to be for when the article
    named it before ("a security mission for Haiti")."""
    if not any(c.dep_ == "det" and c.lower_ in ("this", "the") for c in noun.children):
        return []
    for t in reversed(noun.doc[max(0, noun.i - 150) : noun.i]):
        if t.lemma_ == noun.lemma_ and t.pos_ == "NOUN":
            found = _prep_actors(t, m, ("for", "in", "to"))
            if found:
                return found
    return []


def _partner(tok: Token, top: Token) -> bool:
    """Is ``tok`` (within the phrase headed by ``top``) someone acting alongside the doers ("join
    the mission alongside Kenya"), not the act's target?"""
    for t in [tok, *tok.ancestors]:
        if t.dep_ == "prep" and t.lower_ in words("accompaniment_prep"):
            return True
        if t.i == top.i:
            return False
    return False


def _carried_targets(tok: Token, lex: Lex, m: Mentions, sources: list[str]) -> list[str]:
    """Targets of an event carried by a verb's object noun ("expressed the Government's support for
    Y", "restated America's readiness to work with X to support Y", "reiterated its commitment to
    the defense of Japan"): the noun's own complements, then the objects of the clause attached to
    it. The noun's possessor is whose act it is (the source's side), never its target."""
    for c in tok.children:
        if c.dep_ != "dobj":
            continue
        if _a_quantity(c):  # "$155 million in humanitarian assistance for the Syrian people"
            c = next(
                (
                    p
                    for g in c.children
                    if g.dep_ == "prep" and g.lower_ in ("in", "of")
                    for p in g.children
                    if p.dep_ == "pobj"
                ),
                c,
            )
        phrases = [
            p
            for g in c.children
            if g.dep_ == "prep"
            and g.lower_ in lex.target_preps + ("for", "of", "between", "over", "toward")
            for p in g.children
            if p.dep_ == "pobj"
        ]
        found = [a for p in phrases for a in _np_actors(p, m) or _actors_in(_phrase_tokens(p), m)]
        if not found:
            found = _leaders_of(phrases, m)
        if not found:
            found = _clause_on_noun_actors(c, m)
        if (
            not found and lex.type in VERBAL_TYPES
        ):  # "support for the action of the Ukrainian parliament"
            found = _actors_in([t for p in phrases for t in _phrase_tokens(p)], m, skip="")
        found = [a for a in dict.fromkeys(found) if a not in sources]
        if found:
            return found
    return []


def _leaders_of(phrases: list[Token], m: Mentions) -> list[str]:
    """ "support for regional mediation led by Angola and the EAC": the agents of a participle
    attached to the object noun's prepositional phrases (or their conjuncts)."""
    return [
        a
        for p in phrases
        for n in [p, *p.conjuncts]
        for v in n.children
        if v.dep_ == "acl"
        for g in v.children
        if g.dep_ == "agent"
        for b in g.children
        if b.dep_ == "pobj"
        for a in _np_actors(b, m)
    ]


def _clause_on_noun_actors(c: Token, m: Mentions) -> list[str]:
    """ "readiness to work with ... to support Ukraine": the actors in a verb clause attached to
    the object noun, leaving out its possessor ("Spain's readiness to work with its partners")."""
    found = _actors_in(
        [
            t
            for g in c.children
            if g.dep_ in ("acl", "relcl") and g.pos_ in ("VERB", "AUX")
            for t in g.subtree
        ],
        m,
    )
    owners = {a for g in c.children if g.dep_ == "poss" for a in _actors_of(g, m)}
    return [a for a in found if a not in owners]


#: Acts whose "to" clause is what they are about ("threatened to impose", "refused to meet").
COMPLEMENT_TYPES = {"THREATEN", "REQUEST", "REJECT", "AGREE"}

#: Verbal acts about something: when their object names no actor directly, the first actor in it
#: is what the words are about.
VERBAL_TYPES = {"SUPPORT", "ACCUSE", "REQUEST", "REJECT", "THREATEN"}


def _place(tok: Token, m: Mentions, sent: Span) -> str:
    """A place the event happens at: "in Tehran", or (meetings, visits) a pure place in the sentence."""
    for c in list(tok.subtree):
        if (
            c.dep_ == "pobj"
            and c.head.lower_ in PLACE_PREPS | {"of"}
            and m.place(c)
            and not m.actor(c)
        ):
            return m.place(c)
    return ""


def _place_named_in(tok: Token, m: Mentions) -> str:
    """The place of an "in X" phrase of a verb or its object, even when X also names its state."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "inside", "into", "across"):
                for p in c.children:
                    if p.dep_ == "pobj" and m.place(p):
                        return m.place(p)
    return ""


def _destination(tok: Token, m: Mentions, preps: tuple[str, ...] = ("to", "into")) -> str:
    """The place a verb sends or brings something to: "delivered goods to Baghdad", "deployed
    troops to Goma" (spaCy parses the "to" as a preposition or as a dative); with ``preps``
    ("from") the place it pulls back from."""
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and m.place(p) and not m.actor(p):
                    return m.place(p)
    return ""


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    return any(c.dep_ == "neg" for c in tok.head.children) and tok.dep_ in ("xcomp",)


def _hedged(tok: Token) -> str:
    """ "While not denying it had supplied", "accused X of supplying": hedge or allegation, else ""."""
    for a in tok.ancestors:
        if a.lemma_ in words("denial") and any(c.dep_ == "neg" for c in a.children):
            return "hedged"
        if a.lemma_ in words("allegation"):
            return "alleged"
        if a.lemma_ in words("plain_reporting") and a.i < tok.i:
            return "reported"
    return ""


def _trigger_entries(tok: Token) -> Lex | None:
    """The event a token can express: the project's override lexicon first, then (verbs) the
    CAMEO verb dictionary matched against the verb's particle, object and prepositional phrases."""
    # as _classify(tok.doc, tok.i), with the token at hand rather than made again
    cache = tok.doc.user_data.setdefault("event_entries", {})
    if tok.i not in cache:
        cache[tok.i] = _classify_token(tok)
    return cache[tok.i]


def _classify(doc: Doc, i: int) -> Lex | None:
    cache = doc.user_data.setdefault("event_entries", {})
    if i not in cache:
        cache[i] = _classify_token(doc[i])
    return cache[i]


#: The parts of speech ``_classify_token`` gives an entry to (any other token has none).
_TRIGGER_POS = ("VERB", "AUX", "NOUN", "PROPN")


def _classify_token(tok: Token) -> Lex | None:
    lex = lexicon()
    if tok.pos_ in ("VERB", "AUX"):
        lemma = tok.lemma_.lower()
        if lemma in words("aspectual") and (
            clauses.particle(tok) == "on" or any(c.dep_ == "xcomp" for c in tok.children)
        ):
            return None  # "went on to state", "continued to shell": the complement is the event
        ruled = _coded_by_rule(tok, lemma)
        if ruled is not None:
            return ruled
        entry = lex.get((lemma, "VERB"))
        if (
            entry
            and entry.cue
            and entry.cue != "phone"
            and not any(
                entry.cue in (d.lower_, d.lemma_.lower())
                for d in tok.subtree
                if tok.i < d.i <= tok.i + 4 or (d.dep_ == "pobj" and d.head.head.i == tok.i)
            )
        ):
            entry = None  # "draw closer": the cue word must be there
        if entry is not None and lemma in words("appointment_sense") and _to_an_office(tok):
            return None  # "designated her as his successor": an appointment, no event
        if entry is not None:
            return _suppression(tok, _refusal(tok, _reduction(tok, entry)))
        if lemma in words("light_verb") and lemma not in words("light_verb_own_sense"):
            if any(
                c.dep_ == "dobj" and ((c.lemma_.lower(), "NOUN") in lex or _protest_strike(c))
                for c in tok.children
            ):
                return None  # "hold talks", "issue warnings": the noun's own rules find its participants
            return _cameo_entry(
                tok, patterns_only=True
            )  # "staged a hunger strike": the dictionary's pattern
        if lemma in words(
            "reporting"
        ):  # "reiterated U.S. support for Georgia": the support is the event
            carried = _cameo_entry(
                tok, patterns_only=True
            )  # "reiterated its commitment": CAMEO's pattern
            return (
                carried if carried is not None and carried.via_object else _object_noun_entry(tok)
            )
        bare_ok = lemma not in words("polysemous_verb")  # "taken a step": not "seized"
        entry = _refusal(tok, _reduction(tok, _cameo_entry(tok, patterns_only=not bare_ok)))
        if not bare_ok:  # "will serve tours of two years": a verb of many senses lends its
            return _suppression(tok, entry)  # object no event ("tour" is no visit here)
        return _suppression(tok, entry) or _reduction(tok, _object_noun_entry(tok))
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun_entry(tok)
    return None


def _noun_entry(tok: Token) -> Lex | None:
    """The event a noun names: an override-lexicon noun, a protest strike, or the noun of a CAMEO
    verb ("the detention of X by Y")."""
    lex = lexicon()
    key = tok.text.lower() if (tok.text.lower(), "NOUN") in lex else tok.lemma_.lower()
    entry = lex.get((key, "NOUN"))
    if key == "strike" and _protest_modified(tok):
        return _coded("strike", "NOUN", "143")  # "a general strike", "a hunger strike": a protest
    if entry is None and tok.pos_ == "NOUN" and not _is_agent_noun(tok):
        entry = _nominal_entry(tok)  # "the detention of X by Y": the noun of a CAMEO verb
    return entry


def _coded_by_rule(verb: Token, lemma: str) -> Lex | None:
    """Verbs whose code a construction decides before any dictionary: "strengthened its forces in
    Lebanon" is a build-up (154), "are committed to meeting the needs" a commitment (030)."""
    if lemma in words("buildup_verb") and _armed_object(verb):
        return _coded(lemma, "VERB", "154")
    if lemma in words("commitment_verb") and _committed_to_an_act(verb):
        return _coded(lemma, "VERB", "030")
    return None


def _committed_to_an_act(verb: Token) -> bool:
    """ "The American people are committed to meeting the needs": a commitment to doing something
    (a gerund after "to"), not to an idea ("committed to the idea of a multipolar world")."""
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pcomp" for g in c.children)
        for c in verb.children
    )


def _protest_strike(noun: Token) -> bool:
    """ "A (24-hour) hunger strike", "a general strike": a strike that is a protest."""
    return noun.lemma_.lower() == "strike" and _protest_modified(noun)


def _armed_object(verb: Token) -> bool:
    """Is the verb's object an armed force ("its forces", "troops", "the army")?"""
    return any(c.dep_ == "dobj" and agent_sector(c.lower_) == "MIL" for c in verb.children)


def _reduction(verb: Token, entry: Lex | None) -> Lex | None:
    """A verb of cutting back ("reduced food supplies to", "halted talks with") whose object is
    help or talks is not that help or those talks but their reduction: CAMEO 162 (reduce or stop
    aid) or 164 (halt negotiations), both SANCTION."""
    if entry is None or verb.lemma_.lower() not in words("reduction_verb"):
        return entry
    kinds = {(_trigger_entries(c) or _NO_LEX).type for c in verb.children if c.dep_ == "dobj"}
    if kinds & {"AID", "COOPERATE"}:
        return _coded(verb.lemma_.lower(), "VERB", "162")
    if "CONSULT" in kinds:
        return _coded(verb.lemma_.lower(), "VERB", "164")
    return entry


def _refusal(verb: Token, entry: Lex | None) -> Lex | None:
    """Disapproving of talks or mediation ("is opposed to French mediation", "opposed the
    negotiations") is refusing them: CAMEO 125 (reject a proposal to meet or negotiate, REJECT)."""
    if entry is None or entry.type != "ACCUSE":
        return entry
    objects = [c for c in verb.children if c.dep_ == "dobj"] + [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    if any((_trigger_entries(o) or _NO_LEX).type == "CONSULT" for o in objects):
        return _coded(verb.lemma_.lower(), "VERB", "125")
    return entry


def _suppression(verb: Token, entry: Lex | None) -> Lex | None:
    """A refusal verb whose object is a protest ("prevented the demonstration", "blocked the
    march") is an authority suppressing it, which CAMEO codes as a restriction (172, COERCE)."""
    if entry is None or entry.type != "REJECT" or not _stops_a_protest(verb):
        return entry
    return _coded(verb.lemma_.lower(), "VERB", "172")


def _stops_a_protest(verb: Token) -> bool:
    """Is the verb's object a protest?"""
    return any(
        c.dep_ == "dobj" and (_trigger_entries(c) or _NO_LEX).type == "PROTEST"
        for c in verb.children
    )


def _protest_modified(noun: Token) -> bool:
    """Does a word before the noun make it a protest ("hunger", "general")?"""
    return any(
        c.lower_ in words("protest_strike")
        for c in noun.children
        if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i
    )


def _to_an_office(verb: Token) -> bool:
    """ "As envoy", "as his successor": the verb's "as" phrase names an office."""
    offices = words("generic_head") | words("office_noun")
    return any(
        p.lemma_.lower() in offices or p.lower_ in reference.titles()
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for p in c.children
        if p.dep_ == "pobj"
    )


def _is_agent_noun(tok: Token) -> bool:
    """Nouns for people and bodies ("government", "officials") are actors, not acts."""
    from . import actordict

    return bool(agent_sector(tok.lemma_.lower()) or actordict.agent(tok.lower_))


SYMMETRIC_TYPES = {"CONSULT", "COOPERATE", "AGREE"}
#: Material acts done "in" a country are aimed at that country when no target is named.
PLACE_TARGET_TYPES = {"CONCEDE", "RETREAT", "COERCE", "ASSAULT", "MOBILIZE", "AID"}
VERB_TARGET_PREPS = ("to", "against", "on", "with", "from", "at", "toward", "towards", "into")


def _cameo_entry(tok: Token, patterns_only: bool = False) -> Lex | None:
    """A lexicon entry built from the CAMEO verb dictionary's best pattern for this verb (with
    ``patterns_only``, only a pattern that matched words besides the verb counts)."""
    from . import cameo

    if tok.lemma_.lower() not in cameo.load().particles:
        return None  # not a verb of the dictionary: match gives None, its phrases need no reading
    objects = clauses.objects(tok)
    hit = cameo.match(
        tok.lemma_.lower(),
        clauses.particle(tok),
        objects,
        clauses.preps(tok),
        clauses.subject_words(tok),
    )
    if hit is None or not hit.plover or (patterns_only and not hit.specificity):
        return None
    if not _somewhere_to_go(tok, hit.code, hit.pattern):
        return None  # "will come to an end": a travel pattern with nowhere to travel to
    symmetric = hit.plover in SYMMETRIC_TYPES and hit.mode not in ("visit", "host")
    carried = (
        bool(objects)
        and objects[0].upper() in hit.pattern.split()
        and not any(c.dep_ == "dobj" and _is_agent_noun(c) for c in tok.children)
    )  # "* SUPPORT": the noun is the act
    return Lex(
        tok.lemma_.lower(),
        "VERB",
        "",
        hit.plover,
        hit.mode,
        hit.code,
        hit.goldstein,
        symmetric,
        VERB_TARGET_PREPS,
        carried,
        hit.reversed,
    )


_BARE_PREP = re.compile(r"\* \(([A-Z_]+)\)")


def _somewhere_to_go(tok: Token, code: str, pattern: str) -> bool:
    """A visit or meeting read from a verb and a bare preposition ("come to", "head for", "return
    from") needs that preposition to name a place or a party ("came to Tehran"), not an idiom
    ("will come to an end", "came to power")."""
    bare = _BARE_PREP.fullmatch(pattern)
    if code not in ("040", "042", "043") or not bare:
        return True
    prep = bare.group(1).lower()
    return any(
        c.dep_ == "prep"
        and c.lower_ == prep
        and any(p.dep_ == "pobj" and (p.ent_type_ or p.pos_ == "PROPN") for p in c.children)
        for c in tok.children
    )


def _coded(lemma: str, pos: str, code: str) -> Lex:
    """An entry for a CAMEO code, its category, mode and Goldstein score from the shipped tables."""
    from . import cameo

    info = cameo.code_info(code)
    return Lex(
        lemma, pos, RULE_CUE, info.plover, info.mode, code, info.goldstein, False, VERB_TARGET_PREPS
    )


#: The cue of an entry a rule made (not the lexicon): it counts as lexical, like a lexicon row.
RULE_CUE = "rule"


def _nominal_entry(noun: Token) -> Lex | None:
    """The event a noun names by being the nominal of a CAMEO verb ("mediation", "welcome",
    "withdrawal"), coded from the verb's pattern with the noun's own prepositional phrases."""
    from . import cameo

    known = cameo.load().particles  # match gives None for any other verb: its phrases not read
    verbs = [v for v in lexicon_verb_candidates(noun.lemma_.lower()) if v.lower() in known]
    preps = clauses.preps(noun) if verbs else []
    for verb in verbs:
        hit = cameo.match(verb, "", [], preps, [])
        if hit is not None and hit.plover:
            return Lex(
                noun.lemma_.lower(),
                "NOUN",
                "",
                hit.plover,
                hit.mode,
                hit.code,
                hit.goldstein,
                hit.plover in SYMMETRIC_TYPES and hit.mode not in ("visit", "host"),
                VERB_TARGET_PREPS,
            )
    return None


def _object_noun_entry(verb: Token) -> Lex | None:
    """ "undertook a mediation mission", "renewed negotiations", "gave a warm welcome": a verb with no
    event of its own whose direct object names one carries that event; a verb of needing does
    not ("will require food aid")."""
    if verb.lemma_.lower() in words("need_verb"):
        return None
    for c in verb.children:
        if c.dep_ == "dobj":
            noun = lexicon().get((c.lemma_.lower(), "NOUN")) or _nominal_entry(c)
            for g in c.children if noun is None else ():
                if (
                    g.dep_ == "compound" and g.i == c.i - 1
                ):  # "a mediation mission": the compound names the act
                    noun = lexicon().get((g.lemma_.lower(), "NOUN")) or _nominal_entry(g)
                elif (
                    g.dep_ == "prep" and g.lower_ in ("in", "of") and _a_quantity(c)
                ):  # "$155 million in assistance"
                    for p in g.children:
                        if p.dep_ == "pobj" and noun is None:
                            noun = lexicon().get((p.lemma_.lower(), "NOUN")) or _nominal_entry(p)
            if noun is not None:
                return Lex(
                    verb.lemma_.lower(),
                    "VERB",
                    "",
                    noun.type,
                    noun.mode,
                    noun.cameo,
                    noun.goldstein,
                    noun.symmetric,
                    tuple(dict.fromkeys(noun.target_preps + VERB_TARGET_PREPS)),
                    True,
                )
    return None


def _a_quantity(noun: Token) -> bool:
    """ "$155 million", "two shipments", "tons": an amount whose "of"/"in" phrase names what was given
    (not "the importance of trade" or "the need for talks", which name no act of the subject's)."""
    return (
        noun.like_num
        or noun.tag_ in ("CD", "$")
        or any(c.dep_ == "nummod" for c in noun.children)
        or noun.lower_ in words("amount_nouns")
    )


#: A stated intention is coded as CAMEO codes it: intent to cooperate (03x, AGREE) for
#: cooperative acts, a threat (13x, THREATEN) for conflictual ones; verbal acts stay what they are.
INTENT_CODES = {
    "CONSULT": "036",
    "COOPERATE": "030",
    "AID": "033",
    "SUPPORT": "032",
    "RETREAT": "035",
    "CONCEDE": "035",
    "AGREE": "",
    "SANCTION": "131",
    "COERCE": "1312",
    "ASSAULT": "138",
    "MOBILIZE": "138",
    "PROTEST": "133",
}


def _intent(entry: Lex, negated: bool = False) -> Lex:
    """The entry for a stated intention to do what ``entry`` codes ("will provide" -> AGREE 033);
    a stated intention not to cooperate is a refusal ("would not meet" -> REJECT 125)."""
    from . import cameo

    if negated and entry.type in (
        "CONSULT",
        "COOPERATE",
        "AID",
        "RETREAT",
        "CONCEDE",
        "SUPPORT",
        "AGREE",
    ):
        code = "125" if entry.type == "CONSULT" else "120"
        info = cameo.code_info(code)
        return replace(
            entry,
            type=info.plover,
            mode="intent",
            cameo=code,
            goldstein=info.goldstein,
            symmetric=False,
        )
    code = INTENT_CODES.get(entry.type, "")
    if not code:
        return entry
    info = cameo.code_info(code)
    return replace(  # an intent is coded on its own, no longer carried by an object noun
        entry,
        type=info.plover,
        mode="intent",
        cameo=code,
        goldstein=info.goldstein,
        symmetric=entry.symmetric and info.plover == "AGREE",
        via_object=False,
    )


def _reacts_to(verb: Token) -> bool:
    """Is the verb a reaction to the act its object names ("condemn the attack on X", "praised the
    withdrawal")? Then whoever reacts did not do that act."""
    return (_trigger_entries(verb) or _NO_LEX).type in ("ACCUSE", "REJECT", "PROTEST", "SUPPORT")


def _paired_modifiers(tok: Token, m: Mentions) -> list[str]:
    """The states or bodies named as a pair before a noun ("the U.S. Georgia partnership",
    "bilateral Japan-ROK ties"), in order; fewer than two: none."""
    pair = list(
        dict.fromkeys(
            a
            for c in tok.children
            if c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i
            for t in c.subtree
            if (a := m.actor(t)) and m.how(t) != "pronoun"
        )
    )
    return pair if len(pair) > 1 else []


def _demonym_recipients(prep: Token, m: Mentions) -> list[str]:
    """ "food assistance to the Ethiopian humanitarian crisis": the state of a demonym on the object
    of a phrase that names no actor itself."""
    return [a for p in prep.children if p.dep_ == "pobj" for a in _inner_actor(p, m, demonyms=True)]


def _noun_event(tok: Token, entry: Lex, m: Mentions) -> tuple[list[str], list[str], Token]:
    """Source and target of an event noun: "Russia's invasion of Ukraine", "talks with Raisi",
    "warnings about ...", "pressure from the West", "sanctions by the EU"."""
    sources = _inner_actor(tok, m) or _led_by(tok, m)
    targets: list[str] = _paired_modifiers(tok, m)[1:] if entry.symmetric else []
    by_agent = any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children)
    for c in tok.children:
        if c.dep_ == "prep":
            objs = [a for p in c.children if p.dep_ == "pobj" for a in _np_actors(p, m)]
            if c.lower_ in ("by", "from") and objs:
                sources = sources or objs
            elif c.lower_ == "between" and objs:
                sources, targets = objs[:1], objs[1:2]
            elif c.lower_ in entry.target_preps + ("with",) * entry.symmetric and objs:
                targets += objs
            elif c.lower_ in ("to", "against", "toward", "towards") and not objs:
                targets += _demonym_recipients(c, m)
            elif c.lower_ == "of" and objs and (by_agent or (sources and _owned(tok))):
                # "the PRC's targeting of lawyers", "the detention of X by Y": with the doer
                # named as owner or agent, "of" is the done-to
                targets += objs
            elif c.lower_ in ("about", "over", "against") and not targets:
                # "warnings about the impact of cooperation between Russia and Iran"
                deep = [m.actor(t) for t in c.subtree if m.actor(t) and m.how(t) != "demonym"]
                targets += list(dict.fromkeys(deep))
    governor = tok.head
    while governor.pos_ == "ADP" and governor.head.i != governor.i:
        governor = governor.head
    if tok.dep_ == "pobj" and tok.head.lower_ in ("under",) and governor.pos_ == "VERB":
        # "Belarus has been placed under sanctions by the EU": target is the verb's subject
        subj, _ = _subject(governor, m)
        agent = [
            a
            for c in governor.children
            if c.dep_ == "agent"
            for p in c.children
            for a in _actors_of(p, m)
        ]
        return agent or sources, subj, governor
    if governor.pos_ in ("VERB", "AUX") and governor.lemma_ in words("target_governor"):
        subj, _ = _subject(governor, m)  # "they face pressure from the West": they are the target
        return sources, targets or subj, governor
    if not sources and governor.pos_ in ("VERB", "AUX") and not _reacts_to(governor):
        sources, _ = _subject(governor, m)
        if not targets:  # "engaged in ethnic cleansing ... against the Albanian population"
            targets = [
                a
                for c in governor.children
                if c.dep_ == "prep" and c.lower_ in entry.target_preps and c.i > tok.i
                for p in c.children
                if p.dep_ == "pobj"
                for a in _np_actors(p, m)
                if a not in sources
            ]
    return sources, targets, governor


_NO_LEX = Lex("", "", "", "", "", "", 0.0, False, ())


@dataclass
class _Candidate:
    """An event found at one trigger before it becomes rows: its entry, parties and confidence."""

    entry: Lex
    sources: list[str]
    targets: list[str]
    confidence: float


def _mend_verb_lemmas(doc: Doc) -> None:
    """Verbs whose lemma lost its final "e" ("staged" -> "stag", a noun): the lemma with the "e"
    when only that one is a verb of the dictionary."""
    from . import cameo

    for tok in nlp.tokens_in(doc, "POS", ("VERB",)):
        lemma = tok.lemma_.lower()
        if (
            tok.pos_ == "VERB"
            and tok.lower_.startswith(lemma + "e")
            and not cameo.is_verb(lemma)
            and cameo.is_verb(lemma + "e")
        ):
            tok.lemma_ = lemma + "e"


def extract(
    doc: Doc, mentions: pd.DataFrame, actors: pd.DataFrame, publisher: str = ""
) -> list[Event]:
    """Every event the lexicon and the parse support, in document order."""
    _mend_verb_lemmas(doc)
    m = Mentions(mentions, actors, nlp.token_offsets(doc)[0])
    starts = nlp.sentence_starts(doc)
    events: list[Event] = []
    pos = nlp.token_strings(doc, "POS")  # only these can trigger (see _classify_token)
    for sent in nlp.sentences(doc):
        sid = max(bisect_right(starts, sent.start_char) - 1, 0)
        for tok in (doc[i] for i in range(sent.start, sent.end) if pos[i] in _TRIGGER_POS):
            entry = _trigger_entries(tok)
            if entry is None:
                continue
            cand = (
                _noun_candidate(tok, entry, m)
                if tok.pos_ in ("NOUN", "PROPN")
                else _verb_candidate(tok, entry, m)
            )
            if cand is not None:
                events += _rows(sid, tok, cand, m, mentions)
    events += _modal_demands(doc, m, starts, publisher)
    events += _praise_given(doc, m, starts, publisher)
    events.sort(key=lambda e: (e.sentence_id, e.trigger.i))
    events = _inherit_targets(_dedupe(_joint_meetings(events)), m)
    _counterparties_of_accords(events)
    return _dedupe(
        [
            e
            for e in events
            if e.target
            or e.lex.type in ("MOBILIZE", "PROTEST")
            or e.trigger.pos_ in ("VERB", "AUX")
            or _under_light_verb(e.trigger)  # "speeded up the withdrawal": done, like a verb
            or _led_by(e.trigger, m)  # "mediation led by Angola": its holder named as agent
            or _by_agent(e.trigger, m)  # "the vote by the Colombian congress"
        ]
    )


def _counterparties_of_accords(events: list[Event]) -> None:
    """ "Under the accord, the FARC will demobilize", after "the accord negotiated between the
    Colombian Government and the FARC": an act done under an agreement, with no target of its own,
    is aimed at the other party of the agreement the article reported just before."""
    for i, e in enumerate(events):
        if e.target or not _under_an_accord(e.trigger):
            continue
        pairs = [
            p
            for p in events[:i]
            if e.sentence_id - 3 <= p.sentence_id < e.sentence_id
            and p.lex.type in ("CONSULT", "AGREE")
            and e.source in (p.source, p.target)
            and p.target
        ]
        if pairs:
            last = pairs[-1]
            e.target = last.target if last.source == e.source else last.source


def _under_an_accord(tok: Token) -> bool:
    """Is the act's clause done "under" an agreement ("Under the accord, X will ...")?"""
    verbs = [tok, *(a for a in tok.ancestors if a.pos_ in ("VERB", "AUX"))]
    return any(
        c.dep_ == "prep"
        and c.lower_ == "under"
        and any(p.dep_ == "pobj" and p.lemma_.lower() in words("accord_noun") for p in c.children)
        for v in verbs
        for c in v.children
    )


def _joint_meetings(events: list[Event]) -> list[Event]:
    """ "X met with A and B for a trilateral meeting": in a meeting the sentence calls joint, A and
    B met each other as well as X (each pair once, in the order named)."""
    out = list(events)
    for trig in dict.fromkeys(e.trigger.i for e in events if e.lex.type == "CONSULT"):
        same = [e for e in events if e.trigger.i == trig and e.lex.symmetric]
        if not same or not any(t.lower_ in words("joint_meeting") for t in same[0].trigger.sent):
            continue
        others = list(dict.fromkeys(e.target for e in same if e.target))
        out += [
            replace(same[0], source=a, target=b, notes=[])
            for i, a in enumerate(others)
            for b in others[i + 1 :]
        ]
    return sorted(out, key=lambda e: (e.sentence_id, e.trigger.i))


def _under_light_verb(noun: Token) -> bool:
    return noun.dep_ == "dobj" and noun.head.lemma_ in words("light_verb")


def _intended(verb: Token) -> bool:
    return clauses.status(verb, lambda t: _trigger_entries(t) is not None).kind == "intent"


def _anticipates(verb: Token) -> bool:
    """A verb of looking ahead ("await", "look forward to"): what it governs has not happened."""
    lemma = verb.lemma_.lower()
    return lemma in words("anticipation") or (
        lemma == "look" and any(c.lower_ == "forward" for c in verb.children)
    )


def _owned(tok: Token) -> bool:
    return any(g.dep_ == "poss" for g in tok.children)


def _noun_candidate(tok: Token, entry: Lex, m: Mentions) -> _Candidate | None:
    """An event noun: "talks with X", "Russia's invasion of Ukraine", "sanctions by the EU"."""
    if (
        (entry.lemma, "NOUN") not in lexicon()
        and entry.cue != RULE_CUE
        and not _named_participants(tok, m)
        and not _under_light_verb(tok)
    ):
        return None  # a derived event noun must name its own participants ("X's detention of Y")
    gov = tok.head.head if tok.head.pos_ == "ADP" else tok.head
    if (
        tok.dep_ == "dobj"
        and _trigger_entries(gov) is not None
        and gov.i != tok.i
        and not _own_participants(tok, m)
    ):
        return None  # "pledged cooperation", "rejects the accusation": the verb is the event
    if tok.dep_ == "dobj" and (
        (_trigger_entries(gov) or _NO_LEX).type in ("SANCTION", "REJECT")
        or gov.lemma_.lower() in words("reduction_verb") | words("easing_verb")
    ):
        return None  # "suspended aid to", "refusing to lift the curfew": cut or lifted, not done
    if any(
        _trigger_entries(a) is not None and (a.lemma_ in words("allegation") or a.lemma_ == "warn")
        for a in tok.ancestors
    ) or any(a.lemma_ == "warning" for a in tok.ancestors):
        return None  # a nominal inside an allegation is not stated as fact
    if any(
        a.pos_ == "VERB" and (_trigger_entries(a) or _NO_LEX).type in ("REQUEST", "THREATEN")
        for a in tok.ancestors
    ):
        return None  # "called for sanctions", "demanded the withdrawal": asked for, not done
    if any(_anticipates(a) for a in tok.ancestors):
        return None  # "look forward to the leaders' summit": hoped for, not held
    if tok.dep_ == "dobj" and _trigger_entries(tok.head) is not None and _intended(tok.head):
        return None  # "plans to impose restrictions": the plan is the event, coded on the verb
    if _under_light_verb(tok) and clauses.modal(tok.head) in words("hypothetical"):
        return None  # "the EU must speed up visa talks": an obligation, not an act
    sources, targets, _governor = _noun_event(tok, entry, m)
    light = tok.dep_ == "dobj" and tok.head.lemma_ in words("light_verb")
    if tok.dep_ == "dobj" and not _own_participants(tok, m) and not targets and not light:
        return None  # "called the exercises concerning": someone else's event, not the speaker's
    return _Candidate(entry, sources, targets, 0.8 if light else 0.6)


def _verb_candidate(tok: Token, entry: Lex, m: Mentions) -> _Candidate | None:
    """An event-bearing verb (see ``clauses.status``) with its subject and targets."""
    st = clauses.status(tok, lambda t: _trigger_entries(t) is not None)
    if entry.type == "REQUEST" and _purpose_of_protest(tok):
        return None  # "blocked streets ... to demand reforms": the protest's aim, not a second act
    described = st.kind == "skip" and _protesters_described(tok, entry, m)
    if described:
        st = clauses.Status("event", "people described as protesting")
    pair = _between(tok, m) if st.kind == "skip" and tok.dep_ == "acl" else []
    if len(pair) > 1 and entry.symmetric:  # "the accord negotiated between Colombia and the FARC"
        return _Candidate(entry, pair[:1], pair[1:2], 0.8)
    if st.kind == "skip":
        return None  # a secondary verb: "agreed to strengthen", "would cooperate", "which ..."
    if st.kind == "intent":
        entry = _intent(entry, _negated(tok))
    if (
        tok.lemma_ in words("hedge_denial")
        and _negated(tok)
        and any(_trigger_entries(c) is not None for c in tok.subtree if c.i != tok.i)
    ):
        return None  # "while not denying it had supplied": a hedge on another event
    sources, passive = (_actors_of(tok.head, m), False) if described else _subject(tok, m)
    if entry.symmetric and (tok.dep_ == "pcomp" or _examples_act(tok, m)):
        # "designated X and Y for having assisted Z", "nations that pledged to join, including
        # X, Y and Z": each did it, they did not do it to each other
        entry = replace(entry, symmetric=False)
    if st.kind == "relative" and not sources:
        return None  # "refugees who have lived in Iraq": background, not an actor's act
    targets = _verb_targets(tok, entry, m, sources) or _targets_elsewhere(tok, entry, m, sources)
    if (
        entry.symmetric
        and len(sources) > 1
        and not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
        and not _named_in_complement(tok, targets, m)
    ):
        targets = []  # "X and Y discussed the U.S.-Georgia partnership": the pair is the event
    if st.kind == "participle" and not any(m.actor(c) for c in tok.children if c.dep_ == "dobj"):
        return None  # ", citing domestic opposition": background to the main event
    agent = _agent_of(tok, m)
    if tok.tag_ == "VBN" and agent:  # "Sanctioned by the U.S. since 1979, Tehran ..."
        passive = True
        sources = sources or _participle_subject(tok, m)
    if passive and (agent or entry.type != "RETREAT"):
        sources, targets = agent, (sources or targets)
    # else "guerrillas have been demobilized", "troops were withdrawn": they pulled back
    if entry.reversed:  # "came under fire from X": X acted on the subject; unnamed, no event
        if not targets:
            return None
        sources, targets = targets, sources
    return _Candidate(entry, sources, targets, 0.9)


def _targets_elsewhere(tok: Token, entry: Lex, m: Mentions, sources: list[str]) -> list[str]:
    """Targets of a verb that names none in its own phrases: the object of a later verb it is
    listed with ("detained, and prosecuted others"), the recipient of the verb before it, or the
    noun a relative clause describes ("those it has unjustly jailed")."""
    targets: list[str] = []
    if not any(c.dep_ == "dobj" for c in tok.children):
        shared = [
            v for v in tok.conjuncts if v.i > tok.i and any(c.dep_ == "dobj" for c in v.children)
        ]
        targets = _verb_targets(shared[0], entry, m, sources) if shared else []
    if not targets and tok.dep_ == "conj" and tok.head.pos_ == "VERB":
        targets = _shared_recipients(tok, entry, m, sources)
    if not targets and clauses.object_relative(tok):
        targets = [a for a in _actors_of(tok.head, m) if a not in sources]
    return targets


def _named_in_complement(tok: Token, targets: list[str], m: Mentions) -> bool:
    """Whether the targets are named in the clause the verb commits to ("Brazil and Chile pledged
    to support Peru": Peru), so that they stay the targets of each of the coordinated sources."""
    clause = [t for c in tok.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree]
    before = [  # "pledged to join this mission": the mission for Haiti named before
        a for t in clause if t.dep_ == "dobj" for a in _for_whom_before(t, m)
    ]
    return bool(targets) and set(targets) <= set(_actors_in(clause, m)) | set(before)


def _shared_recipients(tok: Token, lex: Lex, m: Mentions, sources: list[str]) -> list[str]:
    """The recipient a coordinated verb shares with the verb before it, when it names none of its
    own: "has pledged food aid to Ethiopia, and delivered 626,029 tons" -> Ethiopia. Only the first
    verb's target phrases ("to", "against", ...) carry over, never its object, which is what that
    verb acted on, not who the second act is aimed at."""
    if any(c.dep_ == "prep" and c.lower_ in lex.target_preps for c in tok.children):
        return []
    return [
        a
        for c in tok.head.children
        if c.dep_ == "prep" and c.lower_ in lex.target_preps and c.i < tok.i
        for p in c.children
        if p.dep_ == "pobj"
        for a in _np_actors(p, m)
        if a not in sources
    ]


def _protesters_described(tok: Token, entry: Lex, m: Mentions) -> bool:
    """ "Demonstrators protesting election results": people a protest participle describes are
    protesting, an event even in a clause that modifies a noun."""
    return (
        entry.type == "PROTEST"
        and tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        and bool(_actors_of(tok.head, m))
    )


def _purpose_of_protest(tok: Token) -> bool:
    """Is the verb the purpose clause ("to demand ...") of a protest?"""
    return (
        tok.dep_ in ("advcl", "xcomp")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and (_trigger_entries(tok.head) or _NO_LEX).type == "PROTEST"
    )


def _between(tok: Token, m: Mentions) -> list[str]:
    """The actors of a verb's "between X and Y" phrase."""
    return _prep_actors(tok, m, ("between",))


def _agent_of(tok: Token, m: Mentions) -> list[str]:
    """The "by" agent of a passive verb, or of the participles listed with it, which share the one
    at the end ("were detained, interrogated, and imprisoned by the authorities")."""

    def own(v: Token) -> list[str]:
        return [
            a for c in v.children if c.dep_ == "agent" for p in c.children for a in _actors_of(p, m)
        ]

    found = own(tok)
    if found or tok.tag_ != "VBN":
        return found
    listed = [
        v for v in tok.head.subtree if v.i > tok.i and v.tag_ == "VBN" and _listed_together(tok, v)
    ]
    return next((own(v) for v in listed if own(v)), [])


def _participle_subject(tok: Token, m: Mentions) -> list[str]:
    """Who a fronted passive participle is about: "Sanctioned by the U.S., Tehran ..." -> Tehran."""
    own = [
        a
        for c in tok.children
        if c.dep_ in ("npadvmod", "appos", "nsubjpass")
        for a in _actors_of(c, m)
    ]
    subj = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i]
    return (
        own
        or [a for x in subj for a in _actors_of(x, m)]
        or ([m.actor(tok.head)] if m.actor(tok.head) else [])
    )


def _country_where(tok: Token, m: Mentions, mentions: pd.DataFrame) -> str:
    """The country an event takes place in: its place's, or that of a place its clause names."""
    place = _place(tok, m, tok.sent) or _place_named_in(tok, m)
    return (
        place.split(":", 1)[1]
        if place.startswith("country:")
        else _country_of_place(place, mentions)
    )


def _protested_state(
    tok: Token, m: Mentions, sources: list[str], mentions: pd.DataFrame
) -> list[str]:
    """Whom a protest that names no target is aimed at: the state where it takes place ("blocked
    roads in Algiers"), else the protesters' own state ("Egyptian demonstrators rioted"), as
    PLOVER codes a domestic protest against that state's government. A person counts as one of
    its people when the text gives them no office ("Bahrain's leading activist, X, staged a
    hunger strike"); an official's protest is his state's, not against it."""
    country = _country_where(tok, m, mentions)
    if not country:
        groups = {m.countries.get(s, "") for s in sources if _citizen(s, m)}
        country = groups.pop() if len(groups) == 1 else ""
    own = {s for s in sources if s == f"state:{country}"}
    return [f"state:{country}"] if country and not own else []


def _citizen(actor: str, m: Mentions) -> bool:
    """A group of people, or a person the text gives no office."""
    kind = m.types.get(actor)
    return kind == "group" or (kind == "person" and not m.roles.get(actor))


def _rows(
    sid: int, tok: Token, cand: _Candidate, m: Mentions, mentions: pd.DataFrame
) -> list[Event]:
    """One event per (source, target) pair of a candidate, with place, negation and confidence."""
    entry, sources, targets = cand.entry, cand.sources, cand.targets
    sent = tok.sent
    if not targets and (entry.mode == "visit" or entry.type in PLACE_TARGET_TYPES):
        country = _country_where(tok, m, mentions)  # "arrived in Amman", "in Montenegro"
        if entry.type in ("AID", "MOBILIZE") or entry.mode == "visit":
            country = _country_of_place(_destination(tok, m), mentions) or country
        elif entry.type == "RETREAT":  # "withdrawn from Kherson"
            country = _country_of_place(_destination(tok, m, ("from",)), mentions) or country
        own = {m.types.get(s) == "state" and s.split(":", 1)[1] for s in sources}
        targets = [f"state:{country}"] if country and country not in own else []
    if not targets and not (entry.symmetric and len(sources) > 1):
        targets = fallback_targets(tok, entry, m, sources)  # see helpers/targets.py
    targets = accused_instead(tok, entry, m, targets) or targets
    if not targets and entry.type == "PROTEST":
        targets = _protested_state(tok, m, sources, mentions)
    sources = [s for s in sources if s]
    if not sources:
        return []
    pairs = None
    if not targets and entry.symmetric and len(sources) > 1:  # "X, Y and Z discussed": every pair
        pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1 :]]
    conf = cand.confidence
    if _hedged(tok) in ("hedged", "alleged"):
        conf = min(conf, 0.5)
    hows: dict[str, set[str]] = {}
    parties = sources + targets  # once, not per token
    for idx in nlp.token_offsets(tok.doc)[0][sent.start : sent.end]:  # each token's .idx
        if m.actor_at(idx) in parties:
            hows.setdefault(m.actor_at(idx), set()).add(m.how_at(idx))
    if any(h <= {"pronoun", "anaphor"} for h in hows.values()):
        conf -= 0.1  # a party named in this sentence only by "he", "it", "the former"
    negated = _negated(tok)
    return [
        Event(sid, entry, tok, s, t, negated, round(max(conf, 0.1), 2), _place(tok, m, sent))
        for s, t in pairs
        or [(s, t) for s in sources for t in ([t for t in targets if t != s] or [""])]
        if s != t
    ]


def _modal_demands(doc: Doc, m: Mentions, starts: list[int], publisher: str = "") -> list[Event]:
    """ "Libya must hand over the suspects, a British minister said", "The Venezuelan government should
    release those it has jailed" (in a government's own statement): a demand (CAMEO 10x, REQUEST) by
    the speaker, or by the publishing government, on the subject of the obligation."""
    voices = _voices(m, publisher)
    out = []
    modals = nlp.tokens_in(doc, "TAG", ("MD",))  # clauses.modal is "" for a verb without one
    for tok in [doc[i] for i in sorted({c.head.i for c in modals if c.dep_ == "aux"})]:
        mod = clauses.modal(tok)
        if mod not in words("demand_modal") or tok.pos_ not in ("VERB", "AUX") or _negated(tok):
            continue
        targets = [
            a for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for a in _np_actors(c, m)
        ]
        if not targets:
            continue
        head = _first_conjunct(tok)
        if head.dep_ == "ccomp" and head.head.pos_ in ("VERB", "AUX"):
            sources = _demanders(head.head, m)
        elif head.dep_ == "ROOT" and not _in_quotes(tok):
            sources = voices
        else:
            continue
        lex = _coded(mod, "VERB", "100" if mod == "must" else "020")
        sid = max(bisect_right(starts, tok.sent.start_char) - 1, 0)
        out += [Event(sid, lex, tok, s, t, False, 0.7) for s in sources for t in targets if s != t]
    return out


def _first_conjunct(verb: Token) -> Token:
    """The first of the verbs listed with ``verb`` ("said Russia must halt ... and fulfil"): the
    one whose dependency places the list in its sentence."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _voices(m: Mentions, publisher: str) -> list[str]:
    """Who speaks in a statement's own unattributed sentences: the publishing government."""
    return sorted(
        {r.actor_id for r in m.rows if r.how == "publisher"}
        | ({f"state:{publisher}"} if publisher else set())
    )


def _praise_given(doc: Doc, m: Mentions, starts: list[int], publisher: str = "") -> list[Event]:
    """ "The Colombian people deserve enormous credit", "Special recognition must go to X", in a
    government's own statement: praise (CAMEO 051, SUPPORT) by the publisher of those named."""
    voices = _voices(m, publisher)
    out: list[Event] = []
    for noun in nlp.tokens_in(doc, "LOWER", words("praise_noun")):
        verb = noun.head
        if verb.dep_ != "ROOT" or _in_quotes(verb) or _negated(verb):
            continue
        if noun.dep_ == "dobj" and verb.lemma_.lower() in words("unrealised"):
            named = [a for c in verb.children if c.dep_ == "nsubj" for a in _np_actors(c, m)]
        elif noun.dep_ == "nsubj" and verb.lemma_.lower() == "go":
            named = _prep_actors(verb, m, ("to",))
        else:
            continue
        lex = _coded(noun.lemma_, "NOUN", "051")
        sid = max(bisect_right(starts, noun.sent.start_char) - 1, 0)
        out += [Event(sid, lex, noun, s, t, False, 0.7) for s in voices for t in named if s != t]
    return out


def _demanders(verb: Token, m: Mentions) -> list[str]:
    """Who demands in "X said / made clear / agreed with Z that Y must ...": the subject of the
    verb whose content the obligation is, and the partner of an agreement ("agreed with Z")."""
    sources, _ = _subject(verb, m)
    if verb.lemma_.lower() in ("agree", "concur"):
        sources = sources + [a for a in _prep_actors(verb, m, ("with",)) if a not in sources]
    return sources


def _in_quotes(tok: Token) -> bool:
    from .quotes import marked_spans

    spans = tok.doc.user_data.get("quote_spans")
    if spans is None:
        spans = tok.doc.user_data["quote_spans"] = marked_spans(nlp.text(tok.doc))[0]
    return any(a <= tok.idx < b for a, b in spans)


def _country_of_place(place_id: str, mentions: pd.DataFrame) -> str:
    if not place_id:
        return ""
    from . import geo, reference

    kind, name = place_id.split(":", 1)
    if kind == "region":  # "in the West Bank": the region's state, when it has one
        return next(
            (r["country"] for r in reference.regions() if config.slugify(r["name"]) == name), ""
        )
    p = geo.city(name.replace("-", " "))
    return p.country if p else ""


def _dedupe(events: list[Event]) -> list[Event]:
    seen: set[tuple] = set()
    out = []
    for e in events:
        key = (e.sentence_id, e.lex.type, e.source, e.target)
        rev = (e.sentence_id, e.lex.type, e.target, e.source)
        if key in seen or (e.lex.symmetric and rev in seen):
            continue
        seen.add(key)
        out.append(e)
    return out


def _inherit_targets(events: list[Event], m: Mentions) -> list[Event]:
    """An event with no target takes one from the context: "it had supplied these" after
    "accused X of supplying drones to aid Y"; "rejects the accusation" answers the accuser."""
    out = []
    for i, e in enumerate(events):
        if not e.target:
            earlier = [p for p in events[:i] if p.sentence_id >= e.sentence_id - 2]
            if e.lex.type in ("REJECT", "ACCUSE", "PROTEST") and any(
                c.lemma_ in words("response_noun") for c in e.trigger.children if c.dep_ == "dobj"
            ):
                # "rejects the accusation", "condemned the move": answers whoever acted on it
                acc = [p for p in earlier if p.target == e.source and p.source != e.source] or [
                    p for p in earlier if p.source != e.source and p.lex.type in MATERIAL_CONFLICT
                ]
                if acc:
                    e.target = acc[-1].source
            elif any(
                c.dep_ == "dobj" and c.lower_ in ("these", "those", "them", "it", "this")
                for c in e.trigger.children
            ):  # "it had supplied these": the earlier event's target
                same = [
                    p
                    for p in earlier
                    if p.lex.type == e.lex.type and p.source == e.source and p.target
                ]
                if same:
                    e.target = same[-1].target
        out.append(e)
    return out


def assign_dates(
    events: list[Event], dates: pd.DataFrame, doc: Doc, published: dt.date | None = None
) -> None:
    """Each event takes the most specific date that applies: one in its own clause or sentence;
    else one stated earlier in the same paragraph (for a past act, not one after ``published``);
    else, for past-tense reports, the article's main event (its first day-precise date)."""
    # the usable rows, as the pandas filters gave them, without their fixed costs per table
    rows: list[Any] = [
        r
        for r in schemas.itertuples(dates)
        if r.value != "" and r.kind in ("date", "relative") and not _in_dateline(doc, int(r.start))
    ]
    breaks = [m.start() for m in re.finditer("\n\n", nlp.text(doc))]
    sent_par = {i: bisect_left(breaks, s.start_char) for i, s in enumerate(nlp.sentences(doc))}
    triggers = {e.trigger.i for e in events}
    ordered = sorted(triggers)
    main = [r for r in rows if isinstance(r.value, str) and len(r.value) == 10]
    main_date = _main_event(main[0], doc, events, ordered) if main else None
    by_sentence: dict[int, list] = {}
    by_paragraph: dict[int, list] = {}
    for r in rows:
        by_sentence.setdefault(int(r.sentence_id), []).append(r)
        by_paragraph.setdefault(sent_par.get(int(r.sentence_id), -1), []).append(r)
    owner_of: dict[str, int | None] = {}
    for e in sorted(events, key=lambda e: -len(list(e.trigger.ancestors))):  # nested events first
        own = by_sentence.get(e.sentence_id, [])
        for r in own:
            if r.date_id not in owner_of:
                owner_of[r.date_id] = _date_owner(doc, r.start, r.end, triggers, ordered)
        if _date_in_own_sentence(e, own, owner_of):
            continue
        if _date_of_nested_event(e, events, triggers):
            continue
        if any(owner_of[r.date_id] != -1 for r in own):
            continue  # the sentence's dates belong to its other events (not "the 2008 accord")
        if _set_earlier(e):
            continue  # "She previously criticized": not on the day the paragraph speaks of
        if _background(e, triggers):
            continue  # "M23, a group that has been designated by ...": no date of the context
        paragraph = by_paragraph.get(sent_par.get(e.sentence_id, -2), [])
        for r in paragraph:
            if r.date_id not in owner_of:
                owner_of[r.date_id] = _date_owner(doc, r.start, r.end, triggers, ordered)
        paragraph = [r for r in paragraph if owner_of[r.date_id] != -1]  # not "the 2008 accord"
        if _date_earlier_in_paragraph(e, paragraph, published):
            continue
        _date_of_main_event(e, main_date, len(sent_par), published)
    _dates_of_coordinated_verbs(events)
    _dates_of_demands(events)


def _background(e: Event, triggers: set[int]) -> bool:
    """Is the event background to what its context dates: a present perfect relative clause ("a
    group that has been designated by the UN"), or an act named by a noun inside another event's
    phrase ("expressed support for mediation led by Angola")?"""
    t = e.trigger
    if t.dep_ == "relcl" and any(
        c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in t.children if c.dep_ == "aux"
    ):
        return True
    if t.pos_ != "NOUN" or _under_light_verb(t):
        return False
    for a in t.ancestors:  # up to the event whose phrase names it, unless it says when
        if a.dep_ == "prep" and a.lower_ in words("time_prep"):
            return False  # "announced the package after talks in Ankara": at that time
        if a.i in triggers:
            return True
    return False


def _dates_of_demands(events: list[Event]) -> None:
    """A demand read from "must" or "should" ("agreed that Russia must halt ...") is made when the
    verb that reports it was: it shares that verb's date."""
    by_trigger = {e.trigger.i: e for e in events if e.date}
    for e in events:
        if e.date or e.lex.lemma not in words("demand_modal"):
            continue
        head = _first_conjunct(e.trigger)
        reporter = by_trigger.get(head.head.i) if head.dep_ == "ccomp" else None
        if reporter is not None:
            e.date, e.date_text, e.date_basis = reporter.date, reporter.date_text, "reporting verb"


def _date_owner(
    doc: Doc, start: int, end: int, triggers: set[int], ordered: list[int]
) -> int | None:
    """The event trigger that governs a date most closely (its nearest trigger ancestor); -1
    when the date modifies a thing that is not an event ("the 2008 ceasefire agreement")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    chain = [tok, *tok.ancestors]
    for k, t in enumerate(chain):
        if t.i in triggers:
            return t.i
        near = ordered[bisect_left(ordered, t.i - 8) : bisect_right(ordered, t.i + 8)]
        listed = next((v for v in near if _listed_together(doc[v], t)), None)
        if listed is not None:  # "were detained, interrogated and imprisoned ... on July 9, 2015"
            return listed
        if (
            k
            and t.pos_ in ("NOUN", "PROPN")
            and chain[k - 1].dep_ in ("compound", "nummod", "amod", "nmod", "poss")
        ):
            # "the 2008 ceasefire agreement": the date of that thing (or of an act that names no
            # actor), not of the verb above it
            return -1
    return None


def _date_in_own_sentence(e: Event, own: list[Any], owner_of: dict[str, int | None]) -> bool:
    """A date in the event's own clause, else one in its sentence that no trigger governs (the
    nearest); sets the event's date and says whether it found one."""
    mine = [r for r in own if owner_of[r.date_id] == e.trigger.i]
    free = [r for r in own if owner_of[r.date_id] is None]
    if not (mine or free):
        return False
    row = (mine or sorted(free, key=lambda r: abs(r.start - e.trigger.idx)))[0]
    e.date, e.date_text = row.value, row.text
    e.date_basis = "explicit" if row.kind == "date" else "relative"
    return True


def _dates_of_coordinated_verbs(events: list[Event]) -> None:
    """A verb coordinated with an earlier one and dated by nothing of its own shares its date: "has
    pledged food aid ... since 2002, and delivered 626,029 tons"."""
    dated = {e.trigger.i: e for e in events if e.date}
    for e in events:
        first = dated.get(e.trigger.head.i)
        if not e.date and e.trigger.dep_ == "conj" and first is not None:
            e.date, e.date_text, e.date_basis = first.date, first.date_text, first.date_basis


def _date_of_nested_event(e: Event, events: list[Event], triggers: set[int]) -> bool:
    """ "supported Russia's 2022 invasion": the explicit or relative date of an event nested under
    this one's trigger in the same sentence; sets the event's date and says whether it found one."""
    nested = [
        o
        for o in events
        if o.date
        and o.sentence_id == e.sentence_id
        and o.trigger.i != e.trigger.i
        and next((a.i for a in o.trigger.ancestors if a.i in triggers), None) == e.trigger.i
    ]
    nested = [o for o in nested if o.date_basis in ("explicit", "relative")]
    if not nested or e.trigger.tag_ in ("VBZ", "VBP"):
        return False  # "welcomes yesterday's vote": the welcome is made now, not yesterday
    e.date, e.date_text, e.date_basis = nested[0].date, nested[0].date_text, "nested event"
    return True


def _date_earlier_in_paragraph(e: Event, paragraph: list[Any], published: dt.date | None) -> bool:
    """A date stated in an earlier sentence of the event's paragraph (the latest such), not one
    ahead of ``published`` for a past act; sets the event's date and says whether it found one."""
    ctx = [r for r in paragraph if r.sentence_id < e.sentence_id]
    if (
        published is not None and e.trigger.tag_ == "VBD"
    ):  # a past act is not dated by "this October" ahead
        ctx = [r for r in ctx if r.value[:10] <= published.isoformat()[: len(r.value[:10])]]
    if not ctx:
        return False
    row = ctx[-1]
    e.date, e.date_text, e.date_basis = row.value, row.text, "context: earlier in the paragraph"
    return True


def _main_event(row: Any, doc: Doc, events: list[Event], ordered: list[int]) -> dict[str, Any]:
    """The article's main event: its first day-precise date (``value``, ``text``), the actors of
    the events that date governs (``sources``; ``participants``, sources and targets, when one of
    them is a meeting or call: the article is its readout)."""
    owner = _date_owner(doc, row.start, row.end, set(ordered), ordered)
    owned = sorted((e for e in events if e.trigger.i == owner), key=lambda e: e.trigger.i)
    sources = frozenset(e.source for e in owned if e.source)
    meeting = any(e.lex.type == "CONSULT" for e in owned)
    parties = sources | frozenset(e.target for e in owned if e.target) if meeting else frozenset()
    return {"value": row.value, "text": row.text, "sources": sources, "participants": parties}


def _date_of_main_event(
    e: Event, main_date: Any, n_sentences: int, published: dt.date | None = None
) -> None:
    """A simple-past report in the article's first two thirds takes the date of its main event
    (the first day-precise date), when there is one and it is not ahead of ``published``; so does
    a past act of the participants of the meeting a readout reports, wherever it stands (the last
    third of other articles is usually background), and a present-tense stance of the author of a
    statement that announces its own act of the day."""
    if main_date is None:
        return
    verb = e.trigger if e.trigger.pos_ in ("VERB", "AUX") else e.trigger.sent.root
    perfect = any(c.lemma_ == "have" and c.dep_ == "aux" for c in verb.children)
    past = verb.tag_ == "VBD" and not perfect
    if past and published is not None and main_date["value"] > published.isoformat():
        return  # a past act is not dated by "This July 9" still ahead
    early = e.sentence_id < n_sentences * 2 // 3 + 1
    reported = past and (early or e.source in main_date["participants"])  # a readout's meeting
    if reported or _todays_stance(e, verb, main_date, published):
        e.date, e.date_text = main_date["value"], main_date["text"]
        e.date_basis = "the article's main event"


def _set_earlier(e: Event) -> bool:
    """Does a word set the act before the time its context speaks of ("had previously agreed",
    "originally proposed")? Then no date of that context is its date."""
    verb = e.trigger if e.trigger.pos_ in ("VERB", "AUX") else e.trigger.sent.root
    earlier = words("earlier_time")
    return any(
        c.dep_ == "advmod" and c.lower_ in earlier for c in (*verb.children, *e.trigger.children)
    )


def _todays_stance(
    e: Event, verb: Token, main_date: dict[str, Any], published: dt.date | None
) -> bool:
    """ "Today, the United States is designating ... the United States supports the people of
    Mali": a simple-present stance of the actor whose act of the publication day a statement
    announces is dated with that act."""
    return (
        published is not None
        and main_date["value"] == published.isoformat()
        and e.source in main_date["sources"]
        and verb.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _in_dateline(doc: Doc, start: int) -> bool:
    """Is a date part of a dateline ("WASHINGTON, D.C., May 4, 2006 Peace Corps Director ...")? It
    dates the release, not the events the sentence reports."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    sent = span[0].sent
    first = sent[0]
    if not (
        first.is_upper
        and len(first.text) > 2
        and first.i + 1 < len(doc)
        and doc[first.i + 1].text == ","
    ):
        return False
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX")]
    return not verbs or start < verbs[0].idx and span[0].head.pos_ not in ("VERB", "AUX", "ADP")


def _listed_together(a: Token, b: Token) -> bool:
    """Are two verbs listed together ("detained, interrogated, and imprisoned"), however parsed?"""
    if (
        a.i == b.i
        or a.pos_ not in ("VERB", "AUX")
        or b.pos_ not in ("VERB", "AUX")
        or abs(a.i - b.i) > 8
    ):
        return False
    return (
        b in a.conjuncts
        or (a.head == b.head and {a.dep_, b.dep_} <= {"acl", "relcl", "conj"})
        or (b.dep_ == "conj" and b.head.head == a.head and b.head.dep_ in ("acl", "relcl"))
        or (a.dep_ == "conj" and a.head.head == b.head and a.head.dep_ in ("acl", "relcl"))
    )


def table(
    doc: Doc,
    mentions: pd.DataFrame,
    actors: pd.DataFrame,
    dates: pd.DataFrame,
    publisher: str = "",
    published: dt.date | None = None,
) -> pd.DataFrame:
    """events.csv rows; ``publisher`` is the ISO code of a government publishing its own statement
    (its unattributed "X should ..." is its demand), ``published`` the publication date."""
    events = extract(doc, mentions, actors, publisher)
    assign_dates(events, dates, doc, published)
    rows = []
    starts, sents, body = nlp.sentence_starts(doc), nlp.sentences(doc), nlp.text(doc)
    for i, e in enumerate(events, 1):
        sent = sents[bisect_right(starts, e.trigger.idx) - 1]  # e.trigger.sent, already made
        trig = e.trigger.text
        if (
            e.trigger.pos_ in ("NOUN", "PROPN")
            and e.trigger.head.lemma_ in words("light_verb")
            and e.trigger.dep_ == "dobj"
        ):
            trig = (
                f"{e.trigger.head.text} … {e.trigger.text}"
                if e.trigger.head.i + 1 != e.trigger.i
                else f"{e.trigger.head.text} {e.trigger.text}"
            )
        rows.append(
            {
                "event_id": f"e{i:03d}",
                "sentence_id": e.sentence_id,
                "type": e.lex.type,
                "mode": e.lex.mode,
                "cameo": e.lex.cameo,
                "goldstein": e.lex.goldstein,
                "source": e.source,
                "target": e.target,
                "date": e.date,
                "date_text": e.date_text,
                "place_id": e.place_id,
                "trigger": trig,
                "negated": e.negated,
                "confidence": e.confidence,
                "context": _context(e.lex.cameo),
                "date_basis": e.date_basis,
                "sentence": body[sent.start_char : sent.end_char].strip(),  # sent.text.strip()
            }
        )
    return schemas.frame(rows, schemas.COLUMNS["events"] + schemas.EXTRA_COLUMNS["events"])


def _context(code: str) -> str:
    """PLOVER context of a CAMEO code ("military", "economic"; several joined by ";")."""
    from . import cameo

    return cameo.code_info(code).context if code else ""


def summary_sentences(events: pd.DataFrame, actors: pd.DataFrame) -> list[str]:
    """Who did what to whom, one plain sentence per event ("Russia ASSAULT Ukraine (2022): invasion")."""
    names = dict(zip(actors["actor_id"], actors["name"]))
    verbs = {
        "AGREE": "agreed with",
        "CONSULT": "met or visited",
        "SUPPORT": "supported",
        "CONCEDE": "conceded to",
        "COOPERATE": "cooperated with",
        "AID": "aided",
        "RETREAT": "retreated from",
        "REQUEST": "asked",
        "ACCUSE": "accused or criticised",
        "REJECT": "rejected",
        "THREATEN": "threatened",
        "PROTEST": "protested against",
        "SANCTION": "sanctioned",
        "MOBILIZE": "mobilised against",
        "COERCE": "pressured",
        "ASSAULT": "attacked",
    }
    out = []
    rows: list[Any] = list(events.itertuples())
    for e in rows:
        verb = verbs.get(e.type, e.type.lower())
        if e.negated:
            verb = "did not " + {"mobilised against": "mobilise against"}.get(
                verb, verb.split(" ")[0].rstrip("d")
            )
        who = names.get(e.source, e.source)
        whom = names.get(e.target, e.target) if e.target else "(no target named)"
        when = f" ({e.date})" if e.date else ""
        hedge = " — reported with low confidence" if float(e.confidence) < 0.6 else ""
        line = f"{who} {verb} {whom}{when}: “{e.trigger}”{hedge}."
        out.append(line[:1].upper() + line[1:])
    return out


def implied_actors(events: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """``actors`` plus the states that events imply through a place ("arrived in Amman": Jordan),
    so that every event's source and target is in actors.csv."""
    from . import reference

    known = set(schemas.column(actors, "actor_id"))
    parties = schemas.column(events, "source") + schemas.column(events, "target")
    new = sorted({a for a in parties if a.startswith("state:")} - known)
    rows = [
        {
            "actor_id": a,
            "name": reference.country_name(a[6:]),
            "type": "state",
            "country": a[6:],
            "role": "",
            "mentions": 0,
            "code": a[6:],
            "country_basis": "implied: a place in the country is named in an event",
        }
        for a in new
    ]
    return (
        pd.concat([actors, pd.DataFrame(rows, columns=actors.columns)], ignore_index=True)
        if rows
        else actors
    )
