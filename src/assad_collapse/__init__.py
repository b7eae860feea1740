"""Reproducible reports on Giustozzi, *Russia and the Collapse of the Assad Regime* (RUSI, 2025).

Subpackages by stage: :mod:`.paper` (the paper's data), :mod:`.analyses` (one
module per report, the ACH engine), :mod:`.presentation` (what a reader sees)
and :mod:`.build` (turning notebooks into published HTML). :mod:`.cli`,
:mod:`.catalogue`, :mod:`.params`, :mod:`.paths` and :mod:`.errors` are shared.
"""
