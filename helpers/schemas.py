"""The annotation contract as pandera schemas, and the only code that reads or writes tables.

Every table is validated on write and on read, so a hand-corrected CSV that breaks the
contract is reported with the column and row at fault instead of failing later in a chart.
Optional text columns hold ``""`` (never NaN), so CSVs round-trip byte for byte.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections import OrderedDict, defaultdict, namedtuple
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera import config as pa_config
from pandera.backends.pandas.container import DataFrameSchemaBackend
from pandera.pandas import Check, Column, DataFrameSchema

PLOVER = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
ACTOR_TYPES = ("person", "state", "organization", "bloc", "group")
PLACE_KINDS = ("city", "country", "region", "other")
DATE_KINDS = ("date", "period", "duration", "relative")

_ISO3_OR_EMPTY = Check.str_matches(r"^([A-Z]{3})?$")
_ISO_DATE_OR_EMPTY = Check.str_matches(r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")
_ID = Check.str_matches(r"^\S+$")

#: Tables whose rows an analyst's correction can change (``helpers/corrections.py``); each carries a
#: ``provenance`` column: ``manual`` for a row changed or added by a correction, ``auto`` otherwise.
PROVENANCE_TABLES = ("actors", "mentions", "events", "quotes", "dates")
PROVENANCE = ("auto", "manual")


def _text(*checks: Check) -> Column:
    return Column(str, checks=list(checks), nullable=False, coerce=True)


def _int(*checks: Check) -> Column:
    return Column(int, checks=list(checks), coerce=True)


SCHEMAS: dict[str, DataFrameSchema] = {
    "sentences": DataFrameSchema(
        {
            "sentence_id": _int(Check.ge(0)),
            "paragraph_id": _int(Check.ge(0)),
            "start": _int(Check.ge(0)),
            "end": _int(Check.ge(0)),
            "text": _text(),
        },
        strict=False,
        ordered=False,
        unique=["sentence_id"],
    ),
    "actors": DataFrameSchema(
        {
            "actor_id": _text(Check.str_matches(r"^(person|state|org|bloc|group):\S+$")),
            "name": _text(),
            "type": _text(Check.isin(ACTOR_TYPES)),
            "country": _text(_ISO3_OR_EMPTY),
            "role": _text(),
            "mentions": _int(Check.ge(0)),
            "code": _text(Check.str_matches(r"^([A-Z]{3}([A-Z]{3})*)?$")),
        },
        unique=["actor_id"],
    ),
    "places": DataFrameSchema(
        {
            "place_id": _text(_ID),
            "name": _text(),
            "kind": _text(Check.isin(PLACE_KINDS)),
            "country": _text(_ISO3_OR_EMPTY),
            "lat": Column(float, Check.in_range(-90, 90), coerce=True, nullable=True),
            "lon": Column(float, Check.in_range(-180, 180), coerce=True, nullable=True),
            "mentions": _int(Check.ge(0)),
        },
        unique=["place_id"],
    ),
    "mentions": DataFrameSchema(
        {
            "mention_id": _text(_ID),
            "sentence_id": _int(Check.ge(0)),
            "start": _int(Check.ge(0)),
            "end": _int(Check.ge(0)),
            "text": _text(),
            "actor_id": _text(),
            "place_id": _text(),
            "how": _text(Check.str_length(min_value=1)),
        },
        unique=["mention_id"],
    ),
    "events": DataFrameSchema(
        {
            "event_id": _text(_ID),
            "sentence_id": _int(Check.ge(0)),
            "type": _text(Check.isin(PLOVER)),
            "mode": _text(),
            "cameo": _text(Check.str_matches(r"^\d{2,4}$")),
            "goldstein": Column(float, Check.in_range(-10, 10), coerce=True),
            "source": _text(Check.str_length(min_value=1)),
            "target": _text(),
            "date": _text(_ISO_DATE_OR_EMPTY),
            "date_text": _text(),
            "place_id": _text(),
            "trigger": _text(Check.str_length(min_value=1)),
            "negated": Column(bool, coerce=True),
            "confidence": Column(float, Check.in_range(0, 1), coerce=True),
        },
        unique=["event_id"],
    ),
    "quotes": DataFrameSchema(
        {
            "quote_id": _text(_ID),
            "sentence_id": _int(Check.ge(0)),
            "speaker": _text(),
            "text": _text(Check.str_length(min_value=1)),
            "start": _int(Check.ge(0)),
            "end": _int(Check.ge(0)),
            "marked": Column(bool, coerce=True),
        },
        unique=["quote_id"],
    ),
    "dates": DataFrameSchema(
        {
            "date_id": _text(_ID),
            "sentence_id": _int(Check.ge(0)),
            "start": _int(Check.ge(0)),
            "end": _int(Check.ge(0)),
            "text": _text(),
            "value": _text(
                Check.str_matches(
                    r"^(\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?|P\d+[YMWD]|PT\d+[HM])?$"
                )
            ),
            "kind": _text(Check.isin(DATE_KINDS)),
            "anchor": _text(),
        },
        unique=["date_id"],
    ),
}

#: Column order of each table as written (contract columns first, then additions).
COLUMNS: dict[str, list[str]] = {name: list(s.columns) for name, s in SCHEMAS.items()}
EXTRA_COLUMNS: dict[str, list[str]] = {
    "events": ["context", "date_basis", "sentence"],
    "dates": ["basis"],
    "places": ["geonameid"],
    "actors": ["country_basis"],
}

for (
    _name
) in PROVENANCE_TABLES:  # written last; optional on read, so tables written before it still read
    EXTRA_COLUMNS.setdefault(_name, []).append("provenance")
    SCHEMAS[_name] = SCHEMAS[_name].add_columns(
        {
            "provenance": Column(
                str, Check.isin(PROVENANCE), nullable=False, coerce=True, required=False
            )
        }
    )

_BOOL_COLUMNS = {"events": ("negated",), "quotes": ("marked",)}

META_KEYS = (
    "title",
    "source",
    "url",
    "published",
    "published_basis",
    "language",
    "sha256",
    "model",
    "created_with",
)


class ContractError(ValueError):
    """A table or meta.json that does not follow the annotation contract."""


def empty(name: str) -> pd.DataFrame:
    """An empty table with the contract's columns (and this project's additions)."""
    return pd.DataFrame(
        {c: pd.Series(dtype=object) for c in COLUMNS[name] + EXTRA_COLUMNS.get(name, [])}
    )


def validate(df: pd.DataFrame, name: str, body: str | None = None) -> pd.DataFrame:
    """Validate ``df`` as table ``name``; with ``body``, also check that offsets slice exactly."""
    try:
        out = _fast_validate(df, name)
        if out is None:
            out = SCHEMAS[name].validate(df, lazy=True)
    except (
        pa.errors.SchemaErrors,
        pa.errors.SchemaError,
    ) as exc:  # pragma: no cover - message path
        raise ContractError(f"{name}.csv breaks the contract: {_first_failure(exc)}") from None
    if body is not None and {"start", "end", "text"} <= set(out.columns):
        for start, end, text in zip(
            out["start"].tolist(), out["end"].tolist(), out["text"].tolist()
        ):
            if body[start:end] != text:
                raise ContractError(
                    f"{name}.csv: offsets {start}-{end} do not slice {text!r} from body.txt"
                )
    return out


def _fast_validate(df: pd.DataFrame, name: str) -> pd.DataFrame | None:
    """What ``SCHEMAS[name].validate`` returns (a copy with the columns coerced by pandera's own
    coercions) when every check passes, without pandera's bookkeeping of failure cases (most of the
    time of a table's validation); None when a check fails or the schema uses a feature not mirrored
    here, so that pandera itself validates and reports the failure. The built-in checks of the
    contract run on the column's values as a list (``str_matches`` with Python's ``re``, whose
    behaviour pandas keeps for its pyarrow strings); any other check runs pandera's own function."""
    schema = SCHEMAS[name]
    if not _mirrored(schema, df):
        return None
    out = df.copy()
    values_of: dict[str, list] = {}
    for c, col in schema.columns.items():
        if c not in out.columns and not col.required and not col.regex:
            continue  # an optional column left out (provenance): pandera skips it too
        values = _fast_column(out, c, col)
        if values is None:
            return None
        values_of[c] = values
    if schema.unique and not _fast_unique(schema, out, values_of):
        return None
    return out


