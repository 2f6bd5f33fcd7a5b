"""Charts from the annotation tables: timeline, actor network, dyads, mentions and quotes.

Every function returns a plotly figure (or None when there is nothing to draw) whose title states
its finding. Layouts are deterministic (networkx with a fixed seed, rounded coordinates) so the
stored figures compare equal under strict nbval.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import textwrap
from typing import Any

import networkx as nx
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from dateutil.relativedelta import relativedelta
from plotly.colors import sample_colorscale

from . import reference

#: Goldstein colours from conflict (-10, red) through neutral grey to cooperation (+10, blue); no pale middle,
#: so mildly scored events stay visible on a light background.
GOLDSTEIN_SCALE = [
    [0.0, "#b2182b"],
    [0.25, "#ef8a62"],
    [0.5, "#8c8c8c"],
    [0.75, "#4393c3"],
    [1.0, "#2166ac"],
]
LAYOUT_SEED = 7
TYPE_COLOURS = {
    "person": "#1f77b4",
    "state": "#2ca02c",
    "organization": "#9467bd",
    "bloc": "#ff7f0e",
    "group": "#8c564b",
}


def span_of(value: str) -> tuple[dt.date, dt.date, str] | None:
    """(start, end, precision) of an ISO date, partial date or period: "2022" is the whole year."""
    if not value:
        return None
    if "/" in value:
        a, b = value.split("/")
        sa, sb = span_of(a), span_of(b)
        return (sa[0], sb[1], "period") if sa and sb else None
    parts = value.split("-")
    y = int(parts[0])
    if len(parts) == 1:
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    m = int(parts[1])
    if len(parts) == 2:
        start = dt.date(y, m, 1)
        return start, start + relativedelta(months=1, days=-1), "month"
    d = dt.date(y, m, int(parts[2]))
    return d, d, "day"


def implied_rows(events: pd.DataFrame, dates: pd.DataFrame, sentences: pd.DataFrame) -> list[dict]:
    """Earlier occurrences a duration implies: "a visit ..., his first in 17 years" dated 2023 puts the
    previous visit in 2006. Only for "first ... in N years" next to a dated event of the same sentence."""
    out = []
    sent = sentences.set_index("sentence_id")
    d: Any  # a table row; the schema types its fields
    for d in dates[
        (dates["kind"] == "duration") & dates["value"].str.fullmatch(r"P\d+Y")
    ].itertuples():
        if d.sentence_id not in sent.index:
            continue
        s: Any = sent.loc[d.sentence_id]
        before = s["text"][: max(0, int(d.start) - int(s["start"]))]
        if not re.search(r"\bfirst\b[^.;]{0,30}\b(in|for)\s*$", before):
            continue
        dated = events[(events["sentence_id"] == d.sentence_id) & (events["date"] != "")]
        if dated.empty:
            continue
        e: Any = dated.iloc[0]
        year = int(e["date"][:4]) - int(d.value[1:-1])
        out.append(
            {
                "start": dt.date(year, 1, 1),
                "end": dt.date(year, 12, 31),
                "precision": "year",
                "category": "IMPLIED",
                "label": f"earlier {e['type'].lower()} (implied)",
                "what": f"implied by “… {' '.join(before.split()[-4:])} {d.text}”",
                "sentence": s["text"],
                "date": f"{year:04d}",
                "negated": False,
            }
        )
    return out


#: The columns of ``timeline_rows``' table, in order.
TIMELINE_COLUMNS = [
    "start",
    "end",
    "precision",
    "category",
    "label",
    "what",
    "sentence",
    "date",
    "negated",
]


def timeline_rows(
    events: pd.DataFrame,
    dates: pd.DataFrame,
    actors: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Dated events, stated periods and (with ``sentences``) implied earlier occurrences, each with the
    span its precision allows."""
    rows = _event_rows(events, actors) + _period_rows(dates)
    if sentences is not None:
        rows += implied_rows(events, dates, sentences)
    df = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    return df.sort_values(["start", "end", "label"], kind="stable").reset_index(drop=True)


def _event_rows(events: pd.DataFrame, actors: pd.DataFrame) -> list[dict]:
    """Timeline rows of the dated events, each spanning what its date's precision allows."""
    names = dict(zip(actors["actor_id"], actors["name"]))
    rows = []
    e: Any  # a table row; the schema types its fields
    for e in events.itertuples():
        s = span_of(e.date)
        if not s:
            continue
        label = f"{names.get(e.source, e.source)} → {names.get(e.target, e.target) or '—'}"
        rows.append(
            {
                "start": s[0],
                "end": s[1],
                "precision": s[2],
                "category": e.type,
                "label": label,
                "what": f"{e.type.lower()}: {e.trigger}",
                "sentence": getattr(e, "sentence", e.trigger),
                "date": e.date,
                "negated": bool(e.negated),
            }
        )
    return rows


