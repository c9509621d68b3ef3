"""The training wing: commands that fit the models the stages ship (never imported by a stage)."""
