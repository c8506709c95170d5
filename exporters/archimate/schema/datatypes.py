"""The XML Schema datatypes the exchange format uses, each a check that says what is wrong in words."""

from __future__ import annotations

import re
from collections.abc import Callable

from exporters.archimate.schema.structure import ELEMENT_TYPES, RELATIONSHIP_TYPES

_NAME_START = (
    "A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_NAME_CHAR = _NAME_START + r"\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
NCNAME = re.compile(f"[{_NAME_START}][{_NAME_CHAR}]*")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_FONT_SIZE = re.compile(r"[1-9][0-9]*(\.0|\.5)?")
_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
_XML_SPACE = " \t\n\r"
_FONT_STYLES = frozenset({"plain", "bold", "italic", "underline"})
_DATA_TYPES = frozenset({"string", "boolean", "currency", "date", "time", "number"})
_ACCESS_TYPES = frozenset({"Access", "Read", "Write", "ReadWrite"})

Check = Callable[[str], str | None]


def collapse(value: str) -> str:
    """An xs:ID, IDREF or token value as the schema reads it: surrounding XML white space dropped."""
    return value.strip(_XML_SPACE)


def is_ncname(value: str) -> bool:
    return NCNAME.fullmatch(value) is not None


def _identifier(value: str) -> str | None:
    if is_ncname(collapse(value)):
        return None
    return "is not a valid xs:ID (an identifier starts with a letter or '_' and has no spaces or colons)"


def _reference(value: str) -> str | None:
    if is_ncname(collapse(value)):
        return None
    return "is not a valid xs:IDREF (a reference is an identifier: no spaces or colons, not starting with a digit)"


#: The most digits of a number read from an exchange file (Python refuses over 4,300; no layout needs 30).
_DIGITS_READ = 30


def _integer(low: int, high: int | None, words: str) -> Check:
    def check(value: str) -> str | None:
        if len(value) > _DIGITS_READ and len(collapse(value)) > _DIGITS_READ:
            return f"is not {words} Steelframe reads (more than {_DIGITS_READ} digits)"
        if value.isascii() and value.isdigit() and int(value) >= low and (high is None or int(value) <= high):
            return None  # the usual case, without a regular expression
        text = collapse(value)
        if _INTEGER.fullmatch(text) and int(text) >= low and (high is None or int(text) <= high):
            return None
        return f"is not {words}"

    return check


def _one_of(allowed: frozenset[str], words: str) -> Check:
    def check(value: str) -> str | None:
        if collapse(value) in allowed:
            return None
        return f"is not {words}" if len(allowed) > 8 else f"is not {words} (one of {', '.join(sorted(allowed))})"

    return check


def _font_size(value: str) -> str | None:
    return None if _FONT_SIZE.fullmatch(collapse(value)) else "is not a font size such as 9 or 10.5"


def _font_style(value: str) -> str | None:
    if set(value.split()) <= _FONT_STYLES:
        return None
    return f"is not a list of font styles ({', '.join(sorted(_FONT_STYLES))})"


def _language(value: str) -> str | None:
    """xml:lang is an xs:language or exactly the empty string (which unsets a language)."""
    return None if value == "" or _LANGUAGE.fullmatch(collapse(value)) else "is not a language code such as en or pt-BR"


def _boolean(value: str) -> str | None:
    return None if collapse(value) in ("true", "false", "1", "0") else "is not true or false"


def _token(value: str) -> str | None:
    return None if collapse(value) else "is empty"


def _anything(value: str) -> str | None:
    return None


CHECKS: dict[str, Check] = {
    "id": _identifier,
    "idref": _reference,
    "nonneg": _integer(0, None, "a whole number of at least 0 (xs:nonNegativeInteger)"),
    "positive": _integer(1, None, "a whole number of at least 1 (xs:positiveInteger)"),
    "byte": _integer(0, 255, "a whole number from 0 to 255"),
    "alpha": _integer(0, 100, "a whole number from 0 to 100 (a percentage)"),
    "boolean": _boolean,
    "string": _anything,
    "token": _token,
    "lang": _language,
    "datatype": _one_of(_DATA_TYPES, "a property datatype"),
    "access-type": _one_of(_ACCESS_TYPES, "an access type"),
    "element-type": _one_of(ELEMENT_TYPES, "an ArchiMate element type"),
    "relationship-type": _one_of(RELATIONSHIP_TYPES, "an ArchiMate relationship type"),
    "font-size": _font_size,
    "font-style": _font_style,
}
