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

    setup = commands.add_parser("setup", help="provision the VADER lexicon and the Jupyter kernel")
    setup.add_argument("--no-kernel", action="store_true", help="skip the kernel registration")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
