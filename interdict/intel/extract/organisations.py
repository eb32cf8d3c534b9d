"""Whether a run of name words is an organisation, and what is written around its name.

The evidence, strongest first: a legal form ending the name (", S.A.",
"Co., Ltd.") or opening it ("OOO Volgatekhsnab"); an organisation noun
ending it ("... Industrial Group") or opening it ("Bank ...", "University of
..."); a cue noun just before it ("the company X", "intermediary X") or in
an apposition after it ("X, a Turkish firm"); its initials in brackets
after it.  Whatever the evidence, the name must hold one word that picks a
party out: "Trading Company", "the Spanish Group" and "Central Bank" are
descriptions.  A name right after "a" or "an" is a description too ("a
Sharjah trading company", "an Iranian automotive plant") unless a legal
form makes it a name.

After the name: a bracketed acronym ("(SHIG)") or short form ("(Huaxin)"),
and an a.k.a. name, each kept as an alias.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.legal import is_legal_form, legal_suffix, legal_tail
from interdict.intel.extract.lexicon import (
    DESCRIPTORS,
    FUNCTION_WORDS,
    LEFT_HEADS,
    LEGAL_PREFIXES,
    NAMING_CUES,
    NON_PARTIES,
    NON_PARTY_PHRASES,
    ORG_CUES,
    PERSON_CUES,
    RIGHT_HEADS,
    is_common,
    word_set,
)
from interdict.intel.extract.mentions import ACRONYM, CUE, HEAD, LEGAL, Mention
from interdict.intel.extract.places import DEMONYM, PLAIN, is_place_word
from interdict.intel.extract.runs import LEADING_PARTICLES, PARTICLES, is_name_word, joined, runs
from interdict.intel.extract.tokens import words
from interdict.parties.names.analysis import normalise
from interdict.parties.names.vocabulary import generic_words

MAX_NAME_WORDS = 4  # a bracketed short form or a person's name is at most this long
_CUE_GAP = re.compile(r"\s*,?\s*\Z")
_TAIL_GAP = re.compile(r"\.?,?\s*\(?\Z")
_BRACKETED = re.compile(r"\s*\(\s*(?:hereafter\s+|hereinafter\s+)?([^()]{1,40}?)\s*\)")
AKA = re.compile(
    r"\s*,?\s*\(?\s*(?:also known as|a\.k\.a\.?|aka|formerly known as|alias|"
    r"doing business as|d/b/a|also called)\s+",
    re.IGNORECASE,
)
# Abbreviated legal forms whose full stop belongs to the name, not the sentence.
_ABBREVIATED = word_set("co corp inc ltd bhd sdn pvt pte mfg intl est sti şti lda ltda kft zrt")
# Last words of things that are not parties though they have names and initials: "Export
# Control and Related Border Security (EXBS)" is a programme, "the Entity List" a list, "Small
# Arms and Light Weapons (SALW)" goods.
NOT_PARTY_HEADS = word_set("""
    program programme programs initiative regime arrangement convention treaty resolution
    resolutions act law regulation regulations list lists agreement protocol plan project
    report guidelines annex directive code system standard
    weapons arms munitions ammunition materiel mortars rifles
    """)
# Determiners before a description rather than a name: "a Sharjah trading company", "any
# strategic organization".
_INDEFINITE = frozenset({"a", "an", "any", "no", "every", "each", "another"})
# What may follow a name and give the evidence for it (see ``attachments`` and ``_appositive``).
_FOLLOWING = re.compile(
    r"\s*(?:\(|,\s*(?:a|an|one|also|reportedly|allegedly)\b|"
    r"(?:is|was|are|were|has been|had been)\s+(?:also\s+|reportedly\s+|allegedly\s+)?"
    r"(?:a|an|the|one)\b)"
)
_MAX_CUED = 6
_MIN_ACRONYM_UPPER = 2
_MIN_CODED, _MAX_CODED = 3, 6
# Bracketed capitals that are cable markings and furniture, not acronyms.
_NOT_ACRONYMS = word_set("""
    sbu noforn nf rel fouo secret confidential unclassified limdis exdis nodis sipdis notal
    orcon propin nocontract usg ref para reftel septel comment summary note
    """)


def organisation(sentence: Sentence, first: int, last: int, cue: str | None) -> Mention | None:
    """The organisation ``tokens[first:last]`` names, if the text gives evidence for one."""
    tokens, text = sentence.tokens, sentence.text
    suffix = legal_suffix(text, tokens, first, last, sentence.caps)
    tail = 0
    if _TAIL_GAP.match(text, tokens[last - 1].end, _start_of(sentence, last)):
        tail = legal_tail(text, tokens, last, sentence.caps)
        if suffix and not tail:  # a form begun inside the run goes on after it: "S.A. de C.V."
            tail = max(0, legal_tail(text, tokens, last - suffix, sentence.caps) - suffix)
    prefix = 1 if tokens[first].low in LEGAL_PREFIXES and last - first > 1 else 0
    schema, how = _evidence(sentence, first, last, cue, bool(suffix or tail or prefix))
    if schema is None and not _may_follow(sentence, last):
        return None  # no evidence before or in the run, and none can follow it
    core = last - suffix
    if core <= first + prefix:
        return None
    if how != LEGAL and _only_places(sentence, first, core):
        return None  # "the UAE was a front for ...": a place, unless a legal form says otherwise
    if tail and _cue_not_form(sentence, last, tail):
        return None  # "THE TEHRAN TRADING COMPANY ARMAND SANAT TADBIR CO.": a cue
    acronym = _BRACKETED.match(text, name_end(sentence, last + tail - 1))
    named = acronym is not None and _initials_of(
        acronym.group(1), text[tokens[first].start : tokens[core - 1].end]
    )
    if acronym is not None and not named and _demonym_at(sentence, first) and core - first > 2:
        # "the Iranian Aerospace Industries Organization (AIO)": the adjective is not the name's
        named = _initials_of(acronym.group(1), text[tokens[first + 1].start : tokens[core - 1].end])
        first += 1 if named else 0
    if not named and not identifying(sentence, first + prefix, core):
        return None
    weak = how != LEGAL or all(t.low in ORG_CUES for t in tokens[core : last + tail])
    if weak and _after_indefinite(sentence, first):
        return None  # "a Sharjah trading company": a description
    if how != LEGAL and _not_party_head(sentence, core):
        return None
    start = tokens[first].start
    end = name_end(sentence, last + tail - 1)
    name = text[start:end]
    if is_non_party(name):
        return None
    mention = Mention(sentence.index, first, last + tail, start, end, name, "", "")
    after = attachments(sentence, mention)
    if schema is None:
        schema, how = _appositive(sentence, after)
    initialled = mention.acronym is not None and _initials_of(mention.acronym, name)
    if schema is None and initialled and core - first >= 2:
        schema, how = "Organization", ACRONYM
    if schema is None or how is None:
        return None
    mention.schema, mention.how = schema, how
    return mention


def _demonym_at(sentence: Sentence, index: int) -> bool:
    place = sentence.places.get(index)
    return place is not None and place.kind == DEMONYM and place.length == 1


def _may_follow(sentence: Sentence, last: int) -> bool:
    """Whether evidence can follow a run: a bracket, an apposition or a copula and article."""
    return _FOLLOWING.match(sentence.lower, sentence.tokens[last - 1].end) is not None


def _evidence(
    sentence: Sentence, first: int, last: int, cue: str | None, legal: bool
) -> tuple[str | None, str | None]:
    tokens = sentence.tokens
    if legal:
        return "Company", LEGAL
    if last - first >= 2 and tokens[last - 1].low in RIGHT_HEADS:
        return RIGHT_HEADS[tokens[last - 1].low], HEAD
    if last - first >= 2 and tokens[first].low in LEFT_HEADS:
        return LEFT_HEADS[tokens[first].low], HEAD
    if cue in ORG_CUES and last - first <= _MAX_CUED:
        return ORG_CUES[cue], CUE
    return None, None


def _only_places(sentence: Sentence, first: int, last: int) -> bool:
    return all(sentence.place_covering(index) is not None for index in range(first, last))


def _cue_not_form(sentence: Sentence, last: int, tail: int) -> bool:
    """Whether a company word after a run introduces the next name rather than ending this one."""
    tokens = sentence.tokens
    end = last + tail
    if not all(token.low in ORG_CUES for token in tokens[last:end]) or end >= len(tokens):
        return False
    return joined(sentence, end) and is_name_word(sentence, end)


def _after_indefinite(sentence: Sentence, first: int) -> bool:
    tokens = sentence.tokens
    index = first - 1
    while index >= 0 and sentence.place_covering(index) is not None:
        index -= 1  # "a Dubai trading company", "an Iranian automotive plant"
    return index >= 0 and tokens[index].low in _INDEFINITE


def _not_party_head(sentence: Sentence, core: int) -> bool:
    return sentence.tokens[core - 1].low in NOT_PARTY_HEADS


def _start_of(sentence: Sentence, index: int) -> int:
    tokens = sentence.tokens
    return tokens[index].start if index < len(tokens) else len(sentence.text)


def name_end(sentence: Sentence, index: int) -> int:
    """Where a name ending at token ``index`` ends: with an abbreviation's full stop, without 's."""
    token = sentence.tokens[index]
    if token.possessive:
        return token.end - 2
    abbreviated = "." in token.text or token.low in _ABBREVIATED
    if abbreviated and sentence.text[token.end : token.end + 1] == ".":
        return token.end + 1
    return token.end


def attachments(sentence: Sentence, mention: Mention) -> int:
    """Read a bracketed acronym or short form and an a.k.a. name after a name; where they end."""
    text = sentence.text
    after = mention.end
    match = _BRACKETED.match(text, after)
    if match and (_acronym_of(match.group(1), mention.text) or _coined(match.group(1), mention)):
        mention.acronym = match.group(1)
        after = match.end()
    elif match and _short_of(match.group(1), mention.text, sentence.caps):
        mention.aliases.append(match.group(1))
        after = match.end()
    aka = AKA.match(text, after)
    if aka:
        alias = _run_text(sentence, aka.end())
        if alias:
            mention.aliases.append(alias)
            after = aka.end() + len(alias)
    mention.after = after
    return after


def _run_text(sentence: Sentence, position: int) -> str:
    """The run of name words that starts at character ``position``, with its legal form."""
    tokens, text = sentence.tokens, sentence.text
    for start, end in runs(sentence):
        if tokens[start].start == position:
            tail = legal_tail(text, tokens, end, sentence.caps)
            return text[position : name_end(sentence, end + tail - 1)]
    return ""


def _appositive(sentence: Sentence, after: int) -> tuple[str | None, str | None]:
    match = _appositive_pattern().match(sentence.lower, after)
    if match is None:
        return None, None
    return ORG_CUES[match.group(1)], CUE


@cache
def _appositive_pattern() -> re.Pattern[str]:
    cues = "|".join(re.escape(cue) for cue in sorted(ORG_CUES, key=len, reverse=True))
    # ", a Turkish firm", "is a front company", "is the intermediary"; not ", the company
    # had ...", where a new clause starts.
    return re.compile(
        r"\s*(?:,\s*(?:also\s+|reportedly\s+|allegedly\s+)?(?:a|an|one\s+of\s+the)|"
        r"\s(?:is|was|are|were|has been|had been)\s+(?:also\s+|reportedly\s+|allegedly\s+)?"
        r"(?:a|an|the|one\s+of\s+the))\s+"
        rf"(?:[a-z][\w-]*\s+){{0,3}}?({cues})\b"
    )


def cue_before(sentence: Sentence, start: int) -> str | None:
    """The cue noun just before a run: "company X", "intermediary, X", "a firm called X"."""
    tokens = sentence.tokens
    if start == 0 or not _CUE_GAP.match(sentence.text, tokens[start - 1].end, tokens[start].start):
        return None
    word = tokens[start - 1].low
    if word in ORG_CUES or word in PERSON_CUES:
        return word
    if word in NAMING_CUES or (word == "as" and start > 1 and tokens[start - 2].low == "known"):
        return "entity"
    return None


def identifying(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the words hold one that picks a party out, not only kind, trade and place words.

    A country or city counts ("Dubai Customs", "Korea Mining Development
    Trading Corporation"); a nationality does not ("Turkish Customs").
    """
    tokens = sentence.tokens
    for index in range(first, last):
        word = tokens[index].low
        if (
            word in RIGHT_HEADS
            or word in LEFT_HEADS
            or word in DESCRIPTORS
            or (word in PARTICLES and word not in LEADING_PARTICLES)
            or word in FUNCTION_WORDS
            or word in ORG_CUES
            or tokens[index].key in generic_words()
            or is_common(word, sentence.caps)
            or is_legal_form(tokens[index].text, sentence.caps)
        ):
            continue
        covering = sentence.place_covering(index)
        if covering is not None and (covering[1].kind == DEMONYM or covering[1].form is not PLAIN):
            continue
        return True
    return False


