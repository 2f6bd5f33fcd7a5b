"""``events.plover.jsonl``: the events table as PLOVER/POLECAT-style records, so tools built for
event data (POLECAT readers, PLOVER validators) read this project's output.

Reads only the tables (events, actors, meta); the record shape is fixed by
``data/reference/plover_event.schema.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from . import config

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
    for r in actors.to_dict("records"):
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


def records(events: pd.DataFrame, actors: pd.DataFrame, slug: str = "") -> list[dict[str, Any]]:
    """One PLOVER-style record per row of ``events`` (in table order)."""
    out = []
    known = _known(actors)
    e: Any  # a row of a validated events table: the schema types its fields
    for e in events.itertuples(index=False):
        context = str(getattr(e, "context", "") or "")
        rec: dict[str, Any] = {
            "id": f"{slug}-{e.event_id}" if slug else e.event_id,
            "date": e.date,
            "source": _actor(e.source, known),
            "target": _actor(e.target, known),
            "event": e.type,
            "mode": e.mode,
            "context": [c.strip() for c in context.replace(";", ",").split(",") if c.strip()],
            "goldstein": float(e.goldstein),
            "cameo": str(e.cameo),
            "text": str(getattr(e, "sentence", "") or e.trigger),
            "trigger": e.trigger,
            "negated": bool(e.negated),
            "confidence": float(e.confidence),
        }
        if slug:
            rec["article"] = slug
        out.append(rec)
    return out


def write(events: pd.DataFrame, actors: pd.DataFrame, directory: Path, slug: str = "") -> Path:
    """Write ``events.plover.jsonl`` (UTF-8, one JSON object a line, keys in a fixed order)."""
    path = Path(directory) / "events.plover.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records(events, actors, slug)]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def schema() -> dict[str, Any]:
    """The JSON schema every record follows."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
