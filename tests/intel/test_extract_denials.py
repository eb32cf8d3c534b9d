"""Licence denials: what a cable reports as refused, by whom, when, for where, and what it
does not report (a denial that would, may or did not happen)."""

from __future__ import annotations

from importlib.resources import as_file, files

import pytest
from extract_helpers import cable_of, cited, party
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interdict.cables.pipeline import parse_paths
from interdict.cables.record import Cable, Recipient
from interdict.intel.extract import extract_cable
from interdict.intel.ids import denial_id
from interdict.intel.records import Denial, Extraction


def denials(*texts: str, to: tuple[str, ...] = (), origin: str | None = None) -> list[Denial]:
    """The denials of a cable made of ``texts``, sent for action to the posts ``to``."""
    cable = cable_of(*texts).model_copy(
        update={"to": [Recipient(address=address) for address in to], "origin": origin}
    )
    return extract_cable(cable).denials


def one(*texts: str, to: tuple[str, ...] = (), origin: str | None = None) -> Denial:
    [found] = denials(*texts, to=to, origin=origin)
    return found


@pytest.fixture(scope="module")
def seed() -> Extraction:
    with as_file(files("interdict.data") / "cables" / "09STATE29395.txt") as path:
        [cable] = [record for record in parse_paths([path]) if isinstance(record, Cable)]
    return extract_cable(cable)


# -- the seed -------------------------------------------------------------------------------


def test_the_seed_reports_one_denial_by_spain_in_january_2007(seed: Extraction) -> None:
    [denial] = seed.denials
    assert denial.record == "denial"
    assert (denial.authority, denial.date, denial.destination) == ("ES", "2007-01", "IR")
    assert "milling machine" in denial.item
    assert denial.item == "similar milling machine"
    assert (denial.entries, denial.end_user, denial.reason) == ([], None, None)


def test_the_seed_denial_cites_paragraphs_2_and_5(seed: Extraction) -> None:
    [denial] = seed.denials
    assert cited(denial) == [("2", 0), ("5", 1)]
    assert "denied by Spanish authorities in January 2007" in denial.provenance[0].text
    assert denial.provenance[1].text.startswith("In January 2009, you informed us")
    assert denial.provenance[1].marking is not None
    assert denial.provenance[1].marking.rel_to == ("SPAIN",)


def test_the_seed_denial_id_is_its_cable_and_key(seed: Extraction) -> None:
    [denial] = seed.denials
    assert denial.id == denial_id("09STATE29395", "ES", "2007-01", "milling machine")


# -- the phrasings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "authority", "date", "item", "destination"),
    [
        (
            "A license for a similar milling machine had been denied by Spanish authorities in "
            "January 2007.",
            "ES",
            "2007-01",
            "similar milling machine",
            None,
        ),
        (
            "The German government refused an export license for a CNC lathe to Iran in 2008.",
            "DE",
            "2008",
            "CNC lathe",
            "IR",
        ),
        ("BAFA denied the application.", "DE", None, "", None),
        ("The licence application was rejected.", None, None, "", None),
        (
            "THE GERMAN GOVERNMENT REFUSED AN EXPORT LICENSE FOR A CNC LATHE TO IRAN IN 2008.",
            "DE",
            "2008",
            "CNC LATHE",
            "IR",
        ),
        (
            "The Turkish government refused to issue a license for the shipment of gyroscopes to "
            "Syria in June 2009.",
            "TR",
            "2009-06",
            "gyroscopes",
            "SY",
        ),
        (
            "METI declined to grant an export license for carbon fiber in 2006.",
            "JP",
            "2006",
            "carbon fiber",
            None,
        ),
        (
            "Maquinaria CME was denied an export licence for a lathe in 2007.",
            None,
            "2007",
            "lathe",
            None,
        ),
        (
            "The Dutch export control authority has denied an export license for power plant "
            "turbine blades destined for Iran.",
            "NL",
            None,
            "power plant turbine blades",
            "IR",
        ),
        (
            "In April 2006, Germany denied a request by the firm to export environmental chambers "
            "to Syria.",
            "DE",
            "2006-04",
            "environmental chambers",
            "SY",
        ),
    ],
)
def test_each_phrasing_alone(
    text: str, authority: str | None, date: str | None, item: str, destination: str | None
) -> None:
    denial = one(text)
    assert (denial.authority, denial.date, denial.item, denial.destination) == (
        authority,
        date,
        item,
        destination,
    )
    assert [source.text for source in denial.provenance] == [text]


