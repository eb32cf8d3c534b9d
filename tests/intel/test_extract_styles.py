"""Extraction from cables in the styles the corpus has, one fixture each, checked field by field.

* ``98ANKARA4471``: a 1998 embassy report, all capitals, hard-wrapped, Turkish
  "Ltd. Sti." and German "GmbH", a person by title and office.
* ``06STATE77120``: a mixed-case State cable with a Summary, Malaysian "Sdn. Bhd.",
  Japanese "K.K.", a person by office, "the company", a REL MALAYSIA portion.
* ``10STATE33015``: Cablegate possessives without the apostrophe ("Chinas",
  "Irans"), a bracketed short form, an a.k.a., inline "--" bullets, a REL banner.
"""

from __future__ import annotations

from extract_helpers import cited, item, link, links, names, party, read_fixture

from interdict.intel.extract import extract_cable
from interdict.model.markings import Level


def test_all_capitals_report() -> None:
    found = extract_cable(read_fixture("98ANKARA4471.txt"))
    assert names(found) == [
        "ORKIDE DIS TICARET LTD. STI.",
        "NORDWERK PRAEZISION GMBH",
        "PARSIAN AVIONICS COMPANY",
        "SABALAN ELECTRONICS INDUSTRIES GROUP",
        "KEMAL ARSLAN",
    ]
    orkide = party(found, "ORKIDE DIS TICARET")
    assert orkide.schema_ == "Company"
    assert orkide.properties["country"] == ["tr"]  # "AN ISTANBUL-BASED BROKER, ORKIDE ..."
    assert cited(orkide) == [("1", 0), ("2", 0), ("3", 0)]
    assert party(found, "PARSIAN AVIONICS COMPANY").properties["country"] == ["ir"]
    assert party(found, "SEIG").properties["name"] == ["SABALAN ELECTRONICS INDUSTRIES GROUP"]
    arslan = party(found, "KEMAL ARSLAN")
    assert arslan.schema_ == "Person"
    assert arslan.properties["position"] == ["general manager of ORKIDE DIS TICARET"]
    assert links(found) == {
        ("ORKIDE DIS TICARET LTD. STI.", "acts_for", "PARSIAN AVIONICS COMPANY"),
        ("PARSIAN AVIONICS COMPANY", "owned_by", "SABALAN ELECTRONICS INDUSTRIES GROUP"),
        ("KEMAL ARSLAN", "officer_of", "ORKIDE DIS TICARET LTD. STI."),
    }
    gyroscopes = item(found, "GYROSCOPES")
    assert gyroscopes.model == "GX-40"
    assert gyroscopes.manufacturer == party(found, "NORDWERK PRAEZISION GMBH").id
    assert gyroscopes.regimes == ["mtcr"]
    assert gyroscopes.provenance[0].marking is not None
    assert gyroscopes.provenance[0].marking.level is Level.C


def test_mixed_case_demarche() -> None:
    found = extract_cable(read_fixture("06STATE77120.txt"))
    bintang = party(found, "Bintang Teknik")
    assert bintang.properties == {
        "name": ["Bintang Teknik Sdn. Bhd."],
        "alias": ["Bintang Teknik"],
        "country": ["my"],
    }
    assert cited(bintang) == [("2", 0), ("3", 0), ("5", 1)]
    assert party(found, "Hoshino Keiki K.K.").properties["country"] == ["jp"]
    nerc = party(found, "NERC")
    assert nerc.properties["name"] == ["Novin Energy Research Center"]
    assert party(found, "AEOI").properties["name"] == ["Atomic Energy Organization of Iran"]
    karimi = party(found, "Reza Karimi")
    assert karimi.properties["country"] == ["ir"]  # "an Iranian national"
    assert karimi.properties["alias"] == ["Karimi"]
    assert karimi.properties["position"] == ["managing director of Bintang Teknik"]
    assert {
        ("Hoshino Keiki K.K.", "supplies", "Bintang Teknik Sdn. Bhd."),
        ("Bintang Teknik Sdn. Bhd.", "acts_for", "Novin Energy Research Center"),
        ("Bintang Teknik Sdn. Bhd.", "owned_by", "Reza Karimi"),
        ("Reza Karimi", "officer_of", "Bintang Teknik Sdn. Bhd."),
        ("Reza Karimi", "acts_for", "Novin Energy Research Center"),
        ("Novin Energy Research Center", "owned_by", "Atomic Energy Organization of Iran"),
        ("Bintang Teknik Sdn. Bhd.", "acts_for", "Cahaya Freight Services"),
        ("Bintang Teknik Sdn. Bhd.", "supplies", "Novin Energy Research Center"),
        ("Cahaya Freight Services", "supplies", "Novin Energy Research Center"),
    } == links(found)
    # "The company also acts on behalf of Cahaya Freight Services": the company is Bintang Teknik
    assert cited(link(found, "Bintang Teknik", "acts_for", "Cahaya Freight Services")) == [("5", 1)]
    transducers = item(found, "pressure transducers")
    assert transducers.model == "PT-900"
    assert transducers.manufacturer == party(found, "Hoshino Keiki K.K.").id
    assert transducers.regimes == ["nsg"]
    assert transducers.resolutions == ["1737", "1747"]
    assert item(found, "vacuum pumps").model is None


def test_possessives_without_apostrophe_and_bullets() -> None:
    found = extract_cable(read_fixture("10STATE33015.txt"))
    huaxin = party(found, "Huaxin")
    assert huaxin.properties["name"] == ["Huaxin Precision Machinery Import and Export Co., Ltd."]
    assert huaxin.properties["country"] == ["cn"]  # "Chinas Huaxin ... of Dalian"
    crescent = party(found, "Golden Crescent")
    assert crescent.properties == {
        "name": ["Golden Crescent General Trading LLC"],
        "alias": ["Golden Crescent", "Crescent Star Trading"],
        "country": ["ae"],
    }
    assert party(found, "AIO").properties["country"] == ["ir"]
    supply = link(found, "Huaxin", "supplies", "Golden Crescent")
    assert cited(supply) == [("2", 0), ("3", 1)]
    assert supply.provenance[1].text == (
        "Huaxin shipped the machining centers to Golden Crescent in January 2010."
    )
    marking = supply.provenance[1].marking
    assert marking is not None and marking.rel_to == ("CHINA", "UAE")
    assert (
        "Golden Crescent General Trading LLC",
        "front_for",
        "Aerospace Industries Organization",
    ) in links(found)
    assert ("Dalian Huaxin Tooling Co., Ltd.", "owned_by", huaxin.properties["name"][0]) in links(
        found
    )
    centers = item(found, "machining centers")
    assert centers.regimes == ["wassenaar"]
    assert cited(centers) == [("2", 0), ("3", 1)]
