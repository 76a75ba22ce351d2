"""The first stage of a run: everything checked before anything is written.

:func:`plan` reads the whole corpus once to validate it, finds the notebooks, checks every
``-p`` parameter against the type its notebook (or the analysis) declares, checks the
grouping, resolves the model and builds the analysis steps (reading their lexicons and
alias files). A bad input or a bad value raises :class:`RunError` (or
:class:`~newslens.corpus.CorpusError`) here, before the run folder exists.
"""

from __future__ import annotations

import ast
import glob
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslens.corpus import Corpus, OnError, read_corpus
from newslens.steps import Step

__all__ = [
    "ANALYSIS_PARAMETERS",
    "NOTEBOOK_PATH_PARAMETERS",
    "RUNNER_PARAMETERS",
    "Plan",
    "RunError",
    "parse_parameter",
    "plan",
]

# Parameters of the analysis pass, settable with -p like a notebook's: (type, is a path).
ANALYSIS_PARAMETERS: dict[str, tuple[str, bool]] = {
    "alias_file": ("str", True),
    "destruction_lexicon": ("str", True),
    "reconstruction_lexicon": ("str", True),
    "extra_lexicons": ("list", True),
    "threshold": ("float", False),
}
# Notebook parameters that name an input file: given on the command line, they are resolved
# against the caller's folder (the notebooks run in the run folder) and must exist.
NOTEBOOK_PATH_PARAMETERS: frozenset[str] = frozenset({"metadata"})
RUNNER_PARAMETERS = ("run_dir", "output_dir")
GROUPING_PARAMETERS = frozenset({"group_by", "period", "metadata"})


class RunError(RuntimeError):
    """A run that cannot start (bad notebooks glob, unknown parameter, bad value, ...)."""


# --- parameters -----------------------------------------------------------------------------

_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,),
    "float": (int, float),
    "str": (str,),
    "bool": (bool,),
    "list": (list,),
    "dict": (dict,),
}


