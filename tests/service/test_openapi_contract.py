"""``/openapi.json`` against ``docs/schemas`` and its own examples.

Every operation shows an example answer (and an example body when it takes
one); every example fits the schema the same document declares; and every
answer's schema is the documented one: the command-line document's schema
plus ``banner`` and ``reader``, or the service's own ``api-*`` file.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from interdict.parties.outputs import render
from interdict.service.app import create_app
from interdict.service.outputs import schemas

DOCS = Path(__file__).parents[2] / "docs" / "schemas"

# Each answer that is a command-line document, and the file documenting that document.
CLI_TWINS = {
    ("get", "/cables"): "cables-search.schema.json",
    ("get", "/cables/{ref}"): "cable.schema.json",
    ("get", "/intel/entities/{entity_id}"): "intel-show.schema.json",
    ("post", "/cases"): "case-assessment.schema.json",
    ("get", "/cases/{reference}"): "case-show.schema.json",
    ("post", "/classify"): "classify.schema.json",
    ("post", "/determine"): "determine.schema.json",
}
API_FILES = {
    ("post", "/match/{dataset}"): "api-match.schema.json",
    ("get", "/search/{dataset}"): "api-search.schema.json",
    ("get", "/entities/{entity_id}"): "api-entity.schema.json",
    ("get", "/catalog"): "api-catalog.schema.json",
    ("get", "/algorithms"): "api-algorithms.schema.json",
    ("get", "/healthz"): "api-health.schema.json",
    ("get", "/readyz"): "api-health.schema.json",
    ("get", "/cases"): "api-case-list.schema.json",
    ("post", "/cases/{reference}/decision"): "api-decision.schema.json",
    ("post", "/cases/{reference}/alert"): "api-alert.schema.json",
    ("get", "/denials"): "api-denials.schema.json",
    ("post", "/denials"): "api-denial-added.schema.json",
    ("get", "/audit"): "api-audit.schema.json",
}
PICTURES = {("get", "/intel/entities/{entity_id}/graph")}


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return create_app(tmp_path_factory.mktemp("home"), None).openapi()


def inline(node: Any, lookup: dict[str, Any], seen: tuple[str, ...] = ()) -> Any:
    """The schema with every ``$ref`` replaced by its target, made comparable between a
    document's file and its served twin: titles and descriptions go (they name the class),
    and so do null defaults, which FastAPI leaves out of /openapi.json as it does every
    null; a discriminator's mapping keeps the target's name alone."""
    if isinstance(node, list):
        return [inline(item, lookup, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        assert name not in seen, f"recursive schema {name}"
        return inline(lookup[name], lookup, (*seen, name))
    if "mapping" in node and "propertyName" in node:
        return {**node, "mapping": {k: v.rsplit("/", 1)[-1] for k, v in node["mapping"].items()}}
    return {
        key: inline(value, lookup, seen)
        for key, value in node.items()
        if key not in ("title", "description", "$defs", "examples")
        and not (key == "default" and value is None)
    }


def answer(spec: dict[str, Any], method: str, path: str) -> tuple[dict[str, Any], Any]:
    """The inlined schema and the example of an operation's success answer."""
    responses = spec["paths"][path][method]["responses"]
    code = "201" if "201" in responses else "200"
    content = responses[code]["content"]["application/json"]
    return inline(content["schema"], spec["components"]["schemas"]), content.get("example")


def documented(name: str) -> dict[str, Any]:
    schema = json.loads((DOCS / name).read_text(encoding="utf-8"))
    return dict(inline(schema, schema.get("$defs", {})))


def operations(spec: dict[str, Any]) -> list[tuple[str, str]]:
    return [(method, path) for path, ops in spec["paths"].items() for method in ops]


def test_every_operation_is_mapped_to_a_documented_schema(spec: dict[str, Any]) -> None:
    assert set(operations(spec)) == set(CLI_TWINS) | set(API_FILES) | PICTURES


def test_every_operation_has_an_example_answer_and_body(spec: dict[str, Any]) -> None:
    for method, path in operations(spec):
        if (method, path) in PICTURES:
            continue
        _, example = answer(spec, method, path)
        assert example, f"{method.upper()} {path} has no example answer"
        body = spec["paths"][path][method].get("requestBody")
        if body is not None:
            examples = body["content"]["application/json"].get("examples")
            assert examples, f"{method.upper()} {path} has no example body"


def test_every_example_answer_fits_its_own_schema(spec: dict[str, Any]) -> None:
    for method, path in operations(spec):
        if (method, path) in PICTURES:
            continue
        schema, example = answer(spec, method, path)
        jsonschema.validate(example, schema)


def test_example_bodies_fit_the_request_schemas(spec: dict[str, Any]) -> None:
    lookup = spec["components"]["schemas"]
    for method, path in operations(spec):
        body = spec["paths"][path][method].get("requestBody")
        if body is None:
            continue
        content = body["content"]["application/json"]
        for example in content["examples"].values():
            jsonschema.validate(example["value"], inline(content["schema"], lookup))


@pytest.mark.parametrize(("operation", "name"), sorted(CLI_TWINS.items()))
def test_a_served_document_is_the_documented_one_plus_banner_and_reader(
    spec: dict[str, Any], operation: tuple[str, str], name: str
) -> None:
    served, _ = answer(spec, *operation)
    assert served["properties"].pop("banner") == {"type": "string"}
    assert served["properties"].pop("reader") == {"type": "string"}
    served["required"] = [key for key in served["required"] if key not in ("banner", "reader")]
    expected = documented(name)
    if "banner" in expected.get("properties", {}):
        pytest.fail(f"{name} already has a banner: the served twin would repeat it")
    assert served["properties"] == expected["properties"]
    assert sorted(served.get("required", [])) == sorted(expected.get("required", []))


@pytest.mark.parametrize(("operation", "name"), sorted(API_FILES.items()))
def test_a_service_answer_is_its_api_schema(
    spec: dict[str, Any], operation: tuple[str, str], name: str
) -> None:
    served, _ = answer(spec, *operation)
    assert served == documented(name)


def test_the_api_schema_files_are_current() -> None:
    for name, schema in schemas().items():
        assert (DOCS / name).read_text(encoding="utf-8") == render(schema), (
            f"docs/schemas/{name} is stale: run python -m interdict.service.outputs docs/schemas"
        )


def test_a_broken_example_is_caught(spec: dict[str, Any]) -> None:
    """The check above would catch an example that drifted from its schema."""
    schema, example = answer(spec, "post", "/cases")
    broken = copy.deepcopy(example)
    broken["recommendation"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
