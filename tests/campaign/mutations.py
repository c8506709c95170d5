"""Hostile inputs made from good files: byte-level mutations salted with the tokens that broke readers
before (lone surrogates, huge numbers, deep nesting, escapes, DTDs, namespace floods, BOMs)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

#: Text that broke a reader once, or might: each is spliced into otherwise good files.
TOKENS: tuple[bytes, ...] = (
    b'"\\ud800"', b"\\udc00", b"9" * 5000, b"-" + b"9" * 400, b"1e999", b"NaN", b"[" * 2000, b"{" * 50,
    b'"\x1b]0;owned\x07"', b"\x1b[2J", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\r\n", b"\n---\n", b"---",
    b"<!DOCTYPE x [<!ENTITY e 'e'>]>", b"&e;", b' xmlns:p="urn:p"' * 50, b"<node x=\"" + b"9" * 5000 + b'"/>',
    b'identifier="' + b"a" * 5000 + b'"', b"steelframe-id: [a, b]", b"steelframe-id: \"\\ud800\"", b"", b"null",
    b'""', b"true", b"[]", b"{}", b"\xc3\x28", b"\xed\xa0\x80",
)

VALUES: tuple[Any, ...] = (
    None, True, 0, -1, 2**70, 1.5e308, "", "\x1b[31m", "a" * 300, "\ud800", [], {}, [[[]]], {"x": 1}, "ctx-x",
)


@st.composite
def mutated_bytes(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` with one to four splices: a token or random bytes put in, a slice cut out or repeated."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(data)))
        end = min(len(data), start + draw(st.integers(0, 64)))
        action = draw(st.sampled_from(("token", "bytes", "cut", "repeat", "truncate")))
        if action == "token":
            data[start:end] = draw(st.sampled_from(TOKENS))
        elif action == "bytes":
            data[start:end] = draw(st.binary(max_size=16))
        elif action == "cut":
            del data[start:end]
        elif action == "repeat":
            data[start:start] = data[start:end] * draw(st.integers(1, 3))
        else:
            del data[start:]
    return bytes(data)


@st.composite
def mutated_json(draw: st.DrawFn, seed: str) -> bytes:
    """A model file with one value somewhere in its tree replaced by an odd one (or a key removed)."""
    document = json.loads(seed)
    node: Any = document
    for _ in range(draw(st.integers(1, 5))):
        children = list(node.items()) if isinstance(node, dict) else list(enumerate(node)) \
            if isinstance(node, list) else []
        children = [(key, child) for key, child in children if isinstance(child, dict | list)] or children
        if not children:
            break
        key, child = draw(st.sampled_from(children))
        if not isinstance(child, dict | list) or draw(st.booleans()):
            if isinstance(node, dict) and draw(st.integers(0, 4)) == 0:
                del node[key]
            else:
                node[key] = draw(st.sampled_from(VALUES))
            break
        node = child
    return json.dumps(document).encode("utf-8", errors="surrogatepass")
