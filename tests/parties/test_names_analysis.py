"""Name analysis: which script a name is in, its ASCII words, their kinds, its legal forms.

Every later step compares the output of ``analyse``, so these tests pin down
what it gives for each script the lists use, which legal forms it sets aside
(and that it never sets them aside for people), and how words are classified.
The two word tables under ``interdict/data/parties`` are checked row by row.
"""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from interdict.parties.compare import compare_names
from interdict.parties.names.analysis import Kind, analyse, normalise
from interdict.parties.names.scripts import Script, dominant_script
from interdict.parties.names.vocabulary import generic_words, legal_form_phrases

# -- scripts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("Shahid Hemmat", Script.LATIN),
        ("Şahin Güneş Sanayi", Script.LATIN),
        ("Nguyễn Văn Thiệu", Script.LATIN),
        ("Шахид Хеммат", Script.CYRILLIC),
        ("Αθήνα Παπαδόπουλος", Script.GREEK),
        ("محمد علي", Script.ARABIC),
        ("شهید همت", Script.ARABIC),  # Persian: ی and پ/گ are in the Arabic block
        ("שמעון פרס", Script.HEBREW),
        ("习近平", Script.HAN),
        ("김정은", Script.HANGUL),
        ("カタカナ", Script.KANA),
        ("ひらがな", Script.KANA),
        ("กรุงเทพ", Script.OTHER),
        # One foreign word marks the name: its non-Latin part needs the special rules.
        ("ООО Ardalan", Script.CYRILLIC),
        ("Ardalan Trading شرکت", Script.ARABIC),
    ],
)
def test_dominant_script(name: str, script: Script) -> None:
    assert dominant_script(name) is script
    assert analyse(name, organisation=False).script is script


@pytest.mark.parametrize("text", ["", "123 !!", "★ 42 ☆", "—"])
def test_text_without_letters_counts_as_latin(text: str) -> None:
    assert dominant_script(text) is Script.LATIN


def test_most_letters_decide_between_two_foreign_scripts() -> None:
    assert dominant_script("ООО Ромашка 公司") is Script.CYRILLIC
    assert dominant_script("ООО 华为技术有限公司") is Script.HAN


def test_abjads_and_syllabic_scripts() -> None:
    assert {s for s in Script if s.is_abjad} == {Script.ARABIC, Script.HEBREW}
    assert {s for s in Script if s.is_syllabic} == {Script.HAN, Script.HANGUL, Script.KANA}


# -- transliteration -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Шахид Хеммат", ("shahid", "hemmat")),
        ("Ромашка", ("romashka",)),
        ("Αθήνα Παπαδόπουλος", ("athina", "papadopoulos")),
        # Abjads: unvocalised consonants (w and y stand for the long vowels).
        ("محمد", ("mhmd",)),
        ("شهید همت", ("shhyd", "hmt")),
        ("פרס", ("prs",)),
        ("מרדכי", ("mrdky",)),
        # Han: one word per syllable.
        ("习近平", ("xi", "jin", "ping")),
        ("华为", ("hua", "wei")),
        ("トヨタ", ("toyota",)),
        # Latin with diacritics, ligatures and apostrophes.
        ("Şahin GÜNEŞ", ("sahin", "gunes")),
        ("İstanbul Straße", ("istanbul", "strasse")),
        ("O'Brien Ma’ruf", ("obrien", "maruf")),
        ("ﬁrst  -  Œuvre", ("first", "oeuvre")),
    ],
)
def test_transliteration_to_ascii_words(name: str, tokens: tuple[str, ...]) -> None:
    assert analyse(name, organisation=False).tokens == tokens


def test_hangul_becomes_ascii_syllables() -> None:
    tokens = analyse("김정은", organisation=False).tokens
    assert "".join(tokens) == "gimjeongeun"
    assert all(re.fullmatch(r"[a-z]+", t) for t in tokens)


@pytest.mark.parametrize("name", ["سعيد", "جعفر", "مسعود", "שמעון"])
def test_ayin_does_not_split_a_word(name: str) -> None:
    assert len(analyse(name, organisation=False).tokens) == 1


def test_normalise_joins_ascii_words_with_single_spaces() -> None:
    assert normalise("  Shahid\tHEMMAT—Industrial  Group. ") == "shahid hemmat industrial group"
    assert normalise("Шахид Хеммат") == "shahid hemmat"
    assert normalise("") == ""
    assert normalise("!!! ---") == ""


