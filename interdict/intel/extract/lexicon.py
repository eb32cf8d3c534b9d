"""The closed word classes the extractor reads names against.

A name is found by what surrounds it: a legal form or an organisation noun
on its right, a cue noun ("the company", "intermediary") or a title on its
left.  Where the text gives no capitals to go by (most cables before about
2005 are all capitals) the same tables also say where a name cannot go on:
a function word, a verb, a month or a cue noun is never part of one.  The
tables hold ordinary English grammar and the vocabulary of export-control
reporting, not names: they must work on cables no one has read yet.
"""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list, for tables written as text."""
    return frozenset(text.split())


# Articles, determiners, pronouns, prepositions, conjunctions and auxiliaries.
FUNCTION_WORDS = word_set(
    """
    a an the this that these those its their his her our your my such both each every
    any some another other others no not nor all either neither few many much more most
    several same own only also very too just even still yet already again ever never
    i we you he she it they me us him them who whom whose which what whatever whoever
    where when whenever while whereas whether why how if unless until although though
    because since as than so thus hence therefore however moreover furthermore meanwhile
    instead otherwise then there here now once
    and or but plus
    in on at by for from with without within into onto upon to of off out over under
    about above below across after before behind beside besides between beyond during
    against among amongst around along through throughout toward towards via per
    despite except including regarding concerning following according like near behalf
    is are was were be been being am isn't aren't wasn't weren't
    has have had having hasn't haven't hadn't
    do does did doing done don't doesn't didn't
    can could will would shall should may might must cannot won't wouldn't couldn't
    """
)

# Verbs a sentence about a transaction or a meeting uses, in every form that is not
# already caught by the -ed/-ing test of ``is_common``.
VERBS = word_set(
    """
    supply supplies sell sells sold buy buys bought seek seeks sought procure procures
    provide provides ship ships export exports import imports deliver delivers order orders
    purchase purchases acquire acquires obtain obtains attempt attempts try tries want wants
    plan plans intend intends use uses own owns control controls manage manages run runs
    operate operates represent represents act acts work works say says said tell tells told
    ask asks inform informs note notes report reports believe believes know knows knew
    known understand understands understood contact contacts include includes involve
    involves continue continues remain remains become becomes became send sends sent pay
    pays paid receive receives transfer transfers produce produces manufacture manufactures
    make makes made build builds built design designs develop develops broker brokers
    arrange arranges facilitate facilitates negotiate negotiates offer offers sign signs
    contract contracts finance finances fund funds assist assists help helps support
    supports serve serves appear appears seem seems get gets got give gives gave given take
    takes took taken meet meets met hold holds held keep keeps kept lead leads led leave
    leaves left find finds found think thinks thought see sees saw seen show shows shown
    come comes came go goes went gone begin begins began stand stands stood set sets put
    puts let lets mean means meant raise raises allow allows prevent prevents prohibit
    prohibits deny denies add adds agree agrees confirm confirms claim claims state states
    explain explains indicate indicates suggest suggests request requests urge urges
    appreciate appreciates hope hopes expect expects look looks recall recalls share
    shares alert alerts advise advises deliver may approach approaches investigate
    investigates describe describes establish establishes found founds head heads direct
    directs oversee oversees employ employs hire hires
    """
)

# Discourse and cable furniture: words that open a sentence or a section and that a
# capitalised run can therefore begin with.
DISCOURSE = word_set(
    """
    summary comment begin end background purpose objective action request requests reftel
    reftels ref refs septel para paras paragraph paragraphs note notes please separately
    specifically additionally finally further recently previously subsequently reportedly
    accordingly also most many more additional following points talking non-paper nonpaper
    subject classified reason reasons decl declassify tags sipdis noforn limdis exdis nodis
    secret confidential unclassified sensitive classification poloff econoff polmiloff
    """
)

MONTHS = word_set(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec early late mid
    """
)

# Nouns that say what kind of party the name beside them is.  "the company X",
# "intermediary X", "X, a trading firm".  The value is the FtM schema the cue implies.
ORG_CUES: dict[str, str] = {
    "company": "Company",
    "companies": "Company",
    "firm": "Company",
    "firms": "Company",
    "corporation": "Company",
    "manufacturer": "Company",
    "producer": "Company",
    "supplier": "Company",
    "exporter": "Company",
    "importer": "Company",
    "distributor": "Company",
    "dealer": "Company",
    "vendor": "Company",
    "subsidiary": "Company",
    "forwarder": "Company",
    "shipper": "Company",
    "entity": "LegalEntity",
    "entities": "LegalEntity",
    "intermediary": "LegalEntity",
    "intermediaries": "LegalEntity",
    "front": "LegalEntity",
    "broker": "LegalEntity",
    "agent": "LegalEntity",
    "representative": "LegalEntity",
    "consignee": "LegalEntity",
    "user": "LegalEntity",
    "users": "LegalEntity",
    "end-user": "LegalEntity",
    "enduser": "LegalEntity",
    "customer": "LegalEntity",
    "buyer": "LegalEntity",
    "purchaser": "LegalEntity",
    "affiliate": "LegalEntity",
    "organization": "Organization",
    "organisation": "Organization",
    "m/s": "Company",  # Messrs., written before a firm's name in South Asia: "M/S Zeenat Traders"
}

