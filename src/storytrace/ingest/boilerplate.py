"""Page furniture that survives main-text extraction, removed line by line.

trafilatura drops navigation, scripts and asides, but some furniture sits inside the
article body and comes through as lines of its own. Removed (only from text extracted
from HTML; plain-text files are stored as they are):

1. captions with a photo credit: a short line that does not end like a sentence and ends
   with a credit ("Sergei Shoigu Twitter", "web screen grab", "Reuters/John Smith") or
   starts with one ("Photo: ...", "Image credit: ..."), together with the alt-text line
   just before it ("Sergei Shoigu");
2. "Updated" and "Published" stamps: the word followed by dates and times only
   ("• Updated", "Updated 14:05 GMT, 3 March 2022");
3. share buttons: lines made only of share words ("Share this article", "Facebook Twitter
   Email");
4. related links: "Read more: ...", "Related: ...", and a "Related stories" or "You may also
   like" heading with the short link lines under it.

The first line (the headline) is never removed.
"""

from __future__ import annotations

import re

_MAX_CAPTION_WORDS = 20
_MAX_ALT_WORDS = 12
_MAX_STAMP_WORDS = 12
_MAX_SHARE_WORDS = 10
_MAX_LINK_WORDS = 15
_MAX_LINKS = 8

_SENTENCE_END = re.compile(r"[.!?…\"'”’»:;]\s*$")
_CREDIT_TAIL = re.compile(
    r"(?:\b(?:twitter|x\.com|facebook|instagram|telegram|youtube|tiktok|vkontakte|vk"
    r"|screen\s?grab|screengrab|screenshot|getty(?:\s+images)?|reuters|afp|ap(?:\s+photo)?"
    r"|epa(?:-efe)?|shutterstock|alamy|handout|file\s+photo|pool\s+photo|wikimedia(?:\s+commons)?"
    r"|anadolu(?:\s+agency)?|tass|ria\s+novosti|sputnik|bloomberg|pa\s+(?:wire|images)"
    r"|via\s+\w+(?:\s+\w+)?)|©\s*\S+(?:\s+\S+)?|\b\w+\s*/\s*(?:getty(?:\s+images)?|reuters|afp"
    r"|ap|epa|shutterstock|alamy))\s*[).]?$",
    re.I,
)
_CREDIT_HEAD = re.compile(
    r"^\W*(?:photo(?:graph)?|image|picture|pic|credit|illustration|video)s?"
    r"(?:\s+(?:credit|by|courtesy))?\s*[:|]",
    re.I,
)
_STAMP = re.compile(
    r"^\W*(?:last\s+)?(?:updated|modified|published|first\s+published|posted)\b"
    r"\s*[:|]?(?P<rest>.*)$",
    re.I,
)
_STAMP_TOKEN = re.compile(
    r"\d[\d:./-]*(?:am|pm|h)?|(?-i:[A-Z]{2,4})|a\.m\.|p\.m\.|am|pm|on|at|ago|an?|just|now|today"
    r"|yesterday|hours?|hrs?|minutes?|mins?|days?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept"
    r"|oct|nov|dec)[a-z]*\.?|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?",
    re.I,
)
_SHARE_WORDS = frozenset(
    re.findall(
        r"\S+",
        "share shares sharing this article story page on via tweet facebook twitter x linkedin "
        "whatsapp email e-mail mail print copy copied link url pinterest reddit telegram "
        "messenger flipboard comment comments save saved bookmark the to and or",
    )
)
_SHARE_CUES = frozenset(
    re.findall(
        r"\S+",
        "share tweet facebook twitter linkedin whatsapp email e-mail print pinterest reddit",
    )
)
_RELATED_LINE = re.compile(
    r"^\W*(?:related(?:\s+(?:articles?|stories|story|coverage|content|news|links?))?"
    r"|read\s+(?:more|also|next)|see\s+also|also\s+read|more\s+on\s+this(?:\s+story)?"
    r"|recommended(?:\s+(?:for\s+you|reading|stories))?|most\s+(?:read|popular|viewed)"
    r"|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|don[’']t\s+miss"
    r"|trending(?:\s+now)?|more\s+(?:stories|news|from\s+[\w ]+))\s*(?::\s*(?P<rest>.*))?$",
    re.I,
)
_WORD = re.compile(r"[\w’'-]+")


def strip_boilerplate(text: str) -> str:
    """``text`` without the furniture lines listed in the module docstring."""
    lines = text.split("\n")
    keep = [True] * len(lines)
    previous = -1  # index of the last non-empty line
    skip_links = 0
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if previous < 0:  # the headline
            previous = index
            continue
        words = _WORD.findall(line)
        if skip_links and _is_link_line(line, words):
            keep[index] = False
            skip_links -= 1
            continue
        skip_links = 0
        if _is_caption(line, words):
            keep[index] = False
            if previous > 0 and keep[previous] and _is_alt_text(lines[previous].strip(), line):
                keep[previous] = False
        elif _is_stamp(line, words) or _is_share(words):
            keep[index] = False
        else:
            related = _RELATED_LINE.match(line)
            if related:
                keep[index] = False
                if not related.group("rest"):
                    skip_links = _MAX_LINKS
        previous = index
    kept = [line for line, wanted in zip(lines, keep, strict=True) if wanted]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def _is_caption(line: str, words: list[str]) -> bool:
    """A caption with a credit (rule 1)."""
    if len(words) > _MAX_CAPTION_WORDS:
        return False
    if _CREDIT_HEAD.match(line):
        return True
    return not _SENTENCE_END.search(line) and bool(_CREDIT_TAIL.search(line))


def _is_alt_text(line: str, caption: str) -> bool:
    """The image's alt text just above its caption: a short line that is not a sentence."""
    if caption.lower().startswith(line.lower()):
        return True
    return len(_WORD.findall(line)) <= _MAX_ALT_WORDS and not _SENTENCE_END.search(line)


def _is_stamp(line: str, words: list[str]) -> bool:
    """An "Updated"/"Published" stamp (rule 2): the word, then only dates and times."""
    match = _STAMP.match(line)
    if match is None or len(words) > _MAX_STAMP_WORDS:
        return False
    tokens = match["rest"].replace(",", " ").replace("|", " ").split()
    return all(_STAMP_TOKEN.fullmatch(token) for token in tokens)


def _is_share(words: list[str]) -> bool:
    """A line of share buttons (rule 3)."""
    lowered = [word.lower() for word in words]
    return (
        0 < len(lowered) <= _MAX_SHARE_WORDS
        and all(word in _SHARE_WORDS for word in lowered)
        and any(word in _SHARE_CUES for word in lowered)
    )


def _is_link_line(line: str, words: list[str]) -> bool:
    """A related-link line under a "Related stories" heading: short, not a sentence."""
    return len(words) <= _MAX_LINK_WORDS and not _SENTENCE_END.search(line)
