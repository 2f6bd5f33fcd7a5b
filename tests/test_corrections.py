"""Analyst corrections: each action, the order they apply in, idempotence, stale entries after a rerun,
conflicts and malformed files refused with one line, tables untouched on error.

The article is a short real text (tests/fixtures/us-venezuela-sanctions.txt) whose automatic tables
are, in part:

    actors   state:USA, group:ven-bus ("Venezuela's state oil company"), state:VEN,
             person:nicolas-maduro, person:antony-blinken, org:us-treasury, person:yvan-gil,
             state:RUS, state:CHN, state:BRA, person:luiz-inacio-lula-da-silva
    events   s0 state:USA -> group:ven-bus 'imposed' (COERCE 163); s0 state:USA -> person:nicolas-maduro
             'accusing'; s2 org:us-treasury -> state:VEN 'froze'; s3 state:VEN -> org:us-treasury
             'rejected'; s5 state:RUS 'condemned'; s5 person:luiz-inacio-lula-da-silva 'urged'
    quotes   212-247 "hold the Maduro regime accountable." (person:antony-blinken)
    dates    132-143 "last year's" (unresolved)
"""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from helpers import config, corpus, corrections, evaluate, pipeline, schemas
from helpers.__main__ import main

from .conftest import FIXTURES

ARTICLE = FIXTURES / "us-venezuela-sanctions.txt"
BY = "by: ana\n  why: read the article"


@pytest.fixture(autouse=True)
def own_corrections_folder(tmp_path, monkeypatch) -> Path:
    """Every test looks for corrections in its own folder, never in data/corrections/."""
    folder = tmp_path / "corrections"
    folder.mkdir()
    monkeypatch.setenv("NEWS_ACTORS_CORRECTIONS", str(folder))
    return folder


@pytest.fixture(scope="module")
def annotated(tmp_path_factory) -> Path:
    """The article annotated once, without corrections."""
    return pipeline.annotate(ARTICLE, tmp_path_factory.mktemp("ven") / "ven", corrections=False)


@pytest.fixture
def folder(annotated, tmp_path) -> Path:
    """A fresh copy of the annotated article for one test."""
    return Path(shutil.copytree(annotated, tmp_path / "us-venezuela-sanctions"))


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def entries(*blocks: str) -> str:
    """A corrections file from entries written without their 'by'/'why' lines."""
    return "".join(f"- {textwrap.dedent(b).strip()}\n  {BY}\n" for b in blocks)


def apply(folder: Path, tmp_path: Path, *blocks: str) -> corrections.Result:
    return corrections.apply(folder, write(tmp_path / "fix.yaml", entries(*blocks)))


def table(folder: Path, name: str) -> pd.DataFrame:
    return schemas.read_table(folder, name)


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# --- each action -------------------------------------------------------------------------------


def test_without_a_corrections_file_every_row_is_automatic_and_no_auto_folder_is_written(folder):
    assert not (folder / "auto").exists()
    for name in schemas.PROVENANCE_TABLES:
        assert set(table(folder, name)["provenance"]) <= {"auto"}


def test_the_notebooks_name_the_corrections_file_and_show_nothing_without_one(
    folder, own_corrections_folder, monkeypatch
):
    fixes = corrections.summary(folder, ("actors", "mentions"))
    assert fixes.file == "" and fixes.applied.empty and fixes.stale.empty and fixes.changes.empty
    assert corrections.shown_file(folder) == str(own_corrections_folder / f"{folder.name}.yaml")
    monkeypatch.delenv("NEWS_ACTORS_CORRECTIONS")
    assert corrections.shown_file(folder) == f"data/corrections/{folder.name}.yaml"


def test_the_summary_of_a_folder_whose_later_stages_have_not_run_yet(folder, tmp_path):
    apply(folder, tmp_path, "action: set_country\n  actor: state:VEN\n  country: CUB")
    for name in ("events", "quotes", "dates"):  # as 02_actors sees a new article: no events yet
        (folder / f"{name}.csv").unlink()
    for tables in (("actors", "mentions"), None):
        fixes = corrections.summary(folder, tables)
        assert list(fixes.applied["action"]) == ["set_country"]
        assert list(zip(fixes.changes["table"], fixes.changes["id"])) == [("actors", "state:VEN")]


