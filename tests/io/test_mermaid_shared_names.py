"""A pipeline whose component shares its name with an earlier element, through Mermaid."""

from __future__ import annotations

from wardley.io.mermaid import format_mermaid, parse_mermaid
from wardley.model import WardleyMap


def test_pipeline_children_keep_their_visibility_when_the_owner_shares_a_name() -> None:
    # Found by the generated-maps round trip: the header's name finds the first "0" (at the top),
    # and the child took that one's visibility rather than its own.
    elements = [{"id": "0", "kind": "user", "name": "0", "evolution": 0.0, "visibility": 0.0},
                {"id": "0-2", "kind": "user", "name": "0", "evolution": 0.0, "visibility": 1.0},
                {"id": "0-3", "kind": "user", "name": "0", "evolution": 0.0, "visibility": 0.0}]
    wardley_map = WardleyMap.model_validate({
        "title": "", "elements": elements,
        "pipelines": [{"element": "0-3", "start": 0.0, "end": 0.0, "members": ["0"]}],
    })
    assert parse_mermaid(format_mermaid(wardley_map, "a description"), "shared.mmd") == wardley_map
