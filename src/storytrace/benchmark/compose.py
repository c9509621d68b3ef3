"""Real-text corpora of any size, recombined from articles the read stage has read once.

``bench scale`` needs 1k to 100k articles of real news; spaCy cannot read that many in
a session on a small machine, and the stages it measures come after reading. So each
source article is read once, by the pipeline's own read stage, and new articles are
composed from its paragraphs: the first paragraph (the headline) stays first, the others
are reordered and some left out, and a paragraph of another article of the same days is
mixed in. A composed article's claims and attributions are its paragraphs' readings with
their offsets shifted and their ids renamed (a reading whose spans leave its paragraph is
dropped; a resolved speaker named in another paragraph is left unresolved); its claim
vectors are the stored ones under the new keys.

Copies of the source set are placed in *epochs*, each :data:`EPOCH_DAYS` later with its
own outlet names, so stories and reuse inside an epoch look like the source's, and the
corpus grows in time, as a feed does, rather than in density.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from storytrace.align.groups import vector_keys
from storytrace.records import Article, Attribution, Claim

EPOCH_DAYS = 400  # beyond the reuse and story windows: epochs share neither
VARIANTS = 3  # composed articles per source article in each epoch (three outlets' takes)
_PARAGRAPH = re.compile(r"\n\s*\n")
_ID_TAIL = re.compile(r"^([a-z]*)(\d+)(.*)$", re.DOTALL)
T = TypeVar("T")


@dataclass(frozen=True)
class Read:
    """One article as the read stage left it: claims, attributions and claim vectors."""

    article: Article
    claims: tuple[Claim, ...]
    attributions: tuple[Attribution, ...]
    vectors: Mapping[str, bytes]  # by :func:`vector_keys` key


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The character ranges of the text's paragraphs (blank-line separated, non-empty)."""
    ranges, start = [], 0
    for gap in _PARAGRAPH.finditer(text):
        if text[start : gap.start()].strip():
            ranges.append((start, gap.start()))
        start = gap.end()
    if text[start:].strip():
        ranges.append((start, len(text)))
    return ranges


class _Outside(Exception):
    """A reading reaches outside the paragraph it was taken from."""


@dataclass(frozen=True)
class _Move:
    old_id: str
    new_id: str
    start: int  # the paragraph's range in the source article
    end: int
    delta: int  # where it lands in the composed article, minus ``start``

    def span(self, span: tuple[int, int]) -> tuple[int, int]:
        if not (self.start <= span[0] and span[1] <= self.end):
            raise _Outside
        return span[0] + self.delta, span[1] + self.delta

    def ident(self, value: str) -> str:
        tail = _ID_TAIL.match(value[len(self.old_id) + 1 :])
        if tail is None:
            return f"{self.new_id}:{value[len(self.old_id) + 1 :]}"
        letters, number, rest = tail.groups()
        return f"{self.new_id}:{letters}{int(number) + self.delta}{rest}"

    def record(self, value: T) -> T:
        """The record moved: spans shifted, ids renamed (:class:`_Outside` if it cannot be)."""
        changes: dict[str, Any] = {}
        for item in dataclasses.fields(value):  # type: ignore[arg-type]
            old = getattr(value, item.name)
            new = self._field(item, old)
            if new is not old:
                changes[item.name] = new
        return dataclasses.replace(value, **changes) if changes else value  # type: ignore[type-var]

    def _field(self, item: dataclasses.Field[Any], old: Any) -> Any:
        name = item.name
        if old is None:
            return old
        if name == "span" or name.endswith("_span"):
            try:
                return self.span(old)
            except _Outside:
                if item.default is None:
                    return None
                raise
        if name.endswith("_fragments"):
            return tuple(self.span(f) for f in old if self.start <= f[0] and f[1] <= self.end)
        if isinstance(old, str):
            if old == self.old_id:
                return self.new_id
            return self.ident(old) if old.startswith(self.old_id + ":") else old
        if dataclasses.is_dataclass(old):
            return self.record(old)
        if isinstance(old, tuple) and old and dataclasses.is_dataclass(old[0]):
            return tuple(self.record(x) for x in old)
        return old


