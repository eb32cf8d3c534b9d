"""The match index: keys, build, retrieval, persistence and restart."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from interdict.parties.index import files, search
from interdict.parties.index.build import BatchPreparer, IndexBuilder
from interdict.parties.index.keys import FAMILY_WEIGHT, name_keys, query_keys, word_key
from interdict.parties.index.records import EntityRecord, ListedName
from interdict.parties.index.search import MatchIndex
from interdict.parties.names.analysis import analyse
from interdict.parties.names.keys import loose_romanisation
from interdict.parties.names.variants import name_variants


def _record(entity_id: str, *names: str, schema: str = "Organization") -> EntityRecord:
    forms = tuple(ListedName(analyse(n, schema != "Person"), False) for n in names)
    return EntityRecord(entity_id, schema, names[0], forms, ("ir",), (), (), ("test",))


def _build(directory: Path, records: list[EntityRecord]) -> MatchIndex:
    builder, preparer = IndexBuilder(directory), BatchPreparer()
    for record in records:
        preparer.add(record)
    builder.add_batch(preparer.batch())
    stats = builder.finish()
    assert stats.entities == len(records)
    return MatchIndex(directory)


def _top(index: MatchIndex, name: str, organisation: bool) -> str:
    """The entity a query ranks first."""
    ranked = index.candidates(query_keys(analyse(name, organisation)), 10)
    return index.record(ranked[0][0]).entity_id


def test_key_hash_is_stable_across_processes() -> None:
    # A fixed value: the on-disk format depends on it never changing.
    assert files.key_hash("w:shahid") == files.key_hash("w:shahid")
    assert files.key_hash("w:shahid") != files.key_hash("w:shahie")
    assert 0 <= files.key_hash("w:shahid") < 2**64


def test_name_keys_cover_word_sound_consonant_affix_acronym_and_join() -> None:
    keys = name_keys(analyse("Shahid Hemmat Industrial Group", True))
    assert {"w:shahid", "w:hemmat", "a:shig", "j:shahidhemmatindustrialgroup"} <= keys
    assert any(k.startswith("p:") for k in keys)
    assert any(k.startswith("c:") for k in keys)
    assert {"b:indu", "e:rial"} <= keys


def test_query_keys_read_a_short_word_as_an_acronym() -> None:
    assert {"a:shig": FAMILY_WEIGHT["a"]} in query_keys(analyse("SHIG", True))
    assert {"a:shig": FAMILY_WEIGHT["a"]} in query_keys(analyse("S.H.I.G.", True))


def test_abjad_names_are_filed_under_their_consonants_at_full_weight() -> None:
    listed = name_keys(analyse("شهید همت", True))
    assert {"x:shd", "x:hmt"} <= listed
    latin = query_keys(analyse("Shahid Hemmat", True))
    assert latin[0]["x:shd"] == FAMILY_WEIGHT["x"] == 1.0
    assert latin[0]["c:shd"] == FAMILY_WEIGHT["c"] < 1.0
    persian = query_keys(analyse("شهید همت", True))
    assert persian[0]["c:shd"] == 1.0


def test_bracketed_acronym_becomes_its_own_name() -> None:
    assert name_variants("SHAHID HEMMAT INDUSTRIAL GROUP (SHIG)") == [
        "SHAHID HEMMAT INDUSTRIAL GROUP",
        "SHIG",
    ]
    assert name_variants("(SHIG)") == ["SHIG"]
    assert name_variants("Plain Name") == ["Plain Name"]


def test_record_round_trips_through_bytes() -> None:
    record = _record("e1", "ООО Ромашка", "Romashka Trading")
    assert EntityRecord.loads(record.dumps()) == record


def test_retrieval_ranks_the_right_entity_first(tmp_path: Path) -> None:
    index = _build(
        tmp_path,
        [
            _record("shig", "Shahid Hemmat Industrial Group"),
            _record("sbig", "Shahid Bagheri Industrial Group"),
            _record("other", "Golden Star Trading"),
        ],
    )
    ranked = index.candidates(query_keys(analyse("Shahid Hemat", True)), 10)
    assert index.record(ranked[0][0]).entity_id == "shig"
    assert "other" not in {index.record(e).entity_id for e, _ in ranked}
    assert _top(index, "SHIG", True) == "shig"


def test_typo_in_the_only_distinctive_word_is_still_retrieved(tmp_path: Path) -> None:
    index = _build(tmp_path, [_record("a", "Ardalan Machineries"), _record("b", "Other Words")])
    ranked = index.candidates(query_keys(analyse("Ardalam", True)), 10)
    assert [index.record(e).entity_id for e, _ in ranked][:1] == ["a"]


def test_the_run_together_name_outvotes_names_sharing_its_syllables(tmp_path: Path) -> None:
    # Names that share "jun" and "heng" as words, but are other parties.
    decoys = [_record(f"d{i}", f"Jun Heng {word}") for i, word in enumerate(["Lu", "Bo", "Ma"])]
    index = _build(tmp_path, [*decoys, _record("target", "Junhengyong Engineering")])
    groups = query_keys(analyse("军恒勇工程", True))
    assert {"j:junhengyongengineering": 4.0} in groups
    ranked = index.candidates(groups, 10)
    assert index.record(ranked[0][0]).entity_id == "target"


def test_short_words_are_filed_and_looked_up_run_together(tmp_path: Path) -> None:
    keys = name_keys(analyse("Jin Kyung Han", False))
    assert {"r:jinkyung", "r:kyunghan", "r:jinkyunghan"} <= keys
    # Runs have their own families: a spaced query meets the spaced name word by word only.
    assert {k for k in keys if k.startswith("w:")} == {"w:jin", "w:kyung", "w:han"}
    # Long words are not runs: "Mohammad Hosseini" is never written as one word.
    assert "w:mohammadhosseini" not in name_keys(analyse("Mohammad Hosseini", False))
    index = _build(
        tmp_path,
        [
            _record("spaced", "Jin Kyung Han"),
            _record("joined", "Kangyun Energy"),
            _record("other", "Han Jiyong"),
        ],
    )
    assert _top(index, "Jinkyung Han", False) == "spaced"
    assert _top(index, "Kang Yun Energy", True) == "joined"


def test_romanisations_of_one_name_share_a_loose_key(tmp_path: Path) -> None:
    assert loose_romanisation("wuhengbin") == loose_romanisation("wuhengpin")
    assert loose_romanisation("zhuyangbo") == loose_romanisation("chuyangbo")
    assert loose_romanisation("ryuhyejae") == loose_romanisation("lyuhyejae")
    index = _build(
        tmp_path,
        [_record("han", "吴恒斌"), _record("latin", "Yang Bo Chu"), _record("other", "Wu Heng")],
    )
    # Wade-Giles "Hengpin" reaches the Han name; the Han query reaches the family name last.
    assert _top(index, "Wu Hengpin", False) == "han"
    assert _top(index, "朱阳博", False) == "latin"


def test_two_latin_names_never_meet_on_a_loose_key() -> None:
    listed = {k for k in name_keys(analyse("Ali Hosseini", False)) if k[0] in "lm"}
    looked_up = {k for g in query_keys(analyse("Ali Hosseini", False)) for k in g if k[0] in "lm"}
    assert listed and looked_up and not listed & looked_up


def test_frequencies_count_names_per_word(tmp_path: Path) -> None:
    index = _build(
        tmp_path,
        [_record("a", "Alpha Trading"), _record("b", "Beta Trading"), _record("c", "Gamma")],
    )
    assert index.frequencies([word_key("trading"), word_key("alpha"), word_key("absent")]) == [
        2,
        1,
        0,
    ]
    assert index.names == 3
    assert index.entities == 3


def test_index_reopens_from_disk_without_rebuilding(tmp_path: Path) -> None:
    _build(tmp_path, [_record("a", "Alpha Trading"), _record("b", "Beta")])
    reopened = MatchIndex(tmp_path)
    assert reopened.record(1).entity_id == "b"
    keys = np.load(tmp_path / files.KEYS, mmap_mode="r")
    assert isinstance(keys, np.memmap)
    assert list(keys) == sorted(keys)


def test_common_keys_are_skipped_unless_nothing_rarer_exists(tmp_path: Path) -> None:
    index = _build(tmp_path, [_record("a", "Trading"), _record("b", "Trading")])
    # Only a common word: the rarest key is still used, so the query is not left empty.
    assert len(index.candidates(query_keys(analyse("Trading", True)), 10)) == 2
    assert index.candidates([{"w:nothing-like-this": 1.0}], 10) == []


def test_empty_index_answers_nothing(tmp_path: Path) -> None:
    index = _build(tmp_path, [])
    assert index.candidates([{"w:anything": 1.0}], 5) == []
    assert index.frequencies(["w:anything"]) == [0]


def test_a_slip_in_a_short_word_is_retrieved_through_deletions(tmp_path: Path) -> None:
    index = _build(
        tmp_path, [_record("maco", "Maco Precision"), _record("other", "Tare Precision Metals")]
    )
    keys = name_keys(analyse("Maco", True))
    assert {"d:maco", "d:mac", "d:aco"} <= keys
    ranked = index.candidates(query_keys(analyse("Macx Precision", True)), 10)
    assert index.record(ranked[0][0]).entity_id == "maco"


def test_a_word_found_by_spelling_and_sound_votes_once(tmp_path: Path) -> None:
    index = _build(tmp_path, [_record("a", "Hemmat"), _record("b", "Other")])
    # Both keys reach "a" (one name of two): the group gives it its best key's vote only.
    [(entity, vote)] = index.candidates([{"w:hemmat": 1.0, "p:HMT": 0.8}], 10)
    assert entity == 0
    assert vote == pytest.approx(math.log(1 + 2 / 1))


def test_a_name_reached_by_many_words_takes_one_place_in_the_shortlist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = _build(
        tmp_path,
        [
            _record("all", "Alpha Beta Gamma Delta"),
            _record("one", "Alpha Omega"),
            _record("other", "Gamma Sigma"),
        ],
    )
    monkeypatch.setattr(search, "SHORTLIST_NAMES", 2)
    found = index.candidates(query_keys(analyse("Alpha Beta Gamma Delta", False)), 10)
    assert index.record(found[0][0]).entity_id == "all"
    assert len(found) == 2


def test_retrieval_does_not_depend_on_the_order_of_keys(tmp_path: Path) -> None:
    index = _build(tmp_path, [_record(f"e{i}", f"Alpha Beta{i % 3}") for i in range(12)])
    groups = query_keys(analyse("Alpha Beta1", False))
    shuffled = [dict(reversed(list(group.items()))) for group in groups]
    assert index.candidates(groups, 5) == index.candidates(shuffled, 5)
