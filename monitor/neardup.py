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
MERSENNE_PRIME = (1 << 61) - 1
WORD = re.compile(r"\w+", re.UNICODE)


def _coefficients(label: str) -> npt.NDArray[np.uint64]:
    values = [
        int.from_bytes(hashlib.blake2b(f"{label}{i}".encode(), digest_size=4).digest(), "big") | 1
        for i in range(PERMUTATIONS)
    ]
    return np.array(values, dtype=np.uint64)


SLOPES = _coefficients("a")
OFFSETS = _coefficients("b")


def shingles(text: str) -> set[str]:
    words = WORD.findall(unicodedata.normalize("NFC", text).lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def minhash(text: str) -> bytes | None:
    """The 128 x 32-bit MinHash signature of ``text`` (None for a text without words)."""
    found = shingles(text)
    if not found:
        return None
    hashes = np.fromiter(
        (zlib.crc32(shingle.encode("utf-8")) for shingle in found), dtype=np.uint64
    )
    # (a*x + b) mod p with x < 2**32 and a, b < 2**32: no uint64 overflow.
    permuted = (hashes[:, None] * SLOPES[None, :] + OFFSETS[None, :]) % np.uint64(MERSENNE_PRIME)
    signature = (permuted.min(axis=0) & np.uint64(0xFFFFFFFF)).astype(">u4")
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
