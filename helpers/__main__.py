"""Command line: ``python -m helpers annotate PATH [--out DIR] [--published YYYY-MM-DD] ...``,
``python -m helpers annotate-corpus DIR_OR_GLOB --out DIR [--processes N] [--dask ADDRESS]``,
``python -m helpers apply-corrections DIR [--corrections PATH]``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from . import config, corpus, corrections, export, pipeline
from .ingest import ArticleError
from .nlp import ModelMissing
from .schemas import ContractError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, as the contract asks
        sys.stderr.write(f"error: {message}; see `python -m helpers annotate --help`\n")
        raise SystemExit(2)


def _add_annotate(sub: argparse._SubParsersAction) -> None:
    """The ``annotate`` subcommand: one article's annotation tables."""
    ann = sub.add_parser("annotate", help="write the annotation tables of one article")
    ann.add_argument("path", help="article as UTF-8 .txt or .html")
    ann.add_argument("--out", help="output folder (default data/processed/<slug>/)")
    ann.add_argument("--published", help="publication date, YYYY-MM-DD")
    ann.add_argument("--title")
    ann.add_argument("--source")
    ann.add_argument("--url")
    ann.add_argument(
        "--language", help="'en' annotates a text that does not look English as English"
    )
    ann.add_argument(
        "--allow-future", action="store_true", help="accept a publication date after today"
    )
    ann.add_argument(
        "--corrections",
        metavar="PATH",
        help="corrections file to apply (default data/corrections/<slug>.yaml when it exists)",
    )


def _add_report(sub: argparse._SubParsersAction) -> None:
    """The ``report`` subcommand: every notebook on an article, as an HTML report."""
    rep = sub.add_parser(
        "report", help="run every notebook on an article and write reports/<slug>/"
    )
    rep.add_argument(
        "path", nargs="?", help="article (default: the Iran-Belarus article in data/raw/)"
    )
    for flag in ("--published", "--title", "--source", "--url", "--language"):
        rep.add_argument(flag)
    rep.add_argument("--allow-future", action="store_true")
    rep.add_argument(
        "--corrections",
        metavar="PATH",
        help="corrections file the notebooks apply "
        "(default data/corrections/<slug>.yaml when it exists)",
    )


def _add_annotate_corpus(sub: argparse._SubParsersAction) -> None:
    """The ``annotate-corpus`` subcommand: every article of a folder or glob."""
    cor = sub.add_parser(
        "annotate-corpus",
        help="annotate every article of a folder or glob, resumably, "
        "with combined tables in DuckDB and Parquet",
    )
    cor.add_argument(
        "spec", metavar="DIR_OR_GLOB", help="a folder of .txt/.html articles or a quoted glob"
    )
    cor.add_argument(
        "--out",
        default=str(corpus.config.DATA / "processed" / "corpus"),
        help="output folder (default data/processed/corpus/)",
    )
    cor.add_argument("--processes", type=int, default=1, help="worker processes (default 1)")
    cor.add_argument(
        "--batch", type=int, default=8, help="articles parsed together per batch (default 8)"
    )
    cor.add_argument(
        "--dask", metavar="ADDRESS", help="a Dask scheduler, tcp://HOST:PORT, or 'local'"
    )
    cor.add_argument("--no-progress", action="store_true", help="no progress bar")
    cor.add_argument("--language", help="'en' annotates texts that do not look English as English")
    cor.add_argument(
        "--corrections",
        metavar="DIR",
        help="folder of corrections files, <slug>.yaml for each "
        "article that has one (default data/corrections/)",
    )


def _add_apply_corrections(sub: argparse._SubParsersAction) -> None:
    """The ``apply-corrections`` subcommand: correct an annotation folder already written."""
    fix = sub.add_parser(
        "apply-corrections", help="apply a corrections file to an annotation folder already written"
    )
    fix.add_argument("dir", metavar="DIR", help="annotation folder (data/processed/<slug>/)")
    fix.add_argument(
        "--corrections",
        metavar="PATH",
        help="corrections file (default data/corrections/<slug>.yaml)",
    )


