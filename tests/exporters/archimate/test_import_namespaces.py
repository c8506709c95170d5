"""An exchange file with thousands of namespace declarations imports in time linear in their number
(it was quadratic: 10,000 declarations on <model> took over a minute) and gives the same model."""

from __future__ import annotations

import re
from pathlib import Path

from exporters.archimate import import_archimate_bytes, write_archimate
from model.fileformat import to_json
from model.templates import build_template


def test_ten_thousand_unused_declarations_change_nothing(tmp_path: Path) -> None:
    write_archimate(build_template("retail"), tmp_path / "m.xml")
    plain = (tmp_path / "m.xml").read_bytes()
    declarations = "".join(f' xmlns:p{n}="urn:example:{n}"' for n in range(10_000)).encode()
    flooded = re.sub(rb"<model ", b"<model" + declarations + b" ", plain, count=1)
    assert len(flooded) > 300_000
    assert to_json(import_archimate_bytes(flooded, "flooded.xml")) == to_json(import_archimate_bytes(plain, "m.xml"))
