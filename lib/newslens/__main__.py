"""Command line: ``python -m newslens run ...`` and ``python -m newslens setup``."""

import sys

INTERRUPTED = 130  # the shell's status for Ctrl-C

if __name__ == "__main__":
    try:
        # Ctrl-C while the libraries load, before the command handles it: one line too.
        from newslens.cli import main

        status = main()
    except KeyboardInterrupt:
        print("newslens: interrupted.", file=sys.stderr)
        status = INTERRUPTED
    raise SystemExit(status)
