"""``storytrace predict coref`` reads the ECB+ event format and chains mentions across documents."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import storytrace

SRC = str(Path(storytrace.__file__).resolve().parents[1])  # this checkout, not an install


def _document(doc_id: str, sentence: str, triggers: list[str]) -> dict[str, object]:
    tokens = sentence.split()
    mentions = []
    for k, trigger in enumerate(triggers):
        index = tokens.index(trigger)
        mentions.append({"mention_id": f"{doc_id}_m{k}", "sent": 0, "start": index,
                         "end": index + 1, "tokens": [index], "text": trigger})  # fmt: skip
    return {"doc_id": doc_id, "sentences": [tokens], "mentions": mentions}


def test_predict_coref_prints_one_chain_per_mention(tmp_path: Path) -> None:
    documents = [
        _document(
            "q1",
            "A strong earthquake struck northern Chile on Tuesday , killing two people .",
            ["earthquake", "struck", "killing"],
        ),
        _document(
            "q2",
            "Two people were killed when an earthquake hit northern Chile on Tuesday .",
            ["killed", "earthquake", "hit"],
        ),
    ]
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "storytrace.cli.main", "predict", "coref", str(path)],
        capture_output=True, text=True, check=False,
        env={"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PATH": "/usr/bin:/bin",
             "PYTHONPATH": SRC},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["mention_id"] for r in rows] == ["q1_m0", "q1_m1", "q1_m2", "q2_m0", "q2_m1", "q2_m2"]
    chain = {r["mention_id"]: r["chain"] for r in rows}
    assert chain["q1_m0"] == chain["q2_m1"]  # earthquake / earthquake across documents
    assert chain["q1_m2"] == chain["q2_m0"]  # killing / killed
    assert chain["q1_m0"] != chain["q1_m2"]


def test_predict_coref_rejects_a_missing_file(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "storytrace.cli.main", "predict", "coref", str(tmp_path / "no")],
        capture_output=True, text=True, check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": SRC},
    )  # fmt: skip
    assert result.returncode == 2
    assert "no such file" in result.stderr
