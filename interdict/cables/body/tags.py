"""The TAGS line of a State Department cable, read into typed ``Tag`` records.

TAGS ("Traffic Analysis by Geography and Subject", Foreign Affairs Handbook 5 FAH-3) index
every telegram.  One line mixes several kinds of code:

* **geographic**: two letters of FIPS 10-4, which is *not* ISO 3166 (``SP`` is Spain,
  ``GM`` Germany, ``UK`` the United Kingdom), so the country name is looked up and kept;
* **subject**: four letters whose first names the category (``PREL``, ``PGOV``, ``PARM``);
* **program**: ``K`` + three letters (``KNNP``, ``KPAO``).  Any such tag is a program tag,
  whether or not our table lists it, because that is how the handbook defines them;
* **organization**: titles or acronyms of organisations (``MTCRE``, ``NATO``, ``IAEA``);
* **person**: names, usually after ``OVIP`` (``OVIP (CLINTON, HILLARY)``).

The corpus is dirty: tags are glued together (``PRELPGOV``), mistyped (``MOPPS``), written in
lower case, followed by the SUBJECT line when a caller cuts the field sloppily, or carry
free-text "tags" nobody defined.  The parser repairs only what it can repair unambiguously,
records what it changed (``Tag.original`` and a warning), and never raises: a cable with a
bad TAGS line is still a cable.

The code tables live in ``interdict/data/cables/fips10_4.tsv`` and ``tags.tsv``; each row
cites a public source.  They are read once, on first use, and everything derived from them
(the glue vocabulary, the one-edit typo index) is built then too, so a call costs tens of
microseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum
from functools import cache, lru_cache
from importlib import resources
from string import ascii_uppercase

from interdict.cables.notes import Notes
from interdict.cables.record import Tag, TagKind

__all__ = ["fips_name", "fips_to_iso2", "opens_tags", "parse_tags"]

_FIELD = "tags"

# A bracketed group (kept whole so that the comma in "(CLINTON, HILLARY)" does not split
# it; an unclosed one ends at the line end) or a run of anything but separators.
# A bracketed name may wrap onto the next line ("OVIP (CLINTON," / "HILLARY)"), but only
# when the bracket is closed there: an unclosed one stays on its own line.
_TOKEN_RE = re.compile(r"\(((?:[^()\n]*\n[^()\n]*(?=\)))|[^()\n]*)\)?|[^\s,;()]+")

# Punctuation that clings to a tag without being part of it ("PREL.", "*PGOV").
_EDGE = ".,:;!?'\"*_`~-/&+=#[]{}<>|\\"
# What may remain inside a tag: organisation tags carry "-", "/" and "&" (ADB-1, UNGA/C-1,
# AT&T); free-text tags carry "." and "'".  Anything else means the text is not TAGS.
_TAG_CHARS_RE = re.compile(r"[A-Z0-9&/.'+-]+")
_NAME_WORD_RE = re.compile(r"[A-Z][A-Z.'-]*")

# Words that start the next field or body part: reaching one means the TAGS field is over.
# They are expected after a sloppy cut, so stopping on them is silent.
_FIELD_WORDS = frozenset(
    {
        "SUBJECT",
        "SUBJ",
        "REF",
        "REFS",
        "REFTEL",
        "REFTELS",
        "CLASSIFIED",
        "SUMMARY",
        "E.O",
        "EO",
        "DECL",
        "SIPDIS",
        "NOFORN",
        "NODIS",
        "EXDIS",
        "LIMDIS",
        "STADIS",
        "UNCLAS",
        "UNCLASSIFIED",
        "CONFIDENTIAL",
        "SECRET",
        "SENSITIVE",
    }
)
_TAGS_LABEL = frozenset({"TAGS", "TAG"})
# Paragraph and banner markings, "(U)", "(S/NF)", "(SECRET REL SPAIN)": the body has begun.
_MARKING_WORDS = frozenset(
    {"U", "C", "S", "TS", "SBU", "FOUO", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP"}
)
_MARKING_SPLIT_RE = re.compile(r"[\s/]+")

# Tags that are followed by the name of the person they concern: "each of these tags must be
# used with the name of the subject individual entered on the TAGS line" (telegram 1974
# STATE 150591, which names OCON, OEXC, OREP, OTRA and OVIP).
_NAMED_TAGS = frozenset({"OCON", "OEXC", "OREP", "OTRA", "OVIP"})
_MAX_NAME_WORDS = 4
_MAX_GLUED_LEN = 64


class _How(Enum):
    """How a token was recognised; decides what a lower-case token may be and what is said."""

    DIRECT = "direct"  # a known tag as written (possibly after case/punctuation repair)
    SHAPE = "shape"  # K + three letters, not in our table: a program tag by definition
    GLUED = "glued"  # several known tags run together
    TYPO = "typo"  # one edit away from exactly one subject tag
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class _Piece:
    tag: str
    kind: TagKind
    country: str | None


@dataclass(frozen=True, slots=True)
class _Reading:
    """What one whitespace/comma-separated token says, independent of its neighbours."""

    how: _How
    pieces: tuple[_Piece, ...]
    upper: str  # the token without edge punctuation, upper-cased
    lowered: bool  # it was written with lower-case letters
    punct: bool  # edge punctuation was stripped
    label: bool  # it ended in ":" (a field label unless it is a known tag)


@dataclass(frozen=True, slots=True)
class _Tables:
    fips_names: dict[str, str]
    fips_iso2: dict[str, str]
    kinds: dict[str, TagKind]
    glue_vocab: frozenset[str]
    glue_lengths: tuple[int, ...]
    typo_index: dict[str, frozenset[str]]


# --------------------------------------------------------------------------- tables


def _read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a packaged TSV: ``#`` lines are the preamble, the first other line the header."""
    resource = resources.files("interdict").joinpath("data").joinpath("cables").joinpath(name)
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for line in resource.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


