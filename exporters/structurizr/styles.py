"""The workspace's ``styles``: each exported kind in the palette's colours, flows as the canvas draws them."""

from __future__ import annotations

from model.palette import KIND_COLOURS
from model.vocabulary import ElementKind, FlowStyle

K = ElementKind
INK = "#1b1b1b"
FLOW_INK = "#37474f"
UNDECLARED_INK = "#8a8a8a"
LEGACY = "Legacy"

#: kind -> (tag, shape); the tag carries the style.
ELEMENT_TAGS: dict[ElementKind, tuple[str, str]] = {
    K.CONTEXT: ("Context", "RoundedBox"),
    K.SERVICE: ("Service", "RoundedBox"),
    K.ACL: ("Anti-corruption layer", "Hexagon"),
    K.SYSTEM: ("System", "Box"),
}
#: flow style -> (tag, line style, colour, thickness).
FLOW_TAGS: dict[FlowStyle, tuple[str, str, str, int]] = {
    FlowStyle.QUERY: ("Query", "solid", FLOW_INK, 2),
    FlowStyle.COMMAND: ("Command", "dashed", FLOW_INK, 3),
    FlowStyle.EVENT: ("Event", "dotted", FLOW_INK, 2),
    FlowStyle.UNDECLARED: ("Undeclared", "dashed", UNDECLARED_INK, 1),
}


def styles() -> list[str]:
    lines = ["styles {"]
    for kind, (tag, shape) in ELEMENT_TAGS.items():
        colours = KIND_COLOURS[kind]
        lines += [f'    element "{tag}" {{', f"        shape {shape}", f"        background {colours.fill}",
                  f"        stroke {colours.line}", f"        color {INK}", "    }"]
    lines += [f'    element "{LEGACY}" {{', "        border dashed", "    }"]
    for tag, style, colour, thickness in FLOW_TAGS.values():
        lines += [f'    relationship "{tag}" {{', f"        style {style}", f"        color {colour}",
                  f"        thickness {thickness}", "    }"]
    return [*lines, "}"]
