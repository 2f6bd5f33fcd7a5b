"""The fast paths give exactly what the pandas and spaCy calls they stand for give."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from spacy.tokens import DocBin

from helpers import config, docbin, nlp, pipeline, schemas
from helpers.ingest import read_article

ROWS = [
    {"id": "a", "n": 1, "x": 1.5, "ok": True, "extra": 0},
    {"id": "b", "n": -2, "x": float("nan"), "ok": False, "extra": 0},
]


@pytest.mark.parametrize(
    "rows, columns",
    [
        (ROWS, ["id", "n", "x", "ok"]),
        (ROWS, ["id", "n", "missing"]),  # a column no row has: all NaN
        ([{"id": "a"}, {"id": None}], ["id"]),  # mixed types: pandas itself
        ([{"id": "a"}, {}], ["id"]),  # a field some rows lack: pandas itself
        ([], ["id", "n"]),
        ([{"n": 2**70}], ["n"]),  # beyond int64
    ],
)
def test_a_frame_from_rows_is_the_one_pandas_makes(rows, columns):
    fast, slow = schemas.frame(rows, columns), pd.DataFrame(rows, columns=columns)
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)
    assert list(fast.dtypes) == list(slow.dtypes) and fast.columns.dtype == slow.columns.dtype


def test_text_columns_and_rows_read_as_pandas_reads_them():
    values = ["é", "", "“q”", "a,b"]
    fast, slow = schemas.text_array(values), pd.array(values, dtype="str")
    assert type(fast) is type(slow) and fast.dtype == slow.dtype and list(fast) == list(slow)
    df = pd.DataFrame({"t": ["x", None], "n": [1, 2], "f": [0.5, np.nan], "b": [True, False]})

    def same(a: list, b: list) -> bool:  # the same values of the same types (NaN is not NaN)
        def types(values: list) -> list:
            return [[type(f) for f in v] if isinstance(v, tuple) else type(v) for v in values]

        return repr(a) == repr(b) and types(a) == types(b)

    assert same(schemas.itertuples(df), list(df.itertuples()))
    assert same(schemas.itertuples(df, index=False), list(df.itertuples(index=False)))
    for c in df.columns:
        assert same(schemas.column(df, c), df[c].tolist())


@pytest.fixture(scope="module")
def doc():
    return nlp.parse(read_article(config.DEFAULT_ARTICLE).body)


def test_doc_spacy_is_the_docbin_spacy_writes(doc):
    spacy_bin = DocBin(store_user_data=False)
    spacy_bin.add(doc)
    data, bin_ = docbin.pack(doc)
    assert data == spacy_bin.to_bytes() and bin_.strings == spacy_bin.strings
    assert docbin._quick(doc)[0] == data  # the column by column way, checked or not
    again = nlp.doc_from_bin(bin_, doc.text)
    assert again is not None and again.to_json() == nlp.doc_from_bytes(data, doc.text).to_json()


def test_token_strings_and_span_texts_are_spacys(doc):
    assert nlp.token_strings(doc, "LOWER") == [t.lower_ for t in doc]
    assert nlp.token_strings(doc, "POS") == [t.pos_ for t in doc]
    assert [t.i for t in nlp.tokens_in(doc, "TAG", ("NNP", "VBD"))] == [
        t.i for t in doc if t.tag_ in ("NNP", "VBD")
    ]
    for start, end in [(0, 0), (0, 1), (3, 9), (len(doc) - 2, len(doc))]:
        assert nlp.span_text(doc, start, end) == doc[start:end].text


def test_meta_json_is_written_once_with_what_the_stages_add(tmp_path):
    article = read_article(config.DEFAULT_ARTICLE)
    pipeline.annotate_article(article, tmp_path / "a", extra_meta={"corpus_key": "k"})
    meta = json.loads((tmp_path / "a" / "meta.json").read_text(encoding="utf-8"))
    assert meta["corpus_key"] == "k" and "quote_notes" in meta and "relative_dates" in meta
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no scratch folder left