def _edits1(word: str) -> set[str]:
    """Every string one edit from ``word``: deletion, substitution, insertion or transposition.

    Adjacent transposition counts as one edit (optimal string alignment) because swapped
    letters ("PERL" for PREL) are the commonest typing slip.
    """
    out: set[str] = set()
    n = len(word)
    for i in range(n):
        out.add(word[:i] + word[i + 1 :])
        for c in ascii_uppercase:
            out.add(word[:i] + c + word[i + 1 :])
        if i + 1 < n:
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    for i in range(n + 1):
        for c in ascii_uppercase:
            out.add(word[:i] + c + word[i:])
    out.discard(word)
    return out


@cache
def _tables() -> _Tables:
    """Load both TSVs and derive the lookup structures, once per process."""
    fips_names: dict[str, str] = {}
    fips_iso2: dict[str, str] = {}
    for row in _read_tsv("fips10_4.tsv"):
        code = row["code"]
        fips_names[code] = row["name"]
        if row.get("iso2"):
            fips_iso2[code] = row["iso2"]

    kinds: dict[str, TagKind] = dict.fromkeys(fips_names, TagKind.GEOGRAPHIC)
    for row in _read_tsv("tags.tsv"):
        # FIPS wins a clash: the handbook reads any two-letter tag as geographic.
        kinds.setdefault(row["tag"], TagKind(row["kind"]))

    subjects = [t for t, k in kinds.items() if k is TagKind.SUBJECT]
    # Glue repair splits tokens whose tags lost the spaces between them.  Only letter tags take
    # part, and two-letter organisation tags stay out: together with ~270 FIPS codes they
    # would let ordinary words fall apart into "tags".
    glue_vocab = frozenset(
        t for t, k in kinds.items() if t.isalpha() and (k is TagKind.GEOGRAPHIC or len(t) >= 3)
    )
    typo: dict[str, set[str]] = {}
    for tag in subjects:
        for variant in _edits1(tag):
            if variant not in kinds:
                typo.setdefault(variant, set()).add(tag)
    return _Tables(
        fips_names=fips_names,
        fips_iso2=fips_iso2,
        kinds=kinds,
        glue_vocab=glue_vocab,
        glue_lengths=tuple(sorted({len(t) for t in glue_vocab})),
        typo_index={k: frozenset(v) for k, v in typo.items()},
    )


