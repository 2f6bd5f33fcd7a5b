"""Annotate many articles: one parse per article in batches, in one or several processes or on a
Dask cluster, resumable, with the per-article tables of the contract and combined tables (an
``article`` column first) in DuckDB (``corpus.duckdb``) and Parquet (``parquet/<table>.parquet``).

    python -m helpers annotate-corpus DIR_OR_GLOB --out DIR [--processes N] [--dask ADDRESS]

Layout of DIR: ``<slug>/`` per article (the files of ``python -m helpers annotate``), then
``corpus.duckdb`` and ``parquet/`` for the whole corpus, both rebuilt from the article folders at
the end of a run that was not interrupted, each replaced in one step (never half-written).
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__, config, nlp, schemas
from .ingest import HTML_SUFFIXES, ArticleError, read_article, read_bytes, slug_for

ARTICLE_SUFFIXES = (".txt", *sorted(HTML_SUFFIXES))
#: Combined tables, in the order a reader meets them.
TABLES = ("sentences", "actors", "places", "mentions", "events", "quotes", "dates")
DATABASE = "corpus.duckdb"
PARQUET = "parquet"
KEY_FIELD = "corpus_key"


class CorpusError(ValueError):
    """Nothing could be done (no articles, an unreachable cluster): one line saying what to do."""


@dataclass
class Outcome:
    """What happened to one article."""

    path: str
    slug: str
    status: str  # "annotated", "unchanged" or "failed"
    reason: str = ""
    words: int = 0
    seconds: float = 0.0
    corrections: str = ""  # "N applied, M stale" when the article has a corrections file


@dataclass
class Summary:
    """What a corpus run did."""

    out: Path
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False
    combined: bool = False

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def lines(self) -> list[str]:
        """The summary a person reads at the end of a run."""
        done = [o for o in self.outcomes if o.status == "annotated"]
        words = sum(o.words for o in done)
        rate = (
            f", {len(done) / self.seconds:.1f} articles/s, {words / self.seconds:.0f} words/s"
            if done and self.seconds
            else ""
        )
        out = [
            f"{len(self.outcomes)} articles: {len(done)} annotated, {self.count('unchanged')} unchanged "
            f"(skipped), {len(self.failed)} failed in {self.seconds:.1f} s{rate}"
        ]
        out += [f"  failed: {o.path}: {o.reason}" for o in self.failed]
        out += [f"  corrections: {o.slug}: {o.corrections}" for o in self.outcomes if o.corrections]
        if self.interrupted:
            out.append(
                "interrupted: finished articles are complete; run the same command again to resume"
            )
        elif self.combined:
            out.append(f"combined tables: {self.out / DATABASE} and {self.out / PARQUET}/")
        return out


# --- which articles ---------------------------------------------------------------------------


def find_articles(spec: str | Path) -> list[Path]:
    """The articles a folder holds (its .txt/.html/.htm files, not README or sidecars) or a glob
    matches, sorted; a ``CorpusError`` when there are none or two would share a folder name."""
    spec = str(spec)
    path = Path(spec)
    if any(ch in spec for ch in "*?["):
        found = [Path(p) for p in glob.glob(spec, recursive=True)]
        where = f"the pattern {spec!r}"
    elif path.is_dir():
        found = list(path.iterdir())
        where = f"the folder {spec}"
    elif path.is_file():
        found = [path]
        where = spec
    else:
        raise CorpusError(
            f"{spec}: no such file or folder; give a folder of articles or a glob such as 'news/*.txt'"
        )
    files = sorted(
        p
        for p in found
        if p.is_file()
        and p.suffix.lower() in ARTICLE_SUFFIXES
        and not p.name.startswith(".")
        and p.stem.upper() != "README"
    )
    if not files:
        verb = "matches" if where.startswith("the pattern") else "holds"
        raise CorpusError(
            f"{where} {verb} no articles (.txt, .html or .htm files); point at the folder or glob "
            "that has them"
        )
    slugs: dict[str, Path] = {}
    for f in files:
        other = slugs.setdefault(slug_for(f), f)
        if other != f:
            raise CorpusError(
                f"{other} and {f} would both be written to {slug_for(f)}/; rename one of them"
            )
    return files


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the annotators' code and reference data: a change re-annotates every article."""
    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for p in sorted([*package.glob("*.py"), *config.REFERENCE.rglob("*")]):
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def article_key(path: Path) -> str:
    """What an article's tables were made from: its raw bytes and sidecar, the model, the code."""
    h = hashlib.sha256(read_bytes(path))
    side = path.with_suffix(".meta.json")
    if side.exists():
        h.update(side.read_bytes())
    h.update(nlp.loaded_name().encode())
    h.update(code_version().encode())
    return h.hexdigest()