def _literal(raw: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return ast.literal_eval(raw)


def _parse_bool(name: str, raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise RunError(f"parameter {name}: '{raw}' is not a valid bool (true or false)")


def parse_parameter(text: str, type_name: str | None = None) -> tuple[str, object]:
    """``name=value`` to ``(name, value)``, the value checked against the declared type.

    ``str`` stays text; ``int``, ``float``, ``bool``, lists and dicts are read as literals
    (a list also as comma-separated words); a value of another type is an error
    (``1.5`` for an ``int``), so a bad value stops the run before any notebook starts.
    """
    if "=" not in text:
        raise RunError(f"parameter '{text}' is not of the form name=value")
    name, raw = text.split("=", 1)
    name = name.strip()
    if not name.isidentifier():
        raise RunError(f"parameter name '{name}' is not a Python identifier")
    base = (type_name or "").split("[", 1)[0]
    if base == "str":
        return name, raw
    if base == "bool":
        return name, _parse_bool(name, raw)
    try:
        value = _literal(raw)
    except (ValueError, SyntaxError):
        if base == "list":
            return name, [part.strip() for part in raw.split(",") if part.strip()]
        if base in _TYPES:
            raise RunError(f"parameter {name}: '{raw}' is not a valid {base}") from None
        return name, raw
    expected = _TYPES.get(base)
    if expected and (not isinstance(value, expected) or isinstance(value, bool) and base != "bool"):
        if base == "list" and isinstance(value, str):
            return name, [value]
        raise RunError(f"parameter {name}: '{raw}' is not a valid {base}")
    if base == "float":
        value = float(value)
    return name, value


def _declared_parameters(path: Path) -> dict[str, dict]:
    """The parameters a notebook declares in its ``parameters`` cell, with their types."""
    from newslens.jupyter_stack import skip_iri_grammars

    skip_iri_grammars()
    import nbformat
    from papermill.translators import PythonTranslator

    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return {p.name: p._asdict() for p in PythonTranslator.inspect(cell)}
    return {}


def _absolute_paths(name: str, value: Any, *, is_path: bool) -> Any:
    """Path parameters given on the command line are relative to the caller's folder."""
    if not is_path or not value:
        return value
    values = value if isinstance(value, list) else [value]
    resolved = []
    for item in values:
        path = Path(os.path.expanduser(str(item))).resolve()
        if not path.is_file():
            raise RunError(f"parameter {name}: {item}: no such file")
        resolved.append(str(path))
    return resolved if isinstance(value, list) else resolved[0]


def _split_values(items: Sequence[str | Sequence[str]]) -> list[str]:
    """``-p name=value`` and papermill's ``-p name value`` both become ``name=value``."""
    merged = []
    for item in items:
        if isinstance(item, list | tuple):
            merged.append(item[0] if len(item) == 1 else f"{item[0]}={' '.join(item[1:])}")
        else:
            merged.append(str(item))
    return merged


def _sort_parameters(
    items: Sequence[str | Sequence[str]], declared: dict[Path, dict[str, dict]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The ``-p`` values as ``(notebook values, analysis values)``, each checked against
    the type its notebook or the analysis declares, paths made absolute."""
    types = {
        name: info.get("inferred_type_name") for d in declared.values() for name, info in d.items()
    }
    notebook_values: dict[str, Any] = {}
    analysis_values: dict[str, Any] = {}
    for item in _split_values(items):
        name = item.split("=", 1)[0].strip()
        if name in RUNNER_PARAMETERS:
            raise RunError(f"parameter {name}: set by the runner (use --out for the run folder)")
        if name in ANALYSIS_PARAMETERS:
            type_name, is_path = ANALYSIS_PARAMETERS[name]
            key, value = parse_parameter(item, type_name)
            analysis_values[key] = _absolute_paths(key, value, is_path=is_path)
            continue
        if name not in types:
            known = ", ".join(sorted(set(types) | set(ANALYSIS_PARAMETERS)))
            raise RunError(f"parameter '{name}' is not declared by any notebook (known: {known})")
        key, value = parse_parameter(item, types[name])
        notebook_values[key] = _absolute_paths(key, value, is_path=key in NOTEBOOK_PATH_PARAMETERS)
    return notebook_values, analysis_values


# --- the plan -------------------------------------------------------------------------------


@dataclass
class Plan:
    """Everything a run needs, checked before anything is written."""

    corpus: Corpus
    documents: int
    notebooks: list[Path]
    declared: dict[Path, dict[str, dict]]
    notebook_values: dict[str, Any]
    analysis_values: dict[str, Any]
    steps: list[Step]  # the analysis steps, built (and their files read) once
    model: str | None
    jobs: int
    scheduler: str | None
    on_error: OnError = "stop"


def _validated_corpus(
    corpus: str | os.PathLike, on_error: OnError, log: Callable[[str], None]
) -> tuple[Corpus, int]:
    """The corpus, read once: its document count, with every unread or skipped input
    logged; a corpus with nothing left to analyse is refused."""
    documents = read_corpus(corpus, on_error=on_error)
    count = documents.validate()
    log(f"corpus: {documents.spec} ({count:,} documents in {len(documents.files):,} files)")
    if documents.unread:
        log(f"warning: {documents.unread_line()}")
    for line in documents.skipped_lines():
        log(f"skipped: {line}")
    if count == 0:
        raise RunError(f"{documents.spec}: no readable document left to analyse")
    return documents, count


def _notebook_paths(notebooks: str | None) -> list[Path]:
    """The notebooks a glob names, sorted; none when ``notebooks`` is empty (analysis only)."""
    if not notebooks:
        return []
    paths = sorted(Path(p).resolve() for p in glob.glob(str(notebooks)))
    paths = [p for p in paths if p.suffix == ".ipynb"]
    if not paths:
        raise RunError(f"{notebooks}: matches no notebooks")
    return paths


def _check_grouping(notebook_values: dict[str, Any]) -> None:
    """A ``group_by`` no column answers to would fail every notebook after the analysis."""
    from newslens.compare import GroupingError, check_grouping

    try:
        check_grouping(
            **{k: str(v) for k, v in notebook_values.items() if k in GROUPING_PARAMETERS}
        )
    except GroupingError as error:
        raise RunError(str(error)) from None


def _built_steps(analysis_values: dict[str, Any]) -> list[Step]:
    """The run's analysis steps, their settings read: a bad lexicon or alias file stops the
    run here."""
    from newslens.steps import default_steps

    steps = default_steps(**analysis_values)
    for step in steps:
        step.settings()
    return steps


def plan(
    *,
    corpus: str | os.PathLike,
    notebooks: str | None = "notebooks/*.ipynb",
    parameters: Sequence[str | Sequence[str]] | None = None,
    model: str | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    on_error: OnError = "stop",
    log: Callable[[str], None] = print,
) -> Plan:
    """Validate the corpus, the notebooks and every parameter; raise before writing. With
    ``on_error="skip"`` every unreadable input is listed (one line each) and left out."""
    from newslens.nlp import resolve_model

    documents, count = _validated_corpus(corpus, on_error, log)
    paths = _notebook_paths(notebooks)
    declared = {p: _declared_parameters(p) for p in paths}
    notebook_values, analysis_values = _sort_parameters(parameters or [], declared)
    resolve_model(model)
    _check_grouping(notebook_values)
    return Plan(
        corpus=documents,
        documents=count,
        notebooks=paths,
        declared=declared,
        notebook_values=notebook_values,
        analysis_values=analysis_values,
        steps=_built_steps(analysis_values),
        model=model,
        jobs=max(1, int(jobs or os.cpu_count() or 1)),
        scheduler=scheduler,
        on_error=on_error,
    )
