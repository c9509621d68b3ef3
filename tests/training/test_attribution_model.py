"""The shipped attribution tagger: its meta file, a refit on a small slice, its dev floor."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from storytrace.claims.relations import MODEL_FILE, Relation, find_relations, load_model
from storytrace.text import load_nlp
from storytrace.training import attribution
from storytrace_testkit import POLNEAR, polnear_slice

needs_polnear = pytest.mark.skipif(
    not (POLNEAR / "train" / "text").is_dir(), reason="PolNeAR is not on this machine"
)


def _meta() -> dict:
    path = resources.files("storytrace.claims") / "data" / "attribution_model.meta.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_meta_file_describes_the_shipped_weights() -> None:
    meta = _meta()
    shipped = resources.files("storytrace.claims") / "data" / MODEL_FILE
    import hashlib

    assert meta["artefact"] == MODEL_FILE
    assert meta["artefact_sha256"] == hashlib.sha256(shipped.read_bytes()).hexdigest()
    assert meta["command"].startswith("python -m storytrace.training.attribution ")
    assert len(meta["built_at_commit"]) >= 7  # the trainer the command ran is named
    assert len(meta["training_data"]["sha256"]) == 64
    assert "seed" in meta and meta["settings"]["cue"] == attribution.CUE_SETTINGS
    shipped_model = json.loads(shipped.read_text(encoding="utf-8"))
    assert (meta["settings"]["cue_lexicon"] is None) == ("lexicon" not in shipped_model["cue"])
    scores = meta["dev"]["scores"]
    assert {"Source exact F1", "Cue exact F1", "Content overlap F1"} <= set(scores)


@needs_polnear
def test_the_recorded_training_data_is_the_split_on_disk() -> None:
    meta = _meta()
    assert attribution.split_digest(POLNEAR / "train") == meta["training_data"]["sha256"]


@needs_polnear
def test_a_refit_on_a_small_slice_of_train_learns_said() -> None:
    texts, gold = attribution.read_split(POLNEAR / "train")
    texts, gold = texts[:12], gold[:12]
    docs = list(load_nlp().pipe(texts))
    quick = {"c1": 0.1, "c2": 0.01, "max_iterations": 40}
    model = attribution.learn(docs, gold, cue_settings=quick, role_settings=quick)
    assert model["cue"]["labels"] == ["O", "B", "I"]
    assert "lexicon" not in model["cue"]  # as shipped: the meta file's command rebuilds it
    with_rates = attribution.learn_cues(docs, gold, quick, lexicon=True)
    assert with_rates["lexicon"]["say"] in ("r3", "r4")  # mostly a cue
    assert with_rates["lexicon"]["the"] in ("r0", "r1")  # rarely part of one
    assert set(model["role"]["labels"]) == {"O", "Source", "Content", "Cue"}
    text = "The mayor said the road would stay closed until Friday."
    (relation,) = find_relations(load_nlp()(text), model)
    assert [text[a:b] for a, b in relation.cue] == ["said"]
    assert relation.source is not None
    assert "mayor" in " ".join(text[a:b] for a, b in relation.source)


@pytest.mark.slow
@needs_polnear
def test_the_dev_score_has_not_fallen_below_the_recorded_one() -> None:
    recorded = _meta()["dev"]["scores"]
    now = attribution.dev_scores(load_model(), POLNEAR / "dev")
    for name, floor in recorded.items():
        assert now[name] >= floor - 1e-4, (name, now[name], floor)


def test_each_article_is_trained_with_cue_rates_it_did_not_add_to() -> None:
    nlp = load_nlp()
    texts = [f"Officer {k} said the road was closed." for k in range(attribution.LEXICON_FOLDS)]
    texts[0] = "The mayor quipped the road was closed. He quipped again."
    docs = list(nlp.pipe(texts))
    gold = []
    for text in texts:
        cue = text.index("quipped") if "quipped" in text else text.index("said")
        word = "quipped" if "quipped" in text else "said"
        gold.append([Relation(cue=((cue, cue + len(word)),), content=((cue + 1, len(text)),))])
    everything = attribution.cue_lexicon(docs, gold)
    held_out = attribution.held_out_lexicons(docs, gold)
    assert everything["quip"] == "r3" and everything["say"] == "r4"
    # "quipped" occurs only in article 0: its own lexicon has never seen it.
    assert "quip" not in held_out[0] and held_out[0]["say"] == "r4"
    assert held_out[1]["quip"] == "r3"


@needs_polnear
def test_keep_role_refits_the_cues_and_leaves_the_role_tagger_as_it_was(tmp_path: Path) -> None:
    train = polnear_slice(tmp_path, 6)
    out = tmp_path / "model.json"
    shipped = resources.files("storytrace.claims") / "data" / MODEL_FILE
    out.write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    attribution.main([str(train), "--out", str(out), "--keep-role"])
    refit = json.loads(out.read_text(encoding="utf-8"))
    assert refit["role"] == load_model()["role"]
    assert refit["cue"]["weights"] != load_model()["cue"]["weights"]
    assert "lexicon" not in refit["cue"]
    meta = json.loads((tmp_path / "model.meta.json").read_text(encoding="utf-8"))
    assert meta["command"].endswith("--keep-role") and meta["training_data"]["articles"] == 6
    assert meta["settings"]["cue_lexicon"] is None
    attribution.main([str(train), "--out", str(out), "--keep-role", "--cue-lexicon"])
    assert "say" in json.loads(out.read_text(encoding="utf-8"))["cue"]["lexicon"]
    meta = json.loads((tmp_path / "model.meta.json").read_text(encoding="utf-8"))
    assert meta["settings"]["cue_lexicon"] == {
        "folds": attribution.LEXICON_FOLDS,
        "min_count": attribution.LEXICON_MIN,
    }


def test_the_cue_network_has_a_meta_file_that_describes_its_shipped_weights() -> None:
    import hashlib

    from storytrace.claims.cue_network import TAGGER_FILE, load_tagger
    from storytrace.training import attribution_neural

    data = resources.files("storytrace.claims") / "data"
    meta = json.loads((data / "cue_tagger.meta.json").read_text(encoding="utf-8"))
    assert meta["artefact"] == TAGGER_FILE
    assert meta["artefact_sha256"] == hashlib.sha256((data / TAGGER_FILE).read_bytes()).hexdigest()
    assert meta["command"].startswith("python -m storytrace.training.attribution_neural ")
    assert meta["seed"] == attribution_neural.SEED
    assert meta["settings"]["mix"] == attribution_neural.MIX
    assert load_tagger()["mix"] == attribution_neural.MIX  # the reader joins them so
    assert meta["training_data"]["sha256"] == _meta()["training_data"]["sha256"]
    assert meta["dev"]["scores"] == _meta()["dev"]["scores"]  # the reader runs both together