def fips_name(code: str) -> str | None:
    """The country or area name of a FIPS 10-4 code (``"SP"`` -> ``"Spain"``), else ``None``."""
    return _tables().fips_names.get(code.strip().upper())


def fips_to_iso2(code: str) -> str | None:
    """The ISO 3166-1 alpha-2 code for a FIPS 10-4 code (``"SP"`` -> ``"ES"``).

    ``None`` when the code is unknown or when our sources do not agree on an ISO code for it
    (see the preamble of ``fips10_4.tsv``): a wrong country is worse than no country when the
    answer is compared with a sanctions list.
    """
    return _tables().fips_iso2.get(code.strip().upper())


# --------------------------------------------------------------------------- tokens


def _is_program_shape(tag: str) -> bool:
    return len(tag) == 4 and tag[0] == "K" and tag.isalpha()


def _piece(tag: str, kind: TagKind, t: _Tables) -> _Piece:
    return _Piece(tag, kind, t.fips_names.get(tag) if kind is TagKind.GEOGRAPHIC else None)


def _segment(word: str, t: _Tables) -> tuple[str, ...] | None:
    """Split a glued token into known tags: fewest pieces wins, all pieces must be known.

    Dynamic programming over prefixes, O(len * distinct tag lengths).  A split made only of
    country and organisation codes is refused: "RIGHTS" would otherwise read as Serbia,
    Ghana, Tunisia.  Real glued lines always hold a subject or program tag.
    """
    n = len(word)
    if n < 5 or n > _MAX_GLUED_LEN or not word.isalpha():
        return None
    inf = n + 1
    cost = [0] + [inf] * n
    back = [0] * (n + 1)
    vocab = t.glue_vocab
    for i in range(1, n + 1):
        for size in t.glue_lengths:
            if size > i:
                break
            j = i - size
            if cost[j] + 1 < cost[i] and word[j:i] in vocab:
                cost[i] = cost[j] + 1
                back[i] = j
    if cost[n] >= inf or cost[n] < 2:
        return None
    pieces: list[str] = []
    i = n
    while i:
        pieces.append(word[back[i] : i])
        i = back[i]
    pieces.reverse()
    if not any(t.kinds[p] in (TagKind.SUBJECT, TagKind.PROGRAM) for p in pieces):
        return None
    return tuple(pieces)


@lru_cache(maxsize=1 << 16)
def _read_token(raw: str) -> _Reading | None:
    """Classify one token on its own; ``None`` means it cannot be a tag (stop reading).

    Cached: the same few hundred tags make up almost every line of the corpus.
    """
    core = raw.strip(_EDGE)
    if not core:
        return _Reading(_How.UNKNOWN, (), "", False, True, False)  # a lone "-": skip it
    if not core.isascii():
        return None
    upper = core.upper()
    if upper in _FIELD_WORDS or not _TAG_CHARS_RE.fullmatch(upper) or not upper[0].isalpha():
        return None
    t = _tables()
    lowered = core != upper
    punct = core != raw
    label = raw.endswith(":")

    kind = t.kinds.get(upper)
    if kind is not None:
        return _Reading(_How.DIRECT, (_piece(upper, kind, t),), upper, lowered, punct, label)
    if _is_program_shape(upper):
        piece = _Piece(upper, TagKind.PROGRAM, None)
        return _Reading(_How.SHAPE, (piece,), upper, lowered, punct, label)
    glued = _segment(upper, t)
    if glued is not None:
        pieces = tuple(_piece(p, t.kinds[p], t) for p in glued)
        return _Reading(_How.GLUED, pieces, upper, lowered, punct, label)
    if 3 <= len(upper) <= 5 and upper.isalpha():
        candidates = t.typo_index.get(upper)
        if candidates is not None and len(candidates) == 1:
            (fixed,) = candidates
            piece = _Piece(fixed, TagKind.SUBJECT, None)
            return _Reading(_How.TYPO, (piece,), upper, lowered, punct, label)
    unknown = _Piece(upper, TagKind.UNKNOWN, None)
    return _Reading(_How.UNKNOWN, (unknown,), upper, lowered, punct, label)