@lru_cache(maxsize=16384)
def is_non_party(name: str) -> bool:
    normal = normalise(name)
    if "xxxx" in normal:
        return True  # a redacted name
    return normal in NON_PARTIES or NON_PARTY_PHRASES.match(normal) is not None


def _acronym_of(acronym: str, name: str) -> bool:
    """Whether a bracketed word can be the acronym of ``name``: its letters, in order.

    "SHIG" for "Shahid Hemmat Industrial Group", "KOMID" for "Korea Mining
    Development Trading Corporation"; not a marking "(S)", a reference
    "(Ref C)" or a country "(Iran)".
    """
    if sum(1 for char in acronym if char.isupper()) < _MIN_ACRONYM_UPPER:
        return False
    letters = [char for char in acronym.lower() if char.isalnum()]
    initials = [word[0] for word in words(name) if word[:1].isalnum()]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    pool = iter("".join(words(name)))
    return all(letter in pool for letter in letters)


def _coined(acronym: str, mention: Mention) -> bool:
    """Whether a bracketed word is an acronym coined in another language for an organisation
    named in English: "Iran Centrifuge Technology Company (TESA)", whose letters are those of
    its Persian name.  Three to six capitals, one of them the initial of a word of the name,
    and no marking, place or regime ("(SBU)", "(Iran)", "(MTCR)")."""
    if not (_MIN_CODED <= len(acronym) <= _MAX_CODED and acronym.isalpha() and acronym.isupper()):
        return False
    low = acronym.lower()
    if low in _NOT_ACRONYMS or is_place_word(low) or is_non_party(acronym):
        return False
    named = words(mention.text)
    return len(named) > 1 and low[0] in {word[0] for word in named}


def _short_of(short: str, name: str, caps: bool) -> bool:
    """Whether a bracketed name is a short form of ``name``: its first word and some others
    in order, as in "Huaxin Precision Machinery Import and Export Co., Ltd. (Huaxin)"."""
    written = words(short)
    if not written or len(written) > MAX_NAME_WORDS:
        return False
    if not caps and not all(word[:1].isupper() for word in short.split()):
        return False
    full = words(name)
    if written[0] != full[0] or written == full:
        return False
    rest = iter(full[1:])
    return all(word in rest for word in written[1:])


def _initials_of(acronym: str, name: str) -> bool:
    """Whether the acronym is exactly the initials of the name's words, particles or not."""
    letters = "".join(char for char in acronym.lower() if char.isalnum())
    every = [word for word in words(name) if word[:1].isalnum()]
    initials = "".join(word[0] for word in every)
    content = "".join(word[0] for word in every if word not in PARTICLES)
    return letters in (initials, content)
