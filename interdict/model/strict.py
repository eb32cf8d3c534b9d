"""YAML and JSON readers that refuse a key given twice in one mapping.

Both formats let the last of two equal keys win in silence, so an item file
that states a figure twice is read with whichever came last; for a control
decision that is a value nobody chose.  These readers make it an error
naming the key.
"""

from __future__ import annotations

import json
from pathlib import Path
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


class UnreadableError(ValueError):
    """A file that cannot be read as YAML or JSON; the message is the reason alone."""


def read_document(path: Path) -> Any:
    """A YAML file, or JSON by its suffix, read strictly; UnreadableError says why not."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise UnreadableError(f"cannot be read: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise UnreadableError(f"not UTF-8 text (byte {error.start})") from error
    json_file = path.suffix.lower() == ".json"
    try:
        return load_json(text) if json_file else load_yaml(text)
    except (json.JSONDecodeError, yaml.YAMLError, DuplicateKeyError) as error:
        raise UnreadableError(f"not valid {'JSON' if json_file else 'YAML'}: {error}") from error


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