def _period_rows(dates: pd.DataFrame) -> list[dict]:
    """Timeline rows of the periods the text states ("from 2019 to 2021")."""
    rows = []
    d: Any  # a table row; the schema types its fields
    for d in dates[dates["kind"] == "period"].itertuples():
        s = span_of(d.value)
        if s:
            rows.append(
                {
                    "start": s[0],
                    "end": s[1],
                    "precision": "period",
                    "category": "PERIOD",
                    "label": f"period “{d.text}”",
                    "what": f"period {d.text}",
                    "sentence": d.text,
                    "date": d.value,
                    "negated": False,
                }
            )
    return rows


def hover_text(text: str, width: int = 80, lines: int = 6) -> str:
    """Escaped text wrapped into hover lines joined by <br> (plotly's line break)."""
    wrapped = textwrap.wrap(str(text), width=width, max_lines=lines, placeholder=" …")
    return "<br>".join(html.escape(x) for x in wrapped)


def timeline(
    events: pd.DataFrame,
    dates: pd.DataFrame,
    actors: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
) -> go.Figure | None:
    """Dated events over the article's whole span; a year is drawn as a year, a month as a month."""
    rows = timeline_rows(events, dates, actors, sentences)
    if rows.empty:
        return None
    rows = rows.assign(row=[f"{r.label} · {r.what}" for r in rows.itertuples()])
    fig = go.Figure()
    cats = sorted(rows["category"].unique())
    colours = dict(zip(cats, px.colors.qualitative.Bold + px.colors.qualitative.Pastel))
    for cat in cats:
        for trace in _category_traces(rows[rows["category"] == cat], cat, colours[cat]):
            fig.add_trace(trace)
    first, last = rows["start"].min(), rows["end"].max()
    fig.update_layout(
        title=f"From {first.year} to {last.year}: {len(rows)} dated events and periods",
        barmode="overlay",
        height=max(320, 120 + 24 * len(rows)),
        legend_title_text="category",
        xaxis=dict(
            type="date", title="date (bars span the precision given: a year, a month, a day)"
        ),
        yaxis=dict(autorange="reversed", title="", automargin=True),
        margin=dict(l=10, r=10, t=60, b=50),
    )
    return fig


#: Timeline marker symbols by the precision of a date.
PRECISION_SYMBOLS = {
    "day": "diamond",
    "month": "square",
    "year": "circle",
    "period": "line-ns-open",
}


def _category_traces(sub: pd.DataFrame, cat: str, colour: str) -> tuple[go.Bar, go.Scatter]:
    """One category's timeline traces: bars over each row's span and a marker at its middle."""
    rows: list[Any] = list(sub.itertuples())  # table rows; the columns type their fields
    hover = [
        f"<b>{html.escape(r.what)}</b> ({html.escape(r.date)}, {r.precision})<br>{hover_text(r.sentence)}"
        for r in rows
    ]
    widths = [((r.end - r.start).days + 1) * 86_400_000 for r in rows]
    bars = go.Bar(
        y=sub["row"],
        x=widths,
        base=[r.start.isoformat() for r in rows],
        orientation="h",
        name=cat,
        marker=dict(color=colour, line=dict(width=0)),
        hovertext=hover,
        hoverinfo="text",
        legendgroup=cat,
        width=0.6,
    )
    markers = go.Scatter(
        y=sub["row"],
        x=[(r.start + (r.end - r.start) / 2).isoformat() for r in rows],
        mode="markers",
        marker=dict(
            symbol=[PRECISION_SYMBOLS[p] for p in sub["precision"]],
            size=9,
            color=colour,
            line=dict(color="#333", width=1),
        ),
        hovertext=hover,
        hoverinfo="text",
        showlegend=False,
        legendgroup=cat,
    )
    return bars, markers


