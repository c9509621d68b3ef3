"""The report package's public surface."""

import storytrace.report as report


def test_all_names_the_public_api():
    assert report.__all__ == ["render_html", "stories_document", "write_html", "write_json"]
    assert all(callable(getattr(report, name)) for name in report.__all__)
