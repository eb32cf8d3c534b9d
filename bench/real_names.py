"""Build a labelled name-pair set from real restricted-party lists (bench/data/real-names/).

``bench/gen_parties.py`` invents its names; this takes them from published lists, so the
benchmark sees the spellings, aliases and near misses that real lists carry. Every pair is
two names and a label; ``bench/bench_real_names.py`` scores them.

Sources
-------
Public copies of the lists, read from the git mirrors of the repositories that hold them
(``--extract-from /work/.mirror`` copies them into ``SRC`` with ``git show``; the list
files themselves are not committed here, ``bench/out`` is git-ignored, but the pairs built
from them are):

* ``ofac-sdn``: OFAC's legacy SDN CSV files ``sdn.csv`` (one row per entry) and ``alt.csv``
  (one row per alias) as OFAC publishes them (quoted fields, ``-0-`` for empty, a trailing
  Ctrl-Z), read by a reader here (Interdict has no loader for this format);
* ``un``: the UN Security Council Consolidated List XML, read by Interdict's own UN loader
  (``interdict.parties.loaders``);
* ``ofac-cons``: OFAC's consolidated non-SDN list in OFAC's ``sdnList`` XML, read by a
  reader here; it marks weak aliases (``category`` weak).

See ``SOURCES`` for the repository, commit and path of each file, and ``OUT/manifest.json``
for their sha256 and list dates. The copies were chosen for being whole and unedited:
fresher OFAC CSVs exist (edu777art/ListLookup, 2022) but went through a spreadsheet (a
vessel named ``7-28`` became ``28-Jul``, one id used twice, an invented alias row ``Another
name``), and the later of the two commits of the OFAC XML copy edits a listed name. No whole
EU Financial Sanctions Files XML was found in any stored repository (the copies known by
name, such as perchrh/sanction_list_search ``eu/eu_global_full.xml``, are not stored), so
the EU list is missing. Every source becomes
FollowTheMoney entities, and only ``Organization``/``Company``/``LegalEntity`` (the org set)
and ``Person`` (the person set) entities are used; vessels and aircraft are left out. OFAC
writes a person as ``LAST, First``; it is turned into ``First LAST`` (what a screening query
looks like).

Positives
---------
For every entity, its primary name (the first ``name``) against each of its other names
(``alias``, ``weakAlias``, ``previousName``), always within one list and one entry: the list
itself says both name the same party. The alias is the query (``left``), the primary name
the listed name (``right``). Identical strings are skipped. Each pair gets a ``kind``, the
first of these that holds (``relation``; words are case-, accent- and punctuation-folded):

* ``script``: the two names are in different scripts (Arabic vs Latin, ...);
* ``punctuation``: the same words, or the same letters, differing only in case, accents,
  spaces or punctuation;
* ``reorder``: the same words in another order;
* ``legal-form``: the same words once legal forms (``Co``, ``Ltd``, ``LLC``, ``OAO``, ...)
  and particles (``al``, ``of``, ``the``, ...) are set aside (called ``particle`` in the
  person set: ``Bassam Hassan`` / ``Bassam al-Hassan``);
* ``dropped-words``: the words of one are a strict subset of the other's;
* ``acronym``: one is a single word made of the leading letters of the other's words, in
  order, from its first word that is not a particle or legal form (``IRISL``, ``KOMID`` =
  KOrea MIning Development);
* ``abbreviated-words``: every word of the shorter name has a counterpart in the longer one,
  equal, spelled alike, or abbreviated (same first letter, its letters in order: ``Eng`` for
  ``Engineering``, ``Intl``), at least one abbreviated;
* ``transliteration``: the same, with no abbreviation and at least one word only spelled
  alike (normalised Levenshtein similarity >= 0.7, or the same consonants:
  ``Haramain``/``Haramayn``), or the words run together are that alike (>= 0.85); the
  longer name may have more words;
* ``partial``: some words shared or alike, others not (``Al-Akhtar Trust International`` /
  ``Al-Akhtar Medical Centre``); translations land here (``Banco Nacional de Cuba`` /
  ``National Bank of Cuba``);
* ``distinct``: nothing in common: a cover name the list gives for the same party
  (``Pakistan Relief Foundation``). No name matcher can find these; the evaluator reports
  its figures with and without them.

Each positive also records the alias property (``alias``, ``weakAlias``, ``previousName``).
At most ``MAX_ALIASES_PER_ENTITY`` aliases of one entity are used (chosen at random with the
seed), so that a few entries with fifty aliases do not weigh for half the set; then at most
``--max-positives`` pairs are drawn at random.

Negatives
---------
Names of two *different* entities that share at least one distinctive word: a word of three
or more letters that is not a legal form, a particle or a generic word (``GENERIC``: trade
and institution words in the lists' languages, ``company``, ``trading``, ``sanaye``,
``obshchestvo``; countries and big cities; common adjectives), and that occurs in the names
of at most ``--max-df`` entities of the set (``Mesbah`` is distinctive, ``Iran`` is not). For every
such word, up to ``PAIRS_PER_WORD`` pairs of entities whose names carry it are drawn; each
side's name is the first of its names (primary name first) holding the word. A pair is
kept only if the two names are not namesakes (``punctuation``, ``reorder`` or
``legal-form`` relation: indistinguishable by name), and gets a ``kind``:

* ``shared-word``: both names have words the other lacks (``Mesbah Energy Company`` /
  ``Mesbah Trading Company``);
* ``shared-word-subset``: one name's words are a strict subset of the other's
  (``Bank Melli`` / ``Bank Melli Iran Zao``), the hardest kind and arguably ambiguous;
* ``shared-word-alike``: every word of the shorter has a look-alike on the other side
  (``Sazmane Sanaye Havai`` / ``Sazmane Sanaye Hava Faza``, two Iranian organisations);
* ``cross-list shared-word``: as ``shared-word``, the two names from two different lists.
  Two lists often carry the same party under other spellings, so a cross-list pair is kept
  only if *no* name of the one entity stands in a closer relation than ``partial`` to any
  name of the other (the same party listed twice would), and only the ``shared-word``
  relation is kept across lists.

At most a quarter of the negatives are cross-list; then at most ``--max-negatives`` in all
(``--max-person-positives`` and ``--max-person-negatives`` for the person set).
Names are used as listed; left and right are in random (seeded) order.

Output
------
``OUT/pairs-org.jsonl.gz`` and ``OUT/pairs-person.jsonl.gz`` (gzip, written without a
timestamp so that the bytes depend only on the inputs), one pair a line::

    {"pair_id", "set", "schema", "left", "right", "label", "kind", "lists",
     "left_entity", "right_entity", "left_prop", "right_prop", "shared"}

and ``OUT/manifest.json`` (sources with sha256 and list dates, entity counts, pair counts
by kind, the command). The same inputs and ``--seed`` give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import random
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from followthemoney import EntityProxy, model
from rapidfuzz.distance import Levenshtein

OUT = Path("bench/data/real-names")
SRC = Path("bench/out/real-names/src")
ORG_SCHEMATA = frozenset({"Organization", "Company", "LegalEntity"})
ALIAS_PROPS = ("alias", "weakAlias", "previousName")
MAX_ALIASES_PER_ENTITY = 8
PAIRS_PER_WORD = 6
CROSS_LIST_SHARE = 0.25


@dataclass(frozen=True)
class Source:
    """One list file in a public repository: where it came from, where it goes in SRC."""

    list_name: str
    repo: str
    commit: str
    path: str
    target: str
    note: str = ""


SOURCES = (
    Source(
        "ofac-sdn",
        "garybogle/etl_spark",
        "53fdf7fa2ef72624250f5aad1125c04a7373c506",
        "sdn.csv",
        "ofac-sdn/sdn.csv",
        "OFAC legacy SDN CSV as published (quoted fields, Ctrl-Z at the end); committed "
        "2021-04-25, no list date in the file",
    ),
    Source(
        "ofac-sdn",
        "garybogle/etl_spark",
        "53fdf7fa2ef72624250f5aad1125c04a7373c506",
        "alt.csv",
        "ofac-sdn/alt.csv",
        "OFAC legacy SDN aliases, same snapshot as sdn.csv",
    ),
    Source(
        "un",
        "xd-mau5/deploy-test",
        "c0b77b3bdac037ab89c20361b4625760f68dcd84",
        "consolidated.xml",
        "un/consolidated.xml",
        "UN SC Consolidated List, saved byte for byte from scsanctions.un.org by the "
        "repository's own download script",
    ),
    Source(
        "ofac-cons",
        "Shubhamp7/Uploadtest",
        "fb8b01c3fc2ff96cf7e58dbc25b1b014c7fdf277",
        "consolidated.xml",
        "ofac-cons/consolidated.xml",
        "OFAC consolidated (non-SDN) list XML; the first upload (the repository's next "
        "commit edits a name)",
    ),
)


def _table(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Legal forms: set aside when comparing the words of two names of one party.
LEGAL_FORMS = _table(
    """
    co company companies corp corporation inc incorporated ltd limited llc plc lp llp
    gmbh ag kg sa sas sarl srl spa sl slu bv nv ab oy as asa aps kft doo dd ad ood eood
    oao ooo zao pao ao jsc ojsc cjsc pjsc ojs tov pp chp
    fze fzco fzc fz fzllc est establishment pte pvt private public joint stock closed open
    sdn bhd tbk pt cv cia ltda sac eirl sti sirketi anonim kabushiki kaisha kk yk gk jv
    sal pjs pjsc saog saoc wll spc fzed
    """
)
# Particles: carry no identity of their own.
PARTICLES = _table(
    """
    al el the of and for de la le les des du di da del y e et i an ul ur un a an to in at on
    bin ibn bint lil wal fi min
    """
)
# Generic words: never the distinctive word of a negative pair. Trade and institution words
# in the languages the lists use (English, Spanish, Russian, Persian, Arabic, Turkish in Latin
# letters), countries, regions and large cities, colours and other common adjectives.
GENERIC = _table(
    """
    trading trade traders industries industry industrial industrie industria group groups
    international intl general import export imports exports engineering engineers services
    service holding holdings investment investments invest bank banking shipping shipbuilding
    ship ships energy development developments construction constructions commercial
    enterprise enterprises organization organisation foundation center centre institute
    national global technology technologies technical tech petroleum petrochemical oil gas
    chemical chemicals electronics electronic electric electrical manufacturing manufacture
    production products product logistics marine maritime transport transportation airlines
    airline air aviation exchange finance financial capital management consulting consultants
    agency association committee charity charitable relief trust fund islamic republic
    ministry state factory plant complex mining metals metal steel research science scientific
    systems system solutions network media communications telecom telecommunication power
    partners brothers union society office department bureau branch world middle east west
    north south new united tourism travel health medical hospital pharmaceutical pharma
    equipment machinery machine tools supply supplies suppliers distribution agro agricultural
    food foods textile textiles real estate property properties projects project cooperative
    sales market markets store stores security defense defence military army forces force navy
    guard revolutionary front movement party council institution university academy school
    education cultural culture sports club federation authority administration directorate
    commission line lines navigation tanker tankers port ports free zone money peoples people
    offshore foreign central credit hotel insurance welfare support building brigade battalion
    regiment division corps unit units trafficking cement refinery province district city
    generation first second third economic drug business resources electricity aid shore off
    overseas nuclear information land day armed aerospace soldiers humanitarian holy help green
    grand freight design civil cargo blue golden gold star ocean sea farm liberation resistance
    leasing elevator noble special great region regional royal trans petro auto parts
    otkrytoe zakrytoe publichnoe aktsionernoe aktsionernogo obshchestvo obschestvo obshestvo
    obshchestva otkrytogo zakrytogo kompaniya tipa gosudarstvennoe unitarnoe predpriyatie
    federalnoe federal munitsipalnoe nauchno proizvodstvennoe obedinenie zavod kontsern concern
    tovarystvo firma ogranichennoi ogranichennoy otvetstvennostyu tekhnologii institut bank
    grupo comercializadora inmobiliaria internacional servicios servicio sociedad constructora
    comercial compania agropecuaria distribuidora agricola empresa operadora corporacion
    fundacion desarrollo centro banco limitada inversiones importadora exportadora transportes
    construcciones casa los las santa valle partes san tic ve
    sherkat sherkate sanaye sanat sanati gostar bonyad sazman sazmane tejarat bazargani
    mohandesi saderat sarafi sakhteman sakhtemani naft tolid khayriyya jamaat jamiat jamiyat
    jamiyah harakat hizb islami islamiya islamia islamiyah mujahideen mujahidin katibat liwa
    jaish lashkar tanzim hawala shahid imam haji abu ali mohammad muhammad
    youxian gongsi jituan keji maoyi guoji
    iran iranian syria syrian russia russian iraq iraqi korea korean choson chosun dprk china
    chinese pakistan yemen afghanistan colombia panama mexico venezuela cuba cuban lebanon
    lebanese libya libyan sudan somalia africa african asia asian europe european arab arabia
    arabian gulf levant palestine palestinian hong kong shanghai dalian dandong tehran moscow
    beijing dubai emirates uae turkey turkish india kish pars persian
    """
)

_SPACE = re.compile(r"\s+")
_WORD_DOT = re.compile(r"\.(?=\w{2})")  # "CO.FOR" is two words, "S.H.I.G." one
_APOSTROPHES = str.maketrans("", "", "'\u2019\u2018`\u00b4\u02bc.")


@dataclass
class ListEntity:
    """What the pairs need of an entity: list, id, schema, names (primary first)."""

    list_name: str
    entity_id: str
    schema: str
    names: list[tuple[str, str]]  # (name, property), the primary name first

    @property
    def primary(self) -> str:
        return self.names[0][0]


@dataclass
class Pair:
    set_name: str
    schema: str
    left: str
    right: str
    label: int
    kind: str
    lists: list[str]
    left_entity: str
    right_entity: str
    left_prop: str
    right_prop: str
    shared: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        key = "|".join((self.set_name, self.left, self.right, self.left_entity, self.right_entity))
        return {
            "pair_id": hashlib.blake2b(key.encode("utf-8"), digest_size=6).hexdigest(),
            "set": self.set_name,
            "schema": self.schema,
            "left": self.left,
            "right": self.right,
            "label": self.label,
            "kind": self.kind,
            "lists": self.lists,
            "left_entity": self.left_entity,
            "right_entity": self.right_entity,
            "left_prop": self.left_prop,
            "right_prop": self.right_prop,
            "shared": self.shared,
        }


# --- words and relations ---------------------------------------------------------------------


def words(name: str) -> list[str]:
    """Case-, accent- and punctuation-folded words; apostrophes and dots join (``S.H.I.G.``)."""
    decomposed = unicodedata.normalize("NFKD", _WORD_DOT.sub(" ", name).translate(_APOSTROPHES))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return "".join(c if c.isalnum() else " " for c in folded).split()


def content_words(name: str) -> list[str]:
    return [w for w in words(name) if w not in LEGAL_FORMS and w not in PARTICLES]


def scripts(name: str) -> frozenset[str]:
    """The scripts of a name's letters: LATIN, ARABIC, CYRILLIC, CJK, HANGUL ..."""
    found = set()
    for char in name:
        if char.isalpha():
            label = unicodedata.name(char, "UNKNOWN").split(" ")[0]
            found.add("CJK" if label in {"CJK", "HIRAGANA", "KATAKANA"} else label)
    return frozenset(found)