def test_merging_actors_moves_mentions_events_and_quotes_to_the_one_kept(folder, tmp_path):
    before = table(folder, "actors").set_index("actor_id")["mentions"]
    result = apply(
        folder, tmp_path, "action: merge_actors\n  into: state:VEN\n  from: group:ven-bus"
    )
    assert [o.action for o in result.applied] == ["merge_actors"] and not result.stale
    actors = table(folder, "actors").set_index("actor_id")
    assert "group:ven-bus" not in actors.index
    assert (
        actors.loc["state:VEN", "mentions"] == before["state:VEN"] + before["group:ven-bus"]
        and actors.loc["state:VEN", "provenance"] == "manual"
    )
    assert actors.loc["state:USA", "provenance"] == "auto"
    imposed = table(folder, "events").query("trigger == 'imposed'").iloc[0]
    assert (imposed["target"], imposed["provenance"]) == ("state:VEN", "manual")
    assert "group:ven-bus" not in set(table(folder, "mentions")["actor_id"])
    assert "group:ven-bus" not in (folder / "events.plover.jsonl").read_text()


def test_dropping_a_junk_actor_drops_the_events_it_is_the_source_of_and_unlinks_its_mentions(
    folder, tmp_path
):
    result = apply(folder, tmp_path, "action: drop_actor\n  actor: org:us-treasury")
    assert "1 events it was the source of dropped" in result.applied[0].note
    assert "org:us-treasury" not in set(table(folder, "actors")["actor_id"])
    events = table(folder, "events")
    assert "froze" not in set(events["trigger"])  # its own event is gone
    rejected = events.query("trigger == 'rejected'").iloc[
        0
    ]  # it was the target: the target is cleared
    assert (rejected["target"], rejected["provenance"]) == ("", "manual")
    assert "Treasury Department" not in set(table(folder, "mentions")["text"])


@pytest.mark.parametrize(
    "field, value",
    [("country", "COL"), ("role", "Oil company"), ("code", "VENBUS"), ("type", "organization")],
)
def test_setting_an_actors_field(folder, tmp_path, field, value):
    apply(folder, tmp_path, f"action: set_{field}\n  actor: group:ven-bus\n  {field}: {value}")
    row = table(folder, "actors").set_index("actor_id").loc["group:ven-bus"]
    assert row[field] == value
    assert row["provenance"] == (
        "auto" if value == "VENBUS" else "manual"
    )  # VENBUS: the annotator agreed


def test_relinking_a_mention_moves_its_count(folder, tmp_path):
    apply(
        folder,
        tmp_path,
        "action: relink_mention\n  mention: {start: 194, end: 204, text: Washington}\n"
        "  to: person:antony-blinken",
    )
    mention = table(folder, "mentions").query("start == 194").iloc[0]
    assert (mention["actor_id"], mention["how"], mention["provenance"]) == (
        "person:antony-blinken",
        "manual",
        "manual",
    )
    counts = table(folder, "actors").set_index("actor_id")["mentions"]
    assert (counts["state:USA"], counts["person:antony-blinken"]) == (1, 2)


def test_setting_a_quotes_speaker(folder, tmp_path):
    apply(
        folder,
        tmp_path,
        "action: set_speaker\n  quote: {start: 212, end: 247}\n  speaker: state:USA",
    )
    quote = table(folder, "quotes").query("start == 212").iloc[0]
    assert (quote["speaker"], quote["provenance"]) == ("state:USA", "manual")


EVENT_URGED = "event: {sentence: 5, source: person:luiz-inacio-lula-da-silva, trigger: urged}"


