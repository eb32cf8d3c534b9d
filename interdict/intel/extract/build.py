"""``extract_cable``: one cable in, its parties, items, links and denials out, each cited.

The steps run in the order their evidence needs: names with evidence
first (in two rounds, so that a name found in one sentence can split a
joined run in another) and listed names; then the grouping of mentions
into parties and the search for their later mentions; then the persons
named with an office in one of those parties (which may be named by a
short form), grouping again if any is new; then the links and items, read
between and around the parties' mentions; last the licence denials the
cable reports, which may name those goods and parties.  Every record
cites each portion that states it, with that portion's marking and the
first sentence there that states it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from functools import lru_cache

from interdict.cables.record import Cable
from interdict.intel.extract.countries import (
    addressee_country,
    host_country,
    locate,
    party_countries,
)
from interdict.intel.extract.denials import Draft as DenialDraft
from interdict.intel.extract.denials import Hosts, find_denials
from interdict.intel.extract.document import Sentence, read_cable
from interdict.intel.extract.gazetteer import Gazetteer, find_listed
from interdict.intel.extract.goods import makers
from interdict.intel.extract.items import Item as ItemDraft
from interdict.intel.extract.items import find_items
from interdict.intel.extract.links import find_links
from interdict.intel.extract.mentions import REFERENCE, Mention
from interdict.intel.extract.names import find_names, first_names, name_key
from interdict.intel.extract.persons import find_officers
from interdict.intel.extract.resolve import Draft, resolve
from interdict.intel.ids import denial_id, item_id, link_id, party_id
from interdict.intel.records import Denial, Extraction, Item, Link, Party, Provenance, Role
from interdict.parties.names.analysis import normalise


def extract_cable(cable: Cable, gazetteer: Gazetteer | None = None) -> Extraction:
    """The parties, items, links and denials ``cable`` states; ``gazetteer`` adds known names.

    The cyclic garbage collector is paused while a cable is read.  Reading
    a cable allocates thousands of small objects (tokens, mentions) and
    frees them with the cable, and none of them form cycles; with the
    collector running, those allocations trigger collections that walk
    every object the process holds (a batch of parsed cables, a gazetteer,
    the remembered analyses of sentences): a tenth of the time spent on a
    cable.  Reference counting frees the cable's objects as before, and the
    collector runs again after.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _extract(cable, gazetteer)
    finally:
        if enabled:
            gc.enable()


def _extract(cable: Cable, gazetteer: Gazetteer | None) -> Extraction:
    reference = cable.reference_id or cable.source or ""
    sentences = read_cable(cable)
    found = _mentions(sentences, gazetteer)
    drafts = resolve(sentences, found)
    if _officers(sentences, found):
        found = {index: [m for m in ms if m.how != REFERENCE] for index, ms in found.items()}
        drafts = resolve(sentences, found)
        _rebind_offices(found)
    for sentence in sentences:
        for mention in found.get(sentence.index, []):
            locate(sentence, mention)
    links = _links(sentences, found)
    items = find_items(sentences, found, makers(drafts))
    origin = host_country(cable.origin)
    hosts = Hosts(
        addressee=_upper(addressee_country([recipient.address for recipient in cable.to])),
        origin=_upper(origin),
    )
    denials = find_denials(sentences, found, items, hosts)
    return _records(reference, sentences, drafts, links, items, denials, origin)


def _upper(code: str | None) -> str | None:
    return code.upper() if code else None


def _mentions(sentences: list[Sentence], gazetteer: Gazetteer | None) -> dict[int, list[Mention]]:
    """Names with evidence, in two rounds: a sentence whose reading could change once the
    cable's other names are known ("Ak Makina and Ardalan Machineries Company") is read again."""
    found = {sentence.index: first_names(sentence) for sentence in sentences}
    sources: dict[str, set[str]] = {}
    for mentions in found.values():
        for mention in mentions:
            for text in (mention.text, mention.acronym or "", *mention.aliases):
                whole = name_key(text)
                for key in _prefixes(whole):
                    sources.setdefault(key, set()).add(whole)
    known = {key: frozenset(whole) for key, whole in sources.items()}
    for sentence in sentences:
        if known and sentence.deferred:
            found[sentence.index] = find_names(sentence, known)
    for sentence in sentences:
        mentions = found[sentence.index]
        if gazetteer is not None:
            mentions.extend(find_listed(sentence, gazetteer, mentions))
        mentions.sort(key=lambda m: m.start)
    return found