def alike(left: str, right: str) -> bool:
    """Two words spelled alike: equal, close in Levenshtein terms, or the same consonants."""
    if left == right:
        return True
    if min(len(left), len(right)) < 3 or left.isdigit() or right.isdigit():
        return False
    if Levenshtein.normalized_similarity(left, right) >= 0.7:
        return True
    return min(len(left), len(right)) >= 4 and _skeleton(left) == _skeleton(right)


def _skeleton(word: str) -> str:
    consonants = [c for c in word if c not in "aeiouy"]
    return "".join(c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1])


def is_acronym(short: str, long_words: list[str]) -> bool:
    """``short`` is made of leading letters of two or more of ``long_words``, in order,
    starting with the first word that is not a particle or a legal form."""
    if not (2 <= len(short) <= 12) or not short.isalpha() or len(long_words) < 2:
        return False
    first = next(
        (i for i, w in enumerate(long_words) if w not in PARTICLES and w not in LEGAL_FORMS), 0
    )

    def fits(at: int, index: int, used: int) -> bool:
        if at == len(short):
            return used >= 2
        last = index + 1 if at == 0 else len(long_words)
        for position in range(index, last):
            word = long_words[position]
            for size in range(1, min(len(word), len(short) - at) + 1):
                if short[at + size - 1] != word[size - 1]:
                    break
                if fits(at + size, position + 1, used + 1):
                    return True
        return False

    return fits(0, first, 0)


