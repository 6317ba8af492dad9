"""The live OWM text dock: the open map as OnlineWardleyMaps text, editable.

Typing applies after a pause (:data:`APPLY_DELAY_MS`, restarted by every
keystroke), or at once on Enter. A line still being typed at its end (a name
the next keystroke would lengthen, an open bracket or quote) waits until it is
complete: Enter, the cursor leaving the line, leaving the editor, or a pause
once it ends in a closing bracket. Otherwise a pause mid-name would make the
element's id from half its name ("highways" for "Highways asset system"), and
that id would then need a ``// wardley:`` comment on the line. The text is read with ``parse_owm``, matched to the current map so
ids stay put (:mod:`wardley.ui.panels.owm_ids`) and pushed as one
``ReplaceMapCommand``. Lines the reader could not use are marked in the text
and listed under it.

The text and the canvas never fight:
- applying the user's text never rewrites that text (the map is changed, the
  text stays as typed);
- a change from elsewhere (canvas, properties, capture line, undo) rewrites only the
  lines of what changed (:mod:`wardley.ui.panels.owm_rewrite`): every other line keeps
  the text the user typed, and the cursor and the first line in view stay where they were;
- while typed text waits to be applied, changes from elsewhere do not touch it
  (the typed text is applied on top when the pause ends); leaving the editor,
  or a shortcut aimed at the window, applies it at once;
- Ctrl+Z / Ctrl+Shift+Z in the editor go to the map's undo stack. The text
  each map state was shown with is remembered, so undoing a text edit brings
  back the text as it was typed, not a re-formatted version.
"""

from __future__ import annotations

import html
import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontDatabase,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from wardley.io import MapFileError, Problem
from wardley.io.owm import OwmResult, format_owm, parse_owm
from wardley.io.owm.reader import UNCLOSED_BLOCK
from wardley.io.owm.syntax import comment_lines
from wardley.model import Change, MapDocument, WardleyMap
from wardley.ui.commands import ReplaceMapCommand
from wardley.ui.panels.owm_ids import keep_ids
from wardley.ui.panels.owm_rewrite import Rewriter, with_kept_snapshots

#: What a typed comment line is marked with: the map has no place for it.
COMMENT_NOT_KEPT = "a comment: the map does not keep it (a note, or an element's Why here?, does)"
APPLY_DELAY_MS = 500
#: Map states whose text is remembered for undo and redo.
_REMEMBERED = 64
_LINE = re.compile(r"line (\d+)")
_PROBLEM_BACKGROUND = QColor(220, 50, 47, 45)
_PROBLEM_UNDERLINE = QColor(200, 30, 30)


def problem_line(problem: Problem) -> int | None:
    """The 1-based line a problem is on, when it names one."""
    found = _LINE.search(problem.place)
    return int(found.group(1)) if found else None


def line_in_progress(line: str) -> bool:
    """Whether the next keystroke at the end of ``line`` could still change what it names:
    it ends in a word (a name being typed), an open quote, or an unclosed bracket."""
    text = line.rstrip()
    if not text.strip() or text.lstrip().startswith(("//", "/*", "*")):
        return False
    quotes = len(re.findall(r'(?<!\\)"', text))
    if quotes % 2:
        return True
    if text.count("[") > text.count("]") or text.count("(") > text.count(")"):
        return True
    return text[-1] not in "])}\""


def text_problems(text: str, result: OwmResult) -> list[Problem]:
    """What the text view marks: the reader's warnings, what it left out, and typed comments."""
    problems = [*result.warnings, *(Problem(p.place, f"{p.message} (ignored)") for p in result.dropped)]
    # The map has no place for a typed comment: it is never saved, so say so.
    problems += [Problem(f"line {number}", COMMENT_NOT_KEPT) for number in comment_lines(text)]
    problems.sort(key=lambda problem: problem_line(problem) or 0)
    return problems


def _moved(edits: Sequence[tuple[str, int, int, int, int]], line: int, column: int) -> tuple[int, int]:
    """Where (line, column) of the old text is in the new one: a rewritten line keeps the column."""
    for tag, i1, i2, j1, j2 in edits:
        if i1 <= line < i2:
            if tag == "equal":
                return j1 + line - i1, column
            return (j1 + min(line - i1, j2 - j1 - 1), column) if j2 > j1 else (j1, 0)
    return line, column


def _utf16_length(text: str) -> int:
    # Qt counts positions in UTF-16 units; Python in code points.
    return len(text.encode("utf-16-le")) // 2


