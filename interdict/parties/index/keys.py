"""The retrieval keys of a name: every way a query may reach it.

Each key is a short string with a one-letter family prefix:

* ``w:`` the word itself;
* ``p:`` its metaphone code, for spellings that sound alike;
* ``c:`` its consonant skeleton, for names written in or read from an abjad;
* ``b:``/``e:`` its first and last four letters, for typing slips in the
  other half of a long word;
* ``a:`` an acronym the whole name could be abbreviated to;
* ``j:`` all words run together, for names whose spacing varies.

Retrieval only has to put the right entity among a few dozen candidates;
the comparison decides.  So keys are generous, and rare keys count for more
than common ones when candidates are ranked.
"""

from __future__ import annotations

from interdict.parties.names.analysis import Kind, NameForm
from interdict.parties.names.keys import acronym_query, acronyms, phonetic, skeleton

AFFIX = 4


def word_key(word: str) -> str:
    """The key under which a word's own document frequency is counted."""
    return "w:" + word


def name_keys(form: NameForm) -> set[str]:
    """Keys a listed name is filed under."""
    keys = _word_keys(form)
    keys.update("a:" + letters for letters in acronyms(form))
    content = form.content
    if 1 <= len(content) <= 4:
        keys.add("j:" + "".join(content))
    if len(content) == 1 and len(content[0]) <= 8:
        keys.add("a:" + content[0])  # the listed name may itself be an acronym
    return keys


def query_keys(form: NameForm) -> set[str]:
    """Keys a query name looks up: the same families, plus its acronym readings."""
    keys = _word_keys(form)
    content = form.content
    if 1 <= len(content) <= 4:
        keys.add("j:" + "".join(content))
    letters = acronym_query(form)
    if letters:
        keys.add("a:" + letters)
    keys.update("a:" + letters for letters in acronyms(form))
    return keys


def _word_keys(form: NameForm) -> set[str]:
    keys: set[str] = set()
    for word, kind in zip(form.tokens, form.kinds, strict=True):
        if kind is Kind.STOP:
            continue
        keys.add("w:" + word)
        if kind is Kind.NUMBER:
            continue
        code = phonetic(word)
        if code:
            keys.add("p:" + code)
        consonants = skeleton(word)
        if len(consonants) >= 2:
            keys.add("c:" + consonants)
        if len(word) >= 2 * AFFIX - 1:
            keys.add("b:" + word[:AFFIX])
            keys.add("e:" + word[-AFFIX:])
    return keys
