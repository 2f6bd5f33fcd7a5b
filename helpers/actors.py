"""From raw named entities to canonical actors, every mention linked, and the places named.

The annotator works in passes over one spaCy parse:

1. candidate spans: reference phrases (countries, aliases, demonyms, capitals, metonyms,
   organisations, blocs, regions) and spaCy's entities, longest first, reference first;
2. people: titles and honorifics stripped from names, names clustered by surname, roles and
   countries read from titles ("Belarusian President X"), appositions ("his Iranian counterpart,
   President X"; "Iran's leader, X") and possessives;
3. NER label errors corrected: a "place" that is a known person's name is that person;
4. capitals and seats of power used as governments (subject, object, "ties with Moscow") are
   mentions of the state and places at once; "in Tehran" is only a place;
5. descriptors ("the Belarusian leader") and subject pronouns ("he", "it") linked to the actor
   they refer to.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from . import actordict, config, geo, lexicon, nlp, reference, schemas
from .lexicon import words

NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
METONYM_DEPS = {
    "nsubj",
    "nsubjpass",
    "dobj",
    "poss",
    "agent",
    "npadvmod",
    "appos",
    "ROOT",
    "iobj",
    "dative",
}
METONYM_PREPS = {"with", "against", "by", "between", "toward", "towards", "on", "than"}
PERSON_PRONOUNS = {"he", "she"}
THING_PRONOUNS = {"it"}
#: Possessive pronouns and the subject pronoun whose referent they share ("his meeting": he).
POSSESSIVES = {"his": "he", "her": "she", "its": "it"}


@dataclass
class Cand:
    """A span that may mention an actor or a place."""

    start: int
    end: int
    source: str  # "ref" or "ner"
    label: str  # NER label, or the reference kind
    key: str = ""  # reference key (ISO3, actor id, region name)
    how: str = "ner"
    tok: int = 0  # index of the span's head token
    tok_start: int = 0
    tok_end: int = 0


@dataclass
class Mention:
    start: int
    end: int
    text: str
    actor_id: str = ""
    place_id: str = ""
    how: str = "ner"


@dataclass
class Person:
    tokens: tuple[str, ...]
    first: int
    display: str = ""
    titles: list[tuple[int, str]] = field(default_factory=list)  # (rank, role)
    countries: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    mentions: int = 0
    code: str = ""  # CAMEO actor code from the dictionary
    basis: str = ""  # how the country was known: text, dictionary, proximity

    @property
    def name(self) -> str:
        return self.display or " ".join(self.tokens)

    @property
    def actor_id(self) -> str:
        return f"person:{config.slugify(self.name)}"

    def role(self) -> tuple[str, str]:
        """(role, country) from the highest-ranking title seen and the commonest country."""
        country = (
            max(sorted(set(self.countries)), key=self.countries.count) if self.countries else ""
        )
        org = max(sorted(set(self.orgs)), key=self.orgs.count) if self.orgs else ""
        if org and not self.countries:
            country = _org_country(org)
        if not self.titles:
            return "", country
        rank, title = min(self.titles)
        if org and (not self.countries or self.international):
            return f"{title} of {_org_name(org)}", _org_country(org)
        return (f"{title} of {reference.country_phrase(country)}" if country else title), country

    @property
    def international(self) -> bool:
        """Holds an office of an international body (Secretary-General, Commissioner...)."""
        kinds = {t.role: t.kind for t in reference.titles().values()}
        return bool(self.titles) and kinds.get(min(self.titles)[1]) == "international"


def _org_name(actor_id: str) -> str:
    org = reference.organizations().get(actor_id)
    name = org.name if org else actor_id.split(":", 1)[-1].replace("-", " ").title()
    return name if name.isupper() or name.startswith("the ") else f"the {name}"


def _org_country(actor_id: str) -> str:
    org = reference.organizations().get(actor_id)
    return org.country if org else ""


@dataclass
class Annotation:
    actors: pd.DataFrame
    mentions: pd.DataFrame
    places: pd.DataFrame


_MATCHERS: dict[int, PhraseMatcher] = {}


def _matcher(doc: Doc) -> PhraseMatcher:
    """A phrase matcher over the reference lexicon, built once per vocabulary."""
    key = id(doc.vocab)
    if key not in _MATCHERS:
        from . import nlp as nlp_mod

        nlp = nlp_mod.load()
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        for phrase in sorted(reference.lexicon()):
            matcher.add(phrase, [nlp.make_doc(phrase)])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def _head(doc: Doc, start: int, end: int) -> int:
    span = doc[start:end]
    return span.root.i if len(span) else start


def reference_candidates(doc: Doc) -> list[Cand]:
    """Reference phrases found in the text, including prefixes like "U.S.-dominated"."""
    lex = reference.lexicon()
    matcher = _matcher(doc)
    out = []
    for match_id, s, e in matcher(doc):
        phrase = doc.vocab.strings[match_id]
        kind, key, how = lex[phrase]
        span = doc[s:e]
        out.append(
            Cand(span.start_char, span.end_char, "ref", kind, key, how, _head(doc, s, e), s, e)
        )
    # "U.S.-dominated", "Iran-backed": the state named inside a hyphenated word
    hyphenated = [i for i, t in enumerate(nlp.token_strings(doc, "ORTH")) if "-" in t[1:]]
    for tok in (doc[i] for i in hyphenated):
        if "-" in tok.text[1:]:
            prefix = tok.text.split("-")[0]
            hit = lex.get(prefix)
            if hit and hit[0] == "state" and prefix[:1].isupper():
                out.append(
                    Cand(
                        tok.idx,
                        tok.idx + len(prefix),
                        "ref",
                        "state",
                        hit[1],
                        "demonym",
                        tok.i,
                        tok.i,
                        tok.i + 1,
                    )
                )
    return out


def ner_candidates(doc: Doc) -> list[Cand]:
    """spaCy's entities of interesting labels, without a leading "the"."""
    out = []
    joined = _bodies_joined_by_and(doc)
    second_parts = {b.start for b in joined.values()}
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS or ent.start in second_parts:
            continue
        s, e = ent.start, joined[ent.start].end if ent.start in joined else ent.end
        while s < e and doc[s].lower_ in ("the", "a", "an"):
            s += 1
        while e > s and doc[e - 1].text in ("’s", "'s", "’", "'"):
            e -= 1
        label = ent.label_
        in_title = _office_list_end(doc, s, e)
        if in_title is not None and label != "PERSON":
            continue  # "State for Population, Refugees" inside "Secretary of State for ..."
        if in_title is not None:
            s = in_title  # "(... and) Migration Anne C. Richard": the name is the end
        if label in ("PERSON", "GPE", "LOC", "ORG") and s < e:
            s, e, label = _repair_name(doc, s, e, label)
        if label == "ORG" and s < e:
            e = _body_of(doc, e)
        cut = next(
            (i for i in range(s, e) if "\n" in doc[i].text or doc[i].is_sent_start and i > s), e
        )
        e = cut  # a name never runs over a line or sentence break (noise can make the NER think so)
        while e > s and doc[e - 1].is_space:
            e -= 1
        if s < e:
            span = doc[s:e]
            out.append(
                Cand(
                    span.start_char, span.end_char, "ner", label, "", "ner", _head(doc, s, e), s, e
                )
            )
    return _dedupe(out)


def _office_lists(doc: Doc) -> list[tuple[int, int, int]]:
    """Offices named by a "for" list before a name ("Assistant Secretary of State for Population,
    Refugees, and Migration Anne C. Richard"), which the NER splits into a body and a person whose
    name starts with the list's last word: (the "for", where the name starts, where it ends).
    The name is the person entity's last two words, or three with a middle initial."""
    tits = reference.titles()
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        j = ent.start - 1
        while (
            j > 0
            and ent.start - j <= 14
            and (
                doc[j].text in (",", "and", "&") or (doc[j].is_alpha and doc[j].text[:1].isupper())
            )
        ):
            j -= 1
        title = doc[j - 1].text if j > 0 else ""
        if doc[j].lower_ != "for" or j == ent.start - 1 or not title[:1].isupper():
            continue
        if title.lower() not in tits and title.lower() != "state":
            continue
        name = 3 if len(ent) >= 3 and re.fullmatch(r"[A-Z]\.", doc[ent.end - 2].text) else 2
        out.append((j, ent.end - name, ent.end))
    return out


def _office_list_end(doc: Doc, s: int, e: int) -> int | None:
    """Where a person's name starts in an entity that ends an office's "for" list ("Migration Anne
    C. Richard" -> "Anne C. Richard"), or ``e`` for an entity inside the list ("State for
    Population, Refugees"); None for an entity in no such list."""
    for k, start, end in _office_lists(doc):
        if e == end and s < start:
            return start
        if s < start and e > k and e <= start + 1:
            return e
    return None


def _bodies_joined_by_and(doc: Doc) -> dict[int, Span]:
    """ "Ministry of Education and Training (MOET)", which the NER cuts at "and" into two bodies:
    the start of the first part -> the second part."""
    ents = list(doc.ents)
    return {
        a.start: b
        for a, b in zip(ents, ents[1:])
        if a.label_ == b.label_ == "ORG"
        and b.start == a.end + 1
        and doc[a.end].lower_ == "and"
        and any(t.lower_ in words("body_head") for t in a)
        and not any(t.lower_ in words("body_head") for t in b)
        and not b[0].text.isupper()  # not "... and MOET": a second body, by its acronym
    }


def _is_name_token(tok: Token) -> bool:
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and tok.is_alpha
        and tok.text.lower() not in reference.titles()
        and tok.text.lower() not in reference.demonym_index()
    )


def _body_of(doc: Doc, e: int) -> int:
    """The end of a body's name the NER cut at "of": "the U.S. Department" + "of the Treasury",
    "the Office" + "of the High Commissioner": a ``body_head`` followed by "of (the)" and
    capitalised words that name no place."""
    if doc[e - 1].lower_ not in words("body_head") or e + 1 >= len(doc) or doc[e].lower_ != "of":
        return e
    i = e + 1 + (doc[e + 1].lower_ == "the")
    j = i
    while j < len(doc) and doc[j].text[:1].isupper() and doc[j].pos_ in ("PROPN", "NOUN", "ADJ"):
        j += 1
    if j == i or geo.lookup(doc[i:j].text) is not None or reference.lexicon().get(doc[i:j].text):
        return e  # "the Ministry of Foreign Affairs of Iran": the state stays a mention of its own
    return j


def _repair_name(doc: Doc, s: int, e: int, label: str) -> tuple[int, int, str]:
    """Fix names the NER cut short ("Ursula von der" + "Leyen") or mislabelled after a title."""
    if label != "PERSON" and geo.lookup(doc[s:e].text) is not None:
        return s, e, label
    titled = bool(_title_before(doc, s)[0])
    if label != "PERSON" and not titled:
        return s, e, label
    while e < len(doc) and (
        _is_name_token(doc[e])
        or (
            doc[e].lower_ in words("name_particle")
            and e + 1 < len(doc)
            and doc[e + 1].text[:1].isupper()
        )
    ):
        if (
            doc[e].ent_type_
            and doc[e].ent_type_ != "PERSON"
            and geo.lookup(doc[e].text) is not None
        ):
            break
        e += 1
    while e > s and doc[e - 1].lower_ in words("name_particle"):
        e -= 1
    return s, e, "PERSON" if titled or label == "PERSON" else label


def _dedupe(cands: list[Cand]) -> list[Cand]:
    """Drop candidates swallowed by a repaired neighbour."""
    by_start = sorted(cands, key=lambda c: c.start)
    starts = [c.start for c in by_start]
    longest = max(
        (c.end - c.start for c in cands), default=0
    )  # one that swallows c starts this close
    out = []
    for c in cands:
        near = by_start[bisect_left(starts, c.start - longest) : bisect_right(starts, c.start)]
        if not any(
            o is not c
            and o.start <= c.start
            and c.end <= o.end
            and (o.end - o.start) > (c.end - c.start)
            for o in near
        ):
            out.append(c)
    return out


