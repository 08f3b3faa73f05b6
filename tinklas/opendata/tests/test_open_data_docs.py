"""docs/open-data.md describes every column of every download, as the README in the zip does."""

import re
from pathlib import Path

from django.conf import settings

from tinklas.opendata.archive import TABLES


def documented_columns() -> dict[str, list[str]]:
    """The keys listed under each file's heading in the document."""
    text = (Path(settings.BASE_DIR) / "docs" / "open-data.md").read_text(encoding="utf-8")
    sections = re.split(r"^### (\S+)\.csv$", text, flags=re.MULTILINE)[1:]
    return {
        name: re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)
        for name, section in zip(sections[::2], sections[1::2], strict=True)
    }


def test_the_document_lists_every_column_of_every_file_in_order():
    documented = documented_columns()
    assert list(documented) == [table.name for table in TABLES]
    for table in TABLES:
        assert documented[table.name] == table.column_keys(), table.name
