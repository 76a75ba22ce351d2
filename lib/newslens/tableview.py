"""Big tables in a report: searchable, sortable, paged, with no kernel and no network.

A report is an HTML file a colleague opens from their mail. pandas' own HTML of a big
DataFrame shows ten rows and "...", which hides most of the table; :func:`show_table` shows
it with itables (DataTables bundled with the package, ``connected=False``: the library is
embedded in the page once by :func:`use_interactive_tables`, nothing is fetched), at most
``rows`` rows, and says in a line above it how many rows there are and where the full table
is (the run's CSV and Parquet), with a link that works from the report's folder.

Cell values are escaped by itables (``allow_html=False``), and the caption is escaped here:
article text, entity names and group names never reach the page as markup.
"""

from __future__ import annotations

import html
import itertools
import re

import pandas as pd

__all__ = ["TABLE_CSS", "use_interactive_tables", "show_table", "table_note"]

# Text columns wrap inside the page instead of widening it; wide tables scroll in their cell.
TABLE_CSS = """
.dt-container { font-size: 0.85rem; max-width: 100%; }
.dt-container table.dataTable td { white-space: nowrap; vertical-align: top; text-align: left; }
.dt-container table.dataTable td.nl-long { white-space: normal; overflow-wrap: anywhere;
  min-width: 12em; max-width: 40em; }
.dt-container table.dataTable td.nl-token { white-space: normal; word-break: break-all;
  min-width: 8em; max-width: 14em; }
.dt-container table.dataTable th { text-align: left; white-space: normal; }
.nl-table-note { font-size: 0.9rem; color: #444; margin: 0.2em 0 0.4em 0; }
"""

_COUNTER = itertools.count(1)  # table ids unique within a notebook, the same on every run
_LONG_TEXT = 60  # characters: a column whose values run longer than this is given room


def use_interactive_tables() -> None:
    """Load the bundled DataTables into the notebook (and so into its HTML report) once.

    Call it in a notebook's first code cell; DataFrames shown as a cell's value keep pandas'
    own display, only :func:`show_table` output is interactive."""
    from itables import init_notebook_mode

    init_notebook_mode(all_interactive=False, connected=False)


def table_note(
    frame: pd.DataFrame, *, name: str = "", rows: int = 500, total: int | None = None
) -> str:
    """The line above a table: how many rows are shown of how many, and where all of them
    are (``tables/<name>.csv`` and ``.parquet`` of the run, linked from the report).
    ``total``: the table's full length when ``frame`` holds only its first rows."""
    total = len(frame) if total is None else max(total, len(frame))
    shown = min(total, rows) if rows > 0 else total
    if shown < total:
        text = f"The first {shown:,} of {total:,} rows (search, sort and page below)"
    else:
        text = f"All {total:,} rows (search, sort and page below)"
    if name:
        link = html.escape(f"../tables/{name}.csv", quote=True)
        label = html.escape(f"tables/{name}.csv")
        text = f'{html.escape(text)}; every row is in <a href="{link}">{label}</a> of the run.'
    else:
        text = html.escape(text) + "."
    return f'<p class="nl-table-note">{text}</p>'


def _text_columns(frame: pd.DataFrame) -> tuple[list[int], list[int]]:
    """Positions of the columns that must wrap: prose (long values with spaces: sentences,
    quotes, titles) gets room, long tokens (ids, URLs, hashes) break anywhere."""
    prose, tokens = [], []
    for index, column in enumerate(frame.columns):
        values = frame[column]
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            text = values.astype("string").fillna("")
            text = text[text != ""]
            lengths = text.str.len()
            if not len(lengths) or lengths.max() <= 16:
                continue
            if lengths.max() > _LONG_TEXT / 2 and text.str.contains(" ").mean() > 0.5:
                prose.append(index)
            else:
                tokens.append(index)
    return prose, tokens


def show_table(
    frame: pd.DataFrame,
    *,
    name: str = "",
    rows: int = 500,
    page: int = 10,
    columns: list[str] | None = None,
    total: int | None = None,
):
    """``frame`` as an interactive table (at most ``rows`` rows, ``page`` per page), under a
    line saying how many rows there are and linking ``tables/<name>.csv`` when ``name`` is
    given. ``columns`` shows only those (a wide table stays within the page; the CSV keeps
    every column). ``total``: the full table's length when ``frame`` is only its first rows
    (``Run.table(name, rows=...)``). Returns an IPython ``HTML`` object: make it a cell's
    value."""
    from IPython.display import HTML
    from itables import to_html_datatable

    if not len(frame):
        return HTML('<p class="nl-table-note">No rows to show.</p>')
    shown = frame.head(rows) if rows > 0 else frame
    if columns:
        shown = shown[[c for c in columns if c in shown.columns]]
    shown = shown.reset_index(drop=True)
    for column in shown.columns:  # categoricals and nullable strings as plain text
        if isinstance(shown[column].dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(
            shown[column]
        ):
            shown[column] = shown[column].astype(object).where(shown[column].notna(), "")
        elif pd.api.types.is_float_dtype(shown[column]):
            shown[column] = shown[column].round(4)
    prose, tokens = _text_columns(shown)
    # long column names (reconstruction_score) may break after an underscore, nowhere else
    shown.columns = [str(c).replace("_", "_\u200b") for c in shown.columns]
    identifier = "nl-" + re.sub(r"[^A-Za-z0-9_-]", "-", name or "table")
    table = to_html_datatable(
        shown,
        table_id=f"{identifier}-{next(_COUNTER)}",
        connected=False,
        allow_html=False,
        showIndex=False,
        maxBytes=0,
        pageLength=page,
        lengthMenu=[10, 25, 100, -1] if len(shown) > 10 else [10],
        classes="display compact",
        style="table-layout:auto;width:100%;margin:0;caption-side:bottom",
        columnDefs=[
            {"targets": prose, "className": "nl-long"},
            {"targets": tokens, "className": "nl-token"},
        ],
        css=TABLE_CSS,
    )
    return HTML(table_note(frame, name=name, rows=rows, total=total) + table)
