"""Every action of the main window as one table: its menu, text, shortcut, tooltip and what it runs.

The table is the single place to read which key does what; ``build_actions`` turns it into QActions
on the window (so shortcuts work even while the menu bar is hidden in presentation mode) and into
the menus. What an action runs is a function of the window (``Window``, checked by mypy), called
when triggered, so it follows the document the window shows. Edits on the selection are the
canvas's edit verbs (``app.canvas.verbs``), run on the current view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

from app.canvas import verbs
from app.canvas.view import DiagramView
from app.contracts.commands import ContractCommands
from app.document.editing import Edge
from app.files.controller import FileController
from app.files.exports import ModelExports
from app.printing.commands import PrintCommands
from app.window.arrange import Arranger
from app.window.capture_commands import CaptureCommands
from app.window.presentation import Presentation
from app.window.teamwork import Teamwork
from app.window.views_tabs import ViewTabs
from model.vocabulary import FlowStyle

Key = QKeySequence.StandardKey
MENUS = ("File", "Edit", "View", "Model", "Help")
ARRANGE_TIP = "Lay the current view out with Graphviz (one undo step; Ctrl+Z puts it back)"


class Window(Protocol):
    """What the table's actions run on: the main window and its controllers."""

    files: FileController
    printing: PrintCommands
    exports: ModelExports
    arranger: Arranger
    presentation: Presentation
    tabs: ViewTabs
    teamwork: Teamwork
    contracts: ContractCommands
    capturing: CaptureCommands

    def close(self) -> bool: ...
    def on_canvas(self, verb: Callable[[DiagramView], object]) -> None:
        """Run an edit verb on the current view, or say there is none."""
        ...
    def rename(self) -> None: ...
    def focus_capture(self) -> None: ...
    def focus_search(self) -> None: ...
    def zoom_in(self) -> None: ...
    def zoom_out(self) -> None: ...
    def fit(self) -> None: ...
    def next_view(self) -> None: ...
    def previous_view(self) -> None: ...
    def set_theme(self, theme: str) -> None: ...
    def set_flow_style(self, style: FlowStyle) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_about(self) -> None: ...


Run = Callable[[Window], object]


def on_canvas(verb: Callable[[DiagramView], object]) -> Run:
    return lambda window: window.on_canvas(verb)


def align(edge: Edge) -> Run:
    return on_canvas(lambda view: verbs.align(view, edge))


@dataclass(frozen=True)
class Spec:
    key: str
    menu: str  # "Edit" or a submenu path such as "Edit/Align"
    text: str
    shortcut: Key | str  # a standard key (every binding the platform has), or portable text
    run: Run | None  # None for actions made elsewhere (undo and redo come from the undo stack)
    tip: str = ""
    group: str = ""  # actions in one group are checkable and exclusive
    checkable: bool = False
    enabled: bool = True
    icon: QStyle.StandardPixmap | None = None
    extra: str = ""  # another key besides the standard ones


