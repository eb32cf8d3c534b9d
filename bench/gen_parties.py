"""Write a synthetic restricted-party list and labelled screening queries for benchmarking.

A name-screening benchmark needs a list large enough to stress an index (a million entries)
and queries whose right answer is known. Real lists are small and their names belong to
real people, so this writes a stand-in, deterministically from ``--seed``:

* ``--list-out``: FollowTheMoney entities (``Person``, ``Company``, ``Organization``), one
  JSON object a line, with names, aliases, birth dates, nationalities, countries and
  identifiers;
* ``--queries-out``: positive queries, each a perturbation of one list entry, labelled with
  that entry's id and the kind of perturbation;
* ``--negatives-out``: near-miss negatives, which look like list entries but match none.

Names
-----
Persons come from ten naming cultures (Anglo, Hispanic, Arabic, Persian, Russian, Chinese,
Korean, Greek, Hebrew, Turkish). Given names and common family names are small tables of
the culture's ordinary names, each with its spellings in Latin (``Mohammad|Muhammad|...``)
and in the culture's script. Most family names, and every distinctive word of a company or
organisation name, are *invented*: built from a culture's syllable bank, where each syllable
has its Latin spelling, alternative Latin spellings and its spelling in the script (Arabic,
Persian and Hebrew syllables leave out short vowels, as the scripts do; Han, Hangul and
katakana are one character per syllable; Greek and Hebrew get final letter forms). So every
name has a Latin base and a native form, the list can be large without naming real people or
real designated entities, and the generator knows every spelling it could produce.

Company names are distinctive words + generic words (``Trading``, ``Machinery``,
``Import Export``, ...) + a legal form from the company's country (``Ltd``, ``GmbH``,
``A.Ş.``, ``ООО``, ``شرکت``, ``有限公司``, ``株式会社``, ...). Generic words and legal forms
have their equivalents in other languages and abbreviations (``Limited``/``Ltd``,
``A.Ş.``/``Anonim Şirketi``, ``ООО``/``Общество с ограниченной ответственностью``), and
native-script names are assembled the way the script's own names are (legal form first in
Russian and Persian, no spaces in Chinese and Japanese, «quotes» in Russian). Some
organisations carry their acronym as an alias.

Each entity is a pure function of ``(seed, count, index)`` (``count`` sets the size of the
invented vocabulary): the list is written as a stream, by ``--workers`` processes in index
order (the bytes do not depend on their number), and a query is made by regenerating the
entity it perturbs, so memory does not grow with ``--count`` beyond the acronym counts
(below).

Queries
-------
Each kind of perturbation is one way a real screening input differs from the list:

* ``exact``: a name or alias as listed (the baseline every matcher must pass);
* ``typo``: one edit (substitution, deletion, insertion, transposition) in one token,
  usually of four or more letters, sometimes in a short token, in any script;
* ``reorder``: family name first or last; words of an organisation name permuted;
* ``legal_form``: legal form dropped, or replaced by an equivalent in another form or
  language (``Limited`` -> ``Ltd``, ``Co., Ltd.`` -> ``Company Limited``);
* ``transliteration``: another Latin spelling of the same native name (``Mohammad`` ->
  ``Muhammad``, ``Sergey`` -> ``Sergei``, ``Jianguo`` -> ``Jian Guo``, ``Şahin`` -> ``Sahin``);
* ``script_change``: the Latin form when the list holds only the native one, or the reverse;
* ``acronym``: the initials of an organisation name of four or five words (legal form not
  counted), for entries that do not list the acronym, and only if no other list entry can be
  read as the same acronym (see Acronyms below);
* ``dropped_token``: one non-first, non-legal-form token removed from a name of three or
  more tokens (a middle name, a patronymic, a generic word);
* ``added_token``: a generic word or a middle name added.

Kinds come in equal shares. Person queries carry the entry's birth date and nationality on
about half of them, company queries the country on about half.

Acronyms
--------
An acronym is short, and in a large list many names share their initials: every
"R... Research Center" reads ``RRC``, and some entries carry an acronym as an alias. A query
that several list entries can be read as has no single right answer, and labelling one of
them ``expected`` would score luck, not matching. So, while the list is generated, every
acronym a matcher could reasonably read from each Company and Organization is counted, once
per entity (:func:`entity_acronyms`): from each Latin name and alias, the initials of its
words (split at spaces, or at every non-letter as in ``Al-Nur`` and ``S.A.``), with and
without stop words (``and``, ``of``, ``ve``, ``al``, ...), and of its capitalised words only,
each from the whole name and from the name without any Latin legal form it starts or ends
with (``Co., Ltd.``, or only ``Ltd.``); and an alias that is itself one short word
(``SKIG``). Keys are casefolded, with diacritics dropped.

An ``acronym`` query is accepted only if its acronym has at least four letters and exactly
one list entity gives it (its own); entities are drawn until one does, so acronym queries
keep their equal share. Only acronyms of 4-5 letters are counted (the only ones a query can
have), which keeps the counter small (about 210,000 keys for a million entries). The counts
come back from the ``--workers`` processes with their chunks of the list and are summed, so
they, and the output, do not depend on the number of workers. Writing queries without
``--list-out`` still makes one pass over the list's names for the counts.

Negatives
---------
A near miss keeps the structure, generic words and legal form of a list entry, or a common
given or family name, but at least one token is new: a word built from the same culture's
syllables that is at edit distance three or more from *every* token the list could contain
(every spelling of every table name and invented word, every Chinese and Korean given name,
generic words, legal forms, honorifics, ASCII-folded forms) and at least eight letters long
(six in Cyrillic and Greek), so it is also three edits from any acronym (at most five
letters). A positive query only ever holds list tokens, tokens one typo (at most two
edits) from them, or an acronym, so no negative can be a perturbation of a list entry.
The new words are drawn from per-culture pools filtered against the vocabulary when the run
starts (they recur across negatives, and run longer than list words: a word far from a dense
vocabulary tends to be), and each finished negative is checked again
(:meth:`Vocabulary.is_negative`). Persons share a
given name or a family name with the list, never both; Chinese and Korean persons are left
out, as every one- or two-syllable given name may be listed. Negatives are written in Latin,
and in Cyrillic or Greek for those cultures (scripts with vowels, where an edit distance of
three means something); Arabic-script, Hebrew and CJK names are too short for that.

Usage::

    python bench/gen_parties.py --count 1000000 --seed 1 \\
        --list-out bench/out/parties.jsonl \\
        --queries-out bench/out/parties-queries.jsonl \\
        --negatives-out bench/out/parties-negatives.jsonl
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import resource
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import accumulate, chain, pairwise
from pathlib import Path
from typing import Any, TextIO

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

# ---------------------------------------------------------------------------------------
# Scripts

LATIN = "Latin"
CYRILLIC = "Cyrillic"
ARABIC = "Arabic"
PERSIAN = "Persian"
HEBREW = "Hebrew"
GREEK = "Greek"
HAN = "Han"
HANGUL = "Hangul"
JAPANESE = "Japanese"

#: Scripts whose names are written without spaces between their parts.
UNSPACED = frozenset({HAN, HANGUL, JAPANESE})
#: Scripts in which negatives are written besides Latin.
NEGATIVE_SCRIPTS = frozenset({LATIN, CYRILLIC, GREEK})
#: A new token in a negative is at least this long (see the module docstring).
MIN_NEW_TOKEN = {LATIN: 8, CYRILLIC: 6, GREEK: 6}
#: A new token is at least this many edits from every token the list could contain.
MIN_DISTANCE = 3
#: Acronyms are made of this many words (legal form not counted).
MIN_ACRONYM = 3
MAX_ACRONYM = 5
#: An acronym query has at least this many letters (and is read from one list entry only).
MIN_ACRONYM_QUERY = 4

PERSON = "Person"
COMPANY = "Company"
ORGANIZATION = "Organization"
SCHEMA_SHARES = ((PERSON, 0.50), (COMPANY, 0.38), (ORGANIZATION, 0.12))

KINDS = (
    "exact",
    "typo",
    "reorder",
    "legal_form",
    "transliteration",
    "script_change",
    "acronym",
    "dropped_token",
    "added_token",
)

# ---------------------------------------------------------------------------------------
# Words and syllables


@dataclass(frozen=True, slots=True)
class Word:
    """A name or word: its canonical Latin spelling, other Latin spellings, native form."""

    latin: str
    variants: tuple[str, ...] = ()
    native: str = ""

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.latin, *self.variants)


@dataclass(frozen=True, slots=True)
class Syllable:
    latin: str
    alts: tuple[str, ...]
    native: str


def parse_names(spec: str) -> tuple[Word, ...]:
    """``native=Latin|Other;...`` (or ``Latin|Other;...`` for Latin-script names)."""
    words = []
    for raw in spec.split(";"):
        entry = raw.strip()
        if not entry:
            continue
        native, _, latin = entry.rpartition("=")
        spellings = latin.split("|")
        words.append(Word(spellings[0], tuple(spellings[1:]), native))
    return tuple(words)


def parse_syllables(spec: str) -> tuple[Syllable, ...]:
    """``latin|alt=native ...`` separated by whitespace."""
    out = []
    for entry in spec.split():
        latin, _, native = entry.partition("=")
        spellings = latin.split("|")
        out.append(Syllable(spellings[0], tuple(spellings[1:]), native))
    return tuple(out)


def split_words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: Words an acronym may be read with or without (``Industry and Trade``: ``IAT`` or ``IT``).
ACRONYM_STOPWORDS = frozenset(
    split_words("and of the for ve al el de del la y e et und mit s per di da a")
)


_FOLD = str.maketrans("şçğıöüâîûáéíóúñŞÇĞİÖÜÁÉÍÓÚÑ", "scgiouaiuaeiounSCGIOUAEIOUN")
_HEBREW_FINAL = {"כ": "ך", "מ": "ם", "נ": "ן", "פ": "ף", "צ": "ץ"}
_HEBREW_UNFINAL = str.maketrans({v: k for k, v in _HEBREW_FINAL.items()})


def fold(text: str) -> str:
    """Latin letters with their Turkish and Spanish diacritics removed."""
    return text.translate(_FOLD)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def finalize(native: str, script: str) -> str:
    """Final letter forms: Hebrew ךםןףץ and Greek ς at the end of a word only."""
    if script == HEBREW:
        native = native.translate(_HEBREW_UNFINAL)
        if native and native[-1] in _HEBREW_FINAL:
            native = native[:-1] + _HEBREW_FINAL[native[-1]]
    elif script == GREEK:
        native = native.replace("ς", "σ")
        if native.endswith("σ"):
            native = native[:-1] + "ς"
    return native


def _dedupe(items: Sequence[str], drop: str) -> tuple[str, ...]:
    seen = {drop}
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return tuple(out)


# ---------------------------------------------------------------------------------------
# Cultures


@dataclass(frozen=True, slots=True)
class Culture:
    key: str
    script: str
    countries: tuple[str, ...]
    fronts: tuple[str, ...]
    person_weight: float
    company_weight: float
    given_m: tuple[Word, ...]
    given_f: tuple[Word, ...]
    family: tuple[Word, ...]
    syllables: tuple[Syllable, ...]
    suffixes: tuple[Syllable, ...] = ()
    #: Latin given names may be written per syllable (``Jian Guo``, ``Min-jun``).
    spaced: bool = False
    #: Family name first (Chinese, Korean).
    family_first: bool = False
    #: Arabic ``Al-`` article on some invented family names and company words.
    article: bool = False
    #: Latin spellings carry diacritics, with an ASCII-folded variant.
    folds: bool = False
    patronymics_m: tuple[Word, ...] = ()
    patronymics_f: tuple[Word, ...] = ()
    #: Share of persons with a middle name (father's name, patronymic, second given name).
    middle_share: float = 0.0
    #: Share of persons with an invented (syllable-built) family name.
    invented_family: float = 0.6


ANGLO = Culture(
    key="anglo",
    script=LATIN,
    countries=("gb", "gb", "us", "us", "ca", "au", "ie", "nz"),
    fronts=(),
    person_weight=8,
    company_weight=6,
    given_m=parse_names(
        "James|Jim;John|Jon;Robert;Michael;William;David;Richard;Thomas;Charles;Daniel;"
        "Matthew;Anthony;Mark;Steven|Stephen;Paul;Andrew;Kevin;Brian;George;Edward;Peter;"
        "Simon;Neil|Neal;Philip|Phillip"
    ),
    given_f=parse_names(
        "Mary;Patricia;Jennifer;Linda;Elizabeth;Susan;Jessica;Sarah|Sara;Karen;Margaret;"
        "Emily;Laura;Helen;Catherine|Katherine|Kathryn;Rachel;Anne|Ann"
    ),
    family=parse_names(
        "Smith;Johnson;Williams;Brown;Jones;Miller;Davis;Wilson;Taylor;Clark;Lewis;Walker;"
        "Hall;Young;Wright;Scott;Green;Baker;Adams;Nelson;Carter;Mitchell;Roberts;Turner;"
        "Phillips|Philips;Campbell;Parker;Evans;Edwards;Collins;Stewart|Stuart;Morris;Cook;"
        "Rogers;Reed|Reid;Bell;Ward;Cooper;Hughes;Gray|Grey;Price;Bennett;Wood;Ross"
    ),
    syllables=parse_syllables(
        "ash bar brad brook burn cal carl crom dal den dun ell fair fen gar ham hart hol kent "
        "kirk lang mor nor pem rad shaw stan thorn wal wel wick win"
    ),
    suffixes=parse_syllables("ton ley|leigh|lee ford field wood by|bie well worth man son|sen"),
    middle_share=0.3,
)

HISPANIC = Culture(
    key="hispanic",
    script=LATIN,
    countries=("es", "es", "mx", "mx", "ve", "co", "ar", "cu", "pa", "pe"),
    fronts=("pa",),
    person_weight=7,
    company_weight=5,
    given_m=parse_names(
        "José|Jose;Juan;Luis;Carlos;Jorge;Manuel;Francisco;Antonio;Miguel;Pedro;Alejandro;"
        "Fernando;Ricardo;Javier|Xavier;Raúl|Raul;Andrés|Andres;Eduardo;Héctor|Hector;Sergio;"
        "Ramón|Ramon;Rafael;Diego;Gustavo;Óscar|Oscar;Enrique"
    ),
    given_f=parse_names(
        "María|Maria;Carmen;Ana;Isabel;Lucía|Lucia;Laura;Elena;Rosa;Marta;Patricia;Teresa;"
        "Sofía|Sofia;Gabriela;Verónica|Veronica;Mónica|Monica;Alejandra;Beatriz"
    ),
    family=parse_names(
        "García|Garcia;Rodríguez|Rodriguez;González|Gonzalez;Fernández|Fernandez;López|Lopez;"
        "Martínez|Martinez;Sánchez|Sanchez;Pérez|Perez;Gómez|Gomez;Jiménez|Jimenez|Gimenez;"
        "Ruiz;Hernández|Hernandez;Díaz|Diaz;Moreno;Álvarez|Alvarez;Romero;Alonso;"
        "Gutiérrez|Gutierrez;Navarro;Torres;Domínguez|Dominguez;Vázquez|Vazquez|Vasquez;"
        "Ramos;Ramírez|Ramirez;Serrano;Blanco;Suárez|Suarez;Molina;Castro;Ortiz;Rubio;"
        "Núñez|Nunez;Medina;Castillo;Santos;Guerrero;Méndez|Mendez;Cruz;Herrera;Flores;Vega;"
        "Reyes;Aguilar;Vargas;Rojas"
    ),
    syllables=parse_syllables(
        "al ba be ca cer co da del fa ga gue la le lo ma me mon na ne no pa pe que ra re ri "
        "rro sa se ta te to va ve vi za zo"
    ),
    suffixes=parse_syllables("ez|es ado ero al año|ano eda eta ona iz|is"),
    folds=True,
    middle_share=0.2,
)

TURKISH = Culture(
    key="turkish",
    script=LATIN,
    countries=("tr",),
    fronts=("ae", "az"),
    person_weight=8,
    company_weight=8,
    given_m=parse_names(
        "Mehmet|Mehmed;Mustafa;Ahmet|Ahmed;Ali;Hüseyin|Huseyin|Hussein;Hasan|Hassan;"
        "İbrahim|Ibrahim;İsmail|Ismail;Osman;Yusuf|Yousuf|Yusef;Murat|Murad;Ömer|Omer;"
        "Ramazan;Halil;Süleyman|Suleyman;Abdullah;Kemal;Emre;Burak;Serkan;Volkan;Erdem;"
        "Cem|Jem;Tolga;Selim"
    ),
    given_f=parse_names(
        "Ayşe|Ayse|Aysha;Fatma|Fatima;Emine;Hatice|Hatije;Zeynep|Zeinab;Elif;Özlem|Ozlem;"
        "Meryem|Meryam;Şerife|Serife;Sultan;Hülya|Hulya;Derya;Gül|Gul"
    ),
    family=parse_names(
        "Yılmaz|Yilmaz;Kaya;Demir;Şahin|Sahin|Shahin;Çelik|Celik|Chelik;Yıldız|Yildiz;"
        "Yıldırım|Yildirim;Öztürk|Ozturk|Oeztuerk;Aydın|Aydin;Özdemir|Ozdemir;Arslan|Aslan;"
        "Doğan|Dogan;Kılıç|Kilic;Çetin|Cetin;Kara;Koç|Koc;Kurt;Özkan|Ozkan;Şimşek|Simsek;"
        "Polat;Korkmaz;Akın|Akin;Güneş|Gunes;Aktaş|Aktas;Bulut;Keskin;Tekin;Uçar|Ucar"
    ),
    syllables=parse_syllables(
        "ak ay bal bay can çak|cak dem dur er gök|gok gül|gul han kar kay koç|koc kur mer naz "
        "öz|oz sar say ser taş|tas tek tok tur uz yal yıl|yil yük|yuk zen"
    ),
    suffixes=parse_syllables("oğlu|oglu|oghlu can|jan er türk|turk kan|khan taş|tas soy lı|li"),
    folds=True,
    middle_share=0.1,
)

ARABIC_CULTURE = Culture(
    key="arabic",
    script=ARABIC,
    countries=("sy", "iq", "ae", "sa", "lb", "ye", "jo", "eg", "ly", "om", "qa", "kw"),
    fronts=("tr", "my", "hk"),
    person_weight=14,
    company_weight=9,
    given_m=parse_names(
        "محمد=Mohammed|Muhammad|Mohamed|Mohammad;أحمد=Ahmed|Ahmad;علي=Ali;حسن=Hassan|Hasan;"
        "حسين=Hussein|Husain|Hussain|Husayn;عمر=Omar|Umar;خالد=Khaled|Khalid;"
        "يوسف=Youssef|Yusuf|Yousef|Yousif;إبراهيم=Ibrahim|Ebrahim;"
        "عبدالله=Abdullah|Abdallah|Abd Allah;سعيد=Said|Saeed|Sayed;محمود=Mahmoud|Mahmud;"
        "مصطفى=Mostafa|Mustafa;عادل=Adel|Adil;كريم=Karim|Kareem;طارق=Tarek|Tariq|Tarik;"
        "فيصل=Faisal|Faysal;نبيل=Nabil|Nabeel;سامي=Sami|Samy;وليد=Walid|Waleed;"
        "جمال=Jamal|Gamal;هشام=Hisham|Hesham;ماجد=Majed|Majid;فؤاد=Fouad|Fuad;رامي=Rami|Ramy"
    ),
    given_f=parse_names(
        "فاطمة=Fatima|Fatma|Fatimah;عائشة=Aisha|Aicha|Aysha;مريم=Maryam|Mariam;"
        "زينب=Zainab|Zeinab|Zaynab;نور=Nour|Noor|Nur;ليلى=Layla|Leila|Laila;سارة=Sara|Sarah;"
        "هدى=Huda|Hoda;رانيا=Rania|Ranya;سلمى=Salma|Selma"
    ),
    family=parse_names(
        "حداد=Haddad;خوري=Khoury|Khouri|Khuri;ناصر=Nasser|Nasir|Naser;صالح=Saleh|Salih;"
        "حمدان=Hamdan;منصور=Mansour|Mansur;عباس=Abbas;خليل=Khalil|Khaleel;"
        "درويش=Darwish|Darweesh;قاسم=Qasim|Kassem|Kasim;عثمان=Othman|Osman|Uthman;"
        "نجار=Najjar|Najar;عيسى=Issa|Eissa|Isa;شريف=Sharif|Sherif;"
        "الحسيني=Al-Husseini|Al Husseini|El-Husseini;العلي=Al-Ali|Al Ali;"
        "التميمي=Al-Tamimi|Al Tamimi|Altamimi;الخطيب=Al-Khatib|Al Khatib|El Khatib;"
        "الشامي=Al-Shami|Al Shami|Elshami"
    ),
    syllables=parse_syllables(
        "ba=ب bad=بد bar=بر da=د dar=دار fa=ف far=فر ha=ه ham=حم han=حن ja=ج jab=جب jar=جر "
        "ka=ك kab=كب kha|ha=خ khal|hal=خل kar=كر la=ل lat=لط ma=م man=من mar=مر na=ن nas=نص "
        "qa|ka=ق qar|kar=قر ra=ر ras=رس sa=س sab=صب sha=ش sham=شم ta=ت tab=طب wa=و wad=ود "
        "ya=ي zah=زه za=ز zi=زي di=دي ri=ري mi=مي ni=ني ru=رو du=دو mu=مو nu=نو sal=سل "
        "tal=طل"
    ),
    suffixes=parse_syllables("i=ي awi|aoui=اوي ani=اني ari=اري"),
    article=True,
    middle_share=0.5,
)

PERSIAN_CULTURE = Culture(
    key="persian",
    script=PERSIAN,
    countries=("ir",),
    fronts=("ae", "tr", "hk", "my", "cn", "am"),
    person_weight=14,
    company_weight=12,
    given_m=parse_names(
        "محمد=Mohammad|Muhammad|Mohamad|Mohammed;علی=Ali;حسین=Hossein|Hussein|Hosein|Husayn;"
        "رضا=Reza|Rida;مهدی=Mehdi|Mahdi;احمد=Ahmad|Ahmed;حسن=Hassan|Hasan;"
        "محمود=Mahmoud|Mahmud;عباس=Abbas;مجید=Majid|Madjid;سعید=Saeed|Said|Saied;"
        "حمید=Hamid|Hameed;جواد=Javad|Jawad;محسن=Mohsen|Muhsin;مرتضی=Morteza|Murtaza|Mortaza;"
        "ابراهیم=Ebrahim|Ibrahim;اسماعیل=Esmail|Ismail|Esmaeil;کاظم=Kazem|Kazim|Kadhim;"
        "مسعود=Masoud|Masud|Massoud;غلامرضا=Gholamreza|Gholam Reza|Ghulamreza;"
        "بهروز=Behrouz|Behruz;فرهاد=Farhad;داریوش=Dariush|Daryoush|Dariusch;امیر=Amir|Ameer;"
        "یوسف=Yousef|Yusuf|Yousof"
    ),
    given_f=parse_names(
        "فاطمه=Fatemeh|Fatima|Fatemah;مریم=Maryam|Mariam;زهرا=Zahra;پریسا=Parisa;"
        "نرگس=Narges|Nargis;لیلا=Leila|Layla;سمیرا=Samira;مهسا=Mahsa;شیرین=Shirin|Shireen;"
        "معصومه=Masoumeh|Masumeh"
    ),
    family=parse_names(
        "حسینی=Hosseini|Husseini|Hoseini;احمدی=Ahmadi;رضایی=Rezaei|Rezaee|Rezai;"
        "محمدی=Mohammadi|Muhammadi;کریمی=Karimi;مرادی=Moradi|Muradi;جعفری=Jafari|Jaafari|Djafari;"
        "رحیمی=Rahimi;صادقی=Sadeghi|Sadeqi;هاشمی=Hashemi|Hashimi;موسوی=Mousavi|Musavi|Moussavi;"
        "کاظمی=Kazemi|Kazimi;قربانی=Ghorbani|Qorbani;نجفی=Najafi;تهرانی=Tehrani;شیرازی=Shirazi;"
        "رستمی=Rostami|Rustami;عباسی=Abbasi;زمانی=Zamani;صالحی=Salehi;اکبری=Akbari;"
        "نوری=Nouri|Nuri;یزدانی=Yazdani;قاسمی=Ghasemi|Qasemi|Ghassemi"
    ),
    syllables=parse_syllables(
        "ba=ب bah=به bar=بر da=د dar=دار far=فر gol|gul=گل ha=ه ja=ج jam=جم ka=ک kav=کو "
        "kha=خ khos|khus=خس la=ل ma=م mah=ماه man=من mi=می na=ن nav=نو pa=پ par=پر ra=ر "
        "ram=رم ro|ru=رو sa=س sar=سر sha=ش shah=شاه ta=ت tar=تر va=و vah=وه vir=ویر za=ز "
        "zar=زر sep=سپ dan=دان rash=رش mor=مر zha=ژ chi=چی fer=فر nik=نیک"
    ),
    suffixes=parse_syllables(
        "i=ی zadeh|zade=زاده pour|pur=پور nejad|nezhad=نژاد far=فر ian|yan=یان abadi=آبادی nia=نیا"
    ),
    middle_share=0.15,
)

RUSSIAN = Culture(
    key="russian",
    script=CYRILLIC,
    countries=("ru", "ru", "ru", "by", "kz"),
    fronts=("ae", "tr", "hk", "kg", "am"),
    person_weight=14,
    company_weight=12,
    given_m=parse_names(
        "Сергей=Sergey|Sergei|Serguei;Алексей=Aleksey|Alexei|Alexey|Aleksei;"
        "Дмитрий=Dmitry|Dmitriy|Dmitri;Андрей=Andrey|Andrei;Николай=Nikolay|Nikolai;"
        "Владимир=Vladimir|Wladimir;Михаил=Mikhail|Mihail|Michail;"
        "Александр=Aleksandr|Alexander|Alexandr;Игорь=Igor;Юрий=Yuriy|Yury|Yuri|Iouri;"
        "Евгений=Evgeny|Yevgeniy|Evgenii;Олег=Oleg;Виктор=Viktor|Victor;Павел=Pavel;"
        "Константин=Konstantin|Constantin;Вадим=Vadim;Григорий=Grigory|Grigoriy|Grigorii;"
        "Анатолий=Anatoly|Anatoliy|Anatolii;Роман=Roman;Илья=Ilya|Ilia;Артём=Artem|Artyom;"
        "Максим=Maksim|Maxim;Борис=Boris;Фёдор=Fedor|Fyodor|Feodor;Георгий=Georgy|Georgiy"
    ),
    given_f=parse_names(
        "Елена=Elena|Yelena;Ольга=Olga;Наталья=Natalya|Natalia|Nataliya;"
        "Татьяна=Tatyana|Tatiana|Tatjana;Ирина=Irina;Светлана=Svetlana;Анна=Anna;"
        "Мария=Mariya|Maria;Екатерина=Ekaterina|Yekaterina;Юлия=Yuliya|Yulia|Julia;"
        "Людмила=Lyudmila|Ludmila|Liudmila;Галина=Galina"
    ),
    family=parse_names(
        "Иванов=Ivanov;Смирнов=Smirnov;Кузнецов=Kuznetsov|Kouznetsov;Попов=Popov;"
        "Васильев=Vasilyev|Vasiliev|Vassiliev;Петров=Petrov;Соколов=Sokolov;"
        "Михайлов=Mikhaylov|Mikhailov;Новиков=Novikov;Фёдоров=Fedorov|Fyodorov;Морозов=Morozov;"
        "Волков=Volkov;Алексеев=Alekseyev|Alekseev|Alexeev;Лебедев=Lebedev;"
        "Семёнов=Semenov|Semyonov;Егоров=Yegorov|Egorov;Павлов=Pavlov;Козлов=Kozlov;"
        "Степанов=Stepanov;Николаев=Nikolayev|Nikolaev;Орлов=Orlov;Андреев=Andreyev|Andreev;"
        "Макаров=Makarov;Никитин=Nikitin;Захаров=Zakharov|Zaharov;Зайцев=Zaytsev|Zaitsev;"
        "Соловьёв=Solovyov|Soloviev|Solovyev;Борисов=Borisov;Яковлев=Yakovlev|Iakovlev"
    ),
    patronymics_m=parse_names(
        "Сергеевич=Sergeyevich|Sergeevich;Алексеевич=Alekseyevich|Alekseevich;"
        "Дмитриевич=Dmitriyevich|Dmitrievich;Андреевич=Andreyevich|Andreevich;"
        "Николаевич=Nikolayevich|Nikolaevich;Владимирович=Vladimirovich;"
        "Михайлович=Mikhaylovich|Mikhailovich;Александрович=Aleksandrovich|Alexandrovich;"
        "Игоревич=Igorevich;Юрьевич=Yuryevich|Yurievich;Викторович=Viktorovich|Victorovich;"
        "Павлович=Pavlovich;Борисович=Borisovich;Олегович=Olegovich;"
        "Анатольевич=Anatolyevich|Anatolievich;Григорьевич=Grigoryevich|Grigorievich"
    ),
    patronymics_f=parse_names(
        "Сергеевна=Sergeyevna|Sergeevna;Владимировна=Vladimirovna;"
        "Александровна=Aleksandrovna|Alexandrovna;Николаевна=Nikolayevna|Nikolaevna;"
        "Викторовна=Viktorovna|Victorovna;Игоревна=Igorevna;Борисовна=Borisovna"
    ),
    syllables=parse_syllables(
        "ba=ба bel=бел bor=бор vol=вол gor=гор gra=гра dan=дан zar=зар zhu=жу kal=кал kra=кра "
        "kuz=куз le=ле lyu|liu=лю ma=ма mir=мир mo=мо na=на ni=ни no=но pa=па pe=пе ro=ро "
        "ry|ri=ры sa=са se=се so=со sta=ста te=те to=то tu=ту khar|har=хар khol|hol=хол "
        "tse|ce=це cher=чер sha=ша yar|iar=яр zve=зве dro=дро gla=гла pro=про vet=вет "
        "lom=лом bur=бур gal=гал tor=тор"
    ),
    suffixes=parse_syllables(
        "ov=ов ev|yev=ев in=ин enko=енко sky|skiy|skii|ski=ский tsev|tzev=цев nikov=ников"
    ),
    middle_share=0.7,
)

CHINESE = Culture(
    key="chinese",
    script=HAN,
    countries=("cn", "cn", "cn", "hk", "tw"),
    fronts=("sg", "my", "ae"),
    person_weight=12,
    company_weight=12,
    given_m=(),
    given_f=(),
    family=parse_names(
        "张=Zhang|Chang|Cheung;王=Wang|Wong;李=Li|Lee;刘=Liu|Lau;陈=Chen|Chan;杨=Yang|Yeung;"
        "赵=Zhao|Chao|Chiu;黄=Huang|Wong|Hwang;周=Zhou|Chou|Chow;吴=Wu|Ng;徐=Xu|Hsu|Tsui;"
        "孙=Sun|Suen;胡=Hu|Woo;朱=Zhu|Chu;高=Gao|Kao|Ko;林=Lin|Lam;何=He|Ho;"
        "郭=Guo|Kuo|Kwok;马=Ma;罗=Luo|Lo|Law"
    ),
    syllables=parse_syllables(
        "an=安 bao|pao=宝 bin|pin=斌 bo|po=博 cheng|ch'eng=成 chun|ch'un=春 da|ta=大 de|te=德 "
        "dong|tung=东 fang=芳 fei=飞 feng=峰 fu=富 gang|kang=刚 guang|kuang=光 guo|kuo=国 "
        "hai=海 hao=浩 heng=恒 hong|hung=宏 hua=华 hui=辉 jian|chien=建 jie|chieh=杰 "
        "jin|chin=金 jing|ching=静 jun|chun=军 kai|k'ai=凯 kang|k'ang=康 lan=兰 lei=磊 li=丽 "
        "liang=亮 lin=林 long|lung=龙 lu=路 mei=美 min=敏 ming=明 na=娜 ning=宁 peng|p'eng=鹏 "
        "ping|p'ing=平 qiang|chiang=强 qing|ch'ing=清 rong|jung=荣 rui|jui=瑞 shan=山 "
        "sheng=胜 song|sung=松 tai|t'ai=泰 tao|t'ao=涛 tian|t'ien=天 wei=伟 wen=文 "
        "xiang|hsiang=翔 xin|hsin=新 xing|hsing=兴 xue|hsueh=雪 yan|yen=燕 yang=阳 yi=毅 "
        "yong|yung=勇 yu=宇 yuan=远 yun=云 ze|tse=泽 zhi|chih=志 zhong|chung=中 xiao|hsiao=晓"
    ),
    spaced=True,
    family_first=True,
    invented_family=0.0,
)

KOREAN = Culture(
    key="korean",
    script=HANGUL,
    countries=("kp", "kp", "kr"),
    fronts=("cn", "hk", "my"),
    person_weight=8,
    company_weight=6,
    given_m=(),
    given_f=(),
    family=parse_names(
        "김=Kim|Gim;이=Lee|Yi|Rhee|Ri;박=Park|Pak|Bak;최=Choi|Choe|Chey;정=Jung|Jeong|Chong;"
        "강=Kang|Gang;조=Cho|Jo;윤=Yoon|Yun;장=Jang|Chang;임=Lim|Im|Rim;한=Han;오=Oh|O;"
        "서=Seo|Suh|So;신=Shin|Sin;권=Kwon|Gwon;황=Hwang;안=Ahn|An;송=Song;류=Ryu|Yoo|Ryoo;"
        "홍=Hong"
    ),
    syllables=parse_syllables(
        "min=민 jun|joon|chun=준 seo|so|suh=서 yeon|yon=연 ji|chi=지 hoon|hun=훈 "
        "hyun|hyeon|hyon=현 su|soo=수 young|yeong=영 jin|chin=진 woo|u=우 sung|seong|song=성 "
        "chul|cheol|chol=철 ho=호 jae|chae=재 eun|un=은 hye=혜 kyung|gyeong|kyong=경 "
        "myung|myeong|myong=명 sang=상 dong|tong=동 il=일 nam=남 chang=창 hak=학 kwang|gwang=광 "
        "yong|ryong=용 hee|hui|hi=희 mi=미 ok=옥 soon|sun=순 gil|kil=길 tae|thae=태 won=원 "
        "kyu|gyu=규 bok|pok=복 man=만 hwa=화 jeong|jung|chong=정 chan=찬 hyuk|hyeok|hyok=혁 "
        "seok|suk|sok=석 joo|ju=주 bin=빈 ha=하 na=나 ra=라 da=다 in=인 se=세 yun=윤"
    ),
    spaced=True,
    family_first=True,
    invented_family=0.0,
)

JAPANESE_CULTURE = Culture(
    key="japanese",
    script=JAPANESE,
    countries=("jp",),
    fronts=("sg",),
    person_weight=0,
    company_weight=4,
    given_m=(),
    given_f=(),
    family=(),
    syllables=parse_syllables(
        "a=ア i=イ ka=カ ki=キ ku=ク ke=ケ ko=コ sa=サ shi|si=シ su=ス se=セ so=ソ ta=タ "
        "chi|ti=チ tsu|tu=ツ te=テ to=ト na=ナ ni=ニ no=ノ ha=ハ hi=ヒ fu|hu=フ ho=ホ ma=マ "
        "mi=ミ mu=ム me=メ mo=モ ya=ヤ yu=ユ yo=ヨ ra=ラ ri=リ ru=ル re=レ ro=ロ wa=ワ da=ダ "
        "go=ゴ ga=ガ be=ベ bi=ビ zu|du=ズ"
    ),
    invented_family=0.0,
)

GREEK_CULTURE = Culture(
    key="greek",
    script=GREEK,
    countries=("gr", "gr", "cy"),
    fronts=("cy", "ae"),
    person_weight=5,
    company_weight=4,
    given_m=parse_names(
        "Γεώργιος=Georgios|Yiorgos|Giorgos;Δημήτριος=Dimitrios|Demetrios|Dimitris;"
        "Κωνσταντίνος=Konstantinos|Constantinos|Kostas;Ιωάννης=Ioannis|Yannis|Giannis;"
        "Νικόλαος=Nikolaos|Nikos|Nicolaos;Παναγιώτης=Panagiotis|Panayiotis;"
        "Βασίλειος=Vasileios|Vasilios|Vassilios;Χρήστος=Christos|Hristos|Khristos;"
        "Αθανάσιος=Athanasios|Thanasis;Μιχαήλ=Michail|Michael|Mikhail;"
        "Ευάγγελος=Evangelos|Evaggelos;Σπυρίδων=Spyridon|Spiridon;Αντώνιος=Antonios|Andonios;"
        "Στέφανος=Stefanos|Stephanos"
    ),
    given_f=parse_names(
        "Μαρία=Maria;Ελένη=Eleni|Helen;Αικατερίνη=Aikaterini|Ekaterini|Katerina;"
        "Βασιλική=Vasiliki|Vassiliki;Σοφία=Sofia|Sophia;Αγγελική=Angeliki|Aggeliki;"
        "Γεωργία=Georgia|Yiorgia;Δήμητρα=Dimitra|Demetra"
    ),
    family=parse_names(
        "Παπαδόπουλος=Papadopoulos|Papadopulos;Παπαδάκης=Papadakis;Νικολάου=Nikolaou|Nicolaou;"
        "Γεωργίου=Georgiou|Yiorgiou;Οικονόμου=Oikonomou|Economou|Ekonomou;"
        "Βασιλείου=Vasileiou|Vassiliou;Αντωνίου=Antoniou;Παππάς=Pappas|Papas;"
        "Καραγιάννης=Karagiannis|Karayannis;Μακρής=Makris;Αλεξίου=Alexiou|Aleksiou;"
        "Δημητρίου=Dimitriou|Demetriou;Ιωάννου=Ioannou;Κωνσταντίνου=Konstantinou|Constantinou;"
        "Χριστοδούλου=Christodoulou|Hristodoulou"
    ),
    syllables=parse_syllables(
        "a=α ka=κα ra=ρα pa=πα po=πο to=το ni=νι ko=κο la=λα ma=μα ri=ρι sta=στα the=θε "
        "tho=θο chri|hri|khri=χρι dra=δρα li=λι mi=μι ne=νε xe|kse=ξε psa=ψα kos=κος va=βα "
        "ga=γα gi|yi=γι do=ντο lo=λο fa|pha=φα mo=μο si=σι te=τε ki=κι vou|vu=βου ste=στε"
    ),
    suffixes=parse_syllables(
        "poulos|pulos=πουλος akis=ακης idis|ides=ιδης ou=ου atos=ατος elis=ελης"
    ),
    middle_share=0.1,
)

HEBREW_CULTURE = Culture(
    key="hebrew",
    script=HEBREW,
    countries=("il",),
    fronts=("cy",),
    person_weight=5,
    company_weight=4,
    given_m=parse_names(
        "דוד=David|Dovid;משה=Moshe|Moishe;יוסף=Yosef|Yossef|Joseph;אברהם=Avraham|Abraham;"
        "יצחק=Yitzhak|Itzhak|Yitzchak;יעקב=Yaakov|Yaacov|Jacob;אליהו=Eliyahu|Eliahu;"
        "שלמה=Shlomo|Schlomo;חיים=Haim|Chaim|Khaim;מרדכי=Mordechai|Mordecai|Mordekhai;"
        "אהרון=Aharon|Aaron;דניאל=Daniel;אריה=Arieh|Aryeh|Arie;עמית=Amit;רון=Ron;אבי=Avi;"
        "עידו=Ido|Iddo;יונתן=Yonatan|Jonathan;איתן=Eitan|Etan;גיל=Gil"
    ),
    given_f=parse_names(
        "שרה=Sara|Sarah;רחל=Rachel|Rahel;לאה=Leah|Lea;מרים=Miriam|Miryam;"
        "רבקה=Rivka|Rebecca|Rivkah;נועה=Noa|Noah;תמר=Tamar;מיכל=Michal|Mikhal;יעל=Yael|Jael;"
        "אסתר=Esther|Ester"
    ),
    family=parse_names(
        "כהן=Cohen|Kohen|Cohn;לוי=Levi|Levy;מזרחי=Mizrahi|Mizrachi;פרץ=Peretz|Perets;"
        "ביטון=Biton|Bitton;דהן=Dahan;פרידמן=Friedman|Fridman;מלכה=Malka;"
        "אזולאי=Azoulay|Azulai;כץ=Katz|Kats;עמר=Amar;אוחיון=Ohayon|Ohion;חדד=Hadad|Haddad;"
        "גבאי=Gabay|Gabbai;שפירא=Shapira|Shapiro;רוזנברג=Rosenberg|Rozenberg"
    ),
    syllables=parse_syllables(
        "ben=בן el=אל sha=ש shal=של ga=ג gal=גל da=ד dor=דור ha=ה ka=כ kar=כר la=ל ma=מ "
        "mar=מר na=נ nah|nach=נח ra=ר ron=רון sa=ס ta=ת tal=טל tzur|tsur|zur=צור ya=י yo=יו "
        "za=ז zi=זי mi=מי no=נו lev=לב tov=טוב dan=דן bar=בר har=הר shem=שם go=גו li=לי "
        "ru=רו"
    ),
    suffixes=parse_syllables("i=י el=אל ov=וב man=מן berg=ברג stein|shtein=שטיין feld=פלד"),
    middle_share=0.1,
)

BRAND = Culture(
    key="brand",
    script=LATIN,
    countries=("de", "nl", "it", "gb", "us", "ch", "my", "in", "ae", "sg", "at"),
    fronts=(),
    person_weight=0,
    company_weight=12,
    given_m=(),
    given_f=(),
    family=(),
    syllables=parse_syllables(
        "ax al ar bel cor dex el fen gal hel in jor kal lex lum mar nex nor om pax quan rex "
        "sol ter tor ul var vel vex xan yor zen tro tek dyn vo ra na ri"
    ),
    suffixes=parse_syllables("ex is on a ix ia or tec|tech ium"),
    invented_family=0.0,
)

CULTURES: tuple[Culture, ...] = (
    ANGLO,
    HISPANIC,
    TURKISH,
    ARABIC_CULTURE,
    PERSIAN_CULTURE,
    RUSSIAN,
    CHINESE,
    KOREAN,
    JAPANESE_CULTURE,
    GREEK_CULTURE,
    HEBREW_CULTURE,
    BRAND,
)
PERSON_CULTURES = tuple(c for c in CULTURES if c.person_weight)
COMPANY_CULTURES = tuple(c for c in CULTURES if c.company_weight)
_PERSON_CUM = tuple(accumulate(c.person_weight for c in PERSON_CULTURES))
_COMPANY_CUM = tuple(accumulate(c.company_weight for c in COMPANY_CULTURES))

#: Honorific before some Iranian organisation names ("martyr", as in many real ones).
SHAHID = Word("Shahid", ("Shaheed",), "شهید")

#: Script in which a country's own company names are written.
COUNTRY_SCRIPT = {
    **dict.fromkeys(("ru", "by", "kz"), CYRILLIC),
    "ir": PERSIAN,
    **dict.fromkeys(
        ("sy", "iq", "ae", "sa", "lb", "ye", "jo", "eg", "ly", "om", "qa", "kw"), ARABIC
    ),
    **dict.fromkeys(("cn", "hk", "tw"), HAN),
    **dict.fromkeys(("kp", "kr"), HANGUL),
    "jp": JAPANESE,
    "gr": GREEK,
    "il": HEBREW,
}

# ---------------------------------------------------------------------------------------
# Generic words and legal forms

_GENERIC_COLUMNS = ("en", "tr", CYRILLIC, ARABIC, PERSIAN, HAN, HANGUL, JAPANESE, GREEK, HEBREW)


def concepts(table: dict[str, str]) -> dict[str, dict[str, str]]:
    """Concept -> ``|``-separated texts in the order of ``_GENERIC_COLUMNS`` (``-``: none)."""
    return {
        key: {c: t for c, t in zip(_GENERIC_COLUMNS, texts.split("|"), strict=True) if t != "-"}
        for key, texts in table.items()
    }


GENERIC = concepts(
    {
        "trading": "Trading|Ticaret|Трейдинг|للتجارة|بازرگانی|贸易|무역|商事|Εμπορική|סחר",
        "industrial": (
            "Industrial|Sanayi|Индастриал|الصناعية|صنعتی|工业|산업|工業|Βιομηχανική|תעשייתי"
        ),
        "industries": (
            "Industries|Endüstri|Индастриз|للصناعات|صنایع|实业|인더스트리|産業|Βιομηχανίες|תעשיות"
        ),
        "technology": (
            "Technology|Teknoloji|Технологии|للتكنولوجيا|فناوری|科技|테크놀로지|テクノロジー|"
            "Τεχνολογίες|טכנולוגיות"
        ),
        "engineering": (
            "Engineering|Mühendislik|Инжиниринг|للهندسة|مهندسی|工程|엔지니어링|エンジニアリング|"
            "Μηχανική|הנדסה"
        ),
        "machinery": (
            "Machinery|Makina|Машиностроение|للآلات|ماشین سازی|机械|기계|機械|Μηχανήματα|מכונות"
        ),
        "import_export": (
            "Import Export|İthalat İhracat|Импорт Экспорт|للاستيراد والتصدير|واردات و صادرات|"
            "进出口|수출입|輸出入|Εισαγωγές Εξαγωγές|יבוא ויצוא"
        ),
        "group": "Group|Grup|Групп|مجموعة|گروه|集团|그룹|グループ|Όμιλος|קבוצת",
        "international": (
            "International|Uluslararası|Интернешнл|الدولية|بین المللی|国际|인터내셔널|"
            "インターナショナル|Διεθνής|בינלאומי"
        ),
        "electronics": (
            "Electronics|Elektronik|Электроникс|للإلكترونيات|الکترونیک|电子|전자|電子|Ηλεκτρονικά|"
            "אלקטרוניקה"
        ),
        "chemical": "Chemical|Kimya|Химия|للكيماويات|شیمیایی|化工|화학|化学|Χημικά|כימיקלים",
        "petrochemical": (
            "Petrochemical|Petrokimya|Нефтехим|للبتروكيماويات|پتروشیمی|石化|석유화학|石油化学|"
            "Πετροχημικά|פטרוכימיה"
        ),
        "shipping": "Shipping|Denizcilik|Шиппинг|للشحن|کشتیرانی|航运|해운|海運|Ναυτιλιακή|ספנות",
        "logistics": (
            "Logistics|Lojistik|Логистик|للخدمات اللوجستية|لجستیک|物流|물류|ロジスティクス|"
            "Εφοδιαστική|לוגיסטיקה"
        ),
        "holding": (
            "Holding|Holding|Холдинг|القابضة|هلدینگ|控股|홀딩스|ホールディングス|Συμμετοχών|אחזקות"
        ),
        "energy": "Energy|Enerji|Энерго|للطاقة|انرژی|能源|에너지|エネルギー|Ενεργειακή|אנרגיה",
        "metals": "Metals|Metal|Металл|للمعادن|فلزات|金属|금속|金属|Μέταλλα|מתכות",
        "aerospace": (
            "Aerospace|Havacılık|Аэрокосмические|للطيران|هوافضا|航空航天|항공우주|航空宇宙|"
            "Αεροδιαστημική|תעופה וחלל"
        ),
        "precision": "Precision|Hassas|Прецизионные|-|دقیق|精密|정밀|精密|Ακριβείας|-",
        "systems": (
            "Systems|Sistemleri|Системс|للأنظمة|سیستم|系统|시스템|システムズ|Συστήματα|מערכות"
        ),
        "development": (
            "Development|Geliştirme|Девелопмент|للتطوير|توسعه|发展|개발|開発|Ανάπτυξης|פיתוח"
        ),
        "construction": (
            "Construction|İnşaat|Строй|للمقاولات|ساختمانی|建设|건설|建設|Κατασκευαστική|בנייה"
        ),
        "supply": "Supply|Tedarik|Снаб|للتوريدات|تامین|供应|-|-|Προμήθειες|אספקה",
        "general_trading": (
            "General Trading|Genel Ticaret|-|للتجارة العامة|بازرگانی عمومی|-|-|-|-|-"
        ),
        "manufacturing": (
            "Manufacturing|İmalat|Производство|للتصنيع|تولیدی|制造|제조|製作所|Κατασκευές|ייצור"
        ),
        "industry_trade": (
            "Industry and Trade|Sanayi ve Ticaret|-|للصناعة والتجارة|صنعتی و بازرگانی|工贸|-|-|-|-"
        ),
        "company": "Company|-|-|-|-|-|-|-|-|-",
    }
)

ORG_CONCEPTS = concepts(
    {
        "research_institute": (
            "Research Institute|Araştırma Enstitüsü|Научно-исследовательский институт|معهد البحوث|"
            "پژوهشکده|研究所|연구소|研究所|Ινστιτούτο Ερευνών|מכון מחקר"
        ),
        "research_center": (
            "Research Center|Araştırma Merkezi|Исследовательский центр|مركز البحوث|مرکز تحقیقات|"
            "研究中心|연구센터|研究センター|Κέντρο Ερευνών|מרכז מחקר"
        ),
        "industrial_group": (
            "Industrial Group|Sanayi Grubu|Промышленная группа|المجموعة الصناعية|گروه صنعتی|"
            "工业集团|산업그룹|工業グループ|Βιομηχανικός Όμιλος|קבוצה תעשייתית"
        ),
        "industries_org": (
            "Industries Organization|Sanayi Kuruluşu|Организация промышленности|منظمة الصناعات|"
            "سازمان صنایع|工业组织|산업기구|産業機構|Οργανισμός Βιομηχανιών|ארגון התעשיות"
        ),
        "foundation": "Foundation|Vakfı|Фонд|مؤسسة|بنیاد|基金会|재단|財団|Ίδρυμα|קרן",
        "complex": (
            "Complex|Kompleksi|Комплекс|مجمع|مجتمع|综合体|종합단지|コンビナート|Συγκρότημα|מתחם"
        ),
        "design_bureau": (
            "Design Bureau|Tasarım Bürosu|Конструкторское бюро|مكتب التصميم|دفتر طراحی|设计局|"
            "설계국|設計局|Γραφείο Σχεδιασμού|לשכת תכנון"
        ),
        "scientific_production": (
            "Scientific Production Association|Bilimsel Üretim Birliği|"
            "Научно-производственное объединение|-|-|科研生产联合体|과학생산연합|-|-|-"
        ),
        "university": (
            "University|Üniversitesi|Университет|جامعة|دانشگاه|大学|대학교|大学|Πανεπιστήμιο|"
            "אוניברסיטת"
        ),
    }
)

COMPANY_GENERICS = tuple(GENERIC)
#: Where a generic word goes in a name: sector words first, then these.
GENERIC_RANK = {"international": 1, "group": 2, "holding": 2, "company": 3}
#: Legal forms that follow a generic "Company" ("Trading Company Ltd", not "Company Co.").
COMPANY_OK = frozenset({"ltd", "plc", "pte", "pvt", "sdn", "pty", "bam", "epe"})
ORG_CONCEPT_KEYS = tuple(ORG_CONCEPTS)
ORG_MODIFIERS = ("aerospace", "electronics", "energy", "chemical", "engineering", "technology")

#: English descriptive words used in Latin company names alongside the distinctive ones.
DESCRIPTORS = split_words(
    "Golden Silver Star Global Eastern Western Pacific United New Royal Delta Sun Ocean Green "
    "Blue Crystal Pearl Eagle Falcon Gulf Asia Euro Trans Nord Sino Orient Prime Alpha Sky"
)

SUFFIX = "s"
PREFIX = "p"

#: Legal-form classes: every form of a class means the same, in one script or another.
#: Each form is (text, script, position: prefix or suffix).
LEGAL_FORMS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "ltd": (("Ltd", LATIN, SUFFIX), ("Ltd.", LATIN, SUFFIX), ("Limited", LATIN, SUFFIX)),
    "plc": (
        ("PLC", LATIN, SUFFIX),
        ("plc", LATIN, SUFFIX),
        ("Public Limited Company", LATIN, SUFFIX),
    ),
    "inc": (("Inc", LATIN, SUFFIX), ("Inc.", LATIN, SUFFIX), ("Incorporated", LATIN, SUFFIX)),
    "corp": (("Corp", LATIN, SUFFIX), ("Corp.", LATIN, SUFFIX), ("Corporation", LATIN, SUFFIX)),
    "llc": (
        ("LLC", LATIN, SUFFIX),
        ("L.L.C.", LATIN, SUFFIX),
        ("Limited Liability Company", LATIN, SUFFIX),
    ),
    "co": (("Co.", LATIN, SUFFIX), ("Company", LATIN, SUFFIX)),
    "pty": (
        ("Pty Ltd", LATIN, SUFFIX),
        ("Pty. Ltd.", LATIN, SUFFIX),
        ("Proprietary Limited", LATIN, SUFFIX),
    ),
    "gmbh": (("GmbH", LATIN, SUFFIX), ("Gesellschaft mit beschränkter Haftung", LATIN, SUFFIX)),
    "ag": (("AG", LATIN, SUFFIX), ("Aktiengesellschaft", LATIN, SUFFIX)),
    "sa_fr": (("SA", LATIN, SUFFIX), ("S.A.", LATIN, SUFFIX), ("Société Anonyme", LATIN, SUFFIX)),
    "bv": (
        ("B.V.", LATIN, SUFFIX),
        ("BV", LATIN, SUFFIX),
        ("Besloten Vennootschap", LATIN, SUFFIX),
    ),
    "nv": (
        ("N.V.", LATIN, SUFFIX),
        ("NV", LATIN, SUFFIX),
        ("Naamloze Vennootschap", LATIN, SUFFIX),
    ),
    "srl": (
        ("S.R.L.", LATIN, SUFFIX),
        ("S.r.l.", LATIN, SUFFIX),
        ("SRL", LATIN, SUFFIX),
        ("Società a Responsabilità Limitata", LATIN, SUFFIX),
    ),
    "spa": (
        ("S.p.A.", LATIN, SUFFIX),
        ("SpA", LATIN, SUFFIX),
        ("Società per Azioni", LATIN, SUFFIX),
    ),
    "sa_es": (("S.A.", LATIN, SUFFIX), ("SA", LATIN, SUFFIX), ("Sociedad Anónima", LATIN, SUFFIX)),
    "sl": (("S.L.", LATIN, SUFFIX), ("SL", LATIN, SUFFIX), ("Sociedad Limitada", LATIN, SUFFIX)),
    "sa_cv": (
        ("S.A. de C.V.", LATIN, SUFFIX),
        ("SA de CV", LATIN, SUFFIX),
        ("Sociedad Anónima de Capital Variable", LATIN, SUFFIX),
    ),
    "sdn": (
        ("Sdn Bhd", LATIN, SUFFIX),
        ("Sdn. Bhd.", LATIN, SUFFIX),
        ("Sendirian Berhad", LATIN, SUFFIX),
    ),
    "pvt": (
        ("Pvt Ltd", LATIN, SUFFIX),
        ("Pvt. Ltd.", LATIN, SUFFIX),
        ("Private Limited", LATIN, SUFFIX),
    ),
    "pte": (
        ("Pte Ltd", LATIN, SUFFIX),
        ("Pte. Ltd.", LATIN, SUFFIX),
        ("Private Limited", LATIN, SUFFIX),
    ),
    "co_ltd": (
        ("Co., Ltd.", LATIN, SUFFIX),
        ("Co. Ltd", LATIN, SUFFIX),
        ("Company Limited", LATIN, SUFFIX),
        ("有限公司", HAN, SUFFIX),
    ),
    "corp_cn": (("Corporation", LATIN, SUFFIX), ("Corp.", LATIN, SUFFIX), ("公司", HAN, SUFFIX)),
    "fze": (("FZE", LATIN, SUFFIX), ("Free Zone Establishment", LATIN, SUFFIX)),
    "fzco": (
        ("FZCO", LATIN, SUFFIX),
        ("FZ-Co", LATIN, SUFFIX),
        ("Free Zone Company", LATIN, SUFFIX),
    ),
    "co_ar": (("Company", LATIN, SUFFIX), ("Co.", LATIN, SUFFIX), ("شركة", ARABIC, PREFIX)),
    "llc_ar": (("LLC", LATIN, SUFFIX), ("L.L.C.", LATIN, SUFFIX), ("ذ.م.م", ARABIC, SUFFIX)),
    "est": (("Est.", LATIN, SUFFIX), ("Establishment", LATIN, SUFFIX), ("مؤسسة", ARABIC, PREFIX)),
    "ir_co": (("Company", LATIN, SUFFIX), ("Co.", LATIN, SUFFIX), ("شرکت", PERSIAN, PREFIX)),
    "ir_pjs": (
        ("PJS", LATIN, SUFFIX),
        ("Private Joint Stock Company", LATIN, SUFFIX),
        ("شرکت سهامی خاص", PERSIAN, PREFIX),
    ),
    "as": (
        ("A.Ş.", LATIN, SUFFIX),
        ("AŞ", LATIN, SUFFIX),
        ("A.S.", LATIN, SUFFIX),
        ("Anonim Şirketi", LATIN, SUFFIX),
    ),
    "ltd_sti": (
        ("Ltd. Şti.", LATIN, SUFFIX),
        ("Ltd. Sti.", LATIN, SUFFIX),
        ("Limited Şirketi", LATIN, SUFFIX),
    ),
    "ooo": (
        ("OOO", LATIN, PREFIX),
        ("LLC", LATIN, SUFFIX),
        ("Obshchestvo s Ogranichennoy Otvetstvennostyu", LATIN, PREFIX),
        ("ООО", CYRILLIC, PREFIX),
        ("Общество с ограниченной ответственностью", CYRILLIC, PREFIX),
    ),
    "zao": (
        ("ZAO", LATIN, PREFIX),
        ("CJSC", LATIN, SUFFIX),
        ("Closed Joint Stock Company", LATIN, SUFFIX),
        ("ЗАО", CYRILLIC, PREFIX),
        ("Закрытое акционерное общество", CYRILLIC, PREFIX),
    ),
    "ao": (
        ("AO", LATIN, PREFIX),
        ("JSC", LATIN, SUFFIX),
        ("Joint Stock Company", LATIN, SUFFIX),
        ("АО", CYRILLIC, PREFIX),
        ("Акционерное общество", CYRILLIC, PREFIX),
    ),
    "pao": (
        ("PAO", LATIN, PREFIX),
        ("PJSC", LATIN, SUFFIX),
        ("Public Joint Stock Company", LATIN, SUFFIX),
        ("ПАО", CYRILLIC, PREFIX),
        ("Публичное акционерное общество", CYRILLIC, PREFIX),
    ),
    "corp_kp": (("Corporation", LATIN, SUFFIX), ("Corp.", LATIN, SUFFIX), ("회사", HANGUL, SUFFIX)),
    "jusik": (
        ("Co., Ltd.", LATIN, SUFFIX),
        ("Co. Ltd", LATIN, SUFFIX),
        ("주식회사", HANGUL, PREFIX),
        ("주식회사", HANGUL, SUFFIX),
        ("(주)", HANGUL, PREFIX),
    ),
    "kk": (
        ("Co., Ltd.", LATIN, SUFFIX),
        ("K.K.", LATIN, SUFFIX),
        ("Kabushiki Kaisha", LATIN, SUFFIX),
        ("株式会社", JAPANESE, SUFFIX),
        ("株式会社", JAPANESE, PREFIX),
    ),
    "yk": (
        ("Y.K.", LATIN, SUFFIX),
        ("Yugen Kaisha", LATIN, SUFFIX),
        ("有限会社", JAPANESE, SUFFIX),
    ),
    "ae_gr": (
        ("S.A.", LATIN, SUFFIX),
        ("SA", LATIN, SUFFIX),
        ("A.E.", LATIN, SUFFIX),
        ("Α.Ε.", GREEK, SUFFIX),
        ("Ανώνυμη Εταιρεία", GREEK, SUFFIX),
    ),
    "epe": (
        ("Ltd", LATIN, SUFFIX),
        ("E.P.E.", LATIN, SUFFIX),
        ("Ε.Π.Ε.", GREEK, SUFFIX),
        ("Εταιρεία Περιορισμένης Ευθύνης", GREEK, SUFFIX),
    ),
    "bam": (
        ("Ltd", LATIN, SUFFIX),
        ("Ltd.", LATIN, SUFFIX),
        ("Limited", LATIN, SUFFIX),
        ("בע״מ", HEBREW, SUFFIX),
        ("בערבון מוגבל", HEBREW, SUFFIX),
    ),
}

#: Legal-form classes in use in each country.
COUNTRY_LEGAL: dict[str, tuple[str, ...]] = {
    "gb": ("ltd", "ltd", "plc"),
    "us": ("inc", "corp", "llc", "co"),
    "ca": ("inc", "ltd", "corp"),
    "au": ("pty",),
    "ie": ("ltd",),
    "nz": ("ltd",),
    "de": ("gmbh", "gmbh", "ag"),
    "at": ("gmbh", "ag"),
    "ch": ("ag", "sa_fr"),
    "nl": ("bv", "bv", "nv"),
    "it": ("srl", "srl", "spa"),
    "es": ("sa_es", "sl"),
    "mx": ("sa_cv", "sa_cv", "sa_es"),
    **dict.fromkeys(("ve", "co", "ar", "cu", "pa", "pe"), ("sa_es",)),
    "my": ("sdn",),
    "in": ("pvt", "ltd"),
    "sg": ("pte",),
    "hk": ("ltd", "co_ltd"),
    "cn": ("co_ltd", "co_ltd", "corp_cn"),
    "tw": ("co_ltd",),
    "ae": ("llc", "fze", "fzco", "llc_ar"),
    **dict.fromkeys(
        ("sy", "iq", "sa", "lb", "ye", "jo", "eg", "ly", "om", "qa", "kw"),
        ("co_ar", "llc_ar", "est"),
    ),
    "ir": ("ir_co", "ir_co", "ir_pjs"),
    "tr": ("as", "ltd_sti", "ltd_sti"),
    "az": ("llc",),
    **dict.fromkeys(("ru", "by", "kz"), ("ooo", "ooo", "ooo", "zao", "ao", "pao")),
    **dict.fromkeys(("kg", "am"), ("llc",)),
    "kp": ("corp_kp",),
    "kr": ("jusik",),
    "jp": ("kk", "kk", "yk"),
    "gr": ("ae_gr", "epe"),
    "cy": ("ltd",),
    "il": ("bam",),
}

# ---------------------------------------------------------------------------------------
# Names as tokens


@dataclass(slots=True)
class Tok:
    """One part of a written name: its text, its role, the separator before it."""

    text: str
    role: str  # given middle family family2 dist desc hon generic legal acronym punct
    pre: str = " "
    word: Word | None = None
    key: str = ""  # legal-form class or generic concept


#: The name-bearing roles (everything but legal forms and punctuation).
CORE_ROLES = frozenset({"given", "middle", "family", "family2", "dist", "desc", "hon", "generic"})
_OPENERS = frozenset({"«"})
_CLOSERS = frozenset({"»", ","})


def render(toks: Sequence[Tok]) -> str:
    parts: list[str] = []
    prev = ""
    for i, tok in enumerate(toks):
        if i and prev not in _OPENERS and tok.text not in _CLOSERS:
            parts.append(tok.pre)
        parts.append(tok.text)
        prev = tok.text
    return "".join(parts)


@dataclass(slots=True)
class Form:
    """A name as written in one script."""

    script: str
    toks: tuple[Tok, ...]
    text: str

    @classmethod
    def of(cls, script: str, toks: Sequence[Tok]) -> Form:
        return cls(script, tuple(toks), render(toks))

    @property
    def is_acronym(self) -> bool:
        return len(self.toks) == 1 and self.toks[0].role == "acronym"


@dataclass(slots=True)
class PersonSpec:
    given: Word
    family: Word
    middle: Word | None = None
    family2: Word | None = None
    female: bool = False


@dataclass(slots=True)
class OrgSpec:
    distinctive: tuple[Word, ...]
    generics: tuple[str, ...]
    concept: str | None = None
    legal: str | None = None
    descriptor: str | None = None
    honorific: Word | None = None


@dataclass(slots=True)
class Entity:
    index: int
    id: str
    schema: str
    culture: Culture
    country: str
    #: The script this entity's names may be written in besides Latin (None: Latin only).
    native: str | None
    spec: PersonSpec | OrgSpec
    forms: list[Form]
    props: dict[str, list[str]] = field(default_factory=dict)

    def to_ftm(self) -> dict[str, Any]:
        props: dict[str, list[str]] = {"name": [self.forms[0].text]}
        if len(self.forms) > 1:
            props["alias"] = [f.text for f in self.forms[1:]]
        props.update(self.props)
        return {
            "id": self.id,
            "schema": self.schema,
            "properties": props,
            "datasets": ["synthetic"],
        }


def entity_id(index: int) -> str:
    return f"syn-{index:07d}"


# ---------------------------------------------------------------------------------------
# Vocabulary: the invented words, and the index that keeps negatives honest


def build_word(syls: Sequence[Syllable], culture: Culture, article: bool = False) -> Word:
    """A word from syllables, with every spelling obtained by one alternative syllable."""
    latin = cap("".join(s.latin for s in syls))
    variants: list[str] = []
    for i, syl in enumerate(syls):
        for alt in syl.alts:
            variants.append(cap("".join(alt if j == i else s.latin for j, s in enumerate(syls))))
    if culture.spaced and len(syls) > 1:
        variants.append(" ".join(cap(s.latin) for s in syls))
        variants.append(cap("-".join(s.latin for s in syls)))
    if culture.folds:
        variants.extend(fold(v) for v in [latin, *variants])
    native = finalize("".join(s.native for s in syls), culture.script)
    if culture.script in (CYRILLIC, GREEK):
        native = cap(native)
    if article:
        base = [latin, *variants]
        latin = f"Al-{base[0]}"
        variants = [f"Al {base[0]}", f"El-{base[0]}", f"Al{base[0].lower()}"]
        variants += [f"Al-{v}" for v in base[1:]]
        native = "ال" + native
    return Word(latin, _dedupe(variants, latin), native)


def _repeats(syls: Sequence[Syllable]) -> bool:
    """A syllable written twice in a row ("Woowoo"), which invented words avoid."""
    return any(a.latin == b.latin for a, b in pairwise(syls))


@cache
def feminine(word: Word) -> Word:
    """The feminine form of a Russian family name (Иванов -> Иванова, -ский -> -ская)."""
    native = word.native
    if native.endswith("енко"):
        return word
    native = native[:-2] + "ая" if native.endswith("ий") else native + "а"

    def fem(latin: str) -> str:
        for ending in ("skiy", "skii", "sky", "ski"):
            if latin.endswith(ending):
                return latin[: -len(ending)] + "skaya"
        return latin + "a"

    spellings = [fem(s) for s in word.spellings]
    return Word(spellings[0], _dedupe(spellings[1:], spellings[0]), native)


_TOKEN_RE = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Casefolded word tokens, as the negative check compares them."""
    return _TOKEN_RE.findall(text.casefold())


