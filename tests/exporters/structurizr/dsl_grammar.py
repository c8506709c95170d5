"""A checker for the part of the Structurizr DSL the exporter writes, after the language reference
(docs.structurizr.com/dsl/language) and the parser's tokenizer: no Structurizr parser runs here
(it is Java, from Maven), so the tests hold the exports to these rules instead.

Lines are statements; tokens are separated by spaces; a double-quoted token ends at a quote that has
no backslash before it; a block opens with ``{`` at the end of its line and closes with ``}`` alone
on a line; ``${NAME}`` is replaced by a constant or an environment variable; ``//`` starts a comment.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

IDENTIFIER = re.compile(r"[a-zA-Z0-9_][a-zA-Z0-9_-]*")
SHAPES = {"Box", "RoundedBox", "Circle", "Ellipse", "Hexagon", "Cylinder", "Pipe", "Person", "Robot", "Folder",
          "WebBrowser", "MobileDevicePortrait", "MobileDeviceLandscape", "Component"}
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
LINES = {"solid", "dashed", "dotted"}


class DslError(AssertionError):
    pass


def tokenize(line: str) -> list[str]:
    """The parser's tokenizer: spaces separate tokens; ``\\"`` inside quotes is a quote."""
    tokens: list[str] = []
    token: list[str] | None = None
    quoted = False
    for index, char in enumerate(line.strip()):
        if token is None:
            if char != " ":
                token, quoted = ([], True) if char == '"' else ([char], False)
        elif char == '"' and line.strip()[index - 1] == "\\":
            token[-1] = '"'
        elif (quoted and char == '"') or (not quoted and char == " "):
            tokens.append("".join(token))
            token = None
        else:
            token.append(char)
    if token is not None:
        if quoted:
            raise DslError(f"unterminated string: {line.strip()}")
        tokens.append("".join(token))
    return tokens


@dataclass
class Workspace:
    """What the checked DSL defines: identifiers -> (type, parent), relationships, views, styles."""

    elements: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    relationships: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)
    views: dict[str, list[str]] = field(default_factory=dict)
    styled: set[str] = field(default_factory=set)


def check(dsl: str) -> Workspace:
    """The workspace ``dsl`` defines; a DslError names the first line breaking a rule."""
    found = Workspace()
    stack: list[str] = []
    for number, line in enumerate(dsl.splitlines(), 1):
        text = line.strip()
        if not text or text.startswith("//"):
            continue
        if line.endswith("\\"):
            raise DslError(f"line {number} ends in a backslash and would continue on the next")
        if re.search(r"\$\{[a-zA-Z0-9-_.]+?}", text):
            raise DslError(f"line {number} holds a ${{...}} substitution")
        tokens = tokenize(text)
        try:
            _statement(found, stack, tokens)
        except DslError as error:
            raise DslError(f"line {number}: {error}: {text}") from None
    if stack:
        raise DslError(f"unclosed blocks: {stack}")
    _semantics(found)
    return found


def _statement(found: Workspace, stack: list[str], tokens: list[str]) -> None:
    where = stack[-1] if stack else ""
    if tokens == ["}"]:
        if not stack:
            raise DslError("} without a block")
        stack.pop()
        return
    opens = tokens[-1] == "{"
    body = tokens[:-1] if opens else tokens
    kind = _kind(found, stack, where, body)
    if opens:
        stack.append(kind)
    elif kind in {"workspace", "model", "views", "styles", "properties", "group", "element-style",
                  "relationship-style", "view"}:
        raise DslError(f"{kind} needs a block")


def _kind(found: Workspace, stack: list[str], where: str, body: list[str]) -> str:
    head = body[0]
    if not stack:
        _arity(body, 1, 3, head == "workspace")
        return "workspace"
    if where == "workspace":
        if head == "!identifiers":
            _arity(body, 2, 2, body[1] in {"flat", "hierarchical"})
            return "directive"
        _arity(body, 1, 1, head in {"model", "views"})
        return head
    if where in {"model", "group", "softwareSystem"} and len(body) > 2 and body[1] == "=":
        return _element(found, stack, body)
    if where in {"model", "softwareSystem"} and head == "group":
        _arity(body, 2, 2, True)
        found.groups.setdefault(body[1], [])
        return "group"
    if where == "model" and len(body) >= 3 and body[1] == "->":
        _arity(body, 3, 6, True)
        source, target, *rest = body[0], body[2], *body[3:]
        description, technology, tags = [*rest, "", "", ""][:3]
        found.relationships.append((source, target, description, technology, tags))
        return "relationship"
    if where in {"softwareSystem", "container"} and head == "properties":
        return "properties"
    if where == "properties":
        _arity(body, 2, 2, True)
        return "property"
    if where == "views":
        return _view(found, body)
    if where == "view":
        return _view_rule(found, body)
    if where == "styles":
        _arity(body, 2, 2, head in {"element", "relationship"})
        found.styled.add(f"{head}:{body[1]}")
        return f"{head}-style"
    if where in {"element-style", "relationship-style"}:
        return _style(where, body)
    raise DslError(f"{head!r} is not allowed in {where}")


