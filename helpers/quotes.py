"""Quotations: marked ("…", “…”), partial quotations inside reported speech, and unmarked
first-person paragraphs that quote the last speaker; each attributed to an actor.

Apostrophes (’ in "Iran’s") are never quotation marks here, and an opening mark without a
closing one is skipped with a note instead of breaking the extractor.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from spacy.tokens import Doc, Span, Token

from . import nlp, schemas
from .lexicon import words

FIRST_PERSON = re.compile(r"^(I|We|My|Our|Us)\b")
_PAIRS = [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“")]


@dataclass
class Quote:
    start: int
    end: int
    marked: bool
    speaker: str = ""


def marked_spans(body: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Inner spans of quotations with marks, per paragraph; and notes on unbalanced marks."""
    spans: list[tuple[int, int]] = []
    notes: list[str] = []
    pos = 0
    for par in body.split("\n\n"):
        for open_mark, close_mark in _PAIRS:
            i = 0
            while True:
                a = par.find(open_mark, i)
                if a < 0:
                    break
                b = par.find(close_mark, a + 1)
                if b < 0:
                    notes.append(f"unclosed {open_mark} at character {pos + a}; skipped")
                    break
                if not any(s <= pos + a < e for s, e in spans):
                    spans.append((pos + a + 1, pos + b))
                i = b + 1
        pos += len(par) + 2
    return sorted(spans), notes


def trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Drop white space and a trailing comma from a quotation's inner span."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] == ","):
        end -= 1
    return start, end


def _mention_rows(mentions: pd.DataFrame) -> list[tuple]:
    """(start, end, actor_id) of every mention in table order, listed once per table (a boolean
    mask over the table for every token cost a millisecond); the table is kept with its list, so
    its id is not reused."""
    held = _ROWS.get(id(mentions))
    if held is None or held[0] is not mentions:
        _ROWS.clear()
        held = _ROWS[id(mentions)] = (
            mentions,
            list(
                zip(
                    schemas.column(mentions, "start"),
                    schemas.column(mentions, "end"),
                    schemas.column(mentions, "actor_id"),
                )
            ),
        )
    return held[1]


_ROWS: dict[int, tuple[pd.DataFrame, list[tuple]]] = {}


def _mention_at(mentions: pd.DataFrame, tok: Token) -> str:
    hits = [
        (end - start, actor)
        for start, end, actor in _mention_rows(mentions)
        if start <= tok.idx and end > tok.idx and actor != ""
    ]
    if not hits:
        return ""
    longest = max(n for n, _ in hits)
    actors = {actor for n, actor in hits if n == longest}
    if len(actors) == 1:  # else the order pandas' sort gives equal lengths decides, as below
        return str(actors.pop())
    hit = mentions[
        (mentions["start"] <= tok.idx) & (mentions["end"] > tok.idx) & (mentions["actor_id"] != "")
    ]
    if hit.empty:
        return ""
    # the longest mention covering the token (a descriptor over its demonym)
    hit = hit.assign(_len=hit["end"] - hit["start"]).sort_values("_len", ascending=False)
    return str(hit.iloc[0]["actor_id"])


def _person_in(subject: Token, mentions: pd.DataFrame) -> str:
    """A person named in a subject phrase ("U.S. Ambassador to Rwanda Stuart Symington"): the
    speaker is the person, not the state in the title."""
    lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
    hit = [
        actor
        for start, end, actor in _mention_rows(mentions)
        if start >= lo and end <= hi and isinstance(actor, str) and actor.startswith("person:")
    ]
    return str(hit[-1]) if hit else ""


@lru_cache(maxsize=1)
def _speech() -> frozenset[str]:
    """Verbs that attribute words to their subject: the speech list plus the reporting verbs."""
    return words("speech") | words("reporting")


def _subject_actor(tok: Token, mentions: pd.DataFrame) -> str:
    """The actor subject of a verb, or of the verb it depends on when it has none of its own
    ("went on to say", "..., remarking, “…”", "and added")."""
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return _person_in(child, mentions) or _mention_at(mentions, child)
        if tok.dep_ not in ("xcomp", "advcl", "conj", "pcomp") or tok.head.i == tok.i:
            return ""
        tok = tok.head if tok.head.pos_ != "ADP" else tok.head.head
    return ""


def _according_to(sent: Span, quote: Span, mentions: pd.DataFrame) -> str:
    """The actor of an "according to X" phrase in the quotation's sentence, outside the quotation."""
    for t in sent:
        if (
            t.lower_ == "according"
            and t.i + 1 < len(t.doc)
            and t.doc[t.i + 1].lower_ == "to"
            and not (quote.start <= t.i < quote.end)
        ):
            for p in t.doc[t.i + 1].children:
                if p.dep_ == "pobj":
                    actor = _mention_at(mentions, p)
                    if actor:
                        return actor
            nxt = t.doc[t.i + 2] if t.i + 2 < len(t.doc) else None
            if nxt is not None:
                return _mention_at(mentions, nxt)
    return ""


