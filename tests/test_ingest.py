"""Reading articles: plain text, HTML with boilerplate, metadata, offsets that slice exactly."""

from __future__ import annotations

import json

import pytest

from helpers import pipeline, schemas
from helpers.ingest import ArticleError, read_article

TEXT = (
    "Germany and France pledged new aid to Ukraine.\n\n"
    "Speaking in Berlin, Chancellor Olaf Scholz said “we will not waver,” and his guest agreed.\n"
    "The talks lasted two hours.\n\n"
    "Source » examplewire\n"
)


def test_source_line_is_metadata_not_body(tmp_path):
    path = tmp_path / "aid.txt"
    path.write_text(TEXT, encoding="utf-8")
    art = read_article(path)
    assert art.meta["source"] == "examplewire"
    assert "Source" not in art.body
    assert art.body.endswith("The talks lasted two hours.")


def test_hard_wrapped_lines_join_into_one_paragraph(tmp_path):
    path = tmp_path / "aid.txt"
    path.write_text(TEXT, encoding="utf-8")
    art = read_article(path)
    assert len(art.paragraphs) == 2
    start, end = art.paragraphs[1]
    assert (
        art.body[start:end].startswith("Speaking in Berlin")
        and "agreed. The talks" in art.body[start:end]
    )


def test_typographic_quotes_survive_and_offsets_slice_exactly(tmp_path):
    path = tmp_path / "aid.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = pipeline.ingest_stage(path, tmp_path / "out")
    body = schemas.read_body(out)
    sents = schemas.read_table(out, "sentences")
    assert "“we will not waver,”" in body
    assert all(body[r.start : r.end] == r.text for r in sents.itertuples())
    assert sents["paragraph_id"].tolist() == sorted(sents["paragraph_id"])
    assert len(sents) == 3


def test_sentences_never_cross_paragraphs(default_article, tmp_path):
    out = pipeline.ingest_stage(default_article, tmp_path / "out")
    body = schemas.read_body(out)
    sents = schemas.read_table(out, "sentences")
    assert not any("\n\n" in t for t in sents["text"])
    assert sents["paragraph_id"].nunique() == body.count("\n\n") + 1


def test_default_article_metadata(default_article, tmp_path):
    out = pipeline.ingest_stage(default_article, tmp_path / "out")
    meta = schemas.read_meta(out)
    assert meta["source"] == "europeanconservative"
    assert meta["published"] == "2023-03-14"
    assert "estimate" in meta["published_basis"]
    assert meta["sha256"] == __import__("hashlib").sha256(default_article.read_bytes()).hexdigest()
    assert meta["model"].startswith("en_core_web_sm")


def test_html_page_body_is_extracted_without_boilerplate(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        """<!DOCTYPE html><html><head><title>Japan and Australia sign defence pact | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-05-02T08:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Japan and Australia sign defence pact</h1>
<p>Japan and Australia signed a defence agreement in Tokyo on Thursday, deepening security ties as
both countries watch China's growing military reach in the Pacific.</p>
<p>Prime Minister Fumio Kishida said the pact would let the two militaries train together more often,
and his Australian counterpart welcomed what he called a historic step for the region.</p>
<p>China's foreign ministry criticised the agreement, saying it heightened tension in the region.</p>
</article><footer>Subscribe to our newsletter. Cookie settings. © Example News</footer></body></html>""",
        encoding="utf-8",
    )
    art = read_article(page)
    assert art.body.startswith("Japan and Australia signed a defence agreement")
    assert "Subscribe" not in art.body and "Cookie" not in art.body and "Sport" not in art.body
    assert art.meta["published"] == "2024-05-02"
    assert "Japan and Australia sign defence pact" in art.meta["title"]


def test_sidecar_metadata_and_overrides(tmp_path):
    path = tmp_path / "aid.txt"
    path.write_text(TEXT, encoding="utf-8")
    (tmp_path / "aid.meta.json").write_text(json.dumps({"title": "Aid", "published": "2024-02-01"}))
    assert read_article(path).meta["published"] == "2024-02-01"
    art = read_article(path, published="2024-03-05", title="Other")
    assert art.meta["published"] == "2024-03-05" and art.meta["title"] == "Other"
    assert "command line" in art.meta["published_basis"]


def test_without_a_date_the_basis_says_why(tmp_path):
    path = tmp_path / "aid.txt"
    path.write_text(TEXT, encoding="utf-8")
    meta = read_article(path).meta
    assert meta["published"] is None and meta["published_basis"].startswith("unknown")


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "empty"),
        (b"   \n\n \t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("Caf\u00e9 au lait".encode("latin-1"), "UTF-8"),
        (b"Source \xc2\xbb somewire\n", "no body text"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, content, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=words):
        read_article(path)


def test_bad_date_is_refused(tmp_path):
    path = tmp_path / "aid.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(ArticleError, match="YYYY-MM-DD"):
        read_article(path, published="14/03/2023")


def test_a_long_text_is_parsed_in_pieces_that_join_to_it_exactly():
    from helpers import nlp

    para = "Iran and Belarus signed a roadmap in Tehran. “We will cooperate,” Lukashenko said."
    text = "\n\n".join(f"{para} ({i})" for i in range(600))  # about 55,000 characters
    pieces = nlp.chunks(text)
    assert (
        len(pieces) > 1 and "".join(pieces) == text and all(p.endswith("\n\n") for p in pieces[:-1])
    )
    doc = nlp.parse(text)
    assert doc.text == text
    starts = [s.start_char for s in doc.sents]
    assert all(text[s - 2 : s] == "\n\n" or s == 0 or text[s - 1] == " " for s in starts)


def test_an_article_with_no_named_entities_gives_empty_valid_tables(tmp_path):
    from helpers import pipeline, schemas

    src = tmp_path / "weather.txt"
    src.write_text(
        "It rained all day and the river rose slowly. Nobody was hurt.\n", encoding="utf-8"
    )
    out = pipeline.annotate(src, tmp_path / "out", published="2024-01-02")
    for name in ("actors", "mentions", "events", "quotes"):
        assert schemas.read_table(out, name).empty, name
