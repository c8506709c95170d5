"""The native file format: deterministic text, exact round trips, one-line reasons for bad files, atomic saves."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from model.elements import ELEMENT_CLASSES
from model.errors import ModelError
from model.exchange import ExchangeArchive
from model.fileformat import (
    FORMAT_VERSION,
    UPGRADES,
    FileFormatError,
    building,
    from_json,
    load_model,
    save_model,
    to_json,
    writing,
)
from model.relations import RELATION_CLASSES
from model.store import Model
from model.vocabulary import ElementKind, RelationKind
from tests.bad_files import BAD_CONTENT, ctx, document, rel
from tests.builders import ELEMENTS, REFERRING, RELATIONS, Builder, rich_model

# ------------------------------------------------------------ a rich model


def test_the_rich_model_uses_every_kind() -> None:
    model = rich_model()
    assert {e.kind for e in model.elements()} == set(ELEMENT_CLASSES)  # type: ignore[attr-defined]
    assert {r.kind for r in model.relations()} == set(RELATION_CLASSES)  # type: ignore[attr-defined]


def test_round_trip_is_byte_identical() -> None:
    text = to_json(rich_model())
    assert to_json(from_json(text)) == text


def test_insertion_order_does_not_change_the_text() -> None:
    assert to_json(rich_model(reverse=True)) == to_json(rich_model())


def by_id(items: list[Any]) -> list[Any]:
    return sorted(items, key=lambda item: item.id)


def test_round_trip_keeps_every_value() -> None:
    original = rich_model()
    loaded = from_json(to_json(original))
    assert by_id(loaded.elements()) == by_id(original.elements())
    assert by_id(loaded.relations()) == by_id(original.relations())
    assert by_id(loaded.views()) == by_id(original.views())
    assert by_id(loaded.waivers()) == by_id(original.waivers())
    assert loaded.settings == original.settings
    for view in original.views():
        assert loaded.layouts(view.id) == original.layouts(view.id)
    assert loaded.container_of("checkout") == "ordering"
    assert loaded.referrers("order_placed") == ["r_flow_event"]


def test_text_is_sorted_small_and_readable() -> None:
    text = to_json(rich_model())
    data = json.loads(text)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert list(data) == sorted(data) and data["format"] == FORMAT_VERSION
    assert [e["id"] for e in data["elements"]] == sorted(e["id"] for e in data["elements"])
    assert [r["id"] for r in data["relations"]] == sorted(r["id"] for r in data["relations"])
    assert {"id": "invoice", "kind": "fact", "name": "invoice"} in data["elements"]
    assert {"id": "r_uses", "kind": "uses", "source": "checkout", "target": "orders_db"} in data["relations"]
    assert '"tags": []' not in text and '"description": ""' not in text and "null" not in text
    assert "Ünïcode ✓" in text and "\n  " in text
    main = next(v for v in data["views"] if v["id"] == "v_main")
    assert main["nodes"]["checkout"] == {"x": 20.5, "y": 40.0}
    assert main["edges"]["r_owns"] == {}
    assert [rule["type"] for rule in data["settings"]["custom_rules"]] == ["forbid-flow", "require-attribute"]


def test_an_empty_model_round_trips() -> None:
    text = to_json(Model())
    empty = {"elements": [], "format": FORMAT_VERSION, "relations": [], "settings": {}, "views": [], "waivers": []}
    assert json.loads(text) == empty
    assert to_json(from_json(text)) == text


def test_loading_is_one_load_transaction(monkeypatch: pytest.MonkeyPatch) -> None:
    labels: list[str] = []

    class Spy(Model):
        def transaction(self, label: str, *args: Any, **kwargs: Any) -> Any:
            labels.append(label)
            return super().transaction(label, *args, **kwargs)

    monkeypatch.setattr(building, "Model", Spy)
    from_json(to_json(rich_model()))
    assert labels == ["Load"]


def test_references_to_later_elements_and_cycles_load() -> None:
    text = json.dumps({"format": 1, "elements": [
        {"id": "a", "kind": "decision", "supersedes": ["b"]},
        {"id": "b", "kind": "decision", "supersedes": ["a"]},
    ]})
    model = from_json(text)
    assert model.element("a").supersedes == ["b"]  # type: ignore[attr-defined]
    assert model.element("b").supersedes == ["a"]  # type: ignore[attr-defined]


def test_a_waiver_may_name_a_missing_decision_so_sf019_can_report_it() -> None:
    text = json.dumps({"format": 1, "waivers": [{"id": "w", "decision": "gone", "rule": "SF001", "elements": ["x"]}]})
    assert from_json(text).waiver("w").decision == "gone"


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.steelframe.json"
    path.write_bytes(b"\xef\xbb\xbf" + to_json(rich_model()).encode())
    assert to_json(load_model(path)) == to_json(rich_model())


# -------------------------------------------------------------- bad files


@pytest.mark.parametrize(("content", "reason"), [(c, r) for _, c, r in BAD_CONTENT], ids=[n for n, _, _ in BAD_CONTENT])
def test_a_bad_file_is_refused_with_one_line_naming_file_and_path(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.steelframe.json"
    path.write_bytes(content)
    with pytest.raises(FileFormatError) as caught:
        load_model(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert reason in message
    assert "\n" not in message
    assert isinstance(caught.value, ModelError)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match=r"nowhere\.steelframe\.json: cannot read it: no such file$"):
        load_model(tmp_path / "nowhere.steelframe.json")


def test_a_directory(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="is a directory"):
        load_model(tmp_path)


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.steelframe.json"
    path.write_text(to_json(Model()))

    def refuse(self: Path, limit: int, what: str) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr("model.fileformat.reading.read_regular", refuse)
    with pytest.raises(FileFormatError, match=r"locked\.steelframe\.json: cannot read it: permission denied$"):
        load_model(path)


def test_from_json_names_its_source() -> None:
    with pytest.raises(FileFormatError, match=r"^<string>: \$: expected a JSON object"):
        from_json("3")
    with pytest.raises(FileFormatError, match=r"^retail\.steelframe\.json: "):
        from_json("{}", source="retail.steelframe.json")


# ---------------------------------------------------------------- upgrades


def test_an_older_file_is_upgraded_step_by_step(monkeypatch: pytest.MonkeyPatch) -> None:
    def from_minus_one(data: dict[str, Any]) -> dict[str, Any]:
        data["title"] = data.pop("caption")
        return data

    def from_zero(data: dict[str, Any]) -> dict[str, Any]:
        assert data["format"] == 0, "each step gets the data of its own version"
        return {"format": 0, "settings": {"name": data["title"]}, "elements": data["boxes"]}

    monkeypatch.setitem(UPGRADES, -1, from_minus_one)
    monkeypatch.setitem(UPGRADES, 0, from_zero)
    old = json.dumps({"format": -1, "caption": "Old estate", "boxes": [ctx("a")]})
    model = from_json(old)
    assert model.name == "Old estate"
    assert [e.id for e in model.elements()] == ["a"]
    assert json.loads(to_json(model))["format"] == FORMAT_VERSION


def test_a_failing_upgrade_is_a_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(UPGRADES, 0, lambda data: data["missing"])
    with pytest.raises(FileFormatError, match=r"^old\.json: cannot upgrade it from format 0: 'missing'$"):
        from_json('{"format": 0}', source="old.json")


def test_an_upgraded_document_is_still_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(UPGRADES, 0, lambda data: {"elements": [{"id": "x", "kind": "gizmo"}]})
    with pytest.raises(FileFormatError, match=r"\$\.elements\[0\]\.kind"):
        from_json('{"format": 0}')


# ------------------------------------------------------------------ saving


def test_save_then_load(tmp_path: Path) -> None:
    path = tmp_path / "rich.steelframe.json"
    save_model(rich_model(), path)
    assert path.read_text(encoding="utf-8") == to_json(rich_model())
    assert to_json(load_model(path)) == to_json(rich_model())
    assert [p.name for p in tmp_path.iterdir()] == ["rich.steelframe.json"]


def _fail_replace(*args: Any) -> None:
    raise OSError(errno.EXDEV, "Invalid cross-device link")


def _fail_fsync(fd: int) -> None:
    raise OSError(errno.EIO, "Input/output error")


class _HalfWrite:
    """A stream that writes half of what it is given, then finds the disk full."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def __enter__(self) -> _HalfWrite:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()

    def write(self, data: bytes) -> int:
        self._stream.write(data[: len(data) // 2])
        self._stream.flush()
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("failure", ["replace", "fsync", "disk-full", "serializer"])
def test_a_failed_save_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    path = tmp_path / "estate.steelframe.json"
    save_model(Builder().model, path)
    before = path.read_bytes()
    if failure == "replace":
        monkeypatch.setattr(os, "replace", _fail_replace)
    elif failure == "fsync":
        monkeypatch.setattr(os, "fsync", _fail_fsync)
    elif failure == "disk-full":
        real_fdopen = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda fd, mode: _HalfWrite(real_fdopen(fd, mode)))
    else:
        monkeypatch.setattr(writing, "_to_json", lambda model: 1 / 0)
    expected = ZeroDivisionError if failure == "serializer" else FileFormatError
    with pytest.raises(expected):
        save_model(rich_model(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["estate.steelframe.json"], "the temporary file is removed"


def test_a_failed_save_says_why_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fsync", _fail_fsync)
    path = tmp_path / "estate.steelframe.json"
    with pytest.raises(FileFormatError, match=r"estate\.steelframe\.json: cannot write it: Input/output error$"):
        save_model(Model(), path)
    assert list(tmp_path.iterdir()) == []


def test_save_into_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "absent" / "estate.steelframe.json"
    with pytest.raises(FileFormatError, match=r"cannot write it: the folder .*absent' does not exist$"):
        save_model(Model(), path)
    assert not path.parent.exists()


def test_save_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "estate.steelframe.json"
    save_model(Model(), path)
    path.chmod(0o640)
    save_model(rich_model(), path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        save_model(Model(), tmp_path / "new.steelframe.json")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.steelframe.json").stat().st_mode & 0o777 == 0o644


def test_save_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "real.steelframe.json"
    save_model(Model(), real)
    link = tmp_path / "link.steelframe.json"
    link.symlink_to(real)
    save_model(rich_model(), link)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == to_json(rich_model())


# ------------------------------------------------------------- performance


def large_document(contexts: int = 5000) -> str:
    """40,000 items: 15,000 elements and 25,000 relations, with a view of 5,000 boxes and 5,000 routes."""
    elements, relations, nodes, edges = [], [], {}, {}
    for i in range(contexts):
        elements += [ctx(f"c{i}", name=f"Context {i}", tags=["t"]), {"id": f"f{i}", "kind": "fact"},
                     {"id": f"s{i}", "kind": "service"}]
        relations += [
            rel("owns", f"c{i}", f"f{i}", f"o{i}"),
            rel("contains", f"c{i}", f"s{i}", f"k{i}"),
            rel("flow", f"s{i}", f"c{(i + 1) % contexts}", f"e{i}", style="event", carries=[f"f{i}"]),
            rel("flow", f"c{i}", f"c{(i + 7) % contexts}", f"q{i}", style="query"),
            rel("flow", f"c{i}", f"c{(i + 3) % contexts}", f"u{i}"),
        ]
        nodes[f"c{i}"] = {"x": i * 10.5, "y": 2.0 * i}
        edges[f"q{i}"] = {"bends": [{"x": 1.0, "y": 2.0}]}
    return document(elements=elements, relations=relations, views=[{"id": "v", "name": "All", "nodes": nodes,
                                                                   "edges": edges}])


def test_a_40000_item_model_loads_saves_and_loads_the_same(tmp_path: Path) -> None:
    """How fast this goes is the benchmark's business (python -m bench); that it works at this size is a test's."""
    path = tmp_path / "large.steelframe.json"
    path.write_text(large_document(), encoding="utf-8")
    model = load_model(path)
    assert len(model.elements()) + len(model.relations()) == 40_000
    assert len(model.layouts("v")) == 10_000
    save_model(model, path)
    again = load_model(path)
    assert to_json(again) == to_json(model)
    assert len(again.elements()) + len(again.relations()) == 40_000


def test_loading_does_not_leave_the_garbage_collector_off() -> None:
    import gc

    assert gc.isenabled()
    from_json(to_json(rich_model()))
    with pytest.raises(FileFormatError):
        from_json("{}")
    assert gc.isenabled()


def test_element_kinds_of_the_fixture_cover_the_vocabulary() -> None:
    kinds = {kind for kind, _, _ in [*ELEMENTS, *REFERRING]}
    assert kinds == {str(k) for k in ElementKind}
    assert {kind for kind, *_ in RELATIONS} == {str(k) for k in RelationKind}


def test_a_format_1_file_is_upgraded_on_load() -> None:
    """Format 2 added the exchange part; every format-1 file reads as it was written."""
    model = rich_model()
    data = json.loads(to_json(model))
    data["format"] = 1
    assert to_json(from_json(json.dumps(data), "old.steelframe.json")) == to_json(model)


def test_the_exchange_part_survives_a_round_trip() -> None:
    model = Model()
    archive = ExchangeArchive(
        model_identifier="id-model", metadata="<metadata/>", elements={"id-x": '<element identifier="id-x"/>'},
        diagrams={"v1": "<view/>"},
    )
    with model.transaction("Import"):
        model.set_exchange(archive)
    loaded = from_json(to_json(model))
    assert loaded.exchange == archive
