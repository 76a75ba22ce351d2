"""newslens.corpus.formats: file-level errors name the file."""

from __future__ import annotations

import pytest
from corpus_samples import ARTICLE
from newslens.corpus import CorpusError, load_documents


def test_io_error_names_the_file(tmp_path, monkeypatch):
    import errno

    import newslens.corpus.files as files_module

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")

    def failing_open(path):
        raise OSError(errno.EIO, "Input/output error", str(path))

    monkeypatch.setattr(files_module, "open_maybe_gzip", failing_open)
    with pytest.raises(CorpusError, match=r"a\.txt: cannot be read \(Input/output error\)$"):
        load_documents(tmp_path / "a.txt")
