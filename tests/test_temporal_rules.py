"""The temporal rules' registry (temporal/rules/__init__.py) is validated at import:
a rule holds its resolver function, and a malformed rule fails there, naming itself."""

from __future__ import annotations

import importlib
import re
from typing import Any

import pytest

import summarize.temporal.rules as rules
from summarize.temporal.rules import RULES, sets, validate_registry
from summarize.temporal.rules.base import Context, Resolution, Rule
from summarize.temporal.rules.dates import resolve_month, resolve_month_day


def test_the_registry_holds_every_family_in_order_and_is_valid():
    validate_registry(RULES)
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    # Ties between equally long matches go to the earlier rule: clock times first, sets last.
    assert names[:3] == ["clock_day", "day_clock", "clock"]
    assert names[-1] == "frequency"
    assert all(callable(rule.resolver) and rule.resolver.__name__.startswith("resolve_") for rule in RULES)


def _rule(**changes) -> Rule:
    fields: dict[str, Any] = dict(name="bare_month", pattern=r"{month}", resolver=resolve_month, triggers=("month",))
    fields.update(changes)
    return Rule(**fields)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (dict(resolver="month"), "its resolver must be a function, not 'month'"),
        (dict(resolver=lambda m: None), "does not take (match, context)"),
        (dict(triggers=("monht",)), "unknown trigger categories ['monht']"),
        (dict(triggers=()), "names no trigger category"),
        (dict(prefixes=("postion",)), "unknown modifier kinds ['postion']"),
        (dict(requires=("",)), "an empty string in requires"),
        (dict(reach=(-1, 4)), "reach must be two character counts"),
        (dict(name="Bare Month"), "lower-case words joined by _"),
    ],
)
def test_a_malformed_rule_is_refused_naming_it(changes, message):
    with pytest.raises(ValueError, match=re.escape(message)) as error:
        validate_registry([*RULES, _rule(**changes)])
    assert str(error.value).startswith(f"temporal rule {changes.get('name', 'bare_month')!r}: ")


def test_two_rules_of_one_name_are_refused():
    with pytest.raises(ValueError, match=r"temporal rule 'month': its name is given to another rule too"):
        validate_registry([*RULES, _rule(name="month", resolver=resolve_month_day)])


def test_something_else_than_a_rule_is_refused():
    with pytest.raises(ValueError, match="not a Rule in the registry"):
        validate_registry([*RULES, ("month", r"{month}", "month")])


def test_importing_the_registry_validates_it(monkeypatch):
    """A family's table with a bad rule fails when the registry is imported."""
    monkeypatch.setattr(sets, "RULES", (*sets.RULES, _rule(name="every_month", triggers=("sets",))))
    try:
        with pytest.raises(ValueError, match=r"temporal rule 'every_month': unknown trigger categories \['sets'\]"):
            importlib.reload(rules)
    finally:
        monkeypatch.undo()
        importlib.reload(rules)
    assert [rule.name for rule in rules.RULES] == [rule.name for rule in RULES]


def test_a_match_of_several_expressions_gives_the_span_of_each():
    with pytest.raises(ValueError, match="needs the span of each"):
        Resolution("DATE", "2014-06-09", also=(Resolution("DATE", "2014-06-12", span=(7, 9)),))
    with pytest.raises(ValueError, match="needs the span of each"):
        Resolution("DATE", "2014-06-09", span=(0, 6), also=(Resolution("DATE", "2014-06-12"),))
    both = Resolution("DATE", "2014-06-09", span=(0, 6), also=(Resolution("DATE", "2014-06-12", span=(10, 12)),))
    assert [part.value for part in both.parts()] == ["2014-06-09", "2014-06-12"]


def test_a_resolver_returns_a_resolution_or_none():
    """The rule holds the function itself: the tagger calls it, no name is looked up."""
    (range_rule,) = [rule for rule in RULES if rule.name == "month_day_range"]
    text = "June 9 to 12"
    match = range_rule.regex.search(text.lower())
    resolved = range_rule.resolver(match, Context(dct=None, text=text, span=match.span()))
    assert resolved == Resolution(
        "DATE", "XXXX-06-09", span=(0, 6), also=(Resolution("DATE", "XXXX-06-12", span=(10, 12)),)
    )
    lower = "june 9 to 8"  # a range cannot end before it starts
    match = range_rule.regex.search(lower)
    assert range_rule.resolver(match, Context(dct=None, text="June 9 to 8", span=match.span())) is None
