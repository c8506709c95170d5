"""One model as sorted lines of meaning, for git's textconv: ``git log -p`` then shows semantic lines."""

from __future__ import annotations

import json

from model.merge.flat import flatten
from model.store import Model


def model_listing(model: Model) -> str:
    """``section kind [id]  attribute = value`` per non-empty attribute, sorted so that lines diff well.

    Lines name items by id, not by name, so that a rename changes one line rather than all of them.
    """
    lines: list[str] = []
    for section, items in flatten(model).items():
        for item, attributes in items.items():
            kind = attributes.get("kind", section.rstrip("s"))
            for attribute, value in attributes.items():
                if value not in (None, "", [], {}, False) and attribute != "kind":
                    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
                    lines.append(f"{section} {kind} [{item}]  {attribute} = {text}")
    return "\n".join(sorted(lines)) + "\n"