def _arity(tokens: list[str], least: int, most: int, ok: bool) -> None:
    if not ok or not least <= len(tokens) <= most:
        raise DslError(f"{tokens[0]!r} takes {least - 1} to {most - 1} values")


def _element(found: Workspace, stack: list[str], body: list[str]) -> str:
    identifier, keyword = body[0], body[2]
    if not IDENTIFIER.fullmatch(identifier):
        raise DslError(f"identifier {identifier!r} breaks the rule a-zA-Z0-9_- (not starting with -)")
    if identifier.casefold() in {i.casefold() for i in found.elements}:
        raise DslError(f"identifier {identifier!r} is defined twice")
    systems = [s for s in stack if s.startswith("softwareSystem")]
    if keyword == "softwareSystem" and not systems:
        _arity(body[2:], 2, 4, True)
        found.elements[identifier] = ("softwareSystem", None)
    elif keyword == "container" and stack[-1] == "softwareSystem":
        _arity(body[2:], 2, 5, True)
        found.elements[identifier] = ("container", _current_system(found))
    else:
        raise DslError(f"a {keyword} cannot be defined here")
    found.names[identifier] = body[3]
    if "group" in stack:
        next(reversed(found.groups.values())).append(identifier)
    return keyword


def _current_system(found: Workspace) -> str:
    return next(i for i, (kind, _) in reversed(list(found.elements.items())) if kind == "softwareSystem")


def _view(found: Workspace, body: list[str]) -> str:
    if body[0] == "styles":
        _arity(body, 1, 1, True)
        return "styles"
    _arity(body, 1, 3, body[0] == "systemLandscape")
    key = body[1] if len(body) > 1 else ""
    if key in found.views:
        raise DslError(f"view key {key!r} is used twice")
    found.views[key] = []
    return "view"


def _view_rule(found: Workspace, body: list[str]) -> str:
    key = next(reversed(found.views))
    if body[0] == "include":
        found.views[key] += body[1:]
    elif body[0] == "autoLayout":
        _arity(body, 1, 4, len(body) == 1 or body[1] in {"tb", "bt", "lr", "rl"})
    elif body[0] in {"title", "description"}:
        _arity(body, 2, 2, True)
    else:
        raise DslError(f"{body[0]!r} is not a view rule")
    return "rule"


def _style(where: str, body: list[str]) -> str:
    _arity(body, 2, 2, True)
    name, value = body
    element: dict[str, Callable[[str], object]] = {
        "shape": SHAPES.__contains__, "background": COLOUR.fullmatch, "color": COLOUR.fullmatch,
        "stroke": COLOUR.fullmatch, "border": LINES.__contains__}
    relationship: dict[str, Callable[[str], object]] = {
        "style": LINES.__contains__, "color": COLOUR.fullmatch, "thickness": str.isdigit}
    rules = element if where == "element-style" else relationship
    if name not in rules or not rules[name](value):
        raise DslError(f"{name} {value} is not a {where} property")
    return "style"


def _semantics(found: Workspace) -> None:
    seen: set[tuple[str, str, str]] = set()
    for source, target, description, _, _ in found.relationships:
        for end in (source, target):
            if end not in found.elements:
                raise DslError(f"relationship from {source} to {target}: {end} is not defined")
        if found.elements[source][1] == target or found.elements[target][1] == source or source == target:
            raise DslError(f"relationship from {source} to {target} joins a parent and its child")
        if (source, target, description) in seen:
            raise DslError(f"a relationship {source} -> {target} {description!r} already exists")
        seen.add((source, target, description))
    for key, included in found.views.items():
        for identifier in included:
            if identifier != "*" and found.elements.get(identifier, ("", None))[0] != "softwareSystem":
                raise DslError(f"view {key}: {identifier} is not a software system")
