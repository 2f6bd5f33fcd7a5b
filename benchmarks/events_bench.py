"""Event and actor quality on text nobody tuned to (figures, not tests).

    python benchmarks/events_bench.py [gsr|dev|all]

- ``gsr``: the development half of the PLOVER gold-standard records (``data/gold/plover_gsr_dev.jsonl``,
  one sentence each): category precision/recall/F1 and the share of records whose event has the right
  source and target codes, per category and overall, for the coder and for the naive baseline.
- ``dev``: every text of the development set (``data/gold/dev/``) annotated from scratch and scored
  against its gold (actors, countries, mention linking, events, event dates, dates, quotes, speakers),
  by article and macro-averaged, with the default article beside it.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from helpers import config, evaluate, nlp, pipeline, schemas  # noqa: E402

GSR = config.GOLD / "plover_gsr_dev.jsonl"
DEV = config.GOLD / "dev"
DEV_METRICS = [
    "actors_f1",
    "country_accuracy",
    "mention_linking_recall",
    "events_precision",
    "events_recall",
    "events_f1",
    "event_date_accuracy",
    "date_accuracy",
    "quotes_f1",
    "speaker_accuracy",
]


def _annotate_text(text: str, work: Path, name: str, published: str | None = None) -> Path:
    src = work / f"{name}.txt"
    src.write_text(text + "\n", encoding="utf-8")
    return pipeline.annotate(src, work / name, published=published)


def gsr_predictions(records: list[dict]) -> list[tuple[pd.DataFrame, pd.DataFrame]]:
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, rec in enumerate(records):
            d = _annotate_text(rec["text"], Path(tmp), f"r{i:03d}")
            out.append((schemas.read_table(d, "events"), schemas.read_table(d, "actors")))
    return out


def baseline_predictions(records: list[dict]) -> list[tuple[pd.DataFrame, pd.DataFrame]]:
    import baseline

    return [baseline.code(nlp.parse(r["text"])) for r in records]


def show_gsr() -> dict[str, float]:
    records = evaluate.load_plover_records(GSR)
    t = time.perf_counter()
    coder = evaluate.score_plover_records(records, gsr_predictions(records))
    took = time.perf_counter() - t
    base = evaluate.score_plover_records(records, baseline_predictions(records))
    print(f"PLOVER gold records, development half: {len(records)} sentences ({took:.1f} s)")
    print(f"{'':24}{'coder':>10}{'baseline':>10}")
    for k in coder.metrics:
        print(f"{k:24}{coder.metrics[k]:>10}{base.metrics[k]:>10}")
    print("\nper category (coder):")
    print(coder.per_category.to_string(index=False))
    return coder.metrics


def score_dev_text(gold_file: Path, work: Path) -> dict[str, float]:
    import json

    meta = json.loads(gold_file.with_suffix(".meta.json").read_text(encoding="utf-8"))
    text = gold_file.with_suffix(".txt")
    out = pipeline.annotate(text, work / gold_file.stem, published=meta.get("published"))
    scores = evaluate.score_all(out, gold_file)
    flat: dict[str, float] = {}
    for s in scores.values():
        flat.update(s.metrics)
    return flat


def baseline_dev_text(gold_file: Path, work: Path) -> dict[str, float]:
    """The naive baseline (raw NER, 14 verbs) scored on one development text."""
    import baseline

    out = pipeline.annotate(gold_file.with_suffix(".txt"), work / f"{gold_file.stem}-base")
    body = schemas.read_body(out)
    gold = evaluate.load_gold(gold_file, body)
    t = baseline.tables(nlp.parse(body))
    mapping = evaluate.align_actors(gold["mention_table"], t["mentions"])
    flat = dict(evaluate.score_actors(gold, t["actors"], t["mentions"]).metrics)
    flat.update(
        evaluate.score_events(
            gold, t["events"], schemas.read_table(out, "sentences"), body, mapping
        ).metrics
    )
    return flat


def show_dev() -> dict[str, float]:
    golds = sorted(p for p in DEV.glob("*.json") if not p.name.endswith(".meta.json"))
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = []
        for g in golds:
            rows[g.stem] = score_dev_text(g, Path(tmp))
            base.append(baseline_dev_text(g, Path(tmp)))
        default = evaluate.score_all(
            pipeline.annotate(config.DEFAULT_ARTICLE, Path(tmp) / "default"),
            evaluate.gold_path(config.DEFAULT_SLUG),
        )
    table = pd.DataFrame(rows).T.reindex(columns=DEV_METRICS)
    pd.set_option("display.width", 200)
    print(f"Development set: {len(golds)} texts")
    print(table.round(2).to_string())
    macro = {k: round(statistics.mean(table[k]), 4) for k in DEV_METRICS} if len(table) else {}
    print("macro  " + "  ".join(f"{k}={v:.2f}" for k, v in macro.items()))
    keys = [
        "actors_f1",
        "country_accuracy",
        "mention_linking_recall",
        "events_precision",
        "events_recall",
        "events_f1",
    ]
    print(
        "naive baseline macro  "
        + "  ".join(f"{k}={statistics.mean(b[k] for b in base):.2f}" for k in keys)
    )
    flat = {k: v for s in default.values() for k, v in s.metrics.items()}
    print("default article  " + "  ".join(f"{k}={flat[k]:.2f}" for k in DEV_METRICS))
    return macro


def main(argv: list[str]) -> None:
    what = argv[0] if argv else "all"
    nlp.load()
    if what in ("gsr", "all"):
        show_gsr()
    if what in ("dev", "all"):
        print()
        show_dev()


if __name__ == "__main__":
    main(sys.argv[1:])
