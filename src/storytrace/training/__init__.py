"""The training wing: one module per shipped model (``python -m storytrace.training.<name>``)."""
