"""Build progress: a tqdm bar on a terminal, one plain line per event otherwise (cron, CI, pipes).

Plain lines are stable and greppable: ``3 reports to build, 1 up to date``,
``building manpower``, ``built manpower in 6.1s``, ``FAILED manpower: ...``.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO


class Plain:
    """One line per event, flushed at once so that a log shows how far a killed build got."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stdout
        self.gone = False  # the reader went away (``| head``, a closed log): keep building, silently

    def line(self, text: str) -> None:
        if self.gone:
            return
        try:
            print(text, file=self.stream, flush=True)
        except (BrokenPipeError, ValueError):
            self._lost()

    def _lost(self) -> None:
        self.gone = True
        try:  # so that Python's own flush at exit does not fail either
            os.dup2(os.open(os.devnull, os.O_WRONLY), self.stream.fileno())
        except (OSError, ValueError, AttributeError):
            pass

    def plan(self, to_build: dict[str, list[str]], up_to_date: int) -> None:
        self.line(f"{_n(len(to_build), 'report')} to build, {up_to_date} up to date")
        for name, reasons in to_build.items():
            self.line(f"  {name}: {', '.join(reasons)}")

    def started(self, name: str) -> None:
        self.line(f"building {name}")

    def built(self, name: str, seconds: float) -> None:
        self.line(f"built {name} in {seconds:.1f}s")

    def failed(self, name: str, message: str) -> None:
        self.line(f"FAILED {name}: {message}")

    def close(self) -> None:
        pass


class Bar(Plain):
    """A progress bar of reports built, with the running ones named; events print above it."""

    def __init__(self, stream: TextIO | None = None):
        super().__init__(stream)
        self._bar = None
        self._running: list[str] = []

    def line(self, text: str) -> None:
        if self._bar is None or self.gone:
            super().line(text)
            return
        try:
            self._bar.write(text, file=self.stream)
        except (BrokenPipeError, ValueError):
            self._lost()

    def plan(self, to_build: dict[str, list[str]], up_to_date: int) -> None:
        super().plan(to_build, up_to_date)
        if to_build:
            import shutil

            from tqdm import tqdm

            size = shutil.get_terminal_size()  # 80x24 if the terminal will not say (tqdm would then draw nothing)
            self._bar = tqdm(total=len(to_build), unit="report", file=self.stream, leave=True,
                             ncols=min(size.columns, 120), nrows=size.lines,
                             bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}{postfix}]")

    def started(self, name: str) -> None:
        self._running.append(name)
        self._show()

    def built(self, name: str, seconds: float) -> None:
        super().built(name, seconds)
        self._done(name)

    def failed(self, name: str, message: str) -> None:
        super().failed(name, message)
        self._done(name)

    def _done(self, name: str) -> None:
        if name in self._running:
            self._running.remove(name)
        self._draw(lambda bar: bar.update(1))
        self._show()

    def _show(self) -> None:
        self._draw(lambda bar: bar.set_postfix_str(", ".join(self._running)))

    def _draw(self, action) -> None:
        if self._bar is not None and not self.gone:
            try:
                action(self._bar)
            except (BrokenPipeError, ValueError):
                self._lost()

    def close(self) -> None:
        if self._bar is not None:
            self._draw(lambda bar: bar.close())
            self._bar = None


def for_stream(stream: TextIO | None = None) -> Plain:
    """A bar when ``stream`` is a terminal, plain lines otherwise."""
    stream = stream or sys.stdout
    interactive = hasattr(stream, "isatty") and stream.isatty() and os.environ.get("TERM") != "dumb"
    return Bar(stream) if interactive else Plain(stream)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
