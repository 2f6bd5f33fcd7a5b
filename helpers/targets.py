"""Fallback targets: whom an event is aimed at when its parse names no plain object actor.

The events layer reads a target from a trigger's object and target phrases ("sanctioned Iran",
"aid to Ethiopia"). Many sentences name the target another way, inside the trigger's own phrase:

- a recipient the parser left outside its preposition ("granted asylum to five Panamanian army
  officers", where "to" ends up with no object);
- the party of a clause put to someone ("pushing for the US to support", "threatened to strike
  unless Israel rescinded");
- a demonym or possessor on the object or its phrases ("threatened to shell Iraqi towns", "paid
  compensation to British nationals", "the withdrawal of forces from Panama");
- the place the act lands in, as its state ("set up a research center in Tokyo", "eased measures
  in Montenegro province", "extend the curfew in Abidjan");
- whoever did what the object names ("prevented the demonstration staged by students").

``accused_instead`` moves a complaint's target from the listener to the accused ("complained to
the UN over two Israeli air raids": Israel).

Only the trigger's own subtree is read (its objects, its prepositional phrases, its light verb's
phrases and its complement clauses), never another clause of the sentence, and never the event's
own source. A place on a spoken act's own verb ("condemned ... in Geneva") says where the speaker
is, not whom the words are aimed at, so it is not read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import config, geo, reference
from .clauses import participle_agents
from .lexicon import words

if TYPE_CHECKING:
    from .events import Lex, Mentions

#: Acts done by speaking or meeting: a place phrase on their own verb is where the speaker is.
SPOKEN_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "COOPERATE",
}

#: The dependencies of a verb's object phrases.
OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")


def fallback(tok: Token, entry: Lex, m: Mentions, sources: list[str]) -> list[str]:
    """The target of an event whose parse gave none, from the trigger's own phrases: a recipient
    the parser cut off its preposition, the party of a clause put to someone, an actor (a
    demonym too) inside its objects and target phrases, else the state of the place it lands in;
    [] when none of these names one."""
    if _answers_another(tok, entry):
        return []  # "rejected the accusation", "supplied these": left to the earlier event
    if not _stands_alone(tok, entry.type):
        return []  # an event noun naming no party of its own is no event: no fallback makes it one
    own, clauses = own_heads(tok), complement_clauses(tok)
    if entry.type == "REQUEST" and _addressed(tok):
        clauses = []  # "calls on other countries to urge X": those asked, unnamed, not X
    finders = (
        lambda: _doers_of_object(own, m),
        lambda: _cut_off_recipients(own, m),
        lambda: _clause_parties(own + clauses, m),
        lambda: _actors_named(own + clauses, m),
        lambda: _place_states(own, clauses, _done_on_the_spot(tok, entry), m),
    )
    for find in finders:
        found = [a for a in dict.fromkeys(find()) if a and a not in sources]
        if found:
            return found
    return []


def _answers_another(tok: Token, entry: Lex) -> bool:
    """Is the trigger's object a pronoun ("supplied these"), or a response answering an earlier
    act ("rejected the accusation")? Then the earlier event gives the target."""
    answer = entry.type in ("REJECT", "ACCUSE", "PROTEST")
    return any(
        c.dep_ == "dobj"
        and (
            (answer and c.lemma_ in words("response_noun"))
            or c.lower_ in ("these", "those", "them", "it", "this")
        )
        for c in tok.children
    )


def _done_on_the_spot(tok: Token, entry: Lex) -> bool:
    """Does a place phrase on the trigger say where the act lands ("eased measures in X", "will
    extend the curfew in X"), not where a speaker was ("criticized the plan in Geneva")?"""
    if tok.lemma_.lower() in words("speech"):
        return False
    return entry.type not in SPOKEN_TYPES or (entry.type == "THREATEN" and entry.mode == "intent")


def _stands_alone(tok: Token, event_type: str) -> bool:
    """Is the trigger an event without a target of its own: a verb, a noun under a light verb
    ("issued a stern reminder"), or a mobilisation or protest noun?"""
    light = tok.dep_ == "dobj" and tok.head.lemma_ in words("light_verb")
    return tok.pos_ in ("VERB", "AUX") or light or event_type in ("MOBILIZE", "PROTEST")


def _addressed(tok: Token) -> bool:
    """Does a request say whom it asks ("urged leaders to", "called on other countries to")?"""
    return any(
        c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "on" and list(c.children))
        for c in tok.children
    )


