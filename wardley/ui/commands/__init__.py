"""Undo commands. Each ``redo``/``undo`` only calls the model's edit API; the canvas
and panels follow the model's change events, never the commands."""

from wardley.ui.commands.elements import (
    NUDGE_ID,
    AddElementCommand,
    RemoveElementsCommand,
    SetElementsCommand,
)
from wardley.ui.commands.fragments import AddFragmentCommand
from wardley.ui.commands.links import AddLinkCommand, RemoveLinkCommand, SetLinkCommand
from wardley.ui.commands.map_level import (
    AddNoteCommand,
    RemoveNoteCommand,
    ReplaceCollectionCommand,
    ReplaceMapCommand,
    SetEvolveCommand,
    SetMapFieldsCommand,
    SetNoteCommand,
    SetPipelineCommand,
)

__all__ = [
    "NUDGE_ID", "AddElementCommand", "AddFragmentCommand", "AddLinkCommand", "AddNoteCommand", "RemoveElementsCommand",
    "RemoveLinkCommand", "RemoveNoteCommand", "ReplaceCollectionCommand", "ReplaceMapCommand",
    "SetElementsCommand", "SetEvolveCommand", "SetLinkCommand", "SetMapFieldsCommand", "SetNoteCommand",
    "SetPipelineCommand",
]
