"""newslens.cli: the command line's options (runs themselves are in test_run.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from newslens.cli import build_parser


def test_parameters_are_collected_in_both_spellings():
    args = build_parser().parse_args(
        ["run", "--corpus", "my articles", "-p", "top_n", "30", "-p", "group_by=source"]
    )
    assert args.command == "run" and args.corpus == "my articles"
    assert args.parameter == [["top_n", "30"], ["group_by=source"]]
    assert args.notebooks == "notebooks/*.ipynb" and args.show_code is False
    assert args.on_error == "stop" and args.out == "outputs"


def test_analyse_takes_the_analysis_options_only():
    args = build_parser().parse_args(["analyse", "--jobs", "2", "--on-error", "skip"])
    assert (args.command, args.jobs, args.on_error, args.corpus) == ("analyse", 2, "skip", "seeds")
    with pytest.raises(SystemExit):
        build_parser().parse_args(["analyse", "--notebooks", "x.ipynb"])


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (
            ["run", "--on-error", "ignore"],
            "newslens run: error: argument --on-error: invalid choice",
        ),
        (["run", "--jobs", "many"], "newslens run: error: argument --jobs: invalid int value"),
        ([], "newslens: error: the following arguments are required: command"),
    ],
)
def test_bad_options_are_refused(bad, message, capsys):
    with pytest.raises(SystemExit) as caught:
        build_parser().parse_args(bad)
    assert caught.value.code == 2
    assert message in capsys.readouterr().err


def test_train_frames_defaults_to_the_committed_labels():
    args = build_parser().parse_args(["train-frames"])
    assert Path(args.labels).is_file() and args.labels.endswith("tests/data/framing/labels.csv")
    assert args.out is None
