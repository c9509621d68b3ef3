"""Docs match the code: every command is documented, the README's commands exist."""

from __future__ import annotations

import re

from storytrace.cli.main import build_parser
from storytrace_testkit import ROOT


def _commands() -> list[str]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    names = []
    for name, command in sub.choices.items():  # type: ignore[union-attr]
        kinds = [a for a in command._actions if a.dest == "kind"]
        names += [f"{name} {k}" for k in kinds[0].choices] if kinds else [name]
    return names


def test_every_command_is_documented() -> None:
    cli_doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in _commands():
        assert f"## storytrace {command}" in cli_doc, command


def test_readme_first_screen_names_make_targets_that_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_screen = readme[:1500]
    targets = re.findall(r"^make (\w+)", first_screen, flags=re.MULTILINE)
    assert targets == ["demo", "test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in targets:
        assert re.search(rf"^{target}:", makefile, flags=re.MULTILINE), target
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, flags=re.MULTILINE)


def test_public_api_matches_all() -> None:
    import storytrace

    assert storytrace.__all__ == sorted(storytrace.__all__)
    for name in storytrace.__all__:
        assert hasattr(storytrace, name), name
    classes = {n for n in dir(storytrace) if isinstance(getattr(storytrace, n), type)}
    assert classes <= set(storytrace.__all__)
    assert {"analyze", "open_store", "Article", "Story", "InputRejected"} <= set(storytrace.__all__)