def relation(left: str, right: str) -> str:
    """How two names of a party relate; the first that holds of the kinds in the docstring."""
    if scripts(left) != scripts(right):
        return "script"
    left_all, right_all = words(left), words(right)
    if left_all == right_all or "".join(left_all) == "".join(right_all):
        return "punctuation"
    if sorted(left_all) == sorted(right_all):
        return "reorder"
    left_words, right_words = content_words(left), content_words(right)
    if set(left_words) == set(right_words):
        return "legal-form"
    short, long = sorted((left_words, right_words), key=len)
    if set(short) < set(long):
        return "dropped-words"
    long_all = right_all if long is right_words else left_all
    if len(short) == 1 and is_acronym(short[0], long_all):
        return "acronym"
    matches = [max((_likeness(s, w) for w in long), default=0) for s in short]
    if short and min(matches) > 0:
        return "abbreviated-words" if 1 in matches else "transliteration"
    if Levenshtein.normalized_similarity("".join(short), "".join(long)) >= 0.85:
        return "transliteration"
    if max(matches, default=0) >= 2:
        return "partial"
    return "distinct"


def _likeness(short: str, long: str) -> int:
    """3 equal, 2 spelled alike, 1 ``short`` abbreviates ``long`` (``Eng``, ``Intl``), 0 none."""
    if short == long:
        return 3
    if alike(short, long):
        return 2
    if (
        len(short) >= 2
        and len(long) >= len(short) + 2
        and short[0] == long[0]
        and short.isalpha()
        and _subsequence(short, long)
    ):
        return 1
    return 0


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(char in letters for char in short)


