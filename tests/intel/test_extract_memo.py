"""What is remembered from one cable to the next: only what a sentence's text alone decides."""

from __future__ import annotations

import gc

from extract_helpers import cable_of, extract, links, names

from interdict.intel.extract import extract_cable


def test_the_same_cable_twice_gives_the_same_facts() -> None:
    text = (
        "Kavir Sanat Co., which is owned by Reza Moghadam, an Iranian national, ordered two "
        "lathes from Orvieto Macchine S.p.A. The company is a front for the Sanam Industrial Group."
    )
    assert extract(text) == extract(text)


def test_a_repeated_sentence_is_read_with_its_own_cable() -> None:
    shared = "Ak Makina and Ardalan Machineries Company signed a contract."
    alone = extract(shared)
    known = extract("The firm Ak Makina sold it.", shared)
    again = extract(shared)
    assert names(alone) == names(again) == ["Ak Makina and Ardalan Machineries Company"]
    assert names(known) == ["Ak Makina", "Ardalan Machineries Company"]
    assert ("Ak Makina", "associated_with", "Ardalan Machineries Company") in links(known)


def test_the_collector_is_left_as_it_was() -> None:
    cable = cable_of("Kavir Sanat Co. ordered two lathes.")
    extract_cable(cable)
    assert gc.isenabled()
    gc.disable()
    try:
        extract_cable(cable)
        assert not gc.isenabled()
    finally:
        gc.enable()
