"""Resources: the data files newslens reads, NLTK's VADER lexicon and the Jupyter kernel.

**Data files.** Every word list, lexicon and alias table, packaged or the user's, is read by
:func:`read_data_lines` with one rule: UTF-8, ``#`` starts a comment anywhere on a line,
surrounding whitespace and blank lines are dropped, and each line keeps its number for error
messages. Packaged files are found with :func:`package_data` (``newslens/data/...``). Loaders
that read a packaged file once per process are wrapped in :func:`functools.cache`, the one
caching idiom of the package.

**VADER.**
NLTK's ``SentimentIntensityAnalyzer`` reads ``sentiment/vader_lexicon.zip`` from an NLTK data
folder, and ``nltk.download`` cannot reach its server here. The same lexicon ships inside the
pinned ``vaderSentiment`` package from PyPI, so :func:`provision_vader_lexicon` zips that file
into the environment's own NLTK data folder (``<venv>/share/nltk_data``, which NLTK searches
by default), after checking its sha256 against the pinned release.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import sys
import zipfile
from collections.abc import Iterable
from importlib import resources as _package_files
from pathlib import Path

from newslens.io import atomic_write_bytes

__all__ = [
    "library_digest",
    "package_data",
    "read_data_lines",
    "clean_data_lines",
    "VADER_LEXICON_SHA256",
    "nltk_data_dir",
    "provision_vader_lexicon",
    "vader_analyzer",
    "register_kernel",
    "KERNEL_NAME",
]

# sha256 of vader_lexicon.txt in vaderSentiment 3.3.2 (the pinned release).
VADER_LEXICON_SHA256 = "1ec9c6e9ee19aade328f8beb393a6afa71a5bb3acf7d3cc22d4ef568df374bf5"
KERNEL_NAME = "newslens"


# Package files that only present results (notebook helpers, plots, reports, the runner):
# the analysis pass never imports them (tests/test_resources.py checks it), so a change
# there must not make every document be analysed again.
PRESENTATION_FILES = (
    "__main__.py",
    "cli.py",
    "compare.py",
    "execute.py",
    "explore.py",
    "group_tables.py",
    "grouping.py",
    "index_page.py",
    "jupyter_stack.py",
    "manifest.py",
    "plots/",
    "report.py",
    "run.py",
    "summary.py",
    "tables.py",
    "tableview.py",
    "data/templates/",
)


def _analysis_files(root: Path) -> list[Path]:
    """The package's files, code and data, that the analysis pass can depend on."""
    files = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        if any(
            relative == p or (p.endswith("/") and relative.startswith(p))
            for p in PRESENTATION_FILES
        ):
            continue
        files.append(path)
    return files


@functools.cache
def library_digest() -> str:
    """A sha256 of the files of the installed ``newslens`` package that the analysis can
    depend on: every one, code and data, but those of :data:`PRESENTATION_FILES`.

    It is part of every cache key of the analysis (each step's, and the whole pass's), so
    a newer library never serves rows an older one computed: after an upgrade every step
    runs again (from the cached parses), whether or not someone bumped a step's version.
    An upgrade that only changes notebooks' helpers, plots or reports keeps the cache.
    """
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in _analysis_files(root):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def package_data(*parts: str) -> Path:
    """The path of a file shipped in ``newslens/data`` (``package_data("frames",
    "destruction.txt")``): the one way the package locates its own data."""
    return Path(str(_package_files.files("newslens").joinpath("data", *parts)))


def read_data_lines(path: str | os.PathLike) -> list[tuple[int, str]]:
    """The meaningful lines of a data file as ``(line number, text)``: UTF-8, ``#`` starts a
    comment anywhere on a line, surrounding whitespace and blank lines dropped.

    Raises ``OSError`` or ``UnicodeDecodeError`` naming nothing; callers wrap them in their
    own error that names the file and what it was for.
    """
    return clean_data_lines(Path(path).read_text(encoding="utf-8").splitlines())


def clean_data_lines(lines: Iterable[str]) -> list[tuple[int, str]]:
    """:func:`read_data_lines`'s rule applied to lines already in memory (lines a user passes
    directly, such as extra reporting verbs), numbered from 1."""
    cleaned = []
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if line:
            cleaned.append((number, line))
    return cleaned


def nltk_data_dir() -> Path:
    """The NLTK data folder newslens provisions: ``$NEWSLENS_NLTK_DATA`` or
    ``<sys.prefix>/share/nltk_data`` (on NLTK's default search path)."""
    if os.environ.get("NEWSLENS_NLTK_DATA"):
        return Path(os.environ["NEWSLENS_NLTK_DATA"]).expanduser()
    return Path(sys.prefix) / "share" / "nltk_data"


def _vader_source() -> Path:
    import vaderSentiment

    return Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")


def provision_vader_lexicon(
    target: str | os.PathLike | None = None, *, verify: bool = True
) -> Path:
    """Write ``sentiment/vader_lexicon.zip`` (holding ``vader_lexicon/vader_lexicon.txt``)
    into an NLTK data folder, from the vaderSentiment package; no network. Returns the zip.

    The zip is rewritten only when missing or different, with a fixed timestamp so the
    file is byte-identical on every machine.
    """
    source = _vader_source()
    data = source.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if verify and digest != VADER_LEXICON_SHA256:
        raise RuntimeError(
            f"{source}: sha256 {digest} is not the pinned VADER lexicon ({VADER_LEXICON_SHA256})"
        )
    root = Path(target) if target else nltk_data_dir()
    zip_path = root / "sentiment" / "vader_lexicon.zip"
    if zip_path.exists():
        try:
            with zipfile.ZipFile(zip_path) as existing:
                if existing.read("vader_lexicon/vader_lexicon.txt") == data:
                    return zip_path
        except (zipfile.BadZipFile, KeyError):
            pass
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("vader_lexicon/", date_time=(1980, 1, 1, 0, 0, 0)), "")
        info = zipfile.ZipInfo("vader_lexicon/vader_lexicon.txt", date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, data)
    return atomic_write_bytes(zip_path, buffer.getvalue())


@functools.cache
def vader_analyzer():
    """NLTK's VADER ``SentimentIntensityAnalyzer``, loaded once; provisions the lexicon
    from the installed vaderSentiment package first if NLTK cannot find it."""
    import nltk
    from nltk.sentiment import SentimentIntensityAnalyzer

    root = nltk_data_dir()
    if str(root) not in nltk.data.path:
        nltk.data.path.append(str(root))
    try:
        nltk.data.find("sentiment/vader_lexicon.zip")
    except LookupError:
        provision_vader_lexicon(root)
    return SentimentIntensityAnalyzer()


def register_kernel(*, display_name: str = "Python 3.12 (newslens)") -> str:
    """Register this environment's Python as the Jupyter kernel ``newslens`` (inside the
    environment, so nothing outside it changes). Returns the kernel folder."""
    from ipykernel.kernelspec import install

    return install(kernel_name=KERNEL_NAME, display_name=display_name, prefix=sys.prefix)
