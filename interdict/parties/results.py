"""The screening output contract: every score with the evidence behind it.

These models are what the CLI prints with ``--json``, what the batch
writes per line and what the API returns; their JSON schemas are in
``docs/schemas/``.  An explanation is meant to be pasted into a case file:
which names were compared, which words were paired and by what rule, what
each word weighed, what was left over, and what else moved the score.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from interdict.model.provenance import Provenance
from interdict.parties.match.names import NameMatch
from interdict.parties.match.qualifiers import Adjustment
from interdict.parties.match.score import Scored
from interdict.parties.match.weights import Word

DEFAULT_THRESHOLD = 0.7


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class WordPair(_Frozen):
    query: str
    candidate: str
    similarity: float = Field(description="0-1 likeness of the two words")
    how: str = Field(description="exact, spelling, sound, consonants, joined or romanisation")
    weight: float = Field(description="combined weight of the two words in the name score")


class LooseWord(_Frozen):
    word: str
    kind: str
    weight: float
    why: str


class NameEvidence(_Frozen):
    query: str = Field(description="the query name as given")
    candidate: str = Field(description="the listed name it was compared with")
    score: float
    method: str = Field(description="words or acronym")
    detail: str
    weak_alias: bool
    pairs: list[WordPair]
    unmatched_query: list[LooseWord]
    unmatched_candidate: list[LooseWord]
    legal_forms_ignored: list[str]
    abbreviations_read: list[str] = Field(
        default=[],
        description="abbreviations written out before comparing, e.g. 'grp -> group'",
    )


class Feature(_Frozen):
    feature: str = Field(description="country, birth_date or identifier")
    effect: float = Field(description="added to the name score")
    detail: str


class Explanation(_Frozen):
    summary: str
    threshold: float
    name: NameEvidence
    adjustments: list[Feature]


class Listing(_Frozen):
    """One sanction or export-control listing of the matched entity."""

    authority: list[str]
    program: list[str]
    listing_date: list[str]
    reference: list[str]
    source_url: list[str]
    provisions: list[str] = Field(
        default=[], description="what the listing imposes, as the list states it (asset freeze)"
    )


class EntityRef(_Frozen):
    id: str
    caption: str
    datasets: list[str] = Field(description="intel for the knowledge base, else the list")


class LinkStep(_Frozen):
    """One step of the chain from a matched entity to the listed entity behind it."""

    model_config = ConfigDict(frozen=True, populate_by_name=True)

    role: str = Field(
        description="front_for, acts_for or owned_by (read 'from role to'); same_as where a "
        "knowledge-base entity was resolved to a listed entity, or back"
    )
    from_: EntityRef = Field(alias="from")
    to: EntityRef
    provenance: list[Provenance] = Field(description="the cable portions that state the step")
    detail: str | None = Field(
        default=None, description="how a same_as or a list link was established"
    )


class Match(_Frozen):
    entity_id: str
    caption: str
    schema_: str = Field(alias="schema")
    score: float
    match: bool = Field(
        description="true for a listed entity, or one whose links lead to a listed entity; "
        "false for a party only known from cables"
    )
    datasets: list[str]
    explanation: Explanation
    listings: list[Listing] = Field(
        default=[], description="the listed entity's listings (at the end of the chain)"
    )
    listed: bool | None = Field(
        default=None,
        description="whether the matched entity itself is listed; false when only its links "
        "lead to a listing",
    )
    links: list[LinkStep] = Field(
        default=[], description="from the matched entity to the listed one, in order"
    )
    provenance: list[Provenance] = Field(
        default=[], description="the cable portions that name the matched entity"
    )


def explain(scored: Scored, threshold: float) -> Explanation:
    name = _evidence(scored.name)
    adjustments = [_feature(a) for a in scored.adjustments]
    verdict = "match" if scored.score >= threshold else "below threshold"
    moved = "".join(f"; {a.feature} {a.effect:+.2f}" for a in adjustments)
    summary = (
        f"{scored.score:.2f} ({verdict} at {threshold:.2f}): name {name.score:.2f} by "
        f"{name.method} ('{name.query}' ~ '{name.candidate}'){moved}"
    )
    return Explanation(summary=summary, threshold=threshold, name=name, adjustments=adjustments)


def _evidence(match: NameMatch) -> NameEvidence:
    alignment = match.alignment
    return NameEvidence(
        query=match.query.form.text,
        candidate=match.candidate.form.text,
        score=match.score,
        method=match.method,
        detail=match.detail,
        weak_alias=match.candidate.weak,
        pairs=[
            WordPair(
                query=p.query,
                candidate=p.candidate,
                similarity=round(p.similarity, 4),
                how=p.how,
                weight=round(p.weight, 4),
            )
            for p in alignment.pairs
        ],
        unmatched_query=[_loose(w) for w in alignment.unmatched_query if w.weight > 0],
        unmatched_candidate=[_loose(w) for w in alignment.unmatched_candidate if w.weight > 0],
        legal_forms_ignored=sorted(
            set(match.query.form.legal_forms) | set(match.candidate.form.legal_forms)
        ),
        abbreviations_read=sorted(
            {f"{short} -> {full}" for short, full in match.query.form.rewritten}
            | {f"{short} -> {full}" for short, full in match.candidate.form.rewritten}
        ),
    )


def _loose(word: Word) -> LooseWord:
    return LooseWord(word=word.text, kind=word.kind.value, weight=word.weight, why=word.why)


def _feature(adjustment: Adjustment) -> Feature:
    return Feature(feature=adjustment.feature, effect=adjustment.effect, detail=adjustment.detail)