# -- legal forms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "tokens", "legal"),
    [
        ("Ardalan Ltd", ("ardalan",), ("llc",)),
        ("Ardalan Limited", ("ardalan",), ("llc",)),
        ("Ardalan Co.", ("ardalan",), ("company",)),
        ("Ardalan Company", ("ardalan",), ("company",)),
        ("ARDALAN CORP.", ("ardalan",), ("company",)),
        ("Ardalan Corporation", ("ardalan",), ("company",)),
        ("Ardalan S.A.", ("ardalan",), ("jsc",)),
        ("Ardalan A.Ş.", ("ardalan",), ("jsc",)),
        ("Ardalan A.S.", ("ardalan",), ("jsc",)),
        ("Ardalan Anonim Şirketi", ("ardalan",), ("jsc",)),
        ("Ardalan Ltd. Şti.", ("ardalan",), ("llc",)),
        ("Ardalan GmbH", ("ardalan",), ("llc",)),
        ("OOO Ardalan", ("ardalan",), ("llc",)),
        ("ООО Ромашка", ("romashka",), ("llc",)),
        ("ООО «Ромашка»", ("romashka",), ("llc",)),
        ("ЗАО Ромашка", ("romashka",), ("jsc",)),
        ("ООО Ardalan", ("ardalan",), ("llc",)),
        ("شرکت همت", ("hmt",), ("company",)),
        ("Sherkat Ardalan", ("ardalan",), ("company",)),
        # 技术 is a generic term (generic_terms.tsv): it becomes "technology".
        ("华为技术有限公司", ("hua", "wei", "technology"), ("llc",)),
        ("Huawei Youxian Gongsi", ("huawei",), ("llc",)),
        ("Sony Kabushiki Kaisha", ("sony",), ("jsc",)),
        ("Golden Star Trading Company Ltd", ("golden", "star", "trading"), ("company", "llc")),
        ("トヨタ株式会社", ("toyota",), ("jsc",)),
        ("トヨタ 株式会社", ("toyota",), ("jsc",)),
        ("Tata Pvt Ltd", ("tata",), ("llc",)),
        ("Tata Pvt. Ltd.", ("tata",), ("llc",)),
        ("Tata Private Limited", ("tata",), ("llc",)),
        ("Ardalan Anonim Sirketi", ("ardalan",), ("jsc",)),
        # Forms rigour knows only in their own script or with accents (legal_forms.tsv).
        ("Nidra Industries E.P.E.", ("nidra", "industries"), ("llc",)),
        ("Χριτο Ανώνυμη Εταιρεία", ("chrito",), ("jsc",)),
        ("Fenulom Società per Azioni", ("fenulom",), ("jsc",)),
        ("Votor Gesellschaft mit beschränkter Haftung", ("votor",), ("llc",)),
        ("צורל בערבון מוגבל", ("zwrl",), ("llc",)),
        # Gershayim (״) reads as the plain quote rigour expects in בע"מ.
        ("לביו בע״מ", ("lbyw",), ("llc",)),
        # rigour's multi-word form goes whole, before the table's "Company".
        ("Pearl Closed Joint Stock Company", ("pearl",), ("jsc",)),
    ],
)
def test_organisation_legal_forms_are_set_aside(
    name: str, tokens: tuple[str, ...], legal: tuple[str, ...]
) -> None:
    form = analyse(name, organisation=True)
    assert form.tokens == tokens
    assert form.legal_forms == legal
    assert form.text == name


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Ardalan Ltd", ("ardalan", "ltd")),
        ("Ardalan Co.", ("ardalan", "co")),
        ("Ardalan GmbH", ("ardalan", "gmbh")),
        ("OOO Ardalan", ("ooo", "ardalan")),
        ("ООО Ромашка", ("ooo", "romashka")),
        ("شرکت همت", ("shrkt", "hmt")),
        ("Sherkat Ardalan", ("sherkat", "ardalan")),
    ],
)
def test_legal_forms_are_not_stripped_from_persons(name: str, tokens: tuple[str, ...]) -> None:
    form = analyse(name, organisation=False)
    assert form.tokens == tokens
    assert form.legal_forms == ()


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Ltd", ("ltd",)),
        ("LLC", ("llc",)),
        ("GmbH", ("gmbh",)),
        ("Company", ("company",)),
        ("ООО", ("ooo",)),
        ("Co. Ltd", ("co", "ltd")),
    ],
)
def test_name_made_only_of_legal_forms_keeps_its_words(name: str, tokens: tuple[str, ...]) -> None:
    form = analyse(name, organisation=True)
    assert form.tokens == tokens
    assert form.legal_forms == ()