def test_dropping_recoding_and_dating_events(folder, tmp_path):
    apply(
        folder,
        tmp_path,
        "action: drop_event\n  event: {sentence: 5, source: state:RUS, trigger: condemned}",
        f"action: recode_event\n  {EVENT_URGED}\n  cameo: '046'",
        "action: set_date\n  event: {sentence: 0, source: state:USA, target: person:nicolas-maduro, "
        "trigger: accusing}\n  value: 2024-01-31\n  date_text: Wednesday",
    )
    events = table(folder, "events").set_index("trigger")
    assert "condemned" not in events.index
    assert tuple(events.loc["urged", ["type", "cameo", "goldstein", "provenance"]]) == (
        "CONSULT",
        "046",
        7.0,
        "manual",
    )
    assert tuple(events.loc["accusing", ["date", "date_text", "date_basis"]]) == (
        "2024-01-31",
        "Wednesday",
        "manual",
    )
    records = [
        json.loads(line) for line in (folder / "events.plover.jsonl").read_text().splitlines()
    ]
    assert [r["trigger"] for r in records] == list(
        events.index
    )  # the PLOVER file follows the corrected events


def test_setting_a_time_expressions_value(folder, tmp_path):
    apply(
        folder,
        tmp_path,
        "action: set_date_value\n  span: {start: 132, end: 143}\n  value: '2023'\n  kind: date",
    )
    row = table(folder, "dates").query("start == 132").iloc[0]
    assert (row["value"], row["kind"], row["provenance"]) == ("2023", "date", "manual")


def test_adding_a_missed_event_codes_it_from_its_cameo_code_in_document_order(folder, tmp_path):
    apply(
        folder,
        tmp_path,
        "action: add_event\n  sentence: 4\n  source: person:yvan-gil\n  target: state:RUS\n"
        "  trigger: called on\n  cameo: '020'",
    )
    events = table(folder, "events")
    added = events.query("event_id == 'm001'").iloc[0]
    assert (added["type"], added["goldstein"], added["confidence"], added["provenance"]) == (
        "REQUEST",
        3.0,
        1.0,
        "manual",
    )
    assert added["sentence"].startswith("Venezuelan Foreign Minister Yvan Gil said")
    assert list(events["sentence_id"]) == sorted(events["sentence_id"])


# --- order, idempotence, reruns ----------------------------------------------------------------


def test_entries_apply_in_a_fixed_order_whatever_their_order_in_the_file(folder, tmp_path):
    """The merge is written last, yet the event keyed by the merged-away actor and the country of the
    actor kept are found: merges come first, then drops, sets, relinks, event edits, adds."""
    result = apply(
        folder,
        tmp_path,
        "action: add_event\n  sentence: 0\n  source: group:ven-bus\n  target: state:USA\n"
        "  trigger: imposed\n  cameo: '172'\n  type: COERCE",
        "action: set_date\n  event: {sentence: 0, source: state:USA, target: group:ven-bus, "
        "trigger: imposed}\n  value: '2024-01-30'",
        "action: merge_actors\n  into: state:VEN\n  from: group:ven-bus",
    )
    assert not result.stale and [o.entry for o in result.applied] == [1, 2, 3]
    events = table(folder, "events")
    assert (
        events.query("trigger == 'imposed' and source == 'state:USA'").iloc[0]["date"]
        == "2024-01-30"
    )
    assert (
        events.query("event_id == 'm001'").iloc[0]["source"] == "state:VEN"
    )  # the add used the merged id


def test_applying_twice_is_applying_once_and_the_stages_rerun_to_the_same_bytes(
    folder, tmp_path, own_corrections_folder
):
    write(
        own_corrections_folder / "us-venezuela-sanctions.yaml",
        entries(
            "action: merge_actors\n  into: state:VEN\n  from: group:ven-bus",
            f"action: recode_event\n  {EVENT_URGED}\n  cameo: '046'",
        ),
    )
    corrections.apply(folder)
    once = files(folder)
    corrections.apply(folder)
    assert files(folder) == once
    pipeline.actor_stage(folder)  # what the notebooks do: each stage applies the corrections again
    pipeline.event_stage(folder)
    after = files(folder)
    assert {k: v for k, v in after.items() if k != "doc.spacy"} == {
        k: v for k, v in once.items() if k != "doc.spacy"
    }
    again = pipeline.annotate(
        ARTICLE, tmp_path / "again"
    )  # and annotate writes the very same tables
    for name in [*schemas.PROVENANCE_TABLES, "events.plover.jsonl"]:
        file = name if "." in name else f"{name}.csv"
        assert (again / file).read_bytes() == once[file] and (
            again / "auto" / file
        ).read_bytes() == once[f"auto/{file}"]


