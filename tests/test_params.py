"""params.py: parameters are checked on entry with a message naming parameter, value and what is allowed."""

from __future__ import annotations

import re

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
    for text in ("heuer", "__import__('os').system('true')", "1 + 1"):
        with pytest.raises(ValueError, match="not a Python literal"):
            parse_literal(text)


@pytest.mark.parametrize("text, says", [
    ("-" * 3000 + "1", "longer than 2000 characters"),
    ("-" * 1500 + "1", "nested deeper than 8 levels"),
    ("[" * 20 + "]" * 20, "nested deeper than 8 levels"),
    ("[" * 500 + "]" * 500, "not a Python literal"),
])
def test_huge_or_deep_literals_are_refused_in_words(text, says):
    with pytest.raises(ValueError, match=says):
        parse_literal(text)


@pytest.mark.parametrize("text, value", [("0.35", 0.35), ("1", 1.0), ("None", None)])
def test_a_spec_parses_its_command_line_text(text, value):
    assert SPECS[1].parse(text) == value if text != "0.35" else SPECS[0].parse(text) == value


@pytest.mark.parametrize("spec, text, says", [
    (0, "abc", "got 'abc'; allowed: a number from 0 to 1 (the value given is not a Python literal)"),
    (0, "5", "got 5; allowed: a number from 0 to 1"),
    (0, "[1]", "got [1]"),
    (0, "1e999", "got inf"),
    (0, "True", "got True"),
    (0, "9" * 1999, "(1,999 characters); allowed: a number from 0 to 1"),
    (2, "'vote'", "one of 'heuer', 'bayes'"),
    (3, "['a', ['b']]", "a list of any of"),
])
def test_a_spec_refuses_bad_command_line_text_naming_value_and_what_is_allowed(spec, text, says):
    with pytest.raises(ParameterError, match=re.escape(says)):
        SPECS[spec].parse(text)


def test_plain_words_are_text_only_for_a_text_parameter():
    assert SPECS[2].parse("bayes") == "bayes" and SPECS[2].parse("'bayes'") == "bayes"
    with pytest.raises(ParameterError, match="one of 'heuer', 'bayes'"):
        SPECS[2].parse("vote")


def test_a_huge_value_is_shortened_in_the_message():
    with pytest.raises(ParameterError) as info:
        SPECS[0].parse("-" * 3000 + "1")
    assert len(str(info.value)) < 300 and "3,001 characters" in str(info.value)
