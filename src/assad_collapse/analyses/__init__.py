"""The analyses, one module per report topic; the ACH engine is its own subpackage (:mod:`.ach`).

Analyses use the paper's data (:mod:`..paper`) and the presentation (:mod:`..presentation`).
"""