def _fast_column(out: pd.DataFrame, c: str, col: Column) -> list | None:
    """The values of ``out[c]`` (coerced in place, as pandera coerces them) without its missing
    ones, when they are of the column's type and pass its checks; None otherwise."""
    if c not in out.columns or _unmirrored_column(col) or col.dtype is None:
        return None
    s = out[c]
    # coercion (astype) leaves a column of the type as it is
    if col.coerce and not _of_type(s, col):
        try:
            s = col.dtype.try_coerce(s)
        except Exception:
            return None
        out[c] = s
    kind = _KINDS.get(str(s.dtype)) if _of_type(s, col) else None
    if kind is None:
        return None  # a type this does not mirror
    values = s.tolist()
    # NaN is the only missing value of text and floats
    missing = [v != v for v in values] if kind in ("str", "float") else None
    if missing is not None and any(missing):
        if not col.nullable or kind == "str":
            return None
        values = [v for v, m in zip(values, missing) if not m]
    if kind == "str" and not all(isinstance(v, str) for v in values):
        return None  # pandera's dtype check of str columns, value by value
    return values if _checks_pass(col, values) else None


def _fast_unique(schema: DataFrameSchema, out: pd.DataFrame, values_of: dict[str, list]) -> bool:
    """Whether the rows of ``out`` are unique on each of the schema's unique column sets."""
    for subset in _unique_subsets(schema):
        subset = [x for x in subset if x in out]
        if len(subset) == 1 and subset[0] in values_of and len(values_of[subset[0]]) == len(out):
            if len(set(values_of[subset[0]])) < len(out):
                return False
        elif subset and out.duplicated(subset=subset).any():
            return False
    return True


