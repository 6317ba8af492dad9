"""The analysis dock: which capabilities could be shared, for the open map or a folder of maps.

Everything it shows comes from :mod:`wardley.analysis` (no Qt there); this module
only lists the report, lights up the selected capability on the canvas and
records a room's merge decisions in the library's aliases file. A folder of a
few dozen maps takes milliseconds, so the analysis runs on the UI thread.

Every name and sentence is shown as plain text (tree items and a plain-text
label), so a component called ``<b>x</b>`` shows its tags.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QHeaderView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wardley.analysis import Capability, LibraryReport, analyse_maps, map_files, report_to_markdown
from wardley.io import MapFileError
from wardley.io.atomic import write_atomically
from wardley.io.formats import format_named, formats
from wardley.model import Change, WardleyMap
from wardley.render.spread import write_spread
from wardley.ui.editor_document import EditorDocument
from wardley.ui.panels.analysis_library import MapLibrary, aliases_path
from wardley.wording import counted

TIER_TITLES = {"strong": "Strong candidates", "possible": "Possible candidates", "none": "Not candidates now"}
BADGE_WORDS = {
    "inconsistent-placement": "placed differently",
    "custom-built-commodity": "custom-built commodity",
    "duplicated-supply": "duplicated supply",
    "use-a-utility": "use a utility",
    "too-early": "too early",
}
#: Export writes the spread picture for these (the report formats that are pictures); anything
#: else is the Markdown report.
PICTURE_SUFFIXES = tuple(f.suffix for f in formats("report") if f.needs_qt)
#: Edits to the map re-run the analysis after this pause, so the list follows the map.
RERUN_DELAY_MS = 800
_NAME_ROLE = Qt.ItemDataRole.UserRole


def _rgb(color: QColor) -> tuple[int, int, int]:
    return color.red(), color.green(), color.blue()


def badge_words(badges: list[str]) -> str:
    return ", ".join(BADGE_WORDS.get(badge, badge) for badge in badges)


def capability_text(capability: Capability) -> str:
    """The plain-words explanation: the tier sentence, then one line per badge."""
    lines = [capability.tier_sentence or capability.explanation]
    lines += [f"\u2022 {sentence}" for sentence in capability.badge_sentences.values()]
    return "\n".join(lines)


class AnalysisPanel(QDockWidget):
    #: Element ids to light up on the canvas (empty: clear).
    highlight_requested = Signal(list)
    #: A one-line message for the status bar.
    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Analysis", parent)
        self.setObjectName("analysis")
        self.editor: EditorDocument | None = None
        self.report: LibraryReport | None = None
        #: None: the open map on its own; else the folder analysed (the open map counted when in it).
        self.folder: Path | None = None
        #: The label the open map has in the report, when it is in it.
        self.map_label: str | None = None
        #: The folder's maps (a re-run after each edit reads again only the files changed
        #: on disk) and the room's merge decisions.
        self.library = MapLibrary()
        #: Asks for a folder: (parent, start folder) -> chosen folder or None. Replaced in tests.
        self.ask_folder: Callable[[QWidget, str], Path | None] = _ask_folder
        self.ask_save_path: Callable[[QWidget, str], Path | None] = _ask_markdown_path
        #: Asks for a capability's new name: (parent, current name) -> new name or None. Replaced in tests.
        self.ask_new_name: Callable[[QWidget, str], str | None] = _ask_new_name
        #: Asks which of a capability's component names to split out: (parent, names) -> name or None.
        self.ask_split_name: Callable[[QWidget, list[str]], str | None] = _ask_split_name

        self.run_map_button = QPushButton("This Map")
        self.run_map_button.setToolTip("Analyse the open map on its own")
        self.run_map_button.clicked.connect(self.run_on_map)
        self.run_folder_button = QPushButton("Fol&der...")
        self.run_folder_button.setToolTip("Analyse every map in a folder (the open map counts with its unsaved changes)")
        self.run_folder_button.clicked.connect(self.choose_folder)
        self.export_button = QPushButton("Export...")
        self.export_button.setToolTip("Save the report as Markdown (for a workshop's notes), or the spread picture "
                                      "as PNG, SVG or PDF (for a cabinet paper)")
        self.export_button.clicked.connect(self.export_dialog)
        self.scope = self._plain_label()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Capability", "Maps", "Badges"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 150)
        self.tree.itemSelectionChanged.connect(self._capability_selected)
        self.detail = self._plain_label()
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.merges_title = QLabel("Suggested merges: are these the same thing?")
        self.merges = QListWidget()
        self.merges.itemSelectionChanged.connect(self._merge_selected)
        #: Why the selected pair looks like one thing (plain text).
        self.merge_reason = self._plain_label()
        self.same_button = QPushButton("&Accept: Same Thing")
        self.same_button.setToolTip("Count both names as one capability from now on (saved in the aliases file)")
        self.same_button.clicked.connect(lambda: self.confirm_merge(self._chosen_merge()))
        self.different_button = QPushButton("&Reject: Different")
        self.different_button.setToolTip("Never suggest this pair again (saved in the aliases file)")
        self.different_button.clicked.connect(lambda: self.reject_merge(self._chosen_merge()))

        self.rename_button = QPushButton("Rename...")
        self.rename_button.setToolTip("Give the selected capability the name the room uses (saved in the aliases file)")
        self.rename_button.clicked.connect(self.rename_dialog)
        self.split_button = QPushButton("Split Out...")
        self.split_button.setToolTip("Take one of the selected capability's component names out into a capability "
                                     "of its own (saved in the aliases file)")
        self.split_button.clicked.connect(self.split_dialog)

        buttons = QHBoxLayout()
        for button in (self.run_map_button, self.run_folder_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        decide = QHBoxLayout()
        decide.addWidget(self.same_button)
        decide.addWidget(self.different_button)
        decide.addStretch(1)
        # The sentences can run to ten lines: they scroll in their own box, and the user can
        # drag the split, so the list keeps its room.
        detail_box = QScrollArea()
        detail_box.setWidgetResizable(True)
        detail_box.setFrameShape(QFrame.Shape.NoFrame)
        detail_box.setWidget(self.detail)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        edit = QHBoxLayout()
        edit.addWidget(self.rename_button)
        edit.addWidget(self.split_button)
        edit.addStretch(1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(edit)
        lower_layout.addWidget(detail_box, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(lower)
        split.setSizes([1, 1])  # halves, whatever the dock's height
        split.setChildrenCollapsible(False)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.scope)
        layout.addWidget(split, 1)
        layout.addWidget(self.merges_title)
        layout.addWidget(self.merges)
        layout.addWidget(self.merge_reason)
        layout.addLayout(decide)
        self.setWidget(body)

        self.rerun_timer = QTimer(self)
        self.rerun_timer.setSingleShot(True)
        self.rerun_timer.setInterval(RERUN_DELAY_MS)
        self.rerun_timer.timeout.connect(self.rerun)
        self.visibilityChanged.connect(self._visibility_changed)
        self._show_report()

    def _plain_label(self) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return label

    # -- which map -----------------------------------------------------------
    def set_editor(self, editor: EditorDocument) -> None:
        if self.editor is not None:
            self.editor.document.changed.disconnect(self._map_changed)
        self.editor = editor
        editor.document.changed.connect(self._map_changed)
        self.report, self.folder, self.map_label = None, None, None
        self._show_report()
        if self.isVisible():
            self.run_on_map()

    def _map_changed(self, change: Change) -> None:
        if self.report is not None and self.isVisible():
            self.rerun_timer.start()

    def _visibility_changed(self, visible: bool) -> None:
        if not visible:
            self.highlight_requested.emit([])
        elif self.report is None and self.editor is not None:
            self.run_on_map()
        else:
            self._capability_selected()

    # -- running -------------------------------------------------------------
    def run_on_map(self) -> None:
        if self.editor is None:
            return
        self.folder = None
        label = str(self.editor.path) if self.editor.path is not None else self.editor.display_name
        self._run([(label, self.editor.document.map)], label)

    def choose_folder(self) -> None:
        start = str(self.folder or (self.editor.path.parent if self.editor and self.editor.path else Path.home()))
        chosen = self.ask_folder(self, start)
        if chosen is not None:
            self.run_on_folder(chosen)

    def run_on_folder(self, folder: Path) -> bool:
        """Analyse every map in ``folder``; the open map, when in it, with its unsaved changes."""
        if self.editor is None:
            return False
        here = self.editor.path.resolve() if self.editor.path is not None else None
        maps: list[tuple[str, WardleyMap]] = []
        label = None
        try:
            for path in map_files([folder]):
                if here is not None and path.resolve() == here:
                    label = str(path)
                    maps.append((label, self.editor.document.map))
                else:
                    maps.append((str(path), self.library.read(path)))
        except MapFileError as error:
            self._say(f"Could not analyse the folder: {error.lines()[0]}")
            return False
        self.folder = Path(folder)
        self._run(maps, label)
        return True

    def rerun(self) -> None:
        self.rerun_timer.stop()
        if self.folder is None or not self.run_on_folder(self.folder):
            self.run_on_map()

    def aliases_path(self) -> Path | None:
        return aliases_path(self.folder, self.editor.path if self.editor is not None else None)

    def _run(self, maps: list[tuple[str, WardleyMap]], map_label: str | None) -> None:
        chosen = self.selected_capability()
        aliases, warning = self.library.aliases(self.aliases_path())
        if warning:
            self._say(warning)
        self.report = analyse_maps(maps, aliases=aliases)
        self.map_label = map_label
        self._show_report(chosen)

    # -- showing --------------------------------------------------------------
    def _show_report(self, keep: str | None = None) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self.merges.clear()
        report = self.report
        if report is None:
            self.scope.setText("Which components could councils or services share? Analyse this map or a folder.")
        else:
            if self.folder is None:
                where = "This map"
            else:
                note = "" if self.map_label else ", not including the open map"
                where = f"Folder {self.folder.name}: {counted(len(report.maps), 'map')}{note}"
            self.scope.setText(f"{where}: {counted(len(report.capabilities), 'capability', 'capabilities')}")
            # Between the text and the background: set apart, yet readable (the palette's disabled
            # grey is too light to read at arm's length; this is about 4.7:1 for black on white).
            text, base = self.palette().color(QPalette.ColorRole.Text), self.palette().color(QPalette.ColorRole.Base)
            dim = QBrush(QColor(*(round(0.55 * a + 0.45 * b) for a, b in zip(_rgb(text), _rgb(base), strict=True))))
            for tier, title in TIER_TITLES.items():
                chosen = [c for c in report.capabilities if c.tier == tier]
                top = QTreeWidgetItem([f"{title} ({len(chosen)})"])
                top.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(top)
                top.setFirstColumnSpanned(True)
                for capability in chosen:
                    badges = badge_words(capability.badges)
                    item = QTreeWidgetItem([capability.name, str(len(capability.maps)), badges])
                    item.setToolTip(2, badges)
                    item.setData(0, _NAME_ROLE, capability.name)
                    # Greyed only when the open map is in the report: a map outside the folder
                    # would grey every row and say nothing.
                    if self.map_label is not None and self.map_label not in capability.maps:
                        for column in range(3):
                            item.setForeground(column, dim)
                        item.setToolTip(0, "Not on the open map")
                    top.addChild(item)
                    if capability.name == keep:
                        item.setSelected(True)
                top.setExpanded(tier != "none")
            for merge in report.suggested_merges:
                first, second = merge.names
                row = QListWidgetItem(f"{first}  \u2194  {second}   ({merge.similarity:.0%} alike)")
                row.setData(_NAME_ROLE, merge.names)
                # Plain text: a tooltip with no markup is not read as rich text.
                row.setToolTip(merge.reason.replace("<", "\u2039").replace(">", "\u203a"))
                self.merges.addItem(row)
            self.tree.resizeColumnToContents(1)
        self.tree.blockSignals(False)
        has_merges = bool(report and report.suggested_merges)
        if has_merges:
            rows = min(self.merges.count(), 3)
            self.merges.setFixedHeight(rows * self.merges.sizeHintForRow(0) + 2 * self.merges.frameWidth() + 4)
        self.merges_title.setVisible(has_merges)
        self.merges.setVisible(has_merges)
        self.export_button.setEnabled(report is not None)
        if has_merges:
            # The first suggestion is chosen, so Accept / Reject (Alt+A / Alt+R) act at once.
            self.merges.setCurrentRow(0)
        self._merge_selected()
        self._capability_selected()

    def tier_names(self) -> dict[str, list[str]]:
        """Capability names listed under each tier, in order (what the user sees)."""
        found: dict[str, list[str]] = {}
        for index, tier in enumerate(TIER_TITLES):
            top = self.tree.topLevelItem(index)
            children = [top.child(i) for i in range(top.childCount())] if top else []
            found[tier] = [child.text(0) for child in children if child is not None]
        return found

    def select_capability(self, name: str | None) -> None:
        self.tree.clearSelection()
        for top_index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(top_index)
            if top is None:
                continue
            for i in range(top.childCount()):
                child = top.child(i)
                if child is not None and child.data(0, _NAME_ROLE) == name:
                    child.setSelected(True)
                    self.tree.scrollToItem(child)

    def selected_capability(self) -> str | None:
        items = self.tree.selectedItems()
        return items[0].data(0, _NAME_ROLE) if items else None

    def _capability_selected(self) -> None:
        name = self.selected_capability()
        capability = self.report.capability(name) if self.report is not None and name else None
        self.rename_button.setEnabled(capability is not None)
        self.split_button.setEnabled(capability is not None and len({p.name for p in capability.placements}) > 1)
        if capability is None:
            self.detail.setText("Select a capability to see why it is in its tier and light it up on the map.")
            self.highlight_requested.emit([])
            return
        text = capability_text(capability)
        ids: list[str] = []
        if self.map_label is not None and self.editor is not None and self.report is not None:
            lit = self.report.highlight(capability.name, self.map_label)
            document = self.editor.document
            ids = [i for i in dict.fromkeys([*lit.element_ids, *lit.need_ids]) if document.has_element(i)]
        if self.map_label is None:
            # Not "not on the open map": the open map may well hold it, it just was not analysed.
            text += "\n(The open map is not in this folder, so nothing is lit up on it.)"
        elif not ids:
            text += "\n(Not on the open map.)"
        self.detail.setText(text)
        self.highlight_requested.emit(ids)

    # -- merges ----------------------------------------------------------------
    def _chosen_merge(self) -> tuple[str, str] | None:
        items = self.merges.selectedItems()
        return tuple(items[0].data(_NAME_ROLE)) if items else None  # type: ignore[return-value]

    def _merge_selected(self) -> None:
        items = self.merges.selectedItems()
        self.merge_reason.setText(f"Why: {items[0].toolTip()}" if items and items[0].toolTip() else "")
        self.merge_reason.setVisible(bool(items))
        chosen = self._chosen_merge() is not None
        self.same_button.setEnabled(chosen)
        self.different_button.setEnabled(chosen)
        self.same_button.setVisible(self.merges.isVisibleTo(self))
        self.different_button.setVisible(self.merges.isVisibleTo(self))

    def _canonical(self, names: tuple[str, str]) -> tuple[str, str]:
        """(kept name, merged name): the capability on more maps keeps its name."""
        assert self.report is not None
        first, second = (self.report.capability(n) for n in names)
        if first is not None and second is not None and len(second.maps) > len(first.maps):
            return names[1], names[0]
        return names[0], names[1]

    def confirm_merge(self, names: tuple[str, str] | None) -> None:
        if names is None or self.report is None:
            return
        kept, merged = self._canonical(names)
        path = self.aliases_path()
        try:
            self.library.record_merge(path, kept, merged)
        except MapFileError as error:
            self._say(f"Could not record the merge: {error.lines()[0]}")
            return
        where = f"saved in {path.name}" if path is not None else "for this session (save the map to keep it)"
        self._say(f"{merged} now counts as {kept}, {where}")
        self.rerun()

    def reject_merge(self, names: tuple[str, str] | None) -> None:
        if names is None or self.report is None:
            return
        path = self.aliases_path()
        try:
            self.library.record_keep_apart(path, names)
        except MapFileError as error:
            self._say(f"Could not record the decision: {error.lines()[0]}")
            return
        self._say(f"{names[0]} and {names[1]} are kept apart")
        self.rerun()

    # -- rename and split --------------------------------------------------------
    def rename_dialog(self) -> None:
        name = self.selected_capability()
        if name is None:
            return
        new_name = self.ask_new_name(self, name)
        if new_name and new_name.strip() and new_name.strip() != name:
            self.rename_capability(name, new_name.strip())

    def rename_capability(self, name: str, new_name: str) -> None:
        path = self.aliases_path()
        try:
            self.library.record_rename(path, name, new_name)
        except MapFileError as error:
            self._say(f"Could not record the new name: {error.lines()[0]}")
            return
        self._say(f"{name} is now called {new_name}")
        self.rerun()
        self.select_capability(new_name)

    def split_dialog(self) -> None:
        name = self.selected_capability()
        capability = self.report.capability(name) if self.report is not None and name else None
        if capability is None:
            return
        names = sorted({placement.name for placement in capability.placements})
        chosen = self.ask_split_name(self, names)
        if chosen:
            self.split_out(chosen)

    def split_out(self, component_name: str) -> None:
        path = self.aliases_path()
        try:
            self.library.record_split(path, component_name)
        except MapFileError as error:
            self._say(f"Could not record the split: {error.lines()[0]}")
            return
        self._say(f"{component_name} is now a capability of its own")
        self.rerun()

    # -- export ------------------------------------------------------------------
    def export_dialog(self) -> Path | None:
        if self.report is None:
            return None
        folder = self.folder or (self.editor.path.parent if self.editor and self.editor.path else Path.home())
        chosen = self.ask_save_path(self, str(folder / "shared-platform-analysis.md"))
        if chosen is None:
            return None
        if chosen.suffix.lower() not in (".md", *PICTURE_SUFFIXES):
            chosen = chosen.with_name(chosen.name + ".md")
        return self.export_to(chosen)

    def export_to(self, path: Path) -> Path | None:
        if self.report is None:
            return None
        try:
            if path.suffix.lower() in PICTURE_SUFFIXES:
                write_spread(self.report, path)
            else:
                write_atomically(path, report_to_markdown(self.report).encode("utf-8"))
        except OSError as error:
            self._say(f"Could not save {path.name}: {error.strerror or error}")
            return None
        self._say(f"Saved the {'spread picture' if path.suffix.lower() in PICTURE_SUFFIXES else 'analysis'} "
                  f"as {path.name}")
        return path

    def _say(self, text: str) -> None:
        self.status_message.emit(text)


def _ask_folder(parent: QWidget, start: str) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, "Analyse a folder of maps", start)
    return Path(chosen) if chosen else None


def _ask_new_name(parent: QWidget, current: str) -> str | None:
    text, accepted = QInputDialog.getText(parent, "Rename capability", "New name:", text=current)
    return text if accepted else None


def _ask_split_name(parent: QWidget, names: list[str]) -> str | None:
    chosen, accepted = QInputDialog.getItem(parent, "Split out", "Component name to make a capability of its own:",
                                            names, 0, False)
    return chosen if accepted else None


def _ask_markdown_path(parent: QWidget, suggested: str) -> Path | None:
    offered = [format_named("report", "markdown"), *(f for f in formats("report") if f.needs_qt)]
    chosen, _ = QFileDialog.getSaveFileName(parent, "Export analysis", suggested,
                                            ";;".join(f.dialog_filter() for f in offered))
    return Path(chosen) if chosen else None
