from wardley.analysis.graph import map_graph
from wardley.analysis.lint import lint_map
from tests.analysis.builders import make_map


def lint(wardley_map):
    return lint_map(map_graph(wardley_map), "m.wardley.json")


def kinds(issues):
    return [(issue.kind, issue.element) for issue in issues]


def test_a_clean_map_has_no_issues():
    clean = make_map(users=["User"], needs=[("Need", 0.5, 0.9)], components=[("A", 0.5, 0.5), ("B", 0.7, 0.3)],
                     links=[("User", "Need"), ("Need", "A"), ("A", "B")])
    assert lint(clean) == []


def test_cycle():
    looped = make_map(users=["User"], needs=[("Need", 0.5, 0.9)], components=[("A", 0.5, 0.5), ("B", 0.5, 0.5)],
                      links=[("User", "Need"), ("Need", "A"), ("A", "B"), ("B", "A")])
    issues = [issue for issue in lint(looped) if issue.kind == "cycle"]
    assert len(issues) == 1
    assert "A -> B -> A" in issues[0].message or "B -> A -> B" in issues[0].message


def test_unreached_component():
    stray = make_map(users=["User"], needs=[("Need", 0.5, 0.9)], components=[("A", 0.5, 0.5), ("Stray", 0.5, 0.2)],
                     links=[("User", "Need"), ("Need", "A")])
    assert kinds(lint(stray)) == [("unreached", "Stray")]
    assert lint(stray)[0].element_id == "stray"


def test_dependency_drawn_above_what_depends_on_it():
    upside = make_map(users=["User"], needs=[("Need", 0.5, 0.9)], components=[("A", 0.5, 0.4), ("B", 0.5, 0.6)],
                      links=[("User", "Need"), ("Need", "A"), ("A", "B")])
    assert kinds(lint(upside)) == [("drawn-above", "B")]


def test_duplicate_names_after_normalisation():
    twice = make_map(users=["User"], needs=[("Need", 0.5, 0.9)],
                     components=[("Payments", 0.5, 0.5), ("online payment", 0.6, 0.4)],
                     links=[("User", "Need"), ("Need", "Payments"), ("Need", "online payment")])
    assert [issue.kind for issue in lint(twice)] == ["duplicate-name"]


def test_need_with_nothing_under_it():
    empty = make_map(users=["User"], needs=[("Need", 0.5, 0.9), ("Empty", 0.5, 0.9)], components=[("A", 0.5, 0.5)],
                     links=[("User", "Need"), ("User", "Empty"), ("Need", "A")])
    assert kinds(lint(empty)) == [("empty-need", "Empty")]


def test_a_map_without_needs_is_flagged_once_not_per_component():
    bare = make_map(components=[("A", 0.5, 0.5), ("B", 0.5, 0.4)], links=[("A", "B")])
    assert [issue.kind for issue in lint(bare)] == ["no-needs"]


def test_what_a_user_depends_on_directly_is_a_need():
    # No element of kind "need": the component the user depends on plays that part.
    implicit = make_map(users=["User"], components=[("Front", 0.5, 0.8), ("Back", 0.5, 0.4)],
                        links=[("User", "Front"), ("Front", "Back")])
    graph = map_graph(implicit)
    assert graph.needs == ["front"]
    assert graph.needs_served["back"] == frozenset({"front"})
    assert lint(implicit) == []
