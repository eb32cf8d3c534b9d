"""The extractor's rules one at a time, each on a sentence or two written for it."""

from __future__ import annotations

import pytest
from extract_helpers import cited, extract, item, link, links, names, party

from interdict.intel.extract import Gazetteer


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The order went to Aceros Levante, S.A. last year.", "Aceros Levante, S.A."),
        ("Officine Brembo S.p.A. shipped the parts.", "Officine Brembo S.p.A."),
        ("Orion Dynamics LLC placed the order.", "Orion Dynamics LLC"),
        ("The buyer was Bintang Jaya Sdn. Bhd. of Penang.", "Bintang Jaya Sdn. Bhd."),
        ("Shanghai Fenghua Co., Ltd. quoted a price.", "Shanghai Fenghua Co., Ltd."),
        ("Nippon Seiki K.K. declined the order.", "Nippon Seiki K.K."),
        ("Kaveh Machinery Co. placed the order.", "Kaveh Machinery Co."),
        ("Meridian Asia Pte. Ltd. resold the goods.", "Meridian Asia Pte. Ltd."),
        ("The trading company OOO Volgatrans bought it.", "OOO Volgatrans"),
    ],
)
def test_legal_forms_of_many_countries(sentence: str, name: str) -> None:
    assert names(extract(sentence)) == [name]


def test_organisation_nouns_cues_and_acronyms() -> None:
    found = extract(
        "The Defense Industries Organization (DIO) controls the Parchin plant.",
        "The intermediary Sarv Tejarat placed the order. Bank Sepah financed it.",
        "We believe Golestan, a Tehran-based trading firm, is also involved.",
    )
    assert party(found, "DIO").schema_ == "Organization"
    assert party(found, "Sarv Tejarat").schema_ == "LegalEntity"
    assert party(found, "Bank Sepah").schema_ == "Company"
    golestan = party(found, "Golestan")
    assert golestan.schema_ == "Company" and golestan.properties["country"] == ["ir"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("the Spanish company Maquinaria Iberica S.A. sold it", "es"),
        ("the Turkish-based intermediary Ozgur Makina sold it", "tr"),
        ("a tool was sought by Irans Pars Aria Company last year", "ir"),
        ("Jinhua Precision Co., Ltd. of China sold it", "cn"),
        ("Al Safa General Trading LLC, a Dubai-based trading company, sold it", "ae"),
        ("Pars Aria Company (Iran) sold it", "ir"),
        ("Kumho Trading Co. is a South Korean firm", "kr"),
    ],
)
def test_countries_from_what_the_text_says(text: str, country: str) -> None:
    [found] = extract(text[0].upper() + text[1:] + ".").parties
    assert found.properties["country"] == [country]


def test_a_country_in_the_name_alone_is_no_more_than_a_fallback() -> None:
    found = extract(
        "Iran Aircraft Manufacturing Industries bought the parts from Dalian Tooling Co."
    )
    assert party(found, "Iran Aircraft Manufacturing Industries").properties["country"] == ["ir"]
    assert party(found, "Dalian Tooling Co.").properties["country"] == ["cn"]


def test_short_forms_later_in_the_text_are_aliases_with_their_paragraphs() -> None:
    found = extract(
        "The firm Zagros Kala Trading Co. placed the order.",
        "Zagros Kala has done so before.",
        "We have no other information on the weather.",
    )
    zagros = party(found, "Zagros Kala Trading Co.")
    assert zagros.properties["alias"] == ["Zagros Kala"]
    assert cited(zagros) == [("1", 0), ("2", 0)]


def test_persons_by_title_and_by_office() -> None:
    found = extract(
        "Mr. Hamid Reza Tavakkoli, the managing director of Gulf Horizon LLC, is an Iranian "
        "national.",
        "SHIG Director Ahmad Vahidi approved the purchase.",
        "Dr. Chen Wei-ming of Harbin Optics Co. met the buyer.",
    )
    tavakkoli = party(found, "Hamid Reza Tavakkoli")
    assert tavakkoli.schema_ == "Person"
    assert tavakkoli.properties["position"] == ["managing director of Gulf Horizon LLC"]
    assert tavakkoli.properties["country"] == ["ir"]
    assert ("Hamid Reza Tavakkoli", "officer_of", "Gulf Horizon LLC") in links(found)
    # SHIG is not named with any evidence here, so the office stays as written
    assert party(found, "Ahmad Vahidi").properties["position"] == ["SHIG Director"]
    assert party(found, "Chen Wei-ming").schema_ == "Person"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Kaveh Co. is a front company for Sahand Industries.",
            ("Kaveh Co.", "front_for", "Sahand Industries"),
        ),
        (
            "Sahand Industries uses its front company Kaveh Co. for purchases.",
            ("Kaveh Co.", "front_for", "Sahand Industries"),
        ),
        (
            "Kaveh Co. is acting on behalf of Sahand Industries.",
            ("Kaveh Co.", "acts_for", "Sahand Industries"),
        ),
        (
            "Kaveh Co. sold the pumps to Sahand Industries.",
            ("Kaveh Co.", "supplies", "Sahand Industries"),
        ),
        (
            "Sahand Industries bought the pumps from Kaveh Co.",
            ("Kaveh Co.", "supplies", "Sahand Industries"),
        ),
        (
            "Kaveh Co. is owned by Sahand Industries.",
            ("Kaveh Co.", "owned_by", "Sahand Industries"),
        ),
        (
            "Sahand Industries and its subsidiary Kaveh Co. were named.",
            ("Kaveh Co.", "owned_by", "Sahand Industries"),
        ),
        (
            "Kaveh Co., a subsidiary of Sahand Industries, was named.",
            ("Kaveh Co.", "owned_by", "Sahand Industries"),
        ),
        (
            "Kaveh Co. is affiliated with Sahand Industries.",
            ("Kaveh Co.", "associated_with", "Sahand Industries"),
        ),
    ],
)
def test_link_roles_and_direction(sentence: str, expected: tuple[str, str, str]) -> None:
    assert links(extract(sentence)) == {expected}


