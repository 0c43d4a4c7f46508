"""The HTML draft: golden file, anchors, labels, problems, hostile Markdown, and an
accessibility check with axe-core in Debian's headless Chromium.

Regenerate the golden file with ``ZERODRAFT_REGOLD=1 .venv/bin/pytest tests/test_render_html.py``.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from browser import axe_violations, chromium
from conftest import write_paragraph
from test_render import golden, load
from zerodraft import checks
from zerodraft.reader import read
from zerodraft.render import build
from zerodraft.source import WorkingTree

B = "02-b-international-cooperation"


class Tags(HTMLParser):
    """Every start tag and its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def html_of(base: Path, out: Path) -> str:
    reading = read(WorkingTree(base))
    problems = sorted(set(reading.problems) | set(checks.run(reading.document)))
    [path] = build(reading.document, ["html"], out, problems=problems)
    return path.read_text(encoding="utf-8")


def test_golden_rich(rich: Path, tmp_path: Path) -> None:
    [path] = build(load(rich), ["html"], tmp_path / "out")
    golden("rich.html", path.read_bytes())


def test_anchors_labels_attribution_footnotes(rich: Path, tmp_path: Path) -> None:
    html = html_of(rich, tmp_path / "out")
    ids = [a.get("id") for _t, a in tags_of(html) if a.get("id")]
    assert len(ids) == len(set(ids)), "ids are unique"
    for anchor in ("para-1", "para-6", "para-6bis", "para-8alt", "fn-1", "fn-3", "fnref-2"):
        assert anchor in ids
    assert '<span class="label">agreed ad ref pending Iran (Islamic Republic of)</span>' in html
    assert '<span class="by">Proposed by: European Union</span>' in html
    assert '<span class="br">[strengthen][put in place]</span>' in html
    assert "[square brackets]" in html and '<span class="br">[square' not in html
    assert "problems" not in html.split("<main")[0].split("</header>")[1].split("<nav")[0]
    assert "@media print" in html


def test_problems_listed_at_top(document: Path, tmp_path: Path) -> None:
    write_paragraph(document / "outcome" / B / "009.md", "p-x", "To [act.", "agreed")
    html = html_of(document, tmp_path / "out")
    top = html.split("<main")[0]
    assert "This draft has 3 problems" in top
    assert "ZD201" in top and "ZD301" in top and "ZD401" in top
    assert 'To <span class="br">[act.</span>' in html.split("<main")[1]


HOSTILE = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java&#115;cript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click]( javascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "[click](file:///etc/passwd)",
    "<javascript:alert(1)>",
    "<img src=x onerror=alert(1)>",
    "![pixel](https://tracker.example/p.png)",
    '[t](https://un.org "x\\" onmouseover=\\"alert(1)")',
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=https://evil.example></iframe>",
    "<style>body{display:none}</style>",
    "[x][1]\n\n[1]: javascript:alert(1)",
    "<svg onload=alert(1)>",
    '"><script>alert(1)</script>',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markdown_is_inert(document: Path, tmp_path: Path, text: str) -> None:
    write_paragraph(document / "outcome" / B / "008.md", "p-hostile", f"To {text} end.")
    (document / "outcome" / B / "section.yaml").write_text(f"heading: 'B. <b onclick=x>{text[:20]}</b>'\n")
    html = html_of(document, tmp_path / "out")
    assert "To " in html and " end." in html
    allowed = {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "a",
        "header",
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "nav",
        "ul",
        "ol",
        "li",
        "section",
        "span",
        "main",
        "div",
        "strong",
        "em",
        "code",
        "sup",
        "footer",
    }
    for tag, attrs in tags_of(html):
        assert tag in allowed, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "srcset", "action", "formaction", "style"), (tag, name)
            if name == "href":
                assert value is not None
                assert value.startswith(("https://", "http://", "mailto:", "#")), value
    assert html.count("<style>") == 1
    assert "<script" not in html.lower()


def test_passes_axe_core_in_chromium(rich: Path, tmp_path: Path) -> None:
    write_paragraph(rich / "outcome" / B / "011.md", "p-bad", "To [act.", "agreed")  # problems shown too
    html_of(rich, tmp_path / "out")
    with chromium() as driver:
        violations = axe_violations(driver, tmp_path / "out" / "draft-2.html")
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], serious
    assert violations == [], violations
