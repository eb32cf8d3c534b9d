"""One name string into the form the matcher compares: ASCII words, each with a kind.

Legal forms are taken out before anything else, in the name's own script,
by rigour's org-type table (so ``ООО`` and ``有限公司`` are recognised before
transliteration blurs them), and then by Interdict's own table on the ASCII
words for the forms rigour does not know.  They are kept aside, not
compared: "Ardalan Machineries Co." and "Ardalan Machineries Company" are
the same party, and a registry's choice of Ltd or GmbH proves nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from rigour.names import extract_org_types, remove_org_types
from rigour.text import is_stopword

from interdict.parties.names.descriptors import expand_abbreviations, full_word, is_describing
from interdict.parties.names.numerals import read_numbers
from interdict.parties.names.scripts import LATIN, Script, dominant_script, split_scripts
from interdict.parties.names.spelling import (
    join_dotted_acronyms,
    letters_for_digits,
    unglue_legal_form,
)
from interdict.parties.names.translit import ascii_word, fold
from interdict.parties.names.vocabulary import (
    generic_words,
    strip_table_phrases,
    translate_terms,
)

_APOSTROPHES = re.compile(r"['’‘`ʻʼ]")
# The Arabic article al- is written joined to its word, alone or after the
# prepositions and conjunction that fuse with it (li-l, wa-l, bi-l, fa-l, ka-l).
# Latin spellings write it apart ("Al-Khatib"), so it is split off to meet them.
# Persian has no article: a word with a letter only Persian uses (پ چ ژ گ and the
# Persian forms of kaf and yeh) keeps its "al", as in الکترونیک (electronic).
_ARABIC_ARTICLE = re.compile(r"(?<!\S)(?:[وبفك]?ال|لل)(?=\S\S)(?!\S*[پچژگکی])")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
MIN_INITIALS = 3


class Kind(StrEnum):
    """What a word contributes: ``word`` identifies, the others mostly describe."""

    WORD = "word"
    GENERIC = "generic"
    STOP = "stop"
    NUMBER = "number"

    @classmethod
    def from_letter(cls, letter: str) -> Kind:
        return _KIND_BY_LETTER[letter]


_KIND_BY_LETTER = {kind.value[0]: kind for kind in Kind}
# The members as plain names: ``Kind.STOP`` goes through EnumType.__getattr__, a
# Python call, which costs more than the rest of the test on the hot paths below.
WORD, GENERIC, STOP, NUMBER = Kind.WORD, Kind.GENERIC, Kind.STOP, Kind.NUMBER


@dataclass(frozen=True, slots=True)
class NameForm:
    """A name ready to compare: its ASCII words, their kinds, and what was set aside.

    ``content`` holds the words that take part in comparison (all but stop
    words); it is derived, but kept as a field because every comparison reads it.
    ``initials`` are the acronyms the name may be known by (see ``_initialisms``);
    they are worked out here because they need what analysis later throws away:
    the words before translation, and which words a hyphen joined.
    """

    text: str
    tokens: tuple[str, ...]
    kinds: tuple[Kind, ...]
    legal_forms: tuple[str, ...]
    script: Script
    initials: tuple[str, ...] = ()
    rewritten: tuple[tuple[str, str], ...] = ()  # abbreviations written out: ("grp", "group")
    content: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        content = tuple(t for t, k in zip(self.tokens, self.kinds, strict=True) if k is not STOP)
        object.__setattr__(self, "content", content)


def analyse(name: str, organisation: bool) -> NameForm:
    """Normalise one name; never raises, whatever the input."""
    folded = fold(unglue_legal_form(name) if organisation else name)
    script = dominant_script(folded)
    translated = translate_terms(folded) if organisation else folded
    text, legal = _words_text(translated, script, organisation)
    rewritten: list[tuple[str, str]] = []
    if organisation:
        text, expanded = expand_abbreviations(text)
        rewritten.extend(expanded)
        # after the legal forms, which are written with dots too (E.P.E., S.p.A.)
        text = join_dotted_acronyms(text)
    readings = [text]
    if translated != folded:
        readings.append(_words_text(folded, script, organisation)[0])
    words = _NOT_WORD.sub(" ", text).split()
    if organisation:
        words = read_numbers([_written_out(word, rewritten) for word in words])
    else:
        words = [letters_for_digits(word) for word in words]
    syllables = script.is_syllabic
    kinds = tuple(_kind(word, syllables, organisation) for word in words)
    company = organisation and script is Script.LATIN and "company" in legal
    initials = _initialisms(readings, syllables, company)
    legal_forms = tuple(dict.fromkeys(legal))
    return NameForm(name, tuple(words), kinds, legal_forms, script, initials, tuple(rewritten))


def only_legal_form(text: str) -> bool:
    """Whether an organisation name is nothing but legal forms ("PTY", "Sahami Khass")."""
    folded = fold(text)
    stripped, _ = _strip_legal_forms(folded, _ascii_text(folded), dominant_script(folded))
    return not _NOT_WORD.sub("", stripped)


def _written_out(word: str, rewritten: list[tuple[str, str]]) -> str:
    """The word an abbreviation stands for ("grp" -> "group"), noting the rewrite."""
    full = full_word(word)
    if full != word:
        rewritten.append((word, full))
    return full


def _words_text(folded: str, script: Script, organisation: bool) -> tuple[str, list[str]]:
    """The name as ASCII text with its legal forms taken out, and the forms taken."""
    text = _ascii_text(folded)
    if not organisation:
        return text, []
    stripped, legal = _strip_legal_forms(folded, text, script)
    if _NOT_WORD.sub("", stripped):
        return stripped, legal
    return text, []  # a name made only of legal forms is its own name


def _initialisms(readings: list[str], syllables: bool, company: bool) -> tuple[str, ...]:
    """Acronyms of the name, as people form them, in every way the listed text allows.

    Each reading (the name as analysed, and before generic words were
    translated, so "Balcan Imalat Sanayi ve Ticaret" keeps the S of Sanayi)
    gives its initials with and without stop words, once with every word
    and once with a hyphenated compound as a single word ("Al-Salla" is A,
    not A and S).  A Latin company name may also be abbreviated with the C
    of its Company or Corporation (CNPC).  Fewer than three letters would
    match far too much to be worth a candidate.
    """
    found: dict[str, None] = {}
    for reading in readings:
        for units in _initial_units(reading, syllables):
            with_stops = "".join([i for i, kind in units if kind is not NUMBER])
            without = "".join([i for i, kind in units if kind is WORD or kind is GENERIC])
            for letters in (with_stops, without):
                if len(letters) >= MIN_INITIALS:
                    found[letters] = None
                if company and len(letters) + 1 >= MIN_INITIALS:  # CEC: China Electronics Corp.
                    found[letters + "c"] = None
    return tuple(found)


def _initial_units(reading: str, syllables: bool) -> list[list[tuple[str, Kind]]]:
    """Each word's initial and kind; a second list if hyphens join words into compounds."""
    every: list[tuple[str, Kind]] = []
    compounds: list[tuple[str, Kind]] = []
    for chunk in reading.split():
        parts = _NOT_WORD.sub(" ", chunk).split()
        units = [(part[0], _kind(part, syllables)) for part in parts]
        every.extend(units)
        hyphenated = len(parts) > 1 and "-" in chunk and all(p.isalpha() for p in parts)
        compounds.extend([(parts[0][0], WORD)] if hyphenated else units)
    return [every, compounds] if compounds != every else [every]