def _unchanged(out: Path, key: str) -> bool:
    meta = out / "meta.json"
    if not meta.exists() or not all((out / f"{t}.csv").exists() for t in TABLES):
        return False
    try:
        return json.loads(meta.read_text(encoding="utf-8")).get(KEY_FIELD) == key
    except ValueError:
        return False


# --- the work of one batch (in this process, a worker process or a Dask worker) ---------------


def annotate_batch(
    paths: list[str], out: str, batch_size: int = 16, language: str | None = None
) -> list[dict]:
    """Annotate a batch of articles into ``out/<slug>/``: unchanged ones are skipped, the rest are
    parsed together with ``nlp.pipe``; one failing article does not stop the others. Returns one
    ``Outcome`` (as a dict, to cross process boundaries) per path, in order."""
    from . import pipeline

    outcomes: list[Outcome] = []
    todo = []  # (index, article, folder, key)
    for p in map(Path, paths):
        slug = slug_for(p)
        try:
            key = article_key(p)
            if _unchanged(Path(out) / slug, key):
                outcomes.append(Outcome(str(p), slug, "unchanged"))
                continue
            article = read_article(p, language)
        except (ArticleError, OSError) as exc:
            outcomes.append(Outcome(str(p), slug, "failed", _one_line(exc, p)))
            continue
        outcomes.append(Outcome(str(p), slug, "annotated", words=len(article.body.split())))
        todo.append((len(outcomes) - 1, article, Path(out) / slug, key))
    if todo:
        docs = nlp.load().pipe((a.body for _, a, _, _ in todo), batch_size=batch_size)
        for (i, article, folder, key), doc in zip(todo, docs):
            start = time.perf_counter()
            try:
                pipeline.annotate_article(article, folder, doc, {KEY_FIELD: key})
            except Exception as exc:
                outcomes[i] = Outcome(outcomes[i].path, outcomes[i].slug, "failed", _one_line(exc))
            outcomes[i].seconds = round(time.perf_counter() - start, 3)
    return [asdict(o) for o in outcomes]


def _one_line(exc: BaseException, path: Path | None = None) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    if path is not None and text.startswith(str(path)):
        text = text[len(str(path)) :].lstrip(" :")  # the summary names the file already
    return text if isinstance(exc, (ArticleError, OSError)) else f"{type(exc).__name__}: {text}"


def _batches(files: list[Path], size: int) -> list[list[str]]:
    return [[str(f) for f in files[i : i + size]] for i in range(0, len(files), size)]


# --- running the batches ----------------------------------------------------------------------


def _run_local(
    batches: list[list[str]], out: Path, batch_size: int, language: str | None
) -> Iterator[list[dict]]:
    for b in batches:
        yield annotate_batch(b, str(out), batch_size, language)


def _warm() -> None:
    nlp.load()


def _run_processes(
    batches: list[list[str]], out: Path, batch_size: int, processes: int, language: str | None
) -> Iterator[list[dict]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    ctx = multiprocessing.get_context(
        "spawn"
    )  # a clean interpreter per worker: no forked model state
    with ProcessPoolExecutor(max_workers=processes, mp_context=ctx, initializer=_warm) as pool:
        futures = [pool.submit(annotate_batch, b, str(out), batch_size, language) for b in batches]
        try:
            for f in as_completed(futures):
                yield f.result()
        except BaseException:
            for f in futures:
                f.cancel()
            raise


def _dask_client(address: str, workers: int) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - a pinned dependency
        raise CorpusError("dask.distributed is not installed: run `make env`") from None
    if address == "local":
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster)
    try:
        return Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise CorpusError(
            f"cannot reach the Dask scheduler at {address} ({' '.join(str(exc).split())[:120]}); "
            "check the address, or use --dask local"
        ) from None


