"""Reading YAML and JSON contract files safely: plain data only, bounded in size and in alias expansion.

PyYAML's safe loader (libyaml's when installed) already refuses ``!!python/...`` tags; on top of it a file larger than
``MAX_BYTES`` is refused before it is read, and a document whose aliases would expand to more than
``MAX_NODES`` nodes (a "billion laughs" bomb) is refused before anything is built. Every mapping
remembers the line it starts on, so that later checks can say ``FILE:LINE: reason``.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from exporters.contracts.errors import refuse
from model.safe_files import UnsafeFileError, kind_of, read_regular

MAX_BYTES = 16 * 1024 * 1024
MAX_NODES = 1_000_000


class YamlMap(dict[Any, Any]):
    """A mapping read from a file, with the 1-based line it starts on."""

    line: int = 0


def line_of(value: object, default: int = 0) -> int:
    return value.line if isinstance(value, YamlMap) else default


_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[valid-type,misc]
    """The safe loader (libyaml's parser when there is one), with mappings that know their line and a
    bound on alias expansion, checked on the composed nodes before anything is constructed."""

    anchored = True  # False when the text has no "&": no anchor, so no alias to expand

    def get_node(self) -> yaml.Node | None:
        node: yaml.Node | None = super().get_node()
        if node is not None and self.anchored:
            _bounded(node, {}, set())
        return node


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> Iterator[YamlMap]:
    mapping = YamlMap()
    mapping.line = node.start_mark.line + 1
    yield mapping
    mapping.update(loader.construct_mapping(node))


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)


class _TooLarge(Exception):
    def __init__(self, node: yaml.Node, reason: str) -> None:
        self.node = node
        self.reason = reason


def _bounded(node: yaml.Node, sizes: dict[int, int], open_: set[int]) -> int:
    """How many nodes ``node`` stands for once every alias is expanded; raises past MAX_NODES."""
    key = id(node)
    if key in sizes:
        return sizes[key]
    if key in open_:
        raise _TooLarge(node, "an alias refers to the node that contains it")
    open_.add(key)
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_bounded(child, sizes, open_) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size += sum(_bounded(k, sizes, open_) + _bounded(v, sizes, open_) for k, v in node.value)
    open_.discard(key)
    if size > MAX_NODES:
        raise _TooLarge(node, f"its aliases expand to more than {MAX_NODES:,} nodes")
    sizes[key] = size
    return size


def read_text(path: Path) -> str:
    """The file's text, refused when not a regular file, too large or not UTF-8."""
    try:
        info = path.stat()
    except OSError as error:
        refuse(path, 0, error.strerror or str(error))
    if not stat.S_ISREG(info.st_mode):
        refuse(path, 0, f"is {kind_of(info.st_mode)}, not a regular file; a contract is read from a file")
    if info.st_size > MAX_BYTES:
        refuse(path, 0, f"the file is {info.st_size:,} bytes; contracts larger than {MAX_BYTES:,} bytes are not read")
    try:
        return read_regular(path, MAX_BYTES, "contract").decode("utf-8-sig")
    except UnicodeDecodeError as error:
        refuse(path, 0, f"not UTF-8 text (byte 0x{error.object[error.start]:02x} at offset {error.start})")
    except UnsafeFileError as error:
        refuse(path, 0, str(error).removeprefix(f"{path}: "))
    except OSError as error:
        refuse(path, 0, error.strerror or str(error))


def load_documents(path: Path, text: str | None = None) -> list[Any]:
    """Every YAML document of the file (JSON is YAML too), as plain data."""
    text = read_text(path) if text is None else text
    loader = _Loader(text)
    loader.anchored = "&" in text
    try:
        documents = []
        while loader.check_data():
            document = loader.get_data()
            if document is not None:
                documents.append(document)
        return documents
    except _TooLarge as error:
        refuse(path, error.node.start_mark.line + 1, f"refused: {error.reason}")
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        refuse(path, mark.line + 1 if mark else 0, _constructor_reason(error))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        refuse(path, mark.line + 1 if mark else 0, f"not valid YAML: {problem}")
    except RecursionError:
        refuse(path, 0, "not read: the document is nested too deeply")
    except ValueError as error:  # a scalar PyYAML cannot convert (an integer of thousands of digits)
        refuse(path, 0, f"not valid YAML: {error}")
    finally:
        loader.dispose()


def _constructor_reason(error: yaml.constructor.ConstructorError) -> str:
    problem = error.problem or str(error)
    if "tag" in problem:
        tag = problem.split("tag", 1)[1].strip(" '")
        tag = tag.replace("tag:yaml.org,2002:", "!!")
        return f"the tag {tag} is not allowed: contracts are plain YAML"
    return f"not valid YAML: {problem}"
