"""newslens.display: every string from input is escaped wherever it reaches HTML, links are
http(s) only, bidi overrides are shown rather than obeyed, and MathJax never sees article
text. Hostile values are tried in every field; a property test tries random ones."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newslens.corpus import Document
from newslens.display import (
    Highlight,
    article_html,
    article_section,
    escape_attr,
    highlight_table,
    highlight_text,
    link,
    safe_url,
)
from safe_html import read_safe_html, shown

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=\"document.title='PWNED'\">",
    'a <b>&"x',
    "</textarea><svg onload=alert(1)>",
    "</mark></p></div><script>alert(1)</script>",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    'https://example.org/"><script>alert(1)</script>',
    "https://example.org/a?b=1&c=<2>'x'",
    "$12 billion ($2.7 billion)",
    "$$x^2$$ and \\(y\\) and \\[z\\]",
    "evil\u202etxt.exe",
    "\u2066isolate\u2069 and \u202aembed\u202c \u202bright\u202c \u202dforce\u202c",
    "' onmouseover='alert(1)",
    '" onmouseover="alert(1)',
    "<!-- comment --> <![CDATA[x]]> <?php echo 1 ?>",
    "&lt;already escaped&gt; &amp; &#60;script&#62;",
    "<style>body{display:none}</style>",
    "<a href='javascript:alert(1)'>click</a>",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "\ufeffzero\u200bwidth\u200djoiner",
    "\u0645\u0631\u062d\u0628\u0627 <b>mixed</b> \u05e9\u05dc\u05d5\u05dd",
]
FIELDS = ["doc_id", "title", "source", "date", "url", "text"]
BENIGN = {
    "doc_id": "doc-1",
    "title": "Bridge reopens",
    "source": "Example Herald",
    "date": "2024-05-06",
    "url": "https://example.org/bridge",
    "text": "The bridge reopened on Monday.\n\nTraffic is limited to cars.",
}


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("field", FIELDS)
def test_hostile_value_in_any_document_field_stays_text(field, value):
    document = Document(**{**BENIGN, field: value})
    html = article_html(document, [Highlight(0, 3, "nl-quote", value, value)])
    text, hrefs = read_safe_html(html)
    expected = shown(value).replace("\n", "")
    assert expected.strip() in text
    if field == "url":
        assert hrefs == ([value.strip()] if safe_url(value) else [])
    else:
        assert hrefs == [BENIGN["url"]]
    if field == "doc_id":
        text, _ = read_safe_html(article_section(value, highlight_text(value, [])))
        assert text.count(shown(value).replace("\n", "")) == 2


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_labels_titles_classes_and_cells_stay_text(value):
    highlights = [Highlight(4, 10, value, value, value), Highlight(12, 40, "nl-term", "", value)]
    html = highlight_text(f"One {value} two {value} three", highlights)
    text, _ = read_safe_html(html)
    assert shown(value).replace("\n", "") in text
    table = highlight_table(
        [({value: value, "doc_id": value}, value, highlights)], text_header=value
    )
    text, hrefs = read_safe_html(table)
    assert text.count(shown(value)) >= 4 and hrefs == []


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/a", True),
        ("http://example.org/a?b=1&c=2", True),
        ("  https://example.org/padded  ", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("https://exa\tmple.org/", False),
        ("https://example.org/\u202eexe.txt", False),
        ("data:text/html;base64,PHNjcmlwdD4=", False),
        ("file:///etc/passwd", False),
        ("//example.org/protocol-relative", False),
        ("/relative/path", False),
        ("https:///no-host", False),
        ("http://[::1", False),
        ("", False),
    ],
)
def test_only_absolute_http_urls_are_linked(url, linked):
    assert (safe_url(url) is not None) is linked
    markup = link(url)
    assert ('<a href="' in markup) is linked
    assert "javascript" not in markup.lower() or not linked


def test_escape_attr_cannot_close_the_attribute():
    value = escape_attr("\" onload=\"alert(1)' x='")
    assert '"' not in value and "'" not in value and "<" not in value


@pytest.mark.parametrize(
    ("text", "highlights", "expected"),
    [
        ("a <b> c", [Highlight(2, 5)], '<p>a <mark class="nl-term">&lt;b&gt;</mark> c</p>'),
        ("abc", [Highlight(-5, 2)], '<p><mark class="nl-term">ab</mark>c</p>'),
        ("abc", [Highlight(1, 99)], '<p>a<mark class="nl-term">bc</mark></p>'),
        ("abc", [Highlight(50, 60), Highlight(2, 1)], "<p>abc</p>"),
        (
            "one\n\ntwo",
            [Highlight(1, 7, "nl-quote", "X")],
            '<p>o<mark class="nl-quote">ne</mark></p>'
            '<p><mark class="nl-quote">tw<span class="nl-label">X</span></mark>o</p>',
        ),
        ("line\nbreak", [], "<p>line<br>break</p>"),
        ("$x$ \u202eab", [], '<p>$x$ <span class="nl-ctrl">[U+202E]</span>ab</p>'),
    ],
)
def test_highlight_text_clips_offsets_and_nests_across_paragraphs(text, highlights, expected):
    html = highlight_text(text, highlights)
    assert html == f'<div class="nl-text tex2jax_ignore">{expected}</div>'
    read_safe_html(html)


# --- property: random input never becomes markup ------------------------------------------

HOSTILE_CHARS = "<>&\"'`=/\\$;:!-[]{}()\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
hostile_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(HOSTILE_CHARS + "\n\n \t\u00a0“”‘’«»"),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=80,
) | st.sampled_from(HOSTILE)
highlight_lists = st.lists(
    st.builds(
        Highlight,
        start=st.integers(-5, 90),
        end=st.integers(-5, 90),
        css_class=hostile_text,
        label=hostile_text,
        title=hostile_text,
    ),
    max_size=6,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text, highlights=highlight_lists, paragraphs=st.booleans())
def test_random_text_and_highlights_render_as_safe_html(text, highlights, paragraphs):
    html = highlight_text(text, highlights, paragraphs=paragraphs)
    visible, hrefs = read_safe_html(html)
    assert hrefs == []
    if not paragraphs and not any(h.label for h in highlights):
        assert visible == shown(text).replace("\n", "")


@settings(max_examples=60, deadline=None)
@given(
    values=st.fixed_dictionaries({field: hostile_text for field in FIELDS}),
    highlights=highlight_lists,
)
def test_random_document_fields_render_as_safe_html(values, highlights):
    document = Document(**values)
    visible, hrefs = read_safe_html(article_html(document, highlights))
    assert shown(document.doc_id) in visible
    assert all(safe_url(h) == h for h in hrefs)


def test_pandas_tables_in_notebooks_are_escaped_and_out_of_mathjax():
    import pandas as pd
    from newslens.display import keep_tables_out_of_mathjax

    frame = pd.DataFrame({"quote": ["$12 billion ($2.7 billion)", "<script>alert(1)</script>"]})
    with pd.option_context("display.html.use_mathjax", True):
        keep_tables_out_of_mathjax()
        html = frame._repr_html_()
    assert "tex2jax_ignore" in html
    assert "&lt;script&gt;" in html and "<script>" not in html


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("field", ["title", "source", "date", "url"])
def test_an_article_section_names_its_article_and_escapes_its_metadata(field, value):
    meta = pd.Series({**{k: BENIGN[k] for k in ("title", "source", "date", "url")}, field: value})
    html = article_section("a1", highlight_text(BENIGN["text"], []), meta=meta)
    text, hrefs = read_safe_html(html)
    assert shown(value).replace("\n", "").strip() in text
    if field == "url":
        assert hrefs == ([value.strip()] if safe_url(value) else [])
    else:
        assert BENIGN["title"] in text or field == "title"
        assert hrefs == [BENIGN["url"]]


def test_missing_metadata_leaves_no_empty_line():
    meta = pd.Series({"title": "", "source": float("nan"), "date": pd.NA, "url": None})
    html = article_section("a1", "<p>text</p>", meta=meta)
    assert "nl-meta" not in html
    assert 'class="nl-meta"' in article_section("a1", "", meta={"title": "Bridge reopens"})
