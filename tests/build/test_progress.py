"""build.progress: a bar on a terminal, plain lines for a log."""

from __future__ import annotations






def test_plain_progress_lines_for_logs():
    import io

    from assad_collapse.build.progress import Bar, Plain, for_stream

    out = io.StringIO()
    log = for_stream(out)
    assert type(log) is Plain
    log.plan({"manpower": ["data changed"]}, 1)
    log.started("manpower")
    log.built("manpower", 6.123)
    log.failed("timeline", "05-timeline.ipynb, cell 4: KeyError: 'x'")
    assert out.getvalue().splitlines() == [
        "1 report to build, 1 up to date", "  manpower: data changed", "building manpower",
        "built manpower in 6.1s", "FAILED timeline: 05-timeline.ipynb, cell 4: KeyError: 'x'"]

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    bar = for_stream(screen)
    assert type(bar) is Bar
    bar.plan({"a": ["never built"], "b": ["never built"]}, 0)
    bar.started("a")
    bar.built("a", 1.0)
    bar.close()
    assert "built a in 1.0s" in screen.getvalue() and "1/2" in screen.getvalue()

    class Closed(io.StringIO):  # a log reader that went away (`| head`)
        def write(self, text):
            raise BrokenPipeError

    gone = for_stream(Closed())
    gone.line("3 reports to build")
    gone.built("a", 1.0)  # the build goes on, silently
    assert gone.gone
