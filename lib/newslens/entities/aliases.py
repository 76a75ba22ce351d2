"""The alias table: which variants of a name count as one canonical name (and label), and
which merges are vetoed. The built-in table is ``newslens/data/aliases.tsv``; a user's file
in the same format overrides it."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from newslens.entities.names import collapse, name_key
from newslens.resources import package_data, read_data_lines

if TYPE_CHECKING:
    from newslens.types import PathLike


@dataclass(frozen=True)
class Alias:
    """One alias-table line: ``variant`` is counted as ``canonical`` (with ``label`` if set)."""

    variant: str
    canonical: str
    label: str = ""


class AliasTable(dict):
    """The alias table: variant text -> :class:`Alias`, plus ``vetoes``, the
    ``(variant, canonical)`` pairs that must never be merged (``canonical`` ``"*"``: the
    variant is never merged into anything)."""

    vetoes: frozenset[tuple[str, str]] = frozenset()


def _parse_aliases(path: Path) -> tuple[dict[str, Alias], set[tuple[str, str]]]:
    table: dict[str, Alias] = {}
    vetoes: set[tuple[str, str]] = set()
    source = str(path)
    for number, line in read_data_lines(path):
        veto = line.startswith("!")
        fields = [field.strip() for field in (line[1:] if veto else line).split("\t")]
        if len(fields) < 2 or not fields[0] or not fields[1]:
            shape = "!variant<TAB>canonical" if veto else "variant<TAB>canonical[<TAB>label]"
            raise ValueError(f"{source}: alias line {number} needs '{shape}': {line!r}")
        if veto:
            vetoes.add((name_key(fields[0]), collapse(fields[1])))
            continue
        label = fields[2].upper() if len(fields) > 2 else ""
        table[collapse(fields[0])] = Alias(collapse(fields[0]), collapse(fields[1]), label)
    return table, vetoes


def load_aliases(alias_file: PathLike | None = None, *, builtin: bool = True) -> AliasTable:
    """The alias table: variant text -> :class:`Alias` (an :class:`AliasTable`).

    The built-in table (``newslens/data/aliases.tsv``: U.S./US/United States/America,
    U.K./UK/Britain, EU/European Union, Kyiv/Kiev, federal agencies and their acronyms, ...)
    is read first, then ``alias_file`` (same TAB-separated format) whose lines override it.
    A line ``!variant<TAB>canonical`` is a veto: the variant is never counted under that
    canonical name, by any rule (``!variant<TAB>*``: never merged at all); it also removes a
    built-in line it contradicts. Pass the result as ``aliases`` to
    :func:`~newslens.entities.extract_mentions` and
    :func:`~newslens.entities.link_across_documents`.
    """
    table = AliasTable()
    vetoes: set[tuple[str, str]] = set()
    sources = [package_data("aliases.tsv")] if builtin else []
    if alias_file:
        sources.append(Path(alias_file))
    for source in sources:
        lines, vetoed = _parse_aliases(source)
        table.update(lines)
        vetoes |= vetoed
    for variant, canonical in vetoes:
        alias = table.get(variant)
        if alias is not None and canonical in ("*", alias.canonical):
            del table[variant]
    table.vetoes = frozenset(vetoes)
    return table


@functools.cache
def default_aliases() -> AliasTable:
    """The built-in alias table, read once per process."""
    return load_aliases()


class _AliasViews(NamedTuple):
    """What documents look up in an alias table, computed once per table."""

    table: Mapping[str, Alias]
    forms: dict[str, str]  # variants to look for untagged (variant -> label)
    places: dict[str, str]  # organisation and place variants (-> label)
    folded: dict[str, Alias]  # lower-cased mixed-case variants (-> their line)
    place_starts: frozenset[str]  # first words of the organisation and place variants


_ALIAS_VIEWS: dict[int, _AliasViews] = {}


def _views(aliases: Mapping[str, Alias]) -> _AliasViews:
    cached = _ALIAS_VIEWS.get(id(aliases))
    if cached is not None and cached.table is aliases:
        return cached
    places = {v: a.label for v, a in aliases.items() if a.label and a.label != "PERSON"}
    views = _AliasViews(
        table=aliases,
        forms={variant: alias.label for variant, alias in aliases.items() if len(variant) > 1},
        places=places,
        folded={v.lower(): a for v, a in aliases.items() if not v.isupper()},
        place_starts=frozenset(name.split(" ", 1)[0] for name in places),
    )
    if len(_ALIAS_VIEWS) > 8:
        _ALIAS_VIEWS.clear()
    _ALIAS_VIEWS[id(aliases)] = views
    return views


def alias_views(aliases: Mapping[str, Alias]) -> tuple[dict[str, str], dict[str, str]]:
    """What every document needs from the alias table, computed once per table: variants
    to look for untagged (variant -> label) and organisation/place variants (-> label)."""
    views = _views(aliases)
    return views.forms, views.places


def alias_place_starts(aliases: Mapping[str, Alias]) -> frozenset[str]:
    """The first words of the alias table's organisation and place variants, computed once
    per table (every document's span cuts look them up)."""
    return _views(aliases).place_starts


def alias_for(aliases: Mapping[str, Alias], name: str) -> Alias | None:
    """The alias-table line of ``name``; a name in capitals only that is longer than an
    acronym ("REUTERS", "FOX NEWS": headlines, datelines, transcripts) also finds the line
    of its mixed-case variant ("Reuters")."""
    alias = aliases.get(name)
    if alias is not None or not name.isupper() or len(name) <= 4:
        return alias
    return _views(aliases).folded.get(name.lower())
