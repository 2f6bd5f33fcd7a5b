"""Interactive maps that draw offline: country shapes come from the shipped Natural Earth geometry
(``data/reference/countries-110m.geojson``) as plain polygons, never from plotly's CDN base map
(``geo.visible=False`` and no ``locationmode`` anywhere).

Reads only the annotation tables (plus general reference data: capitals, organisations' seats).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import geo, reference
from .charts import goldstein_colour, goldstein_key, hover_text

ROLE_ORDER = ["cooperates", "confronts others", "targeted", "mentioned only"]
ROLE_COLOURS = {
    "cooperates": "#2b8cbe",
    "confronts others": "#d7301f",
    "targeted": "#fdae61",
    "mentioned only": "#cfcfcf",
}
ROLE_MEANING = {
    "cooperates": "mostly cooperative acts (agreements, visits, support, aid)",
    "confronts others": "mostly hostile acts against others (sanctions, accusations, attacks)",
    "targeted": "on the receiving end of hostile acts",
    "mentioned only": "named, but no coded event",
}
DECIMATE_DEG = 0.3


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float
    label: str


def actor_country(actor_id: str, actors: pd.DataFrame) -> str:
    """ISO3 a state is, or a person or organisation belongs to ("" for international bodies)."""
    row = actors[actors["actor_id"] == actor_id]
    return str(row["country"].iloc[0]) if len(row) else ""


def anchor(actor_id: str, actors: pd.DataFrame) -> Point | None:
    """Where to draw an actor: its state's capital, or an organisation's seat."""
    org = reference.organizations().get(actor_id)
    if org and org.hq:
        city = geo.city(org.hq)
        if city and city.lat is not None and city.lon is not None:
            return Point(city.lat, city.lon, f"{org.name} ({org.hq})")
    iso = actor_country(actor_id, actors)
    if not iso:
        return None
    cap = geo.capital_place(iso)
    if cap and cap.lat is not None and cap.lon is not None:
        return Point(cap.lat, cap.lon, cap.name)
    pt = geo.country_point(iso)
    return Point(pt[0], pt[1], reference.country_name(iso)) if pt else None


def _decimate(ring: list[list[float]], tol: float) -> list[list[float]]:
    kept = [ring[0]]
    for x, y in ring[1:-1]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= tol:
            kept.append([x, y])
    kept.append(ring[-1])
    return kept if len(kept) >= 4 else ring


def outline(
    iso_codes: list[str] | None = None,
    tol: float = DECIMATE_DEG,
    view: tuple[float, float, float, float] | None = None,
) -> tuple[list, list]:
    """Longitudes and latitudes of country outlines, polygons separated by None; with ``view``
    (lon0, lon1, lat0, lat1), only polygons that reach into it."""
    lons: list = []
    lats: list = []
    shapes = geo.country_shapes()
    for iso in sorted(iso_codes if iso_codes is not None else shapes):
        f = shapes.get(iso)
        if not f:
            continue
        g = f["geometry"]
        for poly in g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]:
            if view is not None:
                xs = [x for x, _ in poly[0]]
                ys = [y for _, y in poly[0]]
                if max(xs) < view[0] or min(xs) > view[1] or max(ys) < view[2] or min(ys) > view[3]:
                    continue
            ring = _decimate(poly[0], tol)
            lons += [round(x, 1) for x, _ in ring] + [None]
            lats += [round(y, 1) for _, y in ring] + [None]
    return lons, lats


def packed(values: list) -> np.ndarray:
    """Coordinates as a float32 array (gaps as NaN): plotly stores it as one base64 string, which keeps
    notebooks small, instead of one JSON line per number."""
    return np.array([np.nan if v is None else v for v in values], dtype="float32")


def _view(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(lon0, lon1, lat0, lat1) around the points, padded."""
    lats = [p[0] for p in points] or [0]
    lons = [p[1] for p in points] or [0]
    pad_lon = max(18, (max(lons) - min(lons)) * 0.15)
    pad_lat = max(10, (max(lats) - min(lats)) * 0.25)
    return (
        max(-180, min(lons) - pad_lon),
        min(180, max(lons) + pad_lon),
        max(-60, min(lats) - pad_lat),
        min(85, max(lats) + pad_lat),
    )


