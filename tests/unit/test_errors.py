"""Error codes are unique, well-formed and documented (docs/errors.md)."""

from __future__ import annotations

import re

from presswatch.errors import Errors, PresswatchError, Warnings
from tests.conftest import REPO


def test_codes_are_well_formed_and_unique():
    codes = [member.name for member in Errors] + [member.name for member in Warnings]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"PW[EW]\d{3}", code) for code in codes)
    assert all(code.startswith("PWE") for code in Errors.__members__)
    assert all(code.startswith("PWW") for code in Warnings.__members__)


def test_every_code_is_documented():
    docs = (REPO / "docs" / "errors.md").read_text(encoding="utf-8")
    missing = [code for code in [*Errors.__members__, *Warnings.__members__] if f"`{code}`" not in docs]
    assert missing == []


def test_message_carries_code_and_fields():
    error = PresswatchError("PWE104", path="inbox.jsonl", line=17)
    assert str(error) == '[PWE104] inbox.jsonl:17: "text" is missing or empty; every line needs one'
    assert error.code == "PWE104" and error.fields["line"] == 17


def test_errors_survive_pickling_between_processes():
    import pickle

    error = pickle.loads(pickle.dumps(PresswatchError("PWE104", path="inbox.jsonl", line=17)))
    assert error.code == "PWE104" and str(error).startswith("[PWE104] inbox.jsonl:17")


def test_a_written_knowledge_file_reads_back_verified_and_tampering_is_refused(tmp_path):
    import pytest

    from presswatch.errors import PresswatchError
    from presswatch.knowledge import read_verified, write_verified

    path = tmp_path / "data" / "lexicon.tsv"
    write_verified(path, b"word\tcode\n", {"version": "1.0.0", "built_by": "a test"})
    raw, meta = read_verified(path, "rebuild it")
    assert raw == b"word\tcode\n" and meta["version"] == "1.0.0" and len(meta["sha256"]) == 64
    path.write_bytes(b"word\tother\n")
    with pytest.raises(PresswatchError, match="PWE011"):
        read_verified(path, "rebuild it")