def select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates: longest first, reference before NER at equal length."""
    order = sorted(cands, key=lambda c: (-(c.end - c.start), c.source != "ref", c.start))
    occupied = bytearray(max((c.end for c in cands), default=0) + 1)
    taken: list[Cand] = []
    for c in order:
        if not any(occupied[c.start : c.end]):
            taken.append(c)
            occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
    return sorted(taken, key=lambda c: (c.start, c.end))


def is_metonymic(doc: Doc, tok_i: int) -> bool:
    """Does a place name at ``tok_i`` act as a government (subject, object, "ties with X")?"""
    tok = doc[tok_i]
    nxt = doc[tok_i + 1] if tok_i + 1 < len(doc) else None
    if (
        (tok.i == 0 or doc[tok.i - 1].is_space)
        and nxt is not None
        and nxt.text in ("—", "–", "-", ",", "(")
        and (tok.text.isupper() or nxt.text in ("—", "–"))
    ):
        return False  # a dateline ("KHARTOUM —"), not the government
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in METONYM_DEPS:
        return True
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ in METONYM_PREPS:
            return True
    return False


def _title_before(
    doc: Doc, start_tok: int
) -> tuple[list[tuple[int, str]], list[str], list[str], int]:
    """Titles, countries and organisations right before a name: "Belarusian President", "Iran's",
    "UN Secretary-General".

    Returns (titles as (rank, role), countries, organisation ids, index of the first such token).
    """
    tits = reference.titles()
    dem = reference.demonym_index()
    found: list[tuple[int, str]] = []
    countries: list[str] = []
    orgs_found: list[str] = []
    i = start_tok
    first = start_tok
    office_for = {start: k for k, start, _ in _office_lists(doc)}
    while i > 0:
        if i in office_for:  # "Assistant Secretary of State for Population, ..., and Migration X"
            i = first = office_for.pop(i)
            continue
        host = _envoy_host_before(doc, i, tits, dem)
        if host is not None:  # "U.S. Ambassador to Vietnam X": Vietnam hosts, it is not his
            i = first = host
            continue
        before = _title_words_before(doc, i, tits, dem, found, countries, orgs_found)
        if before is not None:
            i = first = before
            continue
        body = (
            _national_body_before(doc, i, dem) if found and doc[i - 1].ent_type_ == "ORG" else None
        )
        if body is not None:
            countries.append(body[0])
            i = first = body[1]
            continue
        service = _service_before(doc, i) if found else None
        if service is not None:  # "Air Force Chief of Staff X": the service is part of the title
            i = first = service
            continue
        if doc[i - 1].text in ("’s", "'s") and i - 2 >= 0 and doc[i - 2].text.lower() in dem:
            countries.append(dem[doc[i - 2].text.lower()])
            i -= 2
            first = i
            continue
        if doc[i - 1].lower_ in lexicon.words("name_premodifier"):
            i -= 1
            continue
        break
    return found, countries, orgs_found, first


def _envoy_host_before(
    doc: Doc, i: int, tits: dict[str, reference.Title], dem: dict[str, str]
) -> int | None:
    """ "to Vietnam" between an envoy's title and the name ending before token ``i`` ("Ambassador
    to Vietnam", "Special Envoy to the Sudan"): the index of "to", so that the walk goes on to the
    title and the sender ("U.S. Ambassador"), leaving the host out of the person's country."""
    for n in (3, 2, 1):
        span = doc[max(0, i - n) : i]
        if len(span) < n or span.text.lower() not in dem or not span[0].text[:1].isupper():
            continue
        j = i - n - (i - n > 0 and doc[i - n - 1].lower_ == "the")
        if j >= 2 and doc[j - 1].lower_ == "to" and doc[j - 2].text.lower() in tits:
            return j - 1
    return None


def _title_words_before(
    doc: Doc,
    i: int,
    tits: dict[str, reference.Title],
    dem: dict[str, str],
    found: list[tuple[int, str]],
    countries: list[str],
    orgs_found: list[str],
) -> int | None:
    """A title ("President"), a demonym ("Belarusian") or, after a title, an organisation ("UN")
    in the one to four tokens ending before token ``i``, longest first: adds it to ``found``,
    ``countries`` or ``orgs_found`` and returns the index of its first token (None if none)."""
    lex = reference.lexicon()
    for n in (4, 3, 2, 1):
        if i - n < 0:
            continue
        raw = nlp.span_text(doc, i - n, i)  # doc[i - n : i].text, without making the span
        text = raw.lower()
        if text in tits and all(
            t.is_alpha or t.text in (".", "-") or t.text.endswith(".") for t in doc[i - n : i]
        ):
            title = tits[text]
            i -= n
            if title.role:
                role, i = _with_modifiers(doc, i, title.role)
                found.append((title.rank, role))
            return i
        if text in dem and (raw[:1].isupper()):
            countries.append(dem[text])
            return i - n
        hit = lex.get(raw)
        if hit and hit[0] == "org" and found:
            orgs_found.append(hit[1])
            return i - n
    return None


def _service_before(doc: Doc, i: int) -> int | None:
    """The first token of an armed or civil service named (as an ORG entity) right before a title
    at token ``i`` ("Air Force Chief of Staff", "Navy Secretary": its head is an agent word), or
    of a city's office ("Caracas Metropolitan Mayor")."""
    if doc[i - 1].ent_type_ != "ORG":
        return None
    j = i - 1
    while j > 0 and doc[j].ent_iob_ != "B" and doc[j - 1].ent_type_ == "ORG":
        j -= 1
    if lexicon.agent_sector(doc[i - 1].lower_) or geo.lookup(doc[j].text) is not None:
        return j  # "Caracas Metropolitan Mayor X": a city's office
    return None


def _titles_after(doc: Doc, e: int) -> range:
    """The tokens of a title set off after a name ending at token ``e`` ("Antony J. Blinken,
    Secretary of State"), longest first; empty when none."""
    tits = reference.titles()
    if e >= len(doc) or doc[e].text != ",":
        return range(0)
    for k in (4, 3, 2, 1):
        if e + 1 + k <= len(doc) and doc[e + 1 : e + 1 + k].text.lower() in tits:
            return range(e + 1, e + 1 + k)
    return range(0)


def _national_body_before(doc: Doc, i: int, dem: dict[str, str]) -> tuple[str, int] | None:
    """ "Japanese National Security Secretariat Secretary General X": the country of a national
    body named (as one ORG entity) right before token ``i``, and the body's first token."""
    j = i - 1
    while j > 0 and doc[j - 1].ent_type_ == "ORG" and doc[j].ent_iob_ != "B":
        j -= 1
    inside = [
        dem[t.text.lower()] for t in doc[j:i] if t.text.lower() in dem and t.text[:1].isupper()
    ]
    return (inside[0], j) if inside else None


def _with_modifiers(doc: Doc, i: int, role: str) -> tuple[str, int]:
    """ "Principal Deputy Spokesperson": capitalised title modifiers before a title (token ``i``
    is the title's first) join the role; returns the role and the new first token."""
    while i > 0 and doc[i - 1].lower_ in words("title_modifier") and doc[i - 1].text[:1].isupper():
        role = f"{doc[i - 1].text} {role}"
        i -= 1
    return role, i


def _descriptor_np(doc: Doc, end_tok: int) -> tuple[list[tuple[int, str]], list[str]] | None:
    """The noun phrase ending at ``end_tok`` if it describes an office: "Iran's leader", "his
    Iranian counterpart"."""
    head = doc[end_tok]
    if head.pos_ not in ("NOUN", "PROPN") or head.lower_ not in words("generic_head") | set(
        reference.titles()
    ):
        return None
    return _describe(doc, head)


def _describe(doc: Doc, head: Token) -> tuple[list[tuple[int, str]], list[str]]:
    tits = reference.titles()
    dem = reference.demonym_index()
    titles: list[tuple[int, str]] = []
    countries: list[str] = []
    t = tits.get(head.lower_)
    compound = " ".join(c.lower_ for c in head.lefts if c.dep_ == "compound") + " " + head.lower_
    t2 = tits.get(compound.strip())
    # the longest title the phrase ends with, as written ("the UN secretary-general")
    end = head.i + 3 if head.i + 2 < len(doc) and doc[head.i + 1].tag_ == "HYPH" else head.i + 1
    t3 = next(
        (
            tits[w]
            for k in range(head.left_edge.i, head.i + (end > head.i + 1))
            for w in [doc[k:end].text.lower()]
            if w in tits and tits[w].role
        ),
        None,
    )
    t4 = next(  # "Antony J. Blinken, Secretary of State": a title that runs on after the head
        (
            tits[w]
            for k in (3, 2)
            if head.i + k < len(doc)
            for w in [doc[head.i : head.i + k + 1].text.lower()]
            if w in tits and tits[w].role
        ),
        None,
    )
    if t4 is not None and t3 is None:
        titles.append((t4.rank, t4.role))
    elif t3 is not None:
        titles.append((t3.rank, t3.role))
    elif t2 and t2.role:
        titles.append((t2.rank, t2.role))
    elif t and t.role:
        titles.append((t.rank, t.role))
    for c in head.children:
        if (
            c.i < head.i
            and c.text.lower() in dem
            and c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod")
        ):
            countries.append(dem[c.text.lower()])
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.text.lower() in dem:
                    countries.append(dem[p.text.lower()])
                elif p.dep_ == "pobj":  # "Administrator of the U.S. Agency for ...": its state
                    countries += [
                        dem[q.text.lower()]
                        for q in p.subtree
                        if q.i < p.i
                        and q.dep_ in ("compound", "amod", "nmod")
                        and q.text.lower() in dem
                    ][:1]
    return titles, countries


def _described_orgs(doc: Doc, head: Token) -> list[str]:
    """Bodies of the reference list named before a descriptor's head: "the UN secretary-general",
    "a NATO spokesman" (the person holds an office of that body)."""
    lex = reference.lexicon()
    return [
        hit[1]
        for c in head.lefts
        if c.dep_ in ("compound", "nmod", "amod", "poss")
        for hit in [lex.get(c.text)]
        if hit and hit[0] == "org"
    ]


def _strip_name(doc: Doc, s: int, e: int) -> tuple[int, int, list[tuple[int, str]]]:
    """Drop titles and honorifics inside a PERSON span; return the name tokens and those titles."""
    tits = reference.titles()
    found: list[tuple[int, str]] = []
    changed = True
    while changed and s < e - 1:
        changed = False
        if (
            doc[s].lower_ in words("title_modifier")
            and doc[s].text[:1].isupper()
            and s + 1 < e - 1
            and any(
                doc[s + 1 : s + 1 + n].text.lower() in tits
                or doc[s + 1].lower_ in words("title_modifier")
                for n in (3, 2, 1)
            )
        ):
            s += 1  # "Deputy" before "Foreign Minister X": part of the title
            changed = True
            continue
        for n in (3, 2, 1):
            if s + n < e and doc[s : s + n].text.lower() in tits:
                t = tits[doc[s : s + n].text.lower()]
                if t.role:
                    found.append((t.rank, t.role))
                s += n
                changed = True
                break
    return s, e, found


