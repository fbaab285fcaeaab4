"""YAML files read with the place of every value, for messages that say where: the rule
files, the sources file and the settings file share it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

Position = tuple[int, int]  # 1-based line and column
PathKey = tuple[str | int, ...]


class YamlValueError(ValueError):
    """A value YAML cannot take, at its place: a duplicate key, an impossible date."""

    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.line = mark.line + 1
        self.column = mark.column + 1


def format_field(location: Sequence[str | int]) -> str:
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def position_of(positions: dict[PathKey, Position], key: Sequence[str | int]) -> Position:
    """The position of ``key``, or of its nearest written parent."""
    parts = tuple(key)
    while parts:
        if parts in positions:
            return positions[parts]
        parts = parts[:-1]
    return positions.get((), (1, 1))


# libyaml's parser when PyYAML was built with it (the wheels are): the same documents,
# nodes and marks, several times faster than the pure Python one. A file it refuses is
# read again by the Python parser, whose messages point at the exact place.
_FastLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> tuple[Any, dict[PathKey, Position]]:
    """Parse with the safe loader and record the position of every value by its path."""
    try:
        return _parse(text, _FastLoader)
    except yaml.YAMLError:
        if _FastLoader is yaml.SafeLoader:
            raise
        return _parse(text, yaml.SafeLoader)


def _parse(text: str, loader_class: Any) -> tuple[Any, dict[PathKey, Position]]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        _check_nodes(loader, node)
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    positions: dict[PathKey, Position] = {}
    _record_positions(node, (), positions)
    return data, positions


def _check_nodes(loader: yaml.SafeLoader, node: yaml.Node) -> None:
    """Duplicate keys (YAML keeps the last one silently) and scalars that cannot be built
    (an impossible date), reported at their own line."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                first = seen[key].start_mark.line + 1
                raise YamlValueError(
                    f"the key {key!r} is written twice (first at line {first}): keep one",
                    key_node.start_mark,
                )
            seen[key] = key_node
            _check_nodes(loader, value_node)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_nodes(loader, item)
    elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
        try:
            loader.construct_yaml_timestamp(node)
        except ValueError as exc:
            raise YamlValueError(
                f"{node.value!r} is not a date ({exc}); write YYYY-MM-DD", node.start_mark
            ) from None


def _record_positions(node: yaml.Node, path: PathKey, positions: dict[PathKey, Position]) -> None:
    positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            _record_positions(value_node, (*path, key), positions)
            # A missing or extra key is best reported at the key itself.
            positions.setdefault((*path, key, "__key__"), positions[(*path, key)])
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_positions(item, (*path, index), positions)
