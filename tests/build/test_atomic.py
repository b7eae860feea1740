"""build.atomic: whole files only."""

from __future__ import annotations






def test_atomic_writes_leave_whole_files_only(tmp_path):
    from assad_collapse.build.atomic import remove_stale_temps, write_atomic, write_if_changed

    target = tmp_path / "index.html"
    write_atomic(target, b"one")
    assert write_if_changed(target, b"one") is False and write_if_changed(target, b"two") is True
    assert target.read_bytes() == b"two" and oct(target.stat().st_mode & 0o777) != "0o600"
    (tmp_path / ".index.html.x1.tmp").write_text("partial")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / ".figures.csv.x2.tmp").write_text("partial")
    assert len(remove_stale_temps(tmp_path, tmp_path / "data")) == 2
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["index.html"]