# -- kinds ---------------------------------------------------------------------------------


def test_generic_trade_words() -> None:
    form = analyse("Shahid Hemmat Industrial Group", organisation=True)
    assert form.kinds == (Kind.WORD, Kind.WORD, Kind.GENERIC, Kind.GENERIC)
    form = analyse("Ardalan Trading", organisation=True)
    assert form.kinds == (Kind.WORD, Kind.GENERIC)


def test_every_translated_term_becomes_a_generic_word() -> None:
    # A translated term must weigh as little as the English word it stands for: a word of
    # generic_words.tsv, or one rigour reads as describing an organisation (bank, mining).
    terms = (files("interdict.data") / "parties" / "generic_terms.tsv").read_text(encoding="utf-8")
    english = {
        word
        for line in terms.splitlines()
        if line.strip() and not line.startswith("#")
        for word in line.split("\t")[1].split()
    }
    weighed = {
        w for w in english if analyse(f"Kavir {w}", organisation=True).kinds[-1] == Kind.GENERIC
    }
    assert english - {"and"} <= weighed
    assert {"trading", "group", "studies", "headquarters"} <= generic_words()


def test_turkish_generic_and_stop_words() -> None:
    form = analyse("Ardalan Sanayi ve Ticaret Ltd. Şti.", organisation=True)
    # "Sanayi" is a generic term with a verified English word; "Ticaret" is generic as it is.
    assert form.tokens == ("ardalan", "industries", "ve", "ticaret")
    assert form.kinds == (Kind.WORD, Kind.GENERIC, Kind.STOP, Kind.GENERIC)
    assert form.content == ("ardalan", "industries", "ticaret")


def test_generic_terms_of_other_languages_become_their_english_word() -> None:
    assert analyse("گروه صنعتی شهید همت", organisation=True).tokens == (
        "group",
        "industrial",
        "shhyd",
        "hmt",
    )
    # Written without spaces, a Han term is found inside the name.
    assert analyse("烟台机械工业集团", organisation=True).tokens[-3:] == (
        "machinery",
        "industry",
        "group",
    )
    # Persons' names are never translated.
    assert analyse("گروه همت", organisation=False).tokens == ("grwh", "hmt")


@pytest.mark.parametrize("written", ["تكنولوجيا", "التكنولوجيا", "للتكنولوجيا", "والتكنولوجيا"])
def test_an_arabic_term_is_found_with_its_joined_article_and_particles(written: str) -> None:
    assert analyse(f"مننيزه {written}", organisation=True).tokens == ("mnnyzh", "technology")


def test_a_persian_word_keeps_its_al() -> None:
    # الکترونیک is a Persian loanword, not al- + ktrwnyk; Arabic names still lose the article.
    assert analyse("الکترونیک کونیک", organisation=False).tokens == ("alktrwnyk", "kwnyk")
    assert analyse("علي اليخل", organisation=False).tokens == ("ly", "al", "ykhl")


@pytest.mark.parametrize("name", ["Όμιλος Άλφα", "ΟΜΙΛΟΣ ΑΛΦΑ", "όμιλος άλφα"])
def test_greek_capitals_without_accents_read_as_the_accented_name(name: str) -> None:
    assert analyse(name, organisation=True).tokens == ("group", "alfa")


def test_hebrew_gershayim_and_a_plain_quote_read_the_same() -> None:
    gershayim, quote = analyse("לביו בע״מ", True), analyse('לביו בע"מ', True)
    assert gershayim.tokens == quote.tokens == ("lbyw",)
    assert gershayim.legal_forms == quote.legal_forms == ("llc",)


def test_every_generic_term_row_has_a_known_english_word_and_a_source() -> None:
    text = (files("interdict.data") / "parties" / "generic_terms.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert len(rows) >= 80
    for term, english, language, source in rows:
        assert term and english and len(language) == 2, term
        assert source.startswith(("https://", "http://")), term


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("Bank of Iran", (Kind.WORD, Kind.STOP, Kind.WORD)),
        ("Al Rashid", (Kind.STOP, Kind.WORD)),
        ("Unit 7", (Kind.WORD, Kind.NUMBER)),
        ("Shipyard 12 of 2010", (Kind.WORD, Kind.NUMBER, Kind.STOP, Kind.NUMBER)),
    ],
)
def test_stop_words_and_numbers(name: str, kinds: tuple[Kind, ...]) -> None:
    assert analyse(name, organisation=False).kinds == kinds
    # in an organisation's name, the words rigour gives a descriptor symbol describe it
    describing = {"bank", "shipyard"}
    words = analyse(name, organisation=True).tokens
    expected = tuple(
        Kind.GENERIC if word in describing else kind
        for word, kind in zip(words, kinds, strict=True)
    )
    assert analyse(name, organisation=True).kinds == expected


