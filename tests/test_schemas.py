"""The quick validation of a table gives what pandera gives, and leaves every failure to pandera."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import config, pipeline, schemas

TABLES = ("sentences", "actors", "places", "mentions", "events", "quotes", "dates")


@pytest.fixture(scope="module")
def annotated(tmp_path_factory) -> dict[str, pd.DataFrame]:
    out = pipeline.annotate(config.DEFAULT_ARTICLE, tmp_path_factory.mktemp("a") / "a")
    schemas._VALIDATED.clear()
    return {t: schemas.read_table(out, t) for t in TABLES}


@pytest.mark.parametrize("name", TABLES)
def test_quick_validation_equals_pandera(annotated, name):
    for df in (annotated[name], schemas.empty(name).fillna("")):
        if name == "places":
            df = df.astype({"lat": float, "lon": float})
        fast = schemas._fast_validate(df, name)
        assert fast is not None
        pd.testing.assert_frame_equal(
            fast, schemas.SCHEMAS[name].validate(df, lazy=True), check_exact=True
        )


def _broken(annotated, name, column, value):
    df = annotated[name].copy().astype({column: object})
    df.loc[0, column] = value
    return df


@pytest.mark.parametrize(
    "name, column, value",
    [
        ("actors", "type", "planet"),  # isin
        ("actors", "country", "Iran"),  # str_matches
        ("actors", "mentions", -1),  # ge
        ("actors", "mentions", "many"),  # coercion
        ("actors", "name", None),  # not nullable
        ("actors", "actor_id", "state:IRN "),  # str_matches on the id
        ("places", "lat", 91.0),  # in_range
        ("mentions", "how", ""),  # str_length
        ("sentences", "sentence_id", 1),  # unique
    ],
)
def test_every_failure_is_left_to_pandera(annotated, name, column, value):
    df = _broken(annotated, name, column, value)
    if name == "sentences":
        df[column] = df[column].astype(int)
    assert schemas._fast_validate(df, name) is None
    with pytest.raises(schemas.ContractError, match=f"{name}.csv breaks the contract"):
        schemas.validate(df, name)


def test_a_missing_column_is_left_to_pandera(annotated):
    df = annotated["actors"].drop(columns=["role"])
    assert schemas._fast_validate(df, "actors") is None
    with pytest.raises(schemas.ContractError):
        schemas.validate(df, "actors")


@pytest.mark.parametrize("name", TABLES)
def test_a_table_read_again_is_the_table_read_first(tmp_path, annotated, name):
    for df in (annotated[name], annotated[name].iloc[:0]):
        schemas._VALIDATED.clear()
        schemas.write_table(df, name, tmp_path)
        schemas._VALIDATED.clear()
        first = schemas.read_table(tmp_path, name)  # validated
        again = schemas.read_table(tmp_path, name)  # the bytes known valid
        pd.testing.assert_frame_equal(again, first, check_exact=True)


@pytest.mark.parametrize("name", TABLES)
def test_quick_write_equals_pandas_write(annotated, name):
    df = annotated[name]
    quick = schemas._quick_table(df, name)
    assert quick is not None
    assert quick[0] == schemas._table_bytes(df, name)


@pytest.mark.parametrize(
    "name, column, value",
    [("actors", "mentions", -1), ("mentions", "how", ""), ("sentences", "sentence_id", 1)],
)
def test_a_failing_table_is_left_to_the_pandas_write(tmp_path, annotated, name, column, value):
    df = _broken(annotated, name, column, value)
    assert schemas._quick_table(df, name) is None
    with pytest.raises(schemas.ContractError):
        schemas.write_table(df, name, tmp_path)
    assert not (tmp_path / f"{name}.csv").exists()


@pytest.mark.parametrize("name", TABLES)
def test_a_table_read_from_memory_is_the_table_read_from_csv(tmp_path, annotated, name):
    schemas.write_table(annotated[name], name, tmp_path)
    from_memory = schemas.read_table(tmp_path, name)
    schemas._CELLS.clear()
    from_csv = schemas.read_table(tmp_path, name)
    pd.testing.assert_frame_equal(from_memory, from_csv, check_exact=True)
    assert list(from_memory.dtypes) == list(from_csv.dtypes)