SP = QStyle.StandardPixmap
SPECS: tuple[Spec, ...] = (
    Spec("new", "File", "&New…", Key.New, lambda w: w.files.new(),
         "A new model: blank or from a template", icon=SP.SP_FileIcon),
    Spec("open", "File", "&Open…", Key.Open, lambda w: w.files.open(),
         "Open a model, or import an ArchiMate exchange file",
         icon=SP.SP_DialogOpenButton),
    Spec("save", "File", "&Save", Key.Save, lambda w: w.files.save(), "Save the model", icon=SP.SP_DialogSaveButton),
    Spec("save_as", "File", "Save &As…", Key.SaveAs, lambda w: w.files.save_as(), "Save the model in another file"),
    Spec("print", "File", "&Print…", Key.Print, lambda w: w.printing.print(),
         "Print the current view: fit to one page or tiled, with title block and legend"),
    Spec("print_preview", "File", "Print Pre&view…", "Ctrl+Shift+P", lambda w: w.printing.preview(),
         "See the printed pages of the current view before printing"),
    Spec("export_view", "File", "&Export View as PNG/SVG/PDF…", "Ctrl+Shift+E", lambda w: w.printing.export(),
         "Write the current view to a PNG, SVG or PDF file"),
    Spec("export_archimate", "File/Export Model", "&ArchiMate Exchange File…", "Ctrl+Shift+X",
         lambda w: w.exports.export("archimate"),
         "The whole model for Sparx EA or Archi (Open Group exchange format 3.1)"),
    Spec("export_adr", "File/Export Model", "&Decision Records…", "Ctrl+Shift+M", lambda w: w.exports.export("adr"),
         "Every decision as a Markdown record (MADR) in a folder, with an index"),
    Spec("export_report", "File/Export Model", "Governance &Report…", "Ctrl+Shift+R",
         lambda w: w.exports.export("report"),
         "A Markdown or HTML report: ownership, interactions, violations by rule and context, waivers"),
    Spec("export_asyncapi", "File/Export Model", "Async&API Documents…", "Ctrl+Alt+A",
         lambda w: w.exports.export("asyncapi"),
         "One AsyncAPI 3 document per context that sends or receives events, in a folder"),
    Spec("export_backstage", "File/Export Model", "&Backstage Catalog…", "Ctrl+Alt+B",
         lambda w: w.exports.export("backstage"),
         "Teams, contexts, services, APIs and datastores as catalog-info.yaml entities"),
    Spec("export_diagram", "File/Export Model", "&Graphviz Diagram of the View…", "Ctrl+Shift+G",
         lambda w: w.exports.export("diagram"),
         "The current view laid out by Graphviz as SVG, PNG, PDF or DOT"),
    Spec("export_mermaid", "File/Export Model", "&Mermaid Flowchart of the View…", "Ctrl+Alt+M",
         lambda w: w.exports.export("mermaid"),
         "The current view as a Mermaid flowchart, which GitHub and GitLab draw in Markdown"),
    Spec("export_likec4", "File/Export Model", "&LikeC4 Model…", "Ctrl+Alt+K",
         lambda w: w.exports.export("likec4"),
         "The model as LikeC4 source: a specification of the kinds, the model and every view"),
    Spec("export_structurizr", "File/Export Model", "&Structurizr Workspace…", "Ctrl+Alt+S",
         lambda w: w.exports.export("structurizr"),
         "The contexts, services and flows as a Structurizr DSL workspace with a view per view"),
    Spec("import_adr", "File", "&Import Decision Records…", "Ctrl+Shift+I", lambda w: w.exports.import_decisions(),
         "Read a folder of decision records back into the model (one undo step)"),
    Spec("compare", "File", "Compare &With…", "Ctrl+Shift+K", lambda w: w.teamwork.compare(),
         "Mark what changed since another model file or a git revision of this one"),
    Spec("quit", "File", "&Quit", "Ctrl+Q", lambda w: w.close(), "Close the window (asks to save changes)"),
    Spec("undo", "Edit", "&Undo", Key.Undo, None, icon=SP.SP_ArrowBack),
    Spec("redo", "Edit", "&Redo", Key.Redo, None, icon=SP.SP_ArrowForward, extra="Ctrl+Y"),
    Spec("copy", "Edit", "&Copy", Key.Copy, on_canvas(verbs.copy), "Copy the selected elements"),
    Spec("paste", "Edit", "&Paste", Key.Paste, on_canvas(verbs.paste), "Paste copied elements as new ones"),
    Spec("duplicate", "Edit", "D&uplicate", "Ctrl+D", on_canvas(verbs.duplicate), "Copy and paste in one step"),
    Spec("rename", "Edit", "Re&name", "F2", lambda w: w.rename(), "Rename the selected element or relation"),
    Spec("delete", "Edit", "&Delete from Model", Key.Delete, on_canvas(verbs.delete),
         "Delete the selection from the model and every view"),
    Spec("remove_from_view", "Edit", "Remove from &View", "Shift+Del", on_canvas(verbs.remove_from_view),
         "Take the selection off this view only; the model keeps it"),
    Spec("select_all", "Edit", "Select &All", Key.SelectAll, on_canvas(verbs.select_all),
         "Select everything in this view"),
    Spec("align_left", "Edit/Align", "&Left Edges", "Alt+Shift+Left", align(Edge.LEFT)),
    Spec("align_right", "Edit/Align", "&Right Edges", "Alt+Shift+Right", align(Edge.RIGHT)),
    Spec("align_top", "Edit/Align", "&Top Edges", "Alt+Shift+Up", align(Edge.TOP)),
    Spec("align_bottom", "Edit/Align", "&Bottom Edges", "Alt+Shift+Down", align(Edge.BOTTOM)),
    Spec("align_column", "Edit/Align", "Centres in a &Column", "Alt+Shift+C", align(Edge.CENTRE_HORIZONTAL)),
    Spec("align_row", "Edit/Align", "Centres in a Ro&w", "Alt+Shift+R", align(Edge.CENTRE_VERTICAL)),
    Spec("capture", "Edit", "&Capture Element…", "Ctrl+K", lambda w: w.focus_capture(),
         "Type a name and Enter: a new element of the palette's kind next to the selection"),
    Spec("link", "Edit", "&Link Selected", "Ctrl+L", on_canvas(DiagramView.link_selected),
         "Link the two selected elements with the relation their kinds allow (a menu when several fit)"),
    Spec("find", "Edit", "&Find in Model…", Key.Find, lambda w: w.focus_search(), "Search the model tree"),
    Spec("zoom_in", "View", "Zoom &In", Key.ZoomIn, lambda w: w.zoom_in(), "Zoom in", extra="Ctrl+="),
    Spec("zoom_out", "View", "Zoom &Out", Key.ZoomOut, lambda w: w.zoom_out(), "Zoom out"),
    Spec("fit", "View", "&Fit to Window", "Ctrl+0", lambda w: w.fit(), "Show the whole view"),
    Spec("next_view", "View", "Ne&xt View", "Ctrl+PgDown", lambda w: w.next_view(), "Show the next view's tab"),
    Spec("previous_view", "View", "Pre&vious View", "Ctrl+PgUp", lambda w: w.previous_view(),
         "Show the previous view's tab"),
    Spec("presentation", "View", "&Presentation", "F5", lambda w: w.presentation.toggle(),
         "Full screen for workshops: large text, counts in the corner (F5 or Esc to leave)", checkable=True),
    Spec("leave_presentation", "View", "Leave Presentation", "Esc", lambda w: w.presentation.leave(), enabled=False),
    Spec("theme_light", "View/Theme", "&Light", "Alt+Shift+L", lambda w: w.set_theme("light"), group="theme"),
    Spec("theme_dark", "View/Theme", "&Dark", "Alt+Shift+D", lambda w: w.set_theme("dark"), group="theme"),
    Spec("add_view", "Model", "&Add View…", "Ctrl+T", lambda w: w.tabs.add_view(), "Add a view (a new diagram tab)"),
    Spec("rename_view", "Model", "&Rename View…", "Shift+F2", lambda w: w.tabs.rename_view(),
         "Rename the current view"),
    Spec("delete_view", "Model", "&Delete View", "Ctrl+Shift+Del", lambda w: w.tabs.delete_view(),
         "Delete the current view; its elements stay in the model"),
    Spec("style_query", "Model/Flow Style", "&Query", "Ctrl+1", lambda w: w.set_flow_style(FlowStyle.QUERY),
         group="flow_style"),
    Spec("style_command", "Model/Flow Style", "&Command", "Ctrl+2", lambda w: w.set_flow_style(FlowStyle.COMMAND),
         group="flow_style"),
    Spec("style_event", "Model/Flow Style", "&Event", "Ctrl+3", lambda w: w.set_flow_style(FlowStyle.EVENT),
         group="flow_style"),
    Spec("arrange", "Model", "A&rrange", "Ctrl+Shift+A", lambda w: w.arranger.arrange(), ARRANGE_TIP),
    Spec("check_contracts", "Model", "Check Against &Contracts…", "Ctrl+Alt+C", lambda w: w.contracts.check_against(),
         "Drift between the model and a folder of AsyncAPI documents and Backstage catalog files"),
    Spec("add_found", "Model", "Add &Found to Model", "Ctrl+Alt+F", lambda w: w.contracts.add_found(),
         "Add the element or flow the chosen drift finding shows the model lacks (one undo step)"),
    Spec("shortcuts", "Help", "&Keyboard Shortcuts", Key.HelpContents, lambda w: w.show_shortcuts(),
         "Every command and its key"),
    Spec("capture_help", "Help", "&Capture Language", "Ctrl+F1", lambda w: w.capturing.show_help(),
         "The lines the capture field (Ctrl+K) takes, and the keyboard order"),
    Spec("about", "Help", "&About Steelframe", "Shift+F1", lambda w: w.show_about()),
)
TOOLBAR = ("new", "open", "save", "|", "undo", "redo", "|", "zoom_in", "zoom_out", "fit", "arrange", "presentation")


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


def build_actions(window: QMainWindow, target: Window) -> dict[str, QAction]:
    """Create every action of the table on ``window``, running on ``target`` (the same window)."""
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
        if spec.run is not None:
            action.triggered.connect(lambda _=False, run=spec.run: run(target))
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
             ("compare",), ("rename", "delete", "remove_from_view"), ("select_all",), ("capture", "link", "find"),
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
