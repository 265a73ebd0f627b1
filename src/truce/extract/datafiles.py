"""The extraction data files (data/*.yaml) read strictly: a mistake in them is an error, not a
silently different lexicon.

Plain YAML lets a repeated key silently replace the first (a second `deal:` entry loses the
first reading) and a list repeat an entry. Here both are errors that name the file and the line
(E204), as are unreadable files (E201) and a file that is not a mapping (E202).
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from truce.errors import ConfigError


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses repeated mapping keys and repeated scalar entries in a list."""

    name = ""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise ConfigError("E204", f"extraction lexicon data/{self.name} line {line}: key {key!r} repeats "
                                  f"the one on line {seen[key]}", hint="merge the two entries into one")
            seen[key] = line
        return super().construct_mapping(node, deep=deep)

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> list[Any]:
        seen: dict[str, int] = {}
        for item in node.value:
            if isinstance(item, yaml.ScalarNode):
                value = str(item.value).lower()
                line = item.start_mark.line + 1
                if value in seen:
                    raise ConfigError("E204", f"extraction lexicon data/{self.name} line {line}: entry {item.value!r} "
                                      f"repeats the one on line {seen[value]}", hint="remove one of them")
                seen[value] = line
        return super().construct_sequence(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _StrictLoader.construct_mapping)
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _StrictLoader.construct_sequence)


def parse_data(text: str, name: str) -> dict[str, Any]:
    """Parse one data file's text strictly (see the module docstring); `name` is used in errors."""
    loader = _StrictLoader(text)
    loader.name = name
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        raise ConfigError("E201", f"extraction lexicon data/{name} cannot be read: {exc}".replace("\n", " "),
                          hint="fix the YAML syntax at the line named") from exc
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise ConfigError("E202", f"extraction lexicon data/{name} is not a mapping",
                          hint="restore the file from the release")
    return data


def read_data(name: str) -> dict[str, Any]:
    """One of the package's extraction data files, parsed strictly."""
    try:
        text = resources.files("truce.extract").joinpath("data", name).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError("E201", f"extraction lexicon data/{name} cannot be read: {exc}",
                          hint="reinstall truce; the lexicons ship inside the package") from exc
    return parse_data(text, name)
