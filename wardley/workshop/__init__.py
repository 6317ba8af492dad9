"""Workshop and coaching logic that needs no Qt: value chains for focus, and the
guided start (answers from the room turned into elements, links and places)."""