def own_heads(tok: Token) -> list[Token]:
    """The trigger and, for an event noun, its light verb ("issued a stern reminder to Iraq")."""
    if tok.dep_ == "dobj" and tok.head.lemma_ in words("light_verb"):
        return [tok, tok.head]
    return [tok]


def complement_clauses(tok: Token) -> list[Token]:
    """The clauses a trigger commits to or acts for ("agreed to set up ...", "send material to
    help defend ..."), two levels deep."""
    out: list[Token] = []
    frontier = [tok]
    for _ in range(2):
        frontier = [c for h in frontier for c in h.children if _complement(c)]
        out += frontier
    return out


def _complement(c: Token) -> bool:
    """A content clause ("to set up", "that it will extend") or a purpose clause ("to help")."""
    if c.pos_ not in ("VERB", "AUX"):
        return False
    return c.dep_ in ("xcomp", "ccomp") or (
        c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    )


def _doers_of_object(heads: list[Token], m: Mentions) -> list[str]:
    """ "prevented the demonstration staged by students": whoever did what the object names, as
    the agent of a participle describing it, is what the act is aimed at."""
    return [
        a
        for h in heads
        for c in h.children
        if c.dep_ == "dobj"
        for p in participle_agents(c)
        for a in _phrase_actors(p, m)
    ]


def _cut_off_recipients(heads: list[Token], m: Mentions) -> list[str]:
    """ "granted asylum to five Panamanian army officers holed up ...": a target preposition the
    parser left without its object; the actor of the words right after it."""
    out: list[str] = []
    for h in heads:
        for c in h.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for") and not _objects_of(c):
                out += _next_phrase_actors(c, m)
    return out


def _objects_of(prep: Token) -> list[Token]:
    return [p for p in prep.children if p.dep_ == "pobj"]


def _next_phrase_actors(prep: Token, m: Mentions) -> list[str]:
    """The actors of the noun phrase that follows a preposition, up to its first verb or mark."""
    out = []
    for t in prep.doc[prep.i + 1 : prep.i + 9]:
        if t.pos_ in ("VERB", "AUX", "PUNCT", "ADP", "SCONJ", "PRON"):
            break
        if m.actor(t):
            out.append(m.actor(t))
    return out[:1]


def _clause_parties(heads: list[Token], m: Mentions) -> list[str]:
    """The subject of a clause that puts something to a party: "pushing for the US [to] support
    the plan", "threatened to strike unless Israel rescinded the annexation"."""
    return [
        a
        for h in heads
        for c in h.children
        if c.dep_ == "advcl"
        and any(k.dep_ == "mark" and k.lower_ in words("party_mark") for k in c.children)
        for s in c.children
        if s.dep_ in ("nsubj", "nsubjpass")
        for a in _phrase_actors(s, m)
    ]


def _actors_named(heads: list[Token], m: Mentions) -> list[str]:
    """Actors, demonyms included, named in the objects and target phrases of the event's words
    ("threatened to shell Iraqi towns", "paid compensation to British nationals")."""
    return [a for h in heads for p in _object_phrases(h) for a in _phrase_actors(p, m)]


def _object_phrases(h: Token) -> list[Token]:
    """The heads of a word's objects and of its target phrases' objects ("to X", "from X")."""
    out = []
    for c in h.children:
        if c.dep_ in OBJECT_DEPS and c.pos_ != "ADP":
            out.append(c)
        elif c.dep_ in ("prep", "dative") and c.lower_ in words("target_prep"):
            out += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ == "in":  # "in defiance of Chinese authorities"
            out += [p for p in _objects_of(c) if p.lemma_.lower() in words("stance_noun")]
    return out


def _phrase_actors(p: Token, m: Mentions) -> list[str]:
    """Actors a noun phrase names, in order: by name anywhere in it, by demonym only on its head
    ("Iraqi towns", not "the use of the Russian language"), never by pronoun."""
    return [m.actor(t) for t in phrase_tokens(p) if _names(t, p, m)]


