"""TimeML I/O: read TempEval documents and write them back with our TIMEX3 tags.

TimeML is XML, but a DOM round trip would normalise what TempEval scores by
character offsets (entities, quotes, line ends), so the document is handled as
a string: XML is only parsed to reject malformed files, and the TEXT element is
cut apart by position. Two texts come out of it: ``raw_text`` is TEXT with its
tags removed and entities kept as written (``&amp;``), the form written back;
``text`` is the same with entities unescaped, the form the engine reads. Each
character of ``text`` knows the raw span it came from, so a span found in
``text`` maps back to ``raw_text`` without ever cutting an entity in half.

Bad input raises ``TimeMLError`` with a one-line message naming the file.
"""

from __future__ import annotations

import html
import itertools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from ..articles import ArticleError, decode
from ..model import Timex
from . import find_timexes

_TEXT_OPEN = re.compile(r"<TEXT(?:\s[^>]*)?>")
_TEXT_CLOSE = re.compile(r"</TEXT\s*>")
_DCT_ELEMENT = re.compile(r"<DCT\b[^>]*>(.*?)</DCT\s*>", re.DOTALL)
_TIMEX3_ELEMENT = re.compile(r"<TIMEX3\b([^>]*?)>(.*?)</TIMEX3\s*>", re.DOTALL)
_DOCID = re.compile(r"<DOCID\b[^>]*>(.*?)</DOCID\s*>", re.DOTALL)
#: Inside TEXT: a comment, a tag, an entity reference, or a run of plain text.
_TEXT_TOKEN = re.compile(r"(<!--.*?-->)|(<[^>]*>)|(&[^;\s<&]*;)|([^<&]+)", re.DOTALL)
_TAG = re.compile(r"<\s*(/?)\s*([\w:.-]+)(.*?)(/?)\s*>", re.DOTALL)
_ATTRIBUTE = re.compile(r"([\w:.-]+)\s*=\s*(\"[^\"]*\"|'[^']*')")
#: 1998-03-01, 19980301, 1998-03-01T10:30, 19980301T1030...: the date part.
_DCT_DATE = re.compile(r"\s*(\d{4})-?(\d{2})-?(\d{2})(?![\d])")


class TimeMLError(ValueError):
    """A TimeML document that cannot be read or written; fit to show a user."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@dataclass
class GoldTimex:
    """A TIMEX3 of the input document; offsets index ``TimeMLDocument.text``."""

    tid: str
    type: str
    value: str
    mod: str | None
    start: int
    end: int
    text: str


@dataclass
class TimeMLDocument:
    """A TimeML document as read, with what it takes to write it back."""

    path: str
    docid: str
    dct: date
    raw_text: str  # TEXT content, tags removed, entities as written
    text: str  # raw_text with entities unescaped: what the engine reads
    gold: list[GoldTimex]
    source: str  # the whole file as decoded
    text_start: int  # TEXT content is source[text_start:text_end]
    text_end: int
    raw_starts: list[int] = field(repr=False, default_factory=list)  # per char of text
    raw_ends: list[int] = field(repr=False, default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of raw_text that ``text[start:end]`` came from, whole entities included."""
        return self.raw_starts[start], self.raw_ends[end - 1]


def _attributes(tag_body: str) -> dict[str, str]:
    return {name: html.unescape(quoted[1:-1]) for name, quoted in _ATTRIBUTE.findall(tag_body)}


def _decode(data: bytes, path: Path) -> str:
    """The document's text, or a TimeMLError saying why it is not UTF-8 text."""
    try:
        return decode(data, path)
    except ArticleError as err:
        raise TimeMLError(path, err.reason) from None


def _check_xml(data: bytes, path: Path) -> None:
    """Refuse malformed XML up front, so what we write back is XML too."""
    try:
        ET.fromstring(data)
    except ET.ParseError as err:
        raise TimeMLError(path, f"not well-formed XML: {err}") from None


def _parse_dct_value(value: str) -> date | None:
    match = _DCT_DATE.match(value)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def _find_dct(source: str, path: Path) -> date:
    """The DCT: the CREATION_TIME TIMEX3, preferably the one inside <DCT>.

    Its ``value`` is read first, then its text, then a bare <DCT> element's text.
    """
    element = _DCT_ELEMENT.search(source)
    timexes = list(_TIMEX3_ELEMENT.finditer(element.group(1))) if element else []
    timexes += [m for m in _TIMEX3_ELEMENT.finditer(source)
                if _attributes(m.group(1)).get("functionInDocument") == "CREATION_TIME"]
    if timexes:
        written = [_attributes(timexes[0].group(1)).get("value", ""), timexes[0].group(2)]
    elif element:
        written = [re.sub(r"<[^>]*>", "", element.group(1))]
    else:
        raise TimeMLError(path, 'no DCT: no <DCT> element and no TIMEX3 with '
                                'functionInDocument="CREATION_TIME"')
    for value in written:
        dct = _parse_dct_value(html.unescape(value))
        if dct:
            return dct
    shown = next((value.strip() for value in written if value.strip()), "")
    raise TimeMLError(path, f"DCT value {shown!r} is not a date (expected YYYY-MM-DD)")


