"""newslens.plan: parameters checked against the type their notebook declares."""

from __future__ import annotations

import pytest
from newslens.plan import RunError, parse_parameter


@pytest.mark.parametrize(
    ("text", "type_name", "expected"),
    [
        ("top_n=30", "int", ("top_n", 30)),
        ("corpus=data/2024.csv", "str", ("corpus", "data/2024.csv")),
        ("labels=PERSON,ORG", "list[str]", ("labels", ["PERSON", "ORG"])),
        ('labels=["GPE"]', "list[str]", ("labels", ["GPE"])),
        ("hide=yes", "bool", ("hide", True)),
        ("weight=2", "float", ("weight", 2.0)),
    ],
)
def test_parameters_take_the_declared_type(text, type_name, expected):
    assert parse_parameter(text, type_name) == expected


@pytest.mark.parametrize(
    ("text", "type_name", "message"),
    [
        ("top_n=many", "int", "not a valid int"),
        ("top_n=1.5", "int", "not a valid int"),
        ("threshold=high", "float", "not a valid float"),
        ("labels={'a': 1}", "list", "not a valid list"),
        ("top_n", "int", "not of the form name=value"),
    ],
)
def test_a_value_of_another_type_is_refused(text, type_name, message):
    with pytest.raises(RunError, match=message):
        parse_parameter(text, type_name)