def _fold(word: str) -> str:
    """A spelling key for romanised names: accents folded, lower case, doubled letters single
    ("Qaddafi" -> "qadafi", "Zelenskyy" -> "zelensky")."""
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z]", "", ascii_word))


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Are two names spellings of one person's name? The actor dictionary's variants decide
    when it knows them ("Muammar Qadhafi" / "Muammar Gaddafi"); else the surnames must be close
    romanisations (rapidfuzz similarity of their spelling keys at least 80, five letters or more)
    and the first names, when both are given, must agree too ("Volodymyr Zelenskyy" / "Zelensky")."""
    from rapidfuzz import fuzz

    ea, eb = actordict.lookup(" ".join(a)), actordict.lookup(" ".join(b))
    if ea is not None and eb is not None and ea.kind == eb.kind == "person":
        return ea.actor == eb.actor
    la, lb = _fold(a[-1]), _fold(b[-1])
    if min(len(la), len(lb)) < 5 or fuzz.ratio(la, lb) < 80:
        return False
    if len(a) > 1 and len(b) > 1:
        fa, fb = _fold(a[0]), _fold(b[0])
        return fa[:1] == fb[:1] and (min(len(fa), len(fb)) <= 2 or fuzz.ratio(fa, fb) >= 75)
    return True


class _People:
    """People clustered by name in document order."""

    def __init__(self) -> None:
        self.people: list[Person] = []

    def find(self, tokens: tuple[str, ...]) -> Person | None:
        low = tuple(t.lower() for t in tokens)
        last = low[-1]
        best = None
        for p in self.people:
            plow = tuple(t.lower() for t in p.tokens)
            if plow[-1] == last and (set(low) <= set(plow) or set(plow) <= set(low)):
                best = p
            elif len(low) == 1 and last in plow:
                best = best or p
        return best or next((p for p in self.people if same_person(tokens, p.tokens)), None)

    def add(self, tokens: tuple[str, ...], pos: int, display: str = "") -> Person:
        p = self.find(tokens)
        if p is None:
            p = Person(tokens, pos, display)
            self.people.append(p)
        elif len(tokens) > len(p.tokens):
            p.tokens = tokens
            p.display = display
        return p

    def surnames(self) -> set[str]:
        return {w for p in self.people for w in p.tokens if w.lower() not in words("name_particle")}


def _relabel(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Correct NER labels by rule before actors are built:
    - "KHARTOUM —": an all-caps dateline is a place, whatever the NER says;
    - "Spokesperson Cale Brown" tagged ORG: a title then a name is a person;
    - "Foreign Minister" tagged ORG: a title on its own is no actor;
    - "the Safer oil tanker": a name modifying a common noun names a thing, not a person."""
    out = []
    for c in cands:
        if c.source != "ner":
            out.append(c)
            continue
        text = nlp.text(doc)[c.start : c.end]
        span = doc[c.tok_start : c.tok_end]
        if c.label == "PERSON" and text.isupper() and geo.lookup(text) is not None:
            c.label = "GPE"
        elif c.label == "PERSON" and text.endswith(" City") and geo.lookup(text) is not None:
            c.label = "GPE"  # "Ho Chi Minh City": a city the NER took for a person
        elif c.label == "PERSON" and _a_city_gone_to(span):
            c.label = "GPE"  # "withdrawn from Kherson", "deployed troops to Goma"
        elif c.label == "PERSON" and span[-1].lower_ in words("body_head"):
            continue  # "(National) Security Office" inside a title: a body's name cut short
        elif c.label in ("ORG", "FAC") and _a_landmark(span):
            continue  # "near the Ministry of Defense in Kabul": a building, where it happened
        elif c.label in ("ORG", "PERSON", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT") and span[
            -1
        ].lower_ in words("not_actor_head"):
            continue  # "the Inter-American Democratic Charter", "the Safer oil tanker": things, not actors
        if c.label == "ORG":
            _split_place_name(
                doc, c
            )  # "Ambassador to the Philippines Kristie A. Kenney" tagged ORG
        if c.label in ("ORG", "PERSON", "GPE", "NORP"):
            s, e, titles = _strip_name(doc, c.tok_start, c.tok_end)
            whole_title = _is_title(span)
            if whole_title:
                continue
            if (
                c.label == "ORG"
                and titles
                and s < e
                and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[s:e])
                and doc[e - 1].lower_ not in words("body_head")  # "National Security Office"
            ):
                c.label = "PERSON"
        if (
            c.label == "PERSON"
            and span.root.dep_ == "compound"
            and span.root.head.pos_ == "NOUN"
            and span.root.head.text.islower()
        ):
            continue
        if c.label == "ORG" and _names_a_kind_of_thing(span):
            continue  # "Rwandaphone communities": a word that describes, not a body that acts
        if c.label == "PERSON":
            _extend_left(doc, c)
            _extend_right(doc, c)
        out.append(c)
    return out


def _names_a_kind_of_thing(span: Span) -> bool:
    """A one-word "organisation" the reference list does not know, modifying a common noun that
    names no agent or only civilians ("Rwandaphone communities"; not "Hamas fighters")."""
    root, head = span.root, span.root.head
    return (
        len(span) == 1
        and root.dep_ in ("compound", "amod")
        and head.pos_ == "NOUN"
        and head.text.islower()
        and lexicon.agent_sector(head.lower_) in ("", "CVL")  # no "Hamas fighters"
        and reference.lexicon().get(span.text) is None
    )


def _split_place_name(doc: Doc, c: Cand) -> None:
    """ "Ambassador to the Philippines Kristie A. Kenney": the NER ran a country and the name after
    it into one organisation. After a title, a country followed by a personal name is a person."""
    span = doc[c.tok_start : c.tok_end]
    if not any(t.lower_ in reference.titles() for t in doc[max(0, c.tok_start - 4) : c.tok_start]):
        return
    dem = reference.demonym_index()
    for k in range(1, min(4, len(span))):
        if span[:k].text.lower().removeprefix("the ") in dem:
            rest = span[k:]
            if (
                2 <= len(rest) <= 4
                and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest)
                and rest[-1].lower_ not in words("body_head")  # "ROK National Security Office"
            ):
                c.label, c.tok_start, c.start = "PERSON", rest.start, rest.start_char
            return


def _extend_right(doc: Doc, c: Cand) -> None:
    """ "Principal Deputy Spokesperson Cale Brown" tagged "Principal": a span of title words only
    takes the title that follows and the capitalised name after it."""
    tits = reference.titles()
    if not all(
        t.lower_ in words("title_modifier") or t.lower_ in tits
        for t in doc[c.tok_start : c.tok_end]
    ):
        return
    i = c.tok_end
    while i < len(doc) and (doc[i].lower_ in words("title_modifier") or doc[i].lower_ in tits):
        i += 1
    j = i
    while (
        j < len(doc)
        and j - i < 4
        and doc[j].pos_ == "PROPN"
        and doc[j].text[:1].isupper()
        and doc[j].is_alpha
    ):
        j += 1
    if j > i:
        c.tok_end, c.end = j, doc[j - 1].idx + len(doc[j - 1].text)


def _extend_left(doc: Doc, c: Cand) -> None:
    """ "Secretary of State Antony J. Blinken" tagged "J. Blinken": take back the first name the
    NER left out (capitalised proper nouns before the span that are no title or place)."""
    if any(start == c.tok_start for _, start, _ in _office_lists(doc)):
        return  # "... and Migration Anne C. Richard": the word before ends the office's name
    tits = reference.titles()
    i = c.tok_start
    while i > 0 and c.tok_start - i < 2:
        t = doc[i - 1]
        if (
            not (t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha)
            or t.ent_type_ in ("GPE", "NORP", "LOC")
            or t.lower_ in tits
            or t.lower_ in words("title_modifier")
            or t.lower_ in reference.demonym_index()
            or any(i - n >= 0 and doc[i - n : i].text.lower() in tits for n in (2, 3, 4))
        ):
            break
        i -= 1
    if i < c.tok_start:
        c.tok_start, c.start = i, doc[i].idx


def _is_title(span: Span) -> bool:
    """Is the span nothing but a title ("Foreign Minister", "Deputy Press Secretary")?"""
    tits = reference.titles()
    toks = [t for t in span if t.lower_ not in ("the",)]
    while toks and toks[0].lower_ in words("title_modifier"):
        toks = toks[1:]
    return bool(toks) and " ".join(t.lower_ for t in toks) in tits


def _sentence_index(doc: Doc) -> list[int]:
    return nlp.sentence_starts(doc)


@dataclass
class _State:
    """What the actor passes build up, in one place: candidates, people, mentions (each with the
    person it names, if any), actors and places."""

    doc: Doc
    published: dt.date | None = None
    publisher: str = ""
    cands: list[Cand] = field(default_factory=list)
    people: _People = field(default_factory=_People)
    mentions: list[tuple[Mention, Person | None]] = field(default_factory=list)
    resolved: list[Mention] = field(default_factory=list)
    actors: dict[str, dict[str, str]] = field(default_factory=dict)
    places: dict[str, geo.Place] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)  # "MOET" -> the body it was given for

    def add_actor(self, actor_id: str, name: str, type_: str, country: str, role: str = "") -> str:
        self.actors.setdefault(
            actor_id,
            {"actor_id": actor_id, "name": name, "type": type_, "country": country, "role": role},
        )
        return actor_id

    def add_place(self, p: geo.Place | None) -> str:
        if p is None:
            return ""
        self.places.setdefault(p.place_id, p)
        return p.place_id

    def state(self, iso3: str) -> str:
        return self.add_actor(f"state:{iso3}", reference.country_name(iso3), "state", iso3)

    def mention(self, c: Cand, actor: str, place: str, how: str) -> None:
        self.mentions.append(
            (Mention(c.start, c.end, nlp.text(self.doc)[c.start : c.end], actor, place, how), None)
        )


def annotate(doc: Doc, published: dt.date | None = None, publisher: str = "") -> Annotation:
    """Actors, mentions and places of a parsed article; ``published`` dates the affiliations read
    from the actor dictionary; ``publisher`` is the ISO3 code of the government whose own
    statement the article is ("We condemn ..." in a State Department release is the United States).

    The work is a sequence of passes over one state (``PASSES``); a new rule goes in the pass
    that owns its kind of evidence."""
    st = _State(doc, published, publisher)
    for step in PASSES:
        step(st)
    return _tables(doc, st.resolved, st.actors, st.places)


def pass_candidates(st: _State) -> None:
    """Reference phrases and NER entities, merged, with NER labels corrected by rule."""
    st.cands = _relabel(st.doc, select(reference_candidates(st.doc) + ner_candidates(st.doc)))


def pass_people(st: _State) -> None:
    """People first, so that label errors ("Raisi" as GPE) can be corrected against them; the
    title words before names are remembered so "State" in "Secretary of State X" is no organisation."""
    doc = st.doc
    spans = [
        (c, *_strip_name(doc, c.tok_start, c.tok_end))
        for c in st.cands
        if c.source == "ner" and c.label == "PERSON"
    ]
    for _, s, e, _ in spans:
        tokens = tuple(t.text for t in doc[s:e] if t.text not in (".",))
        if len(tokens) > 1:
            st.people.add(tokens, doc[s].idx, doc[s:e].text)
    title_tokens: set[int] = set()
    for _, s, e, _ in spans:
        st.people.add(tuple(t.text for t in doc[s:e]), doc[s].idx, doc[s:e].text)
        title_tokens.update(range(_title_before(doc, s)[3], s))
        title_tokens.update(_titles_after(doc, e))
    st.cands = [
        c
        for c in st.cands
        if not (
            c.source == "ner"
            and c.label != "PERSON"
            and set(range(c.tok_start, c.tok_end)) <= title_tokens
        )
    ]


def _person_mention(st: _State, s: int, e: int, inner: list[tuple[int, str]], how: str) -> None:
    """A mention of a person, with the titles and countries the words around the name give."""
    doc = st.doc
    p = st.people.add(tuple(t.text for t in doc[s:e]), doc[s].idx, doc[s:e].text)
    titles, countries, orgs_before, first = _title_before(doc, s)
    p.orgs += orgs_before
    titles += inner
    root = doc[s:e].root  # apposition: "his Iranian counterpart, President X" / "Iran's leader, X"
    appos_head = root.head if root.dep_ == "appos" else None
    if appos_head is None and first >= 1 and s >= 2 and doc[first - 1].text == ",":
        np = _descriptor_np(doc, first - 2)
        if np:
            titles += np[0]
            countries += np[1]
    described = [appos_head] if appos_head is not None and appos_head.i < s else []
    described += [
        c for c in root.children if c.dep_ == "appos" and c.i > root.i
    ]  # "X, the Belarusian leader,"
    for head in described:
        t2, c2 = _describe(doc, head)
        titles += t2
        countries += c2
        p.orgs += _described_orgs(doc, head)
    p.titles += titles
    p.countries += countries
    end = doc[e - 1].idx + len(doc[e - 1].text)
    st.mentions.append((Mention(doc[s].idx, end, "", how=how if not titles else "title"), p))


def _demonym_in_context(doc: Doc, c: Cand, named: set[str]) -> str:
    """The state a shared demonym means here: "Congolese civilians" in an article that names the
    DRC (and not the Republic of the Congo) are the DRC's."""
    shared = reference.shared_demonyms().get(nlp.text(doc)[c.start : c.end], ())
    if c.key not in shared:
        return c.key
    here = [k for k in shared if k in named and k != c.key]
    return here[0] if len(here) == 1 and c.key not in named else c.key