def _unique_subsets(schema: DataFrameSchema) -> list:
    """The schema's ``unique`` as a list of column sets (one set when it names columns)."""
    return [schema.unique] if all(isinstance(x, str) for x in schema.unique) else schema.unique


def _unmirrored_column(col: Column) -> bool:
    """Whether a column uses a feature not mirrored here: a regex name, parsers, uniqueness, a
    default, or dropping invalid rows."""
    return bool(
        col.regex
        or col.parsers
        or col.unique
        or col.default is not None
        or getattr(col, "drop_invalid_rows", False)
    )


def _checks_pass(col: Column, values: list) -> bool:
    """Whether ``values`` pass every check of the column, each a built-in check of the contract
    that runs on the column as a whole, ignoring missing values (False for any other check)."""
    return all(
        check.groupby is None
        and not check.element_wise
        and check._check_fn is not None
        and check.ignore_na
        and _quick_check(check, values)
        for check in col.checks
    )


#: The column types mirrored: int64, float64, bool and pandas' str (pyarrow strings, NaN missing).
_KINDS = {"int64": "int", "float64": "float", "bool": "bool", "str": "str"}


def _of_type(s: pd.Series, col: Column) -> bool:
    """Whether the values are of the type the schema's column coerces to (pandera's dtype check)."""
    try:
        return bool(s.dtype == col.dtype.type)
    except TypeError:
        return False


def _quick_check(check: Check, values: list) -> bool:
    """Whether every value passes a built-in check of the contract (missing values already left
    out, as pandera does); False also when the check is not one of those (pandera then runs it)."""
    kw = check._check_kwargs
    fn = getattr(check._check_fn, "__name__", None)
    if fn == "greater_than_or_equal_to" and set(kw) == {"min_value"}:
        return all(v >= kw["min_value"] for v in values)
    if fn == "in_range" and set(kw) <= {"min_value", "max_value", "include_min", "include_max"}:
        lo, hi = kw["min_value"], kw["max_value"]
        lo_ok = (lambda v: lo <= v) if kw.get("include_min", True) else (lambda v: lo < v)
        hi_ok = (lambda v: v <= hi) if kw.get("include_max", True) else (lambda v: v < hi)
        return all(lo_ok(v) and hi_ok(v) for v in values)
    if (
        fn == "isin"
        and set(kw) == {"allowed_values"}
        and isinstance(kw["allowed_values"], (tuple, list, set, frozenset))
    ):
        allowed = set(kw["allowed_values"])
        return all(isinstance(v, str) for v in allowed) and all(v in allowed for v in values)
    if fn == "str_matches" and set(kw) == {"pattern"} and isinstance(kw["pattern"], str):
        match = _regex(kw["pattern"]).match
        return all(match(v) is not None for v in values)
    if fn == "str_length" and set(kw) <= {"min_value", "max_value", "exact_value"}:
        lo, hi, exact = kw.get("min_value"), kw.get("max_value"), kw.get("exact_value")
        if exact is not None:
            return all(len(v) == exact for v in values)
        if lo is None and hi is None:
            return False
        return all((lo is None or len(v) >= lo) and (hi is None or len(v) <= hi) for v in values)
    return False