def network(actors: pd.DataFrame, events: pd.DataFrame) -> go.Figure | None:
    """Actors as nodes (size: mentions, colour: type); one arrow per directed pair of actors, its
    width the number of events, its colour their mean Goldstein score, its label their categories."""
    if actors.empty:
        return None
    g, ev = _actor_graph(actors, events)
    pos = _node_layout(g)
    fig = go.Figure()
    for trace in _node_traces(g, pos):
        fig.add_trace(trace)
    fig.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            showlegend=False,
            hoverinfo="skip",
            marker=goldstein_key("arrow: mean<br>Goldstein", length=0.5, y=0.25, thickness=12),
        )
    )
    _network_layout(fig, g, ev, pos)
    return fig


def goldstein_colour(score: float) -> str:
    """The colour of a Goldstein score (-10 conflict .. +10 cooperation) on ``GOLDSTEIN_SCALE``."""
    return sample_colorscale(GOLDSTEIN_SCALE, [(score + 10) / 20])[0]


def goldstein_key(title: str, length: float, y: float, thickness: int) -> dict:
    """The marker of an invisible trace whose colour bar explains the Goldstein colours."""
    return dict(
        colorscale=GOLDSTEIN_SCALE,
        cmin=-10,
        cmax=10,
        color=[0],
        colorbar=dict(title=title, len=length, y=y, thickness=thickness),
    )


def _actor_graph(actors: pd.DataFrame, events: pd.DataFrame) -> tuple[nx.DiGraph, pd.DataFrame]:
    """The actors as nodes, one edge per directed pair with events, and the events between them."""
    g = nx.DiGraph()
    a: Any  # a table row; the schema types its fields
    for a in actors.itertuples():
        g.add_node(a.actor_id, name=a.name, type=a.type, mentions=int(a.mentions))
    ev = events[
        (events["target"] != "") & events["source"].isin(g.nodes) & events["target"].isin(g.nodes)
    ]
    for (u, v), grp in ev.groupby(["source", "target"], sort=True):
        kinds = grp["type"].value_counts().sort_index()
        g.add_edge(
            u,
            v,
            n=len(grp),
            goldstein=float(grp["goldstein"].mean()),
            negated=bool(grp["negated"].all()),
            label=", ".join(f"{k}{'×' + str(c) if c > 1 else ''}" for k, c in kinds.items()),
        )
    return g, ev


