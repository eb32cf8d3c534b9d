"""Write a synthetic Cablegate ``cables.csv`` for benchmarking the cable parser.

The real file (251,287 cables, ~1.7 GB) cannot be shipped, so this writes a
stand-in with the same container and the same kinds of text:

* eight columns (running number, ``m/d/Y H:M`` date, reference id, origin,
  classification, ``|``-joined references, header, body), every field quoted
  with ``"``, embedded quotes written ``\\"``, raw newlines inside fields;
* header styles in roughly the corpus proportions: ~77% ACP-127 (``VZCZC``)
  headers, ~3% ACP-126 style and older State headers (distribution lists,
  ``PAGE 01`` lines, dashed counters), ~20% partial extracts with an empty
  header;
* bodies hard-wrapped at 69 columns with spaced banners, captions, E.O.
  lines from 11652 to 13526, TAGS, SUBJECT, lettered REF lists, Classified
  By lines, marked numbered paragraphs, page-break headers, repeated section
  banners and a signer on the last line;
* record sizes drawn from a log-normal distribution averaging ~6.5 KB, with a
  long tail (a few hundred bodies per 250,000 exceed 64 KB).

The prose is assembled from a pool of paragraphs built once per run from
sentence templates, so generation is fast (it streams; memory is constant)
and deterministic for a given ``--seed``.  The text is synthetic: it looks
like cable prose to a parser, not to a reader.

Usage::

    python bench/gen_cables_csv.py --count 250000 --seed 1 --out bench/out/cables.csv
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import TextIO

#: Column the corpus wraps text at.
WIDTH = 69
#: Lines per printed page; a page-break header follows each page but the last.
PAGE_LINES = 54
#: Characters per transmission section; a longer cable is sent in sections.
SECTION_CHARS = 9000
#: Largest body generated, in characters (the tail is cut here).
MAX_BODY = 300_000
#: Paragraphs in the prose pool.
POOL_SIZE = 3000

# Shares of header styles (Cablegate: ~193k VZCZC, ~6k ACP-126, ~49k partial, ~3k other).
SHARE_ACP127 = 0.77
SHARE_OLDER = 0.03

# Cablegate classification column, with the corpus counts as weights.
CLASSIFICATIONS: tuple[tuple[str, int], ...] = (
    ("UNCLASSIFIED", 75792),
    ("UNCLASSIFIED//FOR OFFICIAL USE ONLY", 58095),
    ("CONFIDENTIAL", 97070),
    ("CONFIDENTIAL//NOFORN", 4678),
    ("SECRET", 11322),
    ("SECRET//NOFORN", 4330),
)

# Years of VZCZC and partial-extract cables, weighted like Cablegate (2006-2009 dominate).
MODERN_YEARS: tuple[tuple[int, float], ...] = (
    (1996, 0.2),
    (1998, 0.2),
    (2000, 0.5),
    (2001, 1.0),
    (2002, 1.5),
    (2003, 2.0),
    (2004, 4.0),
    (2005, 7.0),
    (2006, 15.0),
    (2007, 20.0),
    (2008, 21.0),
    (2009, 20.0),
    (2010, 3.0),
)

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True, slots=True)
class Station:
    """An originating post: how its name appears in banners, ids, headers and metadata."""

    name: str  # as in the banner and page headers: "BUENOS AIRES"
    ri: str  # routing indicator
    origin: str  # Cablegate origin column
    address: str  # FM/TO address
    fips: str  # geographic tag
    country: str  # for prose
    signers: tuple[str, ...]
    weight: float


STATIONS: tuple[Station, ...] = (
    Station("STATE", "RUEHC", "Secretary of State", "SECSTATE WASHDC", "", "", (), 5.0),
    Station(
        "MADRID", "RUEHMD", "Embassy Madrid", "AMEMBASSY MADRID", "SP", "Spain", ("AGUIRRE",), 4
    ),
    Station(
        "ANKARA",
        "RUEHAK",
        "Embassy Ankara",
        "AMEMBASSY ANKARA",
        "TU",
        "Turkey",
        ("WILSON", "JEFFREY"),
        8,
    ),
    Station(
        "ISTANBUL",
        "RUEHIT",
        "Consulate Istanbul",
        "AMCONSUL ISTANBUL",
        "TU",
        "Turkey",
        ("WIENER",),
        2,
    ),
    Station(
        "BERLIN",
        "RUEHRL",
        "Embassy Berlin",
        "AMEMBASSY BERLIN",
        "GM",
        "Germany",
        ("TIMKEN", "MURPHY"),
        4,
    ),
    Station(
        "LONDON",
        "RUEHLO",
        "Embassy London",
        "AMEMBASSY LONDON",
        "UK",
        "the United Kingdom",
        ("TUTTLE", "SUSMAN"),
        4,
    ),
    Station(
        "MOSCOW",
        "RUEHMO",
        "Embassy Moscow",
        "AMEMBASSY MOSCOW",
        "RS",
        "Russia",
        ("BURNS", "BEYRLE"),
        5,
    ),
    Station(
        "DAMASCUS",
        "RUEHDM",
        "Embassy Damascus",
        "AMEMBASSY DAMASCUS",
        "SY",
        "Syria",
        ("CORBIN",),
        2,
    ),
    Station("SEOUL", "RUEHUL", "Embassy Seoul", "AMEMBASSY SEOUL", "KS", "Korea", ("VERSHBOW",), 4),
    Station(
        "BEIJING", "RUEHBJ", "Embassy Beijing", "AMEMBASSY BEIJING", "CH", "China", ("RANDT",), 5
    ),
    Station(
        "TOKYO", "RUEHKO", "Embassy Tokyo", "AMEMBASSY TOKYO", "JA", "Japan", ("SCHIEFFER",), 6
    ),
    Station(
        "BAGHDAD", "RUEHGB", "Embassy Baghdad", "AMEMBASSY BAGHDAD", "IZ", "Iraq", ("CROCKER",), 7
    ),
    Station(
        "NEW DELHI",
        "RUEHNE",
        "Embassy New Delhi",
        "AMEMBASSY NEW DELHI",
        "IN",
        "India",
        ("MULFORD",),
        3,
    ),
    Station(
        "TEL AVIV",
        "RUEHTV",
        "Embassy Tel Aviv",
        "AMEMBASSY TEL AVIV",
        "IS",
        "Israel",
        ("JONES",),
        3,
    ),
    Station("CAIRO", "RUEHEG", "Embassy Cairo", "AMEMBASSY CAIRO", "EG", "Egypt", ("SCOBEY",), 3),
    Station(
        "TRIPOLI", "RUEHTRO", "Embassy Tripoli", "AMEMBASSY TRIPOLI", "LY", "Libya", ("CRETZ",), 1
    ),
    Station(
        "BUENOS AIRES",
        "RUEHBU",
        "Embassy Buenos Aires",
        "AMEMBASSY BUENOS AIRES",
        "AR",
        "Argentina",
        ("WAYNE",),
        3,
    ),
    Station(
        "THE HAGUE",
        "RUEHTC",
        "Embassy The Hague",
        "AMEMBASSY THE HAGUE",
        "NL",
        "the Netherlands",
        ("ARNALL", "GALLAGHER"),
        2,
    ),
    Station(
        "UNVIE VIENNA",
        "RUEHUNV",
        "UNVIE",
        "USMISSION UNVIE VIENNA",
        "AU",
        "Austria",
        ("SCHULTE",),
        1,
    ),
    Station(
        "USNATO", "RUEHNO", "Mission USNATO", "USMISSION USNATO", "NATO", "NATO", ("VOLKER",), 1
    ),
)

# Secretaries of State by the year they took office: the signer of STATE cables.
SECRETARIES: tuple[tuple[int, str], ...] = (
    (1961, "RUSK"),
    (1969, "ROGERS"),
    (1973, "KISSINGER"),
    (1977, "VANCE"),
    (1980, "MUSKIE"),
    (1981, "HAIG"),
    (1982, "SHULTZ"),
    (1989, "BAKER"),
    (1993, "CHRISTOPHER"),
    (1997, "ALBRIGHT"),
    (2001, "POWELL"),
    (2005, "RICE"),
    (2009, "CLINTON"),
)

# Addressees beyond the action post: (routing indicator, address).
ADDRESSEES: tuple[tuple[str, str], ...] = (
    ("RUEKJCS", "SECDEF WASHINGTON DC"),
    ("RHEHNSC", "NSC WASHINGTON DC"),
    ("RUEAIIA", "CIA WASHINGTON DC"),
    ("RHEFDIA", "DIA WASHINGTON DC"),
    ("RUEATRS", "DEPT OF TREASURY WASHINGTON DC"),
    ("RUCPDOC", "USDOC WASHINGTON DC"),
    ("RHMFISS", "HQ USEUCOM VAIHINGEN GE"),
    ("RUEHGV", "USMISSION GENEVA"),
    ("RUEHBS", "USEU BRUSSELS"),
    ("RUCNDT", "USMISSION USUN NEW YORK"),
    ("RHMFIUU", "HQ USCENTCOM MACDILL AFB FL"),
    ("RUEHFR", "AMEMBASSY PARIS"),
    ("RUEHRO", "AMEMBASSY ROME"),
    ("RUEHLA", "AMCONSUL BARCELONA"),
    ("RUEHAD", "AMEMBASSY ABU DHABI"),
    ("RUEHDE", "AMCONSUL DUBAI"),
    ("RUEHBUL", "AMEMBASSY KABUL"),
    ("RUEHIL", "AMEMBASSY ISLAMABAD"),
    ("RUEHVEN", "USMISSION USOSCE"),
    ("RHMCSUU", "CDR USEUCOM VAIHINGEN GE"),
    ("RUEHXI", "EUROPEAN UNION POSTS COLLECTIVE"),
    ("RUEHZL", "EUROPEAN POLITICAL COLLECTIVE"),
    ("RUCNMEM", "EU MEMBER STATES COLLECTIVE"),
    ("RUEHXP", "ALL NATO POST COLLECTIVE"),
    ("RUCNIRA", "IRAN COLLECTIVE"),
    ("RUEHGG", "UN SECURITY COUNCIL COLLECTIVE"),
    ("RUCNMTC", "MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE"),
    ("RUCNNSG", "NUCLEAR SUPPLIERS GROUP COLLECTIVE"),
    ("RUCNWAS", "WASSENAAR ARRANGEMENT COLLECTIVE"),
)
# Addresses long enough to wrap past column 69 with their precedence and MCN.
LONG_ADDRESSEES: tuple[tuple[str, str], ...] = (
    ("RHMFIUU", "COMUSNAVCENT NAVAL SUPPORT ACTIVITY BAHRAIN MANAMA BA"),
    ("RUEWMFU", "HQ USAFRICOM COMMAND CENTER KELLEY BARRACKS STUTTGART GE"),
    ("RHEFHLC", "DEPT OF HOMELAND SECURITY IMMIGRATION CUSTOMS ENFORCEMENT DC"),
)
RELAY_RIS: tuple[str, ...] = (
    "RUEHAG",
    "RUEHDF",
    "RUEHIK",
    "RUEHLZ",
    "RUEHROV",
    "RUEHBW",
    "RUEHSR",
    "RUEHTRO",
)
RELAY_RIS += ("RUEHAO", "RUEHAP", "RUEHBC", "RUEHDE", "RUEHDH", "RUEHGR", "RUEHKUK", "RUEHPOD")
CHANNELS = ("XRO", "XYZ", "XRZ", "ONI", "OSI", "RIV", "FOB", "AXU")

PRECEDENCE = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}

SUBJECT_TAGS: tuple[str, ...] = (
    "PREL",
    "PGOV",
    "PARM",
    "MNUC",
    "ETRD",
    "ECON",
    "MARR",
    "PTER",
    "PHUM",
    "ENRG",
)
SUBJECT_TAGS += ("EFIN", "PINR", "SNAR", "MCAP", "ASEC", "CASC")
PROGRAM_TAGS = ("KNNP", "KNPP", "KCRM", "KPAO", "KWMN", "KDEM", "KIRF", "KTFN", "KSCA")
ORG_TAGS = ("MTCRE", "IAEA", "NATO", "UNSC", "EUN", "OSCE")
GEO_TAGS = ("SP", "TU", "IR", "GM", "UK", "RS", "KN", "SY", "IZ", "AF", "FR", "IT", "CH")
OLD_TAGS = ("PFOR", "PINT", "PINS", "MASS", "EAID", "EGEN", "OCON", "OGEN", "SOPN", "TECH")

CAVEATS_LINES = ("SIPDIS", "NOFORN", "EXDIS", "NODIS", "LIMDIS", "SENSITIVE")

SURNAMES = (
    "SMITH",
    "JOHNSON",
    "WILLIAMS",
    "BROWN",
    "DURHAM",
    "MAYES",
    "GARCIA",
    "MILLER",
    "DAVIS",
    "MARTINEZ",
    "LOPEZ",
    "WILSON",
    "ANDERSON",
    "THOMAS",
    "MOORE",
    "JACKSON",
    "WHITE",
    "HARRIS",
    "CLARK",
    "LEWIS",
)
GIVEN = ("John", "Mary", "David", "Susan", "Robert", "Karen", "Michael", "Linda", "James", "Anne")
TITLES = (
    "Ambassador",
    "DCM",
    "Charge d'Affaires, a.i.",
    "Political Counselor",
    "POLCOUNS",
    "Economic Counselor",
    "Acting Political Counselor",
    "PolMil Chief",
    "ISN/MTR Director",
    "EUR/WE Director",
    "Consul General",
)

# -- prose -------------------------------------------------------------------

ACTORS = (
    "Deputy Foreign Minister {name}",
    "MFA Director General for Multilateral Affairs {name}",
    "the Minister of Industry",
    "customs officials in {country}",
    "Prime Minister {name}",
    "the head of the export control office, {name}",
    "opposition leader {name}",
    "our contact at the Ministry of Defense",
    "a senior {org} official",
    "MFA Director for Nonproliferation {name}",
    "the Deputy Chief of the General Staff",
    "Interior Ministry spokesman {name}",
    "the Presidential foreign policy adviser",
    "a well-placed contact in the ruling party",
    "Central Bank Governor {name}",
)
OURSIDE = ("PolOff", "EconOff", "the Ambassador", "the DCM", "PolMilOff", "the Charge", "Embassy")
NAMES = (
    "Moratinos",
    "Babacan",
    "Steinmeier",
    "Miliband",
    "Lavrov",
    "Muallem",
    "Ban",
    "Davutoglu",
    "Solana",
    "Zapatero",
    "Erdogan",
    "Ryabkov",
    "Kislyak",
    "Jalili",
    "Mottaki",
    "Rodriguez",
    "Jose Maria Garcia-Lopez",
    "Ozdemir",
)
COUNTRIES = (
    "Spain",
    "Turkey",
    "Iran",
    "Germany",
    "the United Kingdom",
    "Russia",
    "North Korea",
    "Syria",
    "Iraq",
    "China",
)
ORGS = (
    "Nuclear Suppliers Group",
    "Wassenaar Arrangement",
    "Missile Technology Control Regime",
    "IAEA",
    "European Union",
    "NATO",
    "Australia Group",
    "UN Security Council",
)
TOPICS = (
    "the draft UNSC resolution",
    "implementation of UNSCR 1803",
    "the upcoming plenary of the {org}",
    "dual-use export licensing",
    "the stalled accession talks",
    "counterterrorism cooperation",
    "energy security and the southern gas corridor",
    "the March municipal elections",
    "the budget debate in parliament",
    "missile technology transfers to {country}",
    "the interdiction of the vessel at the port of {port}",
    "the transshipment of machine tools through free trade zones",
    "front companies procuring on behalf of {country}",
    "catch-all controls on unlisted items",
    "the ongoing investigation of the intermediary",
)
PORTS = ("Algeciras", "Mersin", "Hamburg", "Felixstowe", "Novorossiysk", "Latakia", "Bandar Abbas")
CLAUSES = (
    "the government would continue to enforce its export control laws",
    "the shipment of dual-use machine tools to {country} had been stopped at {port}",
    "the {org} would take up the question at its next plenary",
    "his ministry had not received any license application for the items in question",
    "the investigation had found no exports to {country} since early 2006",
    "a license for a similar five-axis milling machine had been denied in January 2007",
    "the coalition was unlikely to survive a vote of confidence before the summer",
    "Ankara saw no alternative to engagement with Tehran on the nuclear file",
    "the company had acted as a false end-user to circumvent national controls",
    "the ministry would share the results of its inquiry with the Embassy",
    "customs lacked the legal authority to detain goods in transit",
    "Berlin would support a stronger statement if Moscow agreed",
    "the intermediary had already paid a 30 percent deposit for the equipment",
    "the party leadership was divided over how hard to press the issue",
    "the Central Bank had frozen three accounts linked to the procurement network",
    "the next round of talks would be held in Geneva in the second week of {month}",
    "no decision would be taken before the Prime Minister returned from {country}",
    "the items were controlled under both the {org} and national lists",
    "the government regarded the matter as closed",
    "it was too early to say whether the sanctions were having an effect",
)
ADJECTIVES = ("unhelpful", "premature", "a step in the right direction", "unacceptable", "useful")
SENTENCES = (
    "{Actor} told {ourside} on {date} that {clause}.",
    "{Actor} said that {clause}.",
    "According to {actor}, {clause}.",
    "{Ourside} pressed {actor} on {topic}, noting that {clause}.",
    "{Actor} did not dispute that {clause}, but argued that {clause2}.",
    "We expect that {clause}.",
    '{Actor} described the proposal as "{adj}" and said {clause}.',
    "Post will continue to monitor {topic} and will report septel.",
    "At a {date} meeting with {ourside}, {actor} said {clause}.",
    "{Ourside} stressed the importance of {topic}.",
    "{Actor} asked for U.S. views on {topic}.",
    "The press has reported extensively on {topic}; {clause}.",
    "Separately, {actor} raised {topic}.",
)


def _fill(template: str, rng: random.Random) -> str:
    def actor() -> str:
        return rng.choice(ACTORS).format(
            name=rng.choice(NAMES), country=rng.choice(COUNTRIES), org=rng.choice(ORGS)
        )

    def clause() -> str:
        return rng.choice(CLAUSES).format(
            country=rng.choice(COUNTRIES),
            port=rng.choice(PORTS),
            org=rng.choice(ORGS),
            month=rng.choice(MONTH_NAMES),
        )

    def topic() -> str:
        return rng.choice(TOPICS).format(
            org=rng.choice(ORGS), country=rng.choice(COUNTRIES), port=rng.choice(PORTS)
        )

    who = actor()
    ours = rng.choice(OURSIDE)
    return template.format(
        Actor=who[0].upper() + who[1:],
        actor=who,
        Ourside=ours[0].upper() + ours[1:],
        ourside=ours,
        clause=clause(),
        clause2=clause(),
        topic=topic(),
        adj=rng.choice(ADJECTIVES),
        date=f"{rng.choice(MONTH_NAMES)} {rng.randint(1, 28)}",
    )


def _wrap(text: str, width: int = WIDTH, first: int = 0, indent: str = "") -> list[str]:
    """Greedy wrap at ``width``; the first line leaves room for a ``first``-wide prefix."""
    words = text.split()
    if not words:
        return [""]
    lines: list[str] = []
    line = words[0]
    room = width - first
    for word in words[1:]:
        if len(line) + 1 + len(word) <= room:
            line += " " + word
        else:
            lines.append(line)
            line = indent + word
            room = width
    lines.append(line)
    return lines


@dataclass(frozen=True, slots=True)
class Pool:
    """Pre-wrapped paragraphs (mixed case and upper case) and their lengths."""

    mixed: tuple[tuple[str, ...], ...]
    upper: tuple[tuple[str, ...], ...]
    sizes: tuple[int, ...]


def build_pool(rng: random.Random, size: int = POOL_SIZE) -> Pool:
    """Paragraph bodies, each already wrapped at 69 columns with room for a ``12. (S/NF)`` lead."""
    mixed: list[tuple[str, ...]] = []
    for index in range(size):
        kind = index % 10
        if kind == 9:  # talking points: "-- " bullets, continuation indented
            lines: list[str] = ["Begin talking points:", ""]
            for _ in range(rng.randint(2, 8)):
                lines += _wrap("-- " + _fill(rng.choice(SENTENCES), rng), indent="   ")
                lines.append("")
            lines.append("End talking points.")
        else:
            count = max(1, int(rng.expovariate(1 / 4.0)) + 1)
            text = " ".join(_fill(rng.choice(SENTENCES), rng) for _ in range(count))
            lines = _wrap(text, first=11)
        mixed.append(tuple(lines))
    upper = tuple(tuple(line.upper() for line in para) for para in mixed)
    sizes = tuple(sum(len(line) + 1 for line in para) for para in mixed)
    return Pool(tuple(mixed), upper, sizes)


# -- cables ------------------------------------------------------------------


def _weighted(rng: random.Random, items: tuple[tuple[str, int], ...]) -> str:
    total = sum(w for _, w in items)
    point = rng.random() * total
    for item, weight in items:
        point -= weight
        if point < 0:
            return item
    return items[-1][0]


def _spaced(word: str) -> str:
    return " ".join(word.replace(" ", ""))


def _level_of(classification: str) -> str:
    """``S``, ``C``, ``SBU`` or ``U`` from the metadata column."""
    if classification.startswith("SECRET"):
        return "S"
    if classification.startswith("CONFIDENTIAL"):
        return "C"
    if "OFFICIAL USE" in classification:
        return "SBU"
    return "U"


def _ddhhmm(moment: datetime) -> str:
    """``262046`` for 26th, 20:46 (f-strings beat ``strftime`` by a wide margin)."""
    return f"{moment.day:02d}{moment.hour:02d}{moment.minute:02d}"


def _dtg(moment: datetime) -> str:
    """``262046Z MAR 09``."""
    return f"{_ddhhmm(moment)}Z {MONTHS[moment.month - 1]} {moment.year % 100:02d}"


class Generator:
    """Builds one cable at a time; all randomness comes from one seeded ``Random``."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.pool = build_pool(random.Random(seed ^ 0x5EED))
        self.stations = STATIONS
        self.station_cum = list(accumulate(s.weight for s in STATIONS))
        self.years = [y for y, _ in MODERN_YEARS]
        self.year_cum = list(accumulate(w for _, w in MODERN_YEARS))
        self.serials: dict[tuple[str, int], int] = {}
        self.styles: Counter[str] = Counter()

    # -- identity and time

    def _serial(self, station: Station, year: int) -> int:
        key = (station.name, year)
        step = self.rng.randint(1, 40 if station.name == "STATE" else 6)
        value = self.serials.get(key, self.rng.randint(1, 50)) + step
        self.serials[key] = value
        return value

    def _moment(self, year: int) -> datetime:
        start = datetime(year, 1, 1, tzinfo=UTC)
        end = (
            datetime(2010, 2, 28, 23, 59, tzinfo=UTC)
            if year == 2010
            else start.replace(year=year + 1)
        )
        seconds = int((end - start).total_seconds())
        return start + timedelta(minutes=self.rng.randrange(seconds // 60))

    def one(self, number: int) -> list[str]:
        """The eight fields of one cable."""
        rng = self.rng
        draw = rng.random()
        style = (
            "acp127"
            if draw < SHARE_ACP127
            else "older"
            if draw < SHARE_ACP127 + SHARE_OLDER
            else "partial"
        )
        self.styles[style] += 1
        station = rng.choices(self.stations, cum_weights=self.station_cum)[0]
        if style == "older":
            year = rng.randint(1966, 1994)
        else:
            year = rng.choices(self.years, cum_weights=self.year_cum)[0]
        moment = self._moment(year)
        classification = _weighted(rng, CLASSIFICATIONS)
        if year < 1996 and "//" in classification:
            classification = classification.split("//")[0]
        serial = self._serial(station, year)
        ref_id = f"{year % 100:02d}{station.name.replace(' ', '')}{serial}"
        cable = _Cable(self, style, station, year, moment, classification, serial)
        body = cable.body()
        header = cable.header() if style != "partial" else ""
        if header and rng.random() < 0.02 and cable.glue_banner:
            # The banner run onto the last address line, as in the seed.
            first_line, _, rest = body.partition("\n")
            header += first_line
            body = rest
        created = moment + timedelta(minutes=rng.randint(-90, 90))
        return [
            str(number),
            f"{created.month}/{created.day}/{created.year} {created.hour}:{created.minute:02d}",
            ref_id,
            station.origin,
            classification,
            "|".join(cable.cited),
            header,
            body,
        ]


class _Cable:
    """The pieces of one cable that header and body must agree on."""

    __slots__ = (
        "cited",
        "classification",
        "g",
        "glue_banner",
        "level",
        "moment",
        "old",
        "rng",
        "sections",
        "serial",
        "station",
        "style",
        "year",
    )

    def __init__(
        self,
        g: Generator,
        style: str,
        station: Station,
        year: int,
        moment: datetime,
        classification: str,
        serial: int,
    ) -> None:
        self.g = g
        self.rng = g.rng
        self.style = style
        self.station = station
        self.year = year
        self.moment = moment
        self.classification = classification
        self.level = _level_of(classification)
        self.serial = serial
        self.old = style == "older"
        self.sections = 1
        self.cited: list[str] = []
        self.glue_banner = False

    # -- body

    def _banner(self, section: int | None) -> str:
        rng = self.rng
        level = self.level
        if level == "S":
            word = _spaced("SECRET")
        elif level == "C":
            word = _spaced("CONFIDENTIAL")
        elif level == "SBU" and (self.old or rng.random() < 0.15):
            word = "LIMITED OFFICIAL USE"
        else:
            word = "UNCLAS" if rng.random() < 0.8 else _spaced("UNCLASSIFIED")
        digits = 5 if self.old else 6
        parts = [word]
        if section is not None:
            parts.append(f"SECTION {section:02d} OF {self.sections:02d}")
        parts.append(f"{self.station.name} {self.serial:0{digits}d}")
        if level == "SBU" and word == "UNCLAS" and rng.random() < 0.5:
            parts.append("SENSITIVE")
        if self.classification.endswith("NOFORN") and rng.random() < 0.4:
            parts.append("NOFORN")
        return " ".join(parts)

    def _eo(self) -> str | None:
        rng = self.rng
        year = self.year
        decl = self.moment.replace(tzinfo=None)
        unclassified = self.level in ("U", "SBU")
        if year < 1972:
            return None
        if year < 1978:
            return "E.O. 11652: " + ("N/A" if unclassified else rng.choice(("GDS", "XGDS-1")))
        if year < 1982:
            if unclassified:
                return "E.O. 12065: N/A"
            event = rng.choice(("GDS", "RDS-1", "XDS-2"))
            return f"E.O. 12065: {event} {decl.month:02d}/{decl.day:02d}/{(year + 6) % 100:02d}"
        if year < 1995:
            return "E.O. 12356: " + ("N/A" if unclassified else "DECL: OADR")
        order = "13526" if (year == 2010) else "12958"
        if unclassified:
            return f"E.O. {order}: N/A"
        prefix = f"E.O. {order}" + (" AS AMENDED" if rng.random() < 0.03 else "")
        draw = rng.random()
        until = decl.replace(year=decl.year + 10, day=min(decl.day, 28))
        if year < 2003 and draw < 0.3:
            return f"{prefix}: DECL: {rng.choice(('OADR', '1.6X1', '1.6X5'))}"
        if draw < 0.08:
            return f"{prefix}: DECL: {until.year}/{until.month:02d}/{until.day:02d}"
        if draw < 0.12:
            return f"{prefix}: DECL: 1.4 {rng.choice(('B', 'D', 'B, D'))}"
        return f"{prefix}: DECL: {until.month:02d}/{until.day:02d}/{until.year}"

    def _tags(self) -> list[str]:
        rng = self.rng
        if self.old:
            codes = rng.sample(OLD_TAGS, rng.randint(1, 3))
        else:
            codes = rng.sample(SUBJECT_TAGS, rng.randint(1, 4))
            if rng.random() < 0.4:
                codes += rng.sample(PROGRAM_TAGS, rng.randint(1, 2))
            if rng.random() < 0.2:
                codes.append(rng.choice(ORG_TAGS))
        geo = [self.station.fips] if self.station.fips else []
        geo += rng.sample(GEO_TAGS, rng.randint(0, 3))
        codes += [g for g in dict.fromkeys(geo) if g]
        if not self.old and rng.random() < 0.05:
            codes.append(f"OVIP ({rng.choice(SURNAMES)}, {rng.choice(GIVEN).upper()})")
        separator = ", " if rng.random() < 0.35 else " "
        return _wrap("TAGS: " + separator.join(codes))

    def _subject(self) -> list[str]:
        rng = self.rng
        country = rng.choice(COUNTRIES).upper().removeprefix("THE ")
        topic = (
            rng.choice(TOPICS)
            .format(org=rng.choice(ORGS), country=rng.choice(COUNTRIES), port=rng.choice(PORTS))
            .upper()
        )
        text = f"{country}: {topic}"
        if rng.random() < 0.4:
            text += f" ({rng.choice(('C-AL9-01234', 'C-RE8-00979', 'S-NI9-00213'))})"
        keyword = "SUBJ: " if rng.random() < 0.1 else "SUBJECT: "
        return _wrap(keyword + text)

    def _refs(self) -> list[str]:
        rng = self.rng
        items: list[str] = []
        for index in range(rng.choice((1, 1, 2, 2, 3, 4, 6))):
            draw = rng.random()
            if draw < 0.75:
                other = rng.choice(STATIONS)
                years_back = rng.choice((0, 0, 0, 1, 2))
                ref_year = self.year - years_back
                number = rng.randint(10, 999999 if other.name == "STATE" else 9999)
                digits = 6 if rng.random() < 0.7 else 0
                if years_back:
                    text = f"{ref_year % 100:02d} {other.name} {number:0{digits}d}"
                else:
                    text = f"{other.name} {number:0{digits}d}"
                self.cited.append(f"{ref_year % 100:02d}{other.name.replace(' ', '')}{number}")
                if rng.random() < 0.08:
                    text += " (NOTAL)"
            elif draw < 0.85:
                text = f"{rng.choice(('EMAIL', 'TELCON', 'MEMCON'))} {rng.randint(1, 12)}/"
                text += f"{rng.randint(1, 28)}/{self.year % 100:02d}"
            elif draw < 0.92:
                when = self.moment - timedelta(days=rng.randint(1, 90))
                text = f"STATE {_dtg(when)}"
            else:
                text = f"OSC {rng.choice(('EUP', 'GMP', 'IAP'))}20{self.year % 100:02d}"
                text += f"{rng.randint(1000, 9999)}"
            items.append(f"{chr(65 + index)}. {text}")
        if rng.random() < 0.05:
            items[-1] += " AND PREVIOUS"
        if len(items) == 1 and rng.random() < 0.5:
            return _wrap("REF: " + items[0][3:])
        if rng.random() < 0.5:
            return _wrap("REF: " + " ".join(items))
        return ["REF: " + items[0]] + ["     " + item for item in items[1:]]

    def _classified_by(self) -> list[str]:
        rng = self.rng
        who = f"{rng.choice(TITLES)} {rng.choice(GIVEN)} {rng.choice(SURNAMES).title()}"
        letters = sorted(rng.sample("BCDEGH", rng.randint(1, 3)))
        if len(letters) == 1:
            listed = f"({letters[0].lower()})"
        else:
            listed = ", ".join(f"({x.lower()})" for x in letters[:-1])
            listed += f" and ({letters[-1].lower()})"
        section = "1.5" if self.year < 2003 else "1.4"
        form = rng.random()
        if form < 0.5:
            text = f"Classified By: {who}, for reasons {section} {listed}."
        elif form < 0.8:
            text = f"Classified By: {who.upper()} REASONS {section} {listed.upper()}."
        else:
            text = f"CLASSIFIED BY: {who.upper()}. REASON: {section} {listed.upper()}."
        return _wrap(text)

    def _markings(self) -> tuple[str, ...]:
        level = self.level
        if self.old and self.year < 1978:
            return ("",)
        if level == "S":
            return ("(S)", "(S)", "(C)", "(U)", "(S/NF)", "(C/NF)", "(S/REL UK)")
        if level == "C":
            return ("(C)", "(C)", "(C)", "(U)", "(SBU)", "(C/NF)", "(C/REL GBR)")
        if level == "SBU":
            return ("(SBU)", "(SBU)", "(U)")
        return ("(U)", "(U)", "")

    def body(self) -> str:
        rng = self.rng
        g = self.g
        pool = g.pool.upper if (self.old or self.year < 1990) else g.pool.mixed
        sizes = g.pool.sizes
        target = min(MAX_BODY, int(rng.lognormvariate(8.26, 0.9)))
        self.sections = min(99, 1 + target // SECTION_CHARS)
        multi = self.sections > 1 or rng.random() < 0.05
        if multi and self.sections == 1:
            self.sections = 2
        banner = self._banner(1 if multi else None)
        self.glue_banner = "SECTION" not in banner or rng.random() < 0.5
        lines: list[str] = [banner, ""]
        if not self.old:
            captions = []
            if self.year >= 2006 or (self.year == 2005 and rng.random() < 0.5):
                captions.append("SIPDIS")
            if self.classification.endswith("NOFORN") and "NOFORN" not in banner:
                captions.insert(0, "NOFORN")
            if self.level in ("C", "S") and rng.random() < 0.04:
                captions.append(rng.choice(("EXDIS", "NODIS", "LIMDIS")))
            if self.level == "SBU" and "SENSITIVE" not in banner and rng.random() < 0.7:
                captions.insert(0, "SENSITIVE")
            if captions:
                lines += captions
                lines.append("")
        eo = self._eo()
        if eo is not None:
            lines.append(eo)
        lines += self._tags()
        if rng.random() < 0.97:
            lines += self._subject()
        lines.append("")
        if rng.random() < 0.45:
            lines += self._refs()
            lines.append("")
        if self.level in ("C", "S") and not self.old and self.year >= 1995:
            lines += self._classified_by()
            lines.append("")
        marks = self._markings()
        numbered = rng.random() < 0.92
        size = sum(len(line) + 1 for line in lines)
        number = 0
        rand = rng.random
        pool_size = len(pool)
        mark_count = len(marks)
        while size < target or number == 0:
            number += 1
            pick = int(rand() * pool_size)
            para = pool[pick]
            mark = marks[int(rand() * mark_count)]
            lead = f"{number}. {mark} " if numbered else ""
            if lead.endswith("  "):
                lead = lead[:-1]
            if number == 1 and rng.random() < 0.6:
                lead += "Summary: " if not self.old else "SUMMARY: "
                lines.append(lead + para[0])
                lines += para[1:]
                lines[-1] += " End Summary." if not self.old else " END SUMMARY."
            elif number > 2 and rng.random() < 0.03 and self.level == "S":
                lines.append(lead + para[0])
                lines += para[1:]
                lines += ["", f"(SECRET REL {rng.choice(('SPAIN', 'UK', 'TURKEY'))})", ""]
                para = pool[rng.randrange(len(pool))]
                lines += para
            else:
                lines.append(lead + para[0])
                lines += para[1:]
            lines.append("")
            size += sizes[pick] + len(lead) + 1
        signer = self._signer()
        lines.append(signer)
        if self.old and rng.random() < 0.3:
            lines += ["", "", "NNNN"]
        lines = self._paginate(lines)
        joiner = " \n" if rng.random() < 0.4 else "\n"
        return joiner.join(lines)

    def _signer(self) -> str:
        if self.station.name == "STATE":
            name = SECRETARIES[0][1]
            for since, who in SECRETARIES:
                if self.year >= since:
                    name = who
            return name
        return self.rng.choice(self.station.signers + SURNAMES[:5])

    def _paginate(self, lines: list[str]) -> list[str]:
        """Insert page-break headers every ``PAGE_LINES`` lines and section banners between."""
        pages = max(1, math.ceil(len(lines) / PAGE_LINES))
        if pages == 1:
            return lines
        pages = min(pages, 999)
        per_section = max(1, math.ceil(pages / self.sections))
        out: list[str] = lines[:PAGE_LINES]
        for page in range(2, pages + 1):
            start = (page - 1) * PAGE_LINES
            if self.old:
                header = f"PAGE {page:02d} {self.station.name} {self.serial:05d}"
                if self.sections > 1:
                    section = min(self.sections, 1 + (page - 1) // per_section)
                    header += f" {section:02d} OF {self.sections:02d}"
                header += f" {_ddhhmm(self.moment)}Z"
                out += ["", header, ""]
            else:
                name = self.station.name
                out += ["", f"{name} {self.serial:08d}  {page:03d} OF {pages:03d}", "", ""]
            if (page - 1) % per_section == 0 and (page - 1) // per_section < self.sections:
                out += [self._banner((page - 1) // per_section + 1), ""]
            out += lines[start : start + PAGE_LINES]
        return out

    # -- header

    def header(self) -> str:
        if self.old:
            return self._older_header()
        return self._acp127_header()

    def _addressees(self, count: int, precedence: str, ri: bool) -> list[str]:
        rng = self.rng
        out: list[str] = []
        for _ in range(count):
            code, address = rng.choice(ADDRESSEES)
            if rng.random() < 0.02:
                code, address = rng.choice(LONG_ADDRESSEES)
            line = f"{code}/{address}" if ri else address
            line += f" {precedence}"
            if not address.endswith("COLLECTIVE") and rng.random() < 0.6:
                line += f" {rng.randint(0, 9999):04d}"
            out += _wrap(line) if len(line) > WIDTH else [line]
        return out

    def _acp127_header(self) -> str:
        rng = self.rng
        station = self.station
        moment = self.moment
        letter = rng.choices("PORZ", (50, 30, 19, 1))[0]
        word = PRECEDENCE[letter]
        lines = [f"VZCZC{rng.choice(CHANNELS)}{rng.randint(0, 9999):04d}"]
        if rng.random() < 0.04:
            lines[0] += " UU" if self.level in ("U", "SBU") else " HH"
        relays = ["RUEHWEB"] if rng.random() < 0.5 else rng.sample(RELAY_RIS, rng.randint(1, 14))
        routing = _wrap(f"{letter}{letter} " + " ".join(relays))
        lines += routing
        if rng.random() < 0.3:
            lines.append("")
        filed = moment + timedelta(minutes=rng.randint(0, 25))
        section = "/01" if self.sections > 1 else ""
        if self.sections > 1 and rng.random() < 0.1:
            section = f"/{rng.randint(2, min(self.sections, 99)):02d}"
        lines.append(
            f"DE {station.ri} #{self.serial % 10000:04d}{section} "
            f"{filed.timetuple().tm_yday:03d}{filed.hour:02d}{filed.minute:02d}"
        )
        group = {"U": "UUUUU", "SBU": "UUUUU", "C": "CCCCC", "S": "SSSSS"}[self.level]
        signal = "ZNR" if group == "UUUUU" else "ZNY"
        if self.level == "SBU" and rng.random() < 0.1:
            signal, group = "ZNY", "EEEEE"
        lines.append(f"{signal} {group} ZZH" if rng.random() < 0.85 else f"{signal} {group}")
        dtg = _dtg(moment)
        draw = rng.random()
        if draw < 0.12:
            lines.append(f"{letter} R {dtg}")
        elif draw < 0.15:
            lines.append(f"{letter} {dtg} {rng.choice(('ZDS', 'ZDK', 'ZUI'))}")
        else:
            lines.append(f"{letter} {dtg}")
        ri = rng.random() < 0.85
        if station.name == "STATE":
            lines.append("FM SECSTATE WASHDC")
            action = rng.choice(STATIONS[1:])
            if rng.random() < 0.15:
                lines.append(f"TO ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE {word}")
            else:
                to = f"{action.ri}/{action.address}" if ri else action.address
                lines.append(f"TO {to} {word} {rng.randint(0, 9999):04d}")
                lines += self._addressees(rng.randint(0, 3), word, ri)
        else:
            lines.append(f"FM {station.address}")
            to = "RUEHC/SECSTATE WASHDC" if ri else "SECSTATE WASHDC"
            lines.append(f"TO {to} {word} {rng.randint(0, 9999):04d}")
        infos = min(60, int(rng.expovariate(1 / 4.0)))
        if infos:
            info = self._addressees(infos, word if rng.random() < 0.7 else "ROUTINE", ri)
            lines.append("INFO " + info[0])
            lines += info[1:]
            if rng.random() < 0.02 and any("COLLECTIVE" in line for line in info):
                lines.append("XMT AMEMBASSY PARIS")
                lines.append("AMEMBASSY LONDON")
        return "\n".join(lines)

    def _older_header(self) -> str:
        rng = self.rng
        station = self.station
        moment = self.moment
        letter = rng.choice("PORR")
        dtg = _dtg(moment)
        lines: list[str] = []
        if rng.random() < 0.5:
            # Central Foreign Policy Files style: page line, distribution, counter.
            lines.append(f"PAGE 01 {station.name} {self.serial:05d} {_ddhhmm(moment)}Z")
            lines.append(f"ACTION {rng.choice(('EUR', 'NEA', 'EA', 'ARA', 'AF', 'PM'))}-12")
            lines.append("")
            codes = rng.sample(
                (
                    "OCT-01",
                    "ISO-00",
                    "CIAE-00",
                    "DODE-00",
                    "PM-05",
                    "H-02",
                    "INR-07",
                    "L-03",
                    "NSAE-00",
                    "NSC-05",
                    "PA-02",
                    "SP-02",
                    "SS-15",
                    "USIA-15",
                    "TRSE-00",
                ),
                12,
            )
            lines.append("INFO " + " ".join(codes[:8]))
            lines.append("     " + " ".join(codes[8:]) + f" /0{rng.randint(40, 99)} W")
            counter = f"{rng.randint(0, 999999):06d} {_ddhhmm(moment)}Z /{rng.randint(10, 99)}"
            lines.append("-" * 18 + counter)
            lines.append(f"{letter} {dtg}")
        else:
            # ACP-126 style: no TI, no DE, no security line.
            opsig = f" ZFF{rng.randint(1, 4)}" if rng.random() < 0.3 else ""
            lines.append(f"{letter} {dtg}{opsig}")
        word = PRECEDENCE[letter]
        lines.append(f"FM {station.address}")
        if station.name == "STATE":
            action = rng.choice(STATIONS[1:])
            lines.append(f"TO {action.address} {word} {rng.randint(0, 9999):04d}")
        else:
            lines.append(f"TO SECSTATE WASHDC {word} {rng.randint(0, 9999):04d}")
        infos = rng.randint(0, 4)
        if infos:
            info = [rng.choice(ADDRESSEES)[1] + f" {rng.randint(0, 999):04d}" for _ in range(infos)]
            lines.append("INFO " + info[0])
            lines += info[1:]
        lines.append("BT")
        return "\n".join(lines)


def quote(field: str) -> str:
    """One field as the Cablegate dump quotes it: ``"`` around, ``\\`` before ``\\`` and ``"``."""
    if "\\" in field:
        field = field.replace("\\", "\\\\")
    if '"' in field:
        field = field.replace('"', '\\"')
    return f'"{field}"'


def write_csv(count: int, seed: int, out: TextIO, progress: bool = False) -> Counter[str]:
    """Write ``count`` cables to ``out``; return how many of each header style were written."""
    generator = Generator(seed)
    started = time.perf_counter()
    for number in range(1, count + 1):
        out.write(",".join(map(quote, generator.one(number))) + "\n")
        if progress and number % 50_000 == 0:
            rate = number / (time.perf_counter() - started)
            print(f"  {number:,} cables ({rate:,.0f}/s)", file=sys.stderr)
    return generator.styles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=250_000, help="cables to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same file)")
    parser.add_argument("--out", type=Path, required=True, help="CSV file to write")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with args.out.open("w", encoding="utf-8", newline="", buffering=1 << 20) as handle:
        styles = write_csv(args.count, args.seed, handle, progress=not args.quiet)
    seconds = time.perf_counter() - started
    size = args.out.stat().st_size
    mix = ", ".join(f"{name} {styles[name] / args.count:.1%}" for name in sorted(styles))
    print(
        f"wrote {args.count:,} cables, {size / 1e6:,.1f} MB ({size / max(1, args.count):,.0f} B"
        f"/cable) to {args.out} in {seconds:.1f} s; header styles: {mix}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
