"""The retrieval keys of a name: every way a query may reach it.

Each key is a short string with a one-letter family prefix:

* ``w:`` the word itself;
* ``p:`` its metaphone code, for spellings that sound alike;
* ``c:`` its consonant skeleton, for names written in or read from an abjad;
* ``b:``/``e:`` its first and last four letters, for typing slips in the
  other half of a long word;
* ``d:`` the word and each form of it with one letter deleted, for a slip in
  a short word ("Macx" and "Maco" share ``d:mac``);
* ``a:`` an acronym the whole name could be abbreviated to;
* ``j:`` all words run together, for names whose spacing varies;
* ``l:``/``m:`` the same for a syllabic-script or a Latin name, with the
  letters that romanisations of Chinese and Korean disagree on merged
  (Zhu/Chu, Bag/Pak), in every rotation for a query;
* ``r:``/``s:`` two or three adjacent short words run together, and its
  metaphone code, for a query that writes them as one word ("Kangyun");
* ``x:`` for names written in an abjad, each word's consonants again: there
  the consonants are all the name has, so a Latin query reaching them has
  found the name as surely as by its spelling, and its vote counts in full.

Retrieval only has to put the right entity among a few dozen candidates;
the comparison decides.  So keys are generous, and rare keys count for more
than common ones when candidates are ranked.
"""

from __future__ import annotations

from functools import lru_cache

from interdict.parties.index.files import key_hash
from interdict.parties.names.analysis import Kind, NameForm
from interdict.parties.names.keys import (
    RUN_SIZES,
    acronym_query,
    loose_romanisation,
    phonetic,
    skeleton,
)
from interdict.parties.names.scripts import Script

AFFIX = 4
# Names of up to this many words are also filed with all their words run together.
JOINED_WORDS = 4
# Words of up to this many letters may be run together with their neighbours (see _runs).
RUN_WORD = 6
MIN_RUN_PART = 2
DELETIONS = (4, 8)
# How much a key of each family says: the word itself most, a shared prefix least.
FAMILY_WEIGHT = {
    "w": 1.0,
    "j": 1.0,
    "x": 1.0,
    "r": 1.0,
    "a": 0.9,
    "l": 0.9,
    "m": 0.9,
    "d": 0.8,
    "p": 0.8,
    "s": 0.8,
    "c": 0.7,
    "b": 0.6,
    "e": 0.6,
}


def word_key(word: str) -> str:
    """The key under which a word's own document frequency is counted."""
    return "w:" + word


def name_key_hashes(form: NameForm) -> set[int]:
    """The hashes of ``name_keys``, as the index stores them; a word's are worked out once."""
    hashes: set[int] = set()
    for word, kind in zip(form.tokens, form.kinds, strict=True):
        hashes.update(_hashes_of(word, kind))
    hashes.update(map(key_hash, _name_level_keys(form)))
    return hashes


def name_keys(form: NameForm) -> set[str]:
    """Keys a listed name is filed under, readable (the index stores their hashes)."""
    keys = _name_level_keys(form)
    for word, kind in zip(form.tokens, form.kinds, strict=True):
        keys.update(_keys_of(word, kind))
    return keys


def _joined_key(form: NameForm) -> str | None:
    """All words of a short name run together, for names whose spacing varies."""
    content = form.content
    return "j:" + "".join(content) if 1 <= len(content) <= JOINED_WORDS else None


def _runs(form: NameForm) -> list[tuple[str, int]]:
    """Two or three adjacent short words run together, with how many words each joins.

    Romanised Chinese and Korean names are spaced at the writer's whim
    ("Kang Yun", "Kangyun"), so a run of short words is also filed, and
    looked up, as the one word it may be written as.
    """
    words = [
        word if kind is Kind.WORD and word.isalpha() and len(word) <= RUN_WORD else ""
        for word, kind in zip(form.tokens, form.kinds, strict=True)
    ]
    runs = []
    for start in range(len(words)):
        for size in RUN_SIZES:
            part = words[start : start + size]
            if len(part) < size or not all(part):
                break
            runs.append(("".join(part), size))
    return runs


def _run_keys(word: str) -> set[str]:
    """Keys of a word as it would be filed had it been listed as a run of words.

    Runs have families of their own (``r:`` spelling, ``s:`` sound) so that a
    spaced query meeting a spaced listed name counts its words once, not again
    through the runs they form.
    """
    code = phonetic(word)
    return {"r:" + word, "s:" + code} if code else {"r:" + word}


