"""Untrusted input folders: symlink loops, links leaving the folder, odd file names (SECURITY.md, issue 11)."""

from __future__ import annotations

import os

from presswatch.ingest import list_inputs, read_sources
from presswatch.records import Document, Failure


def test_directory_symlink_loops_are_not_followed(tmp_path):
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "a.txt").write_text("Inside the folder.", encoding="utf-8")
    os.symlink(inputs, inputs / "sub" / "loop")  # in/sub/loop -> in
    os.symlink(tmp_path, inputs / "parent")  # in/parent -> the folder above
    assert list_inputs([inputs]) == [inputs / "a.txt"]


def test_symlinked_file_is_read_under_its_link_name(tmp_path):
    """Documented risk (SECURITY.md): a file symlink inside an input folder is followed."""
    outside = tmp_path / "outside.txt"
    outside.write_text("Text from outside the input folder.", encoding="utf-8")
    inputs = tmp_path / "in"
    inputs.mkdir()
    os.symlink(outside, inputs / "link.txt")
    (document,) = read_sources([inputs])
    assert isinstance(document, Document) and document.origin == str(inputs / "link.txt")


def test_dangling_symlink_is_skipped_and_special_names_are_read(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    os.symlink(tmp_path / "missing.txt", inputs / "dangling.txt")  # not a file: the folder walk skips it
    (inputs / "-rf.txt").write_text("Leading dash.", encoding="utf-8")
    (inputs / "..weird name ;$(x).txt").write_text("Shell characters.", encoding="utf-8")
    (inputs / "новости.txt").write_text("Unicode name.", encoding="utf-8")
    results = list(read_sources([inputs]))
    assert [type(item) for item in results] == [Document] * 3
    named = list(read_sources([inputs / "dangling.txt"]))  # named explicitly: a clear failure
    assert [(type(item), item.code) for item in named] == [(Failure, "PWE100")]
