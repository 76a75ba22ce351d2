"""newslens: how the news covers a story.

Who is named (:mod:`newslens.entities`), how events are framed (:mod:`newslens.framing`) and
who is quoted saying what (:mod:`newslens.quotes`), computed from spaCy parses
(:mod:`newslens.nlp`) of a corpus (:mod:`newslens.corpus`), run as papermill notebooks
(:mod:`newslens.run`). Every row of every table carries the document id and character
offsets it came from.
"""

__version__ = "0.1.0"
