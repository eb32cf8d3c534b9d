"""Errors in the shape the OpenAPI schema promises: 422 as FastAPI's validation errors.

A refused value names its field in ``loc`` and says why in ``msg``, exactly
as FastAPI reports a body that does not parse, so a client handles both the
same way and the responses fit the schema ``/openapi.json`` documents.
"""

from __future__ import annotations

from fastapi import HTTPException


def unprocessable(field: str, message: str, where: str = "body") -> HTTPException:
    return HTTPException(
        422, detail=[{"loc": [where, *field.split(".")], "msg": message, "type": "value_error"}]
    )
