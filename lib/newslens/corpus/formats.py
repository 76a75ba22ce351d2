"""Which reader reads a file, by its suffix, and the file-level errors every reader shares
(unsupported type, damaged gzip, I/O errors) as one-line :class:`CorpusError` s."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from newslens.corpus.csv_reader import read_csv_file
from newslens.corpus.errors import CorpusError
from newslens.corpus.files import HTML_SUFFIXES, SUPPORTED_SUFFIXES, TEXT_SUFFIXES, Item, suffix
from newslens.corpus.html_reader import read_html_file
from newslens.corpus.jsonl_reader import read_jsonl_file
from newslens.corpus.parquet_reader import read_parquet_file
from newslens.corpus.text_reader import read_text_file

__all__ = ["READERS", "iter_file"]

type Reader = Callable[[Path, str], Iterator[Item]]

READERS: dict[str, Reader] = {
    **dict.fromkeys(TEXT_SUFFIXES, read_text_file),
    **dict.fromkeys(HTML_SUFFIXES, read_html_file),
    ".jsonl": read_jsonl_file,
    ".jsonl.gz": read_jsonl_file,
    ".csv": read_csv_file,
    ".csv.gz": read_csv_file,
    ".parquet": read_parquet_file,
}


def iter_file(path: Path, doc_id: str) -> Iterator[Item]:
    """A file's documents (and row errors); file-level problems, I/O errors included, raise
    :class:`CorpusError` naming the file."""
    reader = READERS.get(suffix(path))
    if reader is None:
        raise CorpusError(
            path,
            f"unsupported file type '{suffix(path) or path.name}' (newslens reads "
            + ", ".join(SUPPORTED_SUFFIXES)
            + ")",
        )
    try:
        yield from reader(path, doc_id)
    except gzip.BadGzipFile as error:
        raise CorpusError(path, f"not a readable gzip file ({error})") from None
    except (EOFError, zlib.error) as error:
        raise CorpusError(path, f"damaged gzip file ({error or 'it ends too early'})") from None
    except OSError as error:
        raise CorpusError(path, f"cannot be read ({error.strerror or error})") from None
