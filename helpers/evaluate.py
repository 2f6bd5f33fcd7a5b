"""Score annotation tables against a hand-made gold standard, listing every miss and false hit.

Reads only tables and the gold JSON; never runs an annotator. Actors are aligned to gold
actors through their mentions (a predicted actor maps to the gold actor most of its mentions
overlap); a second predicted actor mapped to the same gold actor is an unmerged duplicate and
counts as a false hit.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import config


class GoldError(ValueError):
    """The gold file is malformed or does not fit the article."""


@dataclass
class Score:
    """Metrics plus the rows behind them."""

    metrics: dict[str, float]
    misses: pd.DataFrame = field(default_factory=pd.DataFrame)
    false_hits: pd.DataFrame = field(default_factory=pd.DataFrame)


def gold_path(slug: str) -> Path:
    """Where the gold standard of the article ``slug`` lives."""
    return config.GOLD / f"{slug}.json"


def occurrence(body: str, text: str, n: int) -> tuple[int, int]:
    """Offsets of the ``n``-th whole-word occurrence of ``text`` in ``body``."""
    hits = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", body)]
    if not 1 <= n <= len(hits):
        raise GoldError(
            f"gold mention {text!r} #{n} is not in the article ({len(hits)} occurrences)"
        )
    return hits[n - 1], hits[n - 1] + len(text)


def load_gold(path: str | Path, body: str) -> dict[str, Any]:
    """The gold standard with mention offsets resolved against ``body``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    rows = []
    for text, n, actor, place in data.get("mentions", []):
        s, e = occurrence(body, text, n)
        rows.append({"start": s, "end": e, "text": text, "actor": actor, "place": place})
    data["mention_table"] = pd.DataFrame(rows, columns=["start", "end", "text", "actor", "place"])
    data["actor_table"] = pd.DataFrame(
        data.get("actors", []), columns=["id", "name", "type", "country", "role"]
    )
    data["place_table"] = pd.DataFrame(
        data.get("places", []), columns=["id", "name", "kind", "country", "lat", "lon"]
    )
    return data


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 (1.0 when there is nothing to find and nothing found)."""
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def align_actors(gold_mentions: pd.DataFrame, mentions: pd.DataFrame) -> dict[str, str]:
    """Predicted actor_id -> gold actor id, by majority of overlapping mentions."""
    votes: dict[str, Counter] = {}
    gm = gold_mentions[gold_mentions["actor"] != ""]
    m: Any  # a table row; the schema types its fields
    for m in mentions[mentions["actor_id"] != ""].itertuples():
        g: Any  # a table row; the schema types its fields
        for g in gm.itertuples():
            if _overlaps(m.start, m.end, g.start, g.end):
                votes.setdefault(m.actor_id, Counter())[g.actor] += 1
    return {
        a: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for a, c in sorted(votes.items())
    }


def score_actors(gold: dict[str, Any], actors: pd.DataFrame, mentions: pd.DataFrame) -> Score:
    """Actor P/R/F1 (duplicates count as false hits), mention linking, country, type, role accuracy."""
    gm: pd.DataFrame = gold["mention_table"]
    ga: pd.DataFrame = gold["actor_table"].set_index("id")
    mapping = align_actors(gm, mentions)
    matched, false_rows = _match_actors(actors, mentions, mapping)
    scores = {f"actors_{k}": v for k, v in prf(len(matched), len(actors), len(ga)).items()}
    accuracy, attr_rows = _attribute_checks(matched, actors, ga)
    scores.update(accuracy)
    linked, miss_rows = _mention_links(gm, mentions, mapping)
    n_gold = int((gm["actor"] != "").sum())
    scores["mention_linking_recall"] = round(linked / n_gold, 4) if n_gold else 1.0
    for g in ga.index.difference(list(matched)):
        miss_rows.append(
            {"text": ga.at[g, "name"], "start": -1, "gold": g, "found": "actor not found"}
        )
    misses = pd.DataFrame(
        miss_rows
        + [
            {
                "text": r["expected"],
                "start": -1,
                "gold": r["gold"],
                "found": f"{r['field']}: {r['found'] or '(empty)'}",
            }
            for r in attr_rows
        ],
        columns=["text", "start", "gold", "found"],
    )
    return Score(scores, misses, pd.DataFrame(false_rows, columns=["actor_id", "name", "why"]))


def _match_actors(
    actors: pd.DataFrame, mentions: pd.DataFrame, mapping: dict[str, str]
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Gold id -> the best-supported predicted actor aligned to it, and the false hits: predicted
    actors aligned to no gold actor, or to one already matched (duplicates)."""
    support: Counter[str] = Counter()
    m: Any  # a table row; the schema types its fields
    for m in mentions[mentions["actor_id"] != ""].itertuples():
        support[m.actor_id] += 1
    matched: dict[str, str] = {}  # gold id -> predicted id (the best-supported one)
    false_rows = []
    a: Any  # a table row; the schema types its fields
    for a in sorted(
        actors.itertuples(), key=lambda r: (-support[str(r.actor_id)], str(r.actor_id))
    ):
        g = mapping.get(a.actor_id)
        if g is None:
            false_rows.append(
                {"actor_id": a.actor_id, "name": a.name, "why": "not an actor in the gold standard"}
            )
        elif g in matched:
            false_rows.append(
                {
                    "actor_id": a.actor_id,
                    "name": a.name,
                    "why": f"duplicate of {matched[g]} (gold {g})",
                }
            )
        else:
            matched[g] = a.actor_id
    return matched, false_rows