# Words that introduce a name without saying what it is: "a company called X".
NAMING_CUES = word_set("called named dubbed")

# Nouns that name a person by what they are: "Iranian national X", "businessman X".
PERSON_CUES = word_set(
    """
    national nationals citizen citizens businessman businesswoman businessmen middleman
    individual individuals engineer scientist boss tycoon magnate oligarch financier smuggler
    trafficker intimate
    """
)

# Honorifics and ranks written before a person's name.  Political offices ("Prime
# Minister X", "Deputy Foreign Minister X") are left out: the people a cable quotes
# are its sources, not the parties to a transaction.
TITLES = word_set(
    """
    mr mrs ms miss dr prof professor doctor eng engr sheikh shaikh haji hajji sayyed seyed
    datuk dato datin
    general gen brigadier brig colonel col lieutenant lt major maj captain capt admiral adm
    commodore sir madam
    """
)

# Titles that are only ever titles; the ranks ("General") also open company names
# ("GENERAL TRADING CO.") and so stay name words in capitals.
HONORIFICS = word_set("mr mrs ms miss dr prof professor eng engr sir madam messrs")

# Offices a person holds in an organisation: "X, managing director of Y".  Longest
# first, so "managing director" wins over "director".
_POSITION_LIST = (
    "managing director, general manager, chief executive officer, chief executive, ceo, "
    "chief operating officer, chief financial officer, executive director, deputy director, "
    "director general, director-general, deputy director general, technical director, "
    "commercial director, sales director, sales manager, export manager, procurement manager, "
    "purchasing manager, project manager, vice president, vice-president, vice chairman, "
    "deputy head, deputy chairman, board member, director, president, chairman, chairwoman, "
    "owner, co-owner, managing owner, proprietor, founder, co-founder, head, chief, manager, "
    "executive, officer, employee, "
    "partner, shareholder, engineer, official, secretary, treasurer, "
    "commander, deputy commander, deputy"
)
# Offices of government a person is named with: "Deputy Foreign Minister X", "President X".
# The people of a host or third government are parties; those of the US Government, named
# with the titles of ``US_OFFICES``, are the cable's authors.
_GOVERNMENT_OFFICES = (
    "prime minister, deputy prime minister, foreign minister, deputy foreign minister, "
    "defense minister, defence minister, interior minister, minister of state, state minister, "
    "deputy minister, vice minister, minister, vice president, president, secretary general, "
    "secretary-general, undersecretary, deputy undersecretary, governor, deputy governor, "
    "spokesman, spokeswoman, spokesperson, leader, adviser, advisor, mayor, judge, prosecutor, "
    "investigator, inspector, general director"
)
OFFICES: tuple[str, ...] = tuple(
    sorted(
        {p.strip() for p in (_POSITION_LIST + ", " + _GOVERNMENT_OFFICES).split(",")},
        key=len,
        reverse=True,
    )
)
POSITIONS: tuple[str, ...] = tuple(
    sorted((p.strip() for p in _POSITION_LIST.split(",")), key=len, reverse=True)
)

