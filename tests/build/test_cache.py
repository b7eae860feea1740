"""build.cache: what a report depends on, as hashes."""

from __future__ import annotations



from assad_collapse.build import cache
from assad_collapse.build.plan import plan as build_plan
from assad_collapse.catalogue import load_catalogue



def test_python_and_package_versions_are_inputs(tiny, monkeypatch):
    env = cache.environment(tiny.data)
    monkeypatch.setattr(cache, "versions", lambda: {**env.versions, "python": "3.99.0"})
    assert build_plan(load_catalogue(tiny.catalogue), tiny.reports, tiny.data, root=tiny.root).todo == {
        "tiny-a": ["versions changed"], "tiny-b": ["versions changed"]}


def test_parameter_hashes_do_not_depend_on_order():
    assert cache.digest({"a": 1, "b": {"x", "y", "z"}}) == cache.digest({"b": {"z", "y", "x"}, "a": 1})
    assert cache.digest({"a": (1, 2)}) != cache.digest({"a": [1, 2]})
    assert cache.digest({"a": 1}) != cache.digest({"a": 1.0})
