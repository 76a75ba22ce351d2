"""A hostile corpus, and a check that none of its markup is live in a page.

:func:`write_hostile_corpus` writes articles whose every field (file name, id, title, date,
source, url, text) carries markup, across ``.txt`` names, ``.html``, ``.csv`` and ``.jsonl``.
Every element it plants has the attribute ``nlpwned``, so :func:`live_markup` can read any
HTML page (a report, the index page) and name each planted element, ``javascript:`` link or
script that came out live, whatever markup the page itself is built with."""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path

MARK = "nlpwned"
PAYLOADS = [
    f"<img src=x {MARK} onerror=\"document.title='PWNED'\">",
    f"<script {MARK}>document.title='PWNED'</script>",
    f"<b {MARK}>bold</b>",
    f"</textarea></mark></p></div><svg {MARK} onload=alert(1)>",
    f"<a {MARK} href=\"javascript:alert('{MARK}')\">click</a>",
    "$12 billion ($2.7 billion)",
    "\u202eevil\u202c",
]
HOSTILE_URL = f"javascript:alert('{MARK}')"


def _article(n: int) -> str:
    """An article with real sentences (entities, a quote, frame words) around the payloads."""
    payload = PAYLOADS[n % len(PAYLOADS)]
    return (
        f"Mayor Jane Doe said on Monday that the city would rebuild the bridge {payload} "
        f"destroyed by the flood. \u201cWe will rebuild {payload} within a year,\u201d Doe "
        f"said. Officials said the damage cost $12 billion ($2.7 billion more than feared)."
        f"\n\nEngineers from Acme Corp {payload} began repairs, according to the council. "
        f"The storm killed {n + 2} people and destroyed dozens of homes in the district."
    )


def write_hostile_corpus(folder: Path) -> Path:
    """Write the hostile corpus into ``folder`` (created) and return it. Every file reads
    without error: the hostility is in the content, not the format."""
    folder.mkdir(parents=True, exist_ok=True)
    names = [
        f"<img src=x {MARK} onerror=\"document.title='PWNED'\">",
        'a <b>&"x',
        "report\u202etxt.exe",
    ]
    for n, name in enumerate(names):
        (folder / f"{name}.txt").write_text(_article(n), encoding="utf-8")
    page = f"""<!DOCTYPE html><html><head>
<title>&lt;script {MARK}&gt;alert(1)&lt;/script&gt; Bridge</title>
<meta property="og:title" content="&lt;script {MARK}&gt;alert(1)&lt;/script&gt; Bridge">
<meta property="og:site_name" content="&lt;b {MARK}&gt;Herald&lt;/b&gt;">
<meta property="og:url" content="{HOSTILE_URL}">
<meta property="article:published_time" content="2024-05-06">
</head><body><article><h1>&lt;b {MARK}&gt;Bridge&lt;/b&gt;</h1>
{"".join(f"<p>{_escape(p)}</p>" for p in _article(3).split(chr(10) * 2))}
<p>More text about the repairs and the council's budget for the bridge this year.</p>
</article></body></html>"""
    (folder / "page.html").write_text(page, encoding="utf-8")
    rows = [
        {
            "id": f"{PAYLOADS[n % len(PAYLOADS)]}-{n}",
            "title": PAYLOADS[(n + 1) % len(PAYLOADS)],
            "date": f"2024-05-0{n + 1}<b {MARK}>",
            "source": PAYLOADS[(n + 2) % len(PAYLOADS)],
            "url": HOSTILE_URL,
            "text": _article(n + 4),
        }
        for n in range(3)
    ]
    with (folder / "table.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    lines = [json.dumps({**row, "id": f"j{row['id']}", "text": _article(n + 7)}) for n, row in
             enumerate(rows)]  # fmt: skip
    (folder / "table.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _LiveMarkup(HTMLParser):
    def __init__(self, bidi: bool):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False
        self._bidi = bidi

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        if any(MARK in name for name in names):
            self.found.append(f"<{tag} {MARK}> element")
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction") and value:
                if value.strip().lower().startswith(("javascript:", "data:text/html")):
                    self.found.append(f"{name}={value!r} on <{tag}>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and MARK in data and "document.title" in data:
            self.found.append("planted script content")
        if self._bidi and ("\u202e" in data or "\u202a" in data):
            self.found.append("bidi override character in text")


def live_markup(page: str, *, bidi: bool = True) -> list[str]:
    """Each planted element, ``javascript:`` link or (with ``bidi``) right-to-left override
    that is live in ``page``; empty when every one of them was escaped."""
    parser = _LiveMarkup(bidi)
    parser.feed(page)
    parser.close()
    return parser.found
