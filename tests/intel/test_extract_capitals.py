"""All-capitals cables: where capitals say nothing, acronyms, verbs and offices still do."""

from __future__ import annotations

from extract_helpers import extract, links


def test_a_verb_after_a_legal_form_goes_on_with_the_sentence() -> None:
    found = extract(
        "IN 2007 THE FIRM LIANHE FINE CHEMICALS CO., LTD. SOLD 20 METRIC TONS OF AMMONIUM "
        "PERCHLORATE (PARTICLE SIZE 5-10 MICRONS) TO ARGENT DELTA TRADING LIMITED."
    )
    assert ("LIANHE FINE CHEMICALS CO., LTD.", "supplies", "ARGENT DELTA TRADING LIMITED") in links(
        found
    )


def test_an_acronym_among_other_capitals_is_still_the_acronym() -> None:
    found = extract(
        "THE MARINE INDUSTRIES GROUP (MIG) BUILDS SHIPS. THEY MET REZA TAHERI NASAB, AN MIG "
        "PROCUREMENT OFFICIAL. MIG OFFICIAL ALI KARIMI VISITED BERLIN. OMID RAD IS A FORMER MIG "
        "ENGINEER."
    )
    found_links = links(found)
    assert ("REZA TAHERI NASAB", "officer_of", "MARINE INDUSTRIES GROUP") in found_links
    assert ("ALI KARIMI", "officer_of", "MARINE INDUSTRIES GROUP") in found_links


def test_a_place_in_ing_opens_a_name_in_capitals() -> None:
    found = extract("HENGLI IS A SUBSIDIARY OF LIAONING EASTERN COPPER METALS GROUP.")
    assert "LIAONING EASTERN COPPER METALS GROUP" in [
        p.properties["name"][0] for p in found.parties
    ]
