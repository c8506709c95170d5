"""Writing Structurizr DSL safely: identifiers it registers, and double-quoted tokens it reads back whole.

The DSL is read line by line: a token ends at its closing quote unless a backslash stands before
it, ``${NAME}`` is replaced by a constant or an environment variable, and a line ending in a
backslash continues on the next. So every string is one line, its quotes are escaped, a trailing
backslash is kept away from the closing quote, and ``${`` is broken up.
"""

from __future__ import annotations

from collections.abc import Iterable

from exporters.diagram.ids import identifiers

#: Keywords of the DSL; an identifier spelled as one would read as the keyword.
_KEYWORDS = """
    workspace model views styles group person softwareSystem container component element deploymentEnvironment
    deploymentNode infrastructureNode softwareSystemInstance containerInstance enterprise this tags description
    technology url properties perspectives systemLandscape systemContext filtered dynamic deployment custom image
    include exclude autoLayout default animation title theme themes branding terminology configuration users
    relationship archetypes instanceOf healthCheck scope visibility
"""
RESERVED = frozenset(_KEYWORDS.split())


def identifiers_for(ids: Iterable[str]) -> dict[str, str]:
    """Model id -> DSL identifier: ``a-zA-Z0-9_-``, not starting with ``-``, never a keyword, unique."""
    return identifiers(ids, r"[^A-Za-z0-9_-]", RESERVED, start=r"[A-Za-z0-9_]")


def quoted(value: str) -> str:
    """``value`` as one double-quoted DSL token that the parser gives back unchanged (on one line)."""
    text = " ".join(value.split()).replace("${", "$ {").replace('"', '\\"')
    if text.endswith("\\"):
        text += " "
    return f'"{text}"'


def tag_list(tags: Iterable[str]) -> str:
    """Tags as the DSL's one comma-separated token (a comma inside a tag would split it)."""
    clean = [" ".join(tag.replace(",", " ").split()) for tag in tags]
    return quoted(",".join(dict.fromkeys(tag for tag in clean if tag)))