def test_content_drops_only_stop_words() -> None:
    form = analyse("Bank of Iran 7 Trading", organisation=True)
    assert form.content == ("bank", "iran", "7", "trading")


def test_han_and_hangul_syllables_are_never_stop_words() -> None:
    # The same ASCII syllables written in Latin letters are stop words.
    assert analyse("An De", organisation=False).kinds == (Kind.STOP, Kind.STOP)
    assert analyse("安德", organisation=False).tokens == ("an", "de")
    assert analyse("安德", organisation=False).kinds == (Kind.WORD, Kind.WORD)
    assert analyse("何 德", organisation=False).kinds == (Kind.WORD, Kind.WORD)
    assert analyse("안 도", organisation=False).tokens == ("an", "do")
    assert analyse("안 도", organisation=False).kinds == (Kind.WORD, Kind.WORD)


# -- word tables ---------------------------------------------------------------------------


def _table(name: str) -> list[str]:
    text = (files("interdict.data") / "parties" / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


LEGAL_ROWS = _table("legal_forms.tsv")
GENERIC_ROWS = _table("generic_words.tsv")
LEGAL_CLASSES = {"company", "llc", "jsc"}


def test_tables_are_not_empty() -> None:
    assert len(LEGAL_ROWS) >= 20
    assert len(GENERIC_ROWS) >= 40


@pytest.mark.parametrize("row", LEGAL_ROWS, ids=lambda row: row.split("\t")[0])
def test_legal_form_row(row: str) -> None:
    columns = row.split("\t")
    assert len(columns) == 5
    assert all(c == c.strip() and c for c in columns)
    phrase, cls, language, meaning, source = columns
    assert normalise(phrase) == phrase  # lower-case ASCII words, as the analyser sees them
    assert cls in LEGAL_CLASSES
    assert re.fullmatch(r"[a-z]{2}(-[A-Z]{2})?(/[a-z]{2})?", language)
    assert meaning
    assert source.startswith("https://")
    assert legal_form_phrases()[tuple(phrase.split())] == cls


@pytest.mark.parametrize("row", GENERIC_ROWS, ids=lambda row: row.split("\t")[0])
def test_generic_word_row(row: str) -> None:
    columns = row.split("\t")
    assert len(columns) == 4
    assert all(c == c.strip() and c for c in columns)
    word, language, meaning, source = columns
    assert re.fullmatch(r"[a-z]+", word)
    assert re.fullmatch(r"[a-z]{2}(/[a-z]{2})?", language)
    assert meaning
    assert source.startswith("https://")
    assert word in generic_words()
    assert analyse(f"Ardalan {word}", organisation=True).kinds == (Kind.WORD, Kind.GENERIC)


def test_tables_have_no_duplicates() -> None:
    phrases = [row.split("\t")[0] for row in LEGAL_ROWS]
    words = [row.split("\t")[0] for row in GENERIC_ROWS]
    assert len(set(phrases)) == len(phrases) == len(legal_form_phrases())
    assert len(set(words)) == len(words) == len(generic_words())
    assert not set(words) & set(phrases)


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("سازمان صنایع دفاع", ("organization", "industries", "defence")),
        ("مرکز تحقیقات", ("center", "research")),
        ("بنك الرافدين", ("bank", "al", "rafdyn")),
        ("국방과학연구소", ("defence", "gwahag", "research", "institute")),
        ("은행", ("bank",)),
    ],
)
def test_the_fourth_batch_of_terms(name: str, tokens: tuple[str, ...]) -> None:
    form = analyse(name, organisation=True)
    assert form.tokens == tokens
    assert all(
        k == Kind.GENERIC for t, k in zip(form.tokens, form.kinds, strict=True) if t in _ENGLISH
    )


_ENGLISH = {
    "organization",
    "industries",
    "defence",
    "center",
    "research",
    "bank",
    "institute",
    "headquarters",
}


@pytest.mark.parametrize(
    ("latin", "native"),
    [
        ("Defence Industries Organization", "سازمان صنایع دفاع"),
        ("Rafidain Bank", "بنك الرافدين"),
    ],
)
def test_a_translated_describing_word_lets_the_two_scripts_meet(latin: str, native: str) -> None:
    score, _ = compare_names(latin, native, "Organization")
    assert score >= 0.7