# Head nouns that end an organisation's name: "Shahid Hemmat Industrial Group".  The value
# is the FtM schema: trade words make a Company, institutions an Organization.
RIGHT_HEADS: dict[str, str] = {
    "group": "Organization",
    "groups": "Organization",
    "organization": "Organization",
    "organisation": "Organization",
    "institute": "Organization",
    "institution": "Organization",
    "university": "Organization",
    "center": "Organization",
    "centre": "Organization",
    "establishment": "Organization",
    "bureau": "Organization",
    "agency": "Organization",
    "academy": "Organization",
    "college": "Organization",
    "laboratory": "Organization",
    "laboratories": "Organization",
    "lab": "Organization",
    "labs": "Organization",
    "complex": "Organization",
    "association": "Organization",
    "foundation": "Organization",
    "society": "Organization",
    "council": "Organization",
    "committee": "Organization",
    "commission": "Organization",
    "directorate": "Organization",
    "administration": "Organization",
    "authority": "Organization",
    "corps": "Organization",
    "division": "Organization",
    "service": "Organization",
    "customs": "Organization",
    "ministry": "Organization",
    "office": "Organization",
    "headquarters": "Organization",
    "industries": "Company",
    "trading": "Company",
    "traders": "Company",
    "enterprise": "Company",
    "enterprises": "Company",
    "holding": "Company",
    "holdings": "Company",
    "technologies": "Company",
    "engineering": "Company",
    "electronics": "Company",
    "machinery": "Company",
    "machineries": "Company",
    "manufacturing": "Company",
    "works": "Company",
    "factory": "Company",
    "factories": "Company",
    "plant": "Company",
    "shipyard": "Company",
    "shipping": "Company",
    "lines": "Company",
    "airlines": "Company",
    "airways": "Company",
    "aviation": "Company",
    "systems": "Company",
    "services": "Company",
    "solutions": "Company",
    "partners": "Company",
    "associates": "Company",
    "consultants": "Company",
    "chemicals": "Company",
    "metals": "Company",
    "metallurgy": "Company",
    "bank": "Company",
}

# Head nouns that open an organisation's name: "Bank Sepah", "University of Tehran".
LEFT_HEADS: dict[str, str] = {
    "bank": "Company",
    "university": "Organization",
    "institute": "Organization",
    "academy": "Organization",
    "center": "Organization",
    "centre": "Organization",
    "bureau": "Organization",
    "ministry": "Organization",
    "office": "Organization",
    "directorate": "Organization",
    "department": "Organization",
    "organization": "Organization",
    "organisation": "Organization",
    "laboratory": "Organization",
    "agency": "Organization",
    "college": "Organization",
}

# Words inside a name that describe what it does rather than which one it is; a name made
# only of these (with heads, legal forms and place words) is no name: "Trading Company",
# "the Central Bank", "Spanish Group".
DESCRIPTORS = word_set(
    """
    central national state federal general international global joint united foreign
    domestic public private commercial industrial technical scientific research
    development trade trading import export new main special precision advanced applied
    integrated modern electronic mechanical resources investments ventures logistics supplies
    supply products marine energy electric electrical power parts components instruments
    materials devices tools equipment machines machine pumps valves metal steel vacuum
    pressure composites composite optics optical defense defence security missile missiles
    nuclear ballistic weapons arms military rocket procurement proliferation legal relevant
    competent appropriate responsible local regional provincial municipal executive judicial
    administrative supreme higher certificate certificates statement statements check checks
    license licence licenses licences application applications document documents contract
    contracts order orders shipment shipments consignment invoice invoices payment payments
    goods items
    """
)

# Names that look like parties but are the regimes, the United Nations, the governments
# and offices a cable is written by or to.  Compared after ``normalise``.
NON_PARTIES = word_set(
    """
    nsg mtcr cwc bwc npt iaea opcw unsc unscr un eu nato osce asean usg gos got goi goc
    gok gop gor gog gof gon usun isn bis ofac dos doc doe dod dhs cbp ice fbi cia nsc
    mfa mod moi mofa state department embassy consulate mission post poloff econoff
    polmiloff dcm charge ambassador secretary congress parliament government customs
    police
    """
)
NON_PARTY_PHRASES = re.compile(
    r"""^(?:the\ )?(?:
      wassenaar(?:\ arrangement)?|nuclear\ suppliers\ group|missile\ technology\ control\ regime
    | australia\ group|zangger\ committee|chemical\ weapons\ convention
    | biological\ weapons\ convention|hague\ code(?:\ of\ conduct)?
    | proliferation\ security\ initiative
    | united\ nations(?:\ security\ council)?(?:\ \w+)?|(?:un\ )?security\ council(?:\ \w+)?
    | \d{4}\ committee|sanctions\ committee|panel\ of\ experts
    | international\ atomic\ energy\ agency|european\ union|european\ commission
    | european\ council|council\ of\ the\ european\ union
    | organi[sz]ation\ for\ the\ prohibition\ of\ chemical\ weapons
    | (?:u\ s\ |us\ |united\ states\ )?(?:department|dept)(?:\ of\ \w+)?
    | (?:u\ s\ |us\ |united\ states\ )?(?:embassy|consulate|mission)(?:\ \w+)*
    | state\ department|white\ house|national\ security\ council
    | (?:bureau|office)\ of\ (?:industry\ and\ security|foreign\ assets\ control
        |export\ enforcement)
    | isn(?:\ \w+)?|(?:\w+\ )?(?:ministry|government|parliament|police|navy|army|air\ force)
    | ministry\ of\ (?:foreign\ affairs|economy|economics|industry|trade|commerce|interior
        |justice|finance|defen[cs]e|foreign\ trade|industry\ and\ trade)(?:\ \w+)?
    | government\ of\ .*|(?:\w+\ )?foreign\ ministry|central\ bank
    | customs\ (?:service|administration|authorities|authority)
    | (?:export\ control|licensing)\ (?:office|authority|agency|department|directorate)
    )$""",
    re.VERBOSE,
)

