"""``doc.spacy`` made faster, byte for byte what spaCy's ``DocBin`` makes.

spaCy's ``DocBin.add`` reads nine strings of every token one token at a time, and
``DocBin.to_bytes`` packs its message with srsly, which looks up its msgpack encoders (package
entry points) on every call. ``pack`` fills the same ``DocBin`` reading those strings column by
column, and packs the same message with msgpack's own packer (the message holds only bytes, text,
numbers, lists and dicts, which no encoder is asked about; anything else goes spaCy's way).

The first document a process packs is also packed spaCy's way and the two compared: should they
ever differ (another spaCy), every document is packed spaCy's way from then on.
"""

from __future__ import annotations

import zlib
from typing import Any

import numpy
from spacy.tokens import Doc, DocBin

try:  # msgpack's own packer, as srsly builds it (srsly's subclass looks up its encoders)
    from srsly.msgpack._packer import Packer  # type: ignore[import-untyped]
except ImportError:  # another srsly: every document goes spaCy's way
    Packer = None

#: The token attributes whose strings ``DocBin.add`` keeps (text, tag, lemma, norm, morphology,
#: dependency, entity type, knowledge-base id, entity id), as ``Doc.to_array`` reads them.
STRING_ATTRS = ("ORTH", "TAG", "LEMMA", "NORM", "MORPH", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID")
#: The text spaCy writes for a token without morphological features.
EMPTY_MORPH = "_"

#: Whether ``pack`` made spaCy's bytes for the first document it was checked on (key: "checked").
_AGREES: dict[str, bool] = {}


def pack(doc: Doc) -> tuple[bytes, DocBin]:
    """``DocBin(store_user_data=False)`` with ``doc`` added, and its ``to_bytes()``."""
    if Packer is None or _AGREES.get("checked") is False:
        return _spacy_way(doc)
    quick = _quick(doc)
    if "checked" not in _AGREES:
        slow = _spacy_way(doc)
        _AGREES["checked"] = quick is not None and quick[0] == slow[0]
        return slow
    return quick if quick is not None else _spacy_way(doc)


def _spacy_way(doc: Doc) -> tuple[bytes, DocBin]:
    bin_ = DocBin(store_user_data=False)
    bin_.add(doc)
    return bin_.to_bytes(), bin_


def _quick(doc: Doc) -> tuple[bytes, DocBin] | None:
    """``_spacy_way(doc)`` made column by column; None when the message has a value msgpack's own
    packer does not take (srsly's encoders would then be asked)."""
    bin_ = DocBin(store_user_data=False)
    _add(bin_, doc)
    try:
        return zlib.compress(Packer(use_bin_type=True).pack(_message(bin_))), bin_
    except TypeError:
        return None


def _add(bin_: DocBin, doc: Doc) -> None:
    """``bin_.add(doc)`` (of a bin that keeps no user data), the strings read column by column."""
    attrs: list[int | str] = list(bin_.attrs)  # spaCy's ids of them
    array = doc.to_array(attrs)
    if len(array.shape) == 1:
        array = array.reshape((array.shape[0], 1))
    bin_.tokens.append(array)
    spaces = doc.to_array("SPACY")
    assert array.shape[0] == spaces.shape[0]
    bin_.spaces.append(numpy.asarray(spaces.reshape((spaces.shape[0], 1)), dtype=bool))
    bin_.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
    bin_.strings.update(token_strings(doc))
    bin_.cats.append(doc.cats)
    bin_.span_groups.append(doc.spans.to_bytes())
    for group in doc.spans.values():
        for span in group:
            bin_.strings.add(span.label_)
            if span.kb_id in span.doc.vocab.strings:
                bin_.strings.add(span.kb_id_)
            if span.id in span.doc.vocab.strings:
                bin_.strings.add(span.id_)


def token_strings(doc: Doc) -> set[str]:
    """The strings ``DocBin.add`` keeps of the tokens: each token's ``text``, ``tag_``,
    ``lemma_``, ``norm_``, ``str(morph)``, ``dep_``, ``ent_type_``, ``ent_kb_id_`` and
    ``ent_id_``, read as the columns of ``Doc.to_array`` (the same hashes those read)."""
    strings = doc.vocab.strings
    attrs: list[int | str] = list(STRING_ATTRS)
    columns = doc.to_array(attrs).T.tolist()
    out: set[str] = set()
    for attr, column in zip(STRING_ATTRS, columns):
        texts = {strings[key] for key in set(column)}
        if attr == "MORPH" and EMPTY_MORPH in texts:  # str(morph) of no features is ""
            texts = (texts - {EMPTY_MORPH}) | {""}
        out |= texts
    return out


def _message(bin_: DocBin) -> dict[str, Any]:
    """The message ``DocBin.to_bytes`` packs (of a bin that keeps no user data)."""
    for tokens in bin_.tokens:
        assert len(tokens.shape) == 2, tokens.shape
    lengths = [len(tokens) for tokens in bin_.tokens]
    tokens = numpy.vstack(bin_.tokens) if bin_.tokens else numpy.asarray([])
    spaces = numpy.vstack(bin_.spaces) if bin_.spaces else numpy.asarray([])
    return {
        "version": bin_.version,
        "attrs": bin_.attrs,
        "tokens": tokens.tobytes("C"),
        "spaces": spaces.tobytes("C"),
        "lengths": numpy.asarray(lengths, dtype="int32").tobytes("C"),
        "strings": sorted(bin_.strings),
        "cats": bin_.cats,
        "flags": bin_.flags,
        "span_groups": bin_.span_groups,
    }