def _names(t: Token, head: Token, m: Mentions) -> bool:
    """Does word ``t`` of the phrase headed by ``head`` name an actor (see ``_phrase_actors``)? A
    demonym counts on the head or on the object of the head's own preposition ("evacuated the
    wounded from the besieged Bosnian town")."""
    how = m.how(t)
    if not m.actor(t) or how == "pronoun":
        return False
    near = t.head.i == head.i or (t.head.head.head.i == head.i and t.head.dep_ == "pobj")
    return how != "demonym" or near


def phrase_tokens(tok: Token) -> list[Token]:
    """A noun phrase's own words and those of its target phrases ("a fresh offer from X", "the
    besieged Bosnian town of Y"), not those of clauses attached to it."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod", "det", "conj", "appos"):
            out += list(c.subtree)
        elif c.dep_ == "prep" and c.lower_ in words("target_prep"):
            out += [t for p in c.children if p.dep_ == "pobj" for t in phrase_tokens(p)]
    return out


def _place_states(own: list[Token], clauses: list[Token], on_verb: bool, m: Mentions) -> list[str]:
    """The state of the place the act lands in: "set up a center in Tokyo" (Japan), "eased
    measures in Montenegro province"; on the trigger's own words only for acts not done by
    speaking (``on_verb``), as "condemned it in Geneva" says where the speaker was."""
    wheres = [p for h in own + clauses for p in _object_phrases(h)] + clauses
    wheres += own if on_verb else []
    for w in wheres:
        for c in w.children:
            if c.dep_ == "prep" and c.lower_ in words("place_prep"):
                found = [s for p in c.children if p.dep_ == "pobj" for s in _state_in(p, m)]
                if found:
                    return found[:1]
    return []


def _state_in(p: Token, m: Mentions) -> list[str]:
    """The state a place phrase names: a state itself ("in Liberia"), or the state of its place
    ("in Tokyo": Japan)."""
    for t in phrase_tokens(p):
        actor = m.actor(t)
        if _names(t, p, m) and m.types.get(actor) == "state":
            return [actor]
        iso3 = state_of_place(m.place(t)) or _state_named_province(t, m)
        if iso3:
            return [f"state:{iso3}"]
    return []


def _state_named_province(t: Token, m: Mentions) -> str:
    """ISO3 of a place the gazetteer does not know that is named as a state's province or region
    ("in Montenegro province"): the state its words before the generic head name; "" otherwise
    (a place that only contains a state's name, "East Azerbaijan province", is not that state)."""
    place = m.place(t)
    if not place.startswith("other:"):
        return ""
    words_ = [x for x in t.sent if m.place(x) == place]
    if len(words_) < 2 or words_[-1].lower_ not in words("place_head_noun"):
        return ""
    name = t.doc[words_[0].i : words_[-1].i].text
    hit = reference.lexicon().get(name)
    return hit[1] if hit and hit[0] == "state" and hit[2] != "demonym" else ""


def state_of_place(place_id: str) -> str:
    """ISO3 of the state a place is in: a country itself, a listed region's state, a city's
    country; "" for a place the gazetteer places in no state."""
    if not place_id:
        return ""
    kind, name = place_id.split(":", 1)
    if kind == "country":
        return name
    if kind == "region":
        return next(
            (r["country"] for r in reference.regions() if config.slugify(r["name"]) == name), ""
        )
    if kind == "city":
        p = geo.city(name.replace("-", " "))
        return p.country if p else ""
    return ""


def accused_instead(tok: Token, entry: Lex, m: Mentions, targets: list[str]) -> list[str]:
    """A complaint made to a listener about someone's act is aimed at whoever did the act:
    "complained to the United Nations over two Israeli air raids" -> Israel, not the UN. []
    when the targets are not just the listener or the complaint names no one it is about."""
    if entry.type not in ("ACCUSE", "PROTEST") or not targets:
        return []
    listeners = [
        a
        for c in tok.children
        if c.dep_ in ("prep", "dative") and c.lower_ == "to"
        for p in _objects_of(c)
        for a in _phrase_actors(p, m)
    ]
    if not set(targets) <= set(listeners):
        return []
    about = [
        a
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in words("grievance_prep")
        for p in _objects_of(c)
        for a in _phrase_actors(p, m)
    ]
    return [a for a in dict.fromkeys(about) if a not in targets]