def _attribute_checks(
    matched: dict[str, str], actors: pd.DataFrame, ga: pd.DataFrame
) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """Country, type and role accuracy of the matched actors (role ignoring case), and the wrong
    values found."""
    pred = actors.set_index("actor_id")
    checks: dict[str, list[bool]] = {"country": [], "type": [], "role": []}
    attr_rows: list[dict[str, Any]] = []
    for g, p in matched.items():
        for col in checks:
            ok = (
                str(pred.at[p, col]) == str(ga.at[g, col])
                if col != "role"
                else str(pred.at[p, col]).lower() == str(ga.at[g, col]).lower()
            )
            checks[col].append(ok)
            if not ok:
                attr_rows.append(
                    {
                        "gold": g,
                        "predicted": p,
                        "field": col,
                        "expected": ga.at[g, col],
                        "found": pred.at[p, col],
                    }
                )
    accuracy = {
        f"{col}_accuracy": round(sum(oks) / len(oks), 4) if oks else 1.0
        for col, oks in checks.items()
    }
    return accuracy, attr_rows


def _mention_links(
    gm: pd.DataFrame, mentions: pd.DataFrame, mapping: dict[str, str]
) -> tuple[int, list[dict[str, Any]]]:
    """How many gold actor mentions overlap a mention linked to the right actor, and the others
    with what was found there."""
    linked = 0
    miss_rows = []
    pm = mentions[mentions["actor_id"] != ""]
    gold_mention: Any  # a table row; the schema types its fields
    for gold_mention in gm[gm["actor"] != ""].itertuples():
        hits = pm[(pm["start"] < gold_mention.end) & (pm["end"] > gold_mention.start)]
        if any(mapping.get(a) == gold_mention.actor for a in hits["actor_id"]):
            linked += 1
        else:
            found = (
                ", ".join(f"{t} → {a}" for t, a in zip(hits["text"], hits["actor_id"])) or "nothing"
            )
            miss_rows.append(
                {
                    "text": gold_mention.text,
                    "start": gold_mention.start,
                    "gold": gold_mention.actor,
                    "found": found,
                }
            )
    return linked, miss_rows


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


GEOCODE_TOLERANCE_KM = {"city": 50, "region": 500, "country": 1000, "other": 500}


def score_places(gold: dict[str, Any], places: pd.DataFrame) -> Score:
    """Place P/R/F1 (same kind and country, and near) and geocoding accuracy."""
    gp: pd.DataFrame = gold["place_table"]
    used: set[str] = set()
    tp = 0
    good_geo = 0
    misses = []
    g: Any  # a table row; the schema types its fields
    for g in gp.itertuples():
        best = None
        p: Any  # a table row; the schema types its fields
        for p in places.itertuples():
            if p.place_id in used or p.kind != g.kind or p.country != g.country:
                continue
            if (
                p.place_id == g.id
                or p.name.lower() in g.name.lower()
                or g.name.lower() in p.name.lower()
            ):
                best = p
                break
        if best is None:
            misses.append({"place": g.id, "name": g.name, "why": "not found"})
            continue
        used.add(best.place_id)
        tp += 1
        dist = _km(g.lat, g.lon, best.lat, best.lon) if pd.notna(best.lat) else float("inf")
        if dist <= GEOCODE_TOLERANCE_KM.get(g.kind, 500):
            good_geo += 1
        else:
            misses.append({"place": g.id, "name": g.name, "why": f"geocoded {dist:.0f} km away"})
    false_hits = places[~places["place_id"].isin(used)][["place_id", "name", "kind"]]
    scores = {f"places_{k}": v for k, v in prf(tp, len(places), len(gp)).items()}
    scores["geocoding_accuracy"] = round(good_geo / tp, 4) if tp else 1.0
    return Score(
        scores,
        pd.DataFrame(misses, columns=["place", "name", "why"]),
        false_hits.reset_index(drop=True),
    )


