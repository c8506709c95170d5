"""The MADR 4.0 layout Steelframe writes and reads back: headings, front matter keys, placeholders."""

from __future__ import annotations

TITLE_PREFIX = "# "
CONTEXT = "## Context and Problem Statement"
DRIVERS = "## Decision Drivers"
OPTIONS = "## Considered Options"
OUTCOME = "## Decision Outcome"
CONSEQUENCES = "### Consequences"
PROS_AND_CONS = "## Pros and Cons of the Options"
MORE = "## More Information"
WAIVED = "### Waived violations"

#: The headings of a record, in the order they are written and searched for when reading.
HEADINGS = (CONTEXT, DRIVERS, OPTIONS, OUTCOME, CONSEQUENCES, PROS_AND_CONS, MORE)

#: The front matter key that marks a record written by Steelframe and names its decision.
ID_KEY = "steelframe-id"
#: The first line of an index Steelframe wrote (so that a later export may replace it).
INDEX_MARKER = "<!-- steelframe: decision index, written by `steelframe export --to adr`; edits are overwritten -->"
INDEX_FILES = ("README.md", "index.md")

#: The sentence in a required section the decision leaves empty; reading it back gives nothing.
#: (MADR requires only these two; an empty optional section is left out.)
EMPTY = {
    CONTEXT: "The model does not record the problem this decision answers yet.",
    OUTCOME: "The model does not record the outcome of this decision yet.",
}
#: The outcome of a decision that has options but no outcome yet; read back as no outcome.
NO_CHOICE = "No option has been chosen yet."
#: The line under each option's heading in "Pros and Cons of the Options" until someone completes it.
#: ASCII only, so that a record an editor saves in Latin-1 or another legacy encoding still reads back.
PROS_AND_CONS_TODO = (
    'Pros and cons of this option are not recorded yet (add "* Good, because ..." and "* Bad, because ..." lines).'
)
#: What Steelframe wrote in empty sections before it wrote sentences; still read as nothing.
OLD_PLACEHOLDERS = {
    CONTEXT: "{Describe the context and the problem statement.}",
    DRIVERS: "{No decision drivers recorded.}",
    OPTIONS: "{No options recorded.}",
    OUTCOME: "{Chosen option, and why: not recorded yet.}",
    CONSEQUENCES: "{Consequences not recorded yet.}",
    PROS_AND_CONS: "{No options recorded.}",
}
OLD_PROS_AND_CONS_TODO = '{Pros and cons not recorded yet: add "* Good, because …" and "* Bad, because …" lines.}'


def empty_texts(heading: str) -> tuple[str, ...]:
    """What a section may hold that means "nothing recorded"."""
    texts = (EMPTY.get(heading), OLD_PLACEHOLDERS.get(heading), NO_CHOICE if heading == OUTCOME else None)
    return tuple(text for text in texts if text)