def pass_reference(st: _State) -> None:
    """Reference phrases: states (names, aliases, demonyms), capitals (a government when they act),
    seats of power, organisations, regions."""
    orgs = reference.organizations()
    named = {
        c.key for c in st.cands if c.source == "ref" and c.label == "state" and c.how != "demonym"
    }
    for c in st.cands:
        if c.source != "ref":
            continue
        if c.label == "state":
            key = _demonym_in_context(st.doc, c, named)
            place = "" if c.how == "demonym" else st.add_place(geo.country_place(key))
            st.mention(c, st.state(key), place, c.how)
        elif c.label == "capital":
            place = st.add_place(
                geo.capital_place(c.key) or geo.city(nlp.text(st.doc)[c.start : c.end])
            )
            actor = st.state(c.key) if is_metonymic(st.doc, c.tok) else ""
            st.mention(c, actor, place, "metonym" if actor else "ner")
        elif c.label == "metonym":
            st.mention(c, st.state(c.key), "", "metonym")
        elif c.label == "org":
            o = orgs[c.key]
            st.add_actor(o.actor_id, o.name, o.type, o.country)
            st.mention(c, o.actor_id, "", c.how)
        elif c.label == "region":
            st.mention(c, "", st.add_place(geo.region_place(c.key)), "ner")


def pass_entities(st: _State) -> None:
    """NER entities: people, names the NER mislabelled, places (a capital acting is its state),
    organisations (a state's government is the state; the dictionary knows some), peoples."""
    known_names = st.people.surnames()
    for c in st.cands:
        if c.source != "ner":
            continue
        text = nlp.text(st.doc)[c.start : c.end]
        if c.label == "PERSON":
            s, e, inner = _strip_name(st.doc, c.tok_start, c.tok_end)
            _person_mention(st, s, e, inner, "ner")
        elif (
            c.label in ("GPE", "LOC", "ORG", "FAC")
            and (text in known_names or text.split()[-1] in known_names)
            and geo.lookup(text) is None
        ):
            _person_mention(st, c.tok_start, c.tok_end, [], "name")  # NER label error corrected
        elif c.label in ("GPE", "LOC"):
            _entity_place(st, c, text)
        elif (
            c.label == "ORG"
            and geo.lookup(text) is not None
            and getattr(actordict.lookup(text), "kind", "state") == "state"
        ):
            _entity_place(
                st, c, text
            )  # "Russia's shelling of Kharkiv": a city the NER took for a body
        elif c.label == "ORG":
            _entity_org(st, c, text)
        elif c.label == "NORP":
            _entity_people(st, c, text)


def _entity_place(st: _State, c: Cand, text: str) -> None:
    place = geo.lookup(text)
    if place is None:
        if _title_before(st.doc, c.tok_start)[0]:
            _person_mention(st, c.tok_start, c.tok_end, [], "name")
            return
        place = geo.Place(f"other:{config.slugify(text)}", text, "other", "", None, None)
    pid = st.add_place(place)
    actor = ""
    if place.kind == "city" and place.country and is_metonymic(st.doc, c.tok):
        cap = geo.capital_place(place.country)
        if cap and cap.place_id == place.place_id:
            actor = st.state(place.country)
    st.mention(c, actor, pid, "metonym" if actor else "ner")


def _entity_org(st: _State, c: Cand, text: str) -> None:
    doc, dem = st.doc, reference.demonym_index()
    if text in st.acronyms:  # "MOET" after "Ministry of Education and Training (MOET)"
        st.mention(c, st.acronyms[text], "", "ner")
        return
    if _members_of_a_body(st, c, text):
        return
    given = re.search(r"\s*\(([A-Z][A-Za-z]{1,9})\)?$", text)
    acronym = given.group(1) if given and given.start() > 0 else ""
    text = text[: given.start()] if acronym and given else text
    countries = _title_before(doc, c.tok_start)[1]
    inside = [
        dem[t.text.lower()]
        for t in doc[c.tok_start : c.tok_end]
        if t.text.lower() in dem and t.text[:1].isupper()
    ]
    country = (inside + countries + [""])[0]
    gov = _government_of(doc[c.tok_start : c.tok_end])
    if gov:  # "the United States Government", "the Colombian Government": the state
        st.mention(c, st.state(gov), "", "metonym")
        return
    entry = actordict.lookup(text) if not country else None
    if entry is not None and entry.kind == "organisation" and entry.country:
        country = entry.country  # "the FARC": the dictionary knows whose it is (COLREB)
    name = (
        text
        if inside or not country or entry is not None
        else f"{text} of {reference.country_name(country)}"
    )
    known = next(
        (
            a
            for a in st.actors.values()
            if a["type"] == "organization" and text.isupper() and _initials(a["name"]) == text
        ),
        None,
    ) or _known_by_acronym(st, text)  # "RSF" after "Rapid Support Forces"; "... (USAID)"
    aid = (
        known["actor_id"]
        if known
        else st.add_actor(f"org:{config.slugify(name)}", name, "organization", country)
    )
    if entry is not None and (entry.country or "") == country and not st.actors[aid].get("code"):
        st.actors[aid]["code"] = _iso_prefixed(entry)
    if acronym:
        st.acronyms.setdefault(acronym, aid)
    st.mention(c, aid, "", "ner")


def _known_by_acronym(st: _State, text: str) -> dict[str, str] | None:
    """A body the NER named with its acronym in parentheses ("U.S. Agency for International
    Development (USAID"): the body of the reference list that acronym names."""
    found = re.search(r"\(([A-Z][A-Za-z.]+)\)?$", text)
    hit = reference.lexicon().get(found.group(1)) if found else None
    if not hit or hit[0] != "org":
        return None
    o = reference.organizations()[hit[1]]
    st.add_actor(o.actor_id, o.name, o.type, o.country)
    return st.actors[o.actor_id]


def _a_city_gone_to(span: Span) -> bool:
    """A one-word "person" that is a city of the gazetteer, named as where one goes or comes
    from ("from Kherson", "to Goma"): the NER's mistake for a place."""
    root = span.root
    place = geo.lookup(span.text) if len(span) == 1 else None
    return (
        place is not None
        and place.kind == "city"
        and root.dep_ == "pobj"
        and root.head.lower_ in ("to", "from", "into", "toward", "towards")
    )


def _a_landmark(span: Span) -> bool:
    """Is a body's name used as a place ("near the Ministry of Defense", "outside the embassy")?"""
    return span.root.dep_ == "pobj" and span.root.head.lower_ in words("landmark_prep")


def _members_of_a_body(st: _State, c: Cand, text: str) -> bool:
    """ "Peace Corps Volunteers", "Hamas fighters" as one entity: the listed body's people, a
    group with the body's country, and a mention of the body itself."""
    doc = st.doc
    last = doc[c.tok_end - 1]
    hit = (
        reference.lexicon().get(doc[c.tok_start : c.tok_end - 1].text)
        if c.tok_end - c.tok_start > 1
        else None
    )
    if not hit or hit[0] != "org" or last.tag_ not in ("NNS", "NNPS"):
        return False  # the entity's last word, a plural, names the body's people
    o = reference.organizations()[hit[1]]
    st.add_actor(o.actor_id, o.name, o.type, o.country)
    gid = st.add_actor(f"group:{config.slugify(text)}", text, "group", o.country)
    st.mention(c, gid, "", "ner")
    body_end = doc[c.tok_end - 2].idx + len(doc[c.tok_end - 2].text)
    st.mentions.append(
        (Mention(c.start, body_end, doc.text[c.start : body_end], o.actor_id, "", "ner"), None)
    )
    return True


def _entity_people(st: _State, c: Cand, text: str) -> None:
    entry = actordict.lookup(text)
    if entry is not None and entry.kind == "organisation" and not entry.igo:
        aid = st.add_actor(f"org:{config.slugify(text)}", text, "organization", entry.country or "")
        st.actors[aid]["code"] = _iso_prefixed(entry)  # "the Taliban": a named armed group (AFGREB)
        st.mention(c, aid, "", "ner")
    elif st.doc[c.tok].tag_ == "NNPS" or text.endswith("s"):
        dem = reference.demonym_index()
        bare = text.lower().removeprefix("the ")
        country = dem.get(bare) or dem.get(bare[:-1]) or ""
        if country:  # "Palestinians", "Colombians": the people of a state, not its government
            st.mention(c, people_group(st.actors, country, PEOPLE_OF_STATE, "people"), "", "ner")
            return
        st.mention(c, st.add_actor(f"group:{config.slugify(text)}", text, "group", ""), "", "ner")


def pass_affiliations(st: _State) -> None:
    """Each person's country and role, from the best evidence (see ``_infer_affiliations``); then
    people become actors and every mention gets its text and actor."""
    _infer_affiliations(st.doc, st.people, st.mentions, st.actors, st.published, st.publisher)
    for p in st.people.people:
        role, country = p.role()
        st.add_actor(p.actor_id, p.name, "person", country, role)
        st.actors[p.actor_id].update(
            code=p.code, country_basis=p.basis if country or p.code else ""
        )
    for m, owner in st.mentions:
        if owner is not None:
            m.actor_id = owner.actor_id
        m.text = nlp.text(st.doc)[m.start : m.end]
        st.resolved.append(m)


def pass_references(st: _State) -> None:
    """Words that refer back: surnames the NER missed, descriptors ("the Belarusian leader",
    "the Secretary"), "the former/latter", subject pronouns, "the country", "the agency"."""
    st.resolved += surname_mentions(st.doc, st.resolved, st.people)
    st.resolved += descriptors(st.doc, st.resolved, st.actors)
    st.resolved += former_latter(st.doc, st.resolved)
    st.resolved += pronouns(st.doc, st.resolved, st.actors)
    leader_governments(st)
    st.resolved += country_anaphors(st.doc, st.resolved, st.actors)
    st.resolved += head_noun_anaphors(st.doc, st.resolved, st.actors)


def pass_groups(st: _State) -> None:
    """Agent groups ("Israeli troops": ISRMIL), "these individuals" and, in a government's
    statement, "we"."""
    groups = agent_groups(st.doc, st.resolved, st.actors, st.places, st.publisher)
    peoples = [  # a state's people or other group of people ("Syrian refugees"), not its forces
        (g.start, g.end) for g in groups if st.actors.get(g.actor_id, {}).get("type") == "group"
    ]
    st.resolved = [
        m
        for m in st.resolved
        if not (m.how == "demonym" and any(a <= m.start < b for a, b in peoples))
    ]
    st.resolved += (
        groups  # "the Syrian people" is one mention, of the people, not also one of the state
    )
    from . import groups as people_nouns

    states = _qualifying_states(st.resolved, st.places)
    st.resolved = people_nouns.ethnic_groups(st.doc, st.resolved, st.actors, states, st.publisher)
    st.resolved = people_nouns.conjoined_groups(st.doc, st.resolved, st.actors)
    st.resolved = people_nouns.repeated_groups(st.doc, st.resolved, st.actors)
    st.resolved += people_nouns.those_groups(st.doc, st.resolved, st.actors, states, st.publisher)
    st.resolved += people_nouns.collective_bodies(st.doc, st.resolved, st.actors)
    st.resolved += people_nouns.body_people(st.doc, st.resolved, st.actors)
    st.resolved += group_anaphors(st.doc, st.resolved, st.actors)
    if st.publisher:
        st.resolved += first_person(st.doc, st.publisher, st.actors)


#: The actor passes, in order.
def pass_short_names(st: _State) -> None:
    """A body named again by the last words of its name ("the U.S. Department of the Treasury"
    ... "Treasury's press release") is the same body, not a second one."""
    orgs = {a: v for a, v in st.actors.items() if v.get("type") == "organization"}
    first: dict[str, int] = {}
    for m in sorted(st.resolved, key=lambda m: m.start):
        first.setdefault(m.actor_id, m.start)
    merged: dict[str, str] = {}
    for a, v in orgs.items():
        short = v.get("name", "").lower().removeprefix("the ")
        longer = [
            b
            for b, w in orgs.items()
            if b != a
            and first.get(b, 1 << 30) < first.get(a, -1)
            and re.search(rf"\bof (the )?{re.escape(short)}$", w.get("name", "").lower())
        ]
        if short and len(longer) == 1:
            merged[a] = longer[0]
    if merged:
        st.resolved = [replace(m, actor_id=merged.get(m.actor_id, m.actor_id)) for m in st.resolved]
        for a in merged:
            del st.actors[a]


