"""Run the annotators in order and write the contract's tables, all or nothing.

Stages hand data to each other only through the files of the annotation folder, so the
notebooks can run one stage each and the command line can run them all:

1. ``ingest_stage``: body.txt, meta.json, sentences.csv, and the parse (doc.spacy)
2. ``actor_stage``: actors.csv, mentions.csv, places.csv
3. ``event_stage``: dates.csv, quotes.csv, events.csv

Each stage, and ``annotate`` once at its end, then applies the article's corrections file
(``data/corrections/<slug>.yaml``, see ``helpers/corrections.py``): the main tables become the corrected
ones and the annotators' own are kept in ``auto/``. The annotators always read the automatic tables.

The article is parsed once: the later stages load ``doc.spacy`` when meta.json says it was made by
the same pipeline from the same body, and parse again (saving the new parse) when it was not.

``annotate_article`` (``annotate`` and ``annotate-corpus``) writes the same files but runs the actor and
event stages from memory: they take the body, meta.json's text and the parse (``doc.spacy`` loaded
once, from the ``DocBin`` its bytes were just made from) from the ingest stage instead of reading
them back, and read the actors and mentions from the cells ``schemas.write_table`` keeps; the inputs
are the same, so the tables are too. meta.json is then written once, at the end (unless a stage has
to run from the folder), and the scratch folder of a new article folder becomes it by one rename.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from bisect import bisect_right
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.tokens import Doc, DocBin

from . import config, nlp, plover, reference, schemas
from . import corrections as corr
from .ingest import Article, read_article


def sentences_table(doc: Doc, paragraphs: list[tuple[int, int]]) -> pd.DataFrame:
    """One row per sentence (white space trimmed), numbered with its paragraph."""
    rows: list[dict[str, Any]] = []
    body = nlp.text(doc)
    par_starts = [a for a, _ in paragraphs]
    for sent in nlp.sentences(doc):
        text = body[sent.start_char : sent.end_char]
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        if end <= start:
            continue
        i = bisect_right(par_starts, start) - 1
        par = i if 0 <= i < len(paragraphs) and start < paragraphs[i][1] else len(paragraphs) - 1
        rows.append(
            {
                "sentence_id": len(rows),
                "paragraph_id": par,
                "start": start,
                "end": end,
                "text": body[start:end],
            }
        )
    return schemas.frame(rows, schemas.COLUMNS["sentences"])


@contextlib.contextmanager
def staged(out_dir: Path) -> Iterator[Path]:
    """A scratch folder whose files replace those in ``out_dir`` only if the block succeeds; a folder in
    it replaces the folder of that name whole, and an empty one removes it (``auto/``). A new
    ``out_dir`` is the scratch folder itself, renamed."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = _scratch_folder(out_dir)
    try:
        yield tmp
        if not _renamed_into_place(tmp, out_dir):
            out_dir.mkdir(parents=True, exist_ok=True)
            for f in sorted(tmp.iterdir()):
                if f.is_dir():
                    _replace_folder(f, out_dir / f.name)
                else:
                    f.replace(out_dir / f.name)
    finally:
        try:
            tmp.rmdir()  # emptied by the moves: the common case, without a walk of the folder
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)


def _scratch_folder(out_dir: Path) -> Path:
    """A new, empty folder beside ``out_dir``, named as ``tempfile.mkdtemp`` would name it
    (``.<name>.<random>``) but made as ``mkdir`` makes ``out_dir`` (same permissions), so that it
    can become ``out_dir``."""
    for _ in range(100):
        path = out_dir.parent / f".{out_dir.name}.{secrets.token_hex(4)}"
        try:
            path.mkdir()
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"no free name for a scratch folder beside {out_dir}")


def _renamed_into_place(tmp: Path, out_dir: Path) -> bool:
    """When ``out_dir`` does not exist: ``tmp`` (without its empty folders, which would remove
    folders ``out_dir`` does not have) renamed ``out_dir``, the state the moves would leave, in one
    step; False (nothing done) when ``out_dir`` exists or the rename fails."""
    if os.path.lexists(out_dir):
        return False
    for f in tmp.iterdir():
        if f.is_dir() and not any(f.iterdir()):
            f.rmdir()
    try:
        tmp.rename(out_dir)
    except OSError:
        return False
    return True