def normalise(text: str) -> str:
    """Any text as lower-case ASCII words joined by single spaces; idempotent."""
    return " ".join(_NOT_WORD.sub(" ", _ascii_text(fold(text))).split())


def _ascii_text(folded: str) -> str:
    """ASCII, chunk by chunk, keeping punctuation: ``a.ş.`` becomes ``a.s.``, not ``a s``."""
    text = _APOSTROPHES.sub("", split_scripts(folded))
    if text.isascii():  # what ascii_word does to each chunk of ASCII, done in one go
        return " ".join(text.lower().split())
    text = _ARABIC_ARTICLE.sub("ال ", text)
    return " ".join([ascii_word(chunk) for chunk in text.split()])


def _strip_legal_forms(folded: str, text: str, script: Script) -> tuple[str, list[str]]:
    """Remove legal forms: native-script ones, then the longest phrases first.

    rigour's multi-word forms ("Closed Joint Stock Company") go before
    Interdict's table, whose "Company" would otherwise leave "closed joint
    stock" behind; the table goes before rigour's one-word forms, because its
    phrases are longer: "Pvt Ltd" and "Anonim Şirketi" must go as a whole,
    not leave "pvt" or "anonim" behind after rigour has taken "Ltd" or "Şirketi".
    """
    legal: list[str] = []
    if script is not LATIN:
        found = extract_org_types(folded, generic=True)
        if found:
            legal.extend(form for _, form in found)
            text = _ascii_text(remove_org_types(folded))
    for phrase, form in extract_org_types(text, generic=True):
        if len(_NOT_WORD.sub(" ", phrase).split()) > 1:
            text = re.sub(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", " ", text)
            legal.append(form)
    text, table_forms = strip_table_phrases(text)
    legal.extend(table_forms)
    found = extract_org_types(text, generic=True)
    if found:
        legal.extend(form for _, form in found)
        text = remove_org_types(text)
    return text, legal


@lru_cache(maxsize=500_000)
def _kind(word: str, syllable: bool, organisation: bool = False) -> Kind:
    """Classify a word; a transliterated Han or Hangul syllable is never a stop word.  In an
    organisation's name a word with a descriptor symbol ("energy", "trading") describes it.

    Cached, since a list repeats its words many times over.
    """
    if word.isdigit():
        return NUMBER
    if word in generic_words() or (organisation and is_describing(word)):
        return GENERIC
    if not syllable and is_stopword(word) and (organisation or len(word) > 1):
        return STOP  # in a person's name a single letter is an initial, not the article "a"
    return WORD