COMPATIBLE = [
    {"AGREE", "COOPERATE", "SUPPORT"},
    {"COOPERATE", "AID"},
    {"CONSULT"},
    {"ACCUSE", "THREATEN", "PROTEST", "REJECT", "REQUEST"},
    {"SANCTION", "COERCE"},
    {"MOBILIZE", "ASSAULT", "COERCE"},
    {"CONCEDE", "RETREAT"},
]


def compatible(a: str, b: str) -> bool:
    """Are two PLOVER categories the same or close enough to count as one event?"""
    return a == b or any(a in g and b in g for g in COMPATIBLE)


def _sentence_of(sentences: pd.DataFrame, pos: int) -> int:
    hit = sentences[(sentences["start"] <= pos) & (sentences["end"] > pos)]
    return int(hit["sentence_id"].iloc[0]) if len(hit) else -1


def score_events(
    gold: dict[str, Any],
    events: pd.DataFrame,
    sentences: pd.DataFrame,
    body: str,
    mapping: dict[str, str] | None = None,
) -> Score:
    """Event P/R/F1: same sentence, same source and target (either order when symmetric) and a
    compatible category; plus date and negation accuracy over the matched events."""
    mapping = mapping or {}
    pred = events.assign(
        gs=events["source"].map(lambda a: mapping.get(a, a)),
        gt=events["target"].map(lambda a: mapping.get(a, a)),
    )
    used: set[str] = set()
    misses, matched = [], []
    for trig, n, typ, src, tgt, sym, date, neg in gold.get("events", []):
        start, _ = occurrence(body, trig, n)
        sid = _sentence_of(sentences, start)
        hit = None
        r: Any  # a table row; the schema types its fields
        for r in pred[pred["sentence_id"] == sid].itertuples():
            if r.event_id in used or not compatible(r.type, typ):
                continue
            if (r.gs, r.gt) == (src, tgt) or (sym and (r.gt, r.gs) == (src, tgt)):
                hit = r
                break
        if hit is None:
            misses.append(
                {"sentence_id": sid, "trigger": trig, "type": typ, "source": src, "target": tgt}
            )
            continue
        used.add(hit.event_id)
        matched.append((hit, date, neg))
    false_hits = events[~events["event_id"].isin(used)][
        ["event_id", "sentence_id", "type", "source", "target", "trigger"]
    ].reset_index(drop=True)
    scores = {
        f"events_{k}": v
        for k, v in prf(len(matched), len(events), len(gold.get("events", []))).items()
    }
    dated = [(h, d) for h, d, _ in matched if "/" not in d]  # a period no event date can hold
    scores["event_date_accuracy"] = (
        round(sum(h.date == d for h, d in dated) / len(dated), 4) if dated else 1.0
    )
    scores["negation_accuracy"] = (
        round(sum(bool(h.negated) == n for h, _, n in matched) / len(matched), 4)
        if matched
        else 1.0
    )
    return Score(
        scores,
        pd.DataFrame(misses, columns=["sentence_id", "trigger", "type", "source", "target"]),
        false_hits,
    )


def score_dates(gold: dict[str, Any], dates: pd.DataFrame, body: str) -> Score:
    """Date accuracy: the share of gold time expressions found with the right normalised value."""
    rows, correct = [], 0
    found_ids: set[str] = set()
    for text, n, value, _kind in gold.get("dates", []):
        s, e = occurrence(body, text, n)
        hit = dates[(dates["start"] < e) & (dates["end"] > s)]
        got = hit["value"].iloc[0] if len(hit) else None
        found_ids.update(hit["date_id"])
        if got == value:
            correct += 1
        else:
            rows.append(
                {
                    "text": text,
                    "expected": value,
                    "found": "not found" if got is None else (got or "(empty)"),
                }
            )
    n_gold = len(gold.get("dates", []))
    extra = dates[~dates["date_id"].isin(found_ids)][["date_id", "text", "value"]].reset_index(
        drop=True
    )
    return Score(
        {"date_accuracy": round(correct / n_gold, 4) if n_gold else 1.0, "dates_found": len(dates)},
        pd.DataFrame(rows, columns=["text", "expected", "found"]),
        extra,
    )


