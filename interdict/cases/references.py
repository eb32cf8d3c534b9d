"""A reference for a case file that has none, stable for the same file.

Derived from the file's content rather than drawn at random, so that
assessing the same file twice (and saving it) lands on the same case and
adds a version instead of opening a second case.
"""

from __future__ import annotations

import hashlib

import orjson

from interdict.cases.casefile import Case


def assign_reference(case: Case) -> str:
    body = orjson.dumps(case.raw, option=orjson.OPT_SORT_KEYS, default=str)
    return f"{case.exporter.country}-{hashlib.sha256(body).hexdigest()[:10].upper()}"
