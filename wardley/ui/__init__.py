"""The desktop app: a thin Qt layer over the model. Every edit is a QUndoCommand."""