def _strip_text(content: str, path: Path):
    """Walk TEXT content once: raw text, unescaped text, offset maps, gold TIMEX3s."""
    if "<![CDATA[" in content:
        raise TimeMLError(path, "CDATA sections inside <TEXT> are not supported")
    raw_parts: list[str] = []
    text_parts: list[str] = []
    raw_starts: list[int] = []
    raw_ends: list[int] = []
    open_timexes: list[tuple[dict[str, str], int]] = []
    closed_timexes: list[tuple[dict[str, str], int, int]] = []
    raw_pos = text_pos = 0
    for match in _TEXT_TOKEN.finditer(content):
        comment, tag, entity, plain = match.groups()
        if comment:
            continue
        if tag:
            parsed = _TAG.fullmatch(tag)
            if not parsed or parsed.group(2) != "TIMEX3" or parsed.group(4):
                continue  # other tags, and empty TIMEX3s that span no text
            if not parsed.group(1):
                open_timexes.append((_attributes(parsed.group(3)), text_pos))
            elif open_timexes:
                closed_timexes.append((*open_timexes.pop(), text_pos))
            continue
        written = entity or plain
        unescaped = html.unescape(entity) if entity else plain
        raw_parts.append(written)
        text_parts.append(unescaped)
        if entity:
            raw_starts.extend([raw_pos] * len(unescaped))
            raw_ends.extend([raw_pos + len(written)] * len(unescaped))
        else:
            raw_starts.extend(range(raw_pos, raw_pos + len(plain)))
            raw_ends.extend(range(raw_pos + 1, raw_pos + len(plain) + 1))
        raw_pos += len(written)
        text_pos += len(unescaped)
    text = "".join(text_parts)
    gold = sorted(
        (GoldTimex(a.get("tid", ""), a.get("type", ""), a.get("value", ""), a.get("mod"),
                   start, end, text[start:end])
         for a, start, end in closed_timexes
         if a.get("functionInDocument") != "CREATION_TIME"),
        key=lambda g: (g.start, g.end))
    return "".join(raw_parts), text, raw_starts, raw_ends, gold


def read_timeml(path: str | Path) -> TimeMLDocument:
    """Read a TimeML document; raises TimeMLError with a one-line reason."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise TimeMLError(path, f"cannot read: {err.strerror or err}") from None
    source = _decode(data, path)
    _check_xml(data, path)
    opening = _TEXT_OPEN.search(source)
    closing = _TEXT_CLOSE.search(source, opening.end()) if opening else None
    if not closing:
        raise TimeMLError(path, "no <TEXT> element")
    dct = _find_dct(source, path)
    docid = _DOCID.search(source)
    content = source[opening.end():closing.start()]
    raw_text, text, raw_starts, raw_ends, gold = _strip_text(content, path)
    return TimeMLDocument(
        path=str(path),
        docid=docid.group(1).strip() if docid else path.stem,
        dct=dct, raw_text=raw_text, text=text, gold=gold, source=source,
        text_start=opening.end(), text_end=closing.start(),
        raw_starts=raw_starts, raw_ends=raw_ends,
    )


def _non_overlapping(doc: TimeMLDocument, timexes: list[Timex]) -> list[tuple[int, int, Timex]]:
    """Raw spans of the timexes that can be tagged: in order, none inside another."""
    kept: list[tuple[int, int, Timex]] = []
    for timex in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if not 0 <= timex.start < timex.end <= len(doc.text):
            continue
        start, end = doc.raw_span(timex.start, timex.end)
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, timex))
    return kept


def _attribute(name: str, value: str) -> str:
    """``name="value"``, always double-quoted, as in TempEval files."""
    quoted = escape(value, {'"': "&quot;"})
    return f' {name}="{quoted}"'


def _timex3_tag(tid: str, timex: Timex) -> str:
    mod = _attribute("mod", timex.mod) if timex.mod else ""
    return (f"<TIMEX3{_attribute('tid', tid)}{_attribute('type', timex.type)}"
            f"{_attribute('value', timex.value)}{mod}>")


def tagged_text(doc: TimeMLDocument, timexes: list[Timex]) -> str:
    """raw_text with a TIMEX3 element around each timex that does not overlap another.

    tids start at t1 and skip the ones outside TEXT (the DCT's), so they stay unique.
    """
    taken = set(re.findall(r"\btid\s*=\s*[\"']([^\"']*)", doc.source[:doc.text_start]
                           + doc.source[doc.text_end:]))
    tids = (f"t{n}" for n in itertools.count(1) if f"t{n}" not in taken)
    parts, pos = [], 0
    for start, end, timex in _non_overlapping(doc, timexes):
        parts += [doc.raw_text[pos:start], _timex3_tag(next(tids), timex),
                  doc.raw_text[start:end], "</TIMEX3>"]
        pos = end
    parts.append(doc.raw_text[pos:])
    return "".join(parts)


def tag_timeml_file(in_path: str | Path, out_path: str | Path) -> TimeMLDocument:
    """Tag one document with the engine; only TEXT changes in what is written.

    Links outside TEXT (TLINK, MAKEINSTANCE) are kept as they were, so they may
    point at tags that the rewrite removed.
    """
    doc = read_timeml(in_path)
    tagged = tagged_text(doc, find_timexes(doc.text, doc.dct))
    out_path = Path(out_path)
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_bytes(
            (doc.source[:doc.text_start] + tagged + doc.source[doc.text_end:]).encode("utf-8"))
    except OSError as err:
        raise TimeMLError(out_path, f"cannot write: {err.strerror or err}") from None
    return doc