def _node_layout(g: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Node positions: a seeded spring layout, spread apart and rounded (deterministic)."""
    und = g.to_undirected()
    pos = nx.spring_layout(
        und,
        seed=LAYOUT_SEED,
        k=2.2 / max(1, len(und)) ** 0.5,
        iterations=300,
        pos=nx.circular_layout(und),
    )
    return {
        n: (round(float(x), 3), round(float(y), 3)) for n, (x, y) in sorted(_spread(pos).items())
    }


def _edge_annotations(g: nx.DiGraph, pos: dict[str, tuple[float, float]]) -> list[dict]:
    """An arrow and a label of categories per edge; two-way pairs are shifted aside."""
    annotations = []
    for u, v, d in sorted(g.edges(data=True)):
        (x0, y0), (x1, y1) = pos[u], pos[v]
        bend = 0.03 if g.has_edge(v, u) else 0.0  # two-way pairs: shift each direction aside
        dx, dy = y1 - y0, x0 - x1
        norm = max((dx * dx + dy * dy) ** 0.5, 1e-9)
        ox, oy = round(bend * dx / norm, 3), round(bend * dy / norm, 3)
        annotations.append(
            dict(
                x=x1 + ox,
                y=y1 + oy,
                ax=x0 + ox,
                ay=y0 + oy,
                xref="x",
                yref="y",
                axref="x",
                ayref="y",
                showarrow=True,
                arrowhead=3,
                arrowsize=1,
                arrowwidth=1 + d["n"],
                arrowcolor=goldstein_colour(d["goldstein"]),
                standoff=14,
                startstandoff=12,
                opacity=0.4 if d["negated"] else 0.85,
                text="",
            )
        )
        annotations.append(
            dict(
                x=round((x0 + x1) / 2 + ox, 3),
                y=round((y0 + y1) / 2 + oy, 3),
                text=d["label"],
                showarrow=False,
                font=dict(size=9, color="#333"),
                bgcolor="rgba(255,255,255,0.8)",
            )
        )
    return annotations


def _node_traces(g: nx.DiGraph, pos: dict[str, tuple[float, float]]) -> list[go.Scatter]:
    """One trace of labelled nodes per actor type (a legend entry each), sized by mentions."""
    traces = []
    for t in sorted(set(nx.get_node_attributes(g, "type").values())):
        nodes = [n for n in pos if g.nodes[n]["type"] == t]
        traces.append(
            go.Scatter(
                x=[pos[n][0] for n in nodes],
                y=[pos[n][1] for n in nodes],
                mode="markers+text",
                name=t,
                text=[f"<b>{html.escape(g.nodes[n]['name'])}</b>" for n in nodes],
                textposition="bottom center",
                marker=dict(
                    size=[14 + 2.5 * g.nodes[n]["mentions"] ** 0.8 for n in nodes],
                    color=TYPE_COLOURS.get(t, "#777"),
                    line=dict(color="white", width=1.5),
                    opacity=0.9,
                ),
                hovertext=[
                    f"<b>{html.escape(g.nodes[n]['name'])}</b> ({t})<br>{g.nodes[n]['mentions']} mentions<br>"
                    f"{g.out_degree(n)} pairs as source, {g.in_degree(n)} as target"
                    for n in nodes
                ],
                hoverinfo="text",
            )
        )
    return traces


def _network_layout(
    fig: go.Figure, g: nx.DiGraph, ev: pd.DataFrame, pos: dict[str, tuple[float, float]]
) -> None:
    """The network's title (its busiest actor), edge annotations and axes framing the nodes."""
    involved = {n: int((ev["source"] == n).sum() + (ev["target"] == n).sum()) for n in g.nodes}
    busiest = max(sorted(g.nodes), key=lambda n: (involved[n], g.nodes[n]["mentions"]))
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    fig.update_layout(
        title=f"{g.nodes[busiest]['name']} takes part in {involved[busiest]} of the {len(ev)} events "
        f"between {g.number_of_nodes()} actors",
        annotations=_edge_annotations(g, pos),
        height=620,
        legend_title_text="actor type",
        xaxis=dict(visible=False, range=[min(xs) - 0.25, max(xs) + 0.25]),
        yaxis=dict(visible=False, range=[min(ys) - 0.2, max(ys) + 0.2]),
        plot_bgcolor="white",
        margin=dict(l=10, r=10, t=60, b=10),
    )


def _spread(pos: dict, min_dist: float = 0.42, rounds: int = 60) -> dict:
    """Push apart nodes closer than ``min_dist`` so that labels do not overlap (deterministic)."""
    pts = {n: [float(x), float(y)] for n, (x, y) in sorted(pos.items())}
    names = sorted(pts)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                dx, dy = pts[b][0] - pts[a][0], pts[b][1] - pts[a][1]
                d = (dx * dx + dy * dy) ** 0.5
                if d < min_dist:
                    if d < 1e-6:
                        dx, dy, d = 1.0, 0.0, 1.0
                    push = (min_dist - d) / 2
                    pts[a][0] -= push * dx / d
                    pts[a][1] -= push * dy / d
                    pts[b][0] += push * dx / d
                    pts[b][1] += push * dy / d
                    moved = True
        if not moved:
            break
    return pts


def dyads(events: pd.DataFrame, actors: pd.DataFrame, level: str = "state") -> pd.DataFrame:
    """Events per pair (source, target) with their Goldstein values; at ``state`` level people and
    organisations are rolled up to their country (blocs and international bodies stay themselves)."""
    names = dict(zip(actors["actor_id"], actors["name"]))
    country = dict(zip(actors["actor_id"], actors["country"]))

    def key(a: str) -> str:
        if level == "state" and country.get(a):
            return reference.country_name(country[a])
        return names.get(a, a)

    ev: list[Any] = list(events[(events["target"] != "") & ~events["negated"]].itertuples())
    rows = [
        {
            "source": key(e.source),
            "target": key(e.target),
            "goldstein": float(e.goldstein),
            "type": e.type,
        }
        for e in ev
    ]
    df = pd.DataFrame(rows, columns=["source", "target", "goldstein", "type"])
    df = df[df["source"] != df["target"]]
    if df.empty:
        return pd.DataFrame(
            columns=["source", "target", "events", "mean_goldstein", "sum_goldstein", "types"]
        )
    out = (
        df.groupby(["source", "target"])
        .agg(
            events=("type", "size"),
            mean_goldstein=("goldstein", "mean"),
            sum_goldstein=("goldstein", "sum"),
            types=("type", lambda s: ", ".join(sorted(set(s)))),
        )
        .reset_index()
    )
    out["mean_goldstein"] = out["mean_goldstein"].round(2)
    return out.sort_values(
        ["events", "source", "target"], ascending=[False, True, True]
    ).reset_index(drop=True)


def dyad_heatmap(
    events: pd.DataFrame, actors: pd.DataFrame, level: str = "state"
) -> go.Figure | None:
    """Who cooperates with whom and who confronts whom: mean Goldstein per directed pair."""
    d = dyads(events, actors, level)
    if d.empty:
        return None
    sources = sorted(d["source"].unique())
    targets = sorted(d["target"].unique())
    z = [[None] * len(targets) for _ in sources]
    text = [[""] * len(targets) for _ in sources]
    r: Any  # a table row; the schema types its fields
    for r in d.itertuples():
        i, j = sources.index(r.source), targets.index(r.target)
        z[i][j] = r.mean_goldstein
        text[i][j] = f"{r.events}× {r.mean_goldstein:+.1f}"
    best = d.sort_values(["mean_goldstein", "events"], ascending=[True, False]).iloc[0]
    warm = d.sort_values(["sum_goldstein", "events"], ascending=[False, False]).iloc[0]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=targets,
            y=sources,
            text=text,
            texttemplate="%{text}",
            zmin=-10,
            zmax=10,
            colorscale=GOLDSTEIN_SCALE,
            colorbar=dict(title="mean<br>Goldstein"),
            hovertemplate="%{y} → %{x}: %{text}<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    fig.update_layout(
        title=f"Closest: {warm.source} → {warm.target}; harshest: {best.source} → {best.target}",
        xaxis=dict(title="target", side="bottom"),
        yaxis=dict(title="source", autorange="reversed"),
        height=max(320, 140 + 45 * len(sources)),
        margin=dict(l=10, r=10, t=60, b=60),
        plot_bgcolor="white",
    )
    return fig