@pytest.mark.parametrize(
    "text",
    [
        "The license would be denied.",
        "Spain may deny the license.",
        "The licence will be refused.",
        "A license for a lathe could have been refused in 2007.",
        "The license was not denied.",
        "The license wasn't denied.",
        "Spain did not deny the license.",
        "Spain has never refused an export licence for a lathe.",
        "No license was denied in 2007.",
        "If the license is denied, the company will appeal.",
        "Officials asked whether a license for a lathe had been denied.",
        "Post recommends that the license be denied.",
        "Licences for lathes are denied when the end user is unknown.",
        "There is no indication that a license was denied.",
        "Officials denied that a license for a lathe had been refused in 2007.",
        "Spain rejected the proposal.",
        "Her visa application was rejected.",
        "The bank rejected the application.",
        "The minister declined to comment on the license.",
    ],
)
def test_what_is_no_report_of_a_denial(text: str) -> None:
    assert denials(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The license for a lathe was subsequently denied by BAFA in May 2007.",
        "Officials did not dispute that a license for a lathe had been denied in 2007.",
        "If asked, say that a license for a lathe was denied in 2007.",
        "The firm had not exported lathes since 2006, and a license for a lathe was denied.",
        "A license for a lathe was reportedly denied in 2007.",
    ],
)
def test_what_is_still_a_report(text: str) -> None:
    assert len(denials(text)) == 1


# -- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "date"),
    [
        ("in 2007", "2007"),
        ("in January 2007", "2007-01"),
        ("in Sept. 2007", "2007-09"),
        ("on 12 March 2008", "2008-03-12"),
        ("on March 12, 2008", "2008-03-12"),
        ("on 31 February 2008", "2008-02"),
        ("in early 2006", "2006"),
        ("since 2006", None),
        ("", None),
    ],
)
def test_date_forms(when: str, date: str | None) -> None:
    assert one(f"A license for a lathe was denied by BAFA {when}.".replace("  ", " ")).date == date


def test_a_date_before_the_verb_in_its_clause() -> None:
    assert one("In April 2006, Germany denied a license for a lathe.").date == "2006-04"


def test_the_date_of_the_report_is_not_the_date_of_the_denial() -> None:
    denial = one("In January 2009, Spain informed us that a license for a lathe had been denied.")
    assert denial.date is None


# -- who denied it --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "authority"),
    [
        ("German officials refused a license for a lathe.", "DE"),
        ("The Government of Spain denied a license for a lathe.", "ES"),
        ("A license for a lathe was rejected by the Government of Japan.", "JP"),
        ("Spain's export control authorities denied a license for a lathe.", "ES"),
        ("The Dutch denied the license for the lathe.", "NL"),
        ("The Export Control Organisation refused a licence for a lathe.", "GB"),
        ("The FRG's Federal Export Office (Bundesausfuhramt, BAW) has denied a license.", "DE"),
        ("Spain, however, denied the license for the lathe.", "ES"),
        ("At the request of Iran, the authorities denied a license for a lathe.", None),
        ("Spain informed us that a license for a lathe had been denied.", None),
        ("A license for a lathe had been denied in 2007.", None),
    ],
)
def test_authority_from_the_words_that_name_it(text: str, authority: str | None) -> None:
    denial = one(text)
    assert denial.authority == authority
    assert denial.destination is None  # the reporter, the requester are no destination


MADRID = ("AMEMBASSY MADRID",)


@pytest.mark.parametrize(
    "text",
    [
        "Your authorities denied a license for a lathe in 2007.",
        "Your government refused an export license for a lathe in 2007.",
        "You denied a license for a lathe in 2007.",
        "In 2009, you informed us that a license for a lathe had been denied in 2007.",
        "We now want to note that the GOS denied a license for a lathe in 2007.",
    ],
)
def test_authority_from_the_addressee(text: str) -> None:
    assert one(text, to=MADRID).authority == "ES"


@pytest.mark.parametrize(
    "to",
    [(), ("SECSTATE WASHDC",), ("AMEMBASSY MADRID", "AMEMBASSY BERLIN")],
)
def test_you_names_no_government_without_one_post_abroad(to: tuple[str, ...]) -> None:
    assert one("Your authorities denied a license for a lathe in 2007.", to=to).authority is None


