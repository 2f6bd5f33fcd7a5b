"""Many articles at once: one parse per article, resumable corpus runs, combined tables in DuckDB
and Parquet, the same results in one process, two processes or on a Dask cluster."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from helpers import corpus, nlp, pipeline, schemas
from helpers.__main__ import main

from .conftest import FIXTURES

ARTICLES = ("china-taiwan", "eu-turkey-migration", "sudan")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A corpus folder of three short news texts."""
    src = tmp_path / "news"
    src.mkdir()
    _copy(src)
    return src


def _copy(src: Path) -> None:
    for name in ARTICLES:  # each text with its metadata sidecar
        for suffix in (".txt", ".meta.json"):
            shutil.copy(FIXTURES / f"{name}{suffix}", src / f"{name}{suffix}")


@pytest.fixture(scope="module")
def single(tmp_path_factory) -> Path:
    """The three texts annotated in one process."""
    src = tmp_path_factory.mktemp("single-src")
    _copy(src)
    out = tmp_path_factory.mktemp("single-out")
    corpus.run(src, out, progress=False)
    return out


def test_each_article_gets_the_same_tables_as_annotating_it_alone(single, tmp_path):
    for name in ARTICLES:
        alone = pipeline.annotate(FIXTURES / f"{name}.txt", tmp_path / name)
        for table in corpus.TABLES:
            assert (single / name / f"{table}.csv").read_bytes() == (
                alone / f"{table}.csv"
            ).read_bytes(), (name, table)


def test_combined_tables_carry_the_article_and_can_be_queried_with_sql(single):
    events = corpus.read_combined(single, "events")
    assert list(events.columns[:2]) == ["article", "event_id"]
    assert set(events["article"]) <= set(ARTICLES)
    con = duckdb.connect(str(single / corpus.DATABASE), read_only=True)
    counts = dict(con.execute("SELECT article, count(*) FROM actors GROUP BY article").fetchall())
    con.close()
    assert counts == corpus.read_combined(single, "actors")["article"].value_counts().to_dict()


def test_combined_tables_from_memory_are_those_read_from_the_files(single, tmp_path):
    slugs = sorted(p.name for p in single.iterdir() if (p / "meta.json").exists())
    src = tmp_path / "src"
    src.mkdir()
    _copy(src)
    corpus.run(src, tmp_path / "out", progress=False)  # this process wrote them: from memory
    warm = corpus.combined_tables(tmp_path / "out", slugs)
    schemas._CELLS.clear()
    schemas._HEADERS.clear()
    schemas._VALIDATED.clear()
    cold = corpus.combined_tables(tmp_path / "out", slugs)  # read and validated from the files
    for name in ("articles", *corpus.TABLES):
        pd.testing.assert_frame_equal(warm[name], cold[name], check_exact=True)
        assert list(warm[name].dtypes) == list(cold[name].dtypes), name


def test_a_second_run_skips_unchanged_articles_and_redoes_a_changed_one(folder, tmp_path):
    out = tmp_path / "out"
    first = corpus.run(folder, out, progress=False)
    assert first.count("annotated") == 3
    again = corpus.run(folder, out, progress=False)
    assert again.count("unchanged") == 3
    path = folder / "sudan.txt"
    path.write_text(
        path.read_text(encoding="utf-8") + "\n\nThe army denied the report.\n", encoding="utf-8"
    )
    third = corpus.run(folder, out, progress=False)
    assert {o.slug: o.status for o in third.outcomes}["sudan"] == "annotated"
    assert third.count("unchanged") == 2


def test_a_bad_article_is_reported_and_the_others_are_annotated(folder, tmp_path, capsys):
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    before = (folder / "broken.txt").read_bytes()
    status = main(["annotate-corpus", str(folder), "--out", str(tmp_path / "out"), "--no-progress"])
    printed = capsys.readouterr().out
    assert status == 1  # some failed
    assert "1 failed" in printed and "broken.txt: looks like a binary file" in printed
    assert len(corpus.read_combined(tmp_path / "out", "sentences")["article"].unique()) == 3
    assert (folder / "broken.txt").read_bytes() == before  # raw input untouched


@pytest.mark.parametrize(
    "spec, says",
    [
        ("{tmp}/empty", "holds no articles"),
        ("{tmp}/nothing-*.txt", "matches no articles"),
        ("{tmp}/missing", "no such file or folder"),
    ],
)
def test_nothing_to_annotate_is_one_line_and_exit_2(tmp_path, capsys, spec, says):
    (tmp_path / "empty").mkdir()
    status = main(
        [
            "annotate-corpus",
            spec.format(tmp=tmp_path),
            "--out",
            str(tmp_path / "out"),
            "--no-progress",
        ]
    )
    err = capsys.readouterr().err
    assert (
        status == 2
        and says in err
        and len(err.strip().splitlines()) == 1
        and "Traceback" not in err
    )


def test_an_unreachable_dask_scheduler_is_one_line_and_exit_2(folder, tmp_path, capsys):
    status = main(
        [
            "annotate-corpus",
            str(folder),
            "--out",
            str(tmp_path / "out"),
            "--no-progress",
            "--dask",
            "tcp://127.0.0.1:9",
        ]
    )
    err = capsys.readouterr().err
    assert status == 2 and "cannot reach the Dask scheduler" in err
    assert not (tmp_path / "out" / corpus.DATABASE).exists()


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(list(df.columns)).reset_index(drop=True)


def test_two_processes_and_a_dask_cluster_give_the_same_combined_tables(single, folder, tmp_path):
    for how, kwargs in (
        ("processes", {"processes": 2, "batch": 1}),
        ("dask", {"dask": "local", "processes": 2, "batch": 1}),
    ):
        out = tmp_path / how
        summary = corpus.run(folder, out, progress=False, **kwargs)
        assert summary.count("annotated") == 3, how
        for table in corpus.TABLES:
            assert _sorted(corpus.read_combined(out, table)).equals(
                _sorted(corpus.read_combined(single, table))
            ), (how, table)


def test_the_parse_is_saved_once_and_a_stale_one_is_remade(tmp_path):
    out = pipeline.ingest_stage(FIXTURES / "china-taiwan.txt", tmp_path / "a")
    assert (out / nlp.DOC_FILE).exists()
    body = (out / "body.txt").read_text(encoding="utf-8")
    doc, fresh = nlp.doc_for(out, body)
    assert not fresh and doc.text == body
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    meta[nlp.PARSE_KEY]["model"] = "xx_other_model 9.9"  # made by another pipeline: not trusted
    (out / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert nlp.doc_for(out, body)[1] is True
    assert nlp.doc_for(tmp_path / "a", body + " More.")[1] is True  # another text: not trusted
    pipeline.actor_stage(out)  # the stage re-parses and saves the parse it made
    assert nlp.doc_for(out, body)[1] is False
