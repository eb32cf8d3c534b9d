"""YAML and JSON readers that refuse a key given twice in one mapping.

Both formats let the last of two equal keys win in silence, so an item file
that states a figure twice is read with whichever came last; for a control
decision that is a value nobody chose.  These readers make it an error
naming the key.
"""

from __future__ import annotations

import json
from typing import Any

import yaml


class DuplicateKeyError(ValueError):
    """A mapping that names one key twice."""


class _StrictLoader(yaml.SafeLoader):
    pass


def _mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            mark = key_node.start_mark
            raise DuplicateKeyError(f"key {key!r} given twice (line {mark.line + 1})")
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_yaml(text: str) -> Any:
    """Like yaml.safe_load, refusing duplicate keys."""
    return yaml.load(text, Loader=_StrictLoader)


def load_json(text: str) -> Any:
    """Like json.loads, refusing duplicate keys."""
    return json.loads(text, object_pairs_hook=_pairs)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKeyError(f"key {key!r} given twice")
        result[key] = value
    return result