def _prefixes(key: str) -> list[str]:
    """A known name and its first two or more words: "Ningbo Jinghe" from its full name."""
    words = key.split()
    return [" ".join(words[:size]) for size in range(2, len(words))] + ([key] if key else [])


def _officers(sentences: list[Sentence], found: dict[int, list[Mention]]) -> bool:
    """Add the persons named with an office in an organisation; whether any is new.

    Runs once the parties' later mentions are known, since the organisation
    is often named by a short form ("Kesari's managing director, Mr. X").
    """
    added = False
    for sentence in sentences:
        mentions = found.get(sentence.index, [])
        for officer in find_officers(sentence, mentions):
            same = next((m for m in mentions if m.overlaps(officer.start, officer.end)), None)
            if same is None:
                mentions.append(officer)
                added = True
            elif same.is_person and same.office_of is None:
                same.position, same.office_of = officer.position, officer.office_of
        mentions.sort(key=lambda m: m.start)
    return added


def _rebind_offices(found: dict[int, list[Mention]]) -> None:
    """Point each officer at the organisation's mention of the new grouping.

    An officer found through a later mention ("Kesari's managing director")
    still holds that mention from before the grouping was redone; the same
    words are a new mention now, with the party number of the new grouping.
    """
    for mentions in found.values():
        by_span = {(m.start, m.end): m for m in mentions}
        for mention in mentions:
            employer = mention.office_of
            if employer is not None and employer.how == REFERENCE:
                mention.office_of = by_span.get((employer.start, employer.end))


def _links(
    sentences: list[Sentence], found: dict[int, list[Mention]]
) -> dict[tuple[int, Role, int], list[tuple[int, str | None]]]:
    """Each link with the sentences that state it (and the office, for officer_of)."""
    links: dict[tuple[int, Role, int], list[tuple[int, str | None]]] = {}
    before: list[Mention] = []
    portion = -1
    for sentence in sentences:
        if sentence.portion.position != portion:
            portion, before = sentence.portion.position, []
        mentions = found.get(sentence.index, [])
        for link in find_links(sentence, mentions, before):
            links.setdefault((link.subject, link.role, link.object), []).append(
                (sentence.index, link.position)
            )
        before.extend(mentions)
    return links


def _records(
    reference: str,
    sentences: list[Sentence],
    drafts: list[Draft],
    links: dict[tuple[int, Role, int], list[tuple[int, str | None]]],
    items: list[ItemDraft],
    denials: list[DenialDraft],
    host: str | None,
) -> Extraction:
    by_index = {sentence.index: sentence for sentence in sentences}
    employers = {s: o for (s, role, o) in links if role is Role.OFFICER_OF}
    countries = party_countries(drafts, by_index, employers, host)
    parties: dict[str, Party] = {}
    ids: dict[int, str] = {}
    for draft in drafts:
        party = _party(reference, draft, by_index, links, countries[draft.number])
        ids[draft.number] = party.id
        known = parties.get(party.id)
        parties[party.id] = party if known is None else _merged(known, party)
    link_records = [
        _link(reference, ids[subject], role, ids[object_], cited, by_index)
        for (subject, role, object_), cited in links.items()
    ]
    item_records = [_item(reference, item, ids, by_index) for item in items]
    return Extraction(
        cable=reference,
        parties=list(parties.values()),
        items=item_records,
        links=link_records,
        denials=[_denial(reference, denial, ids, by_index) for denial in denials],
    )