PASSES = [
    pass_candidates,
    pass_people,
    pass_reference,
    pass_entities,
    pass_affiliations,
    pass_references,
    pass_groups,
    pass_short_names,
]


FIRST_PERSON_PLURAL = {"we", "us", "our", "ours"}


def first_person(doc: Doc, publisher: str, actors: dict[str, dict[str, str]]) -> list[Mention]:
    """ "We condemn", "our partners": in a government's own statement, the first person plural
    outside quotation marks is that government."""
    from .quotes import marked_spans

    spans, _ = marked_spans(nlp.text(doc))
    out = []
    for tok in nlp.tokens_in(doc, "LOWER", FIRST_PERSON_PLURAL):
        if tok.lower_ in FIRST_PERSON_PLURAL and not any(a <= tok.idx < b for a, b in spans):
            aid = f"state:{publisher}"
            actors.setdefault(
                aid,
                {
                    "actor_id": aid,
                    "name": reference.country_name(publisher),
                    "type": "state",
                    "country": publisher,
                    "role": "",
                },
            )
            out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, aid, "", "publisher"))
    return out


def _dictionary_entry(p: Person, on: dt.date | None) -> actordict.Entry | None:
    """The Phoenix dictionary's entry for a person named in the text, valid on ``on``: by full
    name or spelling variant, else by surname when one known person has it and the first names
    agree (an initial agrees with its name)."""
    entry = actordict.lookup(p.name, on)
    if entry is not None and entry.kind == "person":
        return entry
    if len(p.tokens) > 1 and entry is not None:
        return None
    found = [actordict.lookup(n, on) for n in actordict.by_surname(p.tokens[-1])]
    hits = [h for h in found if h is not None and h.kind == "person"]
    if len(p.tokens) > 1:
        first = p.tokens[0].rstrip(".").lower()
        hits = [
            h
            for h in hits
            if h.actor.split()[0].lower().startswith(first[:1])
            and (len(first) == 1 or h.actor.split()[0].lower()[:3] == first[:3])
        ]
    return hits[0] if len({h.code for h in hits}) == 1 else None


def _infer_affiliations(
    doc: Doc,
    people: _People,
    mentions: list[tuple[Mention, Person | None]],
    actors: dict[str, dict[str, str]],
    published: dt.date | None = None,
    publisher: str = "",
) -> None:
    """The country (or international body) of each person, from the best evidence there is, the
    basis recorded: the text around the name ("Belarusian President X"); else the actor dictionary,
    valid on the publication date; else a title only one state uses ("Secretary of State"); else
    the state of someone the person is listed with ("Malian Defense Minister X, Air Force Chief Y");
    else the nearest state in the sentence; else, for a titled official in a government's own
    statement, that government; else, last, the nearest state or body in the sentence before."""
    for p in people.people:
        if p.countries or p.orgs:
            p.basis = p.basis or "text"
    for p in people.people:
        if (
            p.countries
            or p.orgs
            or _from_dictionary(p, published)
            or _from_title(p)
            or _from_coordination(doc, p, mentions)
        ):
            continue
        if p.titles and publisher and not p.international:
            if _an_envoy(p) or not _from_proximity(
                doc, p, mentions, actors, same_sentence_only=True
            ):  # an envoy is posted abroad: the state named beside him is his host
                p.countries.append(publisher)
                p.basis = "publisher: an unqualified title in a government's own statement"
        else:
            _from_proximity(doc, p, mentions, actors)


def _an_envoy(p: Person) -> bool:
    """Whether the person's title is a diplomat's posted abroad ("Ambassador", "Special Envoy")."""
    return any(role.lower() in words("envoy_title") for _rank, role in p.titles)


def _from_dictionary(p: Person, published: dt.date | None) -> bool:
    entry = _dictionary_entry(p, published)
    if entry is not None and p.titles and entry.igo != p.international:
        return False  # the text's title contradicts the (2014-2016) dictionary: the text wins
    if entry is None or not (entry.country or entry.igo):
        return False
    if entry.country:
        p.countries.append(entry.country)
    p.code, p.basis = entry.code, "dictionary"
    return True


def _from_title(p: Person) -> bool:
    by_title = {t.role: t.country for t in reference.titles().values() if t.country}
    owner = next((o for _, r in sorted(p.titles) if (o := _title_owner(r, by_title))), "")
    if owner:  # "Secretary of State X": a title only one state's government uses
        p.countries.append(owner)
        p.basis = "title: an office only one state has"
    return bool(owner)


def _title_owner(role: str, by_title: dict[str, str]) -> str:
    """The one state whose office the role is, read with or without its leading modifiers
    ("Assistant Secretary of State", "Deputy Foreign Secretary"); "" when none."""
    words_ = role.split()
    while words_:
        owner = by_title.get(" ".join(words_), "")
        if owner or words_[0].lower() not in words("title_modifier"):
            return owner
        words_ = words_[1:]
    return ""


def _from_coordination(doc: Doc, p: Person, mentions: list[tuple[Mention, Person | None]]) -> bool:
    """ "Malian Defense Minister X, Air Force Chief of Staff Y, and Deputy Chief Z": a person listed
    with (coordinated or in apposition to) someone whose country the text gives shares it."""
    roots: dict[int, Person] = {}
    for m, q in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if q is not None and span is not None:
            roots.setdefault(span.root.i, q)
    own = [i for i, q in roots.items() if q is p]
    for i in own[:1]:
        tok = doc[i]
        while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
            other = roots.get(tok.i)
            if other is not None and other is not p and other.countries and other.basis == "text":
                p.countries.append(other.countries[0])
                p.basis = "text: listed with someone of that state"
                return True
    return False


def _from_proximity(
    doc: Doc,
    p: Person,
    mentions: list[tuple[Mention, Person | None]],
    actors: dict[str, dict[str, str]],
    same_sentence_only: bool = False,
) -> bool:
    """The nearest state (or, for an international office, body) in the sentence of the person's
    first mention, else the one most named in the sentence before; demonyms that belong to another
    person's title ("Georgian Prime Minister Y") are not free to take."""
    own = [m for m, q in mentions if q is p]
    if not own:
        return False
    first = own[0]
    sents = nlp.sentences(doc)
    si = next(i for i, s in enumerate(sents) if s.start_char <= first.start < s.end_char)
    others = [m.start for m, q in mentions if q is not None and q is not p]
    for k in (si,) if same_sentence_only else (si, si - 1):
        if k < 0:
            continue
        lo, hi = sents[k].start_char, sents[k].end_char
        near = [
            (abs(m.start - first.start), m.actor_id)
            for m, q in mentions
            if q is None
            and m.actor_id
            and lo <= m.start < hi
            and _kind_fits(actors[m.actor_id]["type"], p.international)
            and not (m.how == "demonym" and any(0 < o - m.end <= 60 for o in others))
        ]
        if not near:
            continue
        if k == si:  # the same sentence: the nearest
            best = min(near)[1]
        else:  # the sentence before: the one most mentioned so far, then the earliest
            so_far = [m.actor_id for m, q in mentions if q is None and m.start < first.start]
            best = min(
                (-so_far.count(a), so_far.index(a) if a in so_far else 0, a) for _, a in near
            )[2]
        p.basis = "proximity: the nearest body or state in the text"
        if p.international:
            p.orgs.append(best)
        else:
            p.countries.append(best.split(":", 1)[1])
        return True
    return False


def _kind_fits(kind: str, international: bool) -> bool:
    return kind in ("organization", "bloc") if international else kind == "state"


def descriptors(
    doc: Doc, mentions: list[Mention], actors: dict[str, dict[str, str]]
) -> list[Mention]:
    """ "The Belarusian leader", "the Russian president": link to the one person who fits."""
    covered = [(m.start, m.end) for m in mentions if m.actor_id.startswith("person:")]
    heads = _descriptor_words()  # once, not per noun chunk
    out = []
    for chunk in doc.noun_chunks:
        if not _bare_descriptor(doc, chunk, covered, heads):
            continue
        person = _described_person(doc, chunk, actors, mentions)
        if person is not None:
            out.append(
                Mention(chunk.start_char, chunk.end_char, chunk.text, person, "", "descriptor")
            )
    return out


def _descriptor_words() -> tuple[frozenset[str], frozenset[str]]:
    """The heads of a descriptor (generic heads and one-word titles) and the words of titles."""
    return (
        words("generic_head") | {t for t in reference.titles() if " " not in t},
        words("title_modifier") | {w for t in reference.titles() for w in t.split()},
    )


def _bare_descriptor(
    doc: Doc,
    chunk: Span,
    covered: list[tuple[int, int]],
    heads: tuple[frozenset[str], frozenset[str]] | None = None,
) -> bool:
    """Is a noun chunk a lone description of someone ("the Belarusian leader"): a title or generic
    head, singular, naming nobody itself, not already a person's mention, not in apposition?
    (``heads``: ``_descriptor_words()``, made by the caller once for all chunks.)"""
    head = chunk.root
    head_words, title_words = heads if heads is not None else _descriptor_words()
    if head.lower_ not in head_words:
        return False
    if any(
        t.pos_ == "PROPN"
        and t.text.lower() not in reference.demonym_index()
        and t.i > head.i - 3
        and t.i != head.i
        and t.text.lower() not in title_words
        for t in chunk
    ):
        return False  # "Foreign Minister" is a title; "Foreign Minister Lavrov" names someone
    if head.tag_ in ("NNS", "NNPS") or any(
        s < chunk.end_char and chunk.start_char < e for s, e in covered
    ):
        return False
    if head.dep_ == "appos" or any(c.dep_ == "appos" for c in head.children):
        return False
    nxt = doc[chunk.end] if chunk.end < len(doc) else None
    return not (
        nxt is not None
        and nxt.text == ","
        and chunk.end + 1 < len(doc)
        and doc[chunk.end + 1].ent_type_ == "PERSON"
    )


def _described_person(
    doc: Doc, chunk: Span, actors: dict[str, dict[str, str]], mentions: list[Mention]
) -> str | None:
    """The one person a descriptor fits: of the country it names, holding the title it names (a
    "leader" any role); without a country, the person who holds the title (None if none fits)."""
    head = chunk.root
    titles, countries = _describe(doc, head)
    if not countries:
        return _titled_person(doc, chunk, titles, actors, mentions) or None
    fits = [a for a in actors.values() if a["type"] == "person" and a["country"] == countries[0]]
    if titles:
        role_word = titles[0][1].lower()
        exact = [a for a in fits if _holds_title(a["role"], role_word)]
        fits = exact or (
            [a for a in fits if a["role"]] if head.lower_ in words("leader_head") else exact
        )
    return fits[0]["actor_id"] if len(fits) == 1 else None


#: Sectors that stand for the state itself in this project's model ("Sudanese officials",
#: "the Iraqi government", "the Ukrainian people" are the state, as a bare nationality is the
#: country's code in CAMEO); other sectors are groups of their own.
STATE_SECTORS = {"GOV"}
#: "The Syrian people", "the people of Haiti", "Colombians": a state's people, not its government,
#: are a group of that state, with the Phoenix agents list's sector for "people" (``group:syr-ppl``,
#: ``SYRPPL``), so that "the US supports the Syrian people" is not read as support for its government.
PEOPLE_OF_STATE = "PPL"
#: Sectors of people (not of weapons or units) that make a group even when no state is named:
#: opposition, rebels, civilians, judiciary, media, labour, education, refugees, armed groups.
PEOPLE_SECTORS = {
    "OPP",
    "REB",
    "CVL",
    "JUD",
    "MED",
    "LAB",
    "EDU",
    "REF",
    "UAF",
    "HRI",
    "NGO",
    "RAD",
    "SPY",
    "CRM",
    "PTY",
}
#: Agent heads that never make a group on their own (people in general, not collectives).


def _agent_sector(tok: Token) -> str:
    """CAMEO sector of an agent noun ("troops" -> MIL, "rebels" -> REB, "officials" -> GOV)."""
    from . import actordict

    if (
        tok.pos_ not in ("NOUN", "PROPN")
        or tok.lower_ in words("not_group_head")
        or tok.dep_ == "compound"
        or tok.ent_type_ in ("PERSON", "ORG")
    ):
        return ""  # "President" in "Iranian President X" is a title, not a group
    compound = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i == tok.i - 1]
    if compound:  # "security forces" (COP) before "forces" (MIL)
        two = lexicon.agent_sector(f"{compound[0].lower_} {tok.lower_}")
        if two:
            return two
    return lexicon.agent_sector(tok.lower_) or actordict.agent(tok.lemma_.lower()) or ""