def sentence_lengths(sentences: pd.DataFrame) -> go.Figure | None:
    """Words per sentence, one colour per paragraph, the sentence's text on hover."""
    if sentences.empty:
        return None
    s = sentences.assign(
        words=sentences["text"].map(lambda t: len(t.split())),
        paragraph=sentences["paragraph_id"].astype(str),
    )
    fig = px.bar(
        s,
        x="sentence_id",
        y="words",
        color="paragraph",
        hover_data={"text": True},
        labels={"sentence_id": "sentence", "words": "words"},
        title=f"{len(s)} sentences in {s['paragraph_id'].nunique()} paragraphs",
    )
    fig.update_layout(height=320, showlegend=False, margin=dict(t=50, b=40, l=40, r=10))
    fig.update_traces(hovertemplate="sentence %{x}: %{y} words<br>%{customdata[0]}<extra></extra>")
    return fig


def mentions_bar(actors: pd.DataFrame) -> go.Figure | None:
    """Mentions per actor."""
    if actors.empty:
        return None
    ranked = actors.sort_values(["mentions", "actor_id"], ascending=[True, False])
    fig = px.bar(
        ranked,
        x="mentions",
        y="name",
        color="type",
        orientation="h",
        color_discrete_map=TYPE_COLOURS,
        category_orders={"name": ranked["name"].tolist()},
        labels={
            "mentions": "mentions (names, titles, descriptors, pronouns)",
            "name": "",
            "type": "type",
        },
        title=f"{ranked.iloc[-1]['name']} is mentioned most ({ranked.iloc[-1]['mentions']} times)",
    )
    fig.update_layout(height=140 + 26 * len(ranked), margin=dict(l=10, r=10, t=60, b=40))
    return fig


def quotes_bar(quotes: pd.DataFrame, actors: pd.DataFrame) -> go.Figure | None:
    """Quoted words per speaker, each quotation a segment with its words on hover."""
    if quotes.empty:
        return None
    names = dict(zip(actors["actor_id"], actors["name"]))
    q = quotes.assign(
        speaker_name=quotes["speaker"].map(lambda a: names.get(a, a) or "unattributed"),
        words=quotes["text"].map(lambda t: len(t.split())),
        hover=quotes["text"].map(lambda t: hover_text(t, 70)),
    )
    order = q.groupby("speaker_name")["words"].sum().sort_values().index.tolist()
    fig = go.Figure()
    r: Any  # a table row; the schema types its fields
    for r in q.itertuples():
        fig.add_trace(
            go.Bar(
                y=[r.speaker_name],
                x=[r.words],
                orientation="h",
                showlegend=False,
                marker=dict(
                    color="#6a51a3" if r.marked else "#bcbddc", line=dict(color="white", width=1)
                ),
                hovertext=[
                    f"{'“' if r.marked else '(unmarked) '}{r.hover}{'”' if r.marked else ''}"
                ],
                hoverinfo="text",
            )
        )
    for label, colour in (("with quotation marks", "#6a51a3"), ("without marks", "#bcbddc")):
        fig.add_trace(
            go.Bar(y=[None], x=[None], orientation="h", name=label, marker=dict(color=colour))
        )
    top = order[-1]
    fig.update_layout(
        barmode="stack",
        title=f"{top} is quoted at greatest length "
        f"({int(q.loc[q['speaker_name'] == top, 'words'].sum())} words)",
        xaxis=dict(title="quoted words"),
        yaxis=dict(categoryorder="array", categoryarray=order),
        height=160 + 40 * len(order),
        margin=dict(l=10, r=10, t=60, b=40),
        legend=dict(orientation="h", y=-0.25),
    )
    return fig


