"""ach.settings: every switch checked on entry, the tables the schemes use, the prior."""

from __future__ import annotations

import numpy as np
import pytest

from assad_collapse.analyses import ach
from assad_collapse.errors import ParameterError


@pytest.mark.parametrize("bad", [
    {"scheme": "parc"}, {"ladder": "steep"}, {"na": "skip"}, {"weighted": "yes"}, {"author": 1},
    {"ii_weight": 0.5}, {"ii_weight": 5}, {"dependence": -0.1}, {"dependence": 1.5}, {"dependence": float("nan")},
    {"prior": [1, 2]},  # a prior needs the Bayesian reading
])
def test_bad_settings_raise_parameter_error(bad):
    with pytest.raises(ParameterError):
        ach.Settings(**bad)


def test_defaults_are_parc_and_additive():
    s = ach.Settings()
    assert (s.scheme, s.weighted, s.ii_weight, s.na, s.dependence, s.author) == ("heuer", True, 2.0, "zero", 0.0, True)
    assert s.additive and not s.but(dependence=0.5).additive and not s.but(na="average").additive
    assert s.cell_table().tolist() == [0.0, 0.0, 0.0, 1.0, 2.0, 0.0]


def test_check_prior():
    assert ach.check_prior(None, ("a", "b")).tolist() == [0.5, 0.5]
    assert ach.check_prior({"b": 3, "a": 1}, ("a", "b")) == pytest.approx(np.array([0.25, 0.75]))
    for bad in ([1], [1, -1], [1, float("nan")], [True, 1], {"a": 1}, "flat"):
        with pytest.raises(ParameterError):
            ach.check_prior(bad, ("a", "b"))