def test_a_host_government_abbreviation_fits_the_origin() -> None:
    text = "The GOT refused a license for a lathe in 2007."
    assert one(text, origin="Embassy Ankara").authority == "TR"
    assert one(text, to=MADRID).authority is None  # Spain is not T
    assert one("The GOI denied a license for a lathe.", to=MADRID).authority is None


def test_an_unaddressed_passive_stays_unknown_in_a_cable_to_a_post() -> None:
    assert one("A license for a lathe had been denied in 2007.", to=MADRID).authority is None


# -- goods, destination, end user, entries, reason ------------------------------------------


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("BAFA denied a license to export two lathes to a Cypriot trading company.", "CY"),
        ("BAFA denied a license for lathes for an Iranian end user.", "IR"),
        ("BAFA denied a license for lathes destined for Iran.", "IR"),
        ("BAFA denied a license for lathes for Spain, for export to Syria.", "SY"),
        ("German officials told us that BAFA denied a license for lathes.", None),
    ],
)
def test_destination(text: str, destination: str | None) -> None:
    assert one(text).destination == destination


def test_the_end_user_is_a_party_of_the_cable() -> None:
    text = (
        "A license for the export of centrifuges to the Iranian end user Kalaye Electric "
        "Company was denied by Germany in 2005."
    )
    extraction = extract_cable(cable_of(text))
    [denial] = extraction.denials
    assert denial.end_user == party(extraction, "Kalaye Electric Company").id
    assert (denial.authority, denial.destination, denial.item) == ("DE", "IR", "centrifuges")


def test_control_list_entries_are_kept_in_order() -> None:
    denial = one(
        "German officials refused a license for 2B201 machine tools and 9A101 engines for export "
        "to Iran on 12 March 2008."
    )
    assert denial.entries == ["2B201", "9A101"]
    assert (denial.authority, denial.date, denial.destination) == ("DE", "2008-03-12", "IR")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "BAFA denied a license for a lathe because the end user was linked to the missile "
            "program (Ref B).",
            "the end user was linked to the missile program",
        ),
        (
            "BAFA denied a license for a lathe on the grounds that it could be diverted.",
            "it could be diverted",
        ),
        (
            "BAFA denied a license for a lathe due to diversion concerns, and the firm appealed.",
            "diversion concerns",
        ),
        (
            "Because of diversion concerns, BAFA denied a license for a lathe.",
            "diversion concerns",
        ),
        ("BAFA denied a license for a lathe.", None),
    ],
)
def test_reason(text: str, reason: str | None) -> None:
    assert one(text).reason == reason


def test_the_portion_goods_stand_for_the_application() -> None:
    first = "Ak Makina sought a five-axis milling machine from Maquinaria CME."
    denial = one(f"{first} BAFA denied the application.")
    assert denial.item == "five-axis milling machine"
    assert cited(denial) == [("1", 0)]


# -- one denial, reported twice -------------------------------------------------------------

P1 = "A license for a similar milling machine had been denied by Spanish authorities in 2007."
P2 = "Spain told us that Spanish officials had refused a license for a milling machine in 2007."


def test_the_same_denial_in_two_portions_is_one_record() -> None:
    denial = one(P1, "Ak Makina sought a lathe.", P2)
    assert cited(denial) == [("1", 0), ("3", 0)]
    assert denial.item == "similar milling machine"


def test_different_dates_are_different_denials() -> None:
    found = denials(P1, P2.replace("2007", "2008"))
    assert [(d.date, cited(d)) for d in found] == [("2007", [("1", 0)]), ("2008", [("2", 0)])]
    assert len({d.id for d in found}) == 2


# -- ids ------------------------------------------------------------------------------------


def test_ids_are_stable_and_do_not_depend_on_position() -> None:
    alone = one(P1)
    assert alone == one(P1)
    assert alone.id == denial_id("09TEST1", "ES", "2007", "milling machine")
    later = one("Ak Makina sought a lathe.", "The talks went well.", P1)
    assert later.id == alone.id
    assert cable_of(P1, reference="09TEST2") != cable_of(P1)
    other = extract_cable(cable_of(P1, reference="09TEST2")).denials[0]
    assert other.id != alone.id  # each cable its own record, as for items