def _figure(traces: list, points: list[tuple[float, float]], title: str) -> go.Figure:
    """A map of ``traces`` over the shipped country outlines, framed on ``points``."""
    view = _view(points)
    lons, lats = outline(view=view)
    base = go.Scattergeo(
        lon=packed(lons),
        lat=packed(lats),
        mode="lines",
        fill="toself",
        fillcolor="#f2f2f2",
        line=dict(color="#b5b5b5", width=0.5),
        hoverinfo="skip",
        showlegend=False,
        name="countries",
    )
    fig = go.Figure(data=[base, *traces])
    fig.update_geos(
        visible=False,
        projection_type="natural earth",
        showframe=False,
        lonaxis_range=[view[0], view[1]],
        lataxis_range=[view[2], view[3]],
    )
    fig.update_layout(
        title=dict(text=title, x=0.01),
        height=500,
        margin=dict(l=0, r=0, t=50, b=50),
        legend=dict(
            orientation="h",
            x=0.01,
            y=0.0,
            yanchor="top",
            bgcolor="rgba(255,255,255,0.85)",
            bordercolor="#ccc",
            borderwidth=1,
        ),
        paper_bgcolor="white",
    )
    return fig


def state_roles(
    actors: pd.DataFrame, events: pd.DataFrame, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per state in the story: its part (cooperates, confronts others, targeted, mentioned only),
    its actors, mentions and events, all rolled up from people and organisations to their state."""
    rows = _state_tallies(actors)
    _count_events(rows, actors, events)
    out = [
        {
            "iso3": r["iso3"],
            "name": r["name"],
            "role": _role(r),
            "actors": ", ".join(r["actors"]),
            "mentions": r["mentions"],
            "events": len(r["events"]),
            "event_list": r["events"],
        }
        for r in rows.values()
    ]
    df = pd.DataFrame(
        out, columns=["iso3", "name", "role", "actors", "mentions", "events", "event_list"]
    )
    return df.sort_values(["mentions", "iso3"], ascending=[False, True]).reset_index(drop=True)


def _state_tallies(actors: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """ISO3 -> an empty tally of each state that actors belong to, with its actors and mentions."""
    rows: dict[str, dict[str, Any]] = {}
    a: Any  # a table row; the schema types its fields
    for a in actors.itertuples():
        if not a.country:
            continue
        r = rows.setdefault(
            a.country,
            {
                "iso3": a.country,
                "name": reference.country_name(a.country),
                "actors": [],
                "mentions": 0,
                "pos_src": 0.0,
                "neg_src": 0.0,
                "pos": 0,
                "neg_tgt": 0,
                "events": [],
            },
        )
        r["actors"].append(a.name)
        r["mentions"] += int(a.mentions)
    return rows


def _count_events(
    rows: dict[str, dict[str, Any]], actors: pd.DataFrame, events: pd.DataFrame
) -> None:
    """Add each event that is not negated to the tallies of its source's and target's states."""
    names = dict(zip(actors["actor_id"], actors["name"]))
    e: Any  # a table row; the schema types its fields
    for e in events.itertuples():
        if e.negated:
            continue
        src, tgt = actor_country(e.source, actors), actor_country(e.target, actors)
        g = float(e.goldstein)
        line = f"{names.get(e.source, e.source)} {e.type} {names.get(e.target, e.target or '—')}"
        for iso, side in ((src, "src"), (tgt, "tgt")):
            if iso not in rows or (side == "tgt" and tgt == src):
                continue
            r = rows[iso]
            r["events"].append(line)
            if g > 0:
                r["pos"] += 1
                if side == "src":
                    r["pos_src"] += g
            elif side == "src":
                r["neg_src"] += -g
            else:
                r["neg_tgt"] += 1


def _role(tally: dict[str, Any]) -> str:
    """A state's part in the story (one of ``ROLE_ORDER``) from its tally of events."""
    if tally["neg_src"] > tally["pos_src"] and tally["neg_src"] > 0:
        return "confronts others"
    if tally["pos"] > 0:
        return "cooperates"
    if tally["neg_tgt"] > 0:
        return "targeted"
    return "mentioned only"


def _hover(lines: list[str], limit: int = 8) -> str:
    shown = [html.escape(x) for x in lines[:limit]]
    if len(lines) > limit:
        shown.append(f"… and {len(lines) - limit} more")
    return "<br>".join(shown)


def actor_map(actors: pd.DataFrame, events: pd.DataFrame) -> go.Figure | None:
    """Countries coloured by their part in the story; blocs and bodies as labelled markers at their seat."""
    roles = state_roles(actors, events)
    blocs = actors[actors["type"].isin(["bloc", "organization"]) & (actors["country"] == "")]
    if roles.empty and blocs.empty:
        return None
    traces: list = []
    labels: list = []  # drawn after every shape, so no polygon hides a name
    points = []
    label_pos = _label_positions(roles)
    for role in ROLE_ORDER:
        sub = roles[roles["role"] == role]
        if sub.empty:
            continue
        traces.append(_role_shapes(sub, role))
        pts = [(geo.country_point(i) or (None, None)) for i in sub["iso3"]]
        labels.append(_role_labels(sub, role, pts, label_pos))
        points += [p for p in pts if p[0] is not None]
    for (lat, lon), members in _seats(blocs, actors).items():
        points.append((lat, lon))
        labels.append(_seat_marker(lat, lon, members))
    top = roles.iloc[0]["name"] if len(roles) else blocs.iloc[0]["name"]
    counts = roles["role"].value_counts()
    title = (
        f"{len(roles)} states in the story; {counts.get('cooperates', 0)} cooperate, "
        f"{counts.get('confronts others', 0)} confront others — {top} is mentioned most"
    )
    return _figure(traces + labels, points, title)


def _role_shapes(sub: pd.DataFrame, role: str) -> go.Scattergeo:
    """The outlines of the states ``sub`` filled in the colour of their ``role`` (a legend entry)."""
    lons, lats = outline(sub["iso3"].tolist(), tol=DECIMATE_DEG / 2)
    return go.Scattergeo(
        lon=packed(lons),
        lat=packed(lats),
        mode="lines",
        fill="toself",
        name=f"{role}",
        fillcolor=ROLE_COLOURS[role],
        line=dict(color="#555", width=0.8),
        hoverinfo="skip",
        legendgroup=role,
        legendrank=ROLE_ORDER.index(role),
    )


def _role_labels(
    sub: pd.DataFrame, role: str, pts: list, label_pos: dict[str, str]
) -> go.Scattergeo:
    """Named markers at the states ``sub`` (points ``pts``), their actors and events on hover."""
    rows: list[Any] = list(sub.itertuples())
    hover = [
        f"<b>{html.escape(r.name)}</b> — {role}<br>actors: {html.escape(r.actors)}"
        f"<br>mentions: {r.mentions}<br>{_hover(r.event_list)}"
        for r in rows
    ]
    return go.Scattergeo(
        lat=[p[0] for p in pts],
        lon=[p[1] for p in pts],
        mode="markers+text",
        text=sub["name"].tolist(),
        textposition=[label_pos[i] for i in sub["iso3"]],
        textfont=dict(size=11, color="#222"),
        marker=dict(size=7, color=ROLE_COLOURS[role], line=dict(color="#333", width=1)),
        hovertext=hover,
        hoverinfo="text",
        showlegend=False,
        legendgroup=role,
    )


def _seats(blocs: pd.DataFrame, actors: pd.DataFrame) -> dict[tuple[float, float], list]:
    """(lat, lon) -> the (bloc row, anchor) of the bodies seated there (the EU and the Commission
    share one)."""
    seats: dict[tuple[float, float], list] = {}
    b: Any  # a table row; the schema types its fields
    for b in blocs.itertuples():
        pt = anchor(b.actor_id, actors)
        if pt is not None:
            seats.setdefault((pt.lat, pt.lon), []).append((b, pt))
    return seats


def _seat_marker(lat: float, lon: float, members: list) -> go.Scattergeo:
    """One star for the bodies ``members`` sharing a seat, named in the legend."""
    seat_names = " / ".join(b.name for b, _ in members)
    kinds = " / ".join(sorted({b.type for b, _ in members}))
    tip = "<br>".join(
        f"<b>{html.escape(b.name)}</b> ({b.type}), seat: {html.escape(pt.label)}, "
        f"mentions: {b.mentions}"
        for b, pt in members
    )
    return go.Scattergeo(
        lat=[lat],
        lon=[lon],
        mode="markers+text",
        text=[seat_names],
        textposition="top center",
        name=f"{kinds}: {seat_names}",
        marker=dict(symbol="star", size=13, color="#6a51a3", line=dict(color="white", width=1)),
        hovertext=[tip],
        hoverinfo="text",
    )


def _label_positions(roles: pd.DataFrame) -> dict[str, str]:
    """Put a label above its marker when a neighbour's label would sit just below it."""
    pts = {i: geo.country_point(i) for i in roles["iso3"]}
    out = {}
    for i, p in pts.items():
        crowded = p is not None and any(
            q is not None and j != i and abs(q[1] - p[1]) < 12 and 0 < p[0] - q[0] < 8
            for j, q in pts.items()
        )
        out[i] = "top center" if crowded else "bottom center"
    return out


def event_geometry(
    events: pd.DataFrame, actors: pd.DataFrame, places: pd.DataFrame
) -> pd.DataFrame:
    """Where each event is drawn: at its place, or from the source's anchor to the target's."""
    pl = places.set_index("place_id") if len(places) else None
    rows = []
    e: Any  # a table row; the schema types its fields
    for e in events.itertuples():
        src = anchor(e.source, actors)
        tgt = anchor(e.target, actors) if e.target else None
        at = None
        place: Any = (
            pl.loc[e.place_id] if e.place_id and pl is not None and e.place_id in pl.index else None
        )
        if place is not None and pd.notna(place["lat"]):
            at = Point(float(place["lat"]), float(place["lon"]), str(place["name"]))
        if at is None and src and tgt and (abs(src.lat - tgt.lat) + abs(src.lon - tgt.lon)) < 0.01:
            at = src
        if at is not None:
            start, end, where = at, at, at.label
        elif src and tgt:
            start, end, where = src, tgt, f"{src.label} → {tgt.label}"
        else:
            continue
        rows.append(
            {
                "event_id": e.event_id,
                "kind": "at" if at else "between",
                "lat0": start.lat,
                "lon0": start.lon,
                "lat1": end.lat,
                "lon1": end.lon,
                "where": where,
            }
        )
    return pd.DataFrame(rows, columns=["event_id", "kind", "lat0", "lon0", "lat1", "lon1", "where"])


def event_map(
    events: pd.DataFrame,
    actors: pd.DataFrame,
    places: pd.DataFrame,
    periods: pd.DataFrame | None = None,
) -> go.Figure | None:
    """Events at their places or as arrows between capitals, coloured by Goldstein score, with a
    time slider."""
    geom = event_geometry(events, actors, places)
    if geom.empty:
        return None
    ev = events.set_index("event_id")
    names = dict(zip(actors["actor_id"], actors["name"]))
    traces: list = []
    points = []
    event_traces: list[tuple[int, str]] = []
    g: Any  # a table row; the schema types its fields
    for g in geom.itertuples():
        e = ev.loc[g.event_id].to_dict()
        traces.append(_event_trace(g, e, names))
        event_traces.append((len(traces), str(e["date"])))  # index in the figure: base layer first
        points += [(g.lat0, g.lon0), (g.lat1, g.lon1)]
    traces.append(
        go.Scattergeo(
            lat=[None],
            lon=[None],
            mode="markers",
            hoverinfo="skip",
            showlegend=False,
            marker=goldstein_key("Goldstein<br>conflict ↔ coop.", length=0.6, y=0.5, thickness=14),
        )
    )
    coop = int((events["goldstein"] > 0).sum())
    fig = _figure(
        traces,
        points,
        f"{len(geom)} of {len(events)} events mapped: {coop} cooperative, "
        f"{len(events) - coop} conflictual (colour: Goldstein score)",
    )
    _slider(fig, event_traces, periods)
    return fig


def _event_trace(g: Any, e: dict[str, Any], names: dict[str, str]) -> go.Scattergeo:
    """An event ``e`` drawn where its geometry row ``g`` puts it: a marker at a place or an arrow
    between two anchors, in its Goldstein colour (open or dotted when negated, dashed when hedged)."""
    gold, negated = float(e["goldstein"]), bool(e["negated"])
    colour = goldstein_colour(gold)
    tip = _event_tip(e, g.where, names)
    dash = "dot" if negated else ("dash" if float(e["confidence"]) < 0.6 else "solid")
    if g.kind == "at":
        return go.Scattergeo(
            lat=[g.lat0],
            lon=[g.lon0],
            mode="markers",
            hovertext=[tip],
            hoverinfo="text",
            marker=dict(
                size=12,
                color=colour,
                line=dict(color="#333", width=1),
                symbol="circle-open" if negated else "circle",
            ),
            showlegend=False,
            name=g.event_id,
        )
    return go.Scattergeo(
        lat=[g.lat0, g.lat1],
        lon=[g.lon0, g.lon1],
        mode="lines+markers",
        line=dict(color=colour, width=3, dash=dash),
        hovertext=[tip, tip],
        hoverinfo="text",
        marker=dict(symbol="arrow", size=[0, 15], angleref="previous", color=colour),
        showlegend=False,
        name=g.event_id,
    )


def _event_tip(e: dict[str, Any], where: str, names: dict[str, str]) -> str:
    """An event's hover text: category, mode, score, pair, date, where, and its sentence."""
    gold, negated, date = float(e["goldstein"]), bool(e["negated"]), str(e["date"])
    src, tgt = names.get(e["source"], e["source"]), names.get(e["target"], e["target"]) or "—"
    sentence = hover_text(str(e.get("sentence") or e["trigger"]), width=70, lines=5)
    return (
        f"<b>{html.escape(e['type'])}</b> ({html.escape(e['mode'] or '—')}, Goldstein {gold:+.1f})"
        f"{' <i>negated</i>' if negated else ''}<br>{html.escape(src)} → {html.escape(tgt)}<br>"
        f"{html.escape(date or 'undated')} · {html.escape(where)}<br><i>{sentence}</i>"
    )


def _slider(
    fig: go.Figure, event_traces: list[tuple[int, str]], periods: pd.DataFrame | None
) -> None:
    """Steps from the oldest date to the newest (cumulative), periods as their own steps, then all events."""
    n = len(fig.data)
    dated = sorted({d for _, d in event_traces if d})
    steps = []
    for d in dated:
        vis = [True] * n
        for i, date in event_traces:
            vis[i] = bool(date) and date[: len(d)] <= d
        steps.append(dict(method="restyle", label=d, args=[{"visible": vis}]))
    if periods is not None:
        p: Any  # a table row; the schema types its fields
        for p in periods.itertuples():
            a, b = p.value.split("/")
            vis = [True] * n
            for i, date in event_traces:
                vis[i] = bool(date) and a <= date[:4] <= b
            steps.append(dict(method="restyle", label=f"{a}–{b} (period)", args=[{"visible": vis}]))
    steps.append(dict(method="restyle", label="all, incl. undated", args=[{"visible": [True] * n}]))
    if len(steps) > 1:
        fig.update_layout(
            sliders=[
                dict(
                    active=len(steps) - 1,
                    steps=steps,
                    x=0.05,
                    len=0.9,
                    y=0.0,
                    currentvalue=dict(prefix="events up to: "),
                    pad=dict(t=10),
                )
            ]
        )


def unmapped(actors: pd.DataFrame, events: pd.DataFrame, places: pd.DataFrame) -> list[str]:
    """What the maps cannot show, in sentences."""
    out = []
    a: Any  # a table row; the schema types its fields
    for a in actors.itertuples():
        if a.type in ("bloc", "organization", "group") and anchor(a.actor_id, actors) is None:
            out.append(f"{a.name} ({a.type}) has no country or seat to draw it at.")
    drawn = set(event_geometry(events, actors, places)["event_id"])
    names = dict(zip(actors["actor_id"], actors["name"]))
    e: Any  # a table row; the schema types its fields
    for e in events[~events["event_id"].isin(drawn)].itertuples():
        out.append(
            f"Event {e.event_id} ({names.get(e.source, e.source)} {e.type} "
            f"{names.get(e.target, e.target) or 'no target'}) has no place and no pair of locatable actors."
        )
    return out