def test_a_rerun_with_a_changed_annotator_keeps_the_correction_and_reports_what_is_gone(
    folder, tmp_path
):
    fix = write(
        tmp_path / "fix.yaml",
        entries(
            f"action: recode_event\n  {EVENT_URGED}\n  cameo: '046'",
            "action: drop_event\n  event: {sentence: 5, source: state:RUS, trigger: condemned}",
        ),
    )
    corrections.apply(folder, fix)
    # another annotator: events renumbered, a confidence changed, and 'condemned' no longer found
    auto = schemas.read_table(folder / "auto", "events")
    auto["event_id"] = [f"e{100 + i}" for i in range(len(auto))]
    auto["confidence"] = 0.5
    auto = auto[auto["trigger"] != "condemned"]
    schemas.write_table(auto, "events", folder / "auto")
    result = corrections.apply(folder, fix)
    events = table(folder, "events").set_index("trigger")
    assert events.loc["urged", "cameo"] == "046" and events.loc["urged", "event_id"] == "e105"
    assert [(o.entry, o.action) for o in result.stale] == [(2, "drop_event")]
    assert "no event in sentence 5 from state:RUS" in result.stale[0].note
    assert corrections.summary(folder).stale["entry"].tolist() == [2]
    assert corrections.summary(
        folder, ("actors", "mentions")
    ).stale.empty  # 02_actors shows none of these
    assert corrections.summary(folder, ("events",)).applied["action"].tolist() == ["recode_event"]


def test_an_entry_whose_actor_is_gone_is_stale_not_misapplied(folder, tmp_path):
    result = apply(
        folder, tmp_path, "action: set_country\n  actor: person:hugo-chavez\n  country: VEN"
    )
    assert (
        result.stale[0].note == "no actor person:hugo-chavez in actors.csv" and not result.applied
    )
    assert (
        "corrections: " in result.lines()[0] and "stale: entry 1 (set_country)" in result.lines()[1]
    )


def test_removing_the_file_gives_the_automatic_tables_back(
    folder, tmp_path, own_corrections_folder
):
    before = files(folder)
    fix = write(
        own_corrections_folder / "us-venezuela-sanctions.yaml",
        entries("action: drop_actor\n  actor: state:CHN"),
    )
    corrections.apply(folder)
    assert (folder / "auto").is_dir() and files(folder) != before
    fix.unlink()
    corrections.apply(folder)
    assert not (folder / "auto").exists() and files(folder) == before


def test_the_changes_table_and_scores_with_and_without_corrections(
    tmp_path, own_corrections_folder
):
    write(
        own_corrections_folder / f"{config.DEFAULT_SLUG}.yaml",
        entries("action: drop_actor\n  actor: person:vladimir-putin"),
    )
    out = pipeline.annotate(config.DEFAULT_ARTICLE, tmp_path / "default")
    changes = corrections.summary(out).changes
    assert ("actors", "person:vladimir-putin", "dropped") in set(
        zip(changes["table"], changes["id"], changes["change"])
    )
    scores = evaluate.with_and_without_corrections(
        out, evaluate.gold_path(config.DEFAULT_SLUG)
    ).set_index("metric")
    assert scores.loc["actors_f1", "automatic"] == 1.0 > scores.loc["actors_f1", "corrected"]


# --- refused: one line naming the entry, the tables untouched ---------------------------------

