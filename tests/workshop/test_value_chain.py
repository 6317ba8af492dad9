"""Focus on a need: exactly its value chain (need, what it depends on, the users above it)."""

from __future__ import annotations

import subprocess
import sys

from wardley.model import WardleyMap
from wardley.workshop.value_chain import needs_of, next_need, value_chain

from tests.conftest import ROOT


def two_needs() -> WardleyMap:
    return WardleyMap.model_validate({
        "elements": [
            {"id": "resident", "kind": "user", "name": "Resident", "evolution": 0.3, "visibility": 0.95},
            {"id": "officer", "kind": "user", "name": "Officer", "evolution": 0.7, "visibility": 0.95},
            {"id": "apply", "kind": "need", "name": "Apply for a permit", "evolution": 0.3, "visibility": 0.8},
            {"id": "renew", "kind": "need", "name": "Renew a permit", "evolution": 0.5, "visibility": 0.8},
            {"id": "check", "kind": "need", "name": "Check evidence", "evolution": 0.7, "visibility": 0.8},
            {"id": "form", "name": "Online form", "evolution": 0.4, "visibility": 0.6},
            {"id": "payments", "name": "Payments", "evolution": 0.8, "visibility": 0.4},
            {"id": "cms", "name": "Case management", "evolution": 0.5, "visibility": 0.4},
            {"id": "hosting", "name": "Hosting", "evolution": 0.9, "visibility": 0.1},
        ],
        "links": [
            {"source": "resident", "target": "apply"}, {"source": "resident", "target": "renew"},
            {"source": "officer", "target": "check"}, {"source": "apply", "target": "form"},
            {"source": "form", "target": "payments"}, {"source": "renew", "target": "payments"},
            {"source": "check", "target": "cms"}, {"source": "cms", "target": "hosting"},
            {"source": "payments", "target": "hosting"}, {"source": "check", "target": "apply"},
        ],
    })


def test_chain_is_the_need_its_dependencies_and_the_users_above() -> None:
    m = two_needs()
    # Officer reaches "apply" only through the need "check": both come along, joined up.
    assert value_chain(m, "apply") == {"apply", "form", "payments", "hosting", "resident", "officer", "check"}
    assert value_chain(m, "renew") == {"renew", "payments", "hosting", "resident"}
    assert value_chain(m, "check") == {"check", "cms", "hosting", "apply", "form", "payments", "officer"}
    assert value_chain(m, "nothing") == frozenset()


def test_a_loop_in_the_links_ends() -> None:
    m = two_needs()
    m.links.append(m.links[0].model_copy(update={"source": "hosting", "target": "renew"}))
    assert "hosting" in value_chain(m, "renew")


def test_next_need_cycles_in_map_order_and_prefers_the_selected_need() -> None:
    m = two_needs()
    assert [name for _, name in needs_of(m)] == ["Apply for a permit", "Renew a permit", "Check evidence"]
    assert next_need(m, None) == "apply"
    assert next_need(m, "apply") == "renew"
    assert next_need(m, "check") is None  # after the last: focus cleared
    assert next_need(m, None, selected=["form", "check"]) == "check"
    assert next_need(m, "check", selected=["check"]) is None  # already focused: move on
    assert next_need(WardleyMap(), None) is None


def test_workshop_logic_does_not_import_qt() -> None:
    probe = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt imported by ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import wardley.workshop.value_chain, wardley.workshop.guided_start\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "ok", result.stderr


def test_an_owm_map_has_needs_where_a_user_depends_on_something_directly() -> None:
    from wardley.analysis.graph import element_roles
    from wardley.io.owm import parse_owm

    tea = parse_owm(
        "anchor Customer [0.95, 0.6]\ncomponent Cup of Tea [0.79, 0.61]\ncomponent Kettle [0.43, 0.35]\n"
        "anchor Staff [0.95, 0.3]\ncomponent Till [0.6, 0.5]\nCustomer->Cup of Tea\nCup of Tea->Kettle\nStaff->Till\n"
    ).map
    assert [name for _, name in needs_of(tea)] == ["Cup of Tea", "Till"]
    # The analysis reads the map the same way.
    roles = element_roles(tea)
    assert sorted(key for key, role in roles.items() if role == "need") == sorted(i for i, _ in needs_of(tea))
    assert value_chain(tea, needs_of(tea)[0][0]) == {"customer", "cup-of-tea", "kettle"}