def _replace_folder(new: Path, target: Path) -> None:
    """``target`` becomes ``new`` (or, ``new`` being empty, disappears)."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.replace(old)
    if any(new.iterdir()):
        new.replace(target)
    shutil.rmtree(old, ignore_errors=True)


#: Which corrections a stage applies: ``True`` the article's own file (``corrections.path_for``), a path
#: that file, ``False`` none (``annotate`` applies them once, after every stage).
Corrections = bool | str | Path


def _apply_corrections(directory: Path, tmp: Path, corrections: Corrections) -> None:
    if corrections is not False:
        corr.apply_into(directory, tmp, None if corrections is True else corrections)


def write_meta(meta: dict, directory: Path) -> str:
    """meta.json with sorted keys, so it is byte-identical for the same input; returns its text."""
    text = meta_text(meta)
    (directory / "meta.json").write_text(text, encoding="utf-8")
    return text


def meta_text(meta: dict) -> str:
    """The text ``write_meta`` writes for ``meta``."""
    return json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def default_out(article_path: str | Path) -> Path:
    """``data/processed/<slug>/`` for an article path."""
    return config.default_out(article_path)


def _write_ingest(article: Article, directory: Path, doc: Doc | None = None) -> Doc:
    """body.txt, meta.json, sentences.csv and the parse (doc.spacy) the later stages reuse."""
    return _ingest(article, directory, doc)[0]


def _ingest(
    article: Article, directory: Path, doc: Doc | None = None, defer_meta: bool = False
) -> tuple[Doc, _Article]:
    """``_write_ingest``, and the article as the next stage would read it back from ``directory``;
    with ``defer_meta``, meta.json is only kept in memory (``_Article.flush_meta`` writes it)."""
    doc = doc if doc is not None else nlp.parse(article.body)
    sents = sentences_table(doc, article.paragraphs)
    meta = dict(
        article.meta,
        model=nlp.loaded_name(),
        slug=article.slug,
        paragraphs=len(article.paragraphs),
        sentences=len(sents),
        characters=len(article.body),
    )
    meta[nlp.PARSE_KEY] = nlp.parse_record(article.body)
    (directory / "body.txt").write_text(article.body, encoding="utf-8")
    text = meta_text(meta) if defer_meta else write_meta(meta, directory)
    schemas.write_table(sents, "sentences", directory, article.body)
    saved, bin_ = nlp.save_bin(doc, directory)
    return doc, _Article(article.body, text, saved, meta_written=not defer_meta, doc_bin=bin_)


class _Article:
    """An article's files as the ingest stage wrote them into a folder (body.txt, the text of
    meta.json, the bytes of doc.spacy), for the later stages of ``annotate_article`` to take from
    memory instead of reading them back: the same body, meta and parse they would read."""

    def __init__(
        self,
        body: str,
        meta_text: str,
        doc_bytes: bytes,
        meta_written: bool = True,
        doc_bin: DocBin | None = None,
    ) -> None:
        self.body, self.meta_text, self.doc_bytes = body, meta_text, doc_bytes
        self.doc_bin = doc_bin  # what doc_bytes were made from: the parse without reading them
        # False while meta.json is only in memory: the stages from memory then keep it there too
        self.meta_written = meta_written
        self._doc: Doc | None = None

    def flush_meta(self, directory: Path) -> None:
        """Write meta.json as it is in memory, if it is not on disk yet."""
        if not self.meta_written:
            (directory / "meta.json").write_text(self.meta_text, encoding="utf-8")
            self.meta_written = True

    def readable(self) -> bool:
        """Whether reading the files back gives exactly these (text mode turns a carriage return
        into a newline)."""
        return "\r" not in self.body

    def meta(self, directory: Path) -> dict:
        """What ``schemas.read_meta`` reads (a fresh dict: the stages change theirs)."""
        return schemas.check_meta(json.loads(self.meta_text), directory / "meta.json")

    def doc(self) -> Doc | None:
        """What ``nlp.saved_doc`` loads (the record in meta.json names this very body and model),
        loaded once for the stages to share (they keep only pure caches in ``user_data``), or
        None when it would not be trusted."""
        if self._doc is None:
            self._doc = (
                nlp.doc_from_bytes(self.doc_bytes, self.body)
                if self.doc_bin is None
                else nlp.doc_from_bin(self.doc_bin, self.body)
            )
        return self._doc


def _parsed(directory: Path, body: str, meta: dict, tmp: Path) -> Doc:
    """The article's parse: the saved one, or (missing, stale or foreign) a new one saved in ``tmp``."""
    doc, fresh = nlp.doc_for(directory, body)
    if fresh:
        nlp.save_doc(doc, tmp)
        meta[nlp.PARSE_KEY] = nlp.parse_record(body)
        write_meta(meta, tmp)
    return doc