NAMESAKE = frozenset({"punctuation", "reorder", "legal-form"})


def distinctive(name: str) -> set[str]:
    return {
        w
        for w in content_words(name)
        if len(w) >= 3 and not w.isdigit() and w not in GENERIC and w.isalpha()
    }


# --- list readers ------------------------------------------------------------------------------


def _null(value: str | None) -> str | None:
    value = (value or "").strip()
    return None if value in {"", "-0-"} else value


def person_order(name: str) -> str:
    """OFAC's ``LAST, First`` as ``First LAST``; any other name unchanged."""
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 2 and all(parts):
        return f"{parts[1]} {parts[0]}"
    return name


def read_ofac_csv(sdn: Path, alt: Path) -> Iterator[EntityProxy]:
    """OFAC's legacy ``sdn.csv`` + ``alt.csv`` as FtM entities (entries without a type are
    organisations; vessels and aircraft are skipped)."""
    aliases: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in _csv_rows(alt):
        if len(row) < 4 or not (name := _null(row[3])):
            continue
        kind = (_null(row[2]) or "aka").lower()
        aliases[row[0].strip()].append((name, "previousName" if kind == "fka" else "alias"))
    for row in _csv_rows(sdn):
        if len(row) < 3 or not (name := _null(row[1])):
            continue
        kind = (_null(row[2]) or "").lower()
        schema = {"": "Organization", "individual": "Person"}.get(kind)
        if schema is None:
            continue
        entity = model.make_entity(schema)
        entity.id = f"ofac-sdn-{row[0].strip()}"
        entity.add("name", person_order(name) if schema == "Person" else name)
        for alias, prop in aliases.get(row[0].strip(), []):
            entity.add(prop, person_order(alias) if schema == "Person" else alias)
        yield entity


