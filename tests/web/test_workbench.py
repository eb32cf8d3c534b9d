"""The workbench end to end in Debian's headless Chromium, driven by Playwright.

Set INTERDICT_SCREENSHOTS=docs/screenshots to refresh the screenshots kept in the docs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from live import serving
from typer.testing import CliRunner

from interdict.cli import app

runner = CliRunner()
ROOT = Path(__file__).parents[2]
SEED = ROOT / "interdict" / "data" / "cables" / "09STATE29395.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = os.environ.get("INTERDICT_SCREENSHOTS")

if CHROMIUM is None and os.environ.get("CI"):
    raise RuntimeError("CI: Debian's chromium is required for the workbench tests")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")


def _sentences(number: str) -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    found = re.search(rf"¶{number}\. \(\w+\) (.*?)(?=\n¶|\Z)", text, re.S)
    assert found is not None
    body = " ".join(found.group(1).split())
    return [s for s in re.split(r"(?<=[.)])\s+(?=[A-Z])", body) if len(s) > 40]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    home = tmp_path_factory.mktemp("web") / "home"
    db = f"sqlite:///{home.parent / 'store.sqlite'}"
    os.environ["INTERDICT_HOME"] = str(home)
    keys = {}
    try:
        assert runner.invoke(app, ["intel", "ingest", str(SEED), "--db", db]).exit_code == 0
        for name, country in (("us-analyst", "US"), ("es-officer", "ES")):
            added = runner.invoke(
                app,
                [
                    "users",
                    "add",
                    name,
                    "--clearance",
                    "S",
                    "--country",
                    country,
                    "--role",
                    "officer",
                    "--db",
                    db,
                ],
            )
            assert added.exit_code == 0, added.output
            keys[name] = (
                runner.invoke(app, ["users", "token", name, "--db", db])
                .stdout.strip()
                .splitlines()[-1]
            )
        with serving(home, db) as base:
            yield base, keys
    finally:
        os.environ.pop("INTERDICT_HOME", None)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
        )
        yield launched
        launched.close()


def _signed_in(browser: object, base: str, key: str) -> object:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(f"{base}/ui/signin")
    page.fill("#key", key)
    page.click("#signin")
    page.wait_for_url(f"{base}/ui/screen")
    return page


def _shot(page: object, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def test_a_failed_sign_in_says_so_and_sets_no_cookie(
    site: tuple[str, dict[str, str]], browser: object
) -> None:
    base, _ = site
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(f"{base}/ui/signin")
    page.fill("#key", "idk_nope_nope")
    page.click("#signin")
    assert "does not open Interdict" in page.inner_text("#error")
    assert page.context.cookies() == []
    page.goto(f"{base}/ui/screen")
    assert page.url.endswith("/ui/signin")
    _shot(page, "signin")


def test_sign_in_and_a_screening_that_finds_shig(
    site: tuple[str, dict[str, str]], browser: object
) -> None:
    base, keys = site
    page = _signed_in(browser, base, keys["us-analyst"])
    cookie = page.context.cookies()[0]
    assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Strict"
    page.fill("#name", "Shahid Hemmat Industrial Group")
    page.click("#screen")
    first = page.locator("#results .result").first
    assert "SHAHID HEMMAT INDUSTRIAL GROUP" in first.inner_text()
    assert page.inner_text("#banner-top") == page.inner_text("#banner-bottom")
    _shot(page, "screening")


def test_the_golden_case_through_the_form(
    site: tuple[str, dict[str, str]], browser: object
) -> None:
    base, keys = site
    page = _signed_in(browser, base, keys["us-analyst"])
    case = yaml.safe_load((ROOT / "examples" / "cases" / "fs1-ardalan.yaml").read_text())
    case["item"] = yaml.safe_load((ROOT / "examples" / "items" / "fs1.yaml").read_text())
    page.goto(f"{base}/ui/cases/new")
    page.fill("#case", yaml.safe_dump(case, allow_unicode=True))
    page.click("#assess")
    assert page.inner_text("#outcome").startswith("prohibited")
    assert page.inner_text("#recommendation") == "deny"
    assert page.inner_text("#banner-top") == "SECRET"
    _shot(page, "assessment")


def test_the_cable_viewer_as_the_spanish_officer_never_sends_paragraphs_2_to_4(
    site: tuple[str, dict[str, str]], browser: object
) -> None:
    base, keys = site
    page = _signed_in(browser, base, keys["es-officer"])
    page.goto(f"{base}/ui/cables/09STATE29395")
    source = " ".join(page.content().split())
    assert "acting as a false end-user in its dealings with Ak Makina" in source
    for number in "234":
        for sentence in _sentences(number):
            assert " ".join(sentence.split()) not in source
    assert page.inner_text("#banner-top") == "SECRET//REL TO USA, ESP"
    assert page.locator(".paragraph").count() == 4
    _shot(page, "cable-es-officer")
    page.goto(f"{base}/ui/entities/Ardalan Machineries")
    assert "Shahid Hemmat" in page.content()
    _shot(page, "entity-es-officer")


def test_a_batch_upload_shows_progress_and_offers_the_results(
    site: tuple[str, dict[str, str]], browser: object, tmp_path: Path
) -> None:
    base, keys = site
    page = _signed_in(browser, base, keys["us-analyst"])
    upload = tmp_path / "parties.csv"
    upload.write_text(
        "id,name,country\n1,Shahid Hemmat Industrial Group,IR\n2,Ardalan Machineries Company,IR\n"
        "3,,\n4,Maquinaria CME,ES\n",
        encoding="utf-8",
    )
    page.set_input_files("#upload", str(upload))
    page.click("#batch")
    page.wait_for_selector("#finished", timeout=30000)
    assert page.get_attribute("#progress", "value") == "4"
    assert "1 with problems" in page.content()
    _shot(page, "batch")
    link = page.get_attribute("#download", "href")
    reply = page.request.get(f"{base}{link}")
    lines = [json.loads(line) for line in reply.text().splitlines()]
    assert [line.get("id") for line in lines] == ["1", "2", "3", "4"]
    assert lines[0]["matches"][0]["entity_id"] == "unsc-ire-067"
    assert "error" in lines[2]
    assert reply.headers["x-classification"] == "SECRET"


def _golden_fields(page: object) -> None:
    """The golden case's exporter, parties and route, written into the field-by-field form."""
    page.fill("#f-exporter", "Maquinaria CME, S.A.")
    page.fill("#f-exporter-country", "ES")
    page.select_option("#f-role-0", "consignee,intermediary")
    page.fill("#f-name-0", "Ak Makina")
    page.fill("#f-country-0", "TR")
    page.select_option("#f-role-1", "end_user")
    page.fill("#f-name-1", "Ardalan Machineries Company")
    page.fill("#f-country-1", "IR")
    page.fill("#f-destination", "TR")
    page.fill("#f-final", "IR")