def _person(content: str) -> str | None:
    """Normalise bracketed text to a person tag, or ``None`` when it is not a name."""
    text = " ".join(content.upper().split())
    text = re.sub(r"\s*,\s*", ", ", text).strip(" ,;:")
    if sum(c.isalpha() for c in text) < 2 or len(text.split()) > 6:
        return None
    if any(c.isdigit() or c == ":" for c in text):
        return None
    return text


def _is_marking(content: str) -> bool:
    first = _MARKING_SPLIT_RE.split(content.strip().upper(), maxsplit=1)[0]
    return first in _MARKING_WORDS


# --------------------------------------------------------------------------- the line


class _Line:
    """Accumulates the tags of one call: de-duplication, warnings and the OVIP name state."""

    __slots__ = ("line", "lowered", "name", "notes", "seen", "tags", "warned")

    def __init__(self, notes: Notes, line: int | None) -> None:
        self.notes = notes
        self.line = line
        self.tags: list[Tag] = []
        self.seen: set[tuple[str, TagKind]] = set()
        self.warned: set[str] = set()
        self.lowered: list[str] = []
        # Words of an unbracketed OVIP name ("OVIP CLINTON HILLARY"); None when not after OVIP.
        self.name: list[str] | None = None

    def warn(self, message: str) -> None:
        if message not in self.warned:
            self.warned.add(message)
            self.notes.warn(_FIELD, message, line=self.line)

    def add(self, tag: str, kind: TagKind, country: str | None, original: str | None) -> None:
        key = (tag, kind)
        if key in self.seen:  # "PHUM, OPRC, OPRC, OPRC" is an artefact, not emphasis
            return
        self.seen.add(key)
        # Passing only the fields that are set saves a third of the validation time.
        if country is None and original is None:
            self.tags.append(Tag(tag=tag, kind=kind))
        else:
            self.tags.append(Tag(tag=tag, kind=kind, country=country, original=original))

    def flush_name(self) -> None:
        """Turn collected OVIP name words into one person tag, "SURNAME, GIVEN NAMES"."""
        words, self.name = self.name, None
        if not words:
            return
        tag = words[0] if len(words) == 1 else f"{words[0]}, {' '.join(words[1:])}"
        written = " ".join(words)
        self.add(tag, TagKind.PERSON, None, written if written != tag else None)


