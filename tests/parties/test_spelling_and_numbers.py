"""How names are typed: glued legal forms, dotted acronyms, look-alike digits, number words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interdict.parties.compare import compare_names
from interdict.parties.names.analysis import analyse
from interdict.parties.names.numerals import read_numbers
from interdict.parties.names.spelling import (
    join_dotted_acronyms,
    letters_for_digits,
    unglue_legal_form,
)

UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


@pytest.mark.parametrize(
    ("words", "read"),
    [
        (["brigade", "forty", "four"], ["brigade", "44"]),
        (["brigade", "forty", "4"], ["brigade", "44"]),
        (["forty", "0"], ["40", "0"]),  # a zero after tens is another number
        (["1st", "international", "bank"], ["1st", "international", "bank"]),
        (["first", "international", "bank"], ["1st", "international", "bank"]),
        (["one", "international", "bank"], ["1", "international", "bank"]),  # not "First"
        (["twenty", "first", "century"], ["21st", "century"]),
        (["23rd", "street"], ["23rd", "street"]),
        (["eleventh", "12th", "13th", "second", "third"], ["11th", "12th", "13th", "2nd", "3rd"]),
        (["1th"], ["1st"]),
        (["three", "percenters"], ["3", "percenters"]),
        (["thirteen"], ["13"]),
        (["fourty", "four"], ["fourty", "4"]),  # a misspelt tens word is not read
        (["ninety"], ["90"]),
        ([], []),
    ],
)
def test_number_words_become_digits(words: list[str], read: list[str]) -> None:
    assert read_numbers(words) == read


@given(tens=st.integers(0, 7), unit=st.integers(0, 8))
def test_every_compound_from_21_to_99(tens: int, unit: int) -> None:
    expected = str(20 + 10 * tens + unit + 1)
    assert read_numbers([TENS[tens], UNITS[unit]]) == [expected]
    assert read_numbers([TENS[tens], str(unit + 1)]) == [expected]


@given(st.lists(st.from_regex(r"[b-df-hj-np-tv-z]{2,8}", fullmatch=True), max_size=5))
def test_words_that_are_no_numbers_are_left_alone(words: list[str]) -> None:
    assert read_numbers(words) == words


@pytest.mark.parametrize(
    ("word", "read"),
    [
        ("sech1n", "sechin"),
        ("ig0r", "igor"),
        ("i9or", "igor"),
        ("a320", "a320"),  # a type number, not a word
        ("3m", "3m"),
        ("2024", "2024"),
        ("3rd", "3rd"),  # a generation, not a word
        ("igor", "igor"),
    ],
)
def test_look_alike_digits_inside_a_word(word: str, read: str) -> None:
    assert letters_for_digits(word) == read


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("SiemensAG", "Siemens AG"),
        ("AcmeGmbH Berlin", "Acme GmbH Berlin"),
        ("AGROTECH", "AGROTECH"),
        ("PetroSA", "PetroSA"),  # two-letter forms end real names
        ("Mcdonald", "Mcdonald"),
        ("Siemens AG", "Siemens AG"),
    ],
)
def test_a_glued_legal_form_is_split_off(name: str, read: str) -> None:
    assert unglue_legal_form(name) == read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("l.x.c aviation", "lxc aviation"),
        ("u.s.a. trading", "usa trading"),
        ("a. smith", "a. smith"),
        ("acme s.a.", "acme s.a."),  # two letters: a legal form
        ("ind. group", "ind. group"),
    ],
)
def test_dotted_acronyms_are_one_word(text: str, read: str) -> None:
    assert join_dotted_acronyms(text) == read


@pytest.mark.parametrize(
    ("left", "right", "schema", "matches"),
    [
        ("Brigade Forty-Four", "Brigade 44", "Organization", True),
        ("Brigade 44", "Brigade 45", "Organization", False),
        ("Brigade Forty-Four", "Brigade Forty-Five", "Organization", False),
        ("First Bank", "One Bank", "Company", False),
        ("Nidra Industries E.P.E.", "Nidra Industries", "Company", True),
        ("1st International Bank", "First International Bank", "Company", True),
        ("SiemensAG", "Siemens AG", "Company", True),
        ("LXC Aviation", "L.X.C Aviation", "Company", True),
        ("Ig0r Sech1n", "Igor Sechin", "Person", True),
        ("Zu Zag Bong 6", "Zu Zag Bong 5", "Vessel", False),
    ],
)
def test_the_same_name_typed_two_ways(left: str, right: str, schema: str, matches: bool) -> None:
    score, _ = compare_names(left, right, schema)
    assert (score >= 0.7) is matches


def test_a_persons_name_keeps_its_words() -> None:
    assert analyse("First Ninety", organisation=False).tokens == ("first", "ninety")
    assert analyse("First Ninety", organisation=True).tokens == ("1st", "90")