def agent_groups(
    doc: Doc,
    mentions: list[Mention],
    actors: dict[str, dict[str, str]],
    places: dict[str, geo.Place] | None = None,
    publisher: str = "",
) -> list[Mention]:
    """ "Israeli troops", "Serb forces", "Sudan's army", "the government of Iraq": an agent noun
    with a state's name or demonym becomes that state's group (``group:isr-mil``, code ``ISRMIL``),
    or the state itself when the sector is its government; "police dispersed protesters in
    Monrovia": people with no state of their own named belong to the one state their sentence
    names (not the publisher's, who speaks about them)."""
    states = _qualifying_states(mentions, places)
    taken = {
        (m.start, m.end) for m in mentions if m.actor_id and not m.actor_id.startswith("state:")
    }
    out = []
    for tok in nlp.tokens_in(doc, "POS", ("NOUN", "PROPN")):  # _agent_sector: no other has one
        sector = _agent_sector(tok)
        if not sector:
            continue
        if not _participant_slot(tok) and not (tok.dep_ == "poss" and sector == PEOPLE_OF_STATE):
            continue  # "the independence of Georgia's judiciary": named, but not acting or acted on
        if tok.lemma_.lower() in words("institution_noun") and _where(tok):
            continue  # "teach English at rural secondary schools in Hanoi": a place
        mod = _state_modifier(tok, states)
        if mod is None and sector in PEOPLE_SECTORS | {PEOPLE_OF_STATE}:
            mod = _state_where_they_act(tok, states)  # "thousands of people marched in Hong Kong"
        collective = tok.tag_ == "NN" and (
            (tok.i and bool(lexicon.agent_sector(f"{doc[tok.i - 1].lower_} {tok.lower_}")))
            or sector == "OPP"  # "the opposition": a collective on its own
        )
        if (
            mod is None
            and (tok.tag_ == "NNS" or collective)
            and sector in PEOPLE_SECTORS | DOMESTIC_SECTORS - STATE_SECTORS
            and _list_dep(tok) in ("nsubj", "nsubjpass", "dobj", "pobj")
        ):  # "protesters", "the opposition coalition", "lawyers and activists", "police"
            home = _home_state(tok, states, publisher)
            if home or sector in PEOPLE_SECTORS:  # police with no state named are no actor
                out += _unqualified_group(doc, tok, sector, actors, taken, home)
            continue
        if mod is None or tok.dep_ == "appos" or any(c.dep_ == "appos" for c in tok.children):
            continue  # "Iran's leader, Ayatollah X": the person, not a group
        if _title_of_a_person(tok, mentions, actors):
            continue
        group = _state_group(doc, tok, sector, mod, states, taken, actors)
        if group is not None:
            out.append(group)
    return out


def _qualifying_states(
    mentions: list[Mention], places: dict[str, geo.Place] | None
) -> list[Mention]:
    """The mentions that can make an agent noun a state's group: the states named (not by a
    pronoun: "its military"), and places in a state ("Darfur rebels", "Kabul residents")."""
    states = [m for m in mentions if m.actor_id.startswith("state:") and m.how != "pronoun"]
    for m in mentions:  # a place in a state qualifies like the state
        p = (places or {}).get(m.place_id)
        if (
            not m.actor_id
            and p is not None
            and p.country
            and p.kind in ("city", "region", "country")
        ):
            states.append(
                Mention(m.start, m.end, m.text, f"state:{p.country}", m.place_id, "place")
            )
    return states


def _title_of_a_person(
    tok: Token, mentions: list[Mention], actors: dict[str, dict[str, str]]
) -> bool:
    """A singular office noun whose phrase holds a person's name is that person's title, not a
    group: "United States Ambassador to the Philippines Kristie A. Kenney"."""
    if tok.tag_ not in ("NN", "NNP"):
        return False
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return any(
        lo <= m.start < hi
        and m.start > tok.idx
        and actors.get(m.actor_id, {}).get("type") == "person"
        for m in mentions
    )


def _state_group(
    doc: Doc,
    tok: Token,
    sector: str,
    mod: Mention,
    states: list[Mention],
    taken: set[tuple[int, int]],
    actors: dict[str, dict[str, str]],
) -> Mention | None:
    """The mention of an agent noun qualified by state ``mod`` ("Israeli troops"): the state's group
    of that sector, or the state itself for its government; None when a person's name follows
    ("Iran's leader, X") or the noun is already part of an actor's name ("the Assad regime")."""
    nxt = doc[tok.i + 1 : tok.i + 3]
    if len(nxt) == 2 and nxt[0].text == "," and nxt[1].ent_type_ == "PERSON":
        return None
    start = min(mod.start, tok.idx)
    end = max(mod.end, tok.idx + len(tok.text))
    if any(s <= tok.idx < e for s, e in taken) or any(m.start <= tok.idx < m.end for m in states):
        return None  # already part of an actor's name ("the Assad regime")
    iso3 = mod.actor_id.split(":", 1)[1]
    if sector in STATE_SECTORS:
        aid = mod.actor_id
    else:
        aid = people_group(
            actors, iso3, sector, tok.lemma_.lower() if tok.tag_ != "NNS" else tok.lower_
        )
    return Mention(start, end, nlp.text(doc)[start:end], aid, "", "agent")


def people_group(
    actors: dict[str, dict[str, str]], iso3: str, sector: str, noun: str, kind: str = ""
) -> str:
    """The id of a state's group of one sector ("group:isr-mil", code ``ISRMIL``), added if new;
    an organisation for a state's institutions unless ``kind`` says otherwise ("lawyers" are
    people of the judiciary's sector, not the courts)."""
    aid = f"group:{iso3.lower()}-{sector.lower()}"
    kind = kind or ("organization" if sector in INSTITUTION_SECTORS else "group")
    actors.setdefault(
        aid,
        {
            "actor_id": aid,
            "name": f"{reference.country_name(iso3)}: {noun}",
            "type": kind,
            "country": iso3,
            "role": "",
            "code": f"{iso3}{sector}",
        },
    )
    return aid


#: Sectors that are a state's institutions (its forces, police, courts, parliament, intelligence):
#: "Venezuelan security forces" is a national body, an organisation; "Syrian refugees" is a group.
INSTITUTION_SECTORS = {"MIL", "COP", "SPY", "JUD", "LEG"}
#: Sectors that act only at home, so "in <state>" says whose they are ("the authorities in Iran");
#: troops and spies "in Syria" may be anyone's.
DOMESTIC_SECTORS = {"GOV", "COP", "JUD", "LEG"}


