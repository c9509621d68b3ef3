"""Built stories kept on disk until they are saved, so a run holds one batch in memory.

A run builds its stories a batch at a time and saves them all in one transaction
(``Store.replace_stories``), so a run killed at any point leaves the previous stories
whole. Held in memory until then, the built stories grew with the corpus (about 400 MB
per 1,000 composed articles); written here as they are built and read back one at a
time while they are saved, they cost disk, not memory.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Self

from storytrace.records import Story


class StorySpill:
    """An unnamed temporary file of stories: appended to as they are built, then read
    back once, in the order written.

    The file is removed when it is made (``tempfile.TemporaryFile``): a killed run leaves
    nothing behind. It lives in ``directory`` or the system's temporary folder (``TMPDIR``).
    """

    def __init__(self, directory: str | Path | None = None) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115 (closed by close)
        self.count = 0

    def add(self, story: Story) -> None:
        """Write one story to the end of the file."""
        pickle.dump(story, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __iter__(self) -> Iterator[Story]:
        """Every story written, in order, read one at a time."""
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.count):
            yield pickle.load(self._file)  # noqa: S301 (this run's own unnamed file)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