def _csv_rows(path: Path) -> Iterator[list[str]]:
    text = path.read_bytes().decode("latin-1").replace("\x1a", "")
    for row in csv.reader(io.StringIO(text)):
        if row and row[0].strip().isdigit():
            yield row


def read_ofac_xml(path: Path) -> Iterator[EntityProxy]:
    """OFAC's ``sdnList`` XML (SDN or consolidated non-SDN) as FtM entities."""

    def text(node: ET.Element, tag: str) -> str:
        for child in node:
            if child.tag.rsplit("}", 1)[-1] == tag:
                return (child.text or "").strip()
        return ""

    def name_of(node: ET.Element) -> str:
        return _SPACE.sub(" ", f"{text(node, 'firstName')} {text(node, 'lastName')}").strip()

    for _, node in ET.iterparse(path):
        if node.tag.rsplit("}", 1)[-1] != "sdnEntry":
            continue
        schema = {"individual": "Person", "entity": "Organization"}.get(
            text(node, "sdnType").lower()
        )
        if schema is not None and (name := name_of(node)):
            entity = model.make_entity(schema)
            entity.id = f"ofac-cons-{text(node, 'uid')}"
            entity.add("name", name)
            for aka in node.iter():
                if aka.tag.rsplit("}", 1)[-1] != "aka" or not (alias := name_of(aka)):
                    continue
                kind, category = text(aka, "type").lower(), text(aka, "category").lower()
                prop = "previousName" if kind.startswith("f.k.a") else "alias"
                entity.add("weakAlias" if category == "weak" else prop, alias)
            yield entity
        node.clear()


