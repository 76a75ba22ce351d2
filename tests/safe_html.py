"""A strict reading of HTML that newslens builds from input: every element, attribute, class
and link must be one newslens writes itself, so anything from the input that became live
markup fails the check. Shared by the corpus and display tests."""

from __future__ import annotations

import re
from html.parser import HTMLParser

ALLOWED_TAGS = {
    "a", "bdi", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "mark", "p", "section",
    "span", "table", "tbody", "td", "th", "thead", "tr",
}  # fmt: skip
VOID_TAGS = {"br"}
ALLOWED_ATTRIBUTES = {"class", "title", "href", "rel", "style"}
ALLOWED_CLASSES = re.compile(r"^(nl-[A-Za-z0-9_-]+|tex2jax_ignore)$")
ALLOWED_STYLES = {"text-align:left"}
BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"element <{tag}>")
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES:
                self.problems.append(f"attribute {name}= on <{tag}>")
            elif name == "class":
                bad = [c for c in (value or "").split() if not ALLOWED_CLASSES.match(c)]
                if bad:
                    self.problems.append(f"class {bad} on <{tag}>")
            elif name == "href":
                if tag != "a" or not re.match(r"^https?://[^\s]", value or ""):
                    self.problems.append(f"href {value!r} on <{tag}>")
                self.hrefs.append(value)
            elif name == "style" and value not in ALLOWED_STYLES:
                self.problems.append(f"style {value!r}")
            elif name == "rel" and value != "noopener noreferrer nofollow":
                self.problems.append(f"rel {value!r}")
            if value and BIDI_CONTROLS.search(value):
                self.problems.append(f"bidi control in {name}=")
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        if BIDI_CONTROLS.search(data):
            self.problems.append("bidi control character in text")
        self.text.append(data)

    def handle_comment(self, data):
        self.problems.append("comment")

    def handle_decl(self, decl):
        self.problems.append(f"declaration {decl!r}")

    def handle_pi(self, data):
        self.problems.append(f"processing instruction {data!r}")

    def unknown_decl(self, data):
        self.problems.append(f"declaration {data!r}")


def read_safe_html(markup: str) -> tuple[str, list[str]]:
    """The visible text of ``markup`` and its links, after checking that it holds only the
    elements, attributes, classes and links newslens writes, correctly nested, and that the
    outermost element is out of MathJax's reach. Raises AssertionError naming the first
    problem otherwise."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    assert not reader.problems, f"{reader.problems[0]} in {markup[:300]!r}"
    assert not reader.stack, f"unclosed {reader.stack} in {markup[:300]!r}"
    first = re.match(r"<(\w+)[^>]*class=\"([^\"]*)\"", markup)
    assert first and "tex2jax_ignore" in first.group(2).split(), (
        f"outermost element is typeset by MathJax: {markup[:120]!r}"
    )
    return "".join(reader.text), reader.hrefs


def shown(value: str) -> str:
    """How a value from input reads in newslens HTML: bidi controls as ``[U+202E]``."""
    return BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", value)
