"""build.atomic: whole files only, and only our own temporary files are ever deleted."""

from __future__ import annotations

import os


def test_atomic_writes_leave_whole_files_only(tmp_path):
    from assad_collapse.build.atomic import remove_stale_temps, write_atomic, write_if_changed

    target = tmp_path / "index.html"
    write_atomic(target, b"one")
    assert write_if_changed(target, b"one") is False and write_if_changed(target, b"two") is True
    assert target.read_bytes() == b"two" and oct(target.stat().st_mode & 0o777) != "0o600"
    (tmp_path / ".index.html.x1abcd_9.assad-collapse.tmp").write_text("partial")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / ".figures.csv.q2w3e4r5.assad-collapse.tmp").write_text("partial")
    assert len(remove_stale_temps(tmp_path, tmp_path / "data")) == 2
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["index.html"]


def test_only_temporary_files_of_our_own_naming_are_removed(tmp_path):
    from assad_collapse.build.atomic import remove_stale_temps

    theirs = [".notes.tmp", ".index.html.x1.tmp", ".draft.swp.tmp", ".a.12345678.assad-collapse.tmp.keep",
              "a.12345678.assad-collapse.tmp"]
    for name in theirs:
        (tmp_path / name).write_text("someone's file")
    (tmp_path / ".dir.abcdefgh.assad-collapse.tmp").mkdir()  # a folder is never removed
    os.symlink(tmp_path / ".notes.tmp", tmp_path / ".link.abcdefgh.assad-collapse.tmp")  # nor a link
    assert remove_stale_temps(tmp_path) == []
    assert all((tmp_path / name).read_text() == "someone's file" for name in theirs)
    assert (tmp_path / ".dir.abcdefgh.assad-collapse.tmp").is_dir()
