"""The build: plan from input hashes, lock, atomic writes, worker processes, notebook cleaning, manifest, index page and downloads.

The no-op path of a build imports the standard library only, so this package's modules import pandas,
papermill or nbconvert only where they need them (the workers, the downloads).
"""
