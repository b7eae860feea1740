"""build.nbparams: a notebook's parameters, read without a kernel."""

from __future__ import annotations

import json

from build_helpers import TINY


def test_notebook_parameters_are_read_without_a_kernel():
    from assad_collapse.build import nbparams

    found = nbparams.declared(json.dumps(TINY))
    assert found.cell_index == 1 and found.defaults == {"delay": 0.0, "fail": False, "label": "tiny"}
    assert found.comments == {"delay": "seconds to sleep"} and found.not_literal == frozenset()


def test_an_expression_default_is_kept_as_text_and_marked():
    from assad_collapse.build import nbparams

    nb = {"cells": [{"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": "n = len('ab')\nk: int = 3"}]}
    found = nbparams.declared(nb)
    assert found.defaults == {"n": "len('ab')", "k": 3} and found.not_literal == {"n"}
