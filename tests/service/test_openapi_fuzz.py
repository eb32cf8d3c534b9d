"""schemathesis against /openapi.json: no server error and no response that breaks its schema.

Run as the schemathesis command line against a live server on loopback,
exactly as a user would run it against a deployment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from live import serving
from typer.testing import CliRunner

from interdict.cli import app

runner = CliRunner()
SEED = Path(__file__).parents[2] / "interdict" / "data" / "cables" / "09STATE29395.txt"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    home = tmp_path_factory.mktemp("fuzz") / "home"
    db = f"sqlite:///{home.parent / 'store.sqlite'}"
    os.environ["INTERDICT_HOME"] = str(home)
    try:
        assert runner.invoke(app, ["intel", "ingest", str(SEED), "--db", db]).exit_code == 0
        added = runner.invoke(
            app,
            [
                "users",
                "add",
                "fuzzer",
                "--clearance",
                "S",
                "--country",
                "ES",
                "--role",
                "officer",
                "--role",
                "auditor",
                "--db",
                db,
            ],
        )
        assert added.exit_code == 0, added.output
        key = (
            runner.invoke(app, ["users", "token", "fuzzer", "--db", db])
            .stdout.strip()
            .splitlines()[-1]
        )
        with serving(home, db) as base:
            yield base, key
    finally:
        os.environ.pop("INTERDICT_HOME", None)


def test_no_server_error_and_every_response_fits_its_schema(
    served: tuple[str, str], tmp_path: Path
) -> None:
    base, key = served
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "run",
        f"{base}/openapi.json",
        "--checks",
        "not_a_server_error,response_schema_conformance",
        "--header",
        f"Authorization: Bearer {key}",
        "--max-examples",
        "20",
        "--workers",
        "1",
        "--seed",
        "1",
    ]
    # schemathesis keeps a crash cache in its working directory: keep it out of the tree.
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=600, check=False, cwd=tmp_path
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