# Regimes, the United Nations and the US Government's own offices, found as phrases in a
# sentence so that their words never start a name ("the Missile Technology Control Regime"
# would otherwise leave "Missile Technology" behind once "control" ends the run).
NON_PARTY_SPANS = re.compile(
    r"""\b(?:
      wassenaar(?:\s+arrangement)?|nuclear\s+suppliers'?\s+group|missile\s+technology\s+control
      \s+regime|australia\s+group|zangger\s+committee
    | (?:chemical|biological)\s+weapons\s+convention
    | (?:un\s+|united\s+nations\s+)?security\s+council(?:\s+resolutions?)?|united\s+nations
    | international\s+atomic\s+energy\s+agency|european\s+union
    | proliferation\s+security\s+initiative
    | panel\s+of\s+experts|\d{3,4}\s+(?:sanctions\s+)?committee
    | (?:u\.?\s?s\.?|united\s+states)\s+
      (?:government|embassy|mission|consulate|department\s+of\s+\w+)
    | department\s+of\s+
      (?:state|commerce|the\s+treasury|treasury|energy|defense|homeland\s+security|justice)
    | state\s+department|white\s+house|national\s+security\s+council
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)

NUMBER_WORDS = word_set(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands dozen dozens several
    """
)

# Words that mark a person or office as the US Government's: the cable's side, not a party.
US_OFFICES = word_set(
    """
    ambassador charge dcm poloff econoff emboff emboffs polmiloff econcouns polcouns
    conoff rso attache embassy post mission consulate consul washington department state
    usg isn eur nea eap sca wha af ecc ofac bis treasury commerce congressman congresswoman
    senator envoy coordinator a/s das u/s
    """
)
US_OFFICE_PHRASES = re.compile(
    r"\b(?:under\s+secretary|assistant\s+secretary|deputy\s+assistant\s+secretary|"
    r"secretary\s+of\s+state|u\.?s\.?|united\s+states|[a-z]{2,4}/[a-z]{1,4})\b",
    re.IGNORECASE,
)
# Words of an office's field that come between the office and the name: "Director General
# for Multilateral Affairs Moratinos".
OFFICE_FIELDS = word_set(
    """
    affairs nonproliferation non-proliferation disarmament arms control security policy
    multilateral bilateral international political economic military relations planning
    strategic export exports trade industry affairs americas europe asia africa north south
    east west middle legal consular operations intelligence
    """
)
# Legal forms written before the name: "OOO Volgatekhsnab", "PT Sinar", "OAO Kamskiy".
LEGAL_PREFIXES = word_set("ooo oao zao pao ao pjsc ojsc cjsc jsc pt tov fgup gup sia uab")

_ING_ED_LY = re.compile(r"^[a-z][a-z'-]*(?:ing|ed|ly)$")

# -ing and -ed words that are parts of names as often as they are verbs.
NAME_PARTICIPLES = word_set(
    """
    trading engineering manufacturing mining shipping building holding banking consulting
    processing marketing packaging printing publishing casting forging machining tooling
    advanced united limited incorporated applied integrated allied associated combined
    specialized specialised automated
    """
)


def is_common(low: str, caps: bool = True) -> bool:
    """True for a word that cannot be part of a name (in all-capitals text, by default).

    Verbs in -ed and -ing and adverbs in -ly are recognised by their ending,
    less the handful of such words that names use ("Trading", "Advanced").
    The -ed and -ing test is for text in capitals only: in mixed case a
    capitalised "Jianping" or "Liaoning" is a name, and verbs are in lower case.
    """
    if low in FUNCTION_WORDS or low in VERBS or low in DISCOURSE or low in MONTHS:
        return True
    if low in ORG_CUES or low in PERSON_CUES or low in NAMING_CUES or low in NUMBER_WORDS:
        return True
    if low in NAME_PARTICIPLES:
        return False
    if low.endswith("ly"):
        return _ING_ED_LY.match(low) is not None
    return caps and _ING_ED_LY.match(low) is not None