def ingest_stage(
    article_path: str | Path, out_dir: str | Path | None = None, **overrides: Any
) -> Path:
    """Read the article and write body.txt, meta.json and sentences.csv."""
    article = read_article(article_path, **overrides)
    out = Path(out_dir) if out_dir else default_out(article_path)
    with staged(out) as tmp:
        _write_ingest(article, tmp)
    return out


#: The stages after ingest: (name, function(directory), tables it writes).
STAGES: list[tuple[str, Callable[[Path], None], tuple[str, ...]]] = []


def actor_stage(directory: str | Path, corrections: Corrections = True) -> Path:
    """Read body.txt and write actors.csv, mentions.csv and places.csv (then apply corrections)."""
    from . import dates

    directory = Path(directory)
    body = schemas.read_body(directory)
    meta = schemas.read_meta(directory)
    published = dates.parse_published(meta.get("published"))
    with staged(directory) as tmp:
        doc = _parsed(directory, body, meta, tmp)
        _actor_tables(doc, body, meta, published, tmp)
        _apply_corrections(directory, tmp, corrections)
    return directory


def _actor_tables(doc: Doc, body: str, meta: dict, published: Any, tmp: Path) -> None:
    from . import actors

    result = actors.annotate(doc, published, reference.publisher_country(meta))
    schemas.write_table(result.actors, "actors", tmp)
    schemas.write_table(result.mentions, "mentions", tmp, body)
    schemas.write_table(result.places, "places", tmp)


def _actors_from_memory(directory: Path, article: _Article) -> bool:
    """``actor_stage(directory, corrections=False)`` on the ingest stage's files, taken from memory
    and written straight into ``directory`` (the scratch folder of ``annotate_article``); False
    (nothing done) when they cannot be."""
    from . import dates

    doc = article.doc() if article.readable() else None
    if doc is None:
        return False
    meta = article.meta(directory)
    published = dates.parse_published(meta.get("published"))
    _actor_tables(doc, article.body, meta, published, directory)
    return True


def _in_place(stage: Callable[..., Path]) -> Callable[[Path], None]:
    def run(directory: Path) -> None:
        stage(directory, corrections=False)

    return run


_actors_in_place = _in_place(actor_stage)
STAGES.append(("actors", _actors_in_place, ("actors", "mentions", "places")))


def event_stage(directory: str | Path, corrections: Corrections = True) -> Path:
    """Read body, meta, the automatic actors and mentions; write dates.csv, quotes.csv and events.csv
    (then apply corrections)."""
    from . import dates

    directory = Path(directory)
    body = schemas.read_body(directory)
    meta = schemas.read_meta(directory)
    actors = corr.read_automatic(directory, "actors")
    mentions = corr.read_automatic(directory, "mentions")
    published = dates.parse_published(meta.get("published"))
    with staged(directory) as tmp:
        doc = _parsed(directory, body, meta, tmp)
        _event_tables(doc, body, meta, actors, mentions, published, tmp)
        _apply_corrections(directory, tmp, corrections)
    return directory


def _event_tables(
    doc: Doc,
    body: str,
    meta: dict,
    actors: pd.DataFrame,
    mentions: pd.DataFrame,
    published: Any,
    tmp: Path,
    write: bool = True,
) -> str:
    """The tables of the event stage written into ``tmp``, and meta.json (unless not ``write``);
    returns its text."""
    from . import dates, events, quotes

    date_table = dates.table(doc, published)
    quote_table, notes = quotes.table(doc, mentions)
    event_table = events.table(
        doc, mentions, actors, date_table, reference.publisher_country(meta), published
    )
    all_actors = events.implied_actors(event_table, actors)
    meta["relative_dates"] = (
        "resolved against the publication date " + meta["published"]
        if published
        else "left unresolved: the article has no publication date (give --published YYYY-MM-DD)"
    )
    meta["quote_notes"] = notes
    schemas.write_table(date_table, "dates", tmp, body)
    schemas.write_table(quote_table, "quotes", tmp, body)
    schemas.write_table(event_table, "events", tmp)
    if len(all_actors) > len(actors):
        schemas.write_table(all_actors, "actors", tmp)
    plover.write(event_table, all_actors, tmp, meta.get("slug", ""))
    return write_meta(meta, tmp) if write else meta_text(meta)


