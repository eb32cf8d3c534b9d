"""Ways of writing a name that hide its words: glued legal forms, dotted acronyms, digits.

Each undoes one habit of data entry that makes the same name look like another:
"SiemensAG" for "Siemens AG", "L.X.C Aviation" for "LXC Aviation", and a person
written "Ig0r Sech1n" to slip past a filter.  Each rule is narrow on purpose,
since the words it produces are then matched like any other.
"""

from __future__ import annotations

import re

from interdict.parties.names.numerals import is_written_ordinal

# A legal form glued to the end of a company name, told by its capitals after a
# lower-case letter ("SiemensAG", "AcmeGmbH"); "Mcdonald" or "AGROTECH" are left alone.
# Two-letter forms other than AG (SA, BV, NV, KG) end real names too ("PetroSA"), so
# they are not split.
_GLUED_FORM = re.compile(r"(?<=[a-z])(AG|GmbH|LLC|Ltd|Inc|PLC|Corp)(?=$|[\s.,])")
# An acronym of three letters or more written with dots between them ("L.X.C"): one word.
# It runs after the legal forms are taken out, since many are dotted (E.P.E., S.p.A.); an
# acronym that ends in one ("U.S.A.") has lost it by then.
_DOTTED = re.compile(r"(?<![a-z0-9])((?:[a-z]\.){2,}[a-z])\.?(?![a-z0-9])")
# Digits that stand for the letters they look like, inside a person's name only:
# people's names hold no digits, while "3M" or "A320" are what a company is called.
_LOOKALIKES = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "9": "g"})
_DIGIT_IN_WORD = re.compile(r"[a-z]+\d[a-z\d]*[a-z]|[a-z]*\d[a-z\d]*[a-z]{2,}")


def unglue_legal_form(name: str) -> str:
    """``SiemensAG`` as ``Siemens AG``, so that the legal form is found and set aside."""
    return _GLUED_FORM.sub(r" \1", name)


def join_dotted_acronyms(text: str) -> str:
    """``l.x.c aviation`` as ``lxc aviation`` (lower-case ASCII text, dots still in it)."""
    return _DOTTED.sub(lambda m: m.group(1).replace(".", ""), text)


def letters_for_digits(word: str) -> str:
    """``sech1n`` as ``sechin``: a word of letters with look-alike digits inside it."""
    if not _DIGIT_IN_WORD.fullmatch(word) or is_written_ordinal(word):  # "John Smith 3rd"
        return word
    return word.translate(_LOOKALIKES)