def _inside(span: tuple[int, int] | None, start: int, end: int) -> bool:
    return span is not None and start <= span[0] and span[1] <= end


def compose(parts: Sequence[tuple[Read, tuple[int, int]]], **meta: Any) -> Read:
    """One article from paragraphs of read articles, with their readings moved along."""
    texts = [part.article.text[a:b] for part, (a, b) in parts]
    text = "\n\n".join(texts)
    article = Article.from_text(text, **meta)
    claims: list[Claim] = []
    attributions: list[Attribution] = []
    vectors: dict[str, bytes] = {}
    position = 0
    for (part, (a, b)), piece in zip(parts, texts, strict=True):
        move = _Move(part.article.id, article.id, a, b, position - a)
        position += len(piece) + 2
        for claim in part.claims:
            if not _inside(claim.span, a, b):
                continue
            try:
                moved = move.record(claim)
            except _Outside:
                continue
            claims.append(moved)
            for old_key, new_key in zip(vector_keys(claim), vector_keys(moved), strict=True):
                if old_key in part.vectors:
                    vectors[new_key] = part.vectors[old_key]
        for attribution in part.attributions:
            if _inside(attribution.cue_span, a, b):
                try:
                    attributions.append(move.record(attribution))
                except _Outside:
                    continue
    kept = {a.id for a in attributions}
    claims = [c if c.attribution_id in kept or c.attribution_id is None
              else dataclasses.replace(c, attribution_id=None) for c in claims]  # fmt: skip
    claims.sort(key=lambda c: c.span)
    return Read(article, tuple(claims), tuple(attributions), vectors)


def _day(article: Article) -> dt.date:
    try:
        return dt.date.fromisoformat((article.published or "")[:10])
    except ValueError:
        return dt.date(2016, 10, 1)


def corpus(sources: Sequence[Read], count: int, *, seed: int = 0, first: int = 0) -> Iterator[Read]:
    """``count`` composed articles (numbers ``first`` on), epoch by epoch, each distinct.

    Article ``k`` is variant ``k % VARIANTS`` of source ``k // VARIANTS`` (in each
    epoch's order), dated within two days of its source, under an outlet of its epoch.
    """
    days = [_day(s.article) for s in sources]
    seen: set[str] = set()
    per_epoch = len(sources) * VARIANTS
    for k in range(first, first + count):
        epoch, rest = divmod(k, per_epoch)
        index, variant = divmod(rest, VARIANTS)
        rng = random.Random(f"{seed}:{k}")  # noqa: S311 - a reproducible sample, not a secret
        source = sources[index]
        ranges = paragraphs(source.article.text)
        if not ranges:
            continue
        head, body = ranges[0], ranges[1:]
        rng.shuffle(body)
        body = body[: max(1, round(len(body) * rng.uniform(0.6, 0.9)))]
        parts = [(source, head)] + [(source, r) for r in body]
        near = [s for s, d in zip(sources, days, strict=True)
                if s is not source and abs((d - days[index]).days) <= 7]  # fmt: skip
        if near:
            donor = rng.choice(near)
            donor_ranges = paragraphs(donor.article.text)[1:]
            if donor_ranges:
                parts.insert(rng.randint(1, len(parts)), (donor, rng.choice(donor_ranges)))
        published = days[index] + dt.timedelta(days=EPOCH_DAYS * epoch + rng.randint(-2, 2))
        outlet = f"{source.article.outlet or 'outlet'}-{variant}-e{epoch}"
        made = compose(parts, outlet=outlet, title=source.article.title,
                       published=published.isoformat(), source=f"bench:{k}")  # fmt: skip
        if made.article.id in seen:
            continue
        seen.add(made.article.id)
        yield made
