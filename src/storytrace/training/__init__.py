"""The training wing: one module per shipped model, runnable as ``python -m storytrace.training.<name>``."""
