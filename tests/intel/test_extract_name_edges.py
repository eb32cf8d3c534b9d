"""Names at the edges of what the rules read: organisation nouns in capitals, a verb that ends a
name, a nationality before a name that its initials leave out, a person named by apposition."""

from __future__ import annotations

from extract_helpers import extract, links, names, party


def test_an_organization_named_in_capitals_keeps_its_head_noun() -> None:
    found = extract("THE LATHES WENT TO THE NUCLEAR FUEL ORGANIZATION OF RURITANIA (NFOR).")
    assert names(found) == ["NUCLEAR FUEL ORGANIZATION OF RURITANIA"]
    found = extract("THE FIRM HAD NO LINK TO ANY STRATEGIC ORGANIZATION.")
    assert names(found) == []


def test_a_capitalised_verb_can_end_a_name_in_mixed_case() -> None:
    found = extract("Kavir bought the valves from Lakeside Industrial Supply, a distributor.")
    assert names(found) == ["Lakeside Industrial Supply"]


def test_a_nationality_the_acronym_leaves_out_is_not_part_of_the_name() -> None:
    found = extract(
        "TABESH KALA CO. IS A SUBORDINATE OF THE IRANIAN MARINE INDUSTRIES ORGANIZATION (MIO)."
    )
    assert "MARINE INDUSTRIES ORGANIZATION" in names(found)
    assert party(found, "MIO").properties["country"] == ["ir"]
    assert ("TABESH KALA CO.", "owned_by", "MARINE INDUSTRIES ORGANIZATION") in links(found)


def test_a_person_named_with_a_nationality_or_an_office_in_apposition() -> None:
    found = extract(
        "Reza Tehrani Moghadam, an Iranian national, ordered the valves. Omid Karimi Nasab, "
        "a Tabesh Kala Co. procurement official, paid for them."
    )
    assert party(found, "Reza Tehrani Moghadam").schema_ == "Person"
    assert party(found, "Reza Tehrani Moghadam").properties["country"] == ["ir"]
    assert ("Omid Karimi Nasab", "officer_of", "Tabesh Kala Co.") in links(found)


def test_a_bracketed_acronym_of_another_language_is_an_alias() -> None:
    found = extract(
        "Kavir Sanat Co. procures for Iran Rotor Technology Company (TESA). Kavir Sanat Co. is "
        "a front for TESA."
    )
    assert party(found, "TESA").properties["name"] == ["Iran Rotor Technology Company"]
    assert ("Kavir Sanat Co.", "front_for", "Iran Rotor Technology Company") in links(found)


def test_behalf_is_no_word_of_a_name_in_capitals() -> None:
    found = extract("ZEENAT TRADERS MAY HAVE BEEN ACTING ON BEHALF OF KHAN RESEARCH LABORATORIES.")
    assert "KHAN RESEARCH LABORATORIES" in names(found)


def test_a_latin_abbreviation_is_no_legal_form() -> None:
    found = extract("Sales to countries of concern (Iraq, e.g. and Libya) were stopped.")
    assert names(found) == []


def test_officials_of_other_governments_named_with_their_office() -> None:
    found = extract(
        "PolOff met MFA Department of Arms Control Director General Chen Jianhua on May 3.",
        "He later saw the Azerbaijani Minister of Transportation Elnur Kazimov.",
        "The case concerns Russian crime boss Pavel Rogozin.",
    )
    assert {"Chen Jianhua", "Elnur Kazimov", "Pavel Rogozin"} <= set(names(found))
    assert party(found, "Elnur Kazimov").properties["country"] == ["az"]


def test_a_person_named_with_an_office_in_apposition() -> None:
    found = extract(
        "In 2005 we met Anatoli Vorontsov, MFA Director for Disarmament, in Moscow.",
        "Kavir Sanat Co., Director of the plant, was absent.",
    )
    assert party(found, "Anatoli Vorontsov").schema_ == "Person"
    assert party(found, "Kavir Sanat Co.").schema_ == "Company"
