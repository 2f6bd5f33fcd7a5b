"""The spaCy pipeline, loaded once per process, with paragraph-aware sentence boundaries; and the
parsed document kept beside the tables (``doc.spacy``), so an article is parsed once."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from . import config

#: The parsed document in an annotation folder, and the meta.json key that says what made it.
DOC_FILE = "doc.spacy"
PARSE_KEY = "parse"


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so no sentence spans two paragraphs."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


class ModelMissing(RuntimeError):
    """The configured spaCy pipeline is not installed."""


def load(name: str | None = None) -> Language:
    """The spaCy pipeline ``name`` (default: ``config.SPACY_MODEL``), loaded once per process."""
    return _load(name or config.SPACY_MODEL)


@lru_cache(maxsize=2)
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelMissing(
            f"spaCy model {name!r} is not installed: run `make env` or set NEWS_ACTORS_MODEL "
            "to an installed pipeline"
        ) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    return nlp


def model_name(nlp: Language) -> str:
    """``"<lang>_<name> <version>"`` of a pipeline, as meta.json records it."""
    return (
        f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"
    )


#: Texts longer than this are parsed in pieces cut at paragraph breaks, one at a time (spaCy refuses
#: texts over its ``max_length`` of 1,000,000 characters, and its working memory grows with the length
#: of the text it parses at once: about 150 MB for 60,000 characters).
CHUNK_CHARS = 20_000


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of about ``size`` characters at paragraph breaks (else at a
    sentence end, else at a space), each keeping the white space that follows it, so that the
    pieces joined are exactly ``text``."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        for mark in ("\n\n", ". ", " "):  # a paragraph break, else a sentence end, else a space
            cut = window.rfind(mark)
            if cut > 0:
                end = start + cut + len(mark)
                break
        else:
            end = start + size
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def parse(text: str, name: str | None = None) -> Doc:
    """Parse ``text`` with the configured pipeline; a long text in pieces (see ``chunks``) joined
    into one document whose text is exactly ``text``."""
    nlp = load(name)
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    doc = Doc.from_docs(
        list(nlp.pipe(chunks(text), batch_size=1)), ensure_whitespace=False
    )  # one piece at a time
    assert doc.text == text, "pieces of a long text must join to the text"
    return doc


def body_hash(body: str) -> str:
    """SHA-256 of the body text, as the parse record in meta.json names it."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def loaded_name(name: str | None = None) -> str:
    """``model_name`` of the pipeline ``load(name)`` gives, found once per process (spaCy builds
    ``nlp.meta`` anew on every access)."""
    return _loaded_name(name or config.SPACY_MODEL)


@lru_cache(maxsize=2)
def _loaded_name(name: str) -> str:
    return model_name(_load(name))


def parse_record(body: str, name: str | None = None) -> dict[str, str]:
    """What a saved parse was made from: the pipeline (name and version) and the body's hash."""
    return {"model": loaded_name(name), "body_sha256": body_hash(body)}


def save_doc(doc: Doc, directory: str | Path) -> bytes:
    """Write ``doc`` to ``directory/doc.spacy`` (annotations only; no cached user data); returns
    the bytes written."""
    bin_ = DocBin(store_user_data=False)
    bin_.add(doc)
    data = bin_.to_bytes()
    (Path(directory) / DOC_FILE).write_bytes(data)
    return data


def saved_doc(directory: str | Path, body: str, name: str | None = None) -> Doc | None:
    """The parse saved in ``directory`` if it was made by this pipeline from this very body, else
    None: a stale or foreign ``doc.spacy`` (other model, other text, unreadable) is never trusted."""
    directory = Path(directory)
    path, meta_path = directory / DOC_FILE, directory / "meta.json"
    if not path.exists() or not meta_path.exists():
        return None
    try:
        record = json.loads(meta_path.read_text(encoding="utf-8")).get(PARSE_KEY)
    except (OSError, ValueError):
        return None
    if record != parse_record(body, name):
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return doc_from_bytes(data, body, name)


def doc_from_bytes(data: bytes, body: str, name: str | None = None) -> Doc | None:
    """The parse ``save_doc`` wrote as ``data`` if it is one document of this very body, else None."""
    try:
        docs = list(DocBin().from_bytes(data).get_docs(load(name).vocab))
    except (OSError, ValueError, KeyError):
        return None
    return docs[0] if len(docs) == 1 and docs[0].text == body else None


def doc_for(directory: str | Path, body: str, name: str | None = None) -> tuple[Doc, bool]:
    """(the parsed body, whether it had to be parsed now): the saved parse when it can be trusted."""
    doc = saved_doc(directory, body, name)
    return (doc, False) if doc is not None else (parse(body, name), True)


def sentences(doc: Doc) -> list:
    """The document's sentences, computed once per document (spaCy rebuilds them on every
    ``doc.sents``), kept in ``doc.user_data`` (which is never saved)."""
    cached = doc.user_data.get("sentences")
    if cached is None:
        cached = doc.user_data["sentences"] = list(doc.sents)
    return cached


def sentence_starts(doc: Doc) -> list[int]:
    """Character offset of each sentence's start, computed once per document."""
    cached = doc.user_data.get("sentence_starts")
    if cached is None:
        cached = doc.user_data["sentence_starts"] = [s.start_char for s in sentences(doc)]
    return cached


def text(doc: Doc) -> str:
    """The document's text, built once per document (spaCy joins its tokens on every ``doc.text``)."""
    cached = doc.user_data.get("text")
    if cached is None:
        cached = doc.user_data["text"] = doc.text
    return cached
