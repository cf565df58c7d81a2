"""Bytes to text: BOMs, declared charsets, mixed encodings, and refusing binaries."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from chronicle.ingest.errors import IngestError
from chronicle.record import Note

_DECLARED = re.compile(rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([A-Za-z0-9_.:-]{2,30})""", re.I)
# a lead byte and its continuation bytes, overlongs and surrogates excluded (RFC 3629)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                            rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                            rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
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


@dataclass
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", a declared charset, "cp1252", or "mixed" (some lines each)
    notes: list[Note] = field(default_factory=list)  # what the record must say about the decoding


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding used); see `decode`."""
    decoded = decode(data, declared)
    return decoded.text, decoded.encoding


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Bytes to text, saying in notes whatever was not plain UTF-8.

    UTF-8 first. Text that is UTF-8 except for a few stray bytes stays UTF-8, the
    bad bytes replaced with U+FFFD: reading it all as Windows-1252 would garble every
    correct character ("Iraq’s" -> "Iraqâ€™s"). A declared charset is believed only
    when nothing in the data is UTF-8. Otherwise each line that is not UTF-8 is
    decided on its own: a line holding valid UTF-8 sequences is UTF-8 with strays
    replaced; a line with none is Windows-1252 (files pasted together from two
    sources mix both)."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return Decoded(data.decode(enc, "replace"), enc, [] if enc == "utf-8-sig" else [_decoded_as(enc)])
    if len(data) >= 4 and data[1:4:2] == b"\x00\x00" and data[0:4:2].isascii() and data[0] != 0:
        return Decoded(data.decode("utf-16-le", "replace"), "utf-16-le", [_decoded_as("utf-16-le")])  # no BOM
    check_not_binary(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if not _has_utf8_sequences(data):
        m = _DECLARED.search(data[:4096])
        declared = declared or (m.group(1).decode("ascii") if m else None)
        if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
            try:
                return Decoded(data.decode(declared), declared.lower(), [_decoded_as(declared.lower())])
            except (LookupError, UnicodeDecodeError):
                pass
    out: list[str] = []
    replaced: list[int] = []  # line numbers (from 1) with bytes replaced
    latin: list[int] = []  # line numbers read as Windows-1252
    n_replaced = 0
    for number, line in enumerate(data.split(b"\n"), 1):
        try:
            out.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        if _has_utf8_sequences(line):
            text = line.decode("utf-8", "replace")
            n_replaced += text.count("\ufffd") - line.decode("utf-8", "ignore").count("\ufffd")
            replaced.append(number)
        else:
            text = line.decode("cp1252", "replace")
            latin.append(number)
        out.append(text)
    notes = []
    if replaced:
        what = "1 byte that is" if n_replaced == 1 else f"{n_replaced} bytes that are"
        notes.append(Note("bytes_replaced", f"{what} not UTF-8 replaced with U+FFFD ({_lines(replaced)})"))
    in_latin = set(latin)
    if latin and (replaced or any(not line.isascii() for i, line in enumerate(out, 1) if i not in in_latin)):
        encoding = "mixed"  # UTF-8 text in some lines, Windows-1252 in others
        notes.append(Note("decoded_as", f"{_lines(latin)} of {len(out)} decoded as Windows-1252, the rest as UTF-8"))
    elif latin:
        encoding = "cp1252"
        notes.append(_decoded_as("cp1252"))
    else:
        encoding = "utf-8"
    return Decoded("\n".join(out), encoding, notes)


def _decoded_as(encoding: str) -> Note:
    name = {"cp1252": "Windows-1252"}.get(encoding, encoding)
    return Note("decoded_as", f"not UTF-8: decoded as {name}")


def _has_utf8_sequences(data: bytes) -> bool:
    """Whether `data` holds at least one valid multi-byte UTF-8 sequence (text in a
    single-byte encoding almost never does by chance)."""
    return _UTF8_SEQUENCE.search(data) is not None


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:5]) + (", ..." if len(numbers) > 5 else "")
    return f"line{'s' * (len(numbers) != 1)} {shown}"
