"""A Word file in the language it is in: the language's fonts, its language tags, and for a
right-to-left language every paragraph, run and the page set right to left.

Applied by :mod:`zerodraft.render.docx` to the file it built, so that the renderer itself
stays the same for every language.
"""

from __future__ import annotations

from typing import Any

from zerodraft.languages.conventions import Conventions
from zerodraft.wordml import element as new_element
from zerodraft.wordml import qn

# The elements a property may precede, in the schema's order (ECMA-376 §17.3.1.26, §17.3.2.28):
# Word refuses a file whose properties are out of order.
_AFTER_BIDI = ("adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
               "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
               "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")  # fmt: skip
_AFTER_RTL = ("cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")
_AFTER_LANG = ("eastAsianLayout", "specVanish", "oMath")
_AFTER_SECTION_BIDI = ("rtlGutter", "docGrid", "printerSettings", "sectPrChange")


def localise(word: Any, rules: Conventions, tag: str) -> None:
    """Set ``word`` (a python-docx Document) in the fonts, language and direction of ``rules``."""
    styles = word.styles.element
    for style in styles.iter(qn("w:style")):
        properties = style.find(qn("w:rPr"))
        fonts = properties.find(qn("w:rFonts")) if properties is not None else None
        if fonts is not None:
            for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(attribute), rules.font)
            _set(properties, "w:lang", _AFTER_LANG, {"w:val": tag, "w:eastAsia": tag, "w:bidi": tag})
    if not rules.rtl:
        return
    body = word.element.body
    for part in (body, *(s.header._element for s in word.sections), *(s.footer._element for s in word.sections)):
        for paragraph in part.iter(qn("w:p")):
            _set(paragraph.get_or_add_pPr(), "w:bidi", _AFTER_BIDI, {})
            for run in paragraph.iter(qn("w:r")):
                _set(run.get_or_add_rPr(), "w:rtl", _AFTER_RTL, {})
    for section in body.iter(qn("w:sectPr")):
        _set(section, "w:bidi", _AFTER_SECTION_BIDI, {})


def _set(parent: Any, name: str, before: tuple[str, ...], attributes: dict[str, str]) -> None:
    """Give ``parent`` the child ``name`` (once), placed before the first of ``before``."""
    element = parent.find(qn(name))
    if element is None:
        element = new_element(name)
        following = next((child for child in parent if child.tag in {qn(f"w:{b}") for b in before}), None)
        if following is None:
            parent.append(element)
        else:
            following.addprevious(element)
    for key, value in attributes.items():
        element.set(qn(key), value)
