"""newslens.corpus.html_reader: a page reduced to its article, the date from its metadata only."""

from __future__ import annotations

import pytest
from corpus_samples import HTML_PAGE
from newslens.corpus import load_documents


def test_html_is_reduced_to_the_article(tmp_path):
    (tmp_path / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    [document] = load_documents(tmp_path / "page.html")
    assert "Engineers restored power" in document.text
    assert "substations damaged by the storm" in document.text
    assert "Subscribe" not in document.text and "Home" not in document.text
    assert document.title == "Power restored in the north"


BRIDGE_BODY = """<article><h1>Bridge reopens after repairs</h1>
<figure><img src="bridge.jpg" alt=""><figcaption>The bridge before the flood, 12 March 2019.
Photo: city archive</figcaption></figure>
<p>The city reopened the river bridge on Monday after eight months of repairs, the mayor said.</p>
<p>Engineers replaced two pillars damaged by the spring flood and strengthened the deck.</p>
<p>Traffic will be limited to cars until the end of the month, officials said.</p></article>"""


@pytest.mark.parametrize(
    ("head", "date"),
    [
        ("<title>Bridge reopens</title>", None),
        (
            '<title>Bridge reopens</title><meta property="article:published_time"'
            ' content="2024-05-06T08:00:00Z">',
            "2024-05-06",
        ),
    ],
)
def test_html_date_comes_from_metadata_never_from_a_photo_caption(tmp_path, head, date):
    (tmp_path / "bridge.html").write_text(
        f"<html><head>{head}</head><body>{BRIDGE_BODY}</body></html>", encoding="utf-8"
    )
    [document] = load_documents(tmp_path / "bridge.html")
    assert document.date == date
    assert "eight months of repairs" in document.text
