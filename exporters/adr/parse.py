"""Reading back the Markdown of a record Steelframe wrote: its front matter, title and sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from exporters.adr.frontmatter import FrontValue, split_front_matter
from exporters.adr.template import HEADINGS, ID_KEY, PLACEHOLDERS, PROS_AND_CONS, PROS_AND_CONS_TODO

_BULLET = re.compile(r"^[*-](?: (.*))?$")  # "*" alone: an empty item whose trailing space was trimmed


@dataclass(frozen=True)
class ParsedRecord:
    header: dict[str, FrontValue]
    title: str
    sections: dict[str, str] = field(default_factory=dict)

    @property
    def decision_id(self) -> str | None:
        value = self.header.get(ID_KEY)
        return value if isinstance(value, str) and value else None

    def text(self, heading: str) -> str:
        """A section's text, or "" when it holds only its placeholder."""
        body = self.sections.get(heading, "")
        return "" if body == PLACEHOLDERS.get(heading) else body

    def items(self, heading: str) -> list[str]:
        return bullet_items(self.text(heading))

    def pros_and_cons(self) -> dict[str, str]:
        """Option title -> what a person wrote under it (options still holding the placeholder left out)."""
        found: dict[str, list[str]] = {}
        current: list[str] | None = None
        for line in self.sections.get(PROS_AND_CONS, "").split("\n"):
            if line.startswith("### "):
                current = found.setdefault(line[4:].strip(), [])
            elif current is not None:
                current.append(line)
        kept = {option: "\n".join(lines).strip() for option, lines in found.items()}
        return {option: text for option, text in kept.items() if text and text != PROS_AND_CONS_TODO}


def parse_record(text: str) -> ParsedRecord | None:
    """The parts of a record written by Steelframe, or None when the file is not one."""
    split = split_front_matter(text.replace("\r\n", "\n"))
    if split is None:
        return None
    header, body = split
    if not isinstance(header.get(ID_KEY), str):
        return None
    lines = body.split("\n")
    positions = _heading_positions(lines)
    first = min((p for p in positions.values()), default=len(lines))
    title = next((line[2:].strip() for line in lines[:first] if line.startswith("# ")), "")
    ordered = sorted(positions.items(), key=lambda item: item[1])
    sections = {}
    for index, (heading, start) in enumerate(ordered):
        end = ordered[index + 1][1] if index + 1 < len(ordered) else len(lines)
        sections[heading] = "\n".join(lines[start + 1:end]).strip()
    return ParsedRecord(header, title, sections)


def not_a_record(text: str) -> str:
    """Why ``parse_record`` found no record in ``text``, in words."""
    lines = text.replace("\r\n", "\n").split("\n")
    if lines[0].strip() != "---":
        return f"it does not start with a '---' front matter header holding {ID_KEY} (not a record Steelframe wrote)"
    if not any(line.strip() in ("---", "...") for line in lines[1:]):
        return "its front matter header is not closed by a '---' line"
    split = split_front_matter("\n".join(lines))
    value = split[0].get(ID_KEY) if split is not None else None
    if value is None:
        return f"its front matter has no {ID_KEY} (not a record Steelframe wrote)"
    return f"its {ID_KEY} is {type(value).__name__ if not isinstance(value, list) else 'a list'}, not one id"


def _heading_positions(lines: list[str]) -> dict[str, int]:
    """Where each known heading stands, each searched for after the one before it (missing ones skipped)."""
    positions: dict[str, int] = {}
    after = -1
    for heading in HEADINGS:
        for index in range(after + 1, len(lines)):
            if lines[index].rstrip() == heading:
                positions[heading] = after = index
                break
    return positions


def bullet_items(text: str) -> list[str]:
    """``* item`` lines, with indented continuation lines joined to their item."""
    items: list[list[str]] = []
    for line in text.split("\n"):
        match = _BULLET.match(line)
        if match is not None:
            items.append([match.group(1) or ""])
        elif items and (line.startswith("  ") or not line.strip()):
            items[-1].append(line[2:])
    return ["\n".join(item).strip() for item in items]
