"""What every command that reads the store does for access control: ``--as``, banner, audit.

The command opens the store for the reader named by ``--as`` (the local
operator without it); everything it reads passes the reader's gate.  At the
end it prints the banner of what it showed (and, for the local operator,
that the output is unfiltered), adds ``banner`` and ``reader`` to its JSON,
and records in the audit trail every classified portion the user read and
every one they were refused.
"""

from __future__ import annotations

import time
from typing import Annotated, Any

import orjson
import typer
from rich.console import Console

from interdict.access.readers import LOCAL_OPERATOR, Reader
from interdict.audit.trail import append, operator
from interdict.store.engine import Store
from interdict.store.errors import RecordRejectedError, StoreError

AsOpt = Annotated[
    str | None,
    typer.Option(
        "--as",
        help="Read as this user: see only what their clearance, country and roles allow "
        "(default: the local operator, who sees everything).",
        show_default=False,
    ),
]


class RoleError(PermissionError):
    """A user whose roles do not allow the command."""


def require(reader: Reader, role: str, doing: str) -> None:
    if not reader.can(role):
        raise RoleError(f"--as {reader.name}: {doing} needs the {role} role")


def reader_label(reader: Reader) -> str:
    if reader.operator:
        return LOCAL_OPERATOR
    return reader.name


def envelope(store: Store | None, payload: dict[str, Any]) -> str:
    """The command's JSON with ``banner`` and ``reader`` beside its own keys."""
    reader = store.gate.reader if store is not None else None
    banner = store.gate.banner.text() if store is not None else "UNCLASSIFIED"
    extra = {"banner": banner, "reader": LOCAL_OPERATOR if reader is None else reader_label(reader)}
    return orjson.dumps({**payload, **extra}, option=orjson.OPT_INDENT_2).decode()


def banner_line(store: Store | None, console: Console) -> None:
    """The banner, and for the local operator the reminder that nothing was filtered."""
    banner = store.gate.banner.text() if store is not None else "UNCLASSIFIED"
    console.print(f"[bold]{banner}[/bold]", highlight=False)
    if store is None or store.gate.reader.operator:
        console.print(
            "[dim]reading as the local operator: nothing is filtered; use --as NAME to read "
            "as a user[/dim]",
            highlight=False,
        )
    for warning in store.gate.warnings if store is not None else []:
        console.print(f"[yellow]warning[/yellow] {warning}", highlight=False)


def audit_reads(store: Store | None, command: str) -> None:
    """Record what a user read and was refused; the local operator's reads are not users'."""
    if store is None or store.gate.reader.operator:
        return
    gate = store.gate
    if not gate.read and not gate.refused:
        return
    # Two requests may append at once: the chain then conflicts (the same sequence number, or
    # SQLite refusing a stale writer) and the later one tries again on the new last record.
    for attempt in range(_ATTEMPTS):
        try:
            _append_reads(store, command)
            return
        except (StoreError, RecordRejectedError):
            if attempt == _ATTEMPTS - 1:
                raise
            time.sleep(0.02 * (attempt + 1))


_ATTEMPTS = 6


def _append_reads(store: Store, command: str) -> None:
    gate = store.gate
    with store.begin() as connection:
        if gate.read:
            portions = sorted(_key(k) + f" ({level.value})" for k, level in gate.read.items())
            append(
                connection,
                gate.reader.name,
                "read",
                command,
                {"portions": portions, "by": operator()},
            )
        if gate.refused:
            refused = sorted(_key(k) for k in gate.refused)
            append(
                connection,
                gate.reader.name,
                "refused",
                command,
                {"portions": refused, "by": operator()},
            )


def _key(key: tuple[str, str | None, int]) -> str:
    cable, paragraph, portion = key
    where = "header" if portion < 0 else f"¶{paragraph or '-'}.{portion}"
    return f"{cable} {where}"
