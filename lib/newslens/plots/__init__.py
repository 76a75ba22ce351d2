"""The figures, one function each, in one style. Every function takes DataFrames (the
tables the analysis modules return), returns a matplotlib ``Figure`` and never saves or
shows it: notebooks display it and :func:`newslens.io.save_figure` writes it as PNG.

One module per report: :mod:`~newslens.plots.entities`, :mod:`~newslens.plots.framing`,
:mod:`~newslens.plots.quotes`, and :mod:`~newslens.plots.groups` for the comparisons
between groups of articles; :mod:`~newslens.plots.style` holds the style and colours."""

from newslens.plots.entities import (
    plot_cooccurrence_heatmap,
    plot_entities_over_time,
    plot_top_entities,
)
from newslens.plots.framing import (
    plot_actors_by_frame,
    plot_frame_balance,
    plot_frame_shares,
    plot_narrative_arc,
    plot_sentiment_by_frame,
)
from newslens.plots.groups import (
    plot_distinctive_by_group,
    plot_entity_shares_by_group,
    plot_frames_by_group,
    plot_quote_kinds_by_group,
    plot_quote_speakers_by_group,
)
from newslens.plots.quotes import plot_quote_kinds, plot_top_speakers
from newslens.plots.style import (
    FRAME_COLOURS,
    KIND_COLOURS,
    STYLE,
    empty_figure,
    frame_colours,
    new_figure,
    use_report_style,
)

__all__ = [
    "STYLE",
    "use_report_style",
    "FRAME_COLOURS",
    "KIND_COLOURS",
    "frame_colours",
    "new_figure",
    "empty_figure",
    "plot_top_entities",
    "plot_cooccurrence_heatmap",
    "plot_entities_over_time",
    "plot_frame_shares",
    "plot_frame_balance",
    "plot_sentiment_by_frame",
    "plot_narrative_arc",
    "plot_actors_by_frame",
    "plot_top_speakers",
    "plot_quote_kinds",
    "plot_entity_shares_by_group",
    "plot_distinctive_by_group",
    "plot_frames_by_group",
    "plot_quote_speakers_by_group",
    "plot_quote_kinds_by_group",
]
