"""build.nbparams: a notebook's parameters, read without a kernel."""

from __future__ import annotations

import json

import pytest


from build_helpers import TINY


def test_notebook_parameters_are_read_without_a_kernel():
    from assad_collapse.build import nbparams
    from assad_collapse.errors import ParameterError

    found = nbparams.declared(json.dumps(TINY))
    assert found.cell_index == 1 and found.defaults == {"delay": 0.0, "fail": False, "label": "tiny"}
    injected, effective = nbparams.effective("tiny.ipynb", found, {"label": "x"}, {"delay": 2})
    assert injected == {"delay": 2, "label": "x"} and effective == {"delay": 2, "fail": False, "label": "x"}
    with pytest.raises(ParameterError, match="parameter 'colour'.*delay, fail, label"):
        nbparams.effective("tiny.ipynb", found, {}, {"colour": 1})
