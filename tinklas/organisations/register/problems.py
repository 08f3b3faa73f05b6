"""The wording of what a load of the register finds wrong, in the language of whoever reads it.

A load records its problems once, but they are read later and by others: the command prints
them in its own language, and the staff page shows the last loads to every member of staff in
the language of the page. So each message keeps its English text and values beside the
wording it got where it was found, and a stored problem is worded again when it is shown
(as Django's admin keeps its change messages). Messages that come already worded from the
shared upload reader (tinklas.common.uploads) stay as they were written."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext


class Message(str):
    """A message for people: the text worded in the language active where it was made,
    keeping its English text (marked with gettext_noop where it is written) and values
    so that it can be worded again in another."""

    text: str
    values: dict[str, Any]

    def __new__(cls, text: str, values: dict[str, Any] | None = None) -> Message:
        message = super().__new__(cls, worded(text, values or {}))
        message.text, message.values = text, values or {}
        return message


def worded(text: str, values: dict[str, Any]) -> str:
    translated = gettext(text)
    # Without values the text is not formatted, so that a % in it needs no doubling.
    return translated % values if values else translated


def problem_record(file: str, line: int | None, message: str) -> dict[str, Any]:
    """A problem as a load stores it (RegisterLoad.problems): with what is needed to word
    it again when the message is the loader's own."""
    record: dict[str, Any] = {"file": file, "line": line, "message": str(message)}
    if isinstance(message, Message):
        record.update(text=message.text, values=message.values)
    return record


def reworded(record: dict[str, Any]) -> dict[str, Any]:
    """A stored problem with its message in the active language; loads recorded before
    messages kept their text, and messages of the upload reader, are shown as stored."""
    if "text" not in record:
        return record
    return {**record, "message": worded(record["text"], record.get("values") or {})}
