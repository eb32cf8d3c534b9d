"""The files an index is made of, and the one hash that names a key on disk.

Keys are stored as sorted 64-bit hashes next to CSR-style postings, all as
NumPy arrays that are memory-mapped when the index is opened.  Opening an
index of millions of names therefore reads nothing up front: a restart costs
milliseconds, and the operating system pages in only what queries touch.
"""

from __future__ import annotations

from functools import lru_cache
from hashlib import blake2b

KEYS = "keys.npy"
KEY_OFFSETS = "key_offsets.npy"
POSTINGS = "postings.npy"
NAME_ENTITY = "name_entity.npy"
RECORDS = "records.bin"
RECORD_OFFSETS = "record_offsets.npy"


@lru_cache(maxsize=1_000_000)
def key_hash(key: str) -> int:
    """A stable 64-bit hash (Python's own ``hash`` changes from process to process)."""
    return int.from_bytes(blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")