def _state_where_they_act(tok: Token, states: list[Mention]) -> Mention | None:
    """The state of the place where people who are a verb's subject act: "Hundreds of thousands
    of people blocked streets in Hong Kong", "residents marched in Algiers"."""
    head = tok
    while head.dep_ == "pobj" and head.head.lower_ == "of" and _a_count(head.head.head):
        head = head.head.head  # "(hundreds of) thousands of people"
    verb: Token | None = None
    if head.dep_ == "nsubj" and head.head.pos_ == "VERB":
        verb = head.head
    elif head.dep_ == "ROOT":  # "Thousands of students protested": parsed as a noun and its acl
        verb = next(
            (c for c in head.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN")), None
        )
    if verb is None:
        return None
    places = [
        p
        for h in [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "blocked streets in X"
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    state = next((m for p in places for m in states if m.start <= p.idx < m.end), None)
    if state is None:
        return None
    end = tok.idx + len(tok.text)  # the mention is the people's own words, not the place's
    start = min([tok.idx] + [c.idx for c in tok.children if c.dep_ in ("amod", "compound")])
    return Mention(start, end, tok.doc.text[start:end], state.actor_id, "", state.how)


def _home_state(tok: Token, states: list[Mention], publisher: str) -> str:
    """The one state (ISO3) that a people noun's sentence names, by name, demonym or a place in it,
    other than the publisher's: "Liberian police dispersed demonstrators in Monrovia" (LBR); empty
    when it names several ("fighting between Azerbaijanis and Armenians"); when it names none, the
    state the article is about ("The opposition continues to grow stronger")."""
    sent = tok.sent
    lo, hi = sent.start_char, sent.end_char
    found = sorted(
        {
            m.actor_id.split(":", 1)[1]
            for m in states
            if lo <= m.start < hi
            and m.actor_id != f"state:{publisher}"
            and not _forces_abroad(tok.doc, m)
        }
    )
    if not found:
        return article_state(states, publisher)
    return found[0] if len(found) == 1 else ""


def _forces_abroad(doc: Doc, m: Mention) -> bool:
    """Does a state's name qualify forces that may act abroad ("Israeli troops", "Russian
    jets"), so that the people they act on need not be that state's?"""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in ("amod", "compound", "poss", "nmod"):
        return False
    sector = _agent_sector(span.root.head)
    return bool(sector) and sector not in DOMESTIC_SECTORS | STATE_SECTORS


def article_state(states: list[Mention], publisher: str) -> str:
    """The state an article is about: the one named most often, twice or more and more often than
    any other, leaving out the publisher's own."""
    counts = Counter(
        m.actor_id.split(":", 1)[1] for m in states if m.actor_id != f"state:{publisher}"
    )
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
        return ""
    return top[0][0]


def _a_count(tok: Token) -> bool:
    return tok.like_num or tok.tag_ == "CD" or tok.lower_ in words("amount_nouns")


def _unqualified_group(
    doc: Doc,
    tok: Token,
    sector: str,
    actors: dict[str, dict[str, str]],
    taken: set[tuple[int, int]],
    home: str = "",
) -> list[Mention]:
    """ "Protesters blocked the road", "police detained lawyers": a plural agent noun acting or acted
    on is a group of its own (``group:protesters``) when nothing names its state, or the group (the
    national body, for police or courts) of its sector of state ``home`` (``_home_state``)."""
    if any(s <= tok.idx < e for s, e in taken) or tok.lower_ in words("too_general_group"):
        return []
    if tok.i + 1 < len(doc) and doc[tok.i + 1].ent_type_ == "PERSON":
        return []  # "lawyers Li Yuhan and Yu Wensheng": a description of the people named
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if tok.dep_ in ("dobj", "dative", "pobj") and verb.lemma_.lower() in words("reporting"):
        return []  # "told reporters", "as reported by news agencies": who tells or hears, not an actor
    mods = [
        c
        for c in tok.children
        if c.dep_ in ("amod", "compound") and c.i < tok.i and c.pos_ in ("ADJ", "NOUN")
    ]
    start = min([tok.i] + [c.i for c in mods])
    span = doc[start : tok.i + 1]
    if home:  # "lawyers" are people of the judiciary's sector; "police" the state's body
        kind = "group" if sector in PEOPLE_SECTORS else ""
        aid = people_group(actors, home, sector, tok.lower_, kind)
        return [Mention(span.start_char, span.end_char, span.text, aid, "", "agent")]
    aid = f"group:{config.slugify(span.text)}"
    actors.setdefault(
        aid,
        {
            "actor_id": aid,
            "name": span.text,
            "type": "group",
            "country": "",
            "role": "",
            "code": "",
        },
    )
    return [Mention(span.start_char, span.end_char, span.text, aid, "", "agent")]


def _list_dep(tok: Token) -> str:
    """The dependency of a noun, or of the first noun of the list of people it ends ("lawyers
    and activists"; not "in education, culture, media and tourism", a list of fields)."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first.dep_ if first is tok or _agent_sector(first) else tok.dep_


def _where(tok: Token) -> bool:
    """Is the noun the object of "at" or "in", where something happens?"""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("at", "in", "inside")


def _participant_slot(tok: Token) -> bool:
    """Is a noun where an event's participants stand: a subject, an object, the object of a
    verb's preposition ("sanctions on", "talks with", "by"), or coordinated with one?"""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "appos", "ROOT"):
        return True
    if tok.dep_ == "pobj":
        prep = tok.head
        if (
            prep.lower_ == "of"
        ):  # "the targeting of lawyers", "the detention of activists": done to them
            amount = prep.head
            if (
                amount.like_num
                or amount.tag_ == "CD"
                or amount.lower_
                in words("amount_nouns") | words("member_nouns") | words("agency_noun")
            ):
                return _participant_slot(
                    amount
                )  # "arrested dozens of students", "leaders of the coalition", "at the hands of"
            return (amount.pos_ == "NOUN" or amount.tag_ == "VBG") and _names_an_act(amount)
        return prep.head.pos_ in ("VERB", "AUX", "NOUN") or prep.dep_ == "agent"
    return False


#: Public for the group rules (``helpers.groups``): is a noun where an event's participants stand?
participant_slot = _participant_slot


def _names_an_act(noun: Token) -> bool:
    """Is a noun the name of an act a CAMEO verb codes ("targeting", "detention", "expulsion")?"""
    from . import cameo

    lemma = noun.lemma_.lower()
    if noun.tag_ == "VBG" or (lemma.endswith("ing") and cameo.is_verb(noun.lower_[:-3])):
        return True
    return any(cameo.is_verb(v) for v in lexicon.verb_candidates(lemma) if v != lemma)


def _state_modifier(tok: Token, states: list[Mention]) -> Mention | None:
    """The state mention that qualifies an agent noun: a demonym or name before it in its phrase
    ("Israeli troops", "Sudan's army") or an "of" phrase after it ("the government of Iraq")."""
    left = [
        c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < tok.i
    ]
    left += [  # "Vietnamese-led forces", "Saudi-led coalition": the leader's
        g for c in left if c.lower_ == "led" for g in c.children if g.dep_ == "npadvmod"
    ]
    left += [  # "Turkish Kurd refugees": the demonym of the compound before the noun
        g
        for c in left
        if c.dep_ == "compound"
        for g in c.children
        if g.dep_ in ("amod", "compound") and g.i < c.i
    ]
    right = [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    sector = _agent_sector(tok)
    if (
        sector in DOMESTIC_SECTORS | PEOPLE_SECTORS
    ):  # "authorities in the PRC", "demonstrators in Baghdad" (not "troops in")
        preps = ("in", "from") if sector in PEOPLE_SECTORS else ("in",)  # "refugees from Syria"
        right += [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children
            if p.dep_ == "pobj"
        ]
    for c in left + right:
        for m in states:
            if m.start <= c.idx < m.end:
                return m
    return None


def _government_of(span: Span) -> str:
    """The state whose government an organisation's name is: a state's name or demonym plus a
    word for its government ("United States Government", "Colombian Government")."""
    words_ = [t for t in span if t.lower_ != "the"]
    govt = words("government_noun")
    if (
        len(words_) >= 3 and words_[0].lower_ in govt and words_[1].lower_ == "of"
    ):  # "Government of Rwanda"
        return reference.demonym_index().get(" ".join(t.text.lower() for t in words_[2:]), "")
    if len(words_) < 2 or words_[-1].lower_ not in govt:
        return ""
    return reference.demonym_index().get(" ".join(t.text.lower() for t in words_[:-1]), "")


def _holds_title(role: str, title: str) -> bool:
    """Does a role ("Foreign Minister of Russia") carry a title ("minister", "foreign minister")?"""
    base = role.lower().split(" of ")[0]
    return base == title or base.endswith(" " + title) or role.lower().startswith(title)


def _titled_person(
    doc: Doc,
    chunk: Span,
    titles: list[tuple[int, str]],
    actors: dict[str, dict[str, str]],
    mentions: list[Mention],
) -> str:
    """ "The Secretary", "the Foreign Minister": a definite title with no country names the person
    the text gave that title (the most recently named one when several have it)."""
    if not titles or chunk[0].lower_ != "the" or len(chunk) > 4:
        return ""
    title = titles[0][1].lower()
    fits = {
        aid
        for aid, a in actors.items()
        if a["type"] == "person" and a.get("role") and _holds_title(a["role"], title)
    }
    before = [m for m in mentions if m.actor_id in fits and m.start < chunk.start_char]
    if not before:
        return ""
    return max(before, key=lambda m: m.start).actor_id


def surname_mentions(doc: Doc, mentions: list[Mention], people: _People) -> list[Mention]:
    """ "Natsios said" where the NER tagged nothing: a capitalised proper noun that is the surname of
    a person the text has named is that person."""
    covered = [(m.start, m.end) for m in mentions]
    by_surname: dict[str, list[Person]] = {}
    for p in people.people:
        if len(p.tokens) > 1:
            by_surname.setdefault(p.tokens[-1], []).append(p)
    out = []
    for tok in nlp.tokens_in(doc, "ORTH", by_surname):
        people_ = by_surname.get(tok.text, [])
        if len(people_) != 1 or tok.pos_ != "PROPN" or any(a <= tok.idx < b for a, b in covered):
            continue
        out.append(
            Mention(tok.idx, tok.idx + len(tok.text), tok.text, people_[0].actor_id, "", "name")
        )
    return out


def leader_governments(st: _State) -> None:
    """ "The Biden administration", "the Assad regime", "Erdogan's government" (heads of the
    ``leader_government`` group named by a person): the state that person leads, as one mention
    that replaces the person's. The country is the text's for that person, else the actor
    dictionary's."""
    doc = st.doc
    for tok in nlp.tokens_in(doc, "LOWER", words("leader_government")):
        if tok.lower_ not in words("leader_government") or tok.pos_ != "NOUN":
            continue
        names = [c for c in tok.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
        if not names:
            continue
        first = min(names[0].left_edge.i, names[0].i)
        name = doc[first : names[-1].i + 1]
        inside = [
            m
            for m in st.resolved
            if name.start_char <= m.start < name.end_char
            and st.actors.get(m.actor_id, {}).get("type") == "person"
        ]
        country = st.actors[inside[0].actor_id]["country"] if inside else ""
        if not inside:  # "the Trump administration", which the NER may take for a body named Trump
            country = _leader_country(name.text.removesuffix("'s").removesuffix("’s"), st.published)
        if not country:
            continue
        det = [c for c in tok.children if c.dep_ == "det" and c.i < first]
        start, end = (det[0] if det else doc[first]).idx, tok.idx + len(tok.text)
        st.resolved = [m for m in st.resolved if not (start <= m.start < end)]
        st.resolved.append(
            Mention(start, end, nlp.text(doc)[start:end], st.state(country), "", "metonym")
        )


def _leader_country(name: str, on: dt.date | None) -> str:
    """The country the actor dictionary gives the people of that name or surname ("Biden",
    "Assad"), of most of those who held government office (a government is named after its head),
    else of most of them; "" when unknown or when they split evenly."""
    heads: list[str] = []
    anyone: list[str] = []
    for full in (name,) if " " in name else actordict.by_surname(name) or (name,):
        entry = (actordict.lookup(full, on) if on else None) or actordict.lookup(full)
        if entry is not None and entry.kind == "person" and entry.country:
            anyone.append(entry.country)
            if entry.sector == "GOV":
                heads.append(entry.country)
    for found in (heads, anyone):
        best = sorted(set(found), key=lambda c: (-found.count(c), c))
        if best and found.count(best[0]) * 2 > len(found):
            return best[0]
    return ""


def head_noun_anaphors(
    doc: Doc, mentions: list[Mention], actors: dict[str, dict[str, str]]
) -> list[Mention]:
    """ "Peace Corps Volunteers ... the volunteers", "the Revolutionary Guards ... the guards": a
    plural common noun that is the last word of a body's or group's name the text gave earlier
    refers to that body (the most recent one of that name), when nothing else claims the word."""
    heads: dict[str, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        kind = actors.get(m.actor_id, {}).get("type", "")
        words_ = m.text.split()
        if kind in ("organization", "group") and len(words_) > 1 and words_[-1][:1].isupper():
            heads.setdefault(words_[-1].lower(), []).append(m)
    taken = sorted((m.start, m.end) for m in mentions)
    out = []
    for tok in nlp.tokens_in(doc, "LOWER", heads):
        if tok.tag_ != "NNS" or not tok.text.islower() or tok.lower_ not in heads:
            continue
        if tok.lower_ in words("pair_noun") or any(s <= tok.idx < e for s, e in taken):
            continue  # "the two nations" is not the United Nations
        if any(
            c.dep_ in ("amod", "compound", "poss", "nmod") or c.lower_ == "of" for c in tok.children
        ):
            continue  # "Israeli forces", "forces of the regime": its own words say whose
        before = [m for m in heads[tok.lower_] if m.end <= tok.idx]
        if before:
            end = tok.idx + len(tok.text)
            out.append(Mention(tok.idx, end, tok.text, before[-1].actor_id, "", "anaphor"))
    return out


def country_anaphors(
    doc: Doc, mentions: list[Mention], actors: dict[str, dict[str, str]] | None = None
) -> list[Mention]:
    """Definite descriptions that refer back: "the country", "the government", "the regime" (words
    of the ``state_anaphor`` group): the state most recently named before it; "the agency", "the
    council", "the alliance" (``org_anaphor``): the organisation or bloc most recently named whose
    name has that word, else (generic words: "the agency", "the organization") the last one named.
    Within about a paragraph (600 characters), and not when the phrase says whose it is ("the
    government of Iraq", "the Venezuelan government", "the country's president")."""
    kinds = {a: v.get("type", "") for a, v in (actors or {}).items()}
    names = {a: v.get("name", "").lower() for a, v in (actors or {}).items()}
    named = sorted(
        (
            m
            for m in mentions
            if m.actor_id and (m.how not in ("pronoun", "demonym") or _names_a_state_body(doc, m))
        ),
        key=lambda m: m.start,
    )
    state_words, org_words = words("state_anaphor"), words("org_anaphor")
    anaphor_words = state_words | org_words  # once, not per token
    out = []
    for tok in nlp.tokens_in(doc, "LOWER", anaphor_words):
        low = tok.lower_
        if (
            low not in anaphor_words
            or tok.tag_ != "NN"
            or tok.i == 0
            or doc[tok.i - 1].lower_ != "the"
        ):
            continue
        if any(
            c.dep_ in ("amod", "compound", "poss", "nmod")
            or (c.dep_ == "prep" and c.lower_ == "of")
            for c in tok.children
        ):
            continue  # "the Venezuelan government", "the government of Iraq": its own words say whose
        start, end = doc[tok.i - 1].idx, tok.idx + len(tok.text)
        before = [m for m in named if m.end <= start and start - m.start < 600]
        if low in state_words:
            fits = [m for m in before if m.actor_id.startswith("state:")]
        else:
            orgs = [m for m in before if kinds.get(m.actor_id) in ("organization", "bloc")]
            fits = [m for m in orgs if low in names.get(m.actor_id, "").split()] or (
                orgs if low in words("generic_org_anaphor") else []
            )
        if fits:
            out.append(
                Mention(start, end, nlp.text(doc)[start:end], fits[-1].actor_id, "", "anaphor")
            )
    return out


def _names_a_state_body(doc: Doc, m: Mention) -> bool:
    """A demonym that names a state's government or parliament ("the Venezuelan government", "the
    Ukrainian parliament"): that state is the one "the country" can refer back to."""
    span = doc.char_span(m.start, m.end)
    if span is None or span.root.dep_ not in ("amod", "compound"):
        return False
    head = span.root.head.lemma_.lower()
    return head in words("government_noun") | words("state_anaphor") | words("legislature_noun")


def group_anaphors(
    doc: Doc, mentions: list[Mention], actors: dict[str, dict[str, str]]
) -> list[Mention]:
    """ "These individuals", "those people" (words of the ``group_anaphor`` group): the group named
    last, within about a paragraph."""
    groups = sorted(
        (m for m in mentions if actors.get(m.actor_id, {}).get("type") == "group"),
        key=lambda m: m.start,
    )
    out = []
    for tok in nlp.tokens_in(doc, "LOWER", words("group_anaphor")):
        if tok.lower_ not in words("group_anaphor") or tok.tag_ != "NNS" or not tok.i:
            continue
        if doc[tok.i - 1].lower_ in ("these", "those"):
            start = doc[tok.i - 1].idx
        elif _described_again(tok):
            start = min(c.idx for c in tok.children if c.dep_ == "amod")
        else:
            continue
        end = tok.idx + len(tok.text)
        before = [m for m in groups if m.end <= start and start - m.start < 600]
        if before:
            out.append(
                Mention(start, end, nlp.text(doc)[start:end], before[-1].actor_id, "", "anaphor")
            )
    return out


def _described_again(tok: Token) -> bool:
    """ "We will support brave individuals who seek reform": a word for people with a quality and
    a clause of its own, in a participant slot, describes the group just named."""
    return (
        any(c.dep_ == "amod" and c.i < tok.i for c in tok.children)
        and any(c.dep_ == "relcl" for c in tok.children)
        and _participant_slot(tok)
    )


def former_latter(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "the former" / "the latter": the first / second actor of the last pair "X and Y" before it."""
    out = []
    by_start = {m.start: m for m in mentions if m.actor_id and m.how != "demonym"}
    for tok in nlp.tokens_in(doc, "LOWER", ("former", "latter")):
        if tok.lower_ not in ("former", "latter") or tok.i == 0 or doc[tok.i - 1].lower_ != "the":
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("NOUN", "PROPN"):
            continue  # "the former president": a descriptor, not an anaphor
        pair = None
        for t in doc[max(0, tok.i - 60) : tok.i]:
            if t.dep_ == "conj" and t.idx in by_start and t.head.idx in by_start:
                pair = (by_start[t.head.idx], by_start[t.idx])
        if pair:
            ref = pair[0] if tok.lower_ == "former" else pair[1]
            start = doc[tok.i - 1].idx
            out.append(
                Mention(
                    start,
                    tok.idx + len(tok.text),
                    nlp.text(doc)[start : tok.idx + len(tok.text)],
                    ref.actor_id,
                    "",
                    "anaphor",
                )
            )
    return out


def pronouns(doc: Doc, mentions: list[Mention], actors: dict[str, dict[str, str]]) -> list[Mention]:
    """Subject pronouns ("he", "it") linked to the actor they most likely refer to."""
    ordered = sorted((m for m in mentions if m.actor_id), key=lambda m: m.start)
    starts = [m.start for m in ordered]
    out: list[Mention] = []
    for tok in nlp.tokens_in(doc, "LOWER", PERSON_PRONOUNS | THING_PRONOUNS | set(POSSESSIVES)):
        low = POSSESSIVES.get(tok.lower_, "") if tok.dep_ == "poss" else tok.lower_
        if low not in PERSON_PRONOUNS | THING_PRONOUNS or tok.dep_ not in (
            "nsubj",
            "nsubjpass",
            "poss",
        ):
            continue
        if low in THING_PRONOUNS and tok.dep_ == "nsubjpass":
            continue  # "it can be used": usually a situation, not an actor
        want_person = low in PERSON_PRONOUNS

        def fits(m: Mention, want_person: bool = want_person) -> bool:
            kind = actors[m.actor_id]["type"]
            return (
                (kind == "person")
                if want_person
                else (kind in ("state", "organization", "group", "bloc") and m.how != "demonym")
            )

        # cataphora: "While not denying it had supplied these, Iran rejects ..."
        sent = tok.sent
        target = None
        if any(a.dep_ == "advcl" for a in tok.ancestors):
            for m in ordered:
                if tok.idx < m.start < sent.end_char and fits(m):
                    span = doc.char_span(m.start, m.end, alignment_mode="expand")
                    if (
                        _is_subject(doc, m, loose=True)
                        and span is not None
                        and span.root.head == sent.root
                    ):
                        target = m
                        break
        if target is None:
            par_start = nlp.text(doc).rfind("\n\n", 0, tok.idx)
            prev_par = nlp.text(doc).rfind("\n\n", 0, max(par_start, 0))
            floor = prev_par if par_start > 0 else 0
            i = bisect_right(starts, tok.idx)
            cands = [m for m in ordered[:i] if m.start >= floor and fits(m)]
            same = [
                m
                for m in cands
                if m.start >= sent.start_char
                and (_is_subject(doc, m, loose=True) or _inside_subject(doc, m))
            ]
            subj = [m for m in cands if _is_subject(doc, m)]
            best = same or subj or cands
            target = best[-1] if best else None
        if target is not None:
            out.append(
                Mention(tok.idx, tok.idx + len(tok.text), tok.text, target.actor_id, "", "pronoun")
            )
    return out


def _initials(name: str) -> str:
    """ "Rapid Support Forces" -> "RSF" (function words skipped)."""
    return "".join(
        w[0] for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in ("of", "the", "and", "for")
    )


def _is_subject(doc: Doc, m: Mention, loose: bool = False) -> bool:
    """Is the mention a clause subject? ``loose`` also admits a fronted "Tehran—despite ..." (npadvmod)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    deps = ("nsubj", "nsubjpass", "npadvmod") if loose else ("nsubj", "nsubjpass")
    return span is not None and span.root.dep_ in deps


def _inside_subject(doc: Doc, m: Mention) -> bool:
    """Is the mention inside its clause's subject phrase, as a name the parser hung below the title
    that is the subject ("United States Ambassador to the Philippines Kristie A. Kenney stressed
    her support": Kenney, not the person of the sentence before)?"""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    tok = span.root if span is not None else None
    for _ in range(3):
        if tok is None or tok.dep_ not in ("pobj", "prep", "compound", "appos"):
            return False
        tok = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PROPN":
            return True
    return False


def _tables(
    doc: Doc,
    mentions: list[Mention],
    actors: dict[str, dict[str, str]],
    places: dict[str, geo.Place],
) -> Annotation:
    """The actors, mentions and places tables of one text."""
    rows = _mention_rows(doc, mentions)
    mdf = schemas.frame(rows, schemas.COLUMNS["mentions"])
    return Annotation(_actors_frame(rows, actors), mdf, _places_frame(rows, places))


def _mention_rows(doc: Doc, mentions: list[Mention]) -> list[dict[str, Any]]:
    """The mentions table's rows, in text order, numbered and placed in their sentences."""
    starts = _sentence_index(doc)
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    rows: list[dict[str, Any]] = []
    for i, m in enumerate(mentions, 1):
        rows.append(
            {
                "mention_id": f"m{i:04d}",
                "sentence_id": max(bisect_right(starts, m.start) - 1, 0),
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "actor_id": m.actor_id,
                "place_id": m.place_id,
                "how": m.how,
            }
        )
    return rows


def _actors_frame(rows: list[dict[str, Any]], actors: dict[str, dict[str, str]]) -> pd.DataFrame:
    """The actors table: every actor mentioned, with its count and code, in order of first mention."""
    counts = Counter(
        r["actor_id"] for r in rows
    )  # counted and first offsets over the rows, not the frame
    first: dict[str, int] = {}
    for r in rows:
        first.setdefault(r["actor_id"], r["start"])
    arows = []
    for aid, a in actors.items():
        if counts.get(aid, 0) == 0:
            continue
        arows.append(
            dict(
                a,
                mentions=int(counts.get(aid, 0)),
                code=actor_code(a),
                country_basis=a.get("country_basis", "text" if a["country"] else ""),
                _first=int(first.get(aid, 0)),
            )
        )
    arows.sort(
        key=lambda r: (r["_first"], r["actor_id"])
    )  # ids are unique: the order pandas' sort gave
    # the columns pick the fields of each row (its "_first" left out): no column to drop afterwards
    return schemas.frame(arows, schemas.COLUMNS["actors"] + ["country_basis"])


def _places_frame(rows: list[dict[str, Any]], places: dict[str, geo.Place]) -> pd.DataFrame:
    """The places table: every place, with its mention count, in order of first mention."""
    pcounts = Counter(r["place_id"] for r in rows)
    pfirst: dict[str, int] = {}
    for r in rows:
        pfirst.setdefault(r["place_id"], r["start"])
    prows = [
        {
            "place_id": p.place_id,
            "name": p.name,
            "kind": p.kind,
            "country": p.country,
            "lat": p.lat,
            "lon": p.lon,
            "mentions": int(pcounts.get(p.place_id, 0)),
            "geonameid": p.geonameid,
            "_first": int(pfirst.get(p.place_id, 0)),
        }
        for p in places.values()
    ]
    prows.sort(key=lambda r: (r["_first"], r["place_id"]))
    return schemas.frame(prows, schemas.COLUMNS["places"] + ["geonameid"])


def _sector(words_: str) -> str:
    """CAMEO sector of a role or a body's name: the longest agent phrase found at its end
    ("Deputy Foreign Minister" -> GOV, "Defence Ministry" -> GOV, "Army" -> MIL)."""
    toks = re.findall(r"[A-Za-z]+", words_.lower())
    for n in range(min(len(toks), 4), 0, -1):
        for i in range(len(toks) - n, -1, -1):
            sector = lexicon.agent_sector(" ".join(toks[i : i + n]))
            if sector:
                return sector
    return ""


def _iso_prefixed(entry: actordict.Entry) -> str:
    """The dictionary's code with the ISO3 country in front where CAMEO writes another country code
    (UNITA's ``ANGREB`` is ``AGOREB``)."""
    if entry.country and not entry.igo and entry.code[:3] != entry.country:
        return entry.country + entry.code[3:]
    return entry.code


def actor_code(a: dict[str, str]) -> str:
    """CAMEO-style actor code: the state's ISO3 for a state; country plus sector for people,
    national bodies and groups (``RUSGOV``, ``USAMIL``); the dictionary's ``IGO...`` code for
    international bodies. Text evidence for the country wins over the dictionary's code."""
    country, kind, code = a.get("country", ""), a["type"], a.get("code", "")
    if kind == "state":
        return country
    if code and (not country or code.startswith(country) or code.startswith("IGO")):
        return code
    if kind == "person" and not country and " of " in a.get("role", ""):
        body = actordict.lookup(a["role"].split(" of ", 1)[1].removeprefix("the "))
        return (
            body.code if body is not None and body.igo else ""
        )  # "Secretary-General of the UN": IGOUNO
    if kind == "person":
        return f"{country}{_sector(a.get('role', '').split(' of ')[0])}" if country else ""
    entry = actordict.lookup(a["name"]) if kind in ("organization", "bloc", "group") else None
    if entry is not None and (entry.igo and not country or (entry.country or "") == country):
        return _iso_prefixed(entry)
    if country:
        return f"{country}{_sector(a['name'])}"
    return "IGO" if kind == "organization" and a["actor_id"] in reference.organizations() else ""


def surface_forms(actors_df: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Every distinct way the text refers to each actor, with how it was resolved and how often."""
    m = mentions[mentions["actor_id"] != ""]
    if m.empty:
        return pd.DataFrame(columns=["actor", "form", "how", "count"])
    names = actors_df.set_index("actor_id")["name"]
    g = m.groupby(["actor_id", "text", "how"], sort=False).size().reset_index(name="count")
    g.insert(0, "actor", g["actor_id"].map(names))
    order = {a: i for i, a in enumerate(actors_df["actor_id"])}
    g["_o"] = g["actor_id"].map(order)
    g = g.sort_values(["_o", "count", "text"], ascending=[True, False, True])
    return (
        g.drop(columns=["_o", "actor_id"]).rename(columns={"text": "form"}).reset_index(drop=True)
    )


def open_questions(
    actors_df: pd.DataFrame, mentions: pd.DataFrame, places: pd.DataFrame
) -> list[str]:
    """What stayed ambiguous or unresolved, in sentences."""
    out = []
    r: Any
    for r in actors_df[(actors_df["type"] == "person") & (actors_df["country"] == "")].itertuples():
        out.append(
            f"{r.name}: no country could be read from the text"
            + (f" (role: {r.role})." if r.role else ".")
        )
    for r in actors_df[
        (actors_df["type"] == "organization") & (actors_df["country"] == "")
    ].itertuples():
        if r.actor_id not in reference.organizations():
            out.append(
                f"{r.name}: an organisation not in the reference list, with no country in the text."
            )
    for r in places[places["kind"] == "other"].itertuples():
        out.append(
            f"“{r.name}” looks like a place but is not in the gazetteer, so it has no coordinates."
        )
    pron = mentions[mentions["how"].isin(["pronoun", "descriptor", "anaphor"])]
    if len(pron):
        out.append(
            f"{len(pron)} pronouns, descriptors or anaphors were linked by rule; "
            "each is a guess worth checking in the highlighted text."
        )
    return out
