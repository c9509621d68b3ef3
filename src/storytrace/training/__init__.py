"""The training wing: the commands that fit the learned models the stages ship.

Each trainer runs as ``python -m storytrace.training.<name>``; nothing here runs in the
pipeline. The artefacts live next to the stage that runs them (``<stage>/data/``), each
with a ``<name>.meta.json`` naming its training data (and their digest), the command,
the seed and the dev scores.
"""
