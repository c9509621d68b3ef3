"""Cluster stage: articles + reuse edges + embeddings + names + time -> stories."""

from storytrace.cluster.embed import embed, load_embedder
from storytrace.cluster.events import EVENT_THRESHOLD, same_event
from storytrace.cluster.features import STORY_THRESHOLD, TOPIC_THRESHOLD, story_similarity
from storytrace.cluster.stories import article_vectors, group_stories

__all__ = [
    "EVENT_THRESHOLD",
    "STORY_THRESHOLD",
    "TOPIC_THRESHOLD",
    "article_vectors",
    "embed",
    "group_stories",
    "load_embedder",
    "same_event",
    "story_similarity",
]
