"""Inputs -> files -> readers: walks folders, dispatches by suffix, never stops on one bad input.

Every input is one of:

1. an ``http(s)`` URL: downloaded, then read as a page or a feed (``web.py``);
2. a folder: read recursively in sorted order, skipping hidden files and folders and
   ``*.meta.json`` sidecars (read with their article), and the folder's own documentation
   (README, LICENSE, ``*.md``); symlinks are followed inside the input folder (a folder
   symlink there is not walked twice) and, only with ``follow_symlinks``, out of it;
3. a file: dispatched by suffix to a registered reader (see ``registry.SUFFIXES``).

Whatever cannot be read is yielded as an :class:`InputRejected`, never raised: that
includes every path a folder walk skips other than on purpose (a folder it cannot list,
a FIFO, socket or device, a dangling symlink, a symlink loop, a symlink out of the input
folder). Sources are the paths as given, with the bytes of names that are not UTF-8
written as ``\\xNN`` and credentials removed from URLs.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from storytrace.errors import ConfigError, InputRejected
from storytrace.ingest import (  # noqa: F401  (built-in readers register on import)
    feeds,
    html,
    jsonl,
    tabular,
    text,
    warc,
)
from storytrace.ingest.fetch import is_web_url
from storytrace.ingest.names import printable, shown_path
from storytrace.ingest.policy import without_userinfo
from storytrace.ingest.registry import (
    NOT_YET,
    READERS,
    SUFFIXES,
    ReadOptions,
    ReadResult,
    current_options,
    suffix_of,
    supported_suffixes,
)
from storytrace.ingest.sidecar import is_sidecar
from storytrace.ingest.web import read_url

logger = logging.getLogger(__name__)

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_LOOP = "a symlink loop (it leads back to itself); skipped"


@dataclass(frozen=True)
class _Item:
    """One thing to read: a file, a URL, or an input already known to be rejected."""

    source: str
    path: Path | None = None
    reason: str | None = None
    url: str | None = None


def count_inputs(inputs: Sequence[str | os.PathLike[str]]) -> int:
    """How many files (and URLs) :func:`read_inputs` will visit, for a progress bar."""
    return sum(1 for _ in _plan(_as_strings(inputs), current_options()))


def read_inputs(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    max_bytes: int | None = None,
    options: ReadOptions | None = None,
    on_file: Callable[[str], None] | None = None,
) -> Iterator[ReadResult]:
    """Read files, folders, URLs, feeds, archives and exports into Articles.

    Every input that cannot be read (or every bad line, row, entry or record of one) is
    yielded as an InputRejected, never raised.

    Args:
        inputs: file paths, folder paths (read recursively) or http(s) URLs, as the user
            gave them; each result's ``source`` is built from the input as given.
        max_bytes: the size cap (overrides ``options.max_bytes``); bigger inputs are
            rejected without being read whole.
        options: limits for sizes, downloads and feeds; by default those of the innermost
            :func:`~storytrace.ingest.read_options` block.
        on_file: called with each file's or URL's source once it has been read (for progress).

    Example:
        >>> for result in read_inputs(["seeds/"]):  # doctest: +SKIP
        ...     print(result.source)
    """
    options = options or current_options()
    if max_bytes is not None:
        if max_bytes < 1:
            raise ConfigError(f"max_bytes must be a positive number of bytes, not {max_bytes}")
        options = replace(options, max_bytes=max_bytes)
    return _read_all(_as_strings(inputs), options, on_file)


def _read_all(
    inputs: list[str], options: ReadOptions, on_file: Callable[[str], None] | None
) -> Iterator[ReadResult]:
    """The results of every planned item, in order."""
    for item in _plan(inputs, options):
        if item.url is not None:
            read = partial(read_url, item.url, options, item.source)
            yield from _guarded(read, item.source, "url reader")
        elif item.reason is not None or item.path is None:
            yield InputRejected(item.source, item.reason or "cannot be read")
        else:
            yield from _read_file(item.path, item.source, options)
        if on_file is not None:
            on_file(item.source)


def _read_file(path: Path, source: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Dispatch one file to its reader, turning every failure into an InputRejected."""
    name, reason = _reader_name(path)
    if name is None:
        yield InputRejected(source, reason)
        return
    logger.debug("%s: reading with %s", source, name)
    yield from _guarded(partial(READERS[name], path, source, options), source, name)


def _guarded(
    read: Callable[[], Iterable[ReadResult]], source: str, name: str
) -> Iterator[ReadResult]:
    """A reader's results, its failure turned into a final InputRejected."""
    try:
        yield from read()
    except InputRejected as err:
        yield err
    except OSError as err:
        yield InputRejected(source, f"cannot read ({err.strerror or err}); check its permissions")
    except Exception as err:  # one bad file never stops the batch
        logger.exception("%s: %s failed", printable(source), name)
        yield InputRejected(
            source, f"{name} failed ({type(err).__name__}: {err}); please report this as a bug"
        )


def _reader_name(path: Path) -> tuple[str | None, str]:
    """The registered reader for ``path``, or None with the reason it cannot be read."""
    if is_sidecar(path):
        return None, (
            "a metadata sidecar, read together with its article; "
            "pass the article file or its folder instead"
        )
    suffix = suffix_of(path)
    if suffix in SUFFIXES:
        return SUFFIXES[suffix], ""
    if suffix in NOT_YET:
        return None, NOT_YET[suffix]
    return None, f"unsupported file type {suffix!r}; supported: {supported_suffixes()}"