def _party(
    reference: str,
    draft: Draft,
    by_index: dict[int, Sentence],
    links: dict[tuple[int, Role, int], list[tuple[int, str | None]]],
    countries: list[str],
) -> Party:
    schema = draft.schema()
    name = _clean(draft.best().text)
    properties: dict[str, list[str]] = {"name": [name]}
    # Every way the text writes the name is kept unless it differs only in case or
    # punctuation, so that each cited portion holds the name or an alias as written.
    seen = {normalise(name)}
    aliases = []
    for form in draft.forms():
        form = _clean(form)
        if normalise(form) not in seen:
            seen.add(normalise(form))
            aliases.append(form)
    if aliases:
        properties["alias"] = aliases
    if countries:
        properties["country"] = countries
    if draft.is_person:
        positions = [m.position for m in draft.mentions if m.position] or [
            office
            for (subject, role, _), cited in links.items()
            if subject == draft.number and role is Role.OFFICER_OF
            for _, office in cited
            if office
        ]
        if positions:
            properties["position"] = list(dict.fromkeys(positions))
    cited = _cite(reference, (m.sentence for m in draft.mentions), by_index)
    return Party(id=_party_id(name, schema), schema=schema, properties=properties, provenance=cited)


@lru_cache(maxsize=16384)
def _party_id(name: str, schema: str) -> str:
    """``ids.party_id``, remembered: analysing a name costs more than the rest of its record."""
    return party_id(name, schema)


def _merged(one: Party, other: Party) -> Party:
    """Two drafts that came out with the same id are one party."""
    properties = {key: list(values) for key, values in one.properties.items()}
    for key, values in other.properties.items():
        properties[key] = list(dict.fromkeys([*properties.get(key, []), *values]))
    cited = {(p.paragraph, p.portion): p for p in [*one.provenance, *other.provenance]}
    return one.model_copy(update={"properties": properties, "provenance": list(cited.values())})


def _link(
    reference: str,
    subject: str,
    role: Role,
    object_: str,
    cited: list[tuple[int, str | None]],
    by_index: dict[int, Sentence],
) -> Link:
    properties = {"subject": [subject], "object": [object_], "role": [role.value]}
    return Link(
        id=link_id(subject, role.value, object_),
        properties=properties,
        provenance=_cite(reference, (index for index, _ in cited), by_index),
    )


def _item(
    reference: str, item: ItemDraft, ids: dict[int, str], by_index: dict[int, Sentence]
) -> Item:
    maker = ids.get(item.maker) if item.maker is not None else None
    description = _clean(item.description)
    return Item(
        id=item_id(reference, description, item.model, maker),
        description=description,
        model=item.model,
        manufacturer=maker,
        regimes=item.regime_list(),
        resolutions=item.resolution_list(),
        provenance=_cite(reference, item.sentences, by_index),
    )


def _denial(
    reference: str, denial: DenialDraft, ids: dict[int, str], by_index: dict[int, Sentence]
) -> Denial:
    end_user = ids.get(denial.end_user) if denial.end_user is not None else None
    return Denial(
        id=denial_id(reference, denial.authority, denial.date, denial.item_key),
        authority=denial.authority,
        date=denial.date,
        item=_clean(denial.item),
        entries=denial.entries,
        destination=denial.destination,
        end_user=end_user,
        reason=_clean(denial.reason) if denial.reason else None,
        provenance=_cite(reference, denial.sentences, by_index),
    )


def _cite(
    reference: str, sentences: Iterable[int], by_index: dict[int, Sentence]
) -> list[Provenance]:
    """One citation per portion, in text order, quoting the first sentence there."""
    cited: dict[int, Provenance] = {}
    for index in sorted(set(sentences)):
        sentence = by_index[index]
        portion = sentence.portion
        if portion.position not in cited:
            cited[portion.position] = Provenance(
                cable=reference,
                paragraph=portion.paragraph,
                portion=portion.portion,
                marking=portion.marking,
                text=sentence.text,
            )
    return [cited[key] for key in sorted(cited)]


def _clean(text: str) -> str:
    return " ".join(text.split())
