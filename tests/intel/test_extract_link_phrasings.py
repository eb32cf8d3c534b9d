"""Links stated in the many ways reporting states them, and statements that must not link.

Each case is a sentence or two written for the test: passive voice, relative
clauses, appositions, nominalisations, lists of names that share a
relation, "on behalf of" in its several places, references to a party named
in an earlier sentence, and the negations and denials that state no link.
"""

from __future__ import annotations

import pytest
from extract_helpers import extract, links

LINKS = [
    # passive voice, with the agent before or after the other party
    (
        "Two lathes were sold by Orvieto Macchine S.p.A. to Kavir Sanat Co. in May.",
        ("Orvieto Macchine S.p.A.", "supplies", "Kavir Sanat Co."),
    ),
    (
        "Two lathes were offered to Kavir Sanat Co. by Orvieto Macchine S.p.A. in May.",
        ("Orvieto Macchine S.p.A.", "supplies", "Kavir Sanat Co."),
    ),
    (
        "Kavir Sanat Co. was supplied by Orvieto Macchine S.p.A. with two lathes.",
        ("Orvieto Macchine S.p.A.", "supplies", "Kavir Sanat Co."),
    ),
    (
        "The order for two lathes was placed with Orvieto Macchine S.p.A. by Kavir Sanat Co.",
        ("Orvieto Macchine S.p.A.", "supplies", "Kavir Sanat Co."),
    ),
    (
        "The sale was brokered by Delmar Trading LLC for Kavir Sanat Co.",
        ("Delmar Trading LLC", "acts_for", "Kavir Sanat Co."),
    ),
    (
        "Kavir Sanat Co. is used by the Sanam Industrial Group as a procurement front.",
        ("Kavir Sanat Co.", "front_for", "Sanam Industrial Group"),
    ),
    (
        "Kavir Sanat Co. is wholly owned by the Sanam Industrial Group.",
        ("Kavir Sanat Co.", "owned_by", "Sanam Industrial Group"),
    ),
    # relative clauses and appositions between the subject and its verb
    (
        "Kavir Sanat Co., which is controlled by Reza Tehrani Moghadam, an Iranian "
        "national, is acting as a front for the Sanam Industrial Group.",
        ("Kavir Sanat Co.", "front_for", "Sanam Industrial Group"),
    ),
    (
        "Delmar Trading LLC of Dubai, which acts for Kavir Sanat Co., ordered two lathes "
        "from Orvieto Macchine S.p.A.",
        ("Orvieto Macchine S.p.A.", "supplies", "Delmar Trading LLC"),
    ),
    (
        "The cargo was booked by Delmar Trading LLC, a Dubai freight forwarder acting for "
        "Kavir Sanat Co.",
        ("Delmar Trading LLC", "acts_for", "Kavir Sanat Co."),
    ),
    (
        "Delmar Trading LLC, a Dubai firm suspected of procuring on behalf of Kavir Sanat "
        "Co., received the lathes.",
        ("Delmar Trading LLC", "acts_for", "Kavir Sanat Co."),
    ),
    (
        "Delmar Trading LLC handled the shipment on Kavir Sanat Co.'s behalf.",
        ("Delmar Trading LLC", "acts_for", "Kavir Sanat Co."),
    ),
    # nominalisations
    (
        "The purchasing agent for Kavir Sanat Co., Delmar Trading LLC, ordered the lathes.",
        ("Delmar Trading LLC", "acts_for", "Kavir Sanat Co."),
    ),
    (
        "The front company for the Sanam Industrial Group, Kavir Sanat Co., ordered lathes.",
        ("Kavir Sanat Co.", "front_for", "Sanam Industrial Group"),
    ),
    (
        "Kavir Sanat Co.'s role as a front for the Sanam Industrial Group is well known.",
        ("Kavir Sanat Co.", "front_for", "Sanam Industrial Group"),
    ),
    (
        "The Sanam Industrial Group, working through its front Kavir Sanat Co., ordered lathes.",
        ("Kavir Sanat Co.", "front_for", "Sanam Industrial Group"),
    ),
    # lists of names that share one relation
    (
        "Kavir Sanat Co., Delmar Trading LLC and Tabesh Kala Co. are all fronts for the "
        "Sanam Industrial Group.",
        ("Tabesh Kala Co.", "front_for", "Sanam Industrial Group"),
    ),
    (
        "Orvieto Macchine S.p.A. sold lathes to Kavir Sanat Co. and Tabesh Kala Co.",
        ("Orvieto Macchine S.p.A.", "supplies", "Tabesh Kala Co."),
    ),
    # "on behalf of" in its several places
    (
        "On behalf of the Sanam Industrial Group, Kavir Sanat Co. ordered two lathes.",
        ("Kavir Sanat Co.", "acts_for", "Sanam Industrial Group"),
    ),
    (
        "Kavir Sanat Co. may have been acting on behalf of the Sanam Industrial Group.",
        ("Kavir Sanat Co.", "acts_for", "Sanam Industrial Group"),
    ),
    (
        "Kavir Sanat Co. reportedly ordered the lathes on behalf of the Sanam Industrial Group.",
        ("Kavir Sanat Co.", "acts_for", "Sanam Industrial Group"),
    ),
    # trade stated with an order placed
    (
        "Kavir Sanat Co. placed an order for two lathes with Orvieto Macchine S.p.A. in May.",
        ("Orvieto Macchine S.p.A.", "supplies", "Kavir Sanat Co."),
    ),
    # associations
    (
        "Delmar Trading LLC, a sister concern of Kavir Sanat Co., paid for the lathes.",
        ("Delmar Trading LLC", "associated_with", "Kavir Sanat Co."),
    ),
    (
        "In May Delmar Trading LLC and Orvieto Macchine S.p.A. signed a contract for lathes.",
        ("Delmar Trading LLC", "associated_with", "Orvieto Macchine S.p.A."),
    ),
    # longer appositions and relative clauses
    (
        "Kavir Sanat Co., a trading firm in Tabriz, Iran, placed an order with Orvieto Macchine "
        "S.p.A. in May.",
        ("Orvieto Macchine S.p.A.", "supplies", "Kavir Sanat Co."),
    ),
    (
        "Delmar Trading FZE, a firm registered in the Jebel Ali Free Zone that may be acting on "
        "behalf of Kavir Sanat Co., booked the freight.",
        ("Delmar Trading FZE", "acts_for", "Kavir Sanat Co."),
    ),
    (
        "Tabesh Kala Co. is owned by a Swiss holding company, Alpenfirn Holding AG.",
        ("Tabesh Kala Co.", "owned_by", "Alpenfirn Holding AG"),
    ),
    (
        "Tabesh Kala Co. has been supplying Kavir Sanat Co. indirectly, via its Dubai affiliate, "
        "Delmar Trading FZE.",
        ("Delmar Trading FZE", "associated_with", "Tabesh Kala Co."),
    ),
    (
        "Three firms -- Orvieto Macchine S.p.A. of Italy, Vltava Stroje s.r.o. of the Czech "
        "Republic, and Tabesh Kala Co. of Turkey -- each supplied forgings to Kavir Sanat Co.",
        ("Vltava Stroje s.r.o.", "supplies", "Kavir Sanat Co."),
    ),
    (
        "Kavir Sanat Co., a maker of pumps, bought 300 valves (model V-25, 25 mm bore) from "
        "the British firm Ashdown Valves Ltd in May.",
        ("Ashdown Valves Ltd", "supplies", "Kavir Sanat Co."),
    ),
    (
        "The furnaces had been bought by Delmar Trading LLC from a Japanese dealer, Hokuriku "
        "Boeki K.K., in November.",
        ("Hokuriku Boeki K.K.", "supplies", "Delmar Trading LLC"),
    ),
    (
        "The cameras were made by Hokuriku Seiki K.K. and sold to Delmar Trading LLC, a Dubai "
        "trading house.",
        ("Hokuriku Seiki K.K.", "supplies", "Delmar Trading LLC"),
    ),
    (
        "Delmar Trading LLC is reported to have forwarded the cameras to Kavir Sanat Co.",
        ("Delmar Trading LLC", "supplies", "Kavir Sanat Co."),
    ),
    (
        "In May Delmar Trading LLC and the Indian firm Vasant Organics Pvt. Ltd. signed a "
        "contract.",
        ("Delmar Trading LLC", "associated_with", "Vasant Organics Pvt. Ltd."),
    ),
    (
        "The firm Sarv Modern Engineering builds pumps. Sarv Modern Engineerings partner "
        "company, Tabesh Kala Co., is seeking reactors.",
        ("Tabesh Kala Co.", "associated_with", "Sarv Modern Engineering"),
    ),
    (
        "The shipper, Tabesh Kala Co., is a joint venture, 30% owned by the Sanam Industrial "
        "Group.",
        ("Tabesh Kala Co.", "owned_by", "Sanam Industrial Group"),
    ),
    (
        "They set up Delmar Trading LLC in Dubai under the aegis of the Sanam Industrial Group.",
        ("Delmar Trading LLC", "associated_with", "Sanam Industrial Group"),
    ),
    # persons
    (
        "The Sanam Industrial Group, headed by former minister Karim Haddadi, builds missiles.",
        ("Karim Haddadi", "officer_of", "Sanam Industrial Group"),
    ),
    (
        "Tabesh Kala Co. is owned by Lim Boon Keat, a Malaysian national, who also serves as its "
        "managing director.",
        ("Lim Boon Keat", "officer_of", "Tabesh Kala Co."),
    ),
    (
        "The owner and manager of Delmar Trading LLC, Karim Haddadi, is an Iranian national.",
        ("Delmar Trading LLC", "owned_by", "Karim Haddadi"),
    ),
    (
        "The owner and manager of Delmar Trading LLC, Karim Haddadi, is an Iranian national.",
        ("Karim Haddadi", "officer_of", "Delmar Trading LLC"),
    ),
    (
        "Tabesh Kala Co. builds presses. The firm's managing director, Helmut Brandauer, signed "
        "the contract.",
        ("Helmut Brandauer", "officer_of", "Tabesh Kala Co."),
    ),
    (
        "Econoff met Delmar Customs Head of Investigations Saeed Rashid Al Marri on May 5.",
        ("Saeed Rashid Al Marri", "officer_of", "Delmar Customs"),
    ),
    (
        "M/S Delmar Traders bought the valves for Khan Research Laboratories (KRL).",
        ("Delmar Traders", "acts_for", "Khan Research Laboratories"),
    ),
    (
        "Delmar Trading LLC's owner, Mr. Karim Haddadi, met the buyer.",
        ("Delmar Trading LLC", "owned_by", "Karim Haddadi"),
    ),
    (
        "Karim Haddadi, a Delmar Trading LLC procurement official, met the buyer.",
        ("Karim Haddadi", "officer_of", "Delmar Trading LLC"),
    ),
    (
        "Delmar Trading LLC's director, Karim Haddadi, is a former Sanam Industrial Group "
        "engineer.",
        ("Karim Haddadi", "officer_of", "Sanam Industrial Group"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), LINKS)
def test_a_link_stated_in_many_shapes(text: str, expected: tuple[str, str, str]) -> None:
    found = extract(text)
    assert expected in links(found), links(found)


ACROSS = [
    (
        (
            "Kavir Sanat Co., a trading firm in Tabriz, placed an order with Orvieto Macchine "
            "S.p.A. of Bergamo. The company is a front for the Sanam Industrial Group."
        ),
        ("Kavir Sanat Co.", "front_for", "Sanam Industrial Group"),
    ),
    (
        (
            "The Sanam Industrial Group was mentioned first. Kavir Sanat Co. bought two lathes. "
            "It acts on behalf of the Sanam Industrial Group."
        ),
        ("Kavir Sanat Co.", "acts_for", "Sanam Industrial Group"),
    ),
    (
        (
            "We raised Tabesh Kala Co., located in Tabriz, which shipped two lathes to Bandar "
            "Abbas. It is controlled by the Sanam Industrial Group. The firm also sold steel "
            "to Kavir Sanat Co. in 2009."
        ),
        ("Tabesh Kala Co.", "supplies", "Kavir Sanat Co."),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ACROSS)
def test_the_company_and_it_stand_for_the_subject_before(
    text: str, expected: tuple[str, str, str]
) -> None:
    found = extract(text)
    assert expected in links(found), links(found)


NOT_LINKED = [
    "Kavir Sanat Co. is not a front for the Sanam Industrial Group.",
    "Kavir Sanat Co. has never sold anything to Tabesh Kala Co.",
    "Kavir Sanat Co. denied that it had supplied Tabesh Kala Co.",
    "There is no indication that Kavir Sanat Co. has supplied Tabesh Kala Co. directly.",
    "We have no information that Orvieto Macchine S.p.A. sold lathes to Tabesh Kala Co.",
    "Kavir Sanat Co. told us that it had never dealt with Tabesh Kala Co. or supplied it.",
    "Officials urged that Orvieto Macchine S.p.A. be warned not to sell lathes to Kavir Sanat Co.",
    "Tabesh Kala Co. no longer acts for the Sanam Industrial Group.",
]


@pytest.mark.parametrize("text", NOT_LINKED)
def test_negations_and_denials_state_no_link(text: str) -> None:
    assert links(extract(text)) == set()


def test_a_front_noun_does_not_reach_past_a_verb() -> None:
    found = extract(
        "The Sanam Industrial Group builds missiles. Tabesh Kala Co., a Sanam Industrial Group "
        "front, has asked the firm Delmar Trading LLC to find steel."
    )
    assert ("Delmar Trading LLC", "front_for", "Sanam Industrial Group") not in links(found)
    assert ("Tabesh Kala Co.", "front_for", "Sanam Industrial Group") in links(found)


def test_the_same_firm_of_another_country_is_not_the_one_just_named() -> None:
    found = extract(
        "The Turkish firm Tabesh Kala A.S. makes resin. The owner and manager of Tabesh Kala "
        "A.S., Mr. Omer Demirci, sold resin to the same Iranian firm last year."
    )
    assert ("Omer Demirci", "supplies", "Tabesh Kala A.S.") not in links(found)
    assert ("Omer Demirci", "officer_of", "Tabesh Kala A.S.") in links(found)


def test_a_manager_who_signs_a_contract_signs_for_his_firm() -> None:
    found = extract(
        "Tabesh Kala Co. builds presses. The firm's managing director, Helmut Brandauer, signed "
        "the sales contract with Kavir Sanat Co. in April."
    )
    assert ("Helmut Brandauer", "associated_with", "Kavir Sanat Co.") not in links(found)
