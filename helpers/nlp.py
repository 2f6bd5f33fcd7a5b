"""The spaCy pipeline, loaded once per process, with paragraph-aware sentence boundaries; and the
parsed document kept beside the tables (``doc.spacy``), so an article is parsed once."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Container, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Token

from . import config, docbin

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
    return save_bin(doc, directory)[0]


def save_bin(doc: Doc, directory: str | Path) -> tuple[bytes, DocBin]:
    """``save_doc``, and the ``DocBin`` the bytes were made from (see ``doc_from_bin``)."""
    data, bin_ = docbin.pack(doc)  # DocBin(store_user_data=False), doc added, to_bytes()
    (Path(directory) / DOC_FILE).write_bytes(data)
    return data, bin_


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
        bin_ = DocBin().from_bytes(data)
    except (OSError, ValueError, KeyError):
        return None
    return doc_from_bin(bin_, body, name)


def doc_from_bin(bin_: DocBin, body: str, name: str | None = None) -> Doc | None:
    """``doc_from_bytes`` of the bytes ``bin_`` makes, from ``bin_`` itself: ``DocBin.from_bytes``
    restores exactly what ``get_docs`` reads (the same token and space arrays, strings, flags,
    categories and span groups), so the document is the same, without the round trip."""
    try:
        docs = list(bin_.get_docs(load(name).vocab))
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


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` for ``0 <= start <= end <= len(doc)``: the document's text from the
    first token's start to the last token's end, from offsets computed once per document."""
    if end <= start:
        return ""
    starts, ends = token_offsets(doc)
    return text(doc)[starts[start] : ends[end - 1]]


def token_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Character offsets where each token starts and ends, computed once per document."""
    cached = doc.user_data.get("token_offsets")
    if cached is None:
        idx_len = doc.to_array(["IDX", "LENGTH"])
        starts = idx_len[:, 0].tolist()
        cached = doc.user_data["token_offsets"] = (
            starts,
            [s + n for s, n in zip(starts, idx_len[:, 1].tolist())],
        )
    return cached


#: Token attributes the annotators never change once the text is parsed, as ``token_strings``
#: reads them: text, lower case, part of speech, tag, dependency label, entity type.
FIXED_ATTRS = ("ORTH", "LOWER", "POS", "TAG", "DEP", "ENT_TYPE")


def token_strings(doc: Doc, attr: str) -> list[str]:
    """Each token's ``attr`` (one of ``FIXED_ATTRS``) as text (``text``, ``lower_``, ``pos_``,
    ``tag_``, ``dep_``, ``ent_type_``), read once per document without making its tokens."""
    if attr not in FIXED_ATTRS:
        raise ValueError(f"{attr!r} is not one of {FIXED_ATTRS}")
    key = f"token_strings:{attr}"
    cached = doc.user_data.get(key)
    if cached is None:
        strings = doc.vocab.strings
        cached = doc.user_data[key] = [strings[h] for h in doc.to_array(attr).tolist()]
    return cached


def tokens_in(doc: Doc, attr: str, values: Container[str]) -> Iterator[Token]:
    """The tokens whose ``attr`` (see ``token_strings``) is one of ``values``, in order: what a
    pass over every token keeps when it skips all the others, without making the others."""
    for i, value in enumerate(token_strings(doc, attr)):
        if value in values:
            yield doc[i]
