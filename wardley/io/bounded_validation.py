"""Validating map data so that the cost of a broken file is bounded by its size.

Pydantic builds every error it finds, and an error costs far more memory than the
bytes that caused it: 31 MB of notes with forty unknown keys each made four million
errors (5 GB). So unknown keys are taken out (and counted) in one cheap pass first,
and the record lists are validated a slice at a time: only the first
:data:`MAX_PROBLEMS` problems are ever turned into text, the rest are counted.
"""

from __future__ import annotations

import types
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from wardley.io.problems import Problem, ProblemList
from wardley.model.entities import MapContent, Snapshot, WardleyMap

M = TypeVar("M", bound=BaseModel)
#: Records validated per call: few enough that one slice's errors stay small.
SLICE = 500
_CONTENT_LISTS = ("elements", "links", "evolves", "pipelines", "notes", "annotations", "accelerators", "attitudes")


def json_path(loc: tuple[int | str, ...], prefix: str = "$") -> str:
    path = prefix
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


# -- unknown keys ----------------------------------------------------------------


def _record_type(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """(the record type a field holds, whether it holds a list of them)."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        for arg in get_args(annotation):
            found = _record_type(arg)
            if found[0] is not None:
                return found
        return None, False
    if origin is list:
        inner = get_args(annotation)[0]
        return (inner, True) if isinstance(inner, type) and issubclass(inner, BaseModel) else (None, False)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    return None, False


@cache
def _nested(model: type[BaseModel]) -> dict[str, tuple[type[BaseModel] | None, bool]]:
    return {name: _record_type(info.annotation) for name, info in model.model_fields.items()}


def strip_unknown(data: Any, model: type[BaseModel], path: str, problems: ProblemList) -> Any:
    """``data`` without keys ``model`` does not know (each one a problem), at every depth."""
    if not isinstance(data, dict):
        return data
    fields = _nested(model)
    unknown = data.keys() - fields.keys()
    if unknown:
        if problems.full():
            problems.more += len(unknown)  # counted, never built: the point of this module
        else:
            for key in data:  # in file order
                if key in unknown:
                    problems.add(Problem(f"{path}.{key}", "unknown field"))
        data = {key: value for key, value in data.items() if key not in unknown}
    out = data
    for key, (inner, many) in fields.items():
        if inner is None or key not in data:
            continue
        value = data[key]
        if out is data:
            out = dict(data)  # copied before the first change: the caller's data stays as read
        if many and isinstance(value, list):
            out[key] = [strip_unknown(item, inner, f"{path}.{key}[{i}]", problems) for i, item in enumerate(value)]
        else:
            out[key] = strip_unknown(value, inner, f"{path}.{key}", problems)
    return out


# -- validation a slice at a time ----------------------------------------------------


@cache
def _list_of(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def _add_errors(error: ValidationError, prefix: str, offset: int, problems: ProblemList, describe: Any) -> None:
    if problems.full():
        problems.more += error.error_count()  # counted without building them
        return
    for details in error.errors(include_url=False, include_input=True):
        loc = details["loc"]
        if offset and loc and isinstance(loc[0], int):
            loc = (loc[0] + offset, *loc[1:])
        problems.add(Problem(json_path(loc, prefix), describe(details)))


def _records(model: type[M], items: list[Any], prefix: str, problems: ProblemList, describe: Any) -> list[M]:
    valid: list[M] = []
    adapter = _list_of(model)
    for start in range(0, len(items), SLICE):
        try:
            valid.extend(adapter.validate_python(items[start : start + SLICE]))
        except ValidationError as error:
            _add_errors(error, prefix, start, problems, describe)
    return valid


def _snapshots(items: list[Any], prefix: str, problems: ProblemList, describe: Any) -> list[Snapshot]:
    valid: list[Snapshot] = []
    for i, item in enumerate(items):
        place = f"{prefix}[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("content"), dict):
            try:
                valid.append(Snapshot.model_validate(item))
            except ValidationError as error:
                _add_errors(error, place, 0, problems, describe)
            continue
        content = validate_content(MapContent, item["content"], f"{place}.content", problems, describe)
        head = {key: value for key, value in item.items() if key != "content"}
        try:
            if content is not None:
                valid.append(Snapshot.model_validate({**head, "content": content}))
            else:
                Snapshot.model_validate({**head, "content": {}})
        except ValidationError as error:
            _add_errors(error, place, 0, problems, describe)
    return valid


def validate_content(model: type[M], data: dict[str, Any], prefix: str, problems: ProblemList, describe: Any) -> M | None:
    """``data`` (unknown keys already taken out) as ``model``, or None with its problems added."""
    before = len(problems.items) + problems.more
    lists: dict[str, Any] = {}
    head: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, list) and (key in _CONTENT_LISTS or key == "snapshots"):
            lists[key] = value
        else:
            head[key] = value  # a list field holding something else is reported with the head
    try:
        model.model_validate(head)
    except ValidationError as error:
        _add_errors(error, prefix, 0, problems, describe)
    fields = model.model_fields
    checked: dict[str, list[Any]] = {}
    for key, items in lists.items():
        if key == "snapshots":
            checked[key] = _snapshots(items, f"{prefix}.snapshots", problems, describe)
        else:
            record, _ = _nested(model)[key]
            assert record is not None and key in fields
            checked[key] = _records(record, items, f"{prefix}.{key}", problems, describe)
    if len(problems.items) + problems.more > before:
        return None
    # Records already validated pass through as they are (pydantic does not validate instances again).
    return model.model_validate({**head, **checked})


def valid_snapshot(data: Any) -> Snapshot | None:
    """One snapshot read from an OWM comment, or None if it is not valid (at a cost bounded as above)."""
    if not isinstance(data, dict):
        return None
    problems = ProblemList()
    stripped = strip_unknown(data, Snapshot, "$", problems)
    if problems:
        return None
    found = _snapshots([stripped], "$", problems, lambda details: details["msg"])
    return found[0] if found and not problems else None


def validate_map(body: dict[str, Any], problems: ProblemList, describe: Any) -> WardleyMap | None:
    stripped = strip_unknown(body, WardleyMap, "$", problems)
    wardley_map = validate_content(WardleyMap, stripped, "$", problems, describe)
    return wardley_map if not problems else None
