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

#: What stands in an empty section; reading a section that holds only this gives back nothing.
PLACEHOLDERS = {
    CONTEXT: "{Describe the context and the problem statement.}",
    DRIVERS: "{No decision drivers recorded.}",
    OPTIONS: "{No options recorded.}",
    OUTCOME: "{Chosen option, and why: not recorded yet.}",
    CONSEQUENCES: "{Consequences not recorded yet.}",
    PROS_AND_CONS: "{No options recorded.}",
}
#: The line under each option's heading in "Pros and Cons of the Options" until someone completes it.
PROS_AND_CONS_TODO = '{Pros and cons not recorded yet: add "* Good, because …" and "* Bad, because …" lines.}'