def speaker_for(doc: Doc, start: int, end: int, mentions: pd.DataFrame) -> str:
    """The actor a quotation is attributed to: the subject of the nearest governing verb that has an
    actor as subject (speech verbs first), looking up from the quote and then across its sentence."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return ""
    first = doc[span.start].sent
    if span.end > first.end:  # a quotation running over several sentences: its first one, then
        last = doc[span.end - 1].sent  # the one it ends in ("“… . …,” said X.")
        return _speaker_in(doc[span.start : first.end], mentions) or _speaker_in(
            doc[last.start : span.end], mentions
        )
    return _speaker_in(span, mentions)


def _speaker_in(span: Span, mentions: pd.DataFrame) -> str:
    """The speaker of a quotation within one sentence."""
    chain = [span.root, *span.root.ancestors][:12]
    source = _according_to(span.sent, span, mentions)
    if source:  # "According to X, “…”": the source named for the words
        return source
    for tok in (
        chain
    ):  # a speech verb above the quotation decides ("X warned that Y would not become “…”")
        if tok.lemma_ in _speech() and tok.pos_ in ("VERB", "AUX"):
            actor = _subject_actor(tok, mentions)
            if actor:
                return actor
    for tok in chain:  # else the nearest verb above it with an actor as subject
        if tok.pos_ in ("VERB", "AUX"):
            actor = _subject_actor(tok, mentions)
            if actor:
                return actor
    sent = span.sent
    for t in sent:  # "“…,” Scholz said." — a speech verb elsewhere in the sentence
        if t.lemma_ in _speech() and not (span.start <= t.i < span.end):
            actor = _subject_actor(t, mentions)
            if actor:
                return actor
    return ""


def _last_speaker(quotes: list[Quote], doc: Doc, before: int, mentions: pd.DataFrame) -> str:
    """The most recent speaker before ``before``: of a quotation or of a speech verb."""
    last: tuple[int, str] = (-1, "")
    for q in quotes:
        if q.start < before and q.speaker and q.start > last[0]:
            last = (q.start, q.speaker)
    said = _speech_acts(doc, mentions)
    i = bisect_left(said, (before, "")) - 1
    if i >= 0 and said[i][0] > last[0]:
        last = said[i]
    return last[1]


def _speech_acts(doc: Doc, mentions: pd.DataFrame) -> list[tuple[int, str]]:
    """(offset, speaker) of every speech verb whose subject is an actor, in order; found once per
    document and mention table."""
    cache = doc.user_data.setdefault("speech_acts", {})
    held = cache.get(id(mentions))
    if (
        held is None or held[0] is not mentions
    ):  # the table is kept with its list, so its id is not reused
        held = cache[id(mentions)] = (
            mentions,
            [
                (t.idx, a)
                for t in nlp.tokens_in(doc, "POS", ("VERB",))
                if t.lemma_ in _speech() and t.pos_ == "VERB"
                for a in [_subject_actor(t, mentions)]
                if a
            ],
        )
    return held[1]


def extract(doc: Doc, mentions: pd.DataFrame) -> tuple[list[Quote], list[str]]:
    """All quotations of the article with their speakers, in document order."""
    body = nlp.text(doc)
    quotes: list[Quote] = []
    spans, notes = marked_spans(body)
    for a, b in spans:
        a, b = trim(body, a, b)
        if b > a:
            speaker = speaker_for(doc, a, b, mentions)
            if not speaker and quotes and "\n\n" not in body[quotes[-1].end : a]:
                speaker = quotes[
                    -1
                ].speaker  # "“…,” X said. “…”": the same paragraph's speaker goes on
            quotes.append(Quote(a, b, True, speaker))
    pos = 0
    for par in body.split("\n\n"):  # unmarked first-person paragraphs quote the last speaker
        if FIRST_PERSON.match(par) and not any(m in par for m, _ in _PAIRS):
            speaker = _last_speaker(sorted(quotes, key=lambda q: q.start), doc, pos, mentions)
            quotes.append(Quote(pos, pos + len(par), False, speaker))
        pos += len(par) + 2
    return sorted(quotes, key=lambda q: q.start), notes


def table(doc: Doc, mentions: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """quotes.csv rows, and notes on anything skipped."""
    starts = nlp.sentence_starts(doc)
    quotes, notes = extract(doc, mentions)
    rows = [
        {
            "quote_id": f"q{i:03d}",
            "sentence_id": max(bisect_right(starts, q.start) - 1, 0),
            "speaker": q.speaker,
            "text": nlp.text(doc)[q.start : q.end],
            "start": q.start,
            "end": q.end,
            "marked": q.marked,
        }
        for i, q in enumerate(quotes, 1)
    ]
    return schemas.frame(rows, schemas.COLUMNS["quotes"]), notes