def _as_strings(inputs: Sequence[str | os.PathLike[str]]) -> list[str]:
    """The inputs as strings; ConfigError for a bare string or bytes (a usage error)."""
    if isinstance(inputs, str | bytes):
        raise ConfigError("inputs must be a list of paths or URLs, not a single string")
    given = [os.fspath(item) for item in inputs]
    for value in given:
        if not isinstance(value, str):
            raise ConfigError(f"inputs must be str paths or URLs, not {type(value).__name__}")
    return given


def _plan(inputs: list[str], options: ReadOptions) -> Iterator[_Item]:
    """Every file to read, in order, plus the inputs and paths known to be unreadable."""
    for given in inputs:
        source = shown_path(given)
        scheme = _SCHEME.match(given)
        if scheme:
            if is_web_url(given):
                yield _Item(without_userinfo(source), url=given)
            else:
                yield _Item(source, reason="not a file, a folder or an http(s) URL")
            continue
        path = Path(given)
        try:
            if path.is_dir():
                yield from _plan_folder(path, source, options)
            elif path.is_file():
                yield _Item(source, path=path)
            elif path.is_symlink():
                target = _link_target(path)
                yield _Item(source, reason=target if isinstance(target, str) else "unreadable")
            elif path.exists():
                yield _Item(source, reason=f"not a regular file or folder ({_kind(path)})")
            else:
                yield _Item(source, reason="no such file or folder; check the path")
        except OSError as err:
            yield _Item(source, reason=f"cannot open ({err.strerror or err})")


def _plan_folder(folder: Path, given: str, options: ReadOptions) -> Iterator[_Item]:
    """The files of ``folder``, or one rejection when it holds none."""
    found = False
    root = folder.resolve()
    for item in _walk(folder, _Walk(root, options.follow_symlinks, {root})):
        found = True
        yield item
    if not found:
        yield _Item(
            given,
            reason="no files in this folder (hidden files and .meta.json sidecars are skipped)",
        )


@dataclass
class _Walk:
    """The state of one folder walk: the input folder, the symlink rule, folders seen."""

    root: Path
    follow_symlinks: bool
    seen: set[Path]


def _walk(folder: Path, walk: _Walk) -> Iterator[_Item]:
    """Files under ``folder`` sorted by name at each level, and every path skipped, with why.

    Hidden entries, sidecars and folder documentation are left out on purpose; anything
    else that is not read (a folder that cannot be listed, a FIFO or device, a dangling
    symlink, a symlink loop, a symlink leaving the input folder) is a rejection.
    """
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as err:
        yield _Item(
            shown_path(folder),
            reason=f"cannot list this folder ({err.strerror or err}); its files were skipped",
        )
        return
    for entry in entries:
        if not entry.name.startswith("."):
            yield from _walk_entry(entry, walk)


def _walk_entry(entry: Path, walk: _Walk) -> Iterator[_Item]:
    """One entry of a folder: a file to read, a folder to walk, or a rejection."""
    source = shown_path(entry)
    try:
        if entry.is_symlink():
            target = _link_target(entry)
            if isinstance(target, str):
                yield _Item(source, reason=target)
                return
            inside = target.is_relative_to(walk.root)
            if target.is_dir() and (inside or target in walk.seen):
                logger.info("%s: folder symlink not followed", printable(source))
                return
            if not inside and not walk.follow_symlinks:
                yield _Item(
                    source,
                    reason=f"a symlink to {shown_path(target)}, outside the input folder; "
                    "not followed (pass --follow-symlinks to read it)",
                )
                return
        if entry.is_dir():
            real = entry.resolve()
            if real not in walk.seen:
                walk.seen.add(real)
                yield from _walk(entry, walk)
        elif entry.is_file():
            if not is_sidecar(entry) and not _is_folder_documentation(entry):
                yield _Item(source, path=entry)
        else:
            yield _Item(source, reason=f"not a regular file ({_kind(entry)}); skipped")
    except OSError as err:
        yield _Item(source, reason=f"cannot open ({err.strerror or err}); skipped")


def _link_target(link: Path) -> Path | str:
    """Where a symlink leads, or why it leads nowhere (dangling, a loop)."""
    try:
        return link.resolve(strict=True)
    except FileNotFoundError:
        try:
            to = shown_path(link.readlink())
        except OSError:
            to = "?"
        return f"a dangling symlink (its target {to} does not exist); skipped"
    except RuntimeError:  # a loop, before Python 3.13
        return _LOOP
    except OSError as err:
        if err.errno == errno.ELOOP:
            return _LOOP
        return f"a symlink that cannot be followed ({err.strerror or err}); skipped"


def _kind(path: Path) -> str:
    """What a path that is neither a file nor a folder is: a FIFO, a socket, a device."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return "unreadable"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


_DOCUMENTATION = re.compile(r"^(readme|license|licence|copying|changelog)(\.\w+)?$|\.md$", re.I)


def _is_folder_documentation(path: Path) -> bool:
    """A README, licence or Markdown note that describes a folder of articles, not an article.

    Markdown counts as documentation only while no reader is registered for ``.md``.
    """
    if path.suffix.lower() in SUFFIXES:
        return path.stem.lower() in ("readme", "license", "licence", "copying", "changelog")
    return bool(_DOCUMENTATION.search(path.name))
