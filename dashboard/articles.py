"""Reading articles: decoding, the dateline, the title and where the body ends.

The seed format is a plain-text file whose first non-empty line is the
dateline (``Friday, January 23, 2026``), the next non-empty line the title, and
the rest the body, possibly followed by blog boilerplate (``No comments:``).
Offsets everywhere in the project index ``Article.text``, which is the file's
bytes decoded as UTF-8 with nothing normalised (U+00A0, curly quotes and CRLF
line ends are kept), so a span can always be cut back out of the file.

Bad input raises ``ArticleError`` with a one-line message naming the file.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from .model import Article

#: Refuse files larger than this: the engine is linear, but a dashboard of a
#: single 1 GB "article" is a mistake, not a use.
MAX_BYTES = 200 * 1024 * 1024

#: Lines that end the article body: blog and share-bar boilerplate, and a
#: wire story's staff credits ("(Reporting by ...; Editing by ...)").
BOILERPLATE_LINE = re.compile(
    r"^\s*(?:no comments?:?|\d+ comments?:?|post a comment|share this:?|posted by\b.*"
    r"|labels?:.*|newer post|older post|home|subscribe to:.*"
    r"|\((?:additional\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\b[^\n]*\)"
    r"|our standards:.*)\s*$",
    re.IGNORECASE,
)

_DATELINE_FORMATS = (
    "%A, %B %d, %Y", "%A %B %d, %Y", "%A, %d %B %Y", "%A %d %B %Y",
    "%a, %B %d, %Y", "%a, %b %d, %Y", "%a, %d %b %Y",
    "%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y",
    "%Y-%m-%d", "%Y/%m/%d",
)
_DATELINE_SHAPE = re.compile(
    r"^(?:[A-Za-z]+,?\s+)?(?:[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]+\.?,?\s+\d{4}"
    r"|\d{4}[-/]\d{1,2}[-/]\d{1,2})$"
)


class ArticleError(ValueError):
    """An article that cannot be read; the message is fit to show a user."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def parse_dateline(line: str) -> date | None:
    """The date of a dateline such as ``Friday, January 23, 2026``, else None.

    Raises ArticleError-free ``ValueError`` for a line that has the shape of a
    date but is not a real one (``February 30, 2026``), so callers can say so.
    """
    cleaned = re.sub(r"\s+", " ", line.replace("\u00a0", " ")).strip().rstrip(".")
    cleaned = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", cleaned)
    cleaned = re.sub(r"\b([A-Za-z]{3})\.", r"\1", cleaned)  # "Jan." -> "Jan"
    if not _DATELINE_SHAPE.match(cleaned):
        return None
    for fmt in _DATELINE_FORMATS:
        try:
            parsed = datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
        if "%A" in fmt or "%a" in fmt:  # strptime reads the weekday but never checks it
            written = cleaned.split(",")[0].split()[0].lower()
            if not parsed.strftime("%A").lower().startswith(written[:3]):
                raise ValueError(f"dateline {line.strip()!r}: {parsed:%B} {parsed.day}, {parsed.year} "
                                 f"is a {parsed:%A}, not a {written.capitalize()}")
        return parsed
    raise ValueError(f"dateline {line.strip()!r} is not a real date")


#: A wire story's dateline opening a paragraph: a city in capitals, maybe a
#: date or state, maybe the agency, then a dash: "KHARTOUM, March 12 (Reuters) -",
#: "NICOSIA, Aug. 8 (Xinhua) --", "WASHINGTON (AP) _", "GENEVA -".
WIRE_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]{2,}(?:[ \t]+[A-Z][A-Z.'’-]*)*"
    r"(?:,[ \t]*[^\n()\-–—_]{1,40}?)?"
    r"(?:[ \t]*\([^()\n]{1,30}\))?"
    r"[ \t]*(?:--|[-–—_])[ \t]+(?=\S)")
#: Paragraphs of a body a wire dateline may open: after a title and a byline.
DATELINE_PARAGRAPHS = 3


def wire_dateline(body: str) -> tuple[int, int] | None:
    """Where the wire dateline of ``body`` is ("LIMA, March 2 (Reuters) - "), if it has one."""
    paragraph = re.compile(r"(?:\A|\n[ \t]*\n)\s*")
    for number, opening in enumerate(paragraph.finditer(body)):
        if number == DATELINE_PARAGRAPHS:
            break
        match = WIRE_DATELINE.match(body, opening.end())
        if match:
            return match.start(), match.end()
    return None


def without_wire_dateline(body: str) -> str:
    """``body`` with its wire dateline blanked out, offsets unchanged: the
    filing city and date are the story's, not its lead's. Left in, the
    parser makes the city the subject and the date the time of the lead
    clause, and the tagger misses the names after it ("GENEVA - The World
    Health Organization said")."""
    span = wire_dateline(body)
    if span is None:
        return body
    start, end = span
    return body[:start] + " " * (end - start) + body[end:]


def decode(data: bytes, path: str | Path) -> str:
    """UTF-8 text of a file, or an ArticleError saying why it is not text."""
    if not data.strip():
        raise ArticleError(path, "file is empty")
    if b"\x00" in data[:65536]:
        raise ArticleError(path, "file is binary (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ArticleError(
            path, f"not valid UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}"
        ) from None


def _lines(text: str):
    """(start, end, line) for each line of text, offsets into text."""
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        yield pos, pos + len(stripped), stripped
        pos += len(line)


#: How a user gives a missing publication date, in the CLI's words (the app says it in its own).
DATE_HINT = "pass --date YYYY-MM-DD"


def parse_article(text: str, path: str | Path, published: date | None = None,
                  article_id: str | None = None) -> Article:
    """An Article from decoded text; ``published`` overrides the dateline."""
    lines = [(s, e, line) for s, e, line in _lines(text) if line.strip()]
    if not lines:
        raise ArticleError(path, "file is empty")
    dateline = None
    first_start, first_end, first_line = lines[0]
    try:
        dateline_date = parse_dateline(first_line.lstrip("\ufeff"))
    except ValueError as err:
        if published is None:
            raise ArticleError(path, f"{err}; {DATE_HINT} to set it") from None
        dateline_date = None
    if dateline_date is not None:
        lead = len(first_line) - len(first_line.lstrip("\ufeff \t\u00a0"))
        dateline = (first_start + lead, first_start + len(first_line.rstrip()))
        lines = lines[1:]
    if published is None:
        published = dateline_date
    if published is None:
        raise ArticleError(
            path,
            f"no dateline: first line {first_line.strip()[:60]!r} is not a date; "
            + DATE_HINT,
        )
    title = ""
    body_start = dateline[1] if dateline else 0
    if lines:
        title = lines[0][2].strip()
    body_end = len(text)
    for start, _end, line in reversed(lines[1:]):
        if BOILERPLATE_LINE.match(line):
            body_end = start
        else:
            break
    return Article(
        id=article_id or Path(path).stem,
        path=str(path),
        text=text,
        published=published,
        title=title,
        body_start=body_start,
        body_end=body_end,
        dateline=dateline,
    )


def read_file(path: str | Path) -> bytes:
    """A file's bytes, or an ArticleError for one that is too large or unreadable."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(path, f"file is {size // 2**20} MB, over the {MAX_BYTES // 2**20} MB limit")
        return path.read_bytes()
    except OSError as err:
        raise ArticleError(path, f"cannot read: {err.strerror or err}") from None


def read_article(path: str | Path, published: date | None = None) -> Article:
    """Read one article file in the seed format; raises ArticleError with a one-line reason."""
    return parse_article(decode(read_file(path), path), path, published)