def score_quotes(
    gold: dict[str, Any], quotes: pd.DataFrame, body: str, mapping: dict[str, str] | None = None
) -> Score:
    """Quote P/R/F1 (a predicted quotation covering the gold one's opening words) and speaker accuracy."""
    mapping = mapping or {}
    used: set[str] = set()
    rows, speakers_ok, matched = [], 0, 0
    for prefix, n, speaker, _marked in gold.get("quotes", []):
        s, _ = occurrence(body, prefix, n)
        hit = quotes[
            (quotes["start"] <= s + 2) & (quotes["end"] > s) & ~quotes["quote_id"].isin(used)
        ]
        if hit.empty:
            rows.append({"quote": prefix, "expected": speaker, "found": "quotation not found"})
            continue
        q = hit.iloc[0]
        used.add(q["quote_id"])
        matched += 1
        got = mapping.get(q["speaker"], q["speaker"])
        if got == speaker:
            speakers_ok += 1
        else:
            rows.append({"quote": prefix, "expected": speaker, "found": got or "(no speaker)"})
    scores = {
        f"quotes_{k}": v for k, v in prf(matched, len(quotes), len(gold.get("quotes", []))).items()
    }
    scores["speaker_accuracy"] = round(speakers_ok / matched, 4) if matched else 1.0
    extra = quotes[~quotes["quote_id"].isin(used)][["quote_id", "speaker", "text"]].reset_index(
        drop=True
    )
    return Score(scores, pd.DataFrame(rows, columns=["quote", "expected", "found"]), extra)


def score_all(
    directory: str | Path, gold_file: str | Path, automatic: bool = False
) -> dict[str, Score]:
    """Every score for an annotation folder (tables read only through the contract); ``automatic``
    scores the annotators' own tables, before analysts' corrections (``auto/``, see ``corrections``)."""
    from . import corrections, schemas

    body = schemas.read_body(directory)
    gold = load_gold(gold_file, body)
    read = corrections.read_automatic if automatic else schemas.read_table
    t = {name: read(directory, name) for name in schemas.SCHEMAS}
    mapping = align_actors(gold["mention_table"], t["mentions"])
    return {
        "actors": score_actors(gold, t["actors"], t["mentions"]),
        "places": score_places(gold, t["places"]),
        "events": score_events(gold, t["events"], t["sentences"], body, mapping),
        "dates": score_dates(gold, t["dates"], body),
        "quotes": score_quotes(gold, t["quotes"], body, mapping),
    }


#: The misses and false hits of each score, in words: (misses, false hits).
ERROR_LABELS: dict[str, tuple[str, str]] = {
    "actors": (
        "Gold mentions missed or linked to the wrong actor",
        "Predicted actors that are false hits or duplicates",
    ),
    "places": ("Missed places", "Places not in the gold standard"),
    "events": ("Missed events", "Events not in the gold standard"),
    "dates": ("Wrong or missing dates", "Time expressions not in the gold standard"),
    "quotes": ("Wrong or missing quotations", "Quotations not in the gold standard"),
}


def metrics_table(scores: dict[str, Score], *names: str) -> pd.DataFrame:
    """One row per measure (columns ``measure``, ``value``) of the scores ``names``, in that
    order (all of ``scores`` when none is named)."""
    rows = [
        (measure, value)
        for name in (names or tuple(scores))
        for measure, value in scores[name].metrics.items()
    ]
    return pd.DataFrame(rows, columns=["measure", "value"])


def errors(scores: dict[str, Score], *names: str) -> list[tuple[str, pd.DataFrame]]:
    """(label, rows) of the misses, then the false hits, of the scores ``names`` in that order
    (all of ``scores`` when none is named); a score without errors gives empty frames."""
    out = []
    for name in names or tuple(scores):
        missed, extra = ERROR_LABELS[name]
        out += [(missed, scores[name].misses), (extra, scores[name].false_hits)]
    return out


# --- PLOVER gold-standard records (one sentence each) -------------------------------------------

#: PLOVER 0.5 names used by the gold records -> PLOVER 2021 categories.
PLOVER_05 = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
#: CAMEO country codes of the records that differ from ISO 3166 alpha-3.
CAMEO_ISO3 = {"JAP": "JPN"}


