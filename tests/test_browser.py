"""Every built report and the index, opened from file:// in headless Chromium as a reader would.

Checks: no request leaves the file, no console or page error, every chart visible with alt
text, one h1 and no skipped heading level, the index's links resolve, no horizontal
scrolling at a 390 px phone width, no serious or critical axe-core violation, and a sane
page count when printed to PDF. Screenshots at desktop and phone width are written to
test-artifacts/screenshots/ for a person to look at.

Needs Debian's chromium and node_modules/axe-core (``npm ci``); both are installed by
.ci/run. Outside CI the module is skipped, with the reason, when either is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from helpers import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]

missing = [what for what, ok in (("chromium", Path(CHROMIUM).exists()), ("axe-core (npm ci)", AXE.exists())) if not ok]
try:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the lock file installs it
    missing.append("playwright")
if missing and not os.environ.get("CI"):
    pytest.skip(f"browser tests need {', '.join(missing)}", allow_module_level=True)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    run = subprocess.run([sys.executable, "-m", "assad_collapse.cli", "build", "--reports-dir", str(out)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    return out


@pytest.fixture(scope="module")
def browser():
    assert not missing, f"browser tests need {', '.join(missing)}"
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def open_page(browser, path: Path, site: Path, viewport: dict):
    """Open ``path`` blocking every request outside the site; return page, outside requests, errors."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    outside, errors = [], []

    def route(request_route):
        url = request_route.request.url
        if url.startswith("data:") or (url.startswith("file://") and Path(unquote(urlparse(url).path)).is_relative_to(site)):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    page.goto(path.as_uri(), wait_until="load")
    return context, page, outside, errors


def test_there_is_something_to_test(site):
    names = {p.name for p in pages(site)}
    assert "index.html" in names and len(names) >= 5


@pytest.mark.parametrize("viewport_name", ["desktop", "phone"])
def test_pages_are_self_contained_error_free_and_fit(site, browser, viewport_name):
    viewport = PHONE if viewport_name == "phone" else DESKTOP
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for path in pages(site):
        context, page, outside, errors = open_page(browser, path, site, viewport)
        problems += [f"{path.name}: request left the file: {u}" for u in outside]
        problems += [f"{path.name}: {e}" for e in errors]
        images = page.evaluate("""() => [...document.images].map(i => ({
            alt: i.getAttribute('alt') || '', loaded: i.complete && i.naturalWidth > 0,
            width: i.getBoundingClientRect().width}))""")
        for n, image in enumerate(images):
            if not image["loaded"] or image["width"] <= 0:
                problems.append(f"{path.name}: chart {n + 1} is not visible")
            if len(image["alt"]) < 20:
                problems.append(f"{path.name}: chart {n + 1} lacks alt text that states its finding")
        if viewport_name == "phone":
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > viewport["width"]:
                problems.append(f"{path.name}: scrolls horizontally at {viewport['width']} px (content is {width} px wide)")
        save_screenshots(page, SCREENSHOTS / f"{path.stem}-{viewport_name}", viewport["width"])
        context.close()
    assert problems == []


SCREENSHOT_SLICE = 8000  # px: one capture of a 30,000 px page can fail ("Unable to capture screenshot") under load


def save_screenshots(page, stem: Path, width: int) -> None:
    """The whole page as PNGs of at most SCREENSHOT_SLICE px each: ``stem``-1.png, -2.png, ... from the top."""
    for old in stem.parent.glob(f"{stem.name}-*.png"):
        old.unlink()
    height = page.evaluate("document.documentElement.scrollHeight")
    for n, top in enumerate(range(0, height, SCREENSHOT_SLICE), start=1):
        clip = {"x": 0, "y": top, "width": width, "height": min(SCREENSHOT_SLICE, height - top)}
        path = str(stem.parent / f"{stem.name}-{n}.png")
        try:
            page.screenshot(path=path, full_page=True, clip=clip)
        except PlaywrightError:  # a capture can fail on a loaded machine; the pictures are for people, so try once more
            page.wait_for_timeout(1000)
            page.screenshot(path=path, full_page=True, clip=clip)


def test_headings_form_an_outline(site, browser):
    problems = []
    for path in pages(site):
        context, page, _, _ = open_page(browser, path, site, DESKTOP)
        levels = page.evaluate("() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
        if levels.count(1) != 1 or levels[0] != 1:
            problems.append(f"{path.name}: expected one h1 first, got levels {levels[:6]}")
        problems += [f"{path.name}: heading jumps from h{a} to h{b}" for a, b in zip(levels, levels[1:]) if b > a + 1]
        context.close()
    assert problems == []


def test_index_links_resolve(site, browser):
    context, page, _, _ = open_page(browser, site / "index.html", site, DESKTOP)
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    context.close()
    assert hrefs
    broken = [h for h in hrefs if not h.startswith("#") and not (site / unquote(h.split("#")[0])).exists()]
    assert broken == []


def test_citations_link_to_the_sources_section(site, browser):
    problems = []
    for path in pages(site):
        context, page, _, _ = open_page(browser, path, site, DESKTOP)
        missing_targets = page.evaluate("""() => [...document.querySelectorAll('a[href^="#"]')]
            .map(a => a.getAttribute('href').slice(1)).filter(id => id && !document.getElementById(decodeURIComponent(id)))""")
        problems += [f"{path.name}: link to missing #{t}" for t in missing_targets]
        context.close()
    assert problems == []


def test_no_serious_accessibility_violation(site, browser):
    problems = []
    for path in pages(site):
        context, page, _, _ = open_page(browser, path, site, DESKTOP)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        for violation in result["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [" ".join(n["target"]) for n in violation["nodes"][:3]]
                problems.append(f"{path.name}: {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
        context.close()
    assert problems == []


def test_prints_to_a_sane_pdf(site, browser):
    context, page, _, _ = open_page(browser, site / "funding-cuts.html", site, DESKTOP)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    context.close()
    pages_count = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    (SCREENSHOTS / "funding-cuts.pdf").write_bytes(pdf)
    assert 2 <= pages_count <= 15, pages_count
