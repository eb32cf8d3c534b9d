"""The signature at the very end of a telegram."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.body.parse import parse_body
from interdict.cables.body.signers import split_signers
from interdict.cables.notes import Notes


@pytest.mark.parametrize(
    ("text", "rest", "names"),
    [
        # wrapped: the name on its own last line
        ("Posted at .\nCLINTON", "Posted at .", ["CLINTON"]),
        ("Text ends here\nCLINTON", "Text ends here", ["CLINTON"]),
        ("Text.\nCLINTON\n", "Text.", ["CLINTON"]),
        ("Text.\n\nCLINTON", "Text.", ["CLINTON"]),
        # glued after the last sentence, as in the seed
        (
            "A word version file of this document will be posted at . CLINTON",
            "A word version file of this document will be posted at .",
            ["CLINTON"],
        ),
        (
            "The talks went well (see REF B). CLINTON",
            "The talks went well (see REF B).",
            ["CLINTON"],
        ),
        (
            "THE MINISTER WILL REPORT FURTHER.\nHARLAN",
            "THE MINISTER WILL REPORT FURTHER.",
            ["HARLAN"],
        ),
        # end-of-message furniture after the name
        ("Text ends here.\nCLINTON\nBT\n#9395\nNNNN", "Text ends here.", ["CLINTON"]),
        ("Text ends here.\nCLINTON BT #9395 NNNN", "Text ends here.", ["CLINTON"]),
        ("text.\nCLINTON #1234", "text.", ["CLINTON"]),
        ("text.\nCLINTON\n\n\nNNNN", "text.", ["CLINTON"]),
        # name shapes
        ("Text.\nMCDONALD-SMITH", "Text.", ["MCDONALD-SMITH"]),
        ("Text.\nO'BRIEN", "Text.", ["O'BRIEN"]),
        ("Text.\nVAN VOORST", "Text.", ["VAN VOORST"]),
        # two signers
        ("Text.\nRICE/GATES", "Text.", ["RICE", "GATES"]),
        ("Text.\nRICE AND GATES", "Text.", ["RICE", "GATES"]),
        ("Text.\nRICE, GATES", "Text.", ["RICE", "GATES"]),
        # several signers, one to a line, below a finished sentence
        ("Text.\nSMITH\nJONES", "Text.", ["SMITH", "JONES"]),
        ("Text.\n\nSMITH\nJONES\nBROWN\nNNNN", "Text.", ["SMITH", "JONES", "BROWN"]),
        ("Text.\nMURRAY\nRICE/GATES", "Text.", ["MURRAY", "RICE", "GATES"]),
        # ... but not the last lines of a paragraph that never ended
        ("ALLIES IN\nTHE REGION\nKISSINGER", "ALLIES IN\nTHE REGION", ["KISSINGER"]),
        ("AS FOLLOWS:\nPARIS\nLONDON\nRICE", "AS FOLLOWS:\nPARIS\nLONDON", ["RICE"]),
        ("Text ends here\nSMITH\nJONES", "Text ends here\nSMITH", ["JONES"]),
        # more than four lines of names are no signature block: the last line alone
        ("Text.\nAA\nBB\nCC\nDD\nEE", "Text.\nAA\nBB\nCC\nDD", ["EE"]),
        ("Text.\nBB\nCC\nDD\nEE", "Text.", ["BB", "CC", "DD", "EE"]),
        # a first name and initials
        ("Text.\nJOHN D. NEGROPONTE", "Text.", ["JOHN D. NEGROPONTE"]),
        ("Text.\nJ. SMITH", "Text.", ["J. SMITH"]),
        # a role after the name is not a signer
        ("Text.\nKUNDER, ACTING", "Text.", ["KUNDER"]),
        # what follows the signer line is kept in the text
        ("text.\nMINIMIZE CONSIDERED\nCLINTON", "text.\nMINIMIZE CONSIDERED", ["CLINTON"]),
    ],
)
def test_signers(text: str, rest: str, names: list[str]) -> None:
    assert split_signers(text) == (rest, names)


@pytest.mark.parametrize(
    "text",
    [
        "Text ends here. END SUMMARY",
        "Text\nEND TEXT",
        "See ref A. SIPDIS",
        "Text ends here.",
        "CLINTON",  # the whole text: nothing to sign
        "Text. Q",  # one letter is an initial, not a name
        "We will brief the IAEA",  # no sentence end before the capitals
        "Text.\nNOFORN",
        # a one-letter abbreviation ends no sentence
        "WE MET THE U.S. AMBASSADOR",
        "HE FLIES TO THE U.S. NEXT WEEK",
        "TALKS WITH THE U.S. DELEGATION",
        "End talking points. END QUOTE",
        "",
        "   ",
    ],
)
def test_not_signers(text: str) -> None:
    assert split_signers(text) == (text, [])


def test_long_last_paragraph() -> None:
    text = "The minister spoke. " * 2000 + "CLINTON"
    rest, names = split_signers(text)
    assert names == ["CLINTON"]
    assert rest == text[: -len(" CLINTON")]


def test_signer_of_a_body_without_numbered_paragraphs() -> None:
    body = parse_body(
        "UNCLAS STATE 000123\n\nSUBJECT: X\n\nSome text here.\n\nMore text.\n\nRICE",
        Notes(),
        year=2009,
    )
    assert body.signers == ["RICE"]
    assert [p.text for p in body.paragraphs] == ["Some text here.", "More text."]


def test_signer_of_the_seed_body() -> None:
    body = parse_body(
        "S E C R E T STATE 029395\n\n1. (U) Text.\n\n"
        "2. (U) A word version will be posted at .\nCLINTON",
        Notes(),
        year=2009,
    )
    assert body.signers == ["CLINTON"]
    assert body.paragraphs[-1].text == "A word version will be posted at ."


@pytest.mark.parametrize(
    ("body_text", "signers"),
    [
        # one signer to a line: two signers, though flowing joins the lines
        ("1. (U) Text.\n\nARNALL\nGALLAGHER", ["ARNALL", "GALLAGHER"]),
        ("Some text.\n\nARNALL\nGALLAGHER", ["ARNALL", "GALLAGHER"]),
        # a name wrapped after the last sentence is one name
        ("1. (U) Text ends here. ARNALL\nGALLAGHER", ["ARNALL GALLAGHER"]),
        ("1. (U) Text.\n\nJOHN SMITH", ["JOHN SMITH"]),
    ],
)
def test_signers_as_the_lines_give_them(body_text: str, signers: list[str]) -> None:
    body = parse_body(f"UNCLAS STATE 000123\n\nSUBJECT: X\n\n{body_text}", Notes(), year=2009)
    assert body.signers == signers
    assert not body.paragraphs[-1].text.endswith("GALLAGHER")


_TOKENS = st.sampled_from(
    [
        "text",
        ".",
        "CLINTON",
        "RICE",
        "/",
        "AND",
        ",",
        "BT",
        "NNNN",
        "#9395",
        "END",
        "SUMMARY",
        "SIPDIS",
        "Q",
    ]
)
_SEPARATORS = st.sampled_from([" ", "\n", "\n\n", ""])
_CABLEISH = st.lists(st.tuples(_TOKENS, _SEPARATORS), max_size=20).map(
    lambda parts: "".join(token + sep for token, sep in parts)
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), _CABLEISH))
def test_never_raises_and_only_takes_the_tail(text: str) -> None:
    rest, names = split_signers(text)
    if not names:
        assert rest == text
        return
    assert text.startswith(rest)
    assert rest == rest.rstrip()
    for name in names:
        assert name == name.strip()
        letters = name.replace(" ", "").replace("-", "").replace("'", "")
        # an initial is a capital with its full stop, followed by a space ("J. SMITH")
        assert letters.replace(".", "").isalpha()
        assert all(part.rstrip(".").isalpha() for part in name.split())
        assert name == name.upper()
