"""events.plover.jsonl: every event as a PLOVER/POLECAT-style record that event-data tools read,
validated against the JSON schema kept in the repository; and the gold-record scorer."""

from __future__ import annotations

import json

import jsonschema
import pandas as pd

from helpers import evaluate, plover, schemas


def test_every_event_of_the_default_article_is_a_valid_plover_record(
    tmp_path, cli, default_article
):
    out = tmp_path / "out"
    assert cli("annotate", default_article, "--out", out).returncode == 0
    events = schemas.read_table(out, "events")
    lines = (out / "events.plover.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(events) > 0
    validator = jsonschema.Draft202012Validator(plover.schema())
    for line, e in zip(lines, events.itertuples(), strict=True):
        rec = json.loads(line)
        validator.validate(rec)
        assert rec["event"] == e.type and rec["source"]["actor_id"] == e.source
        assert rec["text"] in (out / "body.txt").read_text(encoding="utf-8")


def test_a_record_missing_its_category_fails_the_schema():
    bad = {
        "id": "x",
        "date": "",
        "source": {"name": "Iran", "actor_id": "state:IRN", "country": "IRN", "code": "IRN"},
        "target": None,
        "event": "CHAT",
        "mode": "",
        "context": [],
        "goldstein": 0,
        "cameo": "010",
        "text": "Iran spoke.",
        "trigger": "spoke",
    }
    errors = list(jsonschema.Draft202012Validator(plover.schema()).iter_errors(bad))
    assert any("CHAT" in str(e.message) for e in errors)


def test_gold_records_are_scored_by_category_and_by_the_right_pair_of_countries(tmp_path):
    path = tmp_path / "gsr.jsonl"
    recs = [
        {
            "id": "1",
            "event": "FIGHT",
            "text": "Serb forces killed three Albanians.",
            "source": [{"actorText": "Serb forces", "code": "SRB"}],
            "target": [{"actorText": "Albanians", "code": "ALB"}],
        },
        {
            "id": "2",
            "event": "DEMAND",
            "text": "Egypt asked Japan for aid.",
            "source": [{"actorText": "Egypt", "code": "EGY"}],
            "target": [{"actorText": "Japan", "code": "JAP"}],
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    records = evaluate.load_plover_records(path)
    assert [r["category"] for r in records] == ["ASSAULT", "REQUEST"]  # PLOVER 0.5 names renamed
    assert records[1]["targets"] == {"JPN"}  # CAMEO's JAP is ISO's JPN
    actors = pd.DataFrame(
        [
            {"actor_id": "group:srb-mil", "type": "group", "country": "SRB", "code": "SRBMIL"},
            {"actor_id": "group:albanians", "type": "group", "country": "ALB", "code": ""},
            {"actor_id": "state:EGY", "type": "state", "country": "EGY", "code": "EGY"},
        ]
    )
    ev1 = pd.DataFrame(
        [{"type": "ASSAULT", "source": "group:srb-mil", "target": "group:albanians"}]
    )
    ev2 = pd.DataFrame([{"type": "ACCUSE", "source": "state:EGY", "target": ""}])
    score = evaluate.score_plover_records(records, [(ev1, actors), (ev2, actors)])
    assert score.metrics["category_recall"] == 0.5
    assert score.metrics["category_precision"] == 0.5
    assert score.metrics["dyad_recall"] == 0.5
    assert list(score.misses["id"]) == ["2"]