# -- properties -----------------------------------------------------------------------------

AGENTS = [
    ("Spanish authorities", "ES"),
    ("the German government", "DE"),
    ("BAFA", "DE"),
    ("the Government of Japan", "JP"),
    ("licensing officials", None),
]
GOODS = [
    ("a similar milling machine", "milling machine"),
    ("two vacuum pumps", "vacuum pump"),
    ("a CNC lathe", "lathe"),
    ("maraging steel", "maraging steel"),
]
DATES = [
    ("in January 2007", "2007-01"),
    ("in 2008", "2008"),
    ("on 12 March 2008", "2008-03-12"),
    ("", None),
]
# (auxiliaries and verb, whether the sentence reports a denial), by voice.
PASSIVES = [
    ("had been denied", True),
    ("was refused", True),
    ("was subsequently rejected", True),
    ("has been denied", True),
    ("would be denied", False),
    ("may be refused", False),
    ("will be rejected", False),
    ("was not denied", False),
    ("had never been refused", False),
    ("is denied", False),
]
ACTIVES = [
    ("denied", True),
    ("refused", True),
    ("has rejected", True),
    ("had already denied", True),
    ("refused to issue", True),
    ("would deny", False),
    ("may refuse", False),
    ("did not deny", False),
    ("could have denied", False),
    ("will reject", False),
]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    agent=st.sampled_from(AGENTS),
    goods=st.sampled_from(GOODS),
    when=st.sampled_from(DATES),
    statement=st.one_of(
        st.tuples(st.just("passive"), st.sampled_from(PASSIVES)),
        st.tuples(st.just("active"), st.sampled_from(ACTIVES)),
    ),
)
def test_every_phrasing_reads_the_same(
    agent: tuple[str, str | None],
    goods: tuple[str, str],
    when: tuple[str, str | None],
    statement: tuple[str, tuple[str, bool]],
) -> None:
    """Whatever the voice, the agent, the goods and the date, a denial is reported exactly when
    its verb says one happened, and then with the authority, date and goods the words give."""
    voice, (verb, reported) = statement
    who, goods_text, date_text = agent[0], goods[0], f" {when[0]}" if when[0] else ""
    if voice == "passive":
        text = f"A license for {goods_text} {verb} by {who}{date_text}."
    else:
        text = f"{who[0].upper()}{who[1:]} {verb} an export license for {goods_text}{date_text}."
    found = denials(text)
    assert len(found) == (1 if reported else 0), text
    if reported:
        [denial] = found
        assert (denial.authority, denial.date) == (agent[1], when[1]), text
        assert goods[1].split()[-1] in denial.item.lower().rstrip("s"), text
        assert denial.id == denial_id("09TEST1", agent[1], when[1], goods[1])


VERBS = ("denied", "refused", "rejected", "declined")
PIECES = [
    *("a license", "an export licence", "the application", "the request", "authorisation"),
    *("for", "to", "by", "in", "on", "of", "that", "if", "whether", "not", "no", "never"),
    *("was", "were", "had been", "has", "would", "may", "be", "is"),
    *("denied", "refused", "rejected", "declined to issue", "did not dispute that"),
    *("Spanish authorities", "the German government", "BAFA", "the GOS", "you", "your"),
    *("Iran", "an Iranian end user", "Ardalan Machineries Company", "2B201"),
    *("a similar milling machine", "lathes", "January 2007", "12 March 2008", "2007"),
    *(",", ";", ".", "(", ")", "--", "because", "due to"),
]


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25), max_size=3))
def test_any_text_gives_well_formed_cited_denials(paragraphs: list[list[str]]) -> None:
    """On any text the extractor never raises, and every denial cites only sentences with a
    denial verb, dates one the way the schema says, and names countries by their codes."""
    texts = [" ".join(words) for words in paragraphs] or [""]
    for denial in denials(*texts, to=MADRID):
        assert denial.provenance
        for source in denial.provenance:
            assert any(verb in source.text for verb in VERBS), source.text
        assert denial.date is None or len(denial.date) in (4, 7, 10)
        for code in (denial.authority, denial.destination):
            assert code is None or (len(code) == 2 and code.isupper())
        assert denial.authority is None or denial.authority != denial.destination
