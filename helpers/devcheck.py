"""Check a hand-written gold file against its text, without running any annotator.

    python -m helpers.devcheck data/gold/dev/<slug>.json [...]

Every occurrence named in the gold (mentions, events, dates, quotes) must resolve in the body
that ingest makes of ``<slug>.txt``; every actor id used must be declared; categories, types and
countries must be valid. Prints one line per problem and exits 2 if there is any.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from . import schemas
from .evaluate import GoldError, occurrence
from .ingest import ArticleError, read_article

PLOVER = set(schemas.PLOVER)
ACTOR_TYPES = set(schemas.ACTOR_TYPES)
DATE_KINDS = set(schemas.DATE_KINDS)
ISO_VALUE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?|P\d+[YMWD])$")


def problems(gold_path: Path) -> list[str]:
    """Every problem found in one gold file (empty when it is sound)."""
    import pycountry

    text_path = gold_path.with_suffix(".txt")
    try:
        body = read_article(text_path).body
    except ArticleError as exc:
        return [str(exc)]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    out: list[str] = []
    actors = {a["id"]: a for a in gold.get("actors", [])}
    places = {p["id"] for p in gold.get("places", [])}
    for a in actors.values():
        if a.get("type") not in ACTOR_TYPES:
            out.append(
                f"actor {a['id']}: type {a.get('type')!r} is not one of {sorted(ACTOR_TYPES)}"
            )
        if a.get("country") and pycountry.countries.get(alpha_3=a["country"]) is None:
            out.append(f"actor {a['id']}: country {a['country']!r} is not an ISO 3166 alpha-3 code")

    def where(text: str, n: int, what: str) -> None:
        try:
            occurrence(body, text, int(n))
        except (GoldError, ValueError) as exc:
            out.append(f"{what}: {exc}")

    for text, n, actor, place in gold.get("mentions", []):
        where(text, n, "mention")
        if actor and actor not in actors:
            out.append(f"mention {text!r} #{n}: actor {actor} is not declared in 'actors'")
        if place and place not in places:
            out.append(f"mention {text!r} #{n}: place {place} is not declared in 'places'")
    for trig, n, typ, src, tgt, sym, date, neg in gold.get("events", []):
        where(trig, n, "event")
        if typ not in PLOVER:
            out.append(f"event {trig!r} #{n}: {typ!r} is not a PLOVER 2.0 category")
        for a in (src, tgt):
            if a and a not in actors:
                out.append(f"event {trig!r} #{n}: actor {a} is not declared in 'actors'")
        if date and not ISO_VALUE.match(date):
            out.append(f"event {trig!r} #{n}: date {date!r} is not ISO 8601")
        if not isinstance(sym, bool) or not isinstance(neg, bool):
            out.append(f"event {trig!r} #{n}: symmetric and negated must be true/false")
    for text, n, value, kind in gold.get("dates", []):
        where(text, n, "date")
        if kind not in DATE_KINDS:
            out.append(f"date {text!r}: kind {kind!r} is not one of {sorted(DATE_KINDS)}")
        if value and not ISO_VALUE.match(value):
            out.append(f"date {text!r}: value {value!r} is not ISO 8601")
    for prefix, n, speaker, _marked in gold.get("quotes", []):
        where(prefix, n, "quote")
        if speaker and speaker not in actors:
            out.append(f"quote {prefix!r}: speaker {speaker} is not declared in 'actors'")
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m helpers.devcheck GOLD.json [...]", file=sys.stderr)
        return 2
    bad = 0
    for arg in argv:
        found = problems(Path(arg))
        for line in found:
            print(f"{arg}: {line}")
        bad += len(found)
        if not found:
            print(f"{arg}: ok")
    return 2 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
