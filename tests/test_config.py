"""The annotation folder the notebooks derive from their parameters."""

from __future__ import annotations

from pathlib import Path

from helpers import config


def test_default_article_resolves_to_its_processed_folder():
    article = "data/raw/iran-belarus-2023/iran-belarus-2023.txt"
    expected = config.PROCESSED / "iran-belarus-2023"
    assert config.annotation_dir(article, "") == expected
    assert config.annotation_dir(article) == expected
    assert config.annotation_dir(config.DEFAULT_ARTICLE, None) == expected


def test_the_slug_comes_from_the_file_name_wherever_the_article_lives(tmp_path):
    article = tmp_path / "Ayatollah Khamenei Speech.html"
    assert config.annotation_dir(article, "") == config.PROCESSED / "ayatollah-khamenei-speech"


def test_a_given_folder_wins_relative_to_the_repository_root(tmp_path):
    article = "data/raw/iran-belarus-2023/iran-belarus-2023.txt"
    expected = config.ROOT / "data/processed/other"
    assert config.annotation_dir(article, "data/processed/other") == expected
    assert config.annotation_dir(article, str(tmp_path)) == tmp_path
    assert config.annotation_dir(article, tmp_path / "x") == tmp_path / "x"
    assert config.annotation_dir(article, Path("~/x")) == Path.home() / "x"


def test_the_default_matches_what_ingest_names_the_article():
    from helpers import ingest

    for name in ("iran-belarus-2023.txt", "Some Article (2).html"):
        assert config.annotation_dir(name).name == ingest.slug_for(name)