@dataclass(slots=True)
class CultureWords:
    distinctive: list[Word]
    family: list[Word]
    #: Chinese and Korean given names: every one or two syllables (one-syllable ones first).
    given: list[Word] = field(default_factory=list)
    single: int = 0


class Vocabulary:
    """Invented words per culture, and every token a list built from them could contain."""

    def __init__(self, seed: int, count: int) -> None:
        self.seed = seed
        self.words: dict[str, CultureWords] = {}
        n_dist = max(400, min(4000, count // 250))
        n_family = max(300, min(2000, count // 500))
        for culture in CULTURES:
            rng = random.Random(f"vocab:{seed}:{culture.key}")
            taken = {w.latin.casefold() for w in culture.family}
            dist = self._invent(rng, culture, n_dist, taken, family=False)
            fam = []
            if culture.invented_family:
                fam = self._invent(rng, culture, n_family, taken, family=True)
            words = CultureWords(dist, fam)
            if culture.spaced:
                syls = culture.syllables
                ones = [build_word([s], culture) for s in syls] if culture is CHINESE else []
                twos = [build_word([a, b], culture) for a in syls for b in syls if a != b]
                words.given, words.single = ones + twos, len(ones)
            self.words[culture.key] = words
        self._index: dict[str, dict[int, list[str]]] | None = None
        self._far: dict[tuple[str, str], bool] = {}
        self._windows: dict[tuple[str, int], list[str]] = {}

    @staticmethod
    def _invent(
        rng: random.Random, culture: Culture, n: int, taken: set[str], *, family: bool
    ) -> list[Word]:
        out: list[Word] = []
        for _ in range(n * 20):
            if len(out) >= n:
                break
            k = 2 if rng.random() < 0.6 else 3
            syls = [rng.choice(culture.syllables) for _ in range(k)]
            if family and culture.suffixes and rng.random() < 0.7:
                syls = [*syls[: max(1, k - 1)], rng.choice(culture.suffixes)]
            key = "".join(s.latin for s in syls)
            if key in taken or len(key) < 4 or _repeats(syls):
                continue
            taken.add(key)
            article = culture.article and rng.random() < (0.5 if family else 0.3)
            out.append(build_word(syls, culture, article))
        return out

    # -- the negative check ---------------------------------------------------------

    def list_tokens(self) -> dict[str, set[str]]:
        """Every token, per script, that a list entry's name could contain."""
        by_script: dict[str, set[str]] = {}

        def add(text: str, script: str) -> None:
            if text:
                by_script.setdefault(script, set()).update(tokens(text))
                if script == LATIN:
                    by_script[script].update(tokens(fold(text)))

        def add_word(word: Word, script: str) -> None:
            for spelling in word.spellings:
                add(spelling, LATIN)
            add(word.native, script)

        for culture in CULTURES:
            words = self.words[culture.key]
            for word in chain(
                words.distinctive,
                words.family,
                words.given,
                culture.given_m,
                culture.given_f,
                culture.family,
                culture.patronymics_m,
                culture.patronymics_f,
            ):
                add_word(word, culture.script)
            if culture is RUSSIAN:
                for word in (*words.family, *culture.family):
                    add_word(feminine(word), culture.script)
        for concepts in (GENERIC, ORG_CONCEPTS):
            for texts in concepts.values():
                for col, text in texts.items():
                    add(text, LATIN if col in ("en", "tr") else col)
        for forms in LEGAL_FORMS.values():
            for text, script, _ in forms:
                add(text, script)
        for text in DESCRIPTORS:
            add(text, LATIN)
        add_word(SHAHID, PERSIAN)
        return by_script

    def _buckets(self) -> dict[str, dict[int, list[str]]]:
        if self._index is None:
            index: dict[str, dict[int, list[str]]] = {}
            for script, toks in self.list_tokens().items():
                buckets: dict[int, list[str]] = {}
                for tok in sorted(toks):
                    buckets.setdefault(len(tok), []).append(tok)
                index[script] = buckets
            self._index = index
        return self._index

    def _window(self, script: str, length: int) -> list[str]:
        """List tokens of a script whose length is within reach of ``length``."""
        key = (script, length)
        if key not in self._windows:
            buckets = self._buckets().get(script, {})
            reach = MIN_DISTANCE - 1
            lengths = range(length - reach, length + reach + 1)
            self._windows[key] = [w for n in lengths for w in buckets.get(n, ())]
        return self._windows[key]

    def far(self, toks: Sequence[str], script: str) -> list[bool]:
        """For each casefolded token: long enough and >= 3 edits from every list token."""
        todo = sorted({t for t in toks if (t, script) not in self._far})
        by_len: dict[int, list[str]] = {}
        for tok in todo:
            if len(tok) < MIN_NEW_TOKEN.get(script, 99):
                self._far[tok, script] = False
            else:
                by_len.setdefault(len(tok), []).append(tok)
        reach = MIN_DISTANCE - 1
        for length, group in by_len.items():
            choices = self._window(script, length)
            if not choices:
                self._far.update(((t, script), True) for t in group)
                continue
            for start in range(0, len(group), 256):
                chunk = group[start : start + 256]
                dist = process.cdist(
                    chunk,
                    choices,
                    scorer=Levenshtein.distance,
                    score_cutoff=reach,
                    dtype=np.uint8,
                    workers=-1,
                )
                near = np.asarray((dist <= reach).any(axis=1), dtype=bool)
                for i, tok in enumerate(chunk):
                    self._far[tok, script] = not bool(near[i])
        return [self._far[t, script] for t in toks]

    def is_negative(self, name: str, script: str) -> bool:
        """True if some token of ``name`` is new: no list entry, perturbed, can produce it."""
        if script not in NEGATIVE_SCRIPTS:
            return False
        return any(self.far(tokens(name), script))


# ---------------------------------------------------------------------------------------
# Rendering names


def spell(word: Word, rng: random.Random, p_variant: float) -> str:
    if word.variants and rng.random() < p_variant:
        return rng.choice(word.variants)
    return word.latin


def render_person(
    spec: PersonSpec, culture: Culture, script: str, rng: random.Random, p_variant: float = 0.3
) -> Form:
    if script == LATIN:
        return _person_latin(spec, culture, rng, p_variant)
    return _person_native(spec, culture, script, rng)


def _person_latin(spec: PersonSpec, culture: Culture, rng: random.Random, p_variant: float) -> Form:
    upper = rng.random() < 0.12

    def tok(word: Word, role: str) -> Tok:
        text = spell(word, rng, p_variant)
        return Tok(text.upper() if upper and role.startswith("family") else text, role, word=word)

    given = tok(spec.given, "given")
    family = [tok(spec.family, "family")]
    if spec.family2:
        family.append(tok(spec.family2, "family2"))
    middle = [tok(spec.middle, "middle")] if spec.middle else []
    if culture.family_first:
        toks = [*family, given] if rng.random() < 0.65 else [given, *family]
    elif culture is RUSSIAN and rng.random() < 0.15:
        toks = [*family, given, *middle]
    elif rng.random() < 0.08:
        toks = [*family, Tok(",", "punct", pre=""), given, *middle]
    else:
        toks = [given, *middle, *family]
    return Form.of(LATIN, toks)


def _person_native(spec: PersonSpec, culture: Culture, script: str, rng: random.Random) -> Form:
    sep = "" if script in UNSPACED else " "
    given = Tok(spec.given.native, "given", pre=sep, word=spec.given)
    family = Tok(spec.family.native, "family", pre=sep, word=spec.family)
    middle = [Tok(spec.middle.native, "middle", word=spec.middle)] if spec.middle else []
    family2 = [Tok(spec.family2.native, "family2", word=spec.family2)] if spec.family2 else []
    if script in UNSPACED:
        toks = [family, given]
    elif script == CYRILLIC and rng.random() < 0.6:
        toks = [family, given, *middle]
    else:
        toks = [given, *middle, family, *family2]
    return Form.of(script, toks)


def place_legal(core: Sequence[Tok], text: str, pos: str, script: str, key: str) -> list[Tok]:
    """``core`` with a legal form put before or after it, with the script's spacing."""
    tight = script in (HAN, JAPANESE) or text == "(주)"
    gap = "" if tight else " "
    legal = Tok(text, "legal", pre=gap, key=key)
    if pos == SUFFIX:
        return [*core, legal]
    return [legal, replace(core[0], pre=gap), *core[1:]]


def legal_choices(key: str, script: str, exclude: str = "") -> list[tuple[str, str]]:
    return [(t, p) for t, s, p in LEGAL_FORMS[key] if s == script and t != exclude]


def generic_text(key: str, column: str) -> str | None:
    texts = GENERIC.get(key) or ORG_CONCEPTS[key]
    return texts.get(column)


def latin_column(country: str) -> str:
    return "tr" if country == "tr" else "en"


def render_org(
    spec: OrgSpec,
    culture: Culture,
    country: str,
    script: str,
    rng: random.Random,
    p_variant: float = 0.2,
) -> Form:
    if script == LATIN:
        col = latin_column(country)
        core: list[Tok] = []
        if spec.descriptor:
            core.append(Tok(spec.descriptor, "desc"))
        if spec.honorific:
            core.append(Tok(spell(spec.honorific, rng, p_variant), "hon", word=spec.honorific))
        core += [Tok(spell(w, rng, p_variant), "dist", word=w) for w in spec.distinctive]
        keys = [*spec.generics, *([spec.concept] if spec.concept else [])]
        for key in keys:
            text = generic_text(key, col) or generic_text(key, "en")
            if text:
                core.append(Tok(text, "generic", key=key))
        toks = core
        if spec.legal:
            text, pos = rng.choice(legal_choices(spec.legal, LATIN))
            toks = place_legal(core, text, pos, LATIN, spec.legal)
        return Form.of(LATIN, toks)
    return _org_native(spec, script, rng)


def _org_native(spec: OrgSpec, script: str, rng: random.Random) -> Form:
    sep = "" if script in UNSPACED else " "
    dist = [Tok(w.native, "dist", pre=sep, word=w) for w in spec.distinctive]
    gens = [
        Tok(text, "generic", pre=sep, key=key)
        for key in spec.generics
        if (text := generic_text(key, script))
    ]
    concept_text = spec.concept and generic_text(spec.concept, script)
    concept = (
        [Tok(concept_text, "generic", pre=sep, key=spec.concept or "")] if concept_text else []
    )
    hon = [Tok(spec.honorific.native, "hon", word=spec.honorific)] if spec.honorific else []
    if script in UNSPACED:
        core = [*dist, *gens, *concept]
    elif script == PERSIAN:
        core = [*gens, *concept, *hon, *dist]
    elif script == CYRILLIC:
        inner = [*dist, *gens]
        if spec.legal or rng.random() < 0.5:
            inner = [Tok("«", "punct"), *inner, Tok("»", "punct", pre="")]
        core = [*concept, *inner]
    elif script == ARABIC:
        core = [*concept, *dist, *gens]
    else:
        core = [*concept, *dist, *gens]
    choices = legal_choices(spec.legal, script) if spec.legal else []
    if choices:
        text, pos = rng.choice(choices)
        return Form.of(script, place_legal(core, text, pos, script, spec.legal or ""))
    return Form.of(script, core)


def acronym_of(form: Form) -> str | None:
    """Initials of a Latin organisation name of 3 to 5 words (legal form not counted)."""
    words = [w for t in form.toks if t.role in CORE_ROLES for w in t.text.split() if w[0].isupper()]
    if not MIN_ACRONYM <= len(words) <= MAX_ACRONYM:
        return None
    return "".join(w[0].upper() for w in words)


_LETTERS_RE = re.compile(r"[^\W\d_]+")
#: Every Latin legal form, whatever the class: a matcher strips them by their text.
LATIN_LEGAL = frozenset(t for forms in LEGAL_FORMS.values() for t, s, _ in forms if s == LATIN)
_LEGAL_WORDS = max(len(t.split()) for t in LATIN_LEGAL)


def acronym_key(text: str) -> str:
    """An acronym as the counts compare it: casefolded, diacritics dropped (``Ş`` = ``s``)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1 << 18)
def _initials(word: str) -> tuple[str, str, str, str, str, str]:
    """What one word adds to each of the six readings of :func:`name_acronyms`."""
    runs = _LETTERS_RE.findall(word)
    if not runs:
        return ("", "", "", "", "", "")
    return (
        runs[0][0],
        "" if word.casefold() in ACRONYM_STOPWORDS else runs[0][0],
        word[0] if word[0].isupper() else "",
        "".join(r[0] for r in runs),
        "".join(r[0] for r in runs if r.casefold() not in ACRONYM_STOPWORDS),
        "".join(r[0] for r in runs if r[0].isupper()),
    )


def name_acronyms(name: str) -> set[str]:
    """Every acronym a matcher could read from a Latin organisation name.

    The initials of its words, split at spaces or at every non-letter (``Al-Nur``,
    ``S.A.``): of all of them, of all but stop words (``and``, ``of``, ``ve``, ``al``, ...),
    and of the capitalised ones (spaced, that is what :func:`acronym_of` reads); each of
    these from the whole name and from the name without any Latin legal form it starts or
    ends with (``Co., Ltd.`` or only ``Ltd.``); and the name itself when it is one word of at
    most eight letters (an acronym alias, ``SKIG`` or ``S.K.I.G.``).
    """
    words = name.split()
    found: set[str] = set()
    if len(words) == 1:
        letters = "".join(_LETTERS_RE.findall(name))
        if 2 <= len(letters) <= 8:
            found.add(letters)
    cores = [words]
    for k in range(1, min(_LEGAL_WORDS, len(words) - 1) + 1):
        if " ".join(words[-k:]) in LATIN_LEGAL:
            cores.append(words[:-k])
        if " ".join(words[:k]) in LATIN_LEGAL:
            cores.append(words[k:])
    for core in cores:
        found.update(map("".join, zip(*map(_initials, core), strict=True)))
    found.discard("")
    return found


def entity_acronyms(entity: Entity) -> set[str]:
    """The acronyms of 4-5 letters read from the Latin names of an organisation or
    company (:func:`name_acronyms`), as keys (:func:`acronym_key`); none for a person.

    Only these lengths are kept: the counts serve to check acronym queries, which have
    them, and the counter stays small for a list of a million."""
    if entity.schema == PERSON:
        return set()
    found: set[str] = set()
    for form in entity.forms:
        if form.script == LATIN:
            found.update(name_acronyms(form.text))
    return {acronym_key(a) for a in found if MIN_ACRONYM_QUERY <= len(a) <= MAX_ACRONYM}


# ---------------------------------------------------------------------------------------
# Entities


def _birth_date(rng: random.Random) -> str:
    year = rng.randint(1940, 2002)
    if rng.random() < 0.15:
        return str(year)
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _id_number(rng: random.Random) -> str:
    letter = rng.choice("ABCDEFGHKLMNPRSTUVWXYZ")
    return f"{letter}{rng.randrange(10**7, 10**8)}"


def _registration(rng: random.Random, country: str) -> str:
    if country in ("ru", "by", "kz"):
        return str(rng.randrange(10**12, 10**13))
    if country == "cn":
        digits = rng.randrange(10**15, 10**16)
        return f"91{digits}{rng.choice('0123456789ABCDEFGHJKLMNPQRTUWXY')}"
    return str(rng.randrange(10**5, 10**9))


def make_entity(vocab: Vocabulary, seed: int, index: int) -> Entity:
    """Entity ``index`` of the list for ``seed``: a pure function of both."""
    rng = random.Random((seed << 32) | index)
    r = rng.random()
    if r < SCHEMA_SHARES[0][1]:
        return _make_person(vocab, rng, index)
    schema = COMPANY if r < SCHEMA_SHARES[0][1] + SCHEMA_SHARES[1][1] else ORGANIZATION
    return _make_org(vocab, rng, index, schema)


def _make_person(vocab: Vocabulary, rng: random.Random, index: int) -> Entity:
    culture = rng.choices(PERSON_CULTURES, cum_weights=_PERSON_CUM)[0]
    words = vocab.words[culture.key]
    female = rng.random() < 0.25
    if words.given:
        one = words.single and rng.random() < 0.35
        given = words.given[rng.randrange(words.single) if one else rng.randrange(len(words.given))]
    else:
        given = rng.choice(culture.given_f if female else culture.given_m)
    middle: Word | None = None
    if rng.random() < culture.middle_share:
        if culture.patronymics_m:
            middle = rng.choice(culture.patronymics_f if female else culture.patronymics_m)
        elif culture.given_m:
            middle = rng.choice(culture.given_m)
            if middle == given:
                middle = None
    if words.family and rng.random() < culture.invented_family:
        family = rng.choice(words.family)
    else:
        family = rng.choice(culture.family)
    family2 = None
    if culture is HISPANIC and rng.random() < 0.6:
        family2 = rng.choice(culture.family if rng.random() < 0.5 else words.family)
    if culture is RUSSIAN and female:
        family = feminine(family)
    spec = PersonSpec(given, family, middle, family2, female)

    native = None if culture.script == LATIN else culture.script
    forms: list[Form] = []
    if native is None:
        forms.append(render_person(spec, culture, LATIN, rng))
        if culture.folds and rng.random() < 0.2:
            forms.append(Form.of(LATIN, [replace(t, text=fold(t.text)) for t in forms[0].toks]))
    else:
        mode = rng.random()
        scripts = (
            [LATIN]
            if mode < 0.40
            else [native]
            if mode < 0.65
            else [native, LATIN]
            if mode < 0.85
            else [LATIN, native]
        )
        forms += [render_person(spec, culture, s, rng) for s in scripts]
    if rng.random() < 0.15 and any(f.script == LATIN for f in forms):
        forms.append(render_person(spec, culture, LATIN, rng, p_variant=0.9))
    forms = _unique_forms(forms)

    nationality = rng.choice(culture.countries)
    props: dict[str, list[str]] = {}
    first = forms[0]
    firsts = [t.text for t in first.toks if t.role == "given"]
    lasts = [t.text for t in first.toks if t.role in ("family", "family2")]
    if firsts and lasts:
        props["firstName"] = firsts
        props["lastName"] = [" ".join(lasts)]
    mids = [t.text for t in first.toks if t.role == "middle"]
    if mids:
        props["fatherName" if culture in (RUSSIAN, ARABIC_CULTURE) else "middleName"] = mids
    if rng.random() < 0.85:
        props["birthDate"] = [_birth_date(rng)]
    if rng.random() < 0.85:
        props["nationality"] = [nationality]
    if rng.random() < 0.6:
        props["gender"] = ["female" if female else "male"]
    if rng.random() < 0.3:
        props["idNumber"] = [_id_number(rng)]
    return Entity(index, entity_id(index), PERSON, culture, nationality, native, spec, forms, props)


def _make_org(vocab: Vocabulary, rng: random.Random, index: int, schema: str) -> Entity:
    culture = rng.choices(COMPANY_CULTURES, cum_weights=_COMPANY_CUM)[0]
    words = vocab.words[culture.key]
    country = rng.choice(culture.countries)
    if schema == COMPANY and culture.fronts and rng.random() < 0.2:
        country = rng.choice(culture.fronts)
    r = rng.random()
    n_dist = 1 if r < 0.55 else 2 if r < 0.9 else 3
    dist = tuple(rng.sample(words.distinctive, n_dist))
    if schema == ORGANIZATION:
        modifiers = (rng.choice(ORG_MODIFIERS),) if rng.random() < 0.4 else ()
        hon = SHAHID if culture is PERSIAN_CULTURE and rng.random() < 0.35 else None
        spec = OrgSpec(dist, modifiers, concept=rng.choice(ORG_CONCEPT_KEYS), honorific=hon)
    else:
        r = rng.random()
        n_gen = 0 if r < 0.1 else 1 if r < 0.55 else 2 if r < 0.9 else 3
        legal = rng.choice(COUNTRY_LEGAL[country])
        generics = rng.sample(COMPANY_GENERICS, n_gen)
        if legal not in COMPANY_OK and "company" in generics:
            generics.remove("company")
        generics.sort(key=lambda g: GENERIC_RANK.get(g, 0))
        desc = rng.choice(DESCRIPTORS) if rng.random() < 0.12 else None
        spec = OrgSpec(dist, tuple(generics), legal=legal, descriptor=desc)

    native = COUNTRY_SCRIPT.get(country)
    if native != culture.script:
        native = None
    if native is None:
        forms = [render_org(spec, culture, country, LATIN, rng)]
        if culture.folds and rng.random() < 0.2:
            forms.append(Form.of(LATIN, [replace(t, text=fold(t.text)) for t in forms[0].toks]))
    else:
        mode = rng.random()
        scripts = (
            [LATIN]
            if mode < 0.40
            else [native]
            if mode < 0.65
            else [native, LATIN]
            if mode < 0.85
            else [LATIN, native]
        )
        forms = [render_org(spec, culture, country, s, rng) for s in scripts]
    latin = next((f for f in forms if f.script == LATIN), None)
    if latin is not None:
        if rng.random() < 0.12:
            forms.append(render_org(spec, culture, country, LATIN, rng, p_variant=0.9))
        acronym = acronym_of(latin)
        if acronym and rng.random() < (0.3 if schema == ORGANIZATION else 0.08):
            forms.append(Form.of(LATIN, [Tok(acronym, "acronym")]))
    forms = _unique_forms(forms)

    props: dict[str, list[str]] = {"country": [country]}
    if schema == COMPANY:
        if rng.random() < 0.5:
            props["jurisdiction"] = [country]
        if rng.random() < 0.4:
            props["registrationNumber"] = [_registration(rng, country)]
    elif rng.random() < 0.15:
        props["idNumber"] = [_registration(rng, country)]
    return Entity(index, entity_id(index), schema, culture, country, native, spec, forms, props)


def _unique_forms(forms: Sequence[Form]) -> list[Form]:
    seen: set[str] = set()
    out = []
    for form in forms:
        if form.text not in seen:
            seen.add(form.text)
            out.append(form)
    return out


# ---------------------------------------------------------------------------------------
# Perturbations (positive queries)

_ALPHABETS: dict[str, str] = {
    LATIN: "abcdefghijklmnopqrstuvwxyz",
    CYRILLIC: "абвгдежзиклмнопрстуфхцчшыэюя",
    GREEK: "αβγδεζηθικλμνξοπρστυφχω",
    ARABIC: "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    PERSIAN: "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی",
    HEBREW: "אבגדהוזחטיכלמנסעפצקרשת",
    HAN: "".join(s.native for s in CHINESE.syllables),
    HANGUL: "".join(s.native for s in KOREAN.syllables),
    JAPANESE: "".join(s.native for s in JAPANESE_CULTURE.syllables),
}


def typo(text: str, script: str, rng: random.Random) -> str:
    """One edit: substitute, delete, insert or transpose a letter (rarely the first)."""
    alphabet = _ALPHABETS[script]
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    i = rng.choice(letters[1:]) if len(letters) > 1 and rng.random() < 0.85 else letters[0]
    op = rng.choice(("sub", "sub", "del", "ins", "swap"))
    if op == "ins" and i == letters[0] and len(letters) > 1:
        i = letters[1]
    if op == "swap" and i + 1 < len(text) and text[i + 1].isalpha() and text[i + 1] != text[i]:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if op == "del" and len(letters) > 2:
        return text[:i] + text[i + 1 :]
    new = rng.choice(alphabet)
    while new == text[i].lower():
        new = rng.choice(alphabet)
    if text[i].isupper():
        new = new.upper()
    if op == "ins":
        return text[:i] + new + text[i:]
    return text[:i] + new + text[i + 1 :]


def _match_case(original: str, text: str) -> str:
    return text.upper() if original.isupper() and len(original) > 1 else text


def _core(form: Form) -> list[int]:
    return [i for i, t in enumerate(form.toks) if t.role in CORE_ROLES]


def _spaced(form: Form) -> bool:
    return form.script not in UNSPACED and not form.is_acronym


def _forms(entity: Entity, pred: Callable[[Form], bool]) -> list[Form]:
    return [f for f in entity.forms if not f.is_acronym and pred(f)]


def q_exact(entity: Entity, rng: random.Random) -> str | None:
    return rng.choice(entity.forms).text


def q_typo(entity: Entity, rng: random.Random) -> str | None:
    forms = _forms(entity, lambda f: True)
    rng.shuffle(forms)
    for form in forms:
        long = [i for i in _core(form) if len(form.toks[i].text) >= 4]
        short = [i for i in _core(form) if 2 <= len(form.toks[i].text) <= 3]
        pool = short if short and (not long or rng.random() < 0.15) else long
        if not pool:
            continue
        i = rng.choice(pool)
        toks = list(form.toks)
        toks[i] = replace(toks[i], text=typo(toks[i].text, form.script, rng))
        return render(toks)
    return None


def q_reorder(entity: Entity, rng: random.Random) -> str | None:
    forms = _forms(entity, lambda f: _spaced(f) and len(_core(f)) >= 2)
    if not forms:
        return None
    form = rng.choice(forms)
    toks = [t for t in form.toks if not (t.role == "punct" and t.text == ",")]
    if entity.schema == PERSON:
        fam = [t for t in toks if t.role in ("family", "family2")]
        rest = [t for t in toks if t.role not in ("family", "family2")]
        toks = [*rest, *fam] if toks[0].role == "family" else [*fam, *rest]
        toks = [replace(t, pre=" ") for t in toks]
    else:
        slots = [i for i, t in enumerate(toks) if t.role in CORE_ROLES]
        moved = [toks[i] for i in slots]
        for _ in range(10):
            rng.shuffle(moved)
            if [t.text for t in moved] != [toks[i].text for i in slots]:
                break
        for i, tok in zip(slots, moved, strict=True):
            toks[i] = replace(tok, pre=toks[i].pre)
    return render(toks)


def q_legal_form(entity: Entity, rng: random.Random) -> str | None:
    forms = _forms(entity, lambda f: any(t.role == "legal" for t in f.toks))
    if not forms:
        return None
    form = rng.choice(forms)
    legal = next(t for t in form.toks if t.role == "legal")
    core = [t for t in form.toks if t.role != "legal"]
    choices = legal_choices(legal.key, form.script, exclude=legal.text)
    if choices and rng.random() < 0.65:
        text, pos = rng.choice(choices)
        return render(place_legal(core, text, pos, form.script, legal.key))
    return render(core)


def q_transliteration(entity: Entity, rng: random.Random) -> str | None:
    def options(tok: Tok) -> list[str]:
        if tok.word is None or tok.role not in CORE_ROLES:
            return []
        current = tok.text.casefold()
        return [s for s in tok.word.spellings if s.casefold() != current]

    forms = _forms(entity, lambda f: f.script == LATIN and any(options(t) for t in f.toks))
    if not forms:
        return None
    form = rng.choice(forms)
    idx = [i for i, t in enumerate(form.toks) if options(t)]
    chosen = rng.sample(idx, 2 if len(idx) > 1 and rng.random() < 0.3 else 1)
    toks = list(form.toks)
    for i in chosen:
        toks[i] = replace(toks[i], text=_match_case(toks[i].text, rng.choice(options(toks[i]))))
    return render(toks)


def q_script_change(entity: Entity, rng: random.Random) -> str | None:
    if entity.native is None:
        return None
    scripts = {f.script for f in entity.forms if not f.is_acronym}
    if scripts == {LATIN}:
        target = entity.native
    elif scripts == {entity.native}:
        target = LATIN
    else:
        return None
    spec = entity.spec
    if isinstance(spec, PersonSpec):
        return render_person(spec, entity.culture, target, rng).text
    return render_org(spec, entity.culture, entity.country, target, rng).text


def q_acronym(entity: Entity, rng: random.Random) -> str | None:
    if entity.schema == PERSON or any(f.is_acronym for f in entity.forms):
        return None
    forms = _forms(entity, lambda f: f.script == LATIN and acronym_of(f) is not None)
    return acronym_of(rng.choice(forms)) if forms else None


def q_dropped_token(entity: Entity, rng: random.Random) -> str | None:
    def droppable(form: Form) -> list[int]:
        named = [i for i, t in enumerate(form.toks) if t.role != "punct"]
        if len(named) < 3:
            return []
        later = [i for i in named[1:] if form.toks[i].role in CORE_ROLES]
        if entity.schema == PERSON:
            # keep the given and the family name: drop a middle or a second family name
            inner = [i for i in later if form.toks[i].role in ("middle", "family2")]
            return inner or later
        # keep a distinctive word: drop a generic one, or one of several distinctive ones
        several = sum(t.role == "dist" for t in form.toks) > 1
        return [i for i in later if form.toks[i].role != "dist" or several]

    forms = _forms(entity, lambda f: _spaced(f) and bool(droppable(f)))
    if not forms:
        return None
    form = rng.choice(forms)
    drop = rng.choice(droppable(form))
    return render([t for i, t in enumerate(form.toks) if i != drop])


def q_added_token(entity: Entity, rng: random.Random) -> str | None:
    forms = _forms(entity, _spaced)
    if not forms:
        return None
    form = rng.choice(forms)
    toks = list(form.toks)
    spec = entity.spec
    if isinstance(spec, PersonSpec):
        culture = entity.culture
        pool = culture.given_f if spec.female else culture.given_m
        if culture.patronymics_m:
            if spec.middle:
                return None
            pool = culture.patronymics_f if spec.female else culture.patronymics_m
        pool = tuple(w for w in pool if w not in (spec.given, spec.middle))
        if not pool:
            return None
        word = rng.choice(pool)
        text = word.latin if form.script == LATIN else word.native
        at = next(i for i, t in enumerate(toks) if t.role == "given") + 1
        toks.insert(at, Tok(text, "middle", word=word))
        return render(toks)
    present = {*spec.generics, spec.concept}
    column = latin_column(entity.country) if form.script == LATIN else form.script
    keys = [k for k in COMPANY_GENERICS if k not in present and generic_text(k, column)]
    if not keys:
        return None
    key = rng.choice(keys)
    at = max(_core(form)) + 1
    toks.insert(at, Tok(generic_text(key, column) or "", "generic", key=key))
    return render(toks)


PERTURBATIONS: dict[str, Callable[[Entity, random.Random], str | None]] = {
    "exact": q_exact,
    "typo": q_typo,
    "reorder": q_reorder,
    "legal_form": q_legal_form,
    "transliteration": q_transliteration,
    "script_change": q_script_change,
    "acronym": q_acronym,
    "dropped_token": q_dropped_token,
    "added_token": q_added_token,
}


def unique_acronym(acronym: str, acronyms: Counter[str]) -> bool:
    """At least four letters, and read from the names of one list entry only."""
    key = acronym_key(acronym)
    return len(key) >= MIN_ACRONYM_QUERY and acronyms[key] == 1


def _context(entity: Entity, query: dict[str, Any], rng: random.Random) -> None:
    """Country (and birth date, for persons) on about half of the queries."""
    if rng.random() >= 0.5:
        return
    if entity.schema == PERSON:
        if "nationality" in entity.props:
            query["country"] = entity.props["nationality"][0]
        if "birthDate" in entity.props:
            query["birth_date"] = entity.props["birthDate"][0]
    else:
        query["country"] = entity.country


def generate_queries(
    vocab: Vocabulary,
    seed: int,
    count: int,
    n: int,
    max_attempts: int = 5000,
    acronyms: Counter[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """``n`` positive queries, the kinds in equal shares and shuffled.

    ``acronyms`` counts the list entries each acronym can be read from
    (:func:`count_acronyms`, computed here if not given): an ``acronym`` query is made only
    from an acronym of at least four letters that exactly one list entry gives.
    """
    if acronyms is None:
        acronyms = count_acronyms(vocab, seed, count)
    rng = random.Random(f"queries:{seed}:{count}")
    plan = [KINDS[i % len(KINDS)] for i in range(n)]
    rng.shuffle(plan)
    for number, kind in enumerate(plan, 1):
        perturb = PERTURBATIONS[kind]
        for _ in range(max_attempts):
            entity = make_entity(vocab, seed, rng.randrange(count))
            name = perturb(entity, rng)
            if name is None:
                continue
            listed = {f.text.casefold() for f in entity.forms}
            if (kind == "exact") != (name.casefold() in listed):
                continue
            if kind == "acronym" and not unique_acronym(name, acronyms):
                continue
            query: dict[str, Any] = {"query_id": f"q{number:06d}", "name": name}
            query["schema"] = entity.schema
            _context(entity, query, rng)
            query["expected"] = entity.id
            query["kind"] = kind
            yield query
            break
        else:
            raise RuntimeError(f"no list entry admits a {kind!r} query (is --count too small?)")


# ---------------------------------------------------------------------------------------
# Near-miss negatives


def novel_pools(vocab: Vocabulary, seed: int, size: int) -> dict[str, list[Word]]:
    """Per culture, ``size`` new words far from every list token (in Latin, and in the
    culture's script where negatives are written in it)."""
    pools: dict[str, list[Word]] = {}
    for culture in CULTURES:
        rng = random.Random(f"novel:{seed}:{culture.key}")
        pool: list[Word] = []
        seen: set[str] = set()
        checked = accepted = 0
        for _ in range(60):
            rate = max(0.05, (accepted + 1) / (checked + 4))
            batch: list[Word] = []
            while len(batch) < max(16, int((size - len(pool)) / rate * 1.2)):
                k = rng.choice((2, 3, 3)) + (culture.script in UNSPACED)
                syls = [rng.choice(culture.syllables) for _ in range(k)]
                if culture.suffixes and rng.random() < 0.4:
                    syls.append(rng.choice(culture.suffixes))
                word = build_word(syls, culture)
                if not _repeats(syls) and word.latin not in seen:
                    seen.add(word.latin)
                    batch.append(word)
            ok = vocab.far([w.latin.casefold() for w in batch], LATIN)
            if culture.script in NEGATIVE_SCRIPTS - {LATIN}:
                ok_native = vocab.far([w.native.casefold() for w in batch], culture.script)
                ok = [a and b for a, b in zip(ok, ok_native, strict=True)]
            good = [w for w, far in zip(batch, ok, strict=True) if far]
            checked, accepted = checked + len(batch), accepted + len(good)
            pool += good
            if len(pool) >= size:
                break
        pools[culture.key] = pool[:size]
    return pools


def _plain(word: Word) -> Word:
    """A new word spelled one way only (so a negative uses its checked spelling)."""
    return Word(word.latin, (), word.native)


def near_miss(
    entity: Entity, pools: dict[str, list[Word]], rng: random.Random
) -> tuple[str, str] | None:
    """A name like ``entity``'s with new words in place of its distinctive ones."""
    culture = entity.culture
    pool = pools.get(culture.key) or []
    if len(pool) < 3:
        return None
    native_ok = entity.native in NEGATIVE_SCRIPTS
    script = entity.native if native_ok and rng.random() < 0.35 else LATIN
    assert script is not None
    spec = entity.spec
    if isinstance(spec, PersonSpec):
        if culture.script in UNSPACED:
            return None  # every Chinese or Korean given name of 1-2 syllables may be listed
        if rng.random() < 0.5:
            # shares the family name (a common one), not the given name
            family = spec.family if spec.family in culture.family else rng.choice(culture.family)
            if culture is RUSSIAN and spec.female:
                family = feminine(family)
            new = PersonSpec(_plain(rng.choice(pool)), family, female=spec.female)
        else:
            # shares the given name, not the family name
            new = PersonSpec(spec.given, _plain(rng.choice(pool)), female=spec.female)
        return render_person(new, culture, script, rng, p_variant=0.0).text, script
    words = tuple(_plain(w) for w in rng.sample(pool, len(spec.distinctive)))
    new_org = replace(spec, distinctive=words)
    return render_org(new_org, culture, entity.country, script, rng, p_variant=0.0).text, script


def generate_negatives(
    vocab: Vocabulary, seed: int, count: int, n: int, max_attempts: int = 200
) -> Iterator[dict[str, Any]]:
    """``n`` near-miss negatives, each checked by :meth:`Vocabulary.is_negative`."""
    rng = random.Random(f"negatives:{seed}:{count}")
    pools = novel_pools(vocab, seed, max(20, min(150, n // 80)))
    for number in range(1, n + 1):
        for _ in range(max_attempts):
            entity = make_entity(vocab, seed, rng.randrange(count))
            made = near_miss(entity, pools, rng)
            if made is None or not vocab.is_negative(*made):
                continue
            query: dict[str, Any] = {"query_id": f"n{number:06d}", "name": made[0]}
            query["schema"] = entity.schema
            if rng.random() < 0.5:
                query["country"] = (
                    entity.props.get("nationality", [entity.country])[0]
                    if entity.schema == PERSON
                    else entity.country
                )
            query["expected"] = None
            query["kind"] = "near_miss"
            yield query
            break
        else:
            raise RuntimeError("could not make an honest near-miss negative")


# ---------------------------------------------------------------------------------------
# Writing


def script_of(text: str) -> str:
    """The script of a name, for the summary (Persian names are told apart by letters)."""
    persian = set("پچژگکی")
    for ch in text:
        if "\u0400" <= ch <= "\u04ff":
            return CYRILLIC
        if "\u0370" <= ch <= "\u03ff":
            return GREEK
        if "\u0590" <= ch <= "\u05ff":
            return HEBREW
        if "\u0600" <= ch <= "\u06ff":
            return PERSIAN if any(c in persian for c in text) else ARABIC
        if "\uac00" <= ch <= "\ud7af":
            return HANGUL
        if "\u30a0" <= ch <= "\u30ff":
            return JAPANESE
        if "\u4e00" <= ch <= "\u9fff":
            return JAPANESE if any("\u30a0" <= c <= "\u30ff" for c in text) else HAN
    return LATIN


@dataclass(slots=True)
class Summary:
    schemas: Counter[str] = field(default_factory=Counter)
    cultures: Counter[str] = field(default_factory=Counter)
    name_scripts: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    query_scripts: Counter[str] = field(default_factory=Counter)
    negative_schemas: Counter[str] = field(default_factory=Counter)
    negative_scripts: Counter[str] = field(default_factory=Counter)
    #: Distinct acronyms of 4-5 letters read from the list's names, and how many of them
    #: are read from one entry only (the ones an acronym query may use).
    acronyms: int = 0
    unique_acronyms: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, other: Summary) -> None:
        self.schemas.update(other.schemas)
        self.cultures.update(other.cultures)
        self.name_scripts.update(other.name_scripts)

    def report(self, out: TextIO) -> None:
        def line(title: str, counter: Counter[str]) -> None:
            if counter:
                items = ", ".join(f"{k} {v:,}" for k, v in counter.most_common())
                print(f"{title}: {items}", file=out)

        line("entities per schema", self.schemas)
        line("entities per culture", self.cultures)
        line("names and aliases per script", self.name_scripts)
        if self.acronyms:
            print(
                f"acronyms of 4-5 letters read from list names: {self.acronyms:,}, "
                f"of which from one entry only: {self.unique_acronyms:,}",
                file=out,
            )
        line("queries per kind", self.kinds)
        line("queries per script", self.query_scripts)
        line("negatives per schema", self.negative_schemas)
        line("negatives per script", self.negative_scripts)
        for step, secs in self.seconds.items():
            print(f"{step}: {secs:.1f} s", file=out)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS: {peak:.0f} MB", file=out)


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _dump(obj: dict[str, Any]) -> str:
    return _ENCODER.encode(obj) + "\n"


#: Entities per task when the list is written by several processes.
CHUNK = 10_000
#: The vocabulary a forked worker inherits from its parent.
_WORKER_VOCAB: Vocabulary | None = None


def list_chunk(
    vocab: Vocabulary, seed: int, start: int, stop: int, lines: bool = True
) -> tuple[str, Summary, Counter[str]]:
    """Lines ``start:stop`` of the list (if ``lines``), their counts and their acronyms."""
    summary = Summary()
    acronyms: Counter[str] = Counter()
    out = []
    for index in range(start, stop):
        entity = make_entity(vocab, seed, index)
        summary.schemas[entity.schema] += 1
        summary.cultures[entity.culture.key] += 1
        for form in entity.forms:
            summary.name_scripts[form.script] += 1
        acronyms.update(entity_acronyms(entity))
        if lines:
            out.append(_dump(entity.to_ftm()))
    return "".join(out), summary, acronyms


def _worker_chunk(task: tuple[int, int, int, bool]) -> tuple[str, Summary, Counter[str]]:
    assert _WORKER_VOCAB is not None
    return list_chunk(_WORKER_VOCAB, *task)


def write_list(
    vocab: Vocabulary,
    seed: int,
    count: int,
    out: TextIO | None,
    summary: Summary,
    workers: int = 1,
) -> Counter[str]:
    """The list in index order (the same bytes whatever the number of workers), or only
    its pass over the names if ``out`` is None; return how many entries give each acronym
    (:func:`entity_acronyms`), merged from the workers' chunks."""
    global _WORKER_VOCAB
    lines = out is not None
    tasks = [(seed, start, min(start + CHUNK, count), lines) for start in range(0, count, CHUNK)]
    acronyms: Counter[str] = Counter()
    if workers > 1 and len(tasks) > 1 and "fork" in multiprocessing.get_all_start_methods():
        _WORKER_VOCAB = vocab
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                parts = pool.imap(_worker_chunk, tasks)
                for text, part, found in parts:
                    if out is not None:
                        out.write(text)
                    summary.add(part)
                    acronyms.update(found)
        finally:
            _WORKER_VOCAB = None
        return acronyms
    for task in tasks:
        text, part, found = list_chunk(vocab, *task)
        if out is not None:
            out.write(text)
        summary.add(part)
        acronyms.update(found)
    return acronyms


def count_acronyms(vocab: Vocabulary, seed: int, count: int, workers: int = 1) -> Counter[str]:
    """How many list entries give each acronym of 4-5 letters, without writing the list."""
    return write_list(vocab, seed, count, None, Summary(), workers)


def generate(
    *,
    count: int,
    seed: int,
    list_out: Path | None = None,
    queries_out: Path | None = None,
    negatives_out: Path | None = None,
    queries: int = 10_000,
    negatives: int = 10_000,
    workers: int = 1,
) -> Summary:
    """Write whichever of the three files are given; return the counts."""
    summary = Summary()
    started = time.perf_counter()
    vocab = Vocabulary(seed, count)
    summary.seconds["vocabulary"] = time.perf_counter() - started
    for path in (list_out, queries_out, negatives_out):
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
    acronyms: Counter[str] | None = None
    if list_out is not None:
        started = time.perf_counter()
        with list_out.open("w", encoding="utf-8", buffering=1 << 20) as out:
            acronyms = write_list(vocab, seed, count, out, summary, workers)
        summary.seconds["list"] = time.perf_counter() - started
    if queries_out is not None:
        started = time.perf_counter()
        if acronyms is None:  # the list is not written: a pass over its names all the same
            acronyms = count_acronyms(vocab, seed, count, workers)
            summary.seconds["acronyms"] = time.perf_counter() - started
            started = time.perf_counter()
        summary.acronyms = len(acronyms)
        summary.unique_acronyms = sum(n == 1 for n in acronyms.values())
        with queries_out.open("w", encoding="utf-8") as out:
            for query in generate_queries(vocab, seed, count, queries, acronyms=acronyms):
                summary.kinds[query["kind"]] += 1
                summary.query_scripts[script_of(query["name"])] += 1
                out.write(_dump(query))
        summary.seconds["queries"] = time.perf_counter() - started
    if negatives_out is not None:
        started = time.perf_counter()
        with negatives_out.open("w", encoding="utf-8") as out:
            for query in generate_negatives(vocab, seed, count, negatives):
                summary.negative_schemas[query["schema"]] += 1
                summary.negative_scripts[script_of(query["name"])] += 1
                out.write(_dump(query))
        summary.seconds["negatives"] = time.perf_counter() - started
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write a synthetic restricted-party list and labelled screening queries."
    )
    parser.add_argument("--count", type=int, default=1_000_000, help="list entities")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--list-out", type=Path, help="FollowTheMoney JSON lines")
    parser.add_argument("--queries-out", type=Path, help="positive queries, JSON lines")
    parser.add_argument("--negatives-out", type=Path, help="near-miss negatives, JSON lines")
    parser.add_argument("--queries", type=int, default=10_000, help="positive queries")
    parser.add_argument("--negatives", type=int, default=10_000, help="negatives")
    parser.add_argument(
        "--workers",
        type=int,
        default=min(4, os.cpu_count() or 1),
        help="processes writing the list (output is the same for any number)",
    )
    args = parser.parse_args(argv)
    if not (args.list_out or args.queries_out or args.negatives_out):
        parser.error("give at least one of --list-out, --queries-out, --negatives-out")
    if args.count < 1 or args.seed < 0 or args.queries < 0 or args.negatives < 0:
        parser.error("--count must be positive; --seed, --queries, --negatives not negative")
    try:
        summary = generate(
            count=args.count,
            seed=args.seed,
            list_out=args.list_out,
            queries_out=args.queries_out,
            negatives_out=args.negatives_out,
            queries=args.queries,
            negatives=args.negatives,
            workers=args.workers,
        )
    except RuntimeError as exc:  # a list too small for some kind of query
        parser.exit(2, f"{parser.prog}: error: {exc}\n")
    summary.report(sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
