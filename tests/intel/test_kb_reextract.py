"""Cables stored by `cables ingest`, or extracted by an older extractor, are extracted by
`intel ingest` without a path; `db status` says when that is needed."""

from __future__ import annotations

import json
from pathlib import Path

from kb_helpers import runner
from sqlalchemy import create_engine, update

from interdict.cli import app
from interdict.intel.records import EXTRACTION_VERSION
from interdict.store.schema import cables
from interdict.store.url import parse_url

SEED = Path(__file__).parents[2] / "interdict" / "data" / "cables" / "09STATE29395.txt"


def status(url: str) -> dict[str, object]:
    result = runner.invoke(app, ["db", "status", "--db", url, "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_stored_cables_are_extracted_later(home: Path, store_url: str) -> None:
    assert runner.invoke(app, ["cables", "ingest", str(SEED), "--db", store_url]).exit_code == 0
    assert status(store_url)["extracted"] == 0
    assert runner.invoke(app, ["intel", "show", "Ardalan", "--db", store_url]).exit_code == 2
    done = runner.invoke(app, ["intel", "ingest", "--db", store_url])
    assert done.exit_code == 0, done.output
    assert "facts extracted from 1 stored cables" in done.stdout
    assert status(store_url)["extracted"] == 1
    shown = runner.invoke(app, ["intel", "show", "Ardalan", "--db", store_url])
    assert shown.exit_code == 0 and "front_for" in shown.stdout


def test_an_older_extraction_is_reported_and_redone(home: Path, store_url: str) -> None:
    assert runner.invoke(app, ["intel", "ingest", str(SEED), "--db", store_url]).exit_code == 0
    engine = create_engine(parse_url(store_url, "--db"))
    with engine.begin() as connection:
        connection.execute(update(cables).values(extracted_with=EXTRACTION_VERSION - 1))
    engine.dispose()
    assert status(store_url)["outdated"] == 1
    text = runner.invoke(app, ["db", "status", "--db", store_url]).stdout
    assert "1 extracted by an older Interdict: run 'interdict intel ingest'" in text
    again = runner.invoke(app, ["intel", "ingest", "--db", store_url])
    assert "facts extracted from 1 stored cables" in again.stdout
    assert status(store_url)["outdated"] == 0
    nothing = runner.invoke(app, ["intel", "ingest", "--db", store_url])
    assert "facts extracted from 0 stored cables" in nothing.stdout