BAD = {
    "not YAML": ("- action: set_country\n  actor: [state:VEN\n", "not valid YAML at line"),
    "not a list": ("action: set_country\n", "must be a YAML list of entries"),
    "unknown action": (
        entries("action: rename_actor\n  actor: state:VEN"),
        "entry 1 has action 'rename_actor'",
    ),
    "unknown field": (
        entries("action: set_country\n  actor: state:VEN\n  contry: CUB"),
        "entry 1 (set_country): unknown field 'contry'",
    ),
    "no reason": (
        "- action: drop_actor\n  actor: state:CHN\n  by: ana\n",
        "entry 1 (drop_actor): 'why' is a required",
    ),
    "unquoted code": (entries(f"action: recode_event\n  {EVENT_URGED}\n  cameo: 036"), "quote it"),
    "no such country": (
        entries("action: set_country\n  actor: state:VEN\n  country: XYZ"),
        "entry 1 (set_country): XYZ is no ISO 3166-1 alpha-3 country code",
    ),
    "unknown actor": (
        entries("action: merge_actors\n  into: state:CUB\n  from: state:VEN"),
        "entry 1 (merge_actors): into state:CUB is not an actor of this article",
    ),
    "event without its source": (
        entries(
            "action: add_event\n  sentence: 1\n  source: person:nobody\n"
            "  trigger: said\n  cameo: '020'"
        ),
        "entry 1 (add_event): source person:nobody is not an actor",
    ),
    "no such sentence": (
        entries(
            "action: add_event\n  sentence: 99\n  source: state:VEN\n  trigger: said\n"
            "  cameo: '020'"
        ),
        "entry 1 (add_event): sentence 99 is not in sentences.csv",
    ),
    "conflict": (
        entries(
            "action: set_country\n  actor: state:VEN\n  country: CUB",
            "action: drop_actor\n  actor: state:CHN",
            "action: set_country\n  actor: state:VEN\n  country: COL",
        ),
        "entry 1 (set_country) and entry 3 (set_country) both set the country of actor state:VEN",
    ),
    "drop and edit": (
        entries(
            f"action: drop_event\n  {EVENT_URGED}",
            f"action: recode_event\n  {EVENT_URGED}\n  cameo: '046'",
        ),
        "entry 1 (drop_event) and entry 2 (recode_event) both concern",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_a_bad_corrections_file_stops_with_one_line_naming_the_entry_and_leaves_the_tables(
    folder, tmp_path, capsys, kind
):
    text, says = BAD[kind]
    corrections.apply(
        folder, write(tmp_path / "good.yaml", entries("action: drop_actor\n  actor: state:CHN"))
    )
    before = files(folder)
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    assert main(["apply-corrections", str(folder), "--corrections", str(bad)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert err.startswith("error: ") and str(bad) in err and says in err, err
    assert files(folder) == before


def test_annotate_refuses_a_bad_file_before_any_work_and_a_missing_one_it_was_given(cli, tmp_path):
    bad = write(tmp_path / "bad.yaml", BAD["unknown field"][0])
    res = cli("annotate", ARTICLE, "--out", tmp_path / "out", "--corrections", bad)
    assert (
        res.returncode == 2
        and "unknown field 'contry'" in res.stderr
        and len(res.stderr.splitlines()) == 1
    )
    res = cli(
        "annotate", ARTICLE, "--out", tmp_path / "out", "--corrections", tmp_path / "none.yaml"
    )
    assert res.returncode == 2 and "no such corrections file" in res.stderr
    assert not (tmp_path / "out").exists()


def test_annotate_applies_the_file_and_says_what_is_stale(cli, tmp_path):
    fix = write(
        tmp_path / "fix.yaml",
        entries(
            "action: set_role\n  actor: person:yvan-gil\n  role: Foreign Minister",
            "action: drop_actor\n  actor: person:hugo-chavez",
        ),
    )
    res = cli("annotate", ARTICLE, "--out", tmp_path / "out", "--corrections", fix)
    assert res.returncode == 0, res.stderr
    assert (
        "1 applied, 1 stale" in res.stderr
        and "stale: entry 2 (drop_actor) person:hugo-chavez" in res.stderr
    )
    assert (
        table(tmp_path / "out", "actors").set_index("actor_id").loc["person:yvan-gil", "role"]
        == "Foreign Minister"
    )


# --- from a notebook cell ----------------------------------------------------------------------


def test_a_notebook_helper_appends_a_checked_entry_and_keeps_the_comments(
    folder, own_corrections_folder
):
    file = own_corrections_folder / "us-venezuela-sanctions.yaml"
    file.write_text(
        "# kept: a comment of the analyst\n" + entries("action: drop_actor\n  actor: state:CHN"),
        encoding="utf-8",
    )
    entry = corrections.set_country(
        folder, "group:ven-bus", "COL", why="a test", by="ana", date="2024-05-02"
    )
    assert entry == {
        "action": "set_country",
        "actor": "group:ven-bus",
        "country": "COL",
        "by": "ana",
        "why": "a test",
        "date": "2024-05-02",
    }
    text = file.read_text(encoding="utf-8")
    assert text.startswith("# kept: a comment of the analyst\n- action: drop_actor")
    assert [e.action for e in corrections.load(file)] == ["drop_actor", "set_country"]
    corrections.recode_event(
        folder, 5, "person:luiz-inacio-lula-da-silva", "", "urged", "046", why="talks", by="ana"
    )
    corrections.apply(folder)
    assert table(folder, "events").set_index("trigger").loc["urged", "type"] == "CONSULT"


def test_a_notebook_helper_refuses_a_stale_key_or_a_conflict_and_adds_nothing(
    folder, own_corrections_folder
):
    file = own_corrections_folder / "us-venezuela-sanctions.yaml"
    corrections.set_role(folder, "person:yvan-gil", "Foreign Minister", why="a test", by="ana")
    before = file.read_bytes()
    with pytest.raises(
        corrections.CorrectionError, match="no actor person:hugo-chavez in actors.csv"
    ):
        corrections.set_country(folder, "person:hugo-chavez", "VEN", why="a test", by="ana")
    with pytest.raises(
        corrections.CorrectionError, match=r"entry 1 \(set_role\) and entry 2 \(set_role\)"
    ):
        corrections.set_role(folder, "person:yvan-gil", "Minister", why="another", by="bo")
    with pytest.raises(corrections.CorrectionError, match="say why"):
        corrections.drop_actor(folder, "state:CHN", why="")
    assert file.read_bytes() == before


# --- corpus ------------------------------------------------------------------------------------


def test_the_corpus_applies_each_articles_file_and_fails_only_the_article_whose_file_is_bad(
    tmp_path,
):
    src = tmp_path / "news"
    src.mkdir()
    for name in ("us-venezuela-sanctions", "sudan"):
        for suffix in (".txt", ".meta.json"):
            shutil.copy(FIXTURES / f"{name}{suffix}", src / f"{name}{suffix}")
    fixes = tmp_path / "fixes"
    fixes.mkdir()
    write(fixes / "us-venezuela-sanctions.yaml", entries("action: drop_actor\n  actor: state:CHN"))
    summary = corpus.run(src, tmp_path / "out", progress=False, corrections=fixes)
    assert not summary.failed and any("1 applied, 0 stale" in line for line in summary.lines())
    actors = corpus.read_combined(tmp_path / "out", "actors")
    assert "state:CHN" not in set(actors.query("article == 'us-venezuela-sanctions'")["actor_id"])
    mentions = corpus.read_combined(tmp_path / "out", "mentions").query("text == 'China'")
    assert (mentions["actor_id"].tolist(), mentions["provenance"].tolist()) == (
        [""],
        ["manual"],
    )  # a place still
    write(fixes / "sudan.yaml", BAD["unknown field"][0])
    summary = corpus.run(src, tmp_path / "out", progress=False, corrections=fixes)
    assert [o.slug for o in summary.failed] == [
        "sudan"
    ] and "unknown field 'contry'" in summary.failed[0].reason


def test_one_articles_file_named_by_the_environment_is_not_applied_to_every_article_of_a_corpus(
    tmp_path, monkeypatch
):
    src = tmp_path / "news"
    src.mkdir()
    for name in ("us-venezuela-sanctions", "sudan"):
        for suffix in (".txt", ".meta.json"):
            shutil.copy(FIXTURES / f"{name}{suffix}", src / f"{name}{suffix}")
    fix = write(tmp_path / "fix.yaml", entries("action: drop_actor\n  actor: state:CHN"))
    monkeypatch.setenv("NEWS_ACTORS_CORRECTIONS", str(fix))  # as `report --corrections` sets it
    assert corrections.default_path("sudan") == fix
    assert corrections.corpus_path("sudan") == config.CORRECTIONS / "sudan.yaml"
    summary = corpus.run(src, tmp_path / "out", progress=False)
    assert not summary.failed and not any("corrections:" in line for line in summary.lines())
    assert not list((tmp_path / "out").glob("*/auto"))