class OwmTextEdit(QPlainTextEdit):
    """The text box: plain text only, with the map's undo on Ctrl+Z and problems as tooltips."""

    def __init__(self, panel: OwmTextPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self.setUndoRedoEnabled(False)  # one undo history: the map's
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.matches(QKeySequence.StandardKey.Undo):
            self._panel.undo()
        elif event.matches(QKeySequence.StandardKey.Redo):
            self._panel.redo()
        else:
            super().keyPressEvent(event)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._panel.apply_pending()  # the line above is finished

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.ShortcutOverride and not event.isAccepted():
            # A window shortcut (Ctrl+1, Ctrl+S...) is about to act on the map: apply the typing first.
            self._panel.apply_pending()
        return handled

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        self._panel.apply_pending()
        super().focusOutEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ToolTip:
            line = self.cursorForPosition(event.pos()).blockNumber() + 1  # type: ignore[attr-defined]
            messages = self._panel.messages_on_line(line)
            if messages:
                # Escaped, so a message quoting "<b>" shows the tags rather than bold text.
                text = "<p style='white-space:pre'>" + html.escape("\n".join(messages)) + "</p>"
                QToolTip.showText(event.globalPos(), text, self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


class OwmTextPanel(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("OWM Text", parent)
        self.setObjectName("owm_text")
        self.document: MapDocument | None = None
        self.undo_stack: QUndoStack | None = None
        self.editor = OwmTextEdit(self)
        self.editor.setToolTip("")
        self.problem_list = QListWidget(self)
        self.problem_list.setWordWrap(True)
        self.problem_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.problem_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problem_list.setToolTip("Lines the map could not use as written; click one to go to it")
        self.problem_list.itemActivated.connect(self._go_to_problem)
        self.problem_list.itemClicked.connect(self._go_to_problem)
        self.problem_list.hide()
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        # A splitter, so a long list of problems can be given more room by dragging.
        self.split = QSplitter(Qt.Orientation.Vertical, body)
        self.split.addWidget(self.editor)
        self.split.addWidget(self.problem_list)
        self.split.setStretchFactor(0, 1)
        self.split.setChildrenCollapsible(False)
        layout.addWidget(self.split)
        self.setWidget(body)

        self.apply_timer = QTimer(self)
        self.apply_timer.setSingleShot(True)
        self.apply_timer.setInterval(APPLY_DELAY_MS)
        self.apply_timer.timeout.connect(self._pause_ended)
        #: The line (block number) whose typing is not finished: the text waits for it.
        self._held_line: int | None = None
        self.editor.cursorPositionChanged.connect(self._cursor_moved)
        # Several change events from one edit (a multi-element move) make one rewrite.
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(0)
        self.refresh_timer.timeout.connect(self.refresh_from_map)
        self._setting_text = False
        self._applying = False
        self._shown_text = ""
        #: The map ``_shown_text`` reads as (its JSON: the live map changes in place), which a
        #: change from elsewhere is measured against.
        self._shown_map: str | None = None
        self._rewriter = Rewriter()
        #: The problems of ``_shown_text`` (a refused text shows its own without replacing these).
        self._shown_problems: list[Problem] = []
        self._problems: dict[int | None, list[str]] = {}
        self._remembered: OrderedDict[str, tuple[str, list[Problem]]] = OrderedDict()
        self.editor.textChanged.connect(self._on_text_changed)
        self.visibilityChanged.connect(self._visibility_changed)
        # Clicks anywhere else (toolbar, canvas, menus) apply waiting text first: a toolbar
        # button takes no focus, so Save there would otherwise save the map without it.
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # -- which map -----------------------------------------------------------
    def set_document(self, document: MapDocument, undo_stack: QUndoStack) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_document_changed)
        self.apply_timer.stop()
        self._held_line = None
        self.document, self.undo_stack = document, undo_stack
        self._remembered.clear()
        self._shown_map = None
        self._rewriter = Rewriter()
        document.changed.connect(self._on_document_changed)
        self.refresh_from_map()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.Close) and self.pending:
            inside = isinstance(watched, QWidget) and (
                watched is self.editor or self.editor.isAncestorOf(watched)
            )
            if not inside:
                self.apply_text()
        return False

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.refresh_from_map()

    # -- text to map -----------------------------------------------------------
    @property
    def pending(self) -> bool:
        """Typed text is waiting for the pause to end, or for the line being typed to be finished."""
        return self.apply_timer.isActive() or self._held_line is not None

    @property
    def waiting_for_line(self) -> bool:
        """The pause has ended but the line under the cursor is still being typed."""
        return self._held_line is not None and not self.apply_timer.isActive()

    def _pause_ended(self) -> None:
        self.apply_timer.stop()
        cursor = self.editor.textCursor()
        if cursor.atBlockEnd() and line_in_progress(cursor.block().text()):
            self._held_line = cursor.blockNumber()
            return
        self.apply_text()

    def _cursor_moved(self) -> None:
        if self._held_line is not None and not self._setting_text \
                and self.editor.textCursor().blockNumber() != self._held_line:
            self.apply_text()  # left the line: it is finished

    def _on_text_changed(self) -> None:
        if not self._setting_text:
            self.apply_timer.start()

    def apply_pending(self) -> None:
        if self.pending:
            self.apply_text()

    def apply_text(self) -> None:
        """Read the text and make the map match it, as one undo step (none if nothing changed)."""
        self.apply_timer.stop()
        self._held_line = None
        if self.document is None or self.undo_stack is None:
            return
        text = self.editor.toPlainText()
        try:
            result = parse_owm(text)
        except MapFileError as error:  # over the item limit: nothing is applied
            self._show_problems([Problem(error.problems[0].place, f"not applied: {error.problems[0].message}")])
            return
        problems = text_problems(text, result)
        if any(problem.message == UNCLOSED_BLOCK for problem in result.warnings):
            # Mid-typing, most likely: applied, every line after the "{" would join the pipeline
            # and the map would fold up until the "}" is typed.
            self._show_problems([*problems, Problem("", "not applied until the pipeline's block is closed with }")])
            return
        current = self.document.map
        try:
            new_map = keep_ids(current, result.map)
        except ValueError as error:  # a map our model refuses; nothing is applied
            first = str(error).splitlines()[0]
            self._show_problems([*problems, Problem("", f"not applied: {first}")])
            return
        self._show_problems(problems)
        new_map = with_kept_snapshots(text, current, new_map)
        if new_map == current:
            self._shown(text, problems, self._remember(current, text, problems))
            return
        # The current state as its text was last shown: undoing back to it shows that again.
        self._remember(current, self._shown_text, self._shown_problems)
        self._applying = True
        try:
            self.undo_stack.push(ReplaceMapCommand(self.document, new_map, "Edit map text"))
        finally:
            self._applying = False
        self._shown(text, problems, self._remember(self.document.map, text, problems))

    def _shown(self, text: str, problems: list[Problem], map_key: str) -> None:
        self._shown_text, self._shown_problems, self._shown_map = text, list(problems), map_key

    # -- map to text -----------------------------------------------------------
    def _on_document_changed(self, change: Change) -> None:
        if self._applying or self.pending:
            return  # our own edit, or typed text waiting: it is applied on top when the pause ends
        if self.isHidden():
            return  # written when the dock is shown again
        self.refresh_timer.start()

    def refresh_from_map(self) -> None:
        """Show the current map's text: as it was typed for this state, else the shown text with
        only the lines of what changed rewritten, else (text that cannot be) freshly written."""
        self.refresh_timer.stop()
        if self.document is None or self.pending:
            return
        current = self.document.map
        key = self._key(current)
        remembered = self._remembered.get(key)
        if remembered is not None:
            text, problems = remembered
        else:
            text, problems = self._rewritten(current, key)
        self._replace_text(text)
        self._shown(text, problems, key)
        self._show_problems(problems)

    def _rewritten(self, current: WardleyMap, key: str) -> tuple[str, list[Problem]]:
        shown = self._shown_map
        typed = self.editor.toPlainText()
        if shown is None or shown == key or typed != self._shown_text:
            # Nothing typed to keep (a new map), or text the map refused: written afresh.
            return format_owm(current), []
        merged = self._rewriter.rewrite(typed, shown, current, key)
        if merged is None:
            return format_owm(current), []
        # Undo back to the shown state brings back the text as it was.
        self._remember_key(shown, self._shown_text, self._shown_problems)
        text, result = merged
        problems = text_problems(text, result)
        self._remember_key(key, text, problems)
        return text, problems

    def _replace_text(self, new: str) -> None:
        """Rewrite only the lines that differ, so the cursor (line and column) and the first
        line in view stay where they were, even when lines are added or removed above them."""
        old = self.editor.toPlainText()
        if old == new:
            return
        old_lines, new_lines = old.split("\n"), new.split("\n")
        edits = SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes()
        editor = self.editor
        cursor = editor.textCursor()
        ends = [
            _moved(edits, cursor.document().findBlock(at).blockNumber(), at - cursor.document().findBlock(at).position())
            for at in (cursor.anchor(), cursor.position())
        ]
        first_in_view = _moved(edits, editor.verticalScrollBar().value(), 0)[0]
        starts = [0]
        for line in old_lines:
            starts.append(starts[-1] + _utf16_length(line) + 1)
        change = QTextCursor(editor.document())
        self._setting_text = True
        try:
            change.beginEditBlock()
            for tag, i1, i2, j1, j2 in reversed(edits):
                if tag == "equal":
                    continue
                text = "\n".join(new_lines[j1:j2])
                if i1 == i2:  # inserted lines
                    at, text = (starts[i1], text + "\n") if i1 < len(old_lines) else (starts[i1] - 1, "\n" + text)
                    change.setPosition(at)
                elif j1 == j2:  # removed lines, with the line break between them and their neighbours
                    begin, end = (starts[i1], starts[i2]) if i2 < len(old_lines) else (starts[i1] - 1, starts[i2] - 1)
                    change.setPosition(max(begin, 0))
                    change.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                else:
                    change.setPosition(starts[i1])
                    change.setPosition(starts[i2] - 1, QTextCursor.MoveMode.KeepAnchor)
                change.insertText(text)
            change.endEditBlock()
            document = editor.document()
            placed = QTextCursor(document)
            for index, (number, column) in enumerate(ends):
                block = document.findBlockByNumber(min(number, document.blockCount() - 1))
                at = block.position() + min(column, block.length() - 1)
                placed.setPosition(at, QTextCursor.MoveMode.MoveAnchor if index == 0 else QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(placed)
        finally:
            self._setting_text = False
        editor.verticalScrollBar().setValue(first_in_view)

    # -- undo ------------------------------------------------------------------
    def undo(self) -> None:
        self._step(lambda stack: stack.undo())

    def redo(self) -> None:
        self._step(lambda stack: stack.redo())

    def _step(self, action: Callable[[QUndoStack], None]) -> None:
        if self.undo_stack is None:
            return
        self.apply_pending()
        action(self.undo_stack)
        self.refresh_from_map()

    def _key(self, wardley_map: WardleyMap) -> str:
        return wardley_map.model_dump_json()

    def _remember(self, wardley_map: WardleyMap, text: str, problems: list[Problem]) -> str:
        """Remember the text ``wardley_map`` was shown with; its key."""
        key = self._key(wardley_map)
        self._remember_key(key, text, problems)
        return key

    def _remember_key(self, key: str, text: str, problems: list[Problem]) -> None:
        self._remembered[key] = (text, list(problems))
        self._remembered.move_to_end(key)
        while len(self._remembered) > _REMEMBERED:
            self._remembered.popitem(last=False)

    # -- problems ----------------------------------------------------------------
    def messages_on_line(self, line: int) -> list[str]:
        return list(self._problems.get(line, []))

    def _show_problems(self, problems: list[Problem]) -> None:
        self._problems = {}
        for problem in problems:
            self._problems.setdefault(problem_line(problem), []).append(problem.message)
        self.problem_list.clear()
        for problem in problems:
            line = problem_line(problem)
            label = f"Line {line}: {problem.message}" if line else problem.message
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, line)
            self.problem_list.addItem(item)
        appearing = bool(problems) and self.problem_list.isHidden()
        self.problem_list.setVisible(bool(problems))
        if appearing:
            # Room for three lines (one message wrapped on two, or three short ones); more scroll,
            # and the splitter gives it more. Set only as it appears: a size the user chose stays.
            wraps = any(len(self.problem_list.item(i).text()) > 45 for i in range(self.problem_list.count()))
            lines = 3 if len(problems) > 1 or wraps else 1
            height = self.problem_list.fontMetrics().lineSpacing() * lines + 2 * self.problem_list.frameWidth() + 8
            total = sum(self.split.sizes())
            self.split.setSizes([max(total - height, 60), height])
        self._mark_lines()

    def _mark_lines(self) -> None:
        marks: list[QTextEdit.ExtraSelection] = []
        document = self.editor.document()
        for line in self._problems:
            block = document.findBlockByNumber(line - 1) if line else None
            if block is None or not block.isValid():
                continue
            whole = QTextEdit.ExtraSelection()
            whole.format.setBackground(_PROBLEM_BACKGROUND)
            whole.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            whole.cursor = QTextCursor(block)
            text = QTextEdit.ExtraSelection()
            text.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            text.format.setUnderlineColor(_PROBLEM_UNDERLINE)
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            text.cursor = cursor
            marks += [whole, text]
        self.editor.setExtraSelections(marks)

    def marked_lines(self) -> list[int]:
        """The 1-based lines marked as having a problem (what the user sees underlined)."""
        lines = []
        for mark in self.editor.extraSelections():
            if mark.cursor.hasSelection():
                lines.append(mark.cursor.block().blockNumber() + 1)
        return sorted(set(lines))

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        line = item.data(Qt.ItemDataRole.UserRole)
        if not line:
            return
        block = self.editor.document().findBlockByNumber(int(line) - 1)
        if block.isValid():
            self.editor.setTextCursor(QTextCursor(block))
            self.editor.centerCursor()
            self.editor.setFocus()
