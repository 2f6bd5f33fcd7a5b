"""Key findings of an annotated article in plain sentences, read only from its tables."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from . import schemas

PAGE_LABELS = {
    "01_ingest": "1 · The article",
    "02_actors": "2 · Actors and places",
    "03_events": "3 · Events, dates, quotes",
    "04_maps": "4 · Maps",
    "05_charts": "5 · Charts",
    "06_evaluation": "6 · Evaluation",
    "07_corpus": "7 · Corpus",
}


def page_label(stem: str) -> str:
    """Navigation label of a notebook page."""
    return PAGE_LABELS.get(stem, stem.replace("_", " "))


def _table(directory: Path, name: str) -> pd.DataFrame | None:
    try:
        return schemas.read_table(directory, name)
    except (schemas.ContractError, FileNotFoundError):
        return None


def plural(n: int, word: str, many: str | None = None) -> str:
    """``"1 actor"``, ``"3 actors"``."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def findings(directory: str | Path) -> list[str]:
    """A handful of sentences a reader can take away, from whichever tables exist."""
    directory = Path(directory)
    out: list[str] = []
    sents = _table(directory, "sentences")
    if sents is not None:
        out.append(
            f"The article has {plural(len(sents), 'sentence')} in "
            f"{plural(sents['paragraph_id'].nunique(), 'paragraph')}."
        )
    actors = _table(directory, "actors")
    if actors is not None:
        if actors.empty:
            out.append("No actors were found.")
        else:
            top = actors.sort_values(["mentions", "actor_id"], ascending=[False, True]).head(3)
            names = ", ".join(f"{r.name} ({r.mentions})" for r in top.itertuples())
            kinds = actors["type"].value_counts().sort_index()
            out.append(
                f"It names {plural(len(actors), 'actor')} ("
                + ", ".join(f"{plural(int(v), str(k))}" for k, v in kinds.items())
                + f"); the most mentioned are {names}."
            )
    places = _table(directory, "places")
    if places is not None and len(places):
        out.append(
            f"It refers to {plural(len(places), 'place')}, "
            + ", ".join(
                places.sort_values(["mentions", "place_id"], ascending=[False, True])["name"].head(
                    5
                )
            )
            + (" among them." if len(places) > 5 else ".")
        )
    events = _table(directory, "events")
    if events is not None:
        if events.empty:
            out.append("No events between actors were coded.")
        else:
            kinds = events["type"].value_counts()
            coop = int((events["goldstein"] > 0).sum())
            conf = int((events["goldstein"] < 0).sum())
            out.append(
                f"{plural(len(events), 'event')} were coded ({coop} cooperative, {conf} conflictual); "
                f"the commonest kind is {kinds.index[0]} ({kinds.iloc[0]})."
            )
            dated = events[events["date"] != ""]
            if len(dated):
                out.append(f"Dated events run from {dated['date'].min()} to {dated['date'].max()}.")
    quotes = _table(directory, "quotes")
    if quotes is not None and len(quotes):
        speakers = quotes.loc[quotes["speaker"] != "", "speaker"].nunique()
        out.append(
            f"It quotes {plural(speakers, 'speaker')} in {plural(len(quotes), 'quotation')}."
        )
    return out


def index_body(directory: str | Path, pages: list[tuple[str, str]]) -> str:
    """The report's front page: title, metadata, findings and links, all escaped."""
    directory = Path(directory)
    try:
        meta = schemas.read_meta(directory)
    except schemas.ContractError:
        meta = {}
    e = html.escape
    rows = "".join(
        f"<tr><th>{e(k)}</th><td>{e(str(meta.get(k) or '—'))}</td></tr>"
        for k in (
            "title",
            "source",
            "url",
            "published",
            "published_basis",
            "sha256",
            "model",
            "created_with",
        )
        if k in meta
    )
    items = "".join(f"<li>{e(s)}</li>" for s in findings(directory))
    links = "".join(f'<li><a href="{e(h)}">{e(label)}</a></li>' for h, label in pages)
    return (
        f"<h1>{e(str(meta.get('title') or 'Article report'))}</h1>"
        f'<table class="dataframe">{rows}</table><h2>Key findings</h2><ul>{items}</ul>'
        f"<h2>Pages</h2><ol>{links}</ol>"
    )
