"""build.nbclean: cell indices as they are in the notebook file."""

from __future__ import annotations






def test_cell_indices_are_those_of_the_notebook_file():
    from assad_collapse.build.nbclean import original_cell_index

    assert original_cell_index(4, 1, injected=True) == 3
    assert original_cell_index(2, 1, injected=True) is None  # the injected cell itself
    assert original_cell_index(1, 1, injected=True) == 1
    assert original_cell_index(4, 1, injected=False) == 4
