"""``events.plover.jsonl``: the events table as PLOVER/POLECAT-style records, so tools built for
event data (POLECAT readers, PLOVER validators) read this project's output.

Reads only the tables (events, actors, meta); the record shape is fixed by
``data/reference/plover_event.schema.json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from . import config, schemas

SCHEMA_PATH = config.REFERENCE / "plover_event.schema.json"


def _actor(actor_id: str, known: dict[str, dict[str, str]]) -> dict[str, str] | None:
    if not actor_id:
        return None
    return dict(
        known.get(actor_id) or {"name": actor_id, "actor_id": actor_id, "country": "", "code": ""}
    )


def _known(actors: pd.DataFrame) -> dict[str, dict[str, str]]:
    """actor_id -> its record fields, the first row of each id."""
    out: dict[str, dict[str, str]] = {}
    rows = _rows(actors, ("actor_id", "name", "country"), ("code",))
    if rows is None:
        rows = actors.to_dict("records")
    for r in rows:
        out.setdefault(
            r["actor_id"],
            {
                "name": str(r["name"]),
                "actor_id": r["actor_id"],
                "country": str(r["country"]),
                "code": str(r.get("code", "") or ""),
            },
        )
    return out


#: Column types whose values a frame's rows give as the very Python values its columns give when
#: iterated (what ``itertuples`` and ``to_dict("records")`` hand out for them).
_PLAIN = {"str", "int64", "float64", "bool"}


def _rows(
    df: pd.DataFrame, needed: tuple[str, ...], optional: tuple[str, ...]
) -> list[dict] | None:
    """The rows of ``df`` as dicts of the columns ``needed`` and those of ``optional`` it has, made
    column by column: the values ``itertuples`` (or ``to_dict("records")``) gives, without their
    cost per row; None for a frame whose columns are not all of plain types (or missing)."""
    if not schemas.columns_unique(df):
        return None
    arrays = dict(zip(df.columns.tolist(), schemas.column_arrays(df)))
    names = [*needed, *(c for c in optional if c in arrays)]
    if not set(needed) <= set(arrays):
        return None
    if any(schemas.dtype_text(arrays[c].dtype) not in _PLAIN for c in names):
        return None
    # tolist gives the values iterating gives for these types, without iterating value by value
    columns = [schemas.listed(arrays[c]) for c in names]
    return [dict(zip(names, values)) for values in zip(*columns)]


def records(events: pd.DataFrame, actors: pd.DataFrame, slug: str = "") -> list[dict[str, Any]]:
    """One PLOVER-style record per row of ``events`` (in table order)."""
    known = _known(actors)
    rows = _rows(events, _EVENT_FIELDS, ("context", "sentence"))
    if rows is None:
        return [
            _record(lambda name, *default, e=e: getattr(e, name, *default), known, slug)
            for e in events.itertuples(index=False)
        ]
    return [
        _record(
            lambda name, *default, r=r: r.get(name, *default) if default else r[name], known, slug
        )
        for r in rows
    ]


def _record(
    field: Callable[..., Any], known: dict[str, dict[str, str]], slug: str
) -> dict[str, Any]:
    """The record of one event, ``field(name[, default])`` giving the values of its row."""
    context = str(field("context", "") or "")
    rec: dict[str, Any] = {
        "id": f"{slug}-{field('event_id')}" if slug else field("event_id"),
        "date": field("date"),
        "source": _actor(field("source"), known),
        "target": _actor(field("target"), known),
        "event": field("type"),
        "mode": field("mode"),
        "context": [c.strip() for c in context.replace(";", ",").split(",") if c.strip()],
        "goldstein": float(field("goldstein")),
        "cameo": str(field("cameo")),
        "text": str(field("sentence", "") or field("trigger")),
        "trigger": field("trigger"),
        "negated": bool(field("negated")),
        "confidence": float(field("confidence")),
    }
    if slug:
        rec["article"] = slug
    return rec


_EVENT_FIELDS = (
    "event_id",
    "date",
    "source",
    "target",
    "type",
    "mode",
    "goldstein",
    "cameo",
    "trigger",
    "negated",
    "confidence",
)


def write(events: pd.DataFrame, actors: pd.DataFrame, directory: Path, slug: str = "") -> Path:
    """Write ``events.plover.jsonl`` (UTF-8, one JSON object a line, keys in a fixed order)."""
    path = Path(directory) / "events.plover.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records(events, actors, slug)]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def schema() -> dict[str, Any]:
    """The JSON schema every record follows."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
