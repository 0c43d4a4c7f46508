"""Numbers as the language versions of UN texts print them: Roman and Chinese numerals."""

from __future__ import annotations

_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_DIGITS = "〇一二三四五六七八九"


def roman(number: int) -> str:
    """``roman(12) == "XII"``; ``roman(4) == "IV"`` (for 1–3999)."""
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def from_roman(text: str) -> int | None:
    """The number a Roman numeral in capitals writes: ``"XII" -> 12``; ``None`` for anything
    that is not one written the usual way (``"IIII"``, ``"IC"``, ``""``)."""
    value, rest = 0, text
    for amount, letters in _ROMAN:
        while rest.startswith(letters):
            value, rest = value + amount, rest[len(letters) :]
    return value if value and not rest and roman(value) == text else None


def chinese(number: int) -> str:
    """Chinese numerals as treaties print them (1–9999): ``1 -> 一``, ``10 -> 十``, ``12 -> 十二``,
    ``20 -> 二十``, ``76 -> 七十六``, ``105 -> 一百零五``, ``320 -> 三百二十``."""
    if number <= 0:
        return _DIGITS[0]
    if number < 10:
        return _DIGITS[number]
    if number < 20:
        return "十" + (_DIGITS[number - 10] if number > 10 else "")
    out = ""
    zero = False
    for value, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // value % 10
        if digit:
            if zero and out:
                out += "零"
            out += _DIGITS[digit] + word
            zero = False
        elif out:
            zero = True
    return out


def from_chinese(text: str) -> int | None:
    """The number written in Chinese numerals: ``"十二" -> 12``, ``"一百零五" -> 105``; ``None``
    if ``text`` is not one."""
    if not text or any(c not in _DIGITS + "零十百千" for c in text):
        return None
    total, digit = 0, 0
    for char in text.replace("零", "〇"):
        if char in _DIGITS:
            digit = _DIGITS.index(char)
        else:
            unit = {"十": 10, "百": 100, "千": 1000}[char]
            total += (digit or 1) * unit
            digit = 0
    return total + digit
