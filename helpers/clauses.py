"""Which verbs of a sentence state an event of their own, read from spaCy's dependency parse.

A news sentence has one or two event-bearing verbs and many secondary ones: the reporting verb
("..., officials said"), the infinitive of purpose ("to further develop"), the relative clause
("who have lived in Iraq"), the complement of a verb that is itself the event ("agreed to set up":
the agreement is the event, setting up is its content). Choosing the event-bearing verb of each
clause is where an event coder's precision is won; this module makes that choice, and finds the
words a dictionary pattern is matched against (particle, object phrase, prepositional phrases).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import words

#: Dependency labels of clauses that never carry an event of their own.
SECONDARY = {
    "relcl": "relative clause",
    "acl": "clause modifying a noun",
    "csubj": "clausal subject",
    "pcomp": "complement of a preposition",
    "prep": "preposition",
    "amod": "adjective",
    "advcl": "adverbial clause (purpose, time, manner)",
    "npadvmod": "adverbial noun phrase",
}
CONTENT_WORDS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}


@dataclass(frozen=True)
class Status:
    """Whether a verb states an event: ``kind`` is ``event``, ``intent`` (a stated intention:
    "will provide", "plans to impose"), ``relative`` (a relative clause: an event only when its
    subject is an actor, "Belarus, which supported ..."), ``participle`` (", accusing X of ...": an
    event only when its object is an actor) or ``skip``; ``why`` says which rule
    decided."""

    kind: str
    why: str
    nested_ok: bool = False  # skipped only because a related verb carries its event ("agreed to set
    # up", "went on to state"): clauses below it may still be events


def modal(tok: Token) -> str:
    """The modal auxiliary of a verb's clause, lower case ("" when none)."""
    for c in tok.children:
        if c.dep_ == "aux" and c.tag_ == "MD":
            return c.lower_
    return ""


def _reported(tok: Token) -> bool:
    """Is ``tok`` the content of a reporting verb ("said it would withdraw")?"""
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in words("reporting")


def status(tok: Token, has_event: Callable[[Token], bool]) -> Status:
    """Does the verb ``tok`` state an event of its own? ``has_event(t)`` says whether a verb has an
    event category in the dictionary (used to let "agreed to set up" be one event, not two)."""
    dep = tok.dep_
    if dep == "conj" and tok.head.pos_ in ("VERB", "AUX") and tok.head.i != tok.i:
        return _coordinated(tok, has_event)
    if dep == "advcl":
        return _adverbial(tok, has_event)
    if _requested(tok):
        return Status("skip", "what a call or appeal asks for ('call for all sides to refrain')")
    if (
        dep == "pcomp"
        and tok.head.lower_ == "to"
        and tok.head.head.lemma_.lower() in words("intent")
    ):
        return Status("intent", f"commitment stated with '{tok.head.head.lemma_}'")
    if dep == "relcl" and _intends_complement(tok):
        return Status(
            "skip",
            f"'{tok.lemma_}' states an intention: its complement is the event",
            nested_ok=True,
        )
    if dep == "relcl":
        return _own_modality(
            tok, Status("relative", "relative clause: an event only when its subject is an actor")
        )
    if (
        dep == "acl"
        and tok.tag_ == "VBD"
        and tok.head.dep_ == "ROOT"
        and tok.head.pos_ in ("NOUN", "PROPN")
    ):
        return _own_modality(
            tok, Status("event", "a finite verb the parser took for a modifier of the subject")
        )
    if dep == "pcomp" and _replaced(tok):
        return Status("event", "'rather than X-ing': X is what is being done")
    if dep == "acl" and _taken_opportunity(tok):
        return _own_modality(tok, Status("event", f"'had the {tok.head.lemma_} to': it was done"))
    if dep in SECONDARY:
        return Status("skip", SECONDARY[dep])
    if dep == "xcomp":
        return _open_complement(tok, has_event)
    if dep == "ccomp":
        return _clausal_complement(tok, has_event)
    return _main_verb(tok)


