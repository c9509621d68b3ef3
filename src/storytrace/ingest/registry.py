"""The reader registry: versioned names -> reader functions, and file suffixes -> names.

Built-in readers register here through :func:`register_reader`, the same way a
third-party reader would. A saved run records the reader names it used, so it can be
reproduced after a ``v2`` lands. :class:`ReadOptions` holds the limits every reader
obeys; :func:`read_options` sets them for a block of code (the CLI's ``--max-bytes``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from storytrace.errors import ConfigError, InputRejected
from storytrace.ingest.policy import FetchPolicy, parse_networks
from storytrace.records import Article

DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_REDIRECTS = 5
DEFAULT_MAX_FEED_LINKS = 50
DEFAULT_EXTRACT_TIMEOUT = 30.0
DEFAULT_EXTRACT_MEMORY = 1_000_000_000


@dataclass(frozen=True)
class ReadOptions:
    """Limits every reader obeys.

    Args:
        max_bytes: the size cap of one input: a file on disk, a download, one archive
            record or feed entry after decompression.
        timeout: seconds allowed for each download, from connecting to the last byte.
        max_redirects: HTTP redirects followed per download.
        fetch_links: fetch the linked page of a feed entry that carries no full text.
        max_feed_links: linked pages fetched per feed at most; entries past it are rejected.
        allow_private_hosts: networks (``127.0.0.1``, ``10.0.0.0/8``) a download may reach
            although they are loopback, private, link-local or otherwise not public.
        follow_symlinks: read files and folders that symlinks lead to outside the input
            folder (inside it they are always read).
        extract_timeout: seconds allowed to extract one web page's text.
        extract_memory: bytes of memory allowed to extract one web page's text.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    fetch_links: bool = True
    max_feed_links: int = DEFAULT_MAX_FEED_LINKS
    allow_private_hosts: tuple[str, ...] = ()
    follow_symlinks: bool = False
    extract_timeout: float = DEFAULT_EXTRACT_TIMEOUT
    extract_memory: int = DEFAULT_EXTRACT_MEMORY

    def __post_init__(self) -> None:
        if self.max_bytes < 1:
            raise ConfigError(f"max_bytes must be a positive number of bytes, not {self.max_bytes}")
        if self.timeout <= 0:
            raise ConfigError(f"timeout must be a positive number of seconds, not {self.timeout}")
        if self.max_redirects < 0:
            raise ConfigError(f"max_redirects must be 0 or more, not {self.max_redirects}")
        if self.max_feed_links < 0:
            raise ConfigError(f"max_feed_links must be 0 or more, not {self.max_feed_links}")
        if self.extract_timeout <= 0:
            raise ConfigError(f"extract_timeout must be above 0, not {self.extract_timeout}")
        if self.extract_memory < 1:
            raise ConfigError(f"extract_memory must be above 0, not {self.extract_memory}")
        if isinstance(self.allow_private_hosts, str):
            raise ConfigError("allow_private_hosts must be a tuple of networks, not a string")
        object.__setattr__(self, "allow_private_hosts", tuple(self.allow_private_hosts))
        parse_networks(self.allow_private_hosts)  # ConfigError for a value that is no network

    @property
    def policy(self) -> FetchPolicy:
        """The fetch policy these options set (see ``policy.py``)."""
        return FetchPolicy(parse_networks(self.allow_private_hosts))


_CURRENT: ContextVar[ReadOptions] = ContextVar(
    "storytrace_read_options",
    default=ReadOptions(),  # noqa: B039  (ReadOptions is a frozen dataclass)
)


def current_options() -> ReadOptions:
    """The options set by the innermost :func:`read_options` block (defaults outside one)."""
    return _CURRENT.get()


@contextmanager
def read_options(options: ReadOptions) -> Iterator[ReadOptions]:
    """Use ``options`` for every read started inside the block (``analyze()`` included).

    Example:
        >>> with read_options(ReadOptions(max_bytes=1_000_000)):  # doctest: +SKIP
        ...     analyze(["inbox/"])
    """
    token = _CURRENT.set(options)
    try:
        yield options
    finally:
        _CURRENT.reset(token)


ReadResult = Article | InputRejected
Reader = Callable[[Path, str, ReadOptions], Iterable[ReadResult]]

READERS: dict[str, Reader] = {}
"""Registered readers by versioned name, e.g. ``"storytrace.ingest.text.v1"``."""

SUFFIXES: dict[str, str] = {}
"""Lower-case file suffix (``".txt"``; ``""`` for none) -> registered reader name."""

_REAL_SUFFIX = re.compile(r"\.[a-z][a-z0-9]{0,9}")

NOT_YET: dict[str, str] = {}
"""Input kinds the design names but this version cannot read, with what to do instead."""


def register_reader(name: str, *, suffixes: Iterable[str]) -> Callable[[Reader], Reader]:
    """Register a reader under a versioned name for the given file suffixes."""

    def decorate(reader: Reader) -> Reader:
        READERS[name] = reader
        for suffix in suffixes:
            SUFFIXES[suffix.lower()] = name
        return reader

    return decorate


def suffix_of(path: Path) -> str:
    """The dispatch suffix of ``path``: ``".warc.gz"`` or the last real suffix, else ``""``."""
    name = path.name.lower()
    for double in (".warc.gz",):
        if name.endswith(double):
            return double
    suffix = path.suffix.lower()
    # "2022.03.10" or "Report 1.5 final" have no real extension: read them as plain text.
    return suffix if _REAL_SUFFIX.fullmatch(suffix) else ""


def supported_suffixes() -> str:
    """The registered suffixes as a readable list for error messages."""
    shown = sorted(suffix for suffix in SUFFIXES if suffix)
    text = ", ".join(shown)
    if "" in SUFFIXES:
        text += " (or no extension for plain text)"
    return text
