"""Text fitted to drawn boxes: wrapped at word boundaries, never cut short."""

from __future__ import annotations


def wrap(text: str, width: int, *, max_lines: int | None = None) -> tuple[str, ...]:
    """``text`` in lines of at most ``width`` characters, broken between words.

    A word longer than a line is split across lines. With ``max_lines``, the lines beyond
    it are joined onto the last one (which may then run long) rather than dropped: a label
    is never truncated.
    """
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    if max_lines is not None and len(lines) > max_lines:
        lines[max_lines - 1 :] = [" ".join(lines[max_lines - 1 :])]
    return tuple(lines) or ("",)


CHAR_WIDTH = 7.0  # px per character of an 11-12 px label, generously


def place_ticks(
    ticks: list[tuple[float, str]], width: int, margin: int
) -> tuple[tuple[float, str, str], ...]:
    """Axis labels with a text-anchor that keeps them inside; one that would touch the
    label before it is dropped. Returns ``(x, label, anchor)``."""
    kept: list[tuple[float, str, str]] = []
    last_end = float("-inf")
    for x, label in ticks:
        size = len(label) * CHAR_WIDTH
        if x - size / 2 < margin:
            anchor, start = "start", x
        elif x + size / 2 > width - margin:
            anchor, start = "end", x - size
        else:
            anchor, start = "middle", x - size / 2
        if start < last_end + 8:
            continue
        kept.append((x, label, anchor))
        last_end = start + size
    return tuple(kept)
