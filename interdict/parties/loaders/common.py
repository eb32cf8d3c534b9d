"""Helpers every list loader shares: ids, the Sanction entity, value cleaning, XML streaming.

Kept in one place so that the four loaders agree on what an id looks like, how a
listing is recorded and when a country or a date counts as given; a fix to one of
them then reaches every list at once.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from followthemoney import EntityProxy, model, registry
from followthemoney.util import ENTITY_ID_LEN, make_entity_id

from interdict.parties.loaders.problem import LoadProblem

Record = EntityProxy | LoadProblem

SANCTION_TOPIC = "sanction"
EXPORT_CONTROL_TOPIC = "export.control"

# Large enough to keep parser overhead low, small enough that a 100 MB list is
# never held in memory at once.
CHUNK_SIZE = 64 * 1024

_MAX_ID_LEN = ENTITY_ID_LEN - len("-sanction")
_UNSAFE_ID = re.compile(r"[^0-9A-Za-z.]+")
_SPACES = re.compile(r"\s+")
# Lists write "no country" as a code rather than leaving the field empty.
_NO_COUNTRY = {"", "00", "unknown", "n/a", "na", "-"}
# Free-text dates seen in the CSL (ITA keeps OFAC's wording when it cannot parse it).
_DATE_FORMATS = ("%d %b %Y", "%d %B %Y", "%b %Y", "%B %Y", "%m/%d/%Y")


def make_id(prefix: str, key: str | None) -> str | None:
    """A readable, stable FtM id from the list's own key, e.g. ``un-110337``.

    The list's key is kept readable so that an analyst can go from an id back to
    the published record; keys too long for an FtM id (with room left for the
    ``-sanction`` suffix) are hashed instead.
    """
    if key is None:
        return None
    slug = _UNSAFE_ID.sub("-", key).strip("-.")
    if not slug:
        return None
    entity_id = f"{prefix}-{slug}"
    if len(entity_id) > _MAX_ID_LEN:
        entity_id = f"{prefix}-{make_entity_id(slug)}"
    return entity_id


def new_entity(schema: str, entity_id: str, dataset: str) -> EntityProxy:
    entity = model.make_entity(schema)
    entity.id = entity_id
    entity.context["datasets"] = [dataset]
    return entity


def make_sanction(target: EntityProxy, dataset: str, authority: str) -> EntityProxy:
    """The listing of ``target``, as its own entity so provenance survives merging.

    Yielded after its target by every loader, so a consumer that builds an index in
    one pass has already seen the entity the Sanction points at.
    """
    sanction = new_entity("Sanction", f"{target.id}-sanction", dataset)
    sanction.add("entity", target.id)
    sanction.add("authority", authority)
    return sanction


def collapse(text: str | None) -> str | None:
    """Whitespace runs (including the line breaks inside XML text) become one space."""
    if text is None:
        return None
    text = _SPACES.sub(" ", text).strip()
    return text or None


def clean_country(text: str | None) -> str | None:
    """An FtM country code, or None for an empty, placeholder or unknown country."""
    text = collapse(text)
    if text is None or text.lower() in _NO_COUNTRY:
        return None
    return registry.country.clean(text)


def clean_dates(text: str | None) -> list[str]:
    """ISO dates, partial where only year or month is given; ranges give both ends."""
    text = collapse(text)
    if text is None:
        return []
    text = re.sub(r"(?i)\b(circa|approximately|approx\.?)\s*", "", text)
    dates: list[str] = []
    for part in re.split(r"(?i)\s+to\s+", text):
        part = part.strip(" ,;")
        iso = registry.date.clean(part)
        if iso is None:
            iso = _parse_free_date(part)
        if iso is not None:
            dates.append(iso)
    return dates


def _parse_free_date(text: str) -> str | None:
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if "%d" in fmt:
            return parsed.strftime("%Y-%m-%d")
        return parsed.strftime("%Y-%m")
    return None


def year_range(start: str | None, end: str | None) -> list[str]:
    """Every year of a short range ("born between 1973 and 1974"), else its two ends.

    Matching compares birth years one by one, so a short range is spelt out; a long
    one would flood the entity and only its ends are kept.
    """
    first, last = (collapse(start), collapse(end))
    if first is None or last is None:
        return [year for year in (first, last) if year is not None]
    if not (first.isdecimal() and last.isdecimal()):
        return [first, last]
    low, high = sorted((int(first), int(last)))
    if high - low > 10:
        return [str(low), str(high)]
    return [str(year) for year in range(low, high + 1)]


def join_address(parts: Iterable[str | None], country: str | None = None) -> str | None:
    """One address line from its parts, skipping empty ones and repeats.

    A country alone is not an address: it is kept as the entity's country instead,
    so that a bare "Tunisia" does not pose as a street address in matching.
    """
    seen: list[str] = []
    for part in parts:
        value = collapse(part)
        if value is not None and value.lower() not in _NO_COUNTRY and value not in seen:
            seen.append(value)
    if not seen:
        return None
    country = collapse(country)
    if country is not None and country.lower() not in _NO_COUNTRY:
        seen.append(country)
    return ", ".join(seen)


def is_latin(text: str) -> bool:
    """True when every letter is Latin script; digits and punctuation do not count."""
    for char in text:
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return False
    return True


def file_problem(path: Path, reason: str) -> LoadProblem:
    return LoadProblem(str(path), reason)


def open_binary(path: Path) -> BinaryIO | LoadProblem:
    try:
        return path.open("rb")
    except OSError as exc:
        return file_problem(path, f"cannot read the file: {exc.strerror or exc}")


def local_name(tag: str) -> str:
    """The tag without its ``{namespace}``; the EU has changed its namespace before."""
    return tag.rsplit("}", 1)[-1]


def children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if local_name(child.tag) == name]


def child_text(element: ET.Element, name: str) -> str | None:
    for child in children(element, name):
        text = collapse(child.text)
        if text is not None:
            return text
    return None


def child_texts(element: ET.Element, name: str) -> list[str]:
    """Texts of ``name`` children, or of their ``VALUE`` children for the UN's lists."""
    texts: list[str] = []
    for child in children(element, name):
        values = children(child, "VALUE")
        for node in values or [child]:
            text = collapse(node.text)
            if text is not None:
                texts.append(text)
    return texts