def _run_dask(
    batches: list[list[str]],
    out: Path,
    batch_size: int,
    address: str,
    workers: int,
    language: str | None,
) -> Iterator[list[dict]]:
    from distributed import as_completed

    client = _dask_client(address, workers)
    try:
        client.run(_warm)  # every worker loads the model and reference data once
        futures = [
            client.submit(annotate_batch, b, str(out), batch_size, language, pure=False)
            for b in batches
        ]
        for f in as_completed(futures):
            yield f.result()
    finally:
        cluster = getattr(client, "cluster", None) if address == "local" else None
        client.close()
        if cluster is not None:
            cluster.close()


def run(
    spec: str | Path,
    out: str | Path,
    processes: int = 1,
    dask: str | None = None,
    batch: int = 8,
    progress: bool = True,
    echo: Callable[[str], None] | None = None,
    language: str | None = None,
    corrections: str | Path | None = None,
) -> Summary:
    """Annotate every article of ``spec`` into ``out``, apply each article's corrections (``<slug>.yaml``
    of the folder ``corrections``, default ``data/corrections/``) and rebuild the combined tables."""
    files = find_articles(spec)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    summary = Summary(out)
    batches = _batches(files, max(1, batch))
    if dask:
        results = _run_dask(batches, out, batch, dask, max(1, processes), language)
    elif processes > 1:
        results = _run_processes(batches, out, batch, processes, language)
    else:
        results = _run_local(batches, out, batch, language)
    from tqdm import tqdm

    start = time.perf_counter()
    bar = tqdm(
        total=len(files), unit="article", file=sys.stderr, disable=not progress, dynamic_ncols=True
    )
    try:
        for outcomes in results:
            summary.outcomes += [Outcome(**o) for o in outcomes]
            bar.update(len(outcomes))
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - start
    summary.outcomes.sort(key=lambda o: o.slug)
    if not summary.interrupted:
        apply_corrections(out, summary.outcomes, corrections)
        slugs = [o.slug for o in summary.outcomes if o.status != "failed"]
        combine(out, slugs)
        summary.combined = True
    if echo is not None:
        for line in summary.lines():
            echo(line)
    return summary


def apply_corrections(out: Path, outcomes: list[Outcome], folder: str | Path | None = None) -> None:
    """Apply each annotated or unchanged article's corrections file (applying again changes nothing); an
    article whose file cannot be applied is failed with the file's one-line reason, its tables untouched."""
    from . import corrections

    for o in outcomes:
        if o.status == "failed":
            continue
        path = Path(folder) / f"{o.slug}.yaml" if folder else corrections.corpus_path(o.slug)
        if not path.exists() and not (out / o.slug / corrections.AUTO).is_dir():
            o.corrections = ""  # no file, never corrected: corrections.apply would change nothing
            continue
        try:
            result = corrections.apply(out / o.slug, path)
        except corrections.CorrectionError as exc:
            o.status, o.reason = "failed", " ".join(str(exc).split())
            continue
        o.corrections = (
            f"{len(result.applied)} applied, {len(result.stale)} stale"
            if result.applied or result.stale
            else ""
        )


# --- combined tables ----------------------------------------------------------------------------

ARTICLE_COLUMNS = ["article", *schemas.META_KEYS]


