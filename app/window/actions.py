"""Every command of the main window as one table: its menu, text, shortcut, tooltip and handler.

The table is the single place to read which key does what; ``build_actions`` turns it into QActions
on the window (so shortcuts work even while the menu bar is hidden in presentation mode) and into
the menus. Handlers are looked up when triggered, so they follow the document the window shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from typing import Any

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

from app.document.editing import Edge
from model.vocabulary import FlowStyle

Key = QKeySequence.StandardKey
MENUS = ("File", "Edit", "View", "Model", "Help")
ARRANGE_TIP = "Lay the current view out with Graphviz (one undo step; Ctrl+Z puts it back)"


@dataclass(frozen=True)
class Spec:
    key: str
    menu: str  # "Edit" or a submenu path such as "Edit/Align"
    text: str
    shortcut: Key | str  # a standard key (every binding the platform has), or portable text
    handler: str  # attribute path on the window, e.g. "files.save"; empty for actions made elsewhere
    tip: str = ""
    arg: Any = None
    group: str = ""  # actions in one group are checkable and exclusive
    checkable: bool = False
    enabled: bool = True
    icon: QStyle.StandardPixmap | None = None
    extra: str = ""  # another key besides the standard ones


SP = QStyle.StandardPixmap
SPECS: tuple[Spec, ...] = (
    Spec("new", "File", "&New…", Key.New, "files.new", "A new model: blank or from a template", icon=SP.SP_FileIcon),
    Spec("open", "File", "&Open…", Key.Open, "files.open", "Open a model, or import an ArchiMate exchange file",
         icon=SP.SP_DialogOpenButton),
    Spec("save", "File", "&Save", Key.Save, "files.save", "Save the model", icon=SP.SP_DialogSaveButton),
    Spec("save_as", "File", "Save &As…", Key.SaveAs, "files.save_as", "Save the model in another file"),
    Spec("print", "File", "&Print…", Key.Print, "printing.print",
         "Print the current view: fit to one page or tiled, with title block and legend"),
    Spec("print_preview", "File", "Print Pre&view…", "Ctrl+Shift+P", "printing.preview",
         "See the printed pages of the current view before printing"),
    Spec("export_view", "File", "&Export View as PNG/SVG/PDF…", "Ctrl+Shift+E", "printing.export",
         "Write the current view to a PNG, SVG or PDF file"),
    Spec("export_archimate", "File/Export Model", "&ArchiMate Exchange File…", "Ctrl+Shift+X", "exports.export",
         "The whole model for Sparx EA or Archi (Open Group exchange format 3.1)", arg="archimate"),
    Spec("export_adr", "File/Export Model", "&Decision Records…", "Ctrl+Shift+M", "exports.export",
         "Every decision as a Markdown record (MADR) in a folder, with an index", arg="adr"),
    Spec("export_report", "File/Export Model", "Governance &Report…", "Ctrl+Shift+R", "exports.export",
         "A Markdown report: ownership, interactions, violations by rule and context, waivers", arg="report"),
    Spec("export_diagram", "File/Export Model", "&Graphviz Diagram of the View…", "Ctrl+Shift+G", "exports.export",
         "The current view laid out by Graphviz as SVG, PNG, PDF or DOT", arg="diagram"),
    Spec("import_adr", "File", "&Import Decision Records…", "Ctrl+Shift+I", "exports.import_decisions",
         "Read a folder of decision records back into the model (one undo step)"),
    Spec("quit", "File", "&Quit", "Ctrl+Q", "close", "Close the window (asks to save changes)"),
    Spec("undo", "Edit", "&Undo", Key.Undo, "", icon=SP.SP_ArrowBack),
    Spec("redo", "Edit", "&Redo", Key.Redo, "", icon=SP.SP_ArrowForward, extra="Ctrl+Y"),
    Spec("copy", "Edit", "&Copy", Key.Copy, "commands.copy", "Copy the selected elements"),
    Spec("paste", "Edit", "&Paste", Key.Paste, "commands.paste", "Paste copied elements as new ones"),
    Spec("duplicate", "Edit", "D&uplicate", "Ctrl+D", "commands.duplicate", "Copy and paste in one step"),
    Spec("rename", "Edit", "Re&name", "F2", "commands.rename", "Rename the selected element or relation"),
    Spec("delete", "Edit", "&Delete from Model", Key.Delete, "commands.delete",
         "Delete the selection from the model and every view"),
    Spec("remove_from_view", "Edit", "Remove from &View", "Shift+Del", "commands.remove_from_view",
         "Take the selection off this view only; the model keeps it"),
    Spec("select_all", "Edit", "Select &All", Key.SelectAll, "commands.select_all", "Select everything in this view"),
    Spec("align_left", "Edit/Align", "&Left Edges", "Alt+Shift+Left", "commands.align", arg=Edge.LEFT),
    Spec("align_right", "Edit/Align", "&Right Edges", "Alt+Shift+Right", "commands.align", arg=Edge.RIGHT),
    Spec("align_top", "Edit/Align", "&Top Edges", "Alt+Shift+Up", "commands.align", arg=Edge.TOP),
    Spec("align_bottom", "Edit/Align", "&Bottom Edges", "Alt+Shift+Down", "commands.align", arg=Edge.BOTTOM),
    Spec("align_column", "Edit/Align", "Centres in a &Column", "Alt+Shift+C", "commands.align",
         arg=Edge.CENTRE_HORIZONTAL),
    Spec("align_row", "Edit/Align", "Centres in a Ro&w", "Alt+Shift+R", "commands.align", arg=Edge.CENTRE_VERTICAL),
    Spec("capture", "Edit", "&Capture Element…", "Ctrl+K", "focus_capture",
         "Type a name and Enter: a new element of the palette's kind next to the selection"),
    Spec("link", "Edit", "&Link Selected", "Ctrl+L", "commands.link_selected",
         "Link the two selected elements with a flow of the current style"),
    Spec("find", "Edit", "&Find in Model…", Key.Find, "focus_search", "Search the model tree"),
    Spec("zoom_in", "View", "Zoom &In", Key.ZoomIn, "zoom_in", "Zoom in", extra="Ctrl+="),
    Spec("zoom_out", "View", "Zoom &Out", Key.ZoomOut, "zoom_out", "Zoom out"),
    Spec("fit", "View", "&Fit to Window", "Ctrl+0", "fit", "Show the whole view"),
    Spec("next_view", "View", "Ne&xt View", "Ctrl+PgDown", "next_view", "Show the next view's tab"),
    Spec("previous_view", "View", "Pre&vious View", "Ctrl+PgUp", "previous_view", "Show the previous view's tab"),
    Spec("presentation", "View", "&Presentation", "F5", "presentation.toggle",
         "Full screen for workshops: large text, counts in the corner (F5 or Esc to leave)", checkable=True),
    Spec("leave_presentation", "View", "Leave Presentation", "Esc", "presentation.leave", enabled=False),
    Spec("theme_light", "View/Theme", "&Light", "Alt+Shift+L", "set_theme", arg="light", group="theme"),
    Spec("theme_dark", "View/Theme", "&Dark", "Alt+Shift+D", "set_theme", arg="dark", group="theme"),
    Spec("add_view", "Model", "&Add View…", "Ctrl+T", "tabs.add_view", "Add a view (a new diagram tab)"),
    Spec("rename_view", "Model", "&Rename View…", "Shift+F2", "tabs.rename_view", "Rename the current view"),
    Spec("delete_view", "Model", "&Delete View", "Ctrl+Shift+Del", "tabs.delete_view",
         "Delete the current view; its elements stay in the model"),
    Spec("style_query", "Model/Flow Style", "&Query", "Ctrl+1", "commands.set_flow_style", arg=FlowStyle.QUERY,
         group="flow_style"),
    Spec("style_command", "Model/Flow Style", "&Command", "Ctrl+2", "commands.set_flow_style", arg=FlowStyle.COMMAND,
         group="flow_style"),
    Spec("style_event", "Model/Flow Style", "&Event", "Ctrl+3", "commands.set_flow_style", arg=FlowStyle.EVENT,
         group="flow_style"),
    Spec("arrange", "Model", "A&rrange", "Ctrl+Shift+A", "arranger.arrange", ARRANGE_TIP),
    Spec("shortcuts", "Help", "&Keyboard Shortcuts", Key.HelpContents, "show_shortcuts", "Every command and its key"),
    Spec("capture_help", "Help", "&Capture Language", "Ctrl+Shift+K", "capturing.show_help",
         "The lines the capture field (Ctrl+K) takes, and the keyboard order"),
    Spec("about", "Help", "&About Steelframe", "Shift+F1", "show_about"),
)
TOOLBAR = ("new", "open", "save", "|", "undo", "redo", "|", "zoom_in", "zoom_out", "fit", "arrange", "presentation")


def resolve(window: QMainWindow, handler: str) -> Any:
    return reduce(getattr, handler.split("."), window)


def _trigger(window: QMainWindow, spec: Spec) -> None:
    function = resolve(window, spec.handler)
    if spec.arg is not None:
        function(spec.arg)
    else:
        function()


def keys(spec: Spec) -> list[QKeySequence]:
    """The action's keys: a standard key's platform bindings (Copy is also Ctrl+Insert), then any extra."""
    found = QKeySequence.keyBindings(spec.shortcut) if isinstance(spec.shortcut, Key) else [QKeySequence(spec.shortcut)]
    unique = {key.toString(): key for key in [*found, *([QKeySequence(spec.extra)] if spec.extra else [])]}
    return list(unique.values())  # a key listed twice would make the action's own shortcut ambiguous


def configure(action: QAction, spec: Spec, window: QMainWindow) -> None:
    """Shortcut, tooltip and icon of a spec on an action (also on the undo stack's own actions)."""
    action.setObjectName(f"action-{spec.key}")
    action.setShortcuts(keys(spec))
    tip = spec.tip or action.text().replace("&", "").removesuffix("…")
    action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
    action.setStatusTip(tip)
    if spec.icon is not None:
        action.setIcon(window.style().standardIcon(spec.icon))


def build_actions(window: QMainWindow) -> dict[str, QAction]:
    """Create every action of the table (undo and redo come from the undo stack: see ``replace``)."""
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for spec in SPECS:
        action = QAction(spec.text, window)
        configure(action, spec, window)
        action.setEnabled(spec.enabled)
        if spec.group:
            group = groups.setdefault(spec.group, QActionGroup(window))
            group.addAction(action)
            action.setCheckable(True)
        action.setCheckable(action.isCheckable() or spec.checkable)
        if spec.handler:
            action.triggered.connect(lambda _=False, s=spec: _trigger(window, s))
        window.addAction(action)
        actions[spec.key] = action
    return actions


def build_menus(window: QMainWindow, actions: dict[str, QAction]) -> dict[str, QMenu]:
    """The menu bar: File, Edit, View, Model, Help, with the table's submenus."""
    menus: dict[str, QMenu] = {}
    for name in MENUS:
        menus[name] = window.menuBar().addMenu(f"&{name}")
    last: dict[str, int] = {}
    for spec in SPECS:
        if spec.menu not in menus:
            parent, _, child = spec.menu.rpartition("/")
            menus[spec.menu] = menus[parent].addMenu(f"&{child}")
        section = _section(spec.key)
        if last.get(spec.menu, section) != section:
            menus[spec.menu].addSeparator()
        last[spec.menu] = section
        menus[spec.menu].addAction(actions[spec.key])
    return menus


_SECTIONS = (("new", "open"), ("save", "save_as"), ("quit",), ("undo", "redo"), ("copy", "paste", "duplicate"),
             ("rename", "delete", "remove_from_view"), ("select_all",), ("capture", "link", "find"),
             ("zoom_in", "zoom_out", "fit"), ("next_view", "previous_view"), ("presentation", "leave_presentation"),
             ("add_view", "rename_view", "delete_view"), ("arrange",), ("shortcuts", "capture_help", "about"))


def _section(key: str) -> int:
    return next((n for n, keys in enumerate(_SECTIONS) if key in keys), -1)


def replace(window: QMainWindow, actions: dict[str, QAction], key: str, new: QAction) -> None:
    """Put ``new`` where ``actions[key]`` is, in every menu and toolbar (undo and redo of a new document)."""
    spec = next(s for s in SPECS if s.key == key)
    configure(new, spec, window)
    old = actions.get(key)
    if old is not None:
        for widget in old.associatedObjects():
            if isinstance(widget, QMenu | QToolBar):  # not the toolbar's button: it goes with the old action
                widget.insertAction(old, new)
                widget.removeAction(old)
        window.removeAction(old)
        old.deleteLater()
    window.addAction(new)
    actions[key] = new


def shortcut_table(actions: dict[str, QAction]) -> list[tuple[str, str, str]]:
    """(menu, command, key) for every action, as Help > Keyboard Shortcuts lists them."""
    rows = []
    for spec in SPECS:
        action = actions[spec.key]
        rows.append((spec.menu.replace("/", " > "), action.text().replace("&", ""),
                     action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
    return rows
