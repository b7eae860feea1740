"""params.py: parameters are checked on entry with a message naming parameter, value and what is allowed."""

from __future__ import annotations

import pytest

from assad_collapse.errors import ParameterError
from assad_collapse.params import Param, check_parameters, parse_literal

SPECS = (
    Param("share", float, 0.5, "a share", minimum=0.0, maximum=1.0),
    Param("peak", float, None, "a level", minimum=0.1, maximum=20.0, optional=True),
    Param("scheme", str, "heuer", "a scheme", choices=("heuer", "bayes")),
    Param("kinds", list, [], "kinds", choices=("a", "b"), many=True),
)


def test_defaults_and_normalisation():
    assert check_parameters(SPECS, {"share": 1, "kinds": ["b", "a"]}) == {"share": 1.0, "peak": None, "scheme": "heuer", "kinds": ["a", "b"]}


@pytest.mark.parametrize(
    "values, name, allowed",
    [
        ({"share": "half"}, "share", "a number from 0 to 1"),
        ({"share": 1.5}, "share", "a number from 0 to 1"),
        ({"share": float("nan")}, "share", "a number"),
        ({"share": True}, "share", "a number"),
        ({"peak": 0}, "peak", "or None"),
        ({"scheme": "vote"}, "scheme", "one of 'heuer', 'bayes'"),
        ({"kinds": ["c"]}, "kinds", "a list of any of"),
        ({"kinds": "a"}, "kinds", "a list of any of"),
        ({"shares": 0.3}, "shares", "one of the report's parameters: share, peak, scheme, kinds"),
    ],
)
def test_bad_values_are_named(values, name, allowed):
    with pytest.raises(ParameterError) as info:
        check_parameters(SPECS, values)
    message = str(info.value)
    assert f"parameter '{name}'" in message and allowed in message and repr(list(values.values())[0]) in message


def test_command_line_values_are_literals_never_evaluated():
    assert parse_literal("0.3") == 0.3
    assert parse_literal("None") is None
    assert parse_literal("['a', 'b']") == ["a", "b"]
    assert parse_literal("heuer") == "heuer"
    assert parse_literal("__import__('os').system('true')") == "__import__('os').system('true')"