def balance_over_time(per_period: pd.DataFrame, who: str) -> go.Figure | None:
    """How cooperative or hostile relations were per period: bars for the number of events, a line
    for their mean Goldstein score (-10 conflict .. +10 cooperation). ``per_period`` is
    ``across.pair_over_time``'s table; ``who`` names the pair for the title."""
    if per_period.empty:
        return None
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=per_period["period"],
            y=per_period["events"],
            name="events",
            marker_color="#bbbbbb",
            hovertemplate="%{x}: %{y} events<extra></extra>",
            yaxis="y2",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=per_period["period"],
            y=per_period["mean_goldstein"],
            name="mean Goldstein",
            mode="lines+markers",
            line=dict(color="#2166ac", width=3),
            marker=dict(
                size=9,
                color=per_period["mean_goldstein"],
                cmin=-10,
                cmax=10,
                colorscale=GOLDSTEIN_SCALE,
                line=dict(color="#333", width=1),
            ),
            hovertemplate="%{x}: mean Goldstein %{y}<extra></extra>",
        )
    )
    fig.update_layout(
        title=html.escape(_balance_title(per_period, who)),
        height=380,
        margin=dict(l=10, r=10, t=60, b=40),
        xaxis=dict(type="category", title="period"),
        yaxis=dict(
            title="mean Goldstein (−10 conflict … +10 cooperation)",
            range=[-10.5, 10.5],
            zeroline=True,
        ),
        yaxis2=dict(
            title="events", overlaying="y", side="right", showgrid=False, rangemode="tozero"
        ),
        legend=dict(orientation="h", y=-0.2),
    )
    return fig


def _balance_title(per_period: pd.DataFrame, who: str) -> str:
    """The most and least cooperative periods of ``who`` (or the one period's count and mean)."""
    best = per_period.iloc[int(per_period["mean_goldstein"].to_numpy().argmax())]
    worst = per_period.iloc[int(per_period["mean_goldstein"].to_numpy().argmin())]
    if len(per_period) > 1:
        return (
            f"{who}: most cooperative in {best['period']} ({best['mean_goldstein']:+.1f}), "
            f"least in {worst['period']} ({worst['mean_goldstein']:+.1f})"
        )
    return (
        f"{who}: {int(per_period['events'].sum())} events in {best['period']}, mean Goldstein "
        f"{best['mean_goldstein']:+.1f}"
    )


def events_by_article(events: pd.DataFrame, articles: pd.DataFrame) -> go.Figure | None:
    """Each article's events by category, articles in order of publication: what each one reports."""
    if events.empty:
        return None
    order = articles.sort_values(["published", "article"])["article"].tolist()
    counts = events.groupby(["article", "type"]).size().reset_index(name="events")
    fig = go.Figure()
    cats = sorted(counts["type"].unique())
    colours = dict(zip(cats, px.colors.qualitative.Bold + px.colors.qualitative.Pastel))
    for cat in cats:
        sub = counts[counts["type"] == cat].set_index("article").reindex(order).fillna(0)
        fig.add_trace(
            go.Bar(
                y=order,
                x=sub["events"],
                name=cat,
                orientation="h",
                marker_color=colours[cat],
                hovertemplate="%{y}: %{x} " + cat + "<extra></extra>",
            )
        )
    top = events["type"].value_counts()
    fig.update_layout(
        barmode="stack",
        height=max(320, 90 + 26 * len(order)),
        title=f"{len(events)} events in {events['article'].nunique()} articles; "
        f"most often {top.index[0]} ({int(top.iloc[0])})",
        yaxis=dict(autorange="reversed", automargin=True, title=""),
        xaxis=dict(title="events"),
        legend_title_text="category",
        margin=dict(l=10, r=10, t=60, b=40),
    )
    return fig