def _loose_keys(form: NameForm, listed: bool) -> list[str]:
    """The name run together with romanisation differences merged, for Latin and CJK to meet.

    Only the two sides of a romanised Chinese, Korean or Japanese name take
    part: names in a syllabic script are filed under ``l:``, Latin names
    under ``m:``, and a query looks up only the other side's family (a
    syllabic query both), so two Latin names never meet here and their words
    are not counted twice.  Listed names are filed as written; a query looks
    up every rotation, since the family name may come first or last.
    """
    content = form.content
    syllabic = form.script.is_syllabic
    if not 1 <= len(content) <= JOINED_WORDS or not (syllabic or form.script is Script.LATIN):
        return []
    if listed:
        orders, families = [content], ["l:" if syllabic else "m:"]
    else:
        orders = [content[i:] + content[:i] for i in range(len(content))]
        families = ["l:", "m:"] if syllabic else ["l:"]
    loose = [loose_romanisation("".join(order)) for order in orders]
    return [family + text for family in families for text in loose]


def _name_level_keys(form: NameForm) -> set[str]:
    keys = {"a:" + letters for letters in form.initials}
    keys.update(_loose_keys(form, listed=True))
    for run, _ in _runs(form):
        keys.update(_run_keys(run))
    joined = _joined_key(form)
    if joined:
        keys.add(joined)
    content = form.content
    letters = acronym_query(form)
    if letters:
        keys.add("a:" + letters)  # the listed name may itself be an acronym
    if form.script.is_abjad:
        keys.update("x:" + consonants for consonants in map(skeleton, content) if consonants)
    return keys


def query_keys(form: NameForm) -> list[dict[str, float]]:
    """Keys a query name looks up, with their weights, grouped by word, then whole-name keys.

    A group votes once for a name, with its best key, so a name reached by a
    word's exact spelling and by its sound is not counted twice for it.
    Weights may exceed 1: a run of words counts once per word it joins.  A
    query written in an abjad has only consonants to offer, so its consonant
    keys count in full.
    """
    consonant_weight = 1.0 if form.script.is_abjad else FAMILY_WEIGHT["c"]
    groups: list[dict[str, float]] = []
    for word, kind in zip(form.tokens, form.kinds, strict=True):
        group = {key: FAMILY_WEIGHT[key[0]] for key in _keys_of(word, kind)}
        for key in list(group):
            if key[0] == "c":
                group[key] = consonant_weight
                group["x" + key[1:]] = FAMILY_WEIGHT["x"]
        if kind is Kind.WORD and word.isalpha() and len(word) >= 2 * MIN_RUN_PART:
            group.update({key: FAMILY_WEIGHT[key[0]] for key in _run_keys(word)})
        groups.append(group)
    for run, size in _runs(form):
        # A run stands for the words it joins, so it votes as they would together;
        # only its spelling and sound, which listed words share, not its slips.
        keys = {"w:" + run, "p:" + phonetic(run)}
        groups.append({key: FAMILY_WEIGHT[key[0]] * size for key in keys if len(key) > 2})
    joined = _joined_key(form)
    if joined:
        # Syllables are grouped into words at the writer's whim, so for a name in
        # Han, Hangul or Kana the run-together key stands for every word at once:
        # "jun heng yong" reaching "Junhengyong" must outvote names that merely
        # share "jun" and "heng" as separate words.
        size = len(form.content) if form.script.is_syllabic else 1
        groups.append({joined: FAMILY_WEIGHT["j"] * size})
        groups.append(dict.fromkeys(_loose_keys(form, listed=False), FAMILY_WEIGHT["l"] * size))
    letters = acronym_query(form)
    readings = {"a:" + initials for initials in form.initials}
    if letters:
        readings.add("a:" + letters)
    groups.append(dict.fromkeys(readings, FAMILY_WEIGHT["a"]))
    return [group for group in groups if group]


@lru_cache(maxsize=1_000_000)
def _hashes_of(word: str, kind: Kind) -> frozenset[int]:
    return frozenset(map(key_hash, _keys_of(word, kind)))


@lru_cache(maxsize=1_000_000)
def _keys_of(word: str, kind: Kind) -> frozenset[str]:
    """The keys of one word; cached, since a list repeats its words many times over."""
    if kind is Kind.STOP:
        return frozenset()
    keys = {"w:" + word}
    if kind is Kind.NUMBER:
        return frozenset(keys)
    code = phonetic(word)
    if code:
        keys.add("p:" + code)
    consonants = skeleton(word)
    if len(consonants) >= 2:
        keys.add("c:" + consonants)
    if len(word) >= 2 * AFFIX - 1:
        keys.add("b:" + word[:AFFIX])
        keys.add("e:" + word[-AFFIX:])
    if DELETIONS[0] <= len(word) <= DELETIONS[1]:
        keys.add("d:" + word)
        keys.update("d:" + word[:i] + word[i + 1 :] for i in range(len(word)))
    return frozenset(keys)
