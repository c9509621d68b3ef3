"""Cluster stage: articles + reuse edges + embeddings + entities + time -> stories."""

from storytrace.cluster.embed import embed, load_embedder
from storytrace.cluster.stories import article_vectors, entity_sets, group_stories, similarity

__all__ = [
    "article_vectors",
    "embed",
    "entity_sets",
    "group_stories",
    "load_embedder",
    "similarity",
]
