"""Bytes of a text file to text: byte-order marks, UTF-16/32 without one, UTF-8, cp1252, and
charset-normalizer's guess when cp1252 reads as mojibake; binary files are refused.

:func:`normalise` then gives every document the same line ends and spaces: the character
offsets of every table refer to that text.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from newslens.corpus.errors import CorpusError

__all__ = ["SNIFF_BYTES", "bom_encoding", "decode_bytes", "normalise", "wide_encoding"]

SNIFF_BYTES = 8192
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same 2 bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDE_ENCODINGS = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
# Symbols that rarely touch a letter in real text but do when bytes of another single-byte
# encoding are read as cp1252 (Polish "ł" -> "³", "Ł" -> "£", "ą" -> "¹").
_MOJIBAKE_SYMBOLS = set("¹²³£¥¤¦¨¬¯±´µ¶¸¼½¾×÷ƒˆ‰‹›˜†‡¢§")


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces and the mark's length, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _looks_like_text(text: str) -> bool:
    """Decoded text with no NUL and almost only printable characters (not binary)."""
    if not text or "\x00" in text:
        return False
    sample = text[:20000]
    printable = sum(1 for c in sample if c.isprintable() or c in "\n\r\t\f")
    return printable >= 0.97 * len(sample)


def wide_encoding(sample: bytes) -> str | None:
    """UTF-32 or UTF-16 without a BOM, recognised from a sample with NUL bytes, or None
    (binary). In UTF-16 text the NULs are the high bytes of ASCII characters (spaces,
    punctuation, Latin letters): many, and nearly all on one side of each 2-byte unit.
    UTF-32 is tested first (its values must stay below 0x110000, which binary rarely does);
    either way the decoded sample must be printable text."""
    nul_positions = [i for i, byte in enumerate(sample) if byte == 0]
    if len(nul_positions) < 0.05 * len(sample):
        return None
    odd = sum(i % 2 for i in nul_positions) / len(nul_positions)
    for encoding in _WIDE_ENCODINGS:
        if encoding == "utf-16-le" and odd < 0.9:
            continue
        if encoding == "utf-16-be" and odd > 0.1:
            continue
        try:
            text = codecs.getincrementaldecoder(encoding)("strict").decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return encoding
    return None


def _mojibake_score(text: str) -> int:
    """How unlike natural text a decoding looks: symbols stuck to letters, plus every
    accented Latin letter when they are over 30% of the letters (Cyrillic or Greek bytes
    read as cp1252 become runs of accented Latin letters). 0 for ordinary text."""
    sample = text[:100000]
    letters = sum(1 for c in sample if c.isalpha())
    accented = sum(1 for c in sample if 0xC0 <= ord(c) <= 0x24F and c.isalpha())
    score = accented if accented > 0.3 * max(letters, 1) else 0
    for i, c in enumerate(sample):
        if c in _MOJIBAKE_SYMBOLS and (
            (i > 0 and sample[i - 1].isalpha()) or (i + 1 < len(sample) and sample[i + 1].isalpha())
        ):
            score += 1
    return score


def _decode_marked(data: bytes, encoding: str, length: int, path: str | Path) -> str:
    """Bytes that start with a byte-order mark, decoded as the mark says."""
    try:
        text = data[length:].decode(encoding)
    except UnicodeDecodeError as error:
        raise CorpusError(
            path,
            f"not valid {encoding.upper()} although it starts with a {encoding.upper()}"
            f" byte-order mark (bad bytes at offset {error.start + length})",
        ) from None
    if not text.strip():
        raise CorpusError(path, "empty file")
    return text


def _decode_wide(data: bytes, path: str | Path) -> str:
    """Bytes with NULs: UTF-16/32 without a mark, or refused as binary."""
    encoding = wide_encoding(data[:SNIFF_BYTES])
    if encoding is None:
        raise CorpusError(path, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise CorpusError(
            path, f"reads as {encoding.upper()} but has bad bytes at offset {error.start}"
        ) from None
    if not _looks_like_text(text):
        raise CorpusError(path, "binary file (contains NUL bytes), not text")
    return text


def _decode_single_byte(data: bytes, path: str | Path) -> str:
    """Bytes that are not UTF-8: cp1252 when it reads as natural text, else
    charset-normalizer's guess when that reads more naturally."""
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _mojibake_score(western) == 0:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guess = str(best) if best is not None and best.encoding is not None else None
    if western is not None and (
        guess is None or _mojibake_score(guess) >= _mojibake_score(western)
    ):
        return western
    if guess is None:
        raise CorpusError(
            path, "unreadable encoding (not UTF-8, UTF-16, UTF-32 or cp1252, and no other fits)"
        )
    return guess


def decode_bytes(data: bytes, *, path: str | Path = "<bytes>") -> str:
    """Bytes of a text file to text, or :class:`CorpusError` naming ``path``.

    Order: a byte-order mark (UTF-8/16/32); UTF-16/32 without a mark when NUL bytes fit it;
    UTF-8; cp1252 (which reads latin-1 text too) when the result reads as natural text;
    else charset-normalizer's best guess when it reads more naturally than cp1252. Bytes
    with NULs that are no UTF-16/32 text are refused as binary.
    """
    if not data.strip(b" \t\r\n\x0b\x0c"):
        raise CorpusError(path, "empty file")
    bom = bom_encoding(data)
    if bom is not None:
        return _decode_marked(data, *bom, path)
    if b"\x00" in data[:SNIFF_BYTES]:
        return _decode_wide(data, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _decode_single_byte(data, path)


def normalise(text: str) -> str:
    """Line endings to LF and no-break spaces to spaces; offsets refer to this text."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").strip()
