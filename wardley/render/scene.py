"""MapScene: a QGraphicsScene that mirrors a MapDocument.

It listens to ``document.changed`` and adds, removes or updates items, keeping
id -> item dictionaries. Items draw what the model says; nothing here is the
only copy of anything. The canvas and image export both draw this scene."""

from __future__ import annotations

import weakref
from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QObject, QPointF, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from wardley.model import Change, Link, MapDocument
from wardley.render.context import RenderContext
from wardley.render.geometry import SCENE_RECT, to_scene
from wardley.render.items.element import EditableElementItem, ElementItem
from wardley.render.items.evolve_pipeline import EvolveItem, PipelineItem
from wardley.render.items.forces import AcceleratorItem, AttitudeItem
from wardley.render.items.frame import FrameItem
from wardley.render.items.link import LinkItem
from wardley.render.items.notes import AnnotationItem, AnnotationLegendItem, NoteItem
from wardley.render.themes import DEFAULT, Theme

LinkKey = tuple[str, str]
#: What an edit of an annotation, accelerator or attitude box changes: the whole list.
CollectionItem = AnnotationItem | AcceleratorItem | AttitudeItem
COLLECTIONS = ("annotations", "accelerators", "attitudes")
#: Above this many elements labels keep OWM's default places: the placement pass
#: costs about a millisecond per label, which would stall opening and every edit.
AUTO_LABEL_LAYOUT_LIMIT = 600


