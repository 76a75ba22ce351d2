"""Command line: ``python -m newslens run ...`` and ``python -m newslens setup``."""

from newslens.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