@cache
def _regex(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _first_failure(exc: Exception) -> str:
    cases = getattr(exc, "failure_cases", None)
    if cases is not None and len(cases):
        first = cases.iloc[0]
        return (
            f"column {first.get('column')!r} fails {first.get('check')!r} "
            f"(value {first.get('failure_case')!r})"
        )
    return str(exc).splitlines()[0]


def write_table(df: pd.DataFrame, name: str, directory: Path, body: str | None = None) -> Path:
    """Validate and write ``name``.csv into ``directory`` with a fixed column order."""
    quick = _quick_table(df, name, body)
    if quick is None:
        data = _table_bytes(df, name, body)
    else:
        data, cells = quick
    path = Path(directory) / f"{name}.csv"
    path.write_bytes(data)
    key = (name, hashlib.sha256(data).hexdigest())
    _VALIDATED.add(key)  # hashed as written, not read back
    if quick is not None and cells and b"\r" not in data:
        _remember(key, cells)
    return path


def _table_bytes(df: pd.DataFrame, name: str, body: str | None = None) -> bytes:
    """The CSV of ``df`` as table ``name``, validated (pandas and pandera, any table)."""
    if name in PROVENANCE_TABLES:  # every writer marks automatic rows; corrections mark theirs
        marks = (
            df["provenance"].astype(object).fillna("").replace("", "auto")
            if "provenance" in df.columns
            else "auto"
        )
        df = df.assign(provenance=marks)
    cols = COLUMNS[name] + [c for c in EXTRA_COLUMNS.get(name, []) if c in df.columns]
    df = df.reindex(columns=cols)
    schema_cols = SCHEMAS[name].columns
    for c in cols:
        if c in schema_cols and str(schema_cols[c].dtype) == "float64":
            df[c] = pd.to_numeric(df[c]).astype(float)  # an all-missing column is still numeric
        elif df[c].dtype == object:
            df[c] = df[c].fillna("")
    df = validate(df, name, body)
    for c in _BOOL_COLUMNS.get(name, ()):
        df[c] = df[c].map({True: "true", False: "false"})
    return df.to_csv(index=False, lineterminator="\n", float_format="%.6g").encode("utf-8")


def _quick_table(
    df: pd.DataFrame, name: str, body: str | None = None
) -> tuple[bytes, dict[str, list]] | None:
    """(the bytes ``_table_bytes`` writes, each column's cells as read back) for a table whose
    columns already have the contract's types (as the annotators make them) and pass every check,
    computed on lists of values instead of pandas' per-table fixed costs; None for anything else
    (a coercion to make, a missing column, a failing check: ``_table_bytes`` then does the work and
    reports the failure). Cells are formatted as ``to_csv`` formats them: integers with ``str``,
    floats with ``%.6g`` (missing ones empty), booleans as true/false, text as it is."""
    schema = SCHEMAS[name]
    if not _mirrored(schema, df):
        return None
    arrays = dict(zip(df.columns.tolist(), column_arrays(df)))  # the labels are unique (_mirrored)
    columns = set(arrays)
    cols = COLUMNS[name] + [
        c
        for c in EXTRA_COLUMNS.get(name, [])
        if c in columns or (c == "provenance" and name in PROVENANCE_TABLES)
    ]
    n = len(df)
    # the header alone: no value to coerce or check, once the contract's columns are there
    if n == 0:
        if not set(COLUMNS[name]) <= columns:
            return None
        return _csv_bytes(cols, []), {}
    cells: dict[str, list] = {}  # what read_table reads back: int for integer columns, else text
    text: list[list[str]] = []  # what the CSV holds
    values_of: dict[str, list] = {}
    for c in cols:
        col = schema.columns.get(c)
        values = _quick_values(arrays, n, name, c, col)
        if values is None:
            return None
        if col is not None:
            kind = dtype_text(col.dtype)
            if _unmirrored_column(col) or not _quick_column_passes(col, kind, values):
                return None
            values_of[c] = values
        else:
            kind = "extra"
        strings, cells[c] = _cell_texts(kind, values)
        text.append(strings)
    if schema.unique and not _quick_unique(schema, cols, values_of, n):
        return None
    if body is not None and {"start", "end", "text"} <= set(cols):
        for start, end, t in zip(values_of["start"], values_of["end"], values_of["text"]):
            if body[start:end] != t:
                return None
    return _csv_bytes(cols, zip(*text)), cells


def _quick_values(
    arrays: dict[str, Any], n: int, name: str, c: str, col: Column | None
) -> list | None:
    """The values ``_table_bytes`` writes in column ``c`` of a table of ``n`` rows whose columns
    are ``arrays`` (unmarked provenance as "auto"), or None when pandas and pandera have to make
    them."""
    if c == "provenance" and name in PROVENANCE_TABLES:
        return _provenance_marks(listed(arrays[c]) if c in arrays else ["auto"] * n)
    if c not in arrays:
        return None  # reindex would add a missing column: left to pandas and pandera
    return _column_values(arrays[c], col)


def _provenance_marks(values: list) -> list[str] | None:
    """Each row's provenance, "auto" where missing or empty; None if a mark is not text."""
    marks = []
    for v in values:
        if v is None or v is pd.NA or (isinstance(v, float) and v != v) or v == "":
            marks.append("auto")
        elif isinstance(v, str):
            marks.append(v)
        else:
            return None
    return marks


def _quick_column_passes(col: Column, kind: str, values: list) -> bool:
    """Whether the values of a contract column (of dtype ``kind``) pass its checks, missing
    floats left out (and refused in a column that is not nullable)."""
    checked = [v for v in values if v == v] if kind == "float64" else values
    if kind == "float64" and len(checked) < len(values) and not col.nullable:
        return False
    return _checks_pass(col, checked)


def _cell_texts(kind: str, values: list) -> tuple[list[str], list]:
    """A column's cells as the CSV holds them, and as ``read_table`` reads them back (integers of
    an integer column as they are, any other as text)."""
    if kind == "int64":
        return [str(v) for v in values], values
    if kind == "float64":
        # pandas formats with float_format % value: the very same operator, so the same text
        strings = ["" if v != v else "%.6g" % float(v) for v in values]  # noqa: UP031
    elif kind == "bool":
        strings = ["true" if v else "false" for v in values]
    else:  # text; an integer column beyond the contract is read back as text
        strings = [v if isinstance(v, str) else str(v) for v in values]
    return strings, strings


def _quick_unique(
    schema: DataFrameSchema, cols: list[str], values_of: dict[str, list], n: int
) -> bool:
    """Whether the ``n`` rows are unique on each of the schema's unique column sets, each of one
    contract column (False for any other set: pandera then checks it)."""
    for subset in _unique_subsets(schema):
        subset = [x for x in subset if x in cols]
        if len(subset) != 1 or subset[0] not in values_of:
            return False
        if len(set(values_of[subset[0]])) < n:
            return False
    return True


def _csv_bytes(header: list[str], rows: Iterable[Iterable[str]]) -> bytes:
    """The CSV of ``header`` and ``rows`` in the dialect of ``DataFrame.to_csv`` as
    ``_table_bytes`` calls it (pandas hands its cells to this writer)."""
    out = io.StringIO()
    writer = csv.writer(
        out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL, quotechar='"', delimiter=","
    )
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _mirrored(schema: DataFrameSchema, df: pd.DataFrame) -> bool:
    """Whether ``_fast_validate`` and ``_quick_table`` mirror what pandera does for this schema."""
    config = pa_config.get_config_context()
    # as in pandera's validate: register its pandas backends and check functions before use
    return not (
        not isinstance(schema.get_backend(df), DataFrameSchemaBackend)
        or getattr(config, "use_narwhals_backend", False)
        or not config.validation_enabled
        or config.validation_depth not in (None, pa_config.ValidationDepth.SCHEMA_AND_DATA)
        or schema.dtype is not None
        or schema.coerce
        or schema.checks
        or schema.parsers
        or schema.index is not None
        or schema.strict is not False
        or schema.add_missing_columns
        or schema.drop_invalid_rows
        or schema.unique_column_names
        or not columns_unique(df)
    )


def listed(values: Any) -> list:
    """``values.tolist()`` of a column's values; pandas' text without missing values read by
    pyarrow at once (its strings, as ``tolist`` gives them)."""
    if isinstance(values, pd.arrays.ArrowStringArray):
        chunked = values.__arrow_array__()
        if chunked.null_count == 0:
            return chunked.to_pylist()
    return values.tolist()


def column(df: pd.DataFrame, label: str) -> list:
    """``df[label].tolist()``, the column found by its position: a frame finds its first label by
    building a hash table of its labels, which costs more than an article's column."""
    labels = df.columns.tolist()
    if labels.count(label) != 1:
        return df[label].tolist()
    k = labels.index(label)
    get = getattr(df, "_get_column_array", None)
    return listed(get(k) if get is not None else df.iloc[:, k])


def column_arrays(df: pd.DataFrame) -> list[Any]:
    """The values of each column of ``df``, in order, as its Series holds them (a NumPy or extension
    array: the Series' dtype and ``tolist``), without making a Series per column (which costs more
    than the values of an article's column): pandas' own accessor where it has it."""
    get = getattr(df, "_get_column_array", None)
    if get is None:  # another pandas: the Series themselves (same dtype and tolist)
        return [df.iloc[:, k] for k in range(df.shape[1])]
    return [get(k) for k in range(df.shape[1])]


def columns_unique(df: pd.DataFrame) -> bool:
    """``df.columns.is_unique``, for text labels without building the index's hash table."""
    labels = df.columns.tolist()
    if all(isinstance(c, str) for c in labels):
        return len(set(labels)) == len(labels)
    return bool(df.columns.is_unique)


def _column_values(s: Any, col: Column | None) -> list | None:
    """The values of a column already of the type its table needs, as Python values (text missing
    from an object column as ""), or None when it is not (pandas and pandera then coerce it)."""
    dtype = dtype_text(s.dtype)
    kind = "extra" if col is None else dtype_text(col.dtype)
    if kind == "int64" or (kind == "extra" and dtype == "int64"):
        return s.tolist() if dtype == "int64" else None
    if kind == "float64":
        return s.tolist() if dtype == "float64" else None
    if kind == "bool":
        return s.tolist() if dtype == "bool" else None
    if dtype == "str":  # pandas' text: missing values stay NaN (pandera refuses them)
        values = listed(s)
        if kind == "extra":
            values = ["" if v != v else v for v in values]  # to_csv writes them empty
        return values if all(isinstance(v, str) for v in values) else None
    if dtype == "object":  # written with fillna("")
        values = [
            "" if v is None or v is pd.NA or (isinstance(v, float) and v != v) else v
            for v in s.tolist()
        ]
        return values if all(isinstance(v, str) for v in values) else None
    return None


#: (table, SHA-256 of the CSV's bytes) of every table this process has validated: reading the very
#: same bytes again (the next stage reading what the last one wrote) needs only the type conversions.
_VALIDATED: set[tuple[str, str]] = set()
#: The cells of tables this process wrote (by the same key), so that reading those very bytes back
#: builds the table from them instead of parsing the CSV again; oldest dropped beyond the limit.
_CELLS: OrderedDict[tuple[str, str], dict[str, list]] = OrderedDict()
CELLS_LIMIT = 20_000
#: Tables of a header alone (no rows) already validated, as read, by the same key.
_HEADERS: dict[tuple[str, str], pd.DataFrame] = {}


def _remember(key: tuple[str, str], cells: dict[str, list]) -> None:
    _CELLS[key] = cells
    _CELLS.move_to_end(key)
    while len(_CELLS) > CELLS_LIMIT:
        _CELLS.popitem(last=False)


def _coerce(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """The schema's column types without its checks, for bytes already validated."""
    for c, col in SCHEMAS[name].columns.items():
        if c in df.columns and str(col.dtype) == "int64":
            df[c] = df[c].astype("int64")
        elif c in df.columns and str(col.dtype) == "float64":
            df[c] = df[c].astype("float64")
    return df


def _known_types(name: str) -> defaultdict:
    """Column types for reading bytes already validated: the integer columns parsed as int64 by the
    CSV reader itself (the same values ``_coerce`` would give, without a pass per column), the rest
    as text."""
    return defaultdict(
        lambda: str,
        {c: "int64" for c, col in SCHEMAS[name].columns.items() if str(col.dtype) == "int64"},
    )


def _from_cells(cells: dict[str, list], name: str) -> pd.DataFrame:
    """What ``pd.read_csv`` gives for the bytes these cells were written as, read with
    ``_known_types`` (integer columns int64, the rest pandas' text)."""
    types = _known_types(name)
    return pd.DataFrame(
        {c: pd.array(v, dtype="int64" if types[c] == "int64" else "str") for c, v in cells.items()}
    )


def read_table(directory: str | Path, name: str) -> pd.DataFrame:
    """Read ``name``.csv from an annotation folder, validated against the contract."""
    got = read_cells(directory, name)
    return got if isinstance(got, pd.DataFrame) else from_cells(got, name)


def read_cells(directory: str | Path, name: str) -> pd.DataFrame | dict[str, list]:
    """What ``read_table`` reads, or, for the bytes of a table with rows that this process wrote
    (``write_table``), that table's cells: ``from_cells`` makes the very table ``read_table`` gives,
    and the cells of several tables with the same columns joined make them all in one frame."""
    path = Path(directory) / f"{name}.csv"
    if not path.exists():
        raise ContractError(
            f"{path} is missing: run `python -m helpers annotate` on the article first"
        )
    raw = path.read_bytes()
    key = (name, hashlib.sha256(raw).hexdigest())
    cells = _CELLS.get(key) if key in _VALIDATED else None
    if cells is not None and raw.count(b"\n") > 1:
        return cells
    header = _HEADERS.get(key) if key in _VALIDATED else None
    if header is not None:
        return header.copy()
    typed = (
        key in _VALIDATED and raw.count(b"\n") > 1
    )  # a header alone would give object, not str, columns
    df = pd.read_csv(
        io.BytesIO(raw), dtype=_known_types(name) if typed else str, keep_default_na=False
    )
    df = _typed(df, name, path)
    if key in _VALIDATED:
        df = _coerce(df, name)
        if not typed and len(_HEADERS) < 1000:  # the same few bytes in many folders
            _HEADERS[key] = df.copy()
        return df
    df = validate(df, name)
    _VALIDATED.add(key)
    return df


def from_cells(cells: dict[str, list], name: str) -> pd.DataFrame:
    """Table ``name`` from the cells ``read_cells`` gives (those of a CSV already validated): what
    ``_from_cells``, ``_typed`` and ``_coerce`` make of them, with the integer and boolean columns
    made at once (the values and types those passes give them) and the others by the same passes."""
    columns = SCHEMAS[name].columns
    bools = _BOOL_COLUMNS.get(name, ())
    data: dict[str, Any] = {}
    floats = []
    text = _text_dtype()
    for c, v in cells.items():
        kind = dtype_text(columns[c].dtype) if c in columns else ""
        if kind == "int64":
            data[c] = np.array(v, dtype=np.int64)
        elif c in bools:
            data[c] = np.array([x == "true" for x in v], dtype=bool)
        else:
            data[c] = _text_array(v, text)
            if kind == "float64" or c in ("lat", "lon"):
                floats.append(c)
    df = assembled(data, text, text_known=True)
    if floats:
        df = _typed(df, name, Path(f"{name}.csv"), bools=False)
        for c in floats:
            if c in columns and str(columns[c].dtype) == "float64":
                df[c] = df[c].astype("float64")
    return df


def _typed(df: pd.DataFrame, name: str, path: Path, bools: bool = True) -> pd.DataFrame:
    """The boolean and coordinate columns of a table read as text, as values."""
    for c in _BOOL_COLUMNS.get(name, ()) if bools else ():
        if c in df.columns:
            bad = sorted(set(df[c]) - {"true", "false"})
            if bad:
                raise ContractError(f"{path}: column {c!r} must be true or false, not {bad[0]!r}")
            df[c] = df[c] == "true"
    for c in ("lat", "lon"):
        if c in df.columns:
            df[c] = pd.to_numeric(df[c].replace("", None))
    return df


def read_meta(directory: str | Path) -> dict[str, Any]:
    """The article's meta.json, checked for the contract's keys."""
    path = Path(directory) / "meta.json"
    if not path.exists():
        raise ContractError(
            f"{path} is missing: run `python -m helpers annotate` on the article first"
        )
    return check_meta(json.loads(path.read_text(encoding="utf-8")), path)


def check_meta(meta: dict[str, Any], path: Path) -> dict[str, Any]:
    """``meta`` (read from ``path``) when it has the contract's keys."""
    missing = [k for k in META_KEYS if k not in meta]
    if missing:
        raise ContractError(f"{path} lacks {', '.join(missing)}")
    return meta


def read_body(directory: str | Path) -> str:
    """The article body that every offset refers to."""
    return (Path(directory) / "body.txt").read_text(encoding="utf-8")


def itertuples(df: pd.DataFrame, index: bool = True) -> list[Any]:
    """``list(df.itertuples(index=index))``: the same named tuples of the same values, with the row
    type made once per set of columns (pandas makes a new named-tuple class on every call, which
    costs more than the rows of an article's table)."""
    fields: list[Any] = list(df.columns)
    arrays: list[Any] = []
    if index:
        arrays.append(df.index.tolist() if dtype_text(df.index.dtype) in _LISTED else df.index)
        fields.insert(0, "Index")
    for k, values in enumerate(column_arrays(df)):
        arrays.append(listed(values) if dtype_text(values.dtype) in _LISTED else df.iloc[:, k])
    if not arrays:
        return list(df.itertuples(index=index))
    return list(map(_row_type(tuple(fields))._make, zip(*arrays, strict=True)))


#: Column types whose ``tolist`` gives the very values iterating the column gives (Python ints,
#: floats, booleans, text and NaN for missing text), without iterating it value by value.
_LISTED = {"int64", "float64", "bool", "str", "object"}


@lru_cache(maxsize=256)
def _row_type(fields: tuple[Any, ...]) -> Any:
    """The named tuple ``itertuples`` makes for these fields (keyed on them alone)."""
    return namedtuple("Pandas", fields, rename=True)


def text_array(values: list) -> Any:
    """``pd.array(values, dtype="str")``: for values that are all text, the same array (pandas'
    text type on pyarrow, one chunk of large strings) made by pyarrow at once, without pandas'
    pass over the values; anything else by pandas itself."""
    return _text_array(values, _text_dtype())


def _text_array(values: list, dtype: pd.StringDtype | None) -> Any:
    """``text_array`` with ``dtype`` the ``_text_dtype()`` (found once for many columns)."""
    if dtype is None or not all(type(v) is str for v in values):
        return pd.array(values, dtype="str")
    chunk = pyarrow.array(values, type=pyarrow.large_string())
    return pd.arrays.ArrowStringArray(chunk, dtype=dtype)  # type: ignore[call-arg]  # stubs lack it


def _text_dtype() -> pd.StringDtype | None:
    """pandas' text type (what ``dtype="str"`` means) when it is stored by pyarrow, else None."""
    return _text_dtype_for(pd.get_option("mode.string_storage"))


@lru_cache(maxsize=4)
def _text_dtype_for(storage: str) -> pd.StringDtype | None:
    """``_text_dtype`` under the option that picks its storage (made once per value of it)."""
    dtype = pd.api.types.pandas_dtype("str")
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
        return dtype
    return None


def frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """``pd.DataFrame(rows, columns=columns)``: when each column holds values of one plain type
    (text, int, float or bool) in every row, or is missing from every row, the same frame made
    column by column (the types pandas infers for them: its text type, int64, float64, bool; all
    NaN), without its inference over the rows; anything else (no rows, a field some rows lack,
    mixed or other types) by pandas."""
    data: dict[str, Any] = {}
    if len(set(columns)) < len(columns):
        return pd.DataFrame(rows, columns=columns)
    text = _text_dtype()
    for c in columns:
        try:
            values = [r[c] for r in rows]
        except KeyError:
            if rows and not any(c in r for r in rows):  # pandas: missing everywhere, all NaN
                data[c] = np.full(len(rows), np.nan)
                continue
            return pd.DataFrame(rows, columns=columns)
        array = _plain_array(values, text)
        if array is None:
            return pd.DataFrame(rows, columns=columns)
        data[c] = array
    return assembled(data, text, text_known=True)


def _plain_array(values: list, text: pd.StringDtype | None) -> Any:
    """The column pandas infers for values all of one plain type, or None (no values, mixed or
    other types, integers beyond int64, text when pandas' text type is not ``text``, pyarrow's)."""
    if not values:
        return None
    kind = type(values[0])
    if kind not in (str, int, float, bool) or not all(type(v) is kind for v in values):
        return None
    if kind is str:
        return _text_array(values, text) if text is not None else None
    try:
        return np.array(values, dtype={int: np.int64, float: np.float64, bool: np.bool_}[kind])
    except OverflowError:
        return None


def assembled(columns: dict[str, Any], text: Any = None, text_known: bool = False) -> pd.DataFrame:
    """``pd.DataFrame(columns)`` of columns already made (one-dimensional NumPy or extension arrays
    of one length, fresh: not copied), without pandas' checks of each: its own constructor for
    them where it has it. (``text``: ``_text_dtype()``, when the caller has it: ``text_known``.)"""
    arrays = list(columns.values())
    make = getattr(pd.DataFrame, "_from_arrays", None)
    if make is None or not arrays:  # another pandas, or no column: the public way
        return pd.DataFrame(columns, copy=False)
    labels = list(columns)
    text = text if text_known else _text_dtype()
    textual = text is not None and all(type(c) is str for c in labels)
    names = pd.Index(_text_array(labels, text), copy=False) if textual else pd.Index(labels)
    index = pd.RangeIndex(len(arrays[0]))
    return make(arrays, columns=names, index=index, verify_integrity=False)


def dtype_text(dtype: Any) -> str:
    """``str(dtype)``; NumPy's and pandera's types remembered (they make their text anew each
    time, slowly), pandas' own as they are."""
    if isinstance(dtype, pd.api.extensions.ExtensionDtype):
        return str(dtype)
    try:
        return _dtype_text(dtype)
    except TypeError:  # not hashable
        return str(dtype)


@lru_cache(maxsize=256)
def _dtype_text(dtype: Any) -> str:
    return str(dtype)