def test_the_golden_case_field_by_field(site: tuple[str, dict[str, str]], browser: object) -> None:
    base, keys = site
    page = _signed_in(browser, base, keys["es-officer"])
    page.goto(f"{base}/ui/cases/new")
    page.fill("#f-reference", "ES-2009-0042")
    _golden_fields(page)
    page.fill("#f-end-use", "Production of machine parts")
    page.fill("#f-item", (ROOT / "examples" / "items" / "fs1.yaml").read_text(encoding="utf-8"))
    page.click("#f-assess")
    assert page.inner_text("#outcome").startswith("prohibited")
    assert page.inner_text("#recommendation") == "deny"
    assert page.inner_text("#banner-top") == "SECRET//REL TO USA, ESP"
    source = " ".join(page.content().split())
    assert "¶3" not in source and "¶5" in source
    page.goto(f"{base}/ui/cases/new")
    page.select_option("#f-role-0", "end_user")
    page.fill("#f-name-0", "X")
    page.click("#f-assess")
    assert "exporter" in page.inner_text("#error")


def _answer(page: object, facts: dict[str, object]) -> int:
    """Answer every question on the page that the facts hold; how many were answered."""
    page.eval_on_selector_all("details", "all => all.forEach(d => { d.open = true; })")
    answered = 0
    for name, value in facts.items():
        key = f"p.{name}"
        if isinstance(value, list) and value and isinstance(value[0], dict):
            if page.query_selector(f'[name="{key}.0.name"]') is None:
                continue
            for row, axis in enumerate(value):
                for field, cell in axis.items():
                    page.fill(f'[name="{key}.{row}.{field}"]', str(cell))
        elif page.query_selector(f'[name="{key}"]') is None:
            continue
        elif isinstance(value, list):
            for tick in value:
                page.check(f'[name="{key}"][value="{tick}"]')
        elif isinstance(value, bool):
            page.select_option(f'[name="{key}"]', "yes" if value else "no")
        elif page.get_attribute(f'[name="{key}"]', "type") is None and page.query_selector(
            f'select[name="{key}"]'
        ):
            page.select_option(f'[name="{key}"]', str(value))
        else:
            page.fill(f'[name="{key}"]', str(value))
        answered += 1
    return answered


def test_an_item_classified_question_by_question_then_carried_into_the_golden_case(
    site: tuple[str, dict[str, str]], browser: object
) -> None:
    """The officer starts from a name; the page asks, the FS-1's data sheet answers, until the
    machine is listed under 2B201; the item then goes into the case form and the golden case."""
    base, keys = site
    facts = yaml.safe_load((ROOT / "examples" / "items" / "fs1.yaml").read_text("utf-8"))
    page = _signed_in(browser, base, keys["es-officer"])
    page.goto(f"{base}/ui/controls")
    page.fill("#item-name", "FS-1 five-axis milling machine")
    page.click("#classify")
    assert "undetermined" in page.inner_text("#classification")
    first = page.inner_text("#questions")
    assert "Which functions does the machine perform" in first
    _shot(page, "classify-questions")
    rounds = 0
    while "undetermined" in page.inner_text("#classification"):
        rounds += 1
        assert rounds <= 6, page.inner_text("#classification")
        assert _answer(page, facts["parameters"]) > 0, page.inner_text("#questions")
        page.click("#classify")
        assert page.query_selector("#error") is None, page.inner_text("#error")
    assert page.inner_text("#classification").startswith("listed")
    assert "2B201" in page.inner_text(".entry")
    page.click("#to-case")
    carried = yaml.safe_load(page.input_value("#f-item"))
    assert carried["parameters"]["simultaneous_contouring_axes"] == 5
    _golden_fields(page)
    page.click("#f-assess")
    assert page.inner_text("#outcome").startswith("prohibited")


def test_a_wrong_answer_names_the_parameter(
    site: tuple[str, dict[str, str]], browser: object
) -> None:
    base, keys = site
    page = _signed_in(browser, base, keys["es-officer"])
    page.goto(f"{base}/ui/controls")
    page.fill("#item-name", "a lathe")
    page.click("#classify")
    page.eval_on_selector_all("details", "all => all.forEach(d => { d.open = true; })")
    page.fill('[name="p.simultaneous_contouring_axes"]', "five")
    page.click("#classify")
    assert "p.simultaneous_contouring_axes" in page.inner_text("#error")
    assert page.input_value("#item-name") == "a lathe"
