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
    "undecodable": b"Minsk and Moscow \x81 signed \xc3\x28 a deal on gas.",  # neither UTF-8 nor Windows-1252
    "french": (
        "Le président français Emmanuel Macron a rencontré hier à Paris le chancelier allemand Olaf "
        "Scholz pour discuter de la guerre en Ukraine et des sanctions."
    ).encode(),
    "page without an article": b"<html><head><script>alert(1)</script></head><body><nav>Home | News</nav>"
    b"<div class=cookie>We use cookies</div></body></html>",
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_input_exits_2_with_one_line_and_writes_nothing(cli, tmp_path, kind):
    path = tmp_path / (
        f"{kind.replace(' ', '-')}.html" if kind.startswith("page") else f"{kind}.txt"
    )
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
            assert all(body[r.start : r.end] == r.text for r in df.itertuples())
    meta = json.loads((out / "meta.json").read_text())
    assert all(k in meta for k in schemas.META_KEYS)


def test_same_input_gives_byte_identical_tables(cli, tmp_path, default_article):
    a, b = tmp_path / "a", tmp_path / "b"
    assert cli("annotate", default_article, "--out", a).returncode == 0
    assert cli("annotate", default_article, "--out", b).returncode == 0
    for f in sorted(
        p.relative_to(a) for p in a.rglob("*") if p.is_file()
    ):  # auto/ too, when corrected
        assert (a / f).read_bytes() == (b / f).read_bytes(), f


def test_a_failed_run_leaves_earlier_tables_untouched(cli, tmp_path, default_article):
    out = tmp_path / "out"
    assert cli("annotate", default_article, "--out", out).returncode == 0
    before = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert cli("annotate", empty, "--out", out).returncode == 2
    assert {
        str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()
    } == before


ENGLISH = (
    "Minsk and Moscow signed a deal on gas. The Belarusian president said it would last a decade.\n"
)


@pytest.mark.parametrize("encoding, says", [("utf-16", "utf-16"), ("cp1252", "windows-1252")])
def test_utf16_with_a_bom_and_windows_1252_are_read_and_meta_says_so(cli, tmp_path, encoding, says):
    path = tmp_path / "article.txt"
    text = ENGLISH.replace("said", "said \u201cyes\u201d \u2013 and")
    path.write_bytes(
        ("\ufeff" if encoding == "utf-16" else "").encode(encoding)[:0] + text.encode(encoding)
    )
    res = cli("annotate", path, "--out", tmp_path / "out")
    assert res.returncode == 0, res.stderr
    meta = json.loads((tmp_path / "out" / "meta.json").read_text())
    assert meta["encoding"].startswith(says)
    assert "\u201cyes\u201d \u2013" in (tmp_path / "out" / "body.txt").read_text(encoding="utf-8")


def test_a_text_in_another_language_is_refused_unless_forced_and_meta_records_the_guess(
    cli, tmp_path
):
    path = tmp_path / "french.txt"
    path.write_bytes(BAD["french"])
    res = cli("annotate", path, "--out", tmp_path / "out")
    assert (
        res.returncode == 2 and "looks like French" in res.stderr and "--language en" in res.stderr
    )
    res = cli("annotate", path, "--out", tmp_path / "out", "--language", "en")
    assert res.returncode == 0, res.stderr
    meta = json.loads((tmp_path / "out" / "meta.json").read_text())
    assert (meta["language"], meta["language_detected"]) == ("en", "fr") and meta[
        "language_confidence"
    ] > 0.9


def test_a_future_publication_date_is_refused_unless_allowed(cli, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    res = cli("annotate", path, "--out", tmp_path / "out", "--published", "2999-01-01")
    assert res.returncode == 2 and "in the future" in res.stderr and not (tmp_path / "out").exists()
    assert (
        cli(
            "annotate",
            path,
            "--out",
            tmp_path / "out",
            "--published",
            "2999-01-01",
            "--allow-future",
        ).returncode
        == 0
    )


def test_a_file_over_the_size_limit_is_refused_with_the_limit(cli, tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.write(ENGLISH.encode() * (10_000_000 // len(ENGLISH) + 10))
    res = cli("annotate", path, "--out", tmp_path / "out")
    assert res.returncode == 2 and "10 MB limit" in res.stderr and "annotate-corpus" in res.stderr


def test_an_interrupted_run_leaves_the_previous_tables_intact(tmp_path, default_article):
    """A run killed part-way (SIGKILL, no chance to clean up) changes nothing already written."""
    import signal
    import subprocess
    import sys
    import time

    from helpers import config

    out = tmp_path / "out"
    pipeline.annotate(default_article, out)
    before = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    longer = tmp_path / "longer.txt"
    longer.write_text(
        "\n\n".join([default_article.read_text(encoding="utf-8")] * 20), encoding="utf-8"
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "helpers", "annotate", str(longer), "--out", str(out)],
        cwd=config.ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(6)  # long enough to be inside the annotators, too short to finish
    assert proc.poll() is None, "the run finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert {
        str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()
    } == before


def test_report_and_corpus_refuse_another_language_before_doing_any_work(cli, tmp_path):
    path = tmp_path / "french.txt"
    path.write_bytes(BAD["french"])
    res = cli("report", path)
    assert (
        res.returncode == 2 and "looks like French" in res.stderr and "Traceback" not in res.stderr
    )
    res = cli("annotate-corpus", tmp_path, "--out", tmp_path / "out", "--no-progress")
    assert res.returncode == 1 and "looks like French" in res.stdout
    res = cli(
        "annotate-corpus", tmp_path, "--out", tmp_path / "out", "--no-progress", "--language", "en"
    )
    assert res.returncode == 0, res.stdout + res.stderr
