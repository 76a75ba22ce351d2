"""A hostile corpus through every notebook: nothing from the input is live in any page, and no
page asks the network for anything.

Every field of every input (file names, HTML titles, table ids, titles, sources, urls and the
article text, so also entity names, speakers, quotes and lexicon matches) carries markup
marked ``PWNED``. Every produced HTML file is parsed; the test fails if that marker shows up
as an element, as an event-handler or link attribute, or as script text.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT

SCRIPT = "<script>document.title='PWNED-script'</script>"
IMAGE = "<img src=x onerror=\"document.title='PWNED-img'\">"
BOLD = "<b>PWNED-bold</b>"
LINK = "<a href=\"javascript:alert('PWNED-link')\">click</a>"
TEXTAREA = "</textarea><i>PWNED-italic</i>"
RTL = "\u202eDENWP\u202c"
TEX = "$12 billion ($2.7 billion)$ and $$x^2$$"
MARKUP = f"{SCRIPT}{IMAGE}{BOLD}{LINK}{TEXTAREA}{RTL}"

ARTICLE = (
    f"President Joe Biden{IMAGE} met Ukrainian President Volodymyr Zelenskyy {BOLD} in Kyiv"
    f" on Monday, after Russian missile strikes killed 12 people and destroyed homes. {TEX}\n\n"
    f'"We will rebuild every school {SCRIPT}," Zelenskyy said. The European Union pledged'
    f" $2 billion in reconstruction aid {LINK}, according to {TEXTAREA} officials in Brussels."
    f"\n\nBiden told reporters that {RTL} the aid would arrive within weeks."
)

LIVE_ATTRIBUTES = {"onerror", "onload", "onclick", "onmouseover", "href", "src", "action"}
RAW_TAG = re.compile(
    r"<(?:img|script|b|i|a|textarea|/textarea)[\s>][^<]{0,200}PWNED", re.IGNORECASE
)
LIVE_CONTAINERS = {"script", "b", "i", "textarea", "a", "img", "iframe", "object"}


class LiveMarkupFinder(HTMLParser):
    """Collects every place where the marker is markup rather than text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and "PWNED" in value and (name in LIVE_ATTRIBUTES or name.startswith("on")):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name == "href" and value and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} href={value!r}>")
        if tag not in {"br", "img", "meta", "link", "input", "hr", "wbr", "source"}:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if "PWNED" not in data or not self.stack:
            return
        if self.stack[-1] == "script":
            # Table data travels inside scripts (interactive tables) and is rendered as HTML
            # there: it is safe only while the markup in it is escaped.
            decoded = data.replace("\\u003c", "<").replace("\\u003C", "<").replace('\\"', '"')
            if RAW_TAG.search(decoded):
                self.problems.append(f"<script>{RAW_TAG.search(decoded).group(0)[:60]}")
        elif self.stack[-1] in LIVE_CONTAINERS:
            self.problems.append(f"<{self.stack[-1]}>{data.strip()[:60]}")


def live_markup(page: str) -> list[str]:
    finder = LiveMarkupFinder()
    finder.feed(page)
    return finder.problems


EXTERNAL = re.compile(
    r"<(?:script|img|iframe|link|source|video|audio)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//",
    re.IGNORECASE,
)


def external_requests(page: str) -> list[str]:
    """Scripts, styles, images or frames a page would fetch from the network when opened."""
    found = [m.group(0) for m in EXTERNAL.finditer(page)]
    found += re.findall(r"@import\s+url\(\s*[\"']?(?:https?:)?//[^)]*\)", page)
    return found


def test_the_checks_find_what_they_look_for():
    """The two checks themselves, on pages that do (and do not) hold live input."""
    assert live_markup(f"<p>{ARTICLE}</p>")  # raw markup is found
    assert live_markup(f"<script>var data = {json.dumps([IMAGE])};</script>")  # in table data
    assert live_markup('<script>var data = "&lt;b&gt;PWNED&lt;/b&gt;";</script>') == []
    escaped = ARTICLE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert live_markup(f'<p title="{IMAGE.replace(chr(34), "&quot;")}">{escaped}</p>') == []
    assert external_requests('<script src="https://cdn.example/require.js"></script>')
    assert external_requests('<link rel="stylesheet" href="//fonts.example/x.css">')
    assert external_requests('<a href="https://example.org">a link</a>') == []


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / f"{IMAGE}.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / 'a <b>&"x.txt').write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")
    (corpus / "page.html").write_text(
        f"<html><head><title>{SCRIPT.replace('<', '&lt;')} Kyiv</title></head><body><article>"
        f"<h1>Strikes &lt;b&gt;PWNED-h1&lt;/b&gt; and aid</h1>"
        + "".join(
            f"<p>{part.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>"
            for part in ARTICLE.replace("Monday", "Wednesday").split("\n\n")
        )
        + "</article></body></html>",
        encoding="utf-8",
    )
    rows = [
        {
            "id": f"row-{IMAGE}",
            "title": MARKUP,
            "date": "2024-05-01",
            "source": f"{BOLD} Times",
            "url": "javascript:alert('PWNED-url')",
            "text": ARTICLE.replace("Monday", "Thursday"),
        }
    ]
    (corpus / "table.jsonl").write_text(
        "".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8"
    )
    out = base / "outputs"
    env = {**os.environ, "NEWSLENS_CACHE_DIR": str(base / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "newslens", "run", "--corpus", str(corpus), "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    [run] = [p for p in out.iterdir() if p.is_dir()]
    return run


def _pages(run: Path) -> list[Path]:
    return [run / "index.html", *sorted((run / "html").glob("*.html"))]


def test_the_hostile_corpus_reaches_the_reports(hostile_run):
    """The markup really went through: as text, escaped, in the reports."""
    reports = "".join(p.read_text(encoding="utf-8") for p in _pages(hostile_run))
    assert "PWNED-img" in reports and "&lt;" in reports
    mentions = (hostile_run / "tables" / "mentions.csv").read_text(encoding="utf-8")
    assert "Zelenskyy" in mentions


@pytest.mark.parametrize("page", ["index", "01_entity_frequency", "02_framing", "03_quotes"])
def test_nothing_from_the_input_is_live(hostile_run, page):
    path = hostile_run / ("index.html" if page == "index" else f"html/{page}.html")
    assert live_markup(path.read_text(encoding="utf-8")) == []


def test_no_page_makes_a_network_request(hostile_run):
    for page in _pages(hostile_run):
        text = page.read_text(encoding="utf-8")
        assert external_requests(text) == [], page.name
        assert "MathJax" not in text and "require.js" not in text, page.name
