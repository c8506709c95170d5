"""What the ArchiMate import refuses, and how: one line, ``FILE:LINE: reason``, the line of the culprit.

The structural check is held to the official schema: for mutated versions of valid samples, whenever
the XSD rejects a file the import refuses it too, and the untouched samples are accepted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from exporters.archimate.errors import ExchangeImportError
from exporters.archimate.reading.fragments import Serialized
from exporters.archimate.reading.importer import import_archimate, import_archimate_bytes
from exporters.archimate.reading.parsing import parse_exchange
from exporters.archimate.schema.quick import quick_check
from exporters.archimate.schema.validation import walk_in_full
from model.store import Model
from tests.archimate_reference import schema_errors
from tests.exporters.archimate.test_archimate_import import NAMESPACE, Exchange, connection, node, sample, valid_samples

ONE_LINE = re.compile(r"^(?P<file>[^\n]+?):(?P<line>\d+): (?P<reason>[^\n]+)$")


def refusal(data: bytes, source: str = "in.xml") -> ExchangeImportError:
    with pytest.raises(ExchangeImportError) as caught:
        import_archimate_bytes(data, source)
    error = caught.value
    match = ONE_LINE.match(str(error))
    assert match is not None, str(error)
    assert (match["file"], int(match["line"])) == (source, error.line)
    return error


def model_file(body: str, root: str = f'<model xmlns="{NAMESPACE}" identifier="m">') -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{root}\n{body}\n</model>\n'.encode()


# ------------------------------------------------------------------------------------------ hostile input

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE model [\n<!ENTITY lol "lol">\n'
    + b"".join(b'<!ENTITY lol%d "%s">\n' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
               for n in range(1, 10))
    + b']>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>&lol9;</name></model>\n'
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?>\n<!DOCTYPE model [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    b'<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>&secret;</name></model>\n'
)
DTD_ONLY = (
    b'<?xml version="1.0"?>\n\n<!DOCTYPE model SYSTEM "http://example.com/archimate.dtd">\n'
    b'<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>x</name></model>\n'
)


@pytest.mark.parametrize("data, line", [(BILLION_LAUGHS, 2), (EXTERNAL_ENTITY, 2), (DTD_ONLY, 3)],
                         ids=["billion-laughs", "external-entity", "dtd"])
def test_dtds_and_entities_are_refused_at_the_doctype(data: bytes, line: int) -> None:
    error = refusal(data)
    assert str(error) == f"in.xml:{line}: DTDs and entities are not accepted in an ArchiMate exchange file"


def test_a_huge_deeply_nested_file_is_refused_cleanly() -> None:
    head = f'<?xml version="1.0"?>\n<model xmlns="{NAMESPACE}" identifier="m"><name>x</name>'.encode()
    data = head + b"<a>" * (50 * 2**20 // 7) + b"</a>" * (50 * 2**20 // 7)
    assert len(data) > 50 * 10**6
    error = refusal(data)
    assert error.line == 2
    assert error.reason.startswith("not well-formed XML: Excessive depth in document: 256")


@pytest.mark.parametrize("data, line, reason", [
    (b"", 0, "the file is empty, not an ArchiMate exchange file"),
    (b"  \n\t ", 0, "the file is empty, not an ArchiMate exchange file"),
    (bytes(range(256)) * 8, 1, "not well-formed XML: "),
    (b"PK\x03\x04\x14\x00\x06\x00", 1, "not well-formed XML: Start tag expected, '<' not found"),
    (model_file("<name>x</name>\n<elements>\n<element identifier=")[:-12], 5, "not well-formed XML: "),
    (b'<?xml version="1.0" encoding="utf-8"?>\n<model>\xff</model>', 2, "not well-formed XML: "),
    (b'<?xml version="1.0" encoding="klingon"?>\n<model/>', 1, "not well-formed XML: Unsupported encoding: klingon"),
], ids=["empty", "blank", "binary", "zip", "truncated", "bad-utf8", "unknown-encoding"])
def test_what_is_not_xml_is_refused_at_the_parsers_line(data: bytes, line: int, reason: str) -> None:
    error = refusal(data)
    assert error.line == line
    assert error.reason.startswith(reason)


def test_an_archimate_2_file_is_named_as_such() -> None:
    data = b'<?xml version="1.0"?>\n<model xmlns="http://www.opengroup.org/xsd/archimate" identifier="m"/>\n'
    assert str(refusal(data)) == (
        "in.xml:2: this is an ArchiMate 2 exchange file (namespace http://www.opengroup.org/xsd/archimate); "
        "only ArchiMate 3.x exchange files are read"
    )


@pytest.mark.parametrize("data, line, shown", [
    (b"<html><body/></html>", 1, "<html> in no namespace"),
    (f'<?xml version="1.0"?>\n\n<elements xmlns="{NAMESPACE}"/>'.encode(), 3, f"<elements> in namespace {NAMESPACE}"),
])
def test_a_wrong_root_is_refused(data: bytes, line: int, shown: str) -> None:
    error = refusal(data)
    assert error.line == line
    assert error.reason == f"the root element is {shown}, not an ArchiMate exchange <model> in namespace {NAMESPACE}"


def test_an_unreadable_path_is_refused_in_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.xml"
    with pytest.raises(ExchangeImportError, match=r":0: cannot read it: no such file$"):
        import_archimate(missing)
    with pytest.raises(ExchangeImportError, match=r":0: cannot read it: it is a directory$"):
        import_archimate(tmp_path)


def test_the_line_points_at_the_offending_element() -> None:
    body = ('<name>x</name>\n<elements>\n<element identifier="a" xsi:type="Goal"><name>a</name></element>\n'
            '<element identifier="b" xsi:type="Gaol"><name>b</name></element>\n</elements>')
    root = f'<model xmlns="{NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">'
    error = refusal(model_file(body, root))
    assert str(error) == "in.xml:6: <element> has xsi:type='Gaol', which is not an ArchiMate 3.1 element type"


def test_identifiers_steelframe_cannot_hold_are_refused() -> None:
    body = '<name>x</name>\n<elements><element identifier="café" xsi:type="Goal"><name>a</name></element></elements>'
    root = f'<model xmlns="{NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">'
    error = refusal(model_file(body, root))
    assert error.line == 4
    assert "is a valid xs:ID, but Steelframe identifiers use only ASCII letters" in error.reason


# ------------------------------------------------------------------------------------------ the schema as judge

Mutation = Callable[[str], str]


def replace(old: str, new: str) -> Mutation:
    def mutate(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return mutate


def regex(pattern: str, new: str) -> Mutation:
    def mutate(text: str) -> str:
        changed, count = re.subn(pattern, new, text, count=1, flags=re.S)
        assert count == 1, pattern
        return changed

    return mutate


def move_connections_before_nodes(text: str) -> str:
    start, end = text.index("<connection"), text.index("</view>")
    moved, rest = text[start:end], text[:start] + text[end:]
    first = rest.index("<node")
    return rest[:first] + moved + rest[first:]


E02_ELEMENT = "id-019dd58c-3116-731f-a761-905e3234486b"
V02 = "id-019dd58b-68f1-765a-bca8-2716884f56b2"
E02_NODE_TAIL = 'x="0" y="138" w="200"'
FILL_09 = '<fillColor r="255" g="255" b="181" a="100" />'
#: (case, sample, mutation, whether the result is still valid)
MUTATIONS: list[tuple[str, str, Mutation, bool]] = [
    ("drop-property-definition", "09", regex(r'<propertyDefinition identifier="propid-2".*?</propertyDefinition>', ""),
     False),
    ("duplicate-id", "01", replace('identifier="id-89c22226"', 'identifier="id-37d5bc4b"'), False),
    ("bad-elementRef", "02", replace(f'elementRef="{E02_ELEMENT}"', 'elementRef="id-nothing"'), False),
    ("elementRef-to-relationship", "02",
     replace(f'elementRef="{E02_ELEMENT}"', 'elementRef="id-019dd58d-947b-7f8b-9342-69b71072a882"'), False),
    ("unknown-xsi-type", "01", replace('xsi:type="BusinessRole"', 'xsi:type="BusinessHero"'), False),
    ("relationship-type-on-element", "01", replace('xsi:type="BusinessRole"', 'xsi:type="Serving"'), False),
    ("id-starts-with-digit", "01", replace('identifier="id-52b86b7b"', 'identifier="1abc"'), False),
    ("id-with-space", "01", replace('identifier="id-52b86b7b"', 'identifier="a b"'), False),
    ("node-without-x", "02", replace(E02_NODE_TAIL, 'y="138" w="200"'), False),
    ("negative-x", "02", replace(E02_NODE_TAIL, 'x="-5" y="138" w="200"'), False),
    ("fractional-x", "02", replace(E02_NODE_TAIL, 'x="0.5" y="138" w="200"'), False),
    ("zero-width", "02", replace('w="200" h="70" />\n                <node', 'w="0" h="70" />\n                <node'),
     False),
    ("connection-before-node", "02", move_connections_before_nodes, False),
    ("missing-relationship-source", "01", replace('source="id-37d5bc4b"', 'source="id-nothing"'), False),
    ("relationshipRef-to-element", "02", replace('relationshipRef="id-019dd58d-4fcc-7e5e-a15c-617f4bf97c31"',
                                                 'relationshipRef="id-019dd58c-fbb9-7f75-8731-7c7b4db67709"'), False),
    ("connection-source-missing", "02", replace('source="id-019dd58c-fbb9-73fa-8251-f74d2a8b73f6"', 'source="ghost"'),
     False),
    ("connection-end-in-another-view", "03", replace('source="id-4103" target="id-4090"',
                                                     'source="id-3657" target="id-4090"'), False),
    ("viewRef-to-a-node", "03", replace('<viewRef ref="id-3944" />', '<viewRef ref="id-3657" />'), False),
    ("colour-without-r", "09", replace(FILL_09, '<fillColor g="255" b="181" a="100" />'), False),
    ("alpha-over-100", "09", replace(FILL_09, '<fillColor r="255" g="255" b="181" a="101" />'), False),
    ("red-over-255", "09", replace(FILL_09, '<fillColor r="256" g="255" b="181" a="100" />'), False),
    ("font-size", "09", replace('size="12"', 'size="12.3"'), False),
    ("font-style", "05", replace('style="plain"', 'style="shiny"'), False),
    ("line-width", "06", regex(r'lineWidth="\d+"', 'lineWidth="0"'), False),
    ("access-type", "03", replace('accessType="Write"', 'accessType="Delete"'), False),
    ("is-directed", "01", replace('xsi:type="Assignment" />', 'xsi:type="Association" isDirected="maybe" />'), False),
    ("element-without-name", "01", replace('<name xml:lang="en">Sales Person</name>', ""), False),
    ("element-without-type", "01", replace(' xsi:type="BusinessRole"', ""), False),
    ("node-without-type", "02", replace(f'xsi:type="Element" elementRef="{E02_ELEMENT}"',
                                        f'elementRef="{E02_ELEMENT}"'), False),
    ("unknown-child", "01", replace("</documentation>", "</documentation><colour/>"), False),
    ("unknown-attribute", "01", replace('identifier="id-37d5bc4b"', 'identifier="id-37d5bc4b" colour="red"'), False),
    ("label-with-elementRef", "03", replace('xsi:type="Label" x="555"',
                                            'xsi:type="Label" elementRef="id-1399" x="555"'), False),
    ("text-in-elements", "01", replace("<elements>", "<elements>stray"), False),
    ("value-with-a-child", "09", replace('1.0.0</value>', '1.0.0<b/></value>'), False),
    ("property-without-value", "09", replace('<value xml:lang="fr">1.0.0</value>', ""), False),
    ("bendpoint-without-y", "05", regex(r'(<bendpoint x="\d+") y="\d+"', r"\1"), False),
    ("definition-type", "09", replace('identifier="propid-1" type="string"', 'identifier="propid-1" type="float"'),
     False),
    ("two-properties", "09", replace("</properties>\n  <elements>", "</properties><properties><property "
                                     'propertyDefinitionRef="propid-1"><value>x</value></property></properties>'
                                     "<elements>"), False),
    ("two-metadata", "03", replace("</metadata>", "</metadata><metadata><schema>x</schema></metadata>"), False),
    ("empty-elements", "01", regex(r"<elements>.*</relationships>", "<elements></elements>"), False),
    ("model-without-name", "01", replace('<name xml:lang="en">Test</name>', ""), False),
    ("bad-language", "01", replace('<name xml:lang="en">Sales', '<name xml:lang="!!">Sales'), False),
    ("viewpointRef-to-an-element", "02", replace(
        f'<view identifier="{V02}">',
        f'<view identifier="{V02}" viewpointRef="id-019dd58c-fbb9-7f75-8731-7c7b4db67709">',
    ), False),
    ("junction-without-name", "04", regex(r'(xsi:type="AndJunction">)\s*<name xml:lang="pt">Junction</name>', r"\1"),
     True),
    ("style-in-any-order", "09", regex(r"(<fillColor [^>]*/>)(\s*)(<lineColor [^>]*/>)", r"\3\2\1"), True),
    ("relationship-without-name", "09", replace('<name xml:lang="fr">Serves</name>', ""), True),
    ("padded-identifier", "01", replace('identifier="id-52b86b7b"', 'identifier=" id-52b86b7b "'), True),
    ("signed-coordinate", "02", replace(E02_NODE_TAIL, 'x="+0" y="138" w="200"'), True),
    ("view-with-its-type", "02", replace(f'<view identifier="{V02}">', f'<view identifier="{V02}" xsi:type="Diagram">'),
     True),
    ("no-elements-at-all", "01", regex(r"\s*<elements>.*</relationships>", ""), True),
    ("comment-everywhere", "09", regex(r"(<element [^>]*>)", r"\1<!-- note -->"), True),
]


def _encoding(prefix: str) -> str:
    return "windows-1252" if prefix == "05" else "utf-8"


@pytest.mark.parametrize("case, prefix, mutate, valid", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_the_import_refuses_whatever_the_schema_rejects(case: str, prefix: str, mutate: Mutation, valid: bool) -> None:
    data = mutate(sample(prefix).read_text(encoding=_encoding(prefix))).encode(_encoding(prefix))
    document = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    errors = schema_errors(document)
    assert (not errors) == valid, errors[:1]  # the mutation does what the case says
    if valid:
        assert isinstance(import_archimate_bytes(data, case), Model)
        return
    error = refusal(data, case)
    reported = int(re.match(r"line (\d+)", errors[0])[1])  # type: ignore[index]
    assert abs(error.line - reported) <= 2, (str(error), errors[0])  # the culprit, or the element lacking it


def test_organization_items_must_name_something_although_the_schema_does_not_check_it() -> None:
    text = sample("09").read_text(encoding="utf-8")
    data = text.replace('<item identifierRef="id-543f1ed016a648a69ea001376af24ca9" />',
                        '<item identifierRef="id-ghost" />').encode()
    assert schema_errors(etree.fromstring(data)) == []  # libxml2 does not resolve a plain xs:IDREF
    assert refusal(data).reason == "<item> identifierRef='id-ghost' names nothing in the file"


@pytest.mark.parametrize("path", valid_samples(), ids=lambda p: p.name[:2])
def test_the_schema_and_the_import_accept_every_valid_sample(path: Path) -> None:
    assert schema_errors(etree.parse(str(path))) == []
    assert isinstance(import_archimate(path), Model)


# ------------------------------------------------------------------------------------------ fuzzing

def _small() -> bytes:
    """A small file with every part a mutation can break: concepts, properties, a nested node, a connection."""
    doc = Exchange(lang="en")
    doc.element("a", "ApplicationComponent", "A", {"owner": "ops"}).element("b", "ApplicationComponent", "B")
    doc.element("d", "DataObject", "D").relationship("f", "Flow", "a", "b")
    doc.relationship("w", "Access", "a", "d", accessType="Write")
    doc.view("v", "View", node("na", "a", (0, 0, 300, 200), inner=node("nb", "b", (20, 40)))
             + connection("cf", "f", "na", "nb", [(5, 6)]))
    return doc.xml().replace("><", ">\n<").encode()


SMALL = _small()
#: A few byte edits anywhere in SMALL: (replace | insert | delete, offset, bytes).
BYTE_EDITS = st.lists(st.tuples(st.sampled_from(["replace", "insert", "delete"]), st.integers(0, len(SMALL) - 1),
                                st.binary(min_size=1, max_size=3)), min_size=1, max_size=6)


def mutated(original: bytes, edits: list[tuple[str, int, bytes]]) -> bytes:
    data = bytearray(original)
    for action, offset, chunk in edits:
        at = offset % max(len(data), 1)
        if action == "replace":
            data[at:at + len(chunk)] = chunk
        elif action == "insert":
            data[at:at] = chunk
        else:
            del data[at:at + len(chunk)]
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BYTE_EDITS)
def test_random_byte_mutations_import_or_are_refused_in_one_line(edits: list[tuple[str, int, bytes]]) -> None:
    data = mutated(SMALL, edits)
    try:
        model = import_archimate_bytes(data, "fuzz.xml")
    except ExchangeImportError as error:
        assert ONE_LINE.match(str(error)), str(error)
    else:
        assert isinstance(model, Model)


PIECES = st.sampled_from([
    'identifier="x"', 'xsi:type="Goal"', 'xsi:type="Element"', 'x="-1"', 'elementRef="x"', "<name>n</name>",
    "<node ", "<connection ", "</view>", "<properties>", "&amp;", "<!-- c -->", "\u00e9", "\x00", "]]>", ":",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(SMALL) - 1), PIECES), min_size=1, max_size=4))
def test_structured_insertions_import_or_are_refused_in_one_line(edits: list[tuple[int, str]]) -> None:
    data = SMALL
    for position, piece in edits:
        data = data[:position] + piece.encode() + data[position:]
    try:
        import_archimate_bytes(data, "fuzz.xml")
    except ExchangeImportError as error:
        assert ONE_LINE.match(str(error)), str(error)


# ------------------------------------------------------------------------------------------ the quick check


def quick_and_full(data: bytes) -> tuple[bool | None, bool] | None:
    """(what the quick check says, whether the full walk accepts) for bytes that parse, else None."""
    try:
        root = parse_exchange(data, "q.xml")
    except ExchangeImportError:
        return None
    views = root.find(f"{{{NAMESPACE}}}views")
    quick = quick_check(root, Serialized(views) if views is not None else None)
    try:
        walk_in_full(root, "q.xml")
    except ExchangeImportError:
        return quick, False
    return quick, True


@pytest.mark.parametrize("case, prefix, mutate, valid", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_the_quick_check_accepts_nothing_the_full_walk_refuses(case: str, prefix: str, mutate: Mutation,
                                                              valid: bool) -> None:
    data = mutate(sample(prefix).read_text(encoding=_encoding(prefix))).encode(_encoding(prefix))
    found = quick_and_full(data)
    assert found is not None
    quick, full = found
    assert full == valid
    assert quick is None or full, "the quick check accepted what the full walk refuses"


@pytest.mark.parametrize("path", valid_samples(), ids=lambda p: p.name[:2])
def test_the_quick_check_accepts_every_valid_sample(path: Path) -> None:
    assert quick_and_full(path.read_bytes()) in ((True, True), (False, True))


def _nth(old: str, new: str, n: int) -> Mutation:
    def mutate(text: str) -> str:
        at = -1
        for _ in range(n):
            at = text.index(old, at + 1)
        return text[:at] + new + text[at + len(old):]

    return mutate


COLOUR_10 = '<color r="0" g="0" b="0"/>'
#: Styles of the large sample, which the quick check takes together: one bad style among thousands.
STYLE_MUTATIONS: list[tuple[str, Mutation, bool]] = [
    ("a-colour-out-of-range", _nth(COLOUR_10, '<color r="0" g="0" b="256"/>', 4000), False),
    ("a-style-in-a-style", _nth("<style>", "<style><style/>", 3000), False),
    ("a-styled-style-in-a-style", _nth("<style>", "<style><style><font/></style>", 300), False),
    ("a-foreign-element-in-a-style", _nth("<style>", '<style><x:y xmlns:x="urn:x"/>', 10), False),
    ("two-fonts", _nth("</font></style>", '</font><font name="a"/></style>', 7000), False),
    ("a-comment-in-a-style", _nth("<style>", "<style><!-- c -->", 5), True),
    ("a-style-spread-over-lines", _nth(COLOUR_10, f"\n  {COLOUR_10}\n", 2), True),
]


@pytest.mark.parametrize("case, mutate, valid", STYLE_MUTATIONS, ids=[m[0] for m in STYLE_MUTATIONS])
def test_one_bad_style_among_thousands_is_not_accepted_quickly(case: str, mutate: Mutation, valid: bool) -> None:
    data = mutate(sample("10").read_text(encoding="utf-8")).encode()
    found = quick_and_full(data)
    assert found is not None
    quick, full = found
    assert full == valid
    assert (quick is not None) == valid


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BYTE_EDITS)
def test_the_quick_check_stays_within_the_full_walk_on_random_bytes(edits: list[tuple[str, int, bytes]]) -> None:
    data = mutated(SMALL, edits)
    found = quick_and_full(data)
    assert found is None or found[0] is None or found[1]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(SMALL) - 1), PIECES), min_size=1, max_size=4))
def test_the_quick_check_stays_within_the_full_walk_on_insertions(edits: list[tuple[int, str]]) -> None:
    data = SMALL
    for position, piece in edits:
        data = data[:position] + piece.encode() + data[position:]
    found = quick_and_full(data)
    assert found is None or found[0] is None or found[1]
