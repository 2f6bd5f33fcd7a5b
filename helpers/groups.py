"""People named by common nouns, as actors: an ethnic group belongs to the state it lives in
(``ethnic_groups``); people named together are one group (``conjoined_groups``); a bare plural
repeats the group named before it (``repeated_groups``); "those affected by ..." is a group
(``those_groups``), and so are "a consortium of non-governmental organizations"
(``collective_bodies``) and, in an article about one organisation, its "volunteers"
(``body_people``).

Each rule takes the mentions the actor passes found and gives them back changed or extended; they
run in ``actors.pass_groups`` after the agent groups are made."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from . import config, lexicon, nlp
from .actors import Mention, article_state, participant_slot, people_group
from .clauses import object_relative
from .lexicon import words

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
    """ "ethnic Albanians", "ethnic Albanian guerrillas" (words of the ``ethnic_marker`` group):
    the demonym names a people, not a state."""
    marker = words("ethnic_marker")
    before = span.doc[span.start - 1] if span.start else None
    return (before is not None and before.lower_ in marker) or any(t.lower_ in marker for t in span)


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


def _group_heads(
    doc: Doc, mentions: list[Mention], actors: dict[str, dict[str, str]]
) -> list[tuple[int, str, str]]:
    """(offset, plural head word, actor) of each group mention of two words or more that ends in a
    plural noun: "Peace Corps Volunteers" gives "volunteers", in text order."""
    out = []
    for m in mentions:
        span = _span(doc, m) if actors.get(m.actor_id, {}).get("type") == "group" else None
        if span is None or len(span) < 2 or span[-1].tag_ not in ("NNS", "NNPS"):
            continue
        head = span[-1].lower_
        if head not in words("too_general_group") | words("not_group_head"):
            out.append((m.start, head, m.actor_id))
    return sorted(out)


def _own_qualifier(tok: Token) -> bool:
    """Does a plural noun carry a name or demonym of its own ("Filipino volunteers", "UN
    volunteers"), so that it may be another group than the one named before?"""
    return any(
        c.dep_ in ("amod", "compound", "poss", "nmod")
        and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))
        for c in tok.children
    )


def _unplaced(m: Mention, actors: dict[str, dict[str, str]]) -> bool:
    """Is a mention's actor a group nothing gave a state or code ("group:protesters")?"""
    a = actors.get(m.actor_id, {})
    return a.get("type") == "group" and not a.get("country") and not a.get("code")


def repeated_groups(
    doc: Doc, mentions: list[Mention], actors: dict[str, dict[str, str]]
) -> list[Mention]:
    """ "Peace Corps Volunteers are returning ... 35 volunteers have entered the country ... the
    volunteers will work": the bare plural head of a group named before is that group again,
    also when it was taken for a group with no state of its own."""
    heads = _group_heads(doc, mentions, actors)
    out = list(mentions)
    for tok in nlp.tokens_in(doc, "LOWER", {h for _, h, _ in heads}):
        at = [k for k, m in enumerate(out) if m.start <= tok.idx < m.end]
        limit = min([out[k].start for k in at] + [tok.idx])
        before = [aid for s, h, aid in heads if h == tok.lower_ and s < limit]
        if not before or tok.tag_ not in ("NNS", "NNPS") or _own_qualifier(tok):
            continue
        if not at:
            end = tok.idx + len(tok.text)
            out.append(Mention(tok.idx, end, tok.text, before[-1], "", "anaphor"))
        elif len(at) == 1 and _unplaced(out[at[0]], actors):
            m = out[at[0]]
            out[at[0]] = Mention(m.start, m.end, m.text, before[-1], m.place_id, m.how)
    return out


def _those_phrase(tok: Token) -> Span | None:
    """ "those affected by the attacks", "those who have concerns about the agreement": "those"
    with a clause that says what befell them (a participle) or what they hold (``holder_verb``),
    where an event's participants stand (a subject, an object, "there are those", the object of
    a ``recipient_prep`` such as "condolences to"); the phrase up to the clause's first comma or
    conjunction. "those who sought reform" acts in its own clause and is left to it."""
    clause = next((c for c in tok.children if c.dep_ in ("acl", "relcl")), None)
    slot = tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "attr") or (
        tok.dep_ == "pobj" and tok.head.lower_ in words("recipient_prep")
    )
    if clause is None or not slot:
        return None
    befell = (clause.dep_ == "acl" and clause.tag_ == "VBN") or object_relative(clause)
    holds = clause.dep_ == "relcl" and clause.lemma_.lower() in words("holder_verb")
    if not (befell or holds):
        return None
    end = next(
        (t.i for t in tok.doc[clause.i : tok.right_edge.i + 1] if t.text == "," or t.dep_ == "cc"),
        tok.right_edge.i + 1,
    )
    return tok.doc[tok.i : end]


def _earlier_group(span: Span, mentions: list[Mention], actors: dict[str, dict[str, str]]) -> str:
    """The specific group (not a whole state's people) named last within about a paragraph
    before ``span``: "those initially arrested" after "lawyers ... detained" are those lawyers."""
    before = sorted(
        (m.start, m.actor_id)
        for m in mentions
        if actors.get(m.actor_id, {}).get("type") == "group"
        and not actors[m.actor_id].get("code", "").endswith("PPL")
        and m.end <= span.start_char
        and span.start_char - m.start < 600
    )
    return before[-1][1] if before else ""