def _requested(tok: Token) -> bool:
    """ "our call for all sides to refrain from violence": an infinitive whose subject is a request
    noun is what is asked for (a parse of "call for X to V" that makes "call" the subject)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in words("request_noun")
        for c in tok.children
    )


def taken_opportunity_noun(tok: Token) -> Token | None:
    """The verb of "had the opportunity to meet" (the event is the meeting), or None."""
    noun = tok.head
    if (
        tok.dep_ == "acl"
        and noun.lemma_.lower() in words("opportunity_noun")
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in ("have", "take", "get", "use")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    ):
        return noun.head
    return None


def participle_agents(noun: Token, lemmas: frozenset[str] | None = None) -> list[Token]:
    """The agents of participles describing a noun ("the demonstration staged by students", "talks
    hosted by Qatar": "students", "Qatar"), only of participles with these ``lemmas`` if given."""
    return [
        p
        for c in noun.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and (lemmas is None or c.lemma_.lower() in lemmas)
        for g in c.children
        if g.dep_ == "agent"
        for p in g.children
        if p.dep_ == "pobj"
    ]


def object_relative(tok: Token) -> bool:
    """Is the verb a relative clause whose noun is its object ("those it has unjustly jailed",
    "the journalists the army detained"): a subject of its own and no object?"""
    return (
        tok.dep_ == "relcl"
        and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in tok.children)
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children)
    )


def _intends_complement(tok: Token) -> bool:
    """ "individuals who seek to build a just society": an intention verb whose complement
    carries the event (if any), not the intention verb itself."""
    return tok.lemma_.lower() in words("intent") and any(c.dep_ == "xcomp" for c in tok.children)


def _misplaced_conjunct(tok: Token) -> Token | None:
    """The verb a bare infinitive really continues when the parser listed it with a relative
    clause ("should release those it has jailed and respect human rights": "release")."""
    head = tok.head
    if tok.tag_ == "VB" and head.dep_ == "relcl" and head.tag_ in ("VBN", "VBD", "VBZ", "VBP"):
        outer = head.head.head
        return outer if outer.pos_ in ("VERB", "AUX") else None
    return None


def _replaced(tok: Token) -> bool:
    """ "Rather than imprisoning its critics, the government should focus on dialogue": the act a
    demand asks to replace is being done (not so "instead of talking, Russia attacked")."""
    prep = tok.head
    return (
        prep.lower_ in ("than", "of")
        and modal(prep.head) in words("demand_modal")
        and any(
            a.lower_ in words("replacement_adverb")
            for a in [*prep.children, prep.doc[prep.i - 1] if prep.i else prep]
        )
    )


def _taken_opportunity(tok: Token) -> bool:
    return taken_opportunity_noun(tok) is not None


def _coordinated(tok: Token, has_event: Callable[[Token], bool]) -> Status:
    """A verb coordinated with the verb before it ("met and agreed"): they share a clause, so it
    shares that verb's status, or is an event of its own when it has a modal or the other none."""
    outer = _misplaced_conjunct(tok)
    if outer is not None and modal(outer) in words("hypothetical"):
        return Status("skip", f"listed under '{modal(outer)} {outer.lemma_}': asked for, not done")
    inherited = status(tok.head, has_event)
    if inherited.kind == "skip":
        return inherited
    if modal(tok) or not modal(tok.head):
        return _own_modality(tok, Status("event", "coordinated with an event-bearing verb"))
    return inherited


def _adverbial(tok: Token, has_event: Callable[[Token], bool]) -> Status:
    """An adverbial clause: secondary, unless it is a participle with an agent, a concessive
    clause, a participle clause with an object, or the aim of a protest."""
    if tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children):
        return Status("event", "participle with an agent ('Sanctioned by the U.S., ...')")
    if any(
        c.dep_ == "mark" and c.lower_ in words("concessive") for c in tok.children
    ) and tok.tag_ not in ("VBG", "TO"):
        return _within(
            tok, has_event, _own_modality(tok, Status("event", "concessive clause: asserted"))
        )
    if tok.tag_ == "VBG" and any(c.dep_ == "dobj" for c in tok.children):
        return _within(
            tok,
            has_event,
            Status("participle", "participle clause: an event only when its object is an actor"),
        )
    if tok.lemma_.lower() in words("aim_verbs") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    ):
        return Status(
            "event", f"'to {tok.lemma_}': the aim of a protest is itself a protest or demand"
        )
    return Status("skip", SECONDARY["advcl"])


def _open_complement(tok: Token, has_event: Callable[[Token], bool]) -> Status:
    """The complement of a verb ("agreed to set up", "plans to impose", "went on to state"): an
    intention, an event, or the content of a verb that is itself the event."""
    head = tok.head
    if head.lemma_.lower() in words("unrealised"):
        return Status("skip", f"what is '{head.lemma_}'d has not been done")
    if head.lemma_.lower() in words("intent"):
        return _within(tok, has_event, Status("intent", f"intention stated with '{head.lemma_}'"))
    if head.lemma_.lower() in words("aspectual"):
        return _within(
            tok,
            has_event,
            _own_modality(head, Status("event", f"complement of '{head.lemma_}'")),
        )
    if has_event(head):
        return Status("skip", f"content of '{head.lemma_}'", nested_ok=True)
    return _within(
        tok,
        has_event,
        _own_modality(tok, Status("event", f"complement of '{head.lemma_}', which codes no event")),
    )