def read_un(path: Path) -> Iterator[EntityProxy]:
    from interdict.parties.loaders import LoadProblem, read_list

    for item in read_list(path, "un", "un"):
        if isinstance(item, LoadProblem):
            print(f"un: {item}", file=sys.stderr)
            continue
        yield item


def list_entities(list_name: str, entities: Iterable[EntityProxy]) -> Iterator[ListEntity]:
    for entity in entities:
        if entity.schema.name not in ORG_SCHEMATA | {"Person"}:
            continue
        names: list[tuple[str, str]] = []
        seen: set[str] = set()
        for prop in ("name", *ALIAS_PROPS):
            for value in entity.get(prop):
                value = _SPACE.sub(" ", value).strip()
                if value and value not in seen:
                    seen.add(value)
                    names.append((value, prop))
        if names:
            schema = "Person" if entity.schema.name == "Person" else "Organization"
            yield ListEntity(list_name, str(entity.id), schema, names)


def read_sources(src: Path) -> dict[str, list[ListEntity]]:
    readers = {
        "ofac-sdn": lambda: read_ofac_csv(src / "ofac-sdn/sdn.csv", src / "ofac-sdn/alt.csv"),
        "un": lambda: read_un(src / "un/consolidated.xml"),
        "ofac-cons": lambda: read_ofac_xml(src / "ofac-cons/consolidated.xml"),
    }
    return {name: list(list_entities(name, read())) for name, read in readers.items()}


# --- pairs -------------------------------------------------------------------------------------


