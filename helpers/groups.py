"""People named by common nouns, as actors: an ethnic group belongs to the state it lives in, a
bare plural repeats the group named before it, and "those affected by ..." is a group of its own.

Each rule takes the mentions the actor passes found and gives them back changed or extended; they
run in ``actors.pass_groups`` after the agent groups are made."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .actors import Mention, people_group

#: The sector of an ethnic group in the Phoenix agents list ("ETHNIC_GROUP [~CVL]"), used when a
#: state's people ("Albanians") turn out to be an ethnic group living in another state.
ETHNIC_SECTOR = "CVL"


def _span(doc: Doc, m: Mention) -> Span | None:
    return doc.char_span(m.start, m.end, alignment_mode="expand")


def _people_of(m: Mention, actors: dict[str, dict[str, str]]) -> tuple[str, str]:
    """(ISO3, sector) when a mention's actor is a state's group of people ("group:alb-ppl"), else
    empty strings."""
    a = actors.get(m.actor_id, {})
    iso3, code = a.get("country", ""), a.get("code", "")
    if a.get("type") != "group" or not iso3 or not code.startswith(iso3) or len(code) <= 3:
        return "", ""
    return iso3, code[3:]


def _is_ethnic(span: Span) -> bool:
    """ "ethnic Albanians", "ethnic Albanian guerrillas": the demonym names a people, not a state."""
    before = span.doc[span.start - 1] if span.start else None
    return (before is not None and before.lower_ == "ethnic") or any(
        t.lower_ == "ethnic" for t in span
    )


def _states_at(toks: list[Token], states: list[Mention]) -> set[str]:
    """The ISO3 codes of the state mentions (names, demonyms, places in a state) on these tokens."""
    return {m.actor_id.split(":", 1)[1] for t in toks for m in states if m.start <= t.idx < m.end}


def _residence(span: Span, own: str, states: list[Mention], publisher: str) -> str:
    """The state a people lives in, when another than the one its demonym names: "the Albanians
    of southern Serbia"; for an ethnic group also "in" phrases ("ethnic Albanians in Serbia",
    "ethnic Albanian guerrillas operating in Macedonia") or else the one other state its sentence
    names ("killed three ethnic Albanians in a gunbattle in southern Serbia")."""
    head, ethnic = span.root, _is_ethnic(span)
    preps = {"of", "in"} if ethnic else {"of"}
    holders = [head] + [c for c in head.children if c.dep_ == "acl"] if ethnic else [head]
    objs = [
        p
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]
    found = _states_at(objs, states) - {own}
    if not found and ethnic:
        sent = list(span.sent)
        found = _states_at(sent, states) - {own, publisher}
    return sorted(found)[0] if len(found) == 1 else ""


def ethnic_groups(
    doc: Doc,
    mentions: list[Mention],
    actors: dict[str, dict[str, str]],
    states: list[Mention],
    publisher: str = "",
) -> list[Mention]:
    """A state's people named where they live in another state are a group of that other state
    ("The Albanians of southern Serbia are demanding autonomy": Serbia's), with the Phoenix sector
    of an ethnic group; the demonym inside the phrase is then no mention of its own state."""
    rehomed: list[tuple[int, int]] = []
    out = []
    for m in mentions:
        iso3, sector = _people_of(m, actors)
        span = _span(doc, m) if iso3 else None
        home = _residence(span, iso3, states, publisher) if span is not None else ""
        if span is None or not home:
            out.append(m)
            continue
        sector = ETHNIC_SECTOR if sector == "PPL" else sector
        aid = people_group(actors, home, sector, span.root.lower_, "group")
        out.append(Mention(m.start, m.end, m.text, aid, m.place_id, m.how))
        rehomed.append((m.start, m.end))
    return [
        m
        for m in out
        if not (
            m.how == "demonym"
            and m.actor_id.startswith("state:")
            and any(a <= m.start < b for a, b in rehomed)
        )
    ]
