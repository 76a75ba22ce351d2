"""``python -m newslens``: ``run`` analyses a corpus and executes the notebooks over it;
``analyse`` runs the analysis pass alone; ``setup`` provisions the offline resources (VADER
lexicon, Jupyter kernel). Errors in the input print one line and exit with status 2; Ctrl-C
prints one line and exits with status 130, leaving no run folder behind."""

from __future__ import annotations

import argparse
import sys

from newslens.corpus import CorpusError

__all__ = ["main", "build_parser"]

INTERRUPTED = 130


def _add_analysis_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--corpus", default="seeds", help="file, folder, glob or table (default: seeds)"
    )
    command.add_argument(
        "--out", default="outputs", help="folder that receives runs (default: outputs)"
    )
    command.add_argument(
        "--model",
        default=None,
        help="spaCy model: package name or path (default: $NEWSLENS_MODEL or en_core_web_md)",
    )
    command.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes for the analysis pass (default: every core)",
    )
    command.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="analyse on a dask.distributed cluster, e.g. tcp://10.0.0.5:8786",
    )
    command.add_argument(
        "--on-error",
        choices=("stop", "skip"),
        default="stop",
        help="stop: the first unreadable file, row or document stops the run before anything is"
        " written (default); skip: leave it out, list it on the terminal, in manifest.json and on"
        " the index page, and go on",
    )
    command.add_argument(
        "-p",
        "--parameter",
        action="append",
        nargs="+",
        default=[],
        metavar="NAME=VALUE",
        help="a parameter of a notebook or of the analysis, e.g. -p top_n=30 or -p top_n 30"
        " (repeatable)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The ``newslens`` command line: ``run``, ``analyse``, ``train-frames``, ``setup``."""
    parser = argparse.ArgumentParser(prog="newslens", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser(
        "run",
        help="analyse a corpus and run the notebooks over it into outputs/<run-id>/",
        description="Analyse every document once (all cores), then execute every notebook over"
        " the resulting tables with papermill, render each to a self-contained HTML report, and"
        " write outputs/<run-id>/ with tables/, figures/, html/, notebooks/, manifest.json and"
        " index.html. The run appears only when complete.",
    )
    _add_analysis_options(run)
    run.add_argument(
        "--notebooks", default="notebooks/*.ipynb", help="glob of notebooks to run (default: all)"
    )
    run.add_argument(
        "--show-code", action="store_true", help="keep the code cells in the HTML reports"
    )
    run.add_argument(
        "--hide-code",
        action="store_true",
        help="leave code cells out of the HTML (the default; kept for older commands)",
    )
    run.add_argument(
        "--kernel", default=None, help="Jupyter kernel (default: newslens, else python3)"
    )

    analyse = commands.add_parser(
        "analyse",
        help="the analysis pass alone: tables of every document into outputs/<run-id>/",
        description="Read, parse and analyse every document once and write the run's tables"
        " (Parquet and CSV), analysis.json, manifest.json and index.html; notebooks can open the"
        " run later with their run_dir parameter.",
    )
    _add_analysis_options(analyse)

    _add_train_frames(commands)

    setup = commands.add_parser("setup", help="provision the VADER lexicon and the Jupyter kernel")
    setup.add_argument("--no-kernel", action="store_true", help="skip the kernel registration")
    return parser


def _add_train_frames(commands: argparse._SubParsersAction) -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    train = commands.add_parser(
        "train-frames",
        help="train the destruction/reconstruction sentence classifier from hand labels",
        description="Fit the frame classifier (newslens.framing.training) on the 'train' rows of a"
        " labels CSV, choose its penalty and thresholds on the 'dev' rows, refit on both and"
        " write the JSON model. Test rows are never read. Deterministic and offline.",
    )
    train.add_argument(
        "--labels",
        default=str(root / "tests" / "data" / "framing" / "labels.csv"),
        help="labels CSV: article_id, split, start, end, label (default: the packaged labels)",
    )
    train.add_argument(
        "--corpus",
        default=str(root.parent / "shared" / "corpora" / "allsides_baly2020" / "articles.jsonl.gz"),
        help="corpus holding the labelled articles (default: the internal AllSides corpus)",
    )
    train.add_argument(
        "--out", default=None, help="model file to write (default: the packaged classifier.json)"
    )
    train.add_argument("--model", default=None, help="spaCy model (default: en_core_web_md)")


def _train_frames(args: argparse.Namespace) -> int:
    from newslens.framing import train_from_labels
    from newslens.nlp import load_model

    try:
        classifier = train_from_labels(
            args.labels, args.corpus, out=args.out, nlp=load_model(args.model)
        )
    except (CorpusError, OSError, ValueError) as error:
        print(f"newslens: error: {error}", file=sys.stderr)
        return 2
    for frame, figures in classifier.info["frames"].items():
        print(
            f"{frame}: dev F1 {figures['dev_f1']:.3f}, penalty {figures['penalty']:g},"
            f" threshold {figures['threshold']:.2f}"
        )
    print(f"model: {args.out or 'lib/newslens/data/frames/classifier.json'}")
    print(f"sha256: {classifier.sha256}")
    return 0


def _run(args: argparse.Namespace) -> int:
    from newslens.run import RunError, analyse_only, run

    options = {
        "corpus": args.corpus,
        "out_dir": args.out,
        "parameters": args.parameter,
        "model": args.model,
        "jobs": args.jobs,
        "scheduler": args.scheduler,
        "on_error": args.on_error,
    }
    try:
        if args.command == "analyse":
            result = analyse_only(**options)
        else:
            result = run(
                notebooks=args.notebooks,
                show_code=args.show_code,
                kernel_name=args.kernel,
                **options,
            )
    except (CorpusError, RunError, OSError) as error:
        print(f"newslens: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "newslens: interrupted; no run folder was written. Documents already analysed are"
            " cached: run the same command again to continue.",
            file=sys.stderr,
        )
        return INTERRUPTED
    if not result.ok:
        for failure in result.failures:
            print(f"newslens: error: {failure.describe_failure()}", file=sys.stderr)
        print(f"newslens: partial run kept in {result.path}", file=sys.stderr)
        return 1
    print(f"run: {result.path}")
    print(f"index: {result.index}")
    return 0


def _interrupt_on_signals() -> None:
    """``kill PID`` stops a run like Ctrl-C does: cleanly, with no run folder left behind.

    SIGINT gets a handler of its own too: a shell starts background jobs with SIGINT
    ignored, and Python then never installs one, so ``kill -INT`` (or a scheduler's Ctrl-C)
    would be lost on a run started with ``&``. The first signal interrupts; later ones are
    ignored, so a second signal cannot break off the clean-up the first one started (the
    staging folder removed, finished batches cached)."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGINT, interrupt)


def main(argv: list[str] | None = None) -> int:
    """Run the command ``argv`` names; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in ("run", "analyse"):
        _interrupt_on_signals()
        return _run(args)
    if args.command == "train-frames":
        return _train_frames(args)
    from newslens.resources import provision_vader_lexicon, register_kernel

    print(f"VADER lexicon: {provision_vader_lexicon()}")
    if not args.no_kernel:
        print(f"Jupyter kernel: {register_kernel()}")
    return 0