def iter_xml_records(
    path: Path, root: str, records: frozenset[str]
) -> Iterator[ET.Element | LoadProblem]:
    """Each complete record element of a large XML list, in document order.

    A record is detached from the tree as soon as the caller has used it, so memory
    stays flat however long the list is.  Where the XML breaks (a truncated
    download, a bad byte), the records before the break are still yielded and one
    problem naming the file and the place follows.
    """
    handle = open_binary(path)
    if isinstance(handle, LoadProblem):
        yield handle
        return
    with handle:
        parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
        stack: list[ET.Element] = []
        size = 0
        try:
            while True:
                chunk = handle.read(CHUNK_SIZE)
                if chunk:
                    size += len(chunk)
                    parser.feed(chunk)
                elif size == 0:
                    yield file_problem(path, "the file is empty")
                    return
                else:
                    parser.close()
                for event in parser.read_events():
                    element = event[-1]
                    if not isinstance(element, ET.Element):
                        continue  # only start/end are asked for; this narrows the type
                    if event[0] == "start":
                        if not stack and local_name(element.tag) != root:
                            found = local_name(element.tag)
                            yield file_problem(
                                path, f"expected a <{root}> document, found <{found}>"
                            )
                            return
                        stack.append(element)
                        continue
                    stack.pop()
                    if stack and local_name(element.tag) in records:
                        yield element
                        element.clear()
                        stack[-1].remove(element)
                if not chunk:
                    return
        except ET.ParseError as exc:
            yield file_problem(
                path, f"the XML breaks off ({exc}); records after this point were not read"
            )
        except OSError as exc:
            yield file_problem(path, f"cannot read the file: {exc.strerror or exc}")
