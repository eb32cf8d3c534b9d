"""Which writing system a name was written in.

The matcher needs to know more than "not Latin": names that came from an
abjad (Arabic, Persian, Hebrew) lose their short vowels in transliteration,
so ``شهید همت`` becomes ``shhyd hmt`` and can only be compared with
``Shahid Hemmat`` through its consonants.  Han and Hangul names come out as
separate syllables, so their spacing cannot be trusted either.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache


class Script(StrEnum):
    LATIN = "latin"
    CYRILLIC = "cyrillic"
    GREEK = "greek"
    ARABIC = "arabic"
    HEBREW = "hebrew"
    HAN = "han"
    HANGUL = "hangul"
    KANA = "kana"
    OTHER = "other"

    @property
    def is_abjad(self) -> bool:
        """Scripts whose transliteration drops short vowels."""
        return self in _ABJADS

    @property
    def is_syllabic(self) -> bool:
        """Scripts whose transliteration splits words into syllables."""
        return self in _SYLLABIC


# Members looked up once: ``Script.LATIN`` is a Python-level EnumType.__getattr__ call.
LATIN, OTHER = Script.LATIN, Script.OTHER
_ABJADS = frozenset((Script.ARABIC, Script.HEBREW))
_SYLLABIC = frozenset((Script.HAN, Script.HANGUL, Script.KANA))

# (first code point, last code point, script), sorted; letters outside every
# range count as OTHER.  Latin covers Basic Latin letters and the extended
# Latin blocks (Turkish, Vietnamese and the rest).
_RANGES: tuple[tuple[int, int, Script], ...] = (
    (0x0041, 0x024F, Script.LATIN),
    (0x0370, 0x03FF, Script.GREEK),
    (0x0400, 0x052F, Script.CYRILLIC),
    (0x0590, 0x05FF, Script.HEBREW),
    (0x0600, 0x06FF, Script.ARABIC),
    (0x0750, 0x077F, Script.ARABIC),
    (0x08A0, 0x08FF, Script.ARABIC),
    (0x1100, 0x11FF, Script.HANGUL),
    (0x1E00, 0x1EFF, Script.LATIN),
    (0x1F00, 0x1FFF, Script.GREEK),
    (0x3040, 0x30FF, Script.KANA),
    (0x3130, 0x318F, Script.HANGUL),
    (0x3400, 0x4DBF, Script.HAN),
    (0x4E00, 0x9FFF, Script.HAN),
    (0xAC00, 0xD7AF, Script.HANGUL),
    (0xF900, 0xFAFF, Script.HAN),
    (0xFB1D, 0xFB4F, Script.HEBREW),
    (0xFB50, 0xFDFF, Script.ARABIC),
    (0xFE70, 0xFEFF, Script.ARABIC),
)


@cache
def _script_of(char: str) -> Script:
    """The script of one letter; cached, since names reuse a few hundred letters."""
    point = ord(char)
    for first, last, script in _RANGES:
        if point < first:
            return OTHER
        if point <= last:
            return script
    return OTHER


def dominant_script(text: str) -> Script:
    """The non-Latin script with most letters, else Latin: one foreign word marks the name.

    A mixed name such as ``ООО Ardalan`` is treated by its non-Latin part,
    because that is the part whose transliteration needs the special rules.
    """
    if text.isascii():
        return LATIN
    counts: dict[Script, int] = {}
    for char in text:
        if char.isalpha():
            script = _script_of(char)
            if script is not LATIN:
                counts[script] = counts.get(script, 0) + 1
    if not counts:
        return LATIN
    return max(counts, key=counts.__getitem__)


def split_scripts(text: str) -> str:
    """Put a space where a word changes script, so each part is transliterated on its own.

    ICU runs ``トヨタ株式会社`` together into one word; split at the kana/Han
    boundary, the legal form 株式会社 can be recognised and the name kept.
    """
    if text.isascii():
        return text
    pieces: list[str] = []
    previous: Script | None = None
    for char in text:
        script = _script_of(char) if char.isalpha() else None
        if script is not None and previous is not None and script is not previous:
            pieces.append(" ")
        if script is not None or not char.isalnum():
            previous = script
        pieces.append(char)
    return "".join(pieces)
