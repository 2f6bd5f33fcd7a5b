"""Reading a corpus: actors and events across articles, how a pair's relations move over time, and
the articles that disagree about the same event. Reads only the combined tables that
``helpers.corpus`` writes (``article`` column first), so it serves any corpus and hand-corrected
tables alike; it never calls an annotator.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from . import charts, reference

#: Categories that describe the same kind of happening, as the evaluation counts them.
FAMILIES = {
    "AGREE": "cooperation (verbal)",
    "SUPPORT": "cooperation (verbal)",
    "CONSULT": "consultation",
    "COOPERATE": "cooperation (material)",
    "AID": "cooperation (material)",
    "CONCEDE": "concession",
    "RETREAT": "concession",
    "REQUEST": "conflict (verbal)",
    "ACCUSE": "conflict (verbal)",
    "REJECT": "conflict (verbal)",
    "THREATEN": "conflict (verbal)",
    "PROTEST": "conflict (verbal)",
    "SANCTION": "conflict (material)",
    "COERCE": "conflict (material)",
    "MOBILIZE": "conflict (material)",
    "ASSAULT": "conflict (material)",
}


def actors_across(actors: pd.DataFrame) -> pd.DataFrame:
    """One row per actor over the corpus: its most frequent name, type, country and code, in how
    many articles it appears and how often it is mentioned in all; most widespread first."""
    if actors.empty:
        return pd.DataFrame(
            columns=["actor_id", "name", "type", "country", "code", "articles", "mentions"]
        )

    def most(s: pd.Series) -> str:
        counts = s[s != ""].value_counts()
        return (
            str(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]) if len(counts) else ""
        )

    df = actors.assign(mentions=pd.to_numeric(actors["mentions"]))
    out = (
        df.groupby("actor_id", sort=True)
        .agg(
            name=("name", most),
            type=("type", most),
            country=("country", most),
            code=("code", most),
            articles=("article", "nunique"),
            mentions=("mentions", "sum"),
        )
        .reset_index()
    )
    return out.sort_values(
        ["articles", "mentions", "actor_id"], ascending=[False, False, True], ignore_index=True
    )


def events_across(events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The corpus's events with an id unique over it (``article/event_id``), the article's
    publication date, and ``when``: the event's own date, else the publication date."""
    published = dict(zip(articles["article"], articles["published"]))
    out = events.assign(
        uid=events["article"] + "/" + events["event_id"],
        published=events["article"].map(published).fillna(""),
    )
    out["when"] = [d or p for d, p in zip(out["date"], out["published"])]
    out["goldstein"] = pd.to_numeric(out["goldstein"])
    return out


def _state_of(actors: pd.DataFrame) -> dict[str, str]:
    return {str(a): str(c) for a, c in zip(actors["actor_id"], actors["country"]) if c}


def pair_over_time(
    events: pd.DataFrame, actors: pd.DataFrame, a: str, b: str = "", freq: str = "year"
) -> pd.DataFrame:
    """Events between two states (ISO3 ``a`` and ``b``, either direction, their people and bodies
    rolled up to them; with no ``b``, between ``a`` and anyone else) per period of ``when`` (``year``
    or ``month``): how many, in how many articles, the Goldstein sum and mean, and the share that
    is cooperative. Events without any date are left out."""
    state = _state_of(actors)
    rows = []
    e: Any  # rows of validated tables: the schema types their fields
    for e in events[(events["target"] != "") & ~events["negated"]].itertuples():
        pair = [state.get(e.source, ""), state.get(e.target, "")]
        span = charts.span_of(e.when)
        wanted = set(pair) == {a, b} if b else (a in pair and pair[0] != pair[1])
        if not wanted or span is None:
            continue
        period = (
            f"{span[0].year:04d}" if freq == "year" or span[2] == "year" else f"{span[0]:%Y-%m}"
        )
        rows.append(
            {
                "period": period,
                "goldstein": float(e.goldstein),
                "cooperative": float(e.goldstein) > 0,
                "article": e.article,
            }
        )
    df = pd.DataFrame(rows, columns=["period", "goldstein", "cooperative", "article"])
    if df.empty:
        return pd.DataFrame(
            columns=[
                "period",
                "events",
                "articles",
                "sum_goldstein",
                "mean_goldstein",
                "cooperative_share",
            ]
        )
    out = (
        df.groupby("period", sort=True)
        .agg(
            events=("goldstein", "size"),
            articles=("article", "nunique"),
            sum_goldstein=("goldstein", "sum"),
            mean_goldstein=("goldstein", "mean"),
            cooperative_share=("cooperative", "mean"),
        )
        .reset_index()
    )
    return out.round({"sum_goldstein": 1, "mean_goldstein": 2, "cooperative_share": 2})


def busiest_pair(events: pd.DataFrame, actors: pd.DataFrame) -> tuple[str, str] | None:
    """The pair of states with the most events between them over the corpus (ties: alphabetical)."""
    state = _state_of(actors)
    counts: dict[tuple[str, str], int] = {}
    e: Any
    for e in events[events["target"] != ""].itertuples():
        a, b = state.get(e.source, ""), state.get(e.target, "")
        if a and b and a != b:
            key = (min(a, b), max(a, b))
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def disagreements(events: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Articles that disagree about the same happening: two articles with an event between the
    same two states (either direction) of the same family of categories whose dates differ (both
    given, to the day, within 30 days of each other), or on the same day but of families as far
    apart as cooperation and conflict."""
    state = _state_of(actors)
    ev = events[(events["target"] != "") & (events["date"].str.len() == 10)].copy()
    ev["pair"] = [
        " – ".join(sorted({state.get(s, s), state.get(t, t)}))
        for s, t in zip(ev["source"], ev["target"])
    ]
    ev["family"] = ev["type"].map(FAMILIES).fillna("")
    ev["day"] = pd.to_datetime(ev["date"])
    rows = []
    recs: list[Any] = list(ev.itertuples())
    for i, x in enumerate(recs):
        for y in recs[i + 1 :]:
            if x.article == y.article or x.pair != y.pair:
                continue
            gap = abs((x.day - y.day).days)
            if x.family == y.family and 0 < gap <= 30:
                what = f"dates differ by {gap} days"
            elif (
                gap == 0
                and x.family.split()[0] != y.family.split()[0]
                and "consultation" not in (x.family, y.family)
            ):
                what = f"{x.type} in one, {y.type} in the other"
            else:
                continue
            rows.append(
                {
                    "pair": x.pair,
                    "what": what,
                    "article_a": x.article,
                    "event_a": f"{x.type} {x.date}",
                    "article_b": y.article,
                    "event_b": f"{y.type} {y.date}",
                }
            )
    return pd.DataFrame(
        rows, columns=["pair", "what", "article_a", "event_a", "article_b", "event_b"]
    )


def country_label(iso3: str) -> str:
    """A state's display name."""
    return reference.country_name(iso3)
