"""Properties that hold for any text (hypothesis): offsets slice their text, every mention lies in
one sentence, every event's parties and every quote's speaker are actors, every table passes its
schema, the raw file is untouched, and nothing but a one-line ArticleError escapes ``annotate``."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import pipeline, schemas
from helpers.ingest import ArticleError

SENTENCES = [
    "Iran and Belarus signed a roadmap in Tehran on March 13.",
    "Russian Foreign Minister Sergey Lavrov met his Chinese counterpart Wang Yi in Beijing.",
    "“We will not accept sanctions,” said President Alexandr Lukashenko.",
    "The European Union condemned the attack and urged both sides to talks.",
    "Protesters blocked roads in Nairobi, police said.",
    "He said it would cooperate with NATO next year.",
]
ODD = [
    "\u200f",
    "\u202e",
    "\u200d",
    "👩‍👩‍👧",
    "\x07",
    "\u00a0",
    "\\ud800",
    "<script>alert(1)</script>",
    "&amp;",
    "**bold**",
    "“",
    "”",
    "’",
    "\t",
    "é",
    "日本",
    "\ufeff",
]


@st.composite
def articles(draw) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        parts = draw(
            st.lists(
                st.sampled_from(SENTENCES + ODD) | st.text(min_size=1, max_size=12),
                min_size=1,
                max_size=6,
            )
        )
        paragraphs.append(" ".join(parts))
    return "\n\n".join(paragraphs) + "\n"


def check_tables(out: Path) -> None:
    body = schemas.read_body(out)
    t = {
        name: schemas.read_table(out, name) for name in schemas.SCHEMAS
    }  # every table passes its schema
    sentences = list(t["sentences"][["start", "end"]].itertuples(index=False))
    for name in ("sentences", "mentions", "quotes", "dates"):
        for r in t[name].itertuples():
            assert body[r.start : r.end] == r.text, (name, r)
    for m in t["mentions"].itertuples():
        assert any(s <= m.start and m.end <= e for s, e in sentences), m
    actors = set(t["actors"]["actor_id"])
    for e in t["events"].itertuples():
        assert e.source in actors and (e.target == "" or e.target in actors), e
    for q in t["quotes"].itertuples():
        assert q.speaker == "" or q.speaker in actors, q


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_text_gives_valid_tables_or_one_clear_error(text):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "article.txt"
        src.write_text(text, encoding="utf-8")
        before = hashlib.sha256(src.read_bytes()).hexdigest()
        try:
            out = pipeline.annotate(src, Path(tmp) / "out", published="2024-01-02", language="en")
        except ArticleError as exc:
            assert "\n" not in str(exc)
            assert not (Path(tmp) / "out").exists()  # nothing half-written
        else:
            check_tables(out)
        assert (
            hashlib.sha256(src.read_bytes()).hexdigest() == before
        )  # the raw file is never modified
