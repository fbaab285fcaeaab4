"""Near-duplicate texts: MinHash over word shingles, and repeated paragraphs.

The same dispatch reprinted by several outlets rarely has the very same text: a
different first line, a credit, a link block. Two texts whose sets of 5-word shingles
overlap by at least :data:`NEAR_DUPLICATE_JACCARD` (estimated from 128-value MinHash
signatures) are one report. Signatures are split into 16 bands of 8 values; two texts
become candidates when one band is equal (locality-sensitive hashing), so finding the
originals of a new article is an indexed lookup, not a scan.

:func:`dedupe_paragraphs` drops a paragraph that repeats an earlier one in the same
page (a scraping artefact the crawler removes before ingest).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib

import numpy as np
import numpy.typing as npt

PERMUTATIONS = 128
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SHINGLE_WORDS = 5
NEAR_DUPLICATE_JACCARD = 0.8
MIN_PARAGRAPH_CHARS = 40
WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE_BASE = 0x01000193  # FNV prime: mixes the word hashes of a shingle in order
MASK = np.uint64(0xFFFFFFFF)


def _coefficients(label: str) -> npt.NDArray[np.uint64]:
    """Fixed 64-bit odd coefficients: signatures must not change between processes."""
    values = [
        int.from_bytes(hashlib.blake2b(f"{label}{i}".encode(), digest_size=8).digest(), "big") | 1
        for i in range(PERMUTATIONS)
    ]
    return np.array(values, dtype=np.uint64)


SLOPES = _coefficients("a")
OFFSETS = _coefficients("b")


def shingle_hashes(text: str) -> npt.NDArray[np.uint64]:
    """32-bit hashes of the text's distinct 5-word shingles.

    Each word is hashed once; a shingle's hash is a polynomial of its words' hashes,
    computed for all shingles at once, instead of joining and hashing every shingle.
    """
    words = WORD.findall(unicodedata.normalize("NFC", text).lower())
    if not words:
        return np.empty(0, dtype=np.uint64)
    word_hashes = np.fromiter(
        (zlib.crc32(word.encode("utf-8")) for word in words), dtype=np.uint64, count=len(words)
    )
    width = min(SHINGLE_WORDS, len(words))
    count = len(words) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        combined = (
            combined * np.uint64(SHINGLE_BASE) + word_hashes[offset : offset + count]
        ) & MASK
    return np.unique(combined)


def minhash(text: str) -> bytes | None:
    """The 128 x 32-bit MinHash signature of ``text`` (None for a text without words)."""
    hashes = shingle_hashes(text)
    if not hashes.size:
        return None
    # Multiply-shift hashing: (a*x + b) mod 2**64 (numpy wraps), keep the high 32 bits.
    with np.errstate(over="ignore"):
        permuted = (hashes[:, None] * SLOPES[None, :] + OFFSETS[None, :]) >> np.uint64(32)
    signature = permuted.min(axis=0).astype(">u4")
    return bytes(signature.tobytes())


def band_keys(signature: bytes) -> list[str]:
    """One lookup key per band: equal keys make two texts candidates."""
    size = ROWS * 4
    keys: list[str] = []
    for band in range(BANDS):
        chunk = signature[band * size : (band + 1) * size]
        keys.append(f"{band:02d}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return keys


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    a = np.frombuffer(first, dtype=">u4")
    b = np.frombuffer(second, dtype=">u4")
    if a.shape != b.shape:
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)


def dedupe_paragraphs(text: str) -> str:
    """``text`` without paragraphs (lines) that repeat an earlier one word for word.

    Short lines (headings, credits under :data:`MIN_PARAGRAPH_CHARS`) are kept: they
    repeat legitimately.
    """
    seen: set[str] = set()
    kept: list[str] = []
    for line in text.split("\n"):
        key = " ".join(line.split()).casefold()
        if len(key) >= MIN_PARAGRAPH_CHARS:
            if key in seen:
                continue
            seen.add(key)
        kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