def _clausal_complement(tok: Token, has_event: Callable[[Token], bool]) -> Status:
    """A clause that is the content of a verb: an event when that verb reports it ("said it
    would withdraw") or codes no event itself."""
    if not _reported(tok) and has_event(tok.head) and tok.i > tok.head.i:
        return Status("skip", f"content of '{tok.head.lemma_}'", nested_ok=True)
    return _within(
        tok, has_event, _own_modality(tok, Status("event", "content of a reporting verb"))
    )


def _main_verb(tok: Token) -> Status:
    """A verb heading its own clause: an event, unless an aspectual or intention verb leaves the
    event to its complement, or it only knows a fact ("We recognize that ...")."""
    if tok.lemma_.lower() in words("cognition_clause") and any(
        c.dep_ == "ccomp" for c in tok.children
    ):
        return Status("skip", f"'{tok.lemma_} that ...' knows a fact", nested_ok=True)
    if tok.lemma_.lower() in words("aspectual") and any(c.dep_ == "xcomp" for c in tok.children):
        return Status(
            "skip", f"aspectual '{tok.lemma_}': its complement is the event", nested_ok=True
        )
    if _intends_complement(tok):
        return Status(
            "skip",
            f"'{tok.lemma_}' states an intention: its complement is the event",
            nested_ok=True,
        )
    return _own_modality(tok, Status("event", "main verb of its clause"))


def _within(tok: Token, has_event: Callable[[Token], bool], own: Status) -> Status:
    """A complement inside a secondary clause is secondary too ("despite maintaining it takes")."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        if head.dep_ in SECONDARY:
            return Status("skip", f"inside a {SECONDARY[head.dep_]}")
        head = head.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return own
    outer = status(head, has_event)
    if outer.kind == "skip" and not outer.nested_ok:
        return Status("skip", f"inside a clause that is not an event ({outer.why})")
    return own


def _own_modality(tok: Token, default: Status) -> Status:
    m = modal(tok)
    if not m:
        return default
    if m in words("future") or (m == "would" and _reported(tok)):
        return Status("intent", f"'{m}': a stated intention")
    if m in words("hypothetical"):
        return Status("skip", f"'{m}': not an event that happened or was committed to")
    return default


def particle(tok: Token) -> str:
    """The phrasal particle of a verb ("call for" has none in spaCy's sense; "back down" has
    "down"), lower case."""
    for c in tok.children:
        if c.dep_ == "prt":
            return c.lower_
    return ""


def phrase_lemmas(tok: Token, limit: int = 8) -> list[str]:
    """Lemmas of a noun phrase, its head first, then its content words in order (no clauses)."""
    out = [tok.lemma_.lower()]
    stack = [c for c in tok.children if c.dep_ not in ("relcl", "acl", "punct", "cc", "appos")]
    seen: list[Token] = []
    while stack and len(seen) < limit:
        t = stack.pop(0)
        if t.pos_ in CONTENT_WORDS or t.dep_ == "prep":
            seen.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "punct", "cc"))
    out += [t.lemma_.lower() for t in sorted(seen, key=lambda t: t.i)]
    return out


def objects(tok: Token) -> list[str]:
    """Words of a verb's object: the direct object's phrase, and for "threatened to impose
    sanctions" the complement verb and its object."""
    out: list[str] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "attr", "oprd"):
            out += phrase_lemmas(c)
    for c in tok.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            out.append(c.lemma_.lower())
            for g in c.children:
                if g.dep_ in ("dobj", "attr"):
                    out += phrase_lemmas(g)
    return out


def preps(tok: Token) -> list[tuple[str, list[str]]]:
    """(preposition, lemmas of its object) for each prepositional phrase of a verb, and of its
    object ("imposed sanctions on X" gives ("on", ...))."""
    out: list[tuple[str, list[str]]] = []
    heads = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "prt")]
    for h in heads:
        for c in h.children:
            if c.dep_ in ("prep", "agent"):
                objs = [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
                if objs and objs[0].ent_type_ in ("DATE", "TIME"):
                    continue  # "telephoned on Tuesday" is not "call on"
                out.append((c.lower_, phrase_lemmas(objs[0]) if objs else []))
    return out


def subject_words(tok: Token) -> list[str]:
    """Lemmas of the subject phrase of a verb (for patterns with subject-side words)."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return phrase_lemmas(c)
    return []
