"""Full-text search over articles and claims (SQLite FTS5).

User queries are never handed to FTS5 as syntax: each whitespace-separated term
becomes an FTS5 string, so ``"foo" OR ) NEAR(`` searches for those words
instead of raising a syntax error. Terms are ANDed, as a search box reads.
"""

from __future__ import annotations

import sqlite3

# Stories ranked by their best-matching article or claim (bm25: lower is better).
# ``?1`` is the quoted MATCH expression, ``?2`` the limit.
SEARCH_SQL = """
WITH hits (article_id, rank) AS (
    SELECT articles.id, bm25(articles_fts)
    FROM articles_fts JOIN articles ON articles.seq = articles_fts.rowid
    WHERE articles_fts MATCH ?1
    UNION ALL
    SELECT claims.article_id, bm25(claims_fts)
    FROM claims_fts JOIN claims ON claims.seq = claims_fts.rowid
    WHERE claims_fts MATCH ?1
)
SELECT story_articles.story_id, min(hits.rank) AS best
FROM hits JOIN story_articles ON story_articles.article_id = hits.article_id
GROUP BY story_articles.story_id
ORDER BY best, story_articles.story_id
LIMIT ?2
"""


def quote_query(query: str) -> str | None:
    """The user's query as ANDed FTS5 strings, or None when it has no terms.

    A double quote inside a term is doubled, as FTS5 strings escape it. NUL
    characters separate terms: FTS5 reads the expression as a C string.

    Example:
        >>> quote_query("foo ) NEAR(")
        '"foo" ")" "NEAR("'
    """
    terms = query.replace("\x00", " ").split()
    if not terms:
        return None
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def search_stories(conn: sqlite3.Connection, query: str, limit: int) -> list[str]:
    """Story ids whose articles or claims contain every term of ``query``, best first."""
    match = quote_query(query)
    if match is None or limit <= 0:
        return []
    rows = conn.execute(SEARCH_SQL, (match, limit)).fetchall()
    return [str(row[0]) for row in rows]
