"""English ships complete: every interface string of the Dutch source has an English translation."""

import re
from pathlib import Path

PO = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries(text: str):
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid") for line in lines):
            continue
        yield "\n".join(lines)


def _strings(block: str, key: str) -> str:
    found, collecting = [], False
    for line in block.splitlines():
        if re.match(rf"^{key}(\[\d\])? ", line):
            collecting = True
            found.append(line.split(" ", 1)[1])
        elif collecting and line.startswith('"'):
            found.append(line)
        else:
            collecting = False
    return "".join(part.strip('"') for part in found)


def test_every_message_has_an_english_translation():
    missing = []
    for block in _entries(PO.read_text(encoding="utf-8")):
        msgid = _strings(block, "msgid")
        if not msgid:
            continue  # the header
        if "#, fuzzy" in block or not _strings(block, "msgstr"):
            missing.append(msgid)
    assert missing == []


def test_compiled_catalogue_ships():
    mo = PO.with_suffix(".mo")
    assert mo.exists()
    assert mo.stat().st_size > 10_000