def parse_tags(text: str, notes: Notes, line: int | None = None) -> list[Tag]:
    """Read the text after ``TAGS:`` into tags, repairing what can be repaired safely.

    ``text`` is what the caller cut out as the TAGS field; reading stops at the first token
    that cannot be a tag (``SUBJECT``, ``REF``, a number, a paragraph marking, a lower-case
    word), so a sloppy cut costs nothing.  Repairs set ``Tag.original`` and leave a warning
    under ``field="tags"``; unknown tags are kept with kind ``unknown`` and warned about once.
    ``line`` is the source line number given to those warnings.
    """
    clean = _all_known(text)
    if clean is not None:
        return clean
    acc = _Line(notes, line)
    lower_style: bool | None = None  # decided by the first word: is the line written in lower case?
    after_unknown = False  # the previous tag was an unknown word

    matches = list(_TOKEN_RE.finditer(text))
    for index, match in enumerate(matches):
        bracket = match.group(1)
        if bracket is not None:
            acc.flush_name()
            if not bracket.strip():
                continue
            person = None if _is_marking(bracket) else _person(bracket)
            if person is None:
                _stopped(acc, match.group(0))
                break
            written = " ".join(bracket.split())
            acc.add(person, TagKind.PERSON, None, written if written != person else None)
            after_unknown = False
            continue

        raw = match.group(0)
        reading = _read_token(raw)
        if reading is None:
            acc.flush_name()
            _stopped(acc, raw)
            break
        if not reading.pieces:
            continue
        if reading.upper in _TAGS_LABEL and reading.how is not _How.DIRECT:
            continue  # a stray "TAGS:" label left in by the caller
        if lower_style is None:
            lower_style = reading.lowered

        if acc.name is not None:
            if _is_name_word(reading, lower_style):
                if reading.label:  # "SMITH:" is a field label, not a name
                    acc.flush_name()
                    _stopped(acc, raw)
                    break
                acc.name.append(reading.upper)
                if len(acc.name) >= _MAX_NAME_WORDS:
                    acc.flush_name()
                continue
            acc.flush_name()

        if reading.how is _How.TYPO and (
            after_unknown or _next_how(matches, index) is _How.UNKNOWN
        ):
            # Next to another unknown word it is free text ("ARMS CONTROL"), not a slip of
            # the keyboard: ARMS is one edit from AOMS only by accident.
            reading = replace(
                reading, how=_How.UNKNOWN, pieces=(_Piece(reading.upper, TagKind.UNKNOWN, None),)
            )
        if not _acceptable(reading, lower_style) and not (
            lower_style
            and reading.how is _How.UNKNOWN
            and not reading.label
            and (_tag_follows(matches, index) or _last_word(matches, index, reading))
        ):
            _stopped(acc, raw)
            break
        _emit(acc, raw, reading)
        after_unknown = reading.how is _How.UNKNOWN
        if reading.how is _How.DIRECT and reading.upper in _NAMED_TAGS:
            acc.name = []

    acc.flush_name()
    if acc.lowered:
        acc.warn("upper-cased lower-case tags: " + ", ".join(acc.lowered))
    return acc.tags


_SEPARATORS_RE = re.compile(r"[\s,;]+")


@lru_cache(maxsize=4096)
def _known_tag(token: str) -> Tag | None:
    """The finished tag for a token written exactly as the tables have it, else ``None``."""
    t = _tables()
    kind = t.kinds.get(token)
    if kind is None or token in _NAMED_TAGS:
        return None
    piece = _piece(token, kind, t)
    return Tag(tag=piece.tag, kind=piece.kind, country=piece.country)


def opens_tags(token: str) -> bool:
    """Whether a word is a known subject, program or organisation tag of four letters or more:
    what "TAGS" written without its colon must be followed by to open the field."""
    tag = _known_tag(token)
    return tag is not None and len(token) >= 4 and tag.kind is not TagKind.GEOGRAPHIC


def _all_known(text: str) -> list[Tag] | None:
    """Fast path: most TAGS lines are nothing but correctly written, known tags.

    Such a line needs none of the repair machinery below, and reading it from
    a cache of finished (immutable) tags is several times faster.  Anything
    else, including an empty field, returns ``None`` and takes the full path.
    """
    tags: list[Tag] = []
    seen: set[str] = set()
    for token in _SEPARATORS_RE.split(text.strip()):
        tag = _known_tag(token)
        if tag is None:
            return None
        if token not in seen:
            seen.add(token)
            tags.append(tag)
    return tags


def _is_name_word(reading: _Reading, lower_style: bool) -> bool:
    """After OVIP, is this token a word of the visitor's name rather than a tag?

    Known tags and glued tags end the name.  Unknown words, would-be typos and unlisted
    K-shaped words are taken as name words (KING, KOHL are names before they are programs).
    """
    if reading.how not in (_How.UNKNOWN, _How.TYPO, _How.SHAPE):
        return False
    if reading.lowered and not lower_style:
        return False
    return bool(_NAME_WORD_RE.fullmatch(reading.upper))


