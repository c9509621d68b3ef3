"""The prediction commands read the evaluation formats and write the contract's outputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _storytrace(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storytrace.cli.main", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
    )


def test_predict_paraphrase_reads_mrpc_with_or_without_labels(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(
        "id1\tid2\tsentence1\tsentence2\n"
        "1\t2\tThree workers were killed in the blast.\tThe blast killed three workers.\n"
        "3\t4\tThe ferry left Split at 9:30.\tThe library reopened after two years.\n",
        encoding="utf-8",
    )
    result = _storytrace("predict", "paraphrase", str(pairs))
    assert result.returncode == 0, result.stderr
    header, same, different = result.stdout.splitlines()
    assert header == "id1\tid2\tlabel\tscore"
    assert same.split("\t")[:3] == ["1", "2", "1"]
    assert different.split("\t")[:3] == ["3", "4", "0"]
    assert float(same.split("\t")[3]) > float(different.split("\t")[3])


def test_predict_stories_groups_documents_of_one_event(tmp_path: Path) -> None:
    texts = {
        "a1": "A fire at a chemical warehouse in Ghent killed three workers on Tuesday.",
        "a2": "Three workers died when fire swept a Ghent chemical warehouse on Tuesday.",
        "b1": "The Porto city library reopened on Saturday after a two-year renovation.",
        "b2": "Porto's renovated library opened its doors again on Saturday.",
    }
    documents = [{"doc_id": doc_id, "text": text} for doc_id, text in texts.items()]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
    result = _storytrace("predict", "stories", str(path))
    assert result.returncode == 0, result.stderr
    story = {row["doc_id"]: row["story"] for row in map(json.loads, result.stdout.splitlines())}
    assert story["a1"] == story["a2"] != story["b1"] == story["b2"]


def test_missing_inputs_are_usage_errors(tmp_path: Path) -> None:
    for kind in ("paraphrase", "stories"):
        result = _storytrace("predict", kind, str(tmp_path / "missing"))
        assert result.returncode == 2
        assert "no such file" in result.stderr