def combined_tables(out: str | Path, slugs: Iterable[str]) -> dict[str, pd.DataFrame]:
    """Each contract table over the articles, an ``article`` column (the slug) first, rows by
    article then in each article's own order; and ``articles``, one row of metadata per article."""
    out = Path(out)
    parts: dict[str, list[tuple[str, pd.DataFrame | dict[str, list]]]] = {t: [] for t in TABLES}
    articles = []
    for slug in sorted(slugs):
        meta = schemas.read_meta(out / slug)
        articles.append(
            {
                "article": slug,
                **{k: "" if meta.get(k) is None else str(meta.get(k)) for k in ARTICLE_COLUMNS[1:]},
            }
        )
        for t in TABLES:
            parts[t].append((slug, schemas.read_cells(out / slug, t)))
    result = {"articles": pd.DataFrame(articles, columns=ARTICLE_COLUMNS)}
    for t, got in parts.items():
        cols = ["article", *schemas.COLUMNS[t], *schemas.EXTRA_COLUMNS.get(t, [])]
        frame = _joined(t, got)
        if frame is None:
            frames = []
            for slug, part in got:
                df = part if isinstance(part, pd.DataFrame) else schemas.from_cells(part, t)
                df.insert(0, "article", slug)
                frames.append(df)
            frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols)
        result[t] = frame[
            [c for c in cols if c in frame.columns] + [c for c in frame.columns if c not in cols]
        ]
    return result


def _joined(
    name: str, parts: list[tuple[str, pd.DataFrame | dict[str, list]]]
) -> pd.DataFrame | None:
    """What ``pd.concat`` gives for the articles' tables (each with its ``article`` column first)
    when those with rows are all known by their cells with the same columns: the cells joined
    make one frame, given the dtypes concat gives (found on the first row of one table and the
    tables without rows); None otherwise (the tables are then made one by one and concatenated)."""
    cells: list[tuple[str, dict[str, list]]] = []
    empty: list[pd.DataFrame] = []
    for slug, part in parts:
        if not isinstance(part, pd.DataFrame):
            cells.append((slug, part))
        elif len(part):
            return None
        else:
            df = part.copy()
            df.insert(0, "article", slug)
            empty.append(df)
    if not cells:
        return None
    columns = list(cells[0][1])
    if any(list(p) != columns for _, p in cells) or any(
        list(df.columns) != ["article", *columns] for df in empty
    ):
        return None
    joined: dict[str, list] = {c: [] for c in columns}
    article: list[str] = []
    for slug, p in cells:
        for c in columns:
            joined[c].extend(p[c])
        article.extend([slug] * len(p[columns[0]]))
    frame = schemas.from_cells(joined, name)
    frame.insert(0, "article", article)
    first = schemas.from_cells({c: v[:1] for c, v in cells[0][1].items()}, name)
    first.insert(0, "article", cells[0][0])
    dtypes = dict(pd.concat([first, *empty], ignore_index=True).dtypes)
    if list(dtypes) != list(frame.columns):
        return None
    if dict(frame.dtypes) != dtypes:
        frame = frame.astype(dtypes)
    return frame


def combine(out: str | Path, slugs: Iterable[str]) -> None:
    """Write the combined tables as Parquet files and a DuckDB database, each replaced whole."""
    import duckdb

    out = Path(out)
    tables = combined_tables(out, slugs)
    scratch = Path(tempfile.mkdtemp(prefix=".combine.", dir=out))
    try:
        (scratch / PARQUET).mkdir()
        for name, df in tables.items():
            df.to_parquet(scratch / PARQUET / f"{name}.parquet", index=False)
        con = duckdb.connect(str(scratch / DATABASE))
        try:
            for name in tables:
                con.execute(
                    f"CREATE TABLE {name} AS SELECT * FROM read_parquet(?)",
                    [str(scratch / PARQUET / f"{name}.parquet")],
                )
        finally:
            con.close()
        old = out / f".{PARQUET}.old"
        shutil.rmtree(old, ignore_errors=True)
        if (out / PARQUET).exists():
            os.replace(out / PARQUET, old)
        os.replace(scratch / PARQUET, out / PARQUET)
        os.replace(scratch / DATABASE, out / DATABASE)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def read_combined(out: str | Path, name: str) -> pd.DataFrame:
    """One combined table of a corpus folder (from its Parquet file)."""
    path = Path(out) / PARQUET / f"{name}.parquet"
    if not path.exists():
        raise CorpusError(
            f"{path} is missing: run `python -m helpers annotate-corpus` on the corpus first"
        )
    return pd.read_parquet(path)
