"""Adding a Subject and Keywords to a PDF that Qt wrote (Qt's writer sets only the title and
creator). Done as a PDF incremental update: a new document-information dictionary, a one-entry
cross-reference section and a trailer pointing back to Qt's, appended after Qt's bytes, so what
Qt wrote is never rewritten in place and every PDF reader sees the new fields.
"""

from __future__ import annotations

import re

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SIZE = re.compile(rb"/Size\s+(\d+)")
_ROOT = re.compile(rb"/Root\s+(\d+\s+\d+\s+R)")
_ID = re.compile(rb"/ID\s*(\[[^\]]*\])")
_CREATION = re.compile(rb"/CreationDate\s*(\([^)]*\))")


class PdfInfoError(ValueError):
    """The PDF is not shaped as Qt writes it (no classic trailer to extend)."""


def pdf_text(text: str) -> bytes:
    """A PDF text string holding any Unicode: UTF-16BE with its byte-order mark, in hex, so no
    character of the text (parentheses, backslashes, line breaks) needs escaping."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def with_info(data: bytes, fields: dict[str, str]) -> bytes:
    """``data`` (a whole PDF) with its information dictionary replaced by ``fields`` (keys such as
    ``Title``, ``Subject``, ``Keywords``), keeping the creation date Qt recorded."""
    found = _STARTXREF.search(data)
    trailer_at = data.rfind(b"trailer")
    if found is None or trailer_at < 0:
        raise PdfInfoError("no trailer found")
    trailer = data[trailer_at : found.start()]
    size, root = _SIZE.search(trailer), _ROOT.search(trailer)
    if size is None or root is None:
        raise PdfInfoError("the trailer has no /Size or /Root")
    number = int(size.group(1))
    entries = [b"/" + key.encode("ascii") + b" " + pdf_text(value) for key, value in fields.items()]
    created = _CREATION.search(data[:trailer_at])
    if created is not None:
        entries.append(b"/CreationDate " + created.group(1))
    body = bytearray(data if data.endswith(b"\n") else data + b"\n")
    info_at = len(body)
    body += b"%d 0 obj\n<< " % number + b" ".join(entries) + b" >>\nendobj\n"
    xref_at = len(body)
    body += b"xref\n%d 1\n%010d 00000 n \n" % (number, info_at)
    ident = _ID.search(trailer)
    body += b"trailer\n<< /Size %d /Root " % (number + 1) + root.group(1) + b" /Info %d 0 R /Prev %d" % (
        number, int(found.group(1))
    )
    if ident is not None:
        body += b" /ID " + ident.group(1)
    body += b" >>\nstartxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(body)