def _acceptable(reading: _Reading, lower_style: bool) -> bool:
    """Decide whether a token still belongs to the TAGS field.

    A field label ("FOO:") ends the field unless it is a known tag.  Lower case is the hard
    case: some posts type the whole line in lower case ("tags: prel, pgov, tu"), while a
    sloppy cut leaves lower-case prose behind the tags.  So an unknown lower-case word always
    ends the field; in an upper-case line, only a lower-case *known, non-geographic* tag
    ("Prel") is taken, since "in", "to", "is" are also FIPS codes.
    """
    if reading.label and reading.how is not _How.DIRECT:
        return False
    if not reading.lowered:
        return True
    if reading.how is _How.UNKNOWN:
        return False
    if lower_style:
        return True
    return reading.how is _How.DIRECT and reading.pieces[0].kind is not TagKind.GEOGRAPHIC


def _next_how(matches: list[re.Match[str]], index: int) -> _How | None:
    """How the word after ``index`` reads; ``None`` at the end, before a bracket or a stop."""
    if index + 1 >= len(matches):
        return None
    nxt = matches[index + 1]
    if nxt.group(1) is not None:
        return None
    reading = _read_token(nxt.group(0))
    return None if reading is None else reading.how


def _tag_follows(matches: list[re.Match[str]], index: int) -> bool:
    """Is the token after ``index`` a recognised tag?

    In a lower-case line an unknown word is either prose (the cut ran on) or a tag we cannot
    read ("etra", one edit from both ETRD and OTRA).  Prose is followed by prose; a broken tag
    is followed by tags.  One token of look-ahead tells them apart.
    """
    return _next_how(matches, index) in (_How.DIRECT, _How.GLUED, _How.TYPO)


def _last_word(matches: list[re.Match[str]], index: int, reading: _Reading) -> bool:
    """Is this short word the last of the field?  In a lower-case line, a tag we do not know
    ("tags: parm, mnuc, tu, xxtz") ends the field; prose runs on for several words."""
    return index == len(matches) - 1 and len(reading.upper) <= 6 and reading.upper.isalpha()


def _emit(acc: _Line, raw: str, reading: _Reading) -> None:
    """Add a token's tags with the right ``original`` and the one warning it deserves."""
    how = reading.how
    if how is _How.UNKNOWN:
        tag = reading.upper
        acc.add(tag, TagKind.UNKNOWN, None, raw if raw != tag else None)
        acc.warn(f"unknown tag {tag!r}")
        return
    repaired = how is _How.GLUED or how is _How.TYPO or reading.lowered or reading.punct
    original = raw if repaired else None
    for piece in reading.pieces:
        acc.add(piece.tag, piece.kind, piece.country, original)
    if not repaired:
        return
    fixed = " ".join(p.tag for p in reading.pieces)
    if how is _How.GLUED:
        acc.warn(f"repaired glued tag {raw!r} -> {fixed}")
    elif how is _How.TYPO:
        acc.warn(f"repaired misspelled tag {raw!r} -> {fixed}")
    elif reading.punct:
        acc.warn(f"repaired tag {raw!r} -> {fixed}: stray punctuation")
    else:
        acc.lowered.append(raw)


def _stopped(acc: _Line, raw: str) -> None:
    """Note dropped trailing text that might have been meant as tags.

    The next field's label, a paragraph marking or a number is what a sloppy cut normally
    leaves behind, so those pass silently; a word (say, lower-case prose or a stray name)
    is worth a warning because it may be a tag we failed to read.
    """
    word = raw.strip(_EDGE).upper()
    if word in _FIELD_WORDS or word.startswith("SUBJECT") or not word[:1].isalpha():
        return
    if raw.startswith("(") and _is_marking(raw.strip("()")):
        return
    acc.warn(f"TAGS end before {raw!r}: not a tag")