def test_links_carry_over_conjunctions_and_appositions() -> None:
    found = extract(
        "Kaveh Co. and Arak Tools Co. supplied valves to Sahand Industries.",
        "Tabriz Co., a subsidiary of Sahand Industries, sold pumps to Mashhad Trading Co.",
        "Kish Co. is a front for Sahand Industries and intends to ship the pumps to Qom Co.",
    )
    assert {
        ("Kaveh Co.", "supplies", "Sahand Industries"),
        ("Arak Tools Co.", "supplies", "Sahand Industries"),
        ("Tabriz Co.", "owned_by", "Sahand Industries"),
        ("Tabriz Co.", "supplies", "Mashhad Trading Co."),
        ("Kish Co.", "front_for", "Sahand Industries"),
        ("Kish Co.", "supplies", "Qom Co."),
    } == links(found)


def test_a_new_clause_ends_a_link() -> None:
    found = extract(
        "Kaveh Co., which sold tools to Iran, and Sahand Industries were named.",
        "Kaveh Co. met Sahand Industries but sold nothing.",
    )
    assert links(found) == set()


def test_the_company_refers_back_within_its_portion_only() -> None:
    found = extract(
        "Kaveh Co. is an Iranian firm. The company supplied pumps to Sahand Industries.",
        "The company also supplied valves to Arak Tools Co.",
    )
    supply = link(found, "Kaveh Co.", "supplies", "Sahand Industries")
    assert cited(supply) == [("1", 0)]
    assert supply.provenance[0].text == "The company supplied pumps to Sahand Industries."
    assert ("Kaveh Co.", "supplies", "Arak Tools Co.") not in links(found)


def test_items_model_maker_regimes_and_resolutions() -> None:
    found = extract(
        "Kaveh Co. ordered two model GX-200 gyroscopes manufactured by Nippon Seiki K.K.",
        "The gyroscopes are controlled by the Missile Technology Control Regime.",
        "Such gyroscopes are prohibited under UNSCRs 1737 and 1929 (2010).",
        "Kaveh Co. also sells turbopump rotors and machine tools.",
    )
    [gyroscopes] = found.items
    assert gyroscopes.description == "gyroscopes"
    assert gyroscopes.model == "GX-200"
    assert gyroscopes.manufacturer == party(found, "Nippon Seiki K.K.").id
    assert gyroscopes.regimes == ["mtcr"]
    assert gyroscopes.resolutions == ["1737", "1929"]
    assert cited(gyroscopes) == [("1", 0), ("2", 0), ("3", 0)]
    assert item(found, "GX-200") is gyroscopes


@pytest.mark.parametrize(
    "text",
    [
        "Summary: Spain, Turkey and Iran discussed the case in Madrid and Dubai. End summary.",
        "Begin talking points: Spanish officials told Poloff that the GOS would act.",
        "Reftels described the case. Action request: Post should raise it with the GOT.",
        "The Wassenaar Arrangement, the NSG and the Nuclear Suppliers Group control it.",
        "The UN Security Council and the 1737 Committee discussed ISN/MTR concerns.",
        "The Department asks Embassy Madrid to deliver the points to the Spanish Government.",
        "The shipment left the port of Bandar Abbas for Jebel Ali on a Turkish vessel.",
        "Missile Technology Control Regime partners met in Paris.",
        "According to the Deputy Chief of the General Staff, the company had acted as a front.",
        "An Iranian company and a Dubai trading company were involved.",
        "Customs lacked the legal authority to detain goods in transit.",
        "Washington POC is ISN/MTR John Example (Phone: 202-647-0000).",
        "The declared end user in the UAE was a front for an Iranian buyer.",
        "THE FEDERAL EXPORT OFFICE WILL REQUIRE END-USER CERTIFICATES FOR ALL MACHINE TOOLS.",
    ],
)
def test_what_is_not_a_party(text: str) -> None:
    assert names(extract(text)) == []


def test_a_gazetteer_names_what_the_text_gives_no_evidence_for() -> None:
    gazetteer = Gazetteer.of(
        [
            ("Organization", ["SEPANIR", "SEPANIR OIL AND GAS ENGINEERING CO."]),
            ("Person", ["ALI X"]),
        ]
    )
    text = "Sepanir placed the order with the broker."
    assert names(extract(text)) == []
    found = extract(text, gazetteer=gazetteer)
    assert names(found) == ["Sepanir"]
    assert found.parties[0].schema_ == "Organization"
