"""Start a Spark session, or say in one line why it cannot start."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from storytrace.errors import ConfigError, PipelineError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

DEFAULT_MASTER = "local[*]"


def java_found() -> str | None:
    """The ``java`` Spark will start: ``$JAVA_HOME/bin/java`` when JAVA_HOME is set, else PATH's."""
    home = os.environ.get("JAVA_HOME")
    if home:
        java = Path(home) / "bin" / "java"
        return str(java) if java.is_file() and os.access(java, os.X_OK) else None
    return shutil.which("java")


def spark_session(master: str = DEFAULT_MASTER) -> SparkSession:
    """A Spark session on ``master``; ConfigError when Java or PySpark is missing.

    SPARK_LOCAL_IP defaults to 127.0.0.1 so local mode never binds a public address.
    """
    if java_found() is None:
        where = os.environ.get("JAVA_HOME")
        raise ConfigError(
            "the Spark engine needs Java 17: "
            + (f"JAVA_HOME={where} has no bin/java" if where else "no java on PATH")
            + " (Debian: apt-get install openjdk-17-jre-headless)"
        )
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError(f"the Spark engine needs pyspark ({exc})") from None
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this Python
    try:
        return (
            SparkSession.builder.master(master)
            .appName("storytrace")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.python.worker.reuse", "true")
            .getOrCreate()
        )
    except Exception as exc:  # Py4J / JVM start-up: name the reason, not a traceback
        raise PipelineError(f"Spark did not start on {master}: {first_line(exc)}") from None


def first_line(exc: BaseException) -> str:
    """The exception's name and the first line of its message (Py4J messages run long)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return f"{type(exc).__name__}: {lines[0][:300]}" if lines else type(exc).__name__
