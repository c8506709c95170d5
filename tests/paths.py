"""Where the tests find the repository and the reference material beside it (``../shared``)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO.parent / "shared" / "reference"
