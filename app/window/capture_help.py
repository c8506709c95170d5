"""Help > Capture Language: the lines the capture field (Ctrl+K) takes, and the keyboard order."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

LINES = (
    ("Ordering", "an element of the palette's kind (a context by default), next to the selection"),
    ("team: Checkout team · fact: Order · system: Policy platform · event: OrderPlaced",
     "an element of that kind (any kind: context, service, system, acl, team, fact, datastore or db, event,"
     " topic, saga, invariant, reconciliation, decision, note)"),
    ("Ordering -> Pricing", "a flow of the current flow style (Ctrl+1/2/3)"),
    ("Ordering -> Pricing: query · Ordering -> Payments: command · … : async command",
     "a flow of that style; a word after the style names the flow"),
    ("Ordering -> Fulfillment: event OrderPlaced",
     "an event flow delivering OrderPlaced; the event is created if missing, published by the sender's context"),
    ("Checkout team owns Ordering", "team-owns (a team and a context)"),
    ("Ordering owns Order · Billing replicates Order · Checkout writes Order · Ordering uses Orders DB",
     "the relation of that name (also publishes, contains, coordinates, guards, spans, covers)"),
)
RULES = (
    "Names match whatever the case. An unknown name on a relation line is created when only one kind fits"
    " it (the owned end of <i>owns</i> is a fact; the ends of <i>-&gt;</i> are contexts); otherwise the"
    " field says which kinds would fit. A name that exists selects it. A line the model cannot take is"
    " refused with the reason beside the field, and nothing changes. Every accepted line is one undo step.",
    "While typing, the grey suggestion completes a name of the model: <b>Right</b> (at the end) takes it,"
    " <b>Up</b>/<b>Down</b> pick another. Enter always submits exactly what is typed, and the field keeps"
    " the keyboard for the next line.",
    "Keyboard order: <b>Ctrl+K</b> the capture field · <b>Tab</b> from it the canvas · <b>Shift+Tab</b> from it"
    " the model tree's search (Ctrl+F) · <b>Esc</b> back to the canvas. On the canvas: arrows move the"
    " selection box to box (Shift adds), <b>Tab</b>/<b>Insert</b> name a new box next to the selection,"
    " <b>F2</b> renames, <b>Ctrl+L</b> links the two selected elements (a menu when several relations fit).",
)


def capture_help_html() -> str:
    rows = "".join(f"<tr><td><code>{line}</code></td><td>{result}</td></tr>" for line, result in LINES)
    notes = "".join(f"<p>{rule}</p>" for rule in RULES)
    return f"<h3>Capture by typing (Ctrl+K)</h3><table cellpadding='4'>{rows}</table>{notes}"


def show_capture_help(parent: QWidget) -> None:
    box = QMessageBox(QMessageBox.Icon.NoIcon, "Capture language", capture_help_html(),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("capture-help")
    box.exec()
