"""Command line: ``python -m helpers annotate PATH [--out DIR] [--published YYYY-MM-DD] ...``,
``python -m helpers annotate-corpus DIR_OR_GLOB --out DIR [--processes N] [--dask ADDRESS]``,
``python -m helpers apply-corrections DIR [--corrections PATH]``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import NoReturn

from . import config, corpus, corrections, export, pipeline
from .ingest import ArticleError
from .nlp import ModelMissing
from .schemas import ContractError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, as the contract asks
        sys.stderr.write(f"error: {message}; see `python -m helpers annotate --help`\n")
        raise SystemExit(2)


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m helpers", description="Annotate a news article.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
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
    fix = sub.add_parser(
        "apply-corrections", help="apply a corrections file to an annotation folder already written"
    )
    fix.add_argument("dir", metavar="DIR", help="annotation folder (data/processed/<slug>/)")
    fix.add_argument(
        "--corrections",
        metavar="PATH",
        help="corrections file (default data/corrections/<slug>.yaml)",
    )
    sub.add_parser("notebooks", help="re-execute the committed notebooks in place (maintainers)")
    args = parser.parse_args(argv)
    try:
        if args.command == "annotate-corpus":
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
        if args.command == "annotate":
            out = pipeline.annotate(
                args.path,
                args.out,
                published=args.published,
                title=args.title,
                source=args.source,
                url=args.url,
                language=args.language,
                allow_future=args.allow_future,
                corrections=args.corrections or True,
            )
            _tell(corrections.recorded(out))
        elif args.command == "apply-corrections":
            if not (Path(args.dir) / "meta.json").exists():
                raise corrections.CorrectionError(
                    f"{args.dir}: not an annotation folder (no meta.json); "
                    "run `python -m helpers annotate` on the article first"
                )
            if args.corrections and not Path(args.corrections).is_file():
                raise corrections.CorrectionError(f"{args.corrections}: no such corrections file")
            _tell(corrections.apply(args.dir, args.corrections))
            out = args.dir
        elif args.command == "report":
            if args.corrections:  # the notebooks' kernels inherit it (corrections.default_path)
                from .ingest import slug_for

                article = args.path or config.DEFAULT_ARTICLE
                pipeline.check_corrections(args.corrections, slug_for(Path(article)))
                os.environ["NEWS_ACTORS_CORRECTIONS"] = str(Path(args.corrections).resolve())
            out = export.build_report(
                args.path,
                published=args.published,
                title=args.title,
                source=args.source,
                url=args.url,
                language=args.language,
                allow_future=args.allow_future,
            )
            size = export.folder_size(out)
            print(f"report written to {out} ({size / 1e6:.1f} MB); open {out / 'index.html'}")
            return 0
        else:
            for nb in export.refresh_committed():
                print(f"executed {nb}")
            return 0
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
    print(out)
    return 0


def _tell(result: corrections.Result) -> None:
    """What the corrections did, on stderr (stdout keeps the output folder alone)."""
    for line in result.lines():
        sys.stderr.write(line + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