def positives(entities: list[ListEntity], set_name: str, rng: random.Random) -> list[Pair]:
    """Primary name against each other name of the same entity (the alias as the query)."""
    pairs = []
    for entity in entities:
        primary = entity.primary
        others = [(n, p) for n, p in entity.names[1:] if n.casefold() != primary.casefold()]
        if len(others) > MAX_ALIASES_PER_ENTITY:
            others = rng.sample(others, MAX_ALIASES_PER_ENTITY)
        for alias, prop in others:
            kind = relation(alias, primary)
            if kind == "legal-form" and entity.schema == "Person":
                kind = "particle"  # "Bassam Hassan" / "Bassam al-Hassan"
            pairs.append(
                Pair(
                    set_name,
                    entity.schema,
                    alias,
                    primary,
                    1,
                    kind,
                    [entity.list_name],
                    entity.entity_id,
                    entity.entity_id,
                    prop,
                    "name",
                )
            )
    return pairs


def word_index(entities: list[ListEntity]) -> dict[str, list[int]]:
    """Each distinctive word, and the entities (by position) whose names carry it."""
    index: dict[str, list[int]] = defaultdict(list)
    for position, entity in enumerate(entities):
        for word in sorted(set().union(*(distinctive(n) for n, _ in entity.names))):
            index[word].append(position)
    return index


def _name_with(entity: ListEntity, word: str) -> tuple[str, str]:
    return next((n, p) for n, p in entity.names if word in distinctive(n))


def _same_party_risk(first: ListEntity, second: ListEntity) -> bool:
    """Could two entries of two lists be one party? Any pair of names closer than partial."""
    return any(
        relation(a, b) not in {"partial", "distinct"}
        for a, _ in first.names
        for b, _ in second.names
    )


def negatives(
    entities: list[ListEntity], set_name: str, rng: random.Random, max_df: int
) -> tuple[list[Pair], list[Pair]]:
    """Near-miss pairs of two entities sharing a distinctive word: (within list, cross-list)."""
    within: list[Pair] = []
    cross: list[Pair] = []
    seen: set[tuple[str, str]] = set()
    for word, members in sorted(word_index(entities).items()):
        if not 2 <= len(members) <= max_df:
            continue
        candidates = list(combinations(members, 2))
        rng.shuffle(candidates)
        taken = 0
        for first_at, second_at in candidates:
            if taken >= PAIRS_PER_WORD:
                break
            first, second = entities[first_at], entities[second_at]
            key = (min(first.entity_id, second.entity_id), max(first.entity_id, second.entity_id))
            if key in seen:
                continue
            if rng.random() < 0.5:
                first, second = second, first
            (left, left_prop), (right, right_prop) = (
                _name_with(first, word),
                _name_with(second, word),
            )
            related = relation(left, right)
            if related in NAMESAKE:
                continue
            kind = {
                "dropped-words": "shared-word-subset",
                "transliteration": "shared-word-alike",
                "abbreviated-words": "shared-word-alike",
            }
            across = first.list_name != second.list_name
            if across and (related != "partial" or _same_party_risk(first, second)):
                continue
            pair = Pair(
                set_name,
                first.schema,
                left,
                right,
                0,
                ("cross-list " if across else "") + kind.get(related, "shared-word"),
                sorted({first.list_name, second.list_name}),
                first.entity_id,
                second.entity_id,
                left_prop,
                right_prop,
                sorted(distinctive(left) & distinctive(right)),
            )
            seen.add(key)
            taken += 1
            (cross if across else within).append(pair)
    return within, cross


def build_set(
    entities: list[ListEntity],
    set_name: str,
    seed: int,
    max_positives: int,
    max_negatives: int,
    max_df: int,
    available: dict[str, int],
) -> list[Pair]:
    """The pairs of one set; ``available`` gets the counts before the caps."""
    rng = random.Random(f"{seed}:{set_name}")
    positive = positives(entities, set_name, rng)
    within, cross = negatives(entities, set_name, rng, max_df)
    available.update(positives=len(positive), within_list=len(within), cross_list=len(cross))
    if len(positive) > max_positives:
        positive = rng.sample(positive, max_positives)
    cross = rng.sample(cross, min(len(cross), int(max_negatives * CROSS_LIST_SHARE)))
    within = rng.sample(within, min(len(within), max_negatives - len(cross)))
    pairs = positive + within + cross
    pairs.sort(key=lambda p: (-p.label, p.kind, p.left_entity, p.left, p.right))
    return pairs


