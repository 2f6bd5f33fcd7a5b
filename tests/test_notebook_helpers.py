"""The helpers the notebooks call instead of building tables, figures and findings inline."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import charts, config, evaluate, schemas, show

DEFAULT = config.PROCESSED / config.DEFAULT_SLUG


@pytest.fixture(scope="module")
def scores():
    return evaluate.score_all(DEFAULT, evaluate.gold_path(config.DEFAULT_SLUG))


def test_metrics_table_lists_every_measure_of_the_named_scores_in_order(scores):
    table = evaluate.metrics_table(scores, "events", "dates")
    assert list(table.columns) == ["measure", "value"]
    expected = list(scores["events"].metrics) + list(scores["dates"].metrics)
    assert table["measure"].tolist() == expected
    f1 = table.loc[table["measure"] == "events_f1", "value"].item()
    assert f1 == scores["events"].metrics["events_f1"]
    assert len(evaluate.metrics_table(scores)) == sum(len(s.metrics) for s in scores.values())


def test_errors_label_the_misses_then_the_false_hits_of_each_score(scores):
    found = evaluate.errors(scores, "places", "quotes")
    labels = [*evaluate.ERROR_LABELS["places"], *evaluate.ERROR_LABELS["quotes"]]
    assert [label for label, _ in found] == labels
    assert found[0][1] is scores["places"].misses and found[1][1] is scores["places"].false_hits
    assert set(evaluate.ERROR_LABELS) == set(scores)  # every score has words for its errors


def test_tables_say_none_for_an_empty_table_and_escape_labels():
    out = show.tables(
        [("Missed <things>", pd.DataFrame()), ("Extra", pd.DataFrame({"text": ["<b>x</b>"]}))]
    ).data
    assert "Missed &lt;things&gt;: none." in out
    assert "<strong>Extra</strong>" in out and "&lt;b&gt;x&lt;/b&gt;" in out and "<b>x" not in out


def test_figure_draws_the_figure_or_says_why_not():
    fig = charts.mentions_bar(schemas.read_table(DEFAULT, "actors"))
    assert show.figure(fig, "nothing") is fig
    assert "Nothing to draw." in show.figure(None, "Nothing to draw.").data


def test_sentence_lengths_draws_one_bar_per_sentence():
    sentences = schemas.read_table(DEFAULT, "sentences")
    fig = charts.sentence_lengths(sentences)
    assert sum(len(t.x) for t in fig.data) == len(sentences)
    paragraphs = sentences["paragraph_id"].nunique()
    assert fig.layout.title.text == f"{len(sentences)} sentences in {paragraphs} paragraphs"
    assert charts.sentence_lengths(sentences.iloc[:0]) is None


def test_mentions_bar_ranks_actors_by_mentions():
    cast = schemas.read_table(DEFAULT, "actors")
    fig = charts.mentions_bar(cast)
    top = cast.sort_values(["mentions", "actor_id"], ascending=[False, True]).iloc[0]
    assert fig.layout.title.text.startswith(f"{top['name']} is mentioned most")
    assert charts.mentions_bar(cast.iloc[:0]) is None