class MapScene(QGraphicsScene):
    #: Every item is about to be replaced: a gesture holding items must end first.
    about_to_rebuild = Signal()

    def __init__(
        self, document: MapDocument, theme: Theme = DEFAULT, parent: QObject | None = None,
        *, interactive: bool = True, keep_hand_set_labels: bool = True,
    ) -> None:
        """``interactive=False``: a scene only to be drawn (an export), built without what
        editing needs (tooltips, position-change notifications). ``keep_hand_set_labels``:
        see the attribute."""
        super().__init__(parent)
        self.document = document
        self.ctx = RenderContext(theme, interactive)
        self.setSceneRect(SCENE_RECT)
        # Long links span much of a BSP tree, so re-indexing them on every drag step costs
        # more than scanning a few thousand bounding boxes when painting: no index.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.elements: dict[str, ElementItem] = {}
        self.links: dict[LinkKey, LinkItem] = {}
        self.evolves: dict[str, EvolveItem] = {}
        self.pipelines: dict[str, PipelineItem] = {}
        self.notes: dict[str, NoteItem] = {}
        self._links_of: dict[str, set[LinkKey]] = {}
        self._collection_items: dict[str, list[QGraphicsItem]] = {}
        self._highlighted: frozenset[str] = frozenset()
        self._emphasise = True
        self._frame: FrameItem | None = None
        #: Move labels clear of each other and of symbols and lines (render/label_placement.py).
        self.auto_label_layout = True
        #: False places every label automatically, ignoring positions set by hand (the
        #: file keeps them): for OWM maps whose hand placements were made for other fonts.
        self.keep_hand_set_labels = keep_hand_set_labels
        #: Lines drawn over the map by an overlay (a comparison's move arrows): labels keep off them.
        self.overlay_lines: list[tuple[QPointF, QPointF]] = []
        self._label_layout_due = False
        #: Names of labels the user placed that the last placement pass moved (they collided).
        self.moved_hand_set_labels: list[str] = []
        self._listener = _weak_listener(self)
        document.changed.connect(self._listener)
        self.rebuild()

    # -- public ----------------------------------------------------------
    @property
    def theme(self) -> Theme:
        return self.ctx.theme

    def set_theme(self, theme: Theme) -> None:
        self.ctx.set_theme(theme)
        self.rebuild()

    def set_editing_chrome(self, on: bool) -> None:
        """Selection marks and handles are editing aids: export turns them off."""
        if self.ctx.editing_chrome != on:
            self.ctx.editing_chrome = on
            self.update()

    @property
    def editing_chrome(self) -> bool:
        return self.ctx.editing_chrome

    def detach(self) -> None:
        """Stop following the document (the view is going away)."""
        try:
            self.document.changed.disconnect(self._listener)
        except ValueError:
            pass

    def highlight(self, element_ids: Iterable[str], emphasise: bool = True) -> None:
        """Emphasise these elements and fade everything else; empty clears.

        ``emphasise=False`` only fades the rest (a workshop's focus on one value chain)."""
        self._highlighted = frozenset(element_ids)
        self._emphasise = emphasise
        self._apply_highlight()

    def highlighted(self) -> frozenset[str]:
        return self._highlighted

    @property
    def emphasising(self) -> bool:
        """Whether highlighted elements are emphasised (analysis) or only the rest faded (focus)."""
        return self._emphasise

    def element_item_moved(self, element_id: str) -> None:
        """An element item changed position (model sync or a drag in progress)."""
        for item in self.items_drawn_from((element_id,)):
            item.update_geometry()

    def items_drawn_from(self, element_ids: Iterable[str]) -> set[LinkItem | EvolveItem | PipelineItem]:
        """What is redrawn when these elements move: their links, evolve arrows and pipelines."""
        ids = set(element_ids)
        found: set[LinkItem | EvolveItem | PipelineItem] = set()
        for element_id in ids:
            found.update(self.links[key] for key in self._links_of.get(element_id, ()))
            evolve = self.evolves.get(element_id)
            if evolve is not None:
                found.add(evolve)
        for pipeline in self.pipelines.values():
            if pipeline.element_item.element.id in ids or any(m.element.id in ids for m in pipeline.member_items):
                found.add(pipeline)
        return found

    def sync_positions(self, element_ids: Iterable[str], note_ids: Iterable[str] = ()) -> None:
        """Put these items back where the model says (after a drag or a cancelled one)."""
        for element_id in element_ids:
            item = self.elements.get(element_id)
            if item is not None and self.document.has_element(element_id):
                e = self.document.element(element_id)
                item.setPos(to_scene(e.evolution, e.visibility))
        for note_id in note_ids:
            note_item = self.notes.get(note_id)
            if note_item is not None and note_item.scene() is self:
                n = self.document.note(note_id)
                note_item.setPos(to_scene(n.evolution, n.visibility))

    def rebuild(self) -> None:
        # A whole-map change (OWM text edit, revert, theme) keeps what was selected, where it still exists.
        self.about_to_rebuild.emit()
        kept = [i for i in self.selectedItems() if isinstance(i, (ElementItem, LinkItem, NoteItem))]
        kept_elements = {i.element_id for i in kept if isinstance(i, ElementItem)}
        kept_links = {i.key for i in kept if isinstance(i, LinkItem)}
        kept_notes = {i.note_id for i in kept if isinstance(i, NoteItem)}
        kept_extras = {
            name: [i.index for i in self.collection_items(name) if i.isSelected()] for name in COLLECTIONS
        }
        self.clear()
        for store in (self.elements, self.links, self.evolves, self.pipelines, self.notes, self._links_of, self._collection_items):
            store.clear()
        m = self.document.map
        self.setBackgroundBrush(QBrush(QColor(self.theme.background)))
        self._frame = FrameItem(m.title, m.axis, self.ctx)
        self.addItem(self._frame)
        for element in m.elements:
            self._add_element(element.id)
        for link in m.links:
            self._add_link((link.source, link.target), link)
        for evolve in m.evolves:
            self._sync_evolve(evolve.element)
        self._sync_pipelines()
        for note in m.notes:
            self._add_note(note.id)
        for name in COLLECTIONS:
            self._sync_collection(name, kept_extras[name])
        self._apply_highlight()
        for group, ids in ((self.elements, kept_elements), (self.links, kept_links), (self.notes, kept_notes)):
            for key in ids:
                if key in group:
                    group[key].setSelected(True)  # type: ignore[index]
        self.flush_label_layout(force=True)

    def flush_label_layout(self, force: bool = False) -> None:
        """Run the label-placement pass now if a change left it pending (or ``force``)."""
        if (force or self._label_layout_due) and self.auto_label_layout and len(self.elements) <= AUTO_LABEL_LAYOUT_LIMIT:
            from wardley.render.label_placement import apply_label_layout

            apply_label_layout(self)
        self._label_layout_due = False

    def _schedule_label_layout(self) -> None:
        # One pass per burst of changes (a multi-element move emits one change each).
        if not self._label_layout_due:
            self._label_layout_due = True
            QTimer.singleShot(0, self, self.flush_label_layout)

    # -- following the document -----------------------------------------
    def on_change(self, change: Change) -> None:
        self._schedule_label_layout()
        kind, key = change.kind, change.key
        if kind == "reset":
            self.rebuild()
        elif kind == "element_added":
            self._add_element(str(key))
        elif kind == "element_removed":
            self._remove_element(str(key))
        elif kind == "element_changed":
            self._change_element(str(key))
        elif kind == "link_added":
            self._add_link(_link_key(key))
        elif kind == "link_removed":
            self._remove_link(_link_key(key))
        elif kind == "link_changed":
            k = _link_key(key)
            self.links[k].set_link(self.document.link(*k))
        elif kind == "evolve_changed":
            self._sync_evolve(str(key))
        elif kind == "pipeline_changed":
            self._sync_pipelines()
        elif kind == "note_added":
            self._add_note(str(key))
        elif kind == "note_removed":
            item = self.notes.pop(str(key))
            self.removeItem(item)
        elif kind == "note_changed":
            self.notes[str(key)].set_note(self.document.note(str(key)))
        elif kind == "collection_changed":
            self._sync_collection(str(key))
        elif kind == "map_changed":
            m = self.document.map
            if self._frame is not None:
                self._frame.set_map_fields(m.title, m.axis)
            self._sync_collection("annotations")

    def _add_element(self, element_id: str) -> None:
        kind = EditableElementItem if self.ctx.interactive else ElementItem
        item = kind(self.document.element(element_id), self.ctx)
        self.elements[element_id] = item
        self.addItem(item)
        if self._highlighted:
            self._apply_highlight()

    def _remove_element(self, element_id: str) -> None:
        for key in list(self._links_of.get(element_id, ())):
            self._remove_link(key)
        self._links_of.pop(element_id, None)
        evolve = self.evolves.pop(element_id, None)
        if evolve is not None:
            self.removeItem(evolve)
        item = self.elements.pop(element_id)
        self.removeItem(item)

    def _change_element(self, element_id: str) -> None:
        item = self.elements[element_id]
        item.set_element(self.document.element(element_id))
        # Names show on links' tooltips and evolve labels, so refresh even without a move.
        for key in self._links_of.get(element_id, ()):
            self.links[key].set_link(self.links[key].link)
        self.element_item_moved(element_id)

    def _add_link(self, key: LinkKey, link: Link | None = None) -> None:
        if key in self.links:
            return
        if link is None:
            link = self.document.link(*key)
        item = LinkItem(link, self.elements[key[0]], self.elements[key[1]], self.ctx)
        self.links[key] = item
        for end in key:
            self._links_of.setdefault(end, set()).add(key)
        self.addItem(item)
        if self._highlighted:
            self._fade(item, not (key[0] in self._highlighted and key[1] in self._highlighted))

    def _remove_link(self, key: LinkKey) -> None:
        item = self.links.pop(key, None)
        if item is None:
            return
        for end in key:
            self._links_of.get(end, set()).discard(key)
        self.removeItem(item)

    def _sync_evolve(self, element_id: str) -> None:
        evolve = self.document.evolve_of(element_id) if self.document.has_element(element_id) else None
        item = self.evolves.get(element_id)
        if evolve is None:
            if item is not None:
                self.removeItem(self.evolves.pop(element_id))
        elif item is None:
            item = EvolveItem(evolve, self.elements[element_id], self.ctx)
            self.evolves[element_id] = item
            self.addItem(item)
        else:
            item.set_evolve(evolve)

    def _sync_pipelines(self) -> None:
        for item in self.pipelines.values():
            self.removeItem(item)
        self.pipelines.clear()
        for pipeline in self.document.map.pipelines:
            owner = self.elements.get(pipeline.element)
            if owner is None:
                continue
            members = [self.elements[m] for m in pipeline.members if m in self.elements]
            item = PipelineItem(pipeline, owner, members, self.ctx)
            self.pipelines[pipeline.element] = item
            self.addItem(item)

    def _add_note(self, note_id: str) -> None:
        item = NoteItem(self.document.note(note_id), self.ctx)
        self.notes[note_id] = item
        self.addItem(item)

    def _sync_collection(self, name: str, keep: Iterable[int] | None = None) -> None:
        """Draw one of the whole-list collections again. What was selected in it stays
        selected (by place in the list): a move or an undo replaces the list."""
        old = self._collection_items.pop(name, [])
        if keep is None:
            keep = [i.index for i in old if isinstance(i, CollectionItem) and i.isSelected()]
        for item in old:
            self.removeItem(item)
        m = self.document.map
        items: list[QGraphicsItem] = []
        if name == "annotations":
            items = [AnnotationItem(a, self.ctx, i) for i, a in enumerate(m.annotations)]
            if m.annotations:
                items.append(AnnotationLegendItem(m.annotations, m.presentation.annotations_position, self.ctx))
        elif name == "accelerators":
            items = [AcceleratorItem(a, self.ctx, i) for i, a in enumerate(m.accelerators)]
        elif name == "attitudes":
            items = [AttitudeItem(a, self.ctx, i) for i, a in enumerate(m.attitudes)]
        kept = set(keep)
        for item in items:
            self.addItem(item)
            if isinstance(item, CollectionItem) and item.index in kept:
                item.setSelected(True)
        self._collection_items[name] = items

    def collection_items(self, name: str | None = None) -> list[CollectionItem]:
        """The annotations, accelerators and attitude boxes drawn (of one collection, if named)."""
        names = (name,) if name is not None else COLLECTIONS
        return [i for n in names for i in self._collection_items.get(n, []) if isinstance(i, CollectionItem)]

    def accelerator_items(self) -> list[AcceleratorItem]:
        return [item for item in self._collection_items.get("accelerators", []) if isinstance(item, AcceleratorItem)]

    def reapply_highlight(self) -> None:
        """Set every item's fading from the highlight again (after something else changed opacities)."""
        self._apply_highlight()

    def _apply_highlight(self) -> None:
        on = bool(self._highlighted)
        for element_id, item in self.elements.items():
            chosen = element_id in self._highlighted
            item.set_emphasised(on and chosen and self._emphasise)
            self._fade(item, on and not chosen)
        for (source, target), link in self.links.items():
            self._fade(link, on and not (source in self._highlighted and target in self._highlighted))
        for element_id, evolve in self.evolves.items():
            self._fade(evolve, on and element_id not in self._highlighted)
        # Everything else fades, notes and pipeline boxes too (a pipeline stays when its owner
        # is highlighted): solid boxes left over a faded map draw the eye to nothing.
        for note in self.notes.values():
            self._fade(note, on)
        for owner, pipeline in self.pipelines.items():
            self._fade(pipeline, on and owner not in self._highlighted)

    def _fade(self, item: QGraphicsItem, faded: bool) -> None:
        opacity = self.theme.faded_opacity if faded else 1.0
        if item.opacity() != opacity:  # Qt tells the item even when nothing changes
            item.setOpacity(opacity)


def _link_key(key: object) -> LinkKey:
    assert isinstance(key, tuple) and len(key) == 2
    return str(key[0]), str(key[1])


def _weak_listener(scene: MapScene):  # type: ignore[no-untyped-def]
    """A document listener that does not keep the scene alive, and ignores
    changes once Qt has deleted the scene."""
    ref = weakref.ref(scene)

    def listener(change: Change) -> None:
        target = ref()
        if target is not None and shiboken6.isValid(target):
            target.on_change(change)

    return listener
