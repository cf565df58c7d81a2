"""Bytes to text: BOMs, declared charsets, mixed encodings, and refusing binaries."""

from __future__ import annotations

import codecs
import re

from chronicle.ingest.errors import IngestError

_DECLARED = re.compile(rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([A-Za-z0-9_.:-]{2,30})""", re.I)
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def check_not_binary(data: bytes) -> None:
    """Refuse data that is not text: NUL bytes or many control bytes in the head."""
    head = data[:8192]
    if not head:
        return
    if b"\x00" in head:
        raise IngestError("binary", "input is binary (NUL bytes), not text")
    control = sum(1 for b in head if b in _CONTROL)
    if control > 0.05 * len(head):
        raise IngestError("binary", f"input is binary ({control} control bytes in the first {len(head)})")


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding used). UTF-8 first; then the declared charset; a file mixing
    UTF-8 and Windows-1252 lines is decoded line by line ("mixed")."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, "replace"), enc
    if len(data) >= 4 and data[1:4:2] == b"\x00\x00" and data[0:4:2].isascii() and data[0] != 0:
        return data.decode("utf-16-le", "replace"), "utf-16-le"  # UTF-16 without a BOM
    check_not_binary(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    m = _DECLARED.search(data[:4096])
    declared = declared or (m.group(1).decode("ascii") if m else None)
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    lines = data.split(b"\n")
    out, bad = [], 0
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            bad += 1
            out.append(line.decode("cp1252", "replace"))
    return "\n".join(out), "mixed" if bad < len(lines) else "cp1252"
