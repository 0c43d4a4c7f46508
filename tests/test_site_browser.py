"""The site in a real browser: Playwright for Python driving Debian's Chromium
(``/usr/bin/chromium``; nothing is downloaded), over a local HTTP server and from
``file://``: clicking home → draft → paragraph → history, the filters and search, a pasted
paragraph link, the printed view, the Content-Security-Policy, hostile text, and axe-core
(npm) in every kind of page.

Refresh the screenshots in ``docs/images/`` with
``ZERODRAFT_PICTURES=1 .venv/bin/pytest tests/test_site_browser.py -k screenshots``.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLE, git
from site_helpers import add_hostile, with_drafts
from zerodraft.site import build

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
IMAGES = REPO / "docs" / "images"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example repository with two drafts and a pull request, and its site."""
    base = tmp_path_factory.mktemp("repo")
    shutil.copytree(EXAMPLE, base / "outcome")
    git(base, "init", "-q", "-b", "main")
    git(base, "add", "-A")
    git(base, "commit", "-q", "-m", "Draft 2")
    with_drafts(base)
    out = base / "site"
    build(base, out, downloads=("docx", "akn"))
    return out


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The site over a local HTTP server in a thread; yields its address."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page that fails the test on any CSP violation, script error or dialog, and that
    records every request it makes."""
    context = browser.new_context(viewport={"width": 1000, "height": 1200})
    tab = context.new_page()
    tab.errors = []
    tab.requests = []
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.on("dialog", lambda d: (tab.errors.append(f"dialog: {d.message}"), d.dismiss()))
    tab.on("request", lambda r: tab.requests.append(r.url))
    yield tab
    context.close()


def visible(tab: Any) -> int:
    return int(tab.eval_on_selector_all("[data-para]", "els => els.filter(e => !e.hidden).length"))


def local_only(tab: Any, base: str) -> None:
    assert tab.requests and all(url.startswith(base) for url in tab.requests), tab.requests


@pytest.mark.parametrize("where", ["http", "file"])
def test_click_home_draft_paragraph_history(site: Path, server: str, page: Any, where: str) -> None:
    base = server if where == "http" else site.resolve().as_uri() + "/"
    page.goto(base + "index.html")
    assert page.title().endswith("home")
    page.get_by_role("link", name="Draft 3", exact=True).click()
    page.wait_for_url("**/draft-3.html")
    assert "DRAFT 3, 19 July 2021" in page.text_content(".draft-header")
    page.get_by_role("link", name="History of paragraph 7").click()
    page.wait_for_url("**/paragraphs/p-a1b2c3d4e507.html")
    assert page.text_content("h1").startswith("Paragraph 7")
    assert "renamed 006bis.md → 007.md" in page.text_content("ol.changes")
    page.get_by_role("link", name="6 bis").click()
    page.wait_for_url("**/draft-2.html#para-6bis")
    assert page.is_visible("#para-6bis")
    page.go_back()
    page.get_by_role("link", name="Home").click()
    page.get_by_role("link", name="Changes from Draft 2").click()
    assert "7 (was 6 bis)" in page.text_content("main")
    assert page.errors == []
    local_only(page, base)


def test_filters_and_search(server: str, page: Any) -> None:
    from playwright.sync_api import expect

    page.goto(server + "editors-copy.html")
    assert page.is_visible("#filters"), "the script shows the filters"
    total = visible(page)
    assert total == 8
    page.select_option("#f-label", "agreed-ad-ref")
    assert visible(page) == 2
    assert "Showing 2 of 8 paragraphs." in page.text_content("#f-status")
    page.select_option("#f-label", "")
    page.select_option("#f-delegation", "european union")
    assert visible(page) == 1 and page.is_visible("#para-7")
    page.select_option("#f-delegation", "")
    page.select_option("#f-item", "02-b-international-cooperation")
    assert visible(page) == 1 and page.is_visible("#para-8")
    page.select_option("#f-item", "")
    page.fill("#f-search", "FULLY bearing")
    assert visible(page) == 1 and page.is_visible("#para-5")
    page.click("button[type=reset]")
    expect(page.locator("#f-status")).to_have_text(re.compile("^Showing all"))  # no eval: the CSP forbids it
    assert visible(page) == total
    assert page.errors == []


def test_without_script_the_text_reads_fine(browser: Any, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(server + "editors-copy.html")
    assert not tab.is_visible("#filters"), "no dead controls without script"
    assert tab.is_visible("#para-7") and tab.is_visible("#para-1")
    context.close()


def test_pasted_paragraph_link(server: str, page: Any) -> None:
    from playwright.sync_api import expect

    page.goto(server + "editors-copy.html#para-7")
    box = page.locator("#para-7").bounding_box()
    assert box is not None and 0 <= box["y"] < 1200, "the pasted link lands on the paragraph"
    page.select_option("#f-label", "agreed-ad-ref")
    assert not page.is_visible("#para-7")
    page.goto(server + "editors-copy.html#para-1")
    page.goto(server + "editors-copy.html#para-7")  # a link followed while the filters hide it
    expect(page.locator("#para-7")).to_be_visible()
    href = page.get_attribute("#para-7 a.num", "href")
    assert href == "#para-7"


def test_print_view(server: str, page: Any) -> None:
    page.goto(server + "editors-copy.html")
    page.select_option("#f-label", "agreed-ad-ref")
    page.emulate_media(media="print")
    assert not page.is_visible(".site-nav") and not page.is_visible("#filters")
    assert page.is_visible("#para-7"), "print shows the whole text, whatever the filters"
    assert not page.is_visible("a.history")
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


def test_csp_forbids_inline_script_and_remote_origins(site: Path) -> None:
    from zerodraft.site.layout import CSP

    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP and "default-src 'none'" in CSP
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert f'content="{CSP}"' in html
        assert "<script>" not in html and " style=" not in html


def test_hostile_text_is_harmless_in_the_browser(browser: Any, tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "outcome")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Draft 2")
    add_hostile(tmp_path, sorted((REPO / "tests" / "hostile" / "paragraphs").glob("*.md")))
    out = tmp_path / "site"
    build(tmp_path, out, downloads=())
    context = browser.new_context(viewport={"width": 1000, "height": 1200})
    tab = context.new_page()
    events: list[str] = []
    tab.on("dialog", lambda d: (events.append(d.message), d.dismiss()))
    tab.on("request", lambda r: events.append(r.url) if not r.url.startswith("file://") else None)
    base = out.resolve().as_uri() + "/"
    for name in ("editors-copy.html", "index.html"):
        tab.goto(base + name)
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 1000, f"{name}: a very long word widens the page to {width}px"
    assert tab.evaluate("typeof window.pwned") == "undefined"
    assert events == []
    context.close()


@pytest.mark.parametrize(
    "name",
    [
        "index.html",
        "editors-copy.html",
        "draft-2.html",
        "redline-draft-2-draft-3.html",
        "paragraphs/p-a1b2c3d4e507.html",
    ],
)
def test_axe_core_finds_nothing_serious(browser: Any, server: str, name: str) -> None:
    context = browser.new_context(bypass_csp=True)  # only so that axe itself can be injected
    tab = context.new_page()
    tab.goto(server + name)
    tab.evaluate(AXE.read_text(encoding="utf-8"))
    violations = tab.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
        "v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))})))"
    )
    context.close()
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], serious


def test_screenshots(site: Path, server: str, page: Any, tmp_path: Path) -> None:
    """Screenshots of home, the editor's copy and a redline (docs/site.md shows them)."""
    keep = bool(os.environ.get("ZERODRAFT_PICTURES"))
    folder = IMAGES if keep else tmp_path
    for name, shot in (
        ("index.html", "site-home.png"),
        ("editors-copy.html", "site-editors-copy.png"),
        ("redline-draft-2-draft-3.html", "site-redline.png"),
    ):
        page.goto(server + name)
        page.screenshot(path=str(folder / shot))
        assert (folder / shot).read_bytes().startswith(b"\x89PNG")