def those_groups(
    doc: Doc,
    mentions: list[Mention],
    actors: dict[str, dict[str, str]],
    states: list[Mention],
    publisher: str = "",
) -> list[Mention]:
    """ "We offer our condolences to those affected by the attacks": "those" with a clause is a
    group actor named by the phrase (the mention is "those", so that the acts inside the clause
    keep their own participants); the specific group named just before when there is one,
    else a group of its own, of the one state its sentence names or else the state the article is
    about (never the publisher's)."""
    covered = [(m.start, m.end) for m in mentions]
    out = []
    for tok in nlp.tokens_in(doc, "LOWER", {"those"}):
        span = _those_phrase(tok)
        if span is None or any(a <= tok.idx < b for a, b in covered):
            continue
        aid = _earlier_group(span, mentions, actors)
        if not aid:
            sent = list(span.sent)
            here = sorted(_states_at(sent, states) - {publisher})
            iso3 = here[0] if len(here) == 1 else article_state(states, publisher)
            aid = f"group:{config.slugify(span.text)}"
            actors.setdefault(
                aid,
                {"actor_id": aid, "name": span.text, "type": "group", "country": iso3},
            )
            actors[aid].update(role="", code="")
        out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, aid, "", "agent"))
    return out


def _head_token(doc: Doc, m: Mention) -> Token | None:
    span = _span(doc, m)
    return span.root if span is not None else None


def _merge_pairs(
    doc: Doc, mentions: list[Mention], actors: dict[str, dict[str, str]]
) -> dict[str, str]:
    """Group actor -> the group it joins: the later of two groups of people (not a state's whole
    people, nor institutions) of the same state whose nouns are joined by "and"."""
    by_token: dict[int, str] = {}
    for m in mentions:
        a = actors.get(m.actor_id, {})
        tok = _head_token(doc, m) if a.get("type") == "group" else None
        if tok is not None and not a.get("code", "").endswith("PPL"):
            by_token.setdefault(tok.i, m.actor_id)
    merged: dict[str, str] = {}
    for i, aid in sorted(by_token.items()):
        tok = doc[i]
        first = by_token.get(tok.head.i) if tok.dep_ == "conj" else None
        if (
            first
            and first != aid
            and actors[first].get("country") == actors[aid].get("country")
            and aid not in merged.values()
        ):
            merged[aid] = merged.get(first, first)
    return merged


def conjoined_groups(
    doc: Doc, mentions: list[Mention], actors: dict[str, dict[str, str]]
) -> list[Mention]:
    """ "lawyers and human rights defenders", "lawyers and activists": people named together by
    "and" are one group throughout the article (the first one named), not two."""
    merged = _merge_pairs(doc, mentions, actors)
    return [
        Mention(m.start, m.end, m.text, merged.get(m.actor_id, m.actor_id), m.place_id, m.how)
        for m in mentions
    ]


def _body_of_members(noun: Token) -> Span | None:
    """ "a consortium of non-governmental organizations", "a coalition of opposition parties": a
    ``collective_noun`` whose "of" phrase names bodies of one sector (an agent phrase); the phrase
    from the collective noun to the bodies' noun."""
    pobj = next(
        (
            p
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj" and p.tag_ in ("NNS", "NNPS")
        ),
        None,
    )
    if pobj is None:
        return None
    members = noun.doc[pobj.left_edge.i : pobj.i + 1]
    words_ = members.text.lower().split()
    phrases = [" ".join(words_[k:]) for k in range(len(words_))]
    if not any(lexicon.agent_sector(p) for p in phrases):
        return None
    return noun.doc[noun.i : pobj.i + 1]


def collective_bodies(
    doc: Doc, mentions: list[Mention], actors: dict[str, dict[str, str]]
) -> list[Mention]:
    """ "distributed through a consortium of non-governmental organizations": a collective of
    bodies named by their kind is one group actor, over the whole phrase, with no state of its
    own."""
    covered = [(m.start, m.end) for m in mentions]
    out = []
    for tok in nlp.tokens_in(doc, "LOWER", words("collective_noun")):
        span = _body_of_members(tok) if tok.tag_ == "NN" else None
        if span is None or any(a < span.end_char and span.start_char < b for a, b in covered):
            continue
        aid = f"group:{config.slugify(span.text)}"
        actors.setdefault(
            aid,
            {"actor_id": aid, "name": span.text, "type": "group", "country": "", "role": ""},
        )
        actors[aid].setdefault("code", "")
        out.append(Mention(span.start_char, span.end_char, span.text, aid, "", "agent"))
    return out


def _main_body(mentions: list[Mention], actors: dict[str, dict[str, str]]) -> str:
    """The organisation an article is about: named twice or more, more often than any other."""
    counts = Counter(
        m.actor_id for m in mentions if actors.get(m.actor_id, {}).get("type") == "organization"
    )
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
        return ""
    return top[0][0]


def body_people(
    doc: Doc, mentions: list[Mention], actors: dict[str, dict[str, str]]
) -> list[Mention]:
    """ "Director Vasquez met several volunteers": in an article about one organisation, the bare
    plural of a word for its people (``body_people``: volunteers, staff) who act or are met is
    that organisation's people, a group with its country ("Peace Corps volunteers")."""
    body = _main_body(mentions, actors)
    covered = [(m.start, m.end) for m in mentions]
    out = []
    for tok in nlp.tokens_in(doc, "LOWER", words("body_people")) if body else ():
        if (
            tok.tag_ != "NNS"
            or _own_qualifier(tok)
            or any(c.dep_ == "compound" for c in tok.children)
            or any(a <= tok.idx < b for a, b in covered)
            or not participant_slot(tok)
        ):
            continue
        org = actors[body]
        aid = f"group:{config.slugify(org['name'])}-{tok.lower_}"
        actors.setdefault(
            aid,
            {
                "actor_id": aid,
                "name": f"{org['name']} {tok.lower_}",
                "type": "group",
                "country": org.get("country", ""),
                "role": "",
                "code": "",
            },
        )
        end = tok.idx + len(tok.text)
        out.append(Mention(tok.idx, end, tok.text, aid, "", "agent"))
    return out
