"""The extraction data files are read strictly: repeated keys and entries are errors naming file and line."""
from __future__ import annotations

import pytest

from truce.errors import ConfigError
from truce.extract.datafiles import parse_data, read_data


def test_repeated_key_is_an_error_with_file_and_line() -> None:
    with pytest.raises(ConfigError) as err:
        parse_data("AGREE:\n  nouns: {deal: null,\n    accord: null, deal: peace}\n", "triggers.yaml")
    assert err.value.code == "E204"
    assert "data/triggers.yaml line 3" in str(err.value) and "'deal'" in str(err.value)


def test_repeated_list_entry_is_an_error_with_file_and_line() -> None:
    with pytest.raises(ConfigError) as err:
        parse_data("light_verbs: [launch, carry,\n  announce, Announce]\n", "triggers.yaml")
    assert err.value.code == "E204" and "line 2" in str(err.value)


def test_a_file_that_is_not_a_mapping_is_refused() -> None:
    with pytest.raises(ConfigError) as err:
        parse_data("- just\n- a list\n", "weapons.yaml")
    assert err.value.code == "E202"


@pytest.mark.parametrize("name", ["triggers.yaml", "actors.yaml", "weapons.yaml", "defacto.yaml"])
def test_shipped_data_files_read_strictly(name: str) -> None:
    data = read_data(name)
    assert data, f"{name} is empty"