# --- sources on disk ---------------------------------------------------------------------------


def extract(mirror_root: Path, src: Path) -> None:
    """Copy each source file out of its repository mirror at its commit (``git show``)."""
    for source in SOURCES:
        repo_dir = mirror_root / source.repo.replace("/", "+") / "repo"
        target = src / source.target
        target.parent.mkdir(parents=True, exist_ok=True)
        blob = subprocess.run(
            ["git", "-C", str(repo_dir), "show", f"{source.commit}:{source.path}"],
            check=True,
            capture_output=True,
        ).stdout
        target.write_bytes(blob)


_DATES = {
    "un/consolidated.xml": re.compile(rb"dateGenerated=['\"]([^'\"]+)"),
    "ofac-cons/consolidated.xml": re.compile(rb"<Publish_Date>([^<]+)"),
}


def describe_sources(src: Path) -> list[dict[str, Any]]:
    described = []
    for source in SOURCES:
        data = (src / source.target).read_bytes()
        pattern = _DATES.get(source.target)
        found = pattern.search(data[:4096]) if pattern else None
        described.append(
            {
                "list": source.list_name,
                "repo": source.repo,
                "commit": source.commit,
                "path": source.path,
                "file": source.target,
                "sha256": hashlib.sha256(data).hexdigest(),
                "bytes": len(data),
                "list_date": found.group(1).decode() if found else None,
                "note": source.note,
            }
        )
    return described


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where the pairs go")
    parser.add_argument("--src", type=Path, default=SRC, help="where the list files are")
    parser.add_argument(
        "--extract-from",
        type=Path,
        metavar="MIRROR_ROOT",
        help="copy the source files out of the git mirrors under this directory first",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-positives", type=int, default=5000)
    parser.add_argument("--max-negatives", type=int, default=5000)
    parser.add_argument("--max-person-positives", type=int, default=1500)
    parser.add_argument("--max-person-negatives", type=int, default=1500)
    parser.add_argument("--max-df", type=int, default=20, help="most entities for a word")
    args = parser.parse_args()

    src = args.src
    args.out.mkdir(parents=True, exist_ok=True)
    if args.extract_from:
        extract(args.extract_from, src)
    by_list = read_sources(src)
    everything = [entity for entities in by_list.values() for entity in entities]
    manifest: dict[str, Any] = {
        "command": " ".join(["bench/real_names.py", *sys.argv[1:]]),
        "seed": args.seed,
        "sources": describe_sources(src),
        "entities": {
            name: dict(Counter(e.schema for e in entities)) for name, entities in by_list.items()
        },
        "sets": {},
    }
    sets = {
        "org": ("Organization", args.max_positives, args.max_negatives),
        "person": ("Person", args.max_person_positives, args.max_person_negatives),
    }
    for set_name, (schema, max_positives, max_negatives) in sets.items():
        chosen = [entity for entity in everything if entity.schema == schema]
        available: dict[str, int] = {}
        pairs = build_set(
            chosen, set_name, args.seed, max_positives, max_negatives, args.max_df, available
        )
        path = args.out / f"pairs-{set_name}.jsonl.gz"
        lines = "".join(json.dumps(p.to_json(), ensure_ascii=False) + "\n" for p in pairs)
        path.write_bytes(gzip.compress(lines.encode("utf-8"), mtime=0))
        manifest["sets"][set_name] = {
            "file": path.name,
            "entities": len(chosen),
            "available_before_caps": available,
            "positives": sum(p.label for p in pairs),
            "negatives": sum(1 - p.label for p in pairs),
            "by_kind": dict(sorted(Counter(f"{p.label} {p.kind}" for p in pairs).items())),
            "by_list": dict(sorted(Counter("+".join(p.lists) for p in pairs).items())),
            "positives_by_prop": dict(Counter(p.left_prop for p in pairs if p.label)),
        }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    print(json.dumps({k: manifest[k] for k in ("entities", "sets")}, indent=2))


if __name__ == "__main__":
    main()