def load_plover_records(path: str | Path) -> list[dict[str, Any]]:
    """The event records of a PLOVER gold-standard JSONL file (documentation records skipped),
    with ``category`` in PLOVER 2021 terms and ``sources``/``targets`` as sets of codes."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec.get("event") == "DOCUMENT":
            continue

        def codes(side: Any) -> set[str]:
            return (
                {CAMEO_ISO3.get(a["code"], a["code"]) for a in side}
                if isinstance(side, list)
                else set()
            )

        out.append(
            {
                "id": rec["id"],
                "text": rec["text"],
                "date": rec.get("date", ""),
                "category": PLOVER_05.get(rec["event"], rec["event"]),
                "sources": codes(rec.get("source")),
                "targets": codes(rec.get("target")),
            }
        )
    return out


def actor_codes(actors: pd.DataFrame) -> dict[str, str]:
    """actor_id -> the three-letter code the PLOVER records use: the CAMEO code's first three
    letters when there is one, else the ISO3 country, else ``IGO`` for international bodies."""
    out = {}
    coded = "code" in actors.columns
    a: Any  # a table row; the schema types its fields
    for a in actors.itertuples():
        code = str(getattr(a, "code", "") or "")
        if code[:3]:
            out[a.actor_id] = code[:3]
        elif a.country:
            out[a.actor_id] = a.country
        elif (
            a.type in ("organization", "bloc") and not coded
        ):  # tables without codes (the baseline)
            out[a.actor_id] = "IGO"
        else:
            out[a.actor_id] = ""
    return out


def _dyad_right(ev: Any, codes: dict[str, str], rec: dict[str, Any]) -> bool:
    src, tgt = codes.get(ev.source, ""), codes.get(ev.target, "")
    if src not in rec["sources"]:
        return False
    if rec["targets"]:
        return tgt in rec["targets"]
    return tgt in rec["sources"] | {""}  # "Jordan and Britain agreed": the pair in either role


@dataclass
class RecordScore:
    """Scores over PLOVER records: overall metrics, one row per category, the records missed."""

    metrics: dict[str, float]
    per_category: pd.DataFrame
    misses: pd.DataFrame


def score_plover_records(
    records: list[dict[str, Any]], predictions: list[tuple[pd.DataFrame, pd.DataFrame]]
) -> RecordScore:
    """Category precision/recall/F1 over records (each distinct predicted category of a sentence is
    one guess) and the share of records with an event of the right category between the right
    source and target codes. ``predictions[i]`` is (events, actors) for ``records[i]``."""
    guesses = hits = dyads = 0
    per_cat: dict[str, Counter] = {}
    rows = []
    for rec, (events, actors) in zip(records, predictions, strict=True):
        cats = sorted(set(events["type"])) if len(events) else []
        guesses += len(cats)
        gold = rec["category"]
        ok = gold in cats
        hits += ok
        codes = actor_codes(actors)
        dyad = ok and any(
            _dyad_right(e, codes, rec) for e in events[events["type"] == gold].itertuples()
        )
        dyads += dyad
        c = per_cat.setdefault(gold, Counter())
        c["gold"] += 1
        c["found"] += ok
        c["dyad"] += dyad
        for cat in cats:
            per_cat.setdefault(cat, Counter())["guessed"] += 1
        rows.append(
            {
                "id": rec["id"],
                "gold": gold,
                "found": " ".join(cats),
                "category_right": ok,
                "dyad_right": dyad,
                "text": rec["text"],
            }
        )
    metrics = {f"category_{k}": v for k, v in prf(hits, guesses, len(records)).items()}
    metrics["dyad_recall"] = round(dyads / len(records), 4) if records else 1.0
    metrics["guesses_per_record"] = round(guesses / len(records), 2) if records else 0.0
    table = pd.DataFrame(
        [
            {
                "category": k,
                "gold": c["gold"],
                "guessed": c["guessed"],
                "found": c["found"],
                "dyad_right": c["dyad"],
                **prf(c["found"], c["guessed"], c["gold"]),
            }
            for k, c in sorted(per_cat.items())
        ]
    )
    detail = pd.DataFrame(rows)
    return RecordScore(metrics, table, detail[~detail["category_right"]].reset_index(drop=True))


def with_and_without_corrections(directory: str | Path, gold_file: str | Path) -> pd.DataFrame:
    """Every metric of :func:`score_all` on the automatic tables and on the corrected ones, one row per
    metric (table, metric, automatic, corrected, change); the two columns are equal without corrections."""
    auto, fixed = score_all(directory, gold_file, automatic=True), score_all(directory, gold_file)
    rows = [
        {
            "table": t,
            "metric": m,
            "automatic": v,
            "corrected": fixed[t].metrics.get(m),
            "change": round(fixed[t].metrics.get(m, math.nan) - v, 4)
            if isinstance(v, (int, float))
            else None,
        }
        for t, score in auto.items()
        for m, v in score.metrics.items()
    ]
    return pd.DataFrame(rows, columns=["table", "metric", "automatic", "corrected", "change"])
