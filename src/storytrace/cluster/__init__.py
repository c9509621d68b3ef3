"""Cluster stage: articles + reuse edges + embeddings + names + time -> stories."""

from storytrace.cluster.embed import embed, load_embedder
from storytrace.cluster.features import STORY_THRESHOLD, story_similarity
from storytrace.cluster.stories import article_vectors, group_stories

__all__ = [
    "STORY_THRESHOLD",
    "article_vectors",
    "embed",
    "group_stories",
    "load_embedder",
    "story_similarity",
]
