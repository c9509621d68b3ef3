"""CSV exports: documented columns, one article a row, bad rows rejected on their own."""

from __future__ import annotations

from pathlib import Path

from ingest_helpers import split

from storytrace.ingest import read_inputs

FIRST = "Storm Ida cut power to 40,000 homes overnight, the utility said on Monday morning."
SECOND = "Crews expect to restore power to most homes by Wednesday, the company said later."


def _csv(tmp_path: Path, text: str, name: str = "export.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_columns_are_read_in_any_order_and_case(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        " Outlet ,TEXT,title,url,author,published,language,extra\r\n"
        f'Coast  Herald,"{FIRST}",Storm cuts power,https://herald.example/ida,Ana Ruiz,'
        "2021-08-30,en,ignored\r\n"
        f',"{SECOND}\n\nA second paragraph, with ""quotes"".",,,,,,\r\n',
    )
    (first, second), rejected = split(read_inputs([str(path)]))
    assert rejected == []
    assert (first.text, first.outlet, first.title, first.url, first.author, first.published) == (
        FIRST,
        "Coast Herald",
        "Storm cuts power",
        "https://herald.example/ida",
        "Ana Ruiz",
        "2021-08-30",
    )
    assert first.source == f"{path}:2"
    assert second.text == f'{SECOND}\n\nA second paragraph, with "quotes".'
    assert (second.source, second.outlet, second.title) == (f"{path}:3", None, None)


def test_bad_rows_are_rejected_and_good_rows_kept(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "text,published,outlet\n"
        f'"{FIRST}",2021-08-30,Herald\n'
        '"broken"quote,2021-08-30,Herald\n'
        f'"{SECOND}",last Tuesday,Herald\n'
        '"   ",2021-08-30,Herald\n'
        f'"{SECOND}",2021-08-31,Herald,surplus\n'
        "\n"
        f'"{SECOND}",2021-08-31,Herald\n',
    )
    articles, rejected = split(read_inputs([str(path)]))
    assert [a.source for a in articles] == [f"{path}:2", f"{path}:8"]
    assert [(r.source, r.reason) for r in rejected] == [
        (f"{path}:3", "not valid CSV (',' expected after '\"'); fix or remove the row"),
        (
            f"{path}:4",
            "'published' is not an ISO 8601 date: 'last Tuesday' "
            "(write it like 2022-03-10 or 2022-03-10T14:30:00Z); fix or remove the row",
        ),
        (f"{path}:5", "no article text (empty or only whitespace); fix or remove the row"),
        (f"{path}:6", "4 fields but the header has 3 columns; fix or remove the row"),
    ]


def test_missing_text_column_rejects_the_file(tmp_path: Path) -> None:
    path = _csv(tmp_path, "body,title\nsome text,a title\n")
    articles, (rejected,) = split(read_inputs([str(path)]))
    assert articles == []
    assert rejected.reason == (
        "no 'text' column in the header row ('body', 'title'); name the article text column "
        "'text' (optional columns: outlet, title, url, author, published, language)"
    )


def test_semicolons_tabs_bom_and_cp1252(tmp_path: Path) -> None:
    semi = _csv(tmp_path, f"\ufefftext;outlet\n{FIRST} Café;Le Monde\n", "semi.csv", "utf-8")
    tabs = _csv(tmp_path, f"text\toutlet\n{SECOND} Köln\tDie Zeit\n", "tabs.tsv", "cp1252")
    (one, two), rejected = split(read_inputs([str(semi), str(tabs)]))
    assert rejected == []
    assert (one.text, one.outlet) == (f"{FIRST} Café", "Le Monde")
    assert (two.text, two.outlet) == (f"{SECOND} Köln", "Die Zeit")


def test_long_articles_pass_the_csv_field_limit(tmp_path: Path) -> None:
    long_text = " ".join([FIRST] * 2000)  # about 170 KB, over the csv module's 128 KB default
    (article,), rejected = split(read_inputs([str(_csv(tmp_path, f'text\n"{long_text}"\n'))]))
    assert rejected == []
    assert article.text == long_text


def test_empty_csv_is_rejected(tmp_path: Path) -> None:
    _, (rejected,) = split(read_inputs([str(_csv(tmp_path, "\n\n"))]))
    assert rejected.reason == "empty file (only whitespace); remove it or add the text"