def _parser() -> _Parser:
    """The argument parser with every subcommand."""
    parser = _Parser(prog="python -m helpers", description="Annotate a news article.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    _add_annotate(sub)
    _add_report(sub)
    _add_annotate_corpus(sub)
    _add_apply_corrections(sub)
    sub.add_parser("notebooks", help="re-execute the committed notebooks in place (maintainers)")
    return parser


def _article_options(args: argparse.Namespace) -> dict[str, Any]:
    """The article's metadata and reading options given on the command line."""
    return {
        "published": args.published,
        "title": args.title,
        "source": args.source,
        "url": args.url,
        "language": args.language,
        "allow_future": args.allow_future,
    }


def _annotate_corpus(args: argparse.Namespace) -> int:
    """``annotate-corpus``: 0, 1 if an article failed, 130 if interrupted."""
    if args.processes < 1 or args.batch < 1:
        raise corpus.CorpusError("--processes and --batch must be 1 or more")
    if args.corrections and not Path(args.corrections).is_dir():
        raise corpus.CorpusError(
            f"--corrections {args.corrections}: no such folder; give the folder "
            "holding <slug>.yaml files"
        )
    summary = corpus.run(
        args.spec,
        args.out,
        args.processes,
        args.dask,
        args.batch,
        progress=not args.no_progress,
        echo=print,
        language=args.language,
        corrections=args.corrections,
    )
    return 130 if summary.interrupted else (1 if summary.failed else 0)


def _annotate(args: argparse.Namespace) -> Path:
    """``annotate``: the folder written, its corrections told on stderr."""
    out = pipeline.annotate(
        args.path, args.out, **_article_options(args), corrections=args.corrections or True
    )
    _tell(corrections.recorded(out))
    return out


def _apply_corrections(args: argparse.Namespace) -> str:
    """``apply-corrections``: the folder corrected, what changed told on stderr."""
    if not (Path(args.dir) / "meta.json").exists():
        raise corrections.CorrectionError(
            f"{args.dir}: not an annotation folder (no meta.json); "
            "run `python -m helpers annotate` on the article first"
        )
    if args.corrections and not Path(args.corrections).is_file():
        raise corrections.CorrectionError(f"{args.corrections}: no such corrections file")
    _tell(corrections.apply(args.dir, args.corrections))
    return args.dir


def _report(args: argparse.Namespace) -> int:
    """``report``: build the HTML report and say where it is."""
    if args.corrections:  # the notebooks' kernels inherit it (corrections.default_path)
        from .ingest import slug_for

        article = args.path or config.DEFAULT_ARTICLE
        pipeline.check_corrections(args.corrections, slug_for(Path(article)))
        os.environ["NEWS_ACTORS_CORRECTIONS"] = str(Path(args.corrections).resolve())
    out = export.build_report(args.path, **_article_options(args))
    size = export.folder_size(out)
    print(f"report written to {out} ({size / 1e6:.1f} MB); open {out / 'index.html'}")
    return 0


def _notebooks(args: argparse.Namespace) -> int:
    """``notebooks``: re-execute the committed notebooks in place."""
    for nb in export.refresh_committed():
        print(f"executed {nb}")
    return 0


#: Each subcommand's handler: an exit code, or the folder written (printed on stdout, exit 0).
_COMMANDS: dict[str, Callable[[argparse.Namespace], int | str | Path]] = {
    "annotate": _annotate,
    "report": _report,
    "annotate-corpus": _annotate_corpus,
    "apply-corrections": _apply_corrections,
    "notebooks": _notebooks,
}


def main(argv: list[str] | None = None) -> int:
    """Run the command line on ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        outcome = _COMMANDS[args.command](args)
    except (
        ArticleError,
        ModelMissing,
        ContractError,
        export.ReportError,
        corpus.CorpusError,
    ) as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted; nothing was written\n")
        return 130
    if isinstance(outcome, int):
        return outcome
    print(outcome)
    return 0


def _tell(result: corrections.Result) -> None:
    """What the corrections did, on stderr (stdout keeps the output folder alone)."""
    for line in result.lines():
        sys.stderr.write(line + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
