"""The Spark engine: the read and embed stages spread over Spark partitions.

``storytrace analyze --engine spark [--spark-master URL]`` runs stages 2-3 (the read
stage and article vectors) with :class:`SparkEngine`; every other stage and the store
are the embedded engine's, so both engines write the same stories. See ``docs/spark.md``.
"""

from storytrace.spark.engine import SparkEngine
from storytrace.spark.session import DEFAULT_MASTER, spark_session

__all__ = ["DEFAULT_MASTER", "SparkEngine", "spark_session"]
