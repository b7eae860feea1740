"""The paper's data: schemas and vocabularies, CSV reading, validation, typed loading, derived figures, quantities and the outline.

Nothing here imports an analysis, the presentation or the build.
"""
