"""Levels reached on text nobody tuned the annotators to: the development set (public-domain texts
with gold written by reading) and the development half of the PLOVER gold-standard records. A drop
below these floors fails; `make bench` prints the full tables (benchmarks/events_bench.py)."""

from __future__ import annotations

import statistics
import sys

import pytest

from helpers import config, evaluate

sys.path.insert(0, str(config.ROOT / "benchmarks"))
import events_bench


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory):
    work = tmp_path_factory.mktemp("dev")
    golds = sorted(p for p in events_bench.DEV.glob("*.json") if not p.name.endswith(".meta.json"))
    assert len(golds) >= 10, "the development set holds at least ten texts"
    return [events_bench.score_dev_text(g, work) for g in golds]


def macro(scores: list[dict[str, float]], key: str) -> float:
    return statistics.mean(s[key] for s in scores)


def test_development_set_levels_hold(dev_scores):
    assert macro(dev_scores, "actors_f1") >= 0.94
    assert macro(dev_scores, "country_accuracy") >= 0.97
    assert macro(dev_scores, "mention_linking_recall") >= 0.94
    assert macro(dev_scores, "speaker_accuracy") >= 0.99
    assert macro(dev_scores, "quotes_f1") >= 0.79
    assert macro(dev_scores, "events_f1") >= 0.64
    assert macro(dev_scores, "event_date_accuracy") >= 0.95


def test_plover_gold_records_levels_hold_and_beat_the_naive_baseline():
    records = evaluate.load_plover_records(events_bench.GSR)
    coder = evaluate.score_plover_records(records, events_bench.gsr_predictions(records)).metrics
    base = evaluate.score_plover_records(
        records, events_bench.baseline_predictions(records)
    ).metrics
    assert coder["category_f1"] >= 0.80 and coder["dyad_recall"] >= 0.62
    assert coder["category_f1"] > base["category_f1"] + 0.3