def _events_from_memory(directory: Path, article: _Article) -> bool:
    """``event_stage(directory, corrections=False)`` as ``_actors_from_memory`` does the actors."""
    from . import dates

    doc = article.doc() if article.readable() else None
    if doc is None:
        return False
    meta = article.meta(directory)
    actors = corr.read_automatic(directory, "actors")
    mentions = corr.read_automatic(directory, "mentions")
    published = dates.parse_published(meta.get("published"))
    article.meta_text = _event_tables(
        doc, article.body, meta, actors, mentions, published, directory, article.meta_written
    )
    return True


_events_in_place = _in_place(event_stage)
STAGES.append(("events", _events_in_place, ("dates", "quotes", "events")))

#: The stages ``annotate_article`` runs from memory: each does what the stage does on the folder,
#: taking body, meta and parse from the ingest stage instead of the files (see ``_Article``).
_FROM_MEMORY: dict[Callable[[Path], None], Callable[[Path, _Article], bool]] = {
    _actors_in_place: _actors_from_memory,
    _events_in_place: _events_from_memory,
}


def annotate(
    article_path: str | Path,
    out_dir: str | Path | None = None,
    language: str | None = None,
    allow_future: bool = False,
    corrections: Corrections = True,
    **overrides: str | None,
) -> Path:
    """Run every stage on the article, then apply its corrections (``True``: ``data/corrections/<slug>.yaml``
    when it exists; a path: that file, which must exist; ``False``: none); DIR gets all tables or, on
    error, nothing new."""
    article = read_article(article_path, language, allow_future, **overrides)
    corrections = check_corrections(corrections, article.slug)
    return annotate_article(
        article, Path(out_dir) if out_dir else default_out(article_path), corrections=corrections
    )


def check_corrections(corrections: Corrections, slug: str) -> Corrections:
    """Fail fast, before any annotation, on a corrections file that is missing (when named) or malformed."""
    if corrections is False:
        return False
    path = corr.default_path(slug) if corrections is True else Path(corrections)
    if corrections is not True and not path.is_file():
        raise corr.CorrectionError(
            f"{path}: no such corrections file; give an existing <slug>.yaml"
        )
    corr.load(path)
    return path


def annotate_article(
    article: Article,
    out: Path,
    doc: Doc | None = None,
    extra_meta: dict | None = None,
    corrections: Corrections = False,
) -> Path:
    """Every stage on an article already read (and, from a batch, already parsed: ``doc``); ``out``
    gets all tables, with ``extra_meta`` added to meta.json, corrected by ``corrections`` (see
    :func:`annotate`), or, on error, nothing new."""
    with staged(out) as tmp:
        # meta.json is written once, at the end, unless a stage has to read it from the folder
        memory: _Article | None = _ingest(article, tmp, doc, defer_meta=True)[1]
        for _name, stage, _tables in STAGES:
            quick = _FROM_MEMORY.get(stage)
            if quick is None or memory is None or not quick(tmp, memory):
                if memory is not None:
                    memory.flush_meta(tmp)
                stage(tmp)
                memory = None  # the files may now say more than memory: read them from here on
        _finish_meta(tmp, memory, extra_meta)
        _apply_corrections(out, tmp, corrections)
    return out


def _finish_meta(tmp: Path, memory: _Article | None, extra_meta: dict | None) -> None:
    """meta.json as the stages left it (in memory or in ``tmp``), with ``extra_meta`` added."""
    if memory is not None and not memory.meta_written:
        if extra_meta:
            write_meta({**json.loads(memory.meta_text), **extra_meta}, tmp)
        else:
            memory.flush_meta(tmp)
    elif extra_meta:
        meta = json.loads((tmp / "meta.json").read_text(encoding="utf-8"))
        write_meta({**meta, **extra_meta}, tmp)