def test_filters_on_two_thousand_paragraphs(browser: Any, tmp_path: Path, record_property: Any) -> None:
    """The filters on a 2,000-paragraph editor's copy: right answers.  How long they take is
    measured by bench/site_speed.py (figures in docs/site.md), recorded here, never asserted."""
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    from synthetic import make

    make(tmp_path, 2000)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Draft 2")
    out = tmp_path / "site"
    build(tmp_path, out, downloads=())
    tab = browser.new_page()
    tab.goto((out / "editors-copy.html").resolve().as_uri())
    assert visible(tab) == 2000
    expected = tab.eval_on_selector_all("[data-label='agreed-ad-ref']", "els => els.length")
    elapsed = tab.evaluate(
        "() => { document.getElementById('f-label').value = 'agreed-ad-ref';"
        "const start = performance.now(); window.zerodraftFilter(); document.body.offsetHeight;"
        "return performance.now() - start; }"
    )
    assert 0 < expected < 2000 and visible(tab) == expected
    cleared = tab.evaluate(
        "() => { document.getElementById('filters').reset();"
        "const start = performance.now(); window.zerodraftFilter(); document.body.offsetHeight;"
        "return performance.now() - start; }"
    )
    assert visible(tab) == 2000
    record_property("filter_ms", elapsed)
    record_property("clear_ms", cleared)
    tab.close()


#: For each heading of the dashboard table: how many lines each of its words takes (1 each
#: when no word is broken, as "agree d" was), and whether the page is wider than the screen.
_LAYOUT = """() => {
  const words = [];
  for (const th of document.querySelectorAll('table.dashboard th')) {
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        words.push([match[0], lines.size]);
      }
    }
  }
  return {words, page: document.documentElement.scrollWidth, screen: window.innerWidth};
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_dashboard_renders_cleanly(site: Path, server: str, browser: Any, width: int, tmp_path: Path) -> None:
    """At a phone's 360 px and a desktop's 1280 px: no heading broken inside a word, no page
    wider than the screen (the table scrolls in its own box); screenshots in docs/images/."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto(server + "index.html")
    tab.locator("table.dashboard").scroll_into_view_if_needed()
    found = tab.evaluate(_LAYOUT)
    broken = [word for word, lines in found["words"] if lines != 1]
    assert found["words"] and broken == [], broken
    assert found["page"] <= found["screen"], found
    folder = IMAGES if os.environ.get("ZERODRAFT_PICTURES") else tmp_path
    shot = folder / f"site-dashboard-{width}.png"
    tab.locator(".dashboard-section").screenshot(path=str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG")
    context.close()
