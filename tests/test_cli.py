"""The command line of the contract: exit codes, one-line errors, nothing half-written."""

from __future__ import annotations

import json

import pytest

from helpers import pipeline, schemas


def pipeline_tables() -> list[str]:
    """Tables the annotate command writes: sentences, then those of each registered stage."""
    return ["sentences"] + [t for _, _, tables in pipeline.STAGES for t in tables]

BAD = {
    "missing": None,
    "directory": "DIR",
    "empty": b"",
    "whitespace": b"  \n\t\n  ",
    "binary": bytes(range(256)) * 4,
    "undecodable": "Minsk and Moscow signed a deal on gas. ".encode("utf-16"),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_input_exits_2_with_one_line_and_writes_nothing(cli, tmp_path, kind):
    path = tmp_path / f"{kind}.txt"
    content = BAD[kind]
    if content == "DIR":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    out = tmp_path / "out"
    res = cli("annotate", path, "--out", out)
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in res.stderr
    assert lines[0].startswith("error: ") and str(path.name) in lines[0]
    assert not out.exists()


def test_bad_flag_value_exits_2(cli, tmp_path, default_article):
    res = cli("annotate", default_article, "--out", tmp_path / "out", "--published", "yesterday")
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_annotate_writes_the_contract_tables(cli, tmp_path, default_article):
    out = tmp_path / "out"
    res = cli("annotate", default_article, "--out", out)
    assert res.returncode == 0, res.stderr
    body = schemas.read_body(out)
    written = {p.stem for p in out.glob("*.csv")}
    assert written == set(pipeline_tables())
    for name in sorted(written):
        df = schemas.read_table(out, name)
        if {"start", "end", "text"} <= set(df.columns):
            assert all(body[r.start:r.end] == r.text for r in df.itertuples())
    meta = json.loads((out / "meta.json").read_text())
    assert all(k in meta for k in schemas.META_KEYS)


def test_same_input_gives_byte_identical_tables(cli, tmp_path, default_article):
    a, b = tmp_path / "a", tmp_path / "b"
    assert cli("annotate", default_article, "--out", a).returncode == 0
    assert cli("annotate", default_article, "--out", b).returncode == 0
    for f in sorted(p.name for p in a.iterdir()):
        assert (a / f).read_bytes() == (b / f).read_bytes(), f


def test_a_failed_run_leaves_earlier_tables_untouched(cli, tmp_path, default_article):
    out = tmp_path / "out"
    assert cli("annotate", default_article, "--out", out).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert cli("annotate", empty, "--out", out).returncode == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
