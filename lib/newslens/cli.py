"""``python -m newslens``: ``run`` executes the notebooks over a corpus; ``setup`` provisions
the offline resources (VADER lexicon, Jupyter kernel). Errors in the input print one line and
exit with status 2."""

from __future__ import annotations

import argparse
import sys

from newslens.corpus import CorpusError

__all__ = ["main", "build_parser"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newslens", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser(
        "run",
        help="run the notebooks over a corpus into outputs/<run-id>/",
        description="Execute every notebook over one corpus with papermill, render each to HTML,"
        " and write outputs/<run-id>/ with notebooks/, html/, tables/, figures/, manifest.json"
        " and index.html. The run appears only when complete.",
    )
    run.add_argument(
        "--corpus", default="seeds", help="file, folder, glob or table (default: seeds)"
    )
    run.add_argument(
        "--out", default="outputs", help="folder that receives runs (default: outputs)"
    )
    run.add_argument(
        "--notebooks", default="notebooks/*.ipynb", help="glob of notebooks to run (default: all)"
    )
    run.add_argument(
        "--model",
        default=None,
        help="spaCy model: package name or path (default: $NEWSLENS_MODEL or en_core_web_md)",
    )
    run.add_argument(
        "-p",
        "--parameter",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a notebook parameter, e.g. -p top_n=30 (repeatable)",
    )
    run.add_argument("--hide-code", action="store_true", help="leave code cells out of the HTML")
    run.add_argument(
        "--kernel", default=None, help="Jupyter kernel (default: newslens, else python3)"
    )

    setup = commands.add_parser("setup", help="provision the VADER lexicon and the Jupyter kernel")
    setup.add_argument("--no-kernel", action="store_true", help="skip the kernel registration")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "run":
        from newslens.run import main_run

        return main_run(args)
    try:
        if args.command == "setup":
            from newslens.resources import provision_vader_lexicon, register_kernel

            print(f"VADER lexicon: {provision_vader_lexicon()}")
            if not args.no_kernel:
                print(f"Jupyter kernel: {register_kernel()}")
            return 0
    except CorpusError as error:
        print(f"newslens: error: {error}", file=sys.stderr)
        return 2
    return 0
