"""Article metadata from an HTML tree: title, authors, date, language, canonical URL.

Sources, most trusted first (publishers fill the machine-readable ones for
search engines and social previews, so they are cleaner than visible text):

* title: ``og:title``, JSON-LD ``headline``, the first ``<h1>``, ``<title>``
  (without the site name that pages append: "Headline | Site");
* authors: JSON-LD ``author``, ``<meta name="author">`` (and its common
  variants), links with ``rel="author"``;
* date: JSON-LD ``datePublished``, ``article:published_time`` (and its
  common variants), a ``<time>`` marked as the publication date, the first
  ``<time datetime>``;
* language: ``<html lang>``, reduced to its primary subtag (``de-AT`` → ``de``);
* canonical URL: ``<link rel="canonical">``, then ``og:url``.

Every value is bounded in length and in number, so a hostile page cannot make
the result large. Dates are returned as the page states them (ISO 8601 on
nearly every page that uses these fields), not reparsed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

#: Longest title, author name and date string kept (characters).
MAX_TITLE_CHARS = 500
MAX_AUTHOR_CHARS = 120
MAX_DATE_CHARS = 64
MAX_URL_CHARS = 2048
#: At most this many authors are reported.
MAX_AUTHORS = 10
#: JSON-LD blocks larger than this are not parsed (characters): real ones are
#: a few kilobytes; megabytes are data dumps or an attack.
MAX_JSON_LD_CHARS = 1_000_000
#: JSON values visited per page while looking for the article object.
MAX_JSON_NODES = 20_000

_ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "blogposting",
        "liveblogposting", "socialmediaposting", "scholarlyarticle", "techarticle", "report",
        "webpage", "creativework",
    }
)  # fmt: skip
#: ``<meta>`` names/properties per field, in order of preference.
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title")
_AUTHOR_KEYS = (
    "author", "article:author", "parsely-author", "dc.creator", "dcterms.creator",
    "sailthru.author", "byl",
)  # fmt: skip
_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished",
    "parsely-pub-date", "pubdate", "publishdate", "publish-date", "dc.date.issued",
    "dcterms.date", "dc.date", "date", "sailthru.date",
)  # fmt: skip
_SITE_KEYS = ("og:site_name", "application-name", "twitter:site")

#: Separators between a headline and the site name in ``<title>``.
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—·»]{1,2}|-{1,2}|/|::)\s+")
_SITE_SEPARATOR = re.compile(r"\s*:\s+|\s+(?:[|–—·»]{1,2}|-{1,2}|/|::)\s+")
_TRAILING_SEPARATOR = re.compile(r"(?:\s*:|\s+(?:[|–—·»]{1,2}|-{1,2}|/|::))\s*$")
_LEADING_SEPARATOR = re.compile(r"^(?:\s*:|\s+(?:[|–—·»]{1,2}|-{1,2}|/|::))\s*")
#: A site-name part is dropped by shape alone (no ``og:site_name`` to compare)
#: only when it is at most this long and shorter than the headline part.
_MAX_SITE_NAME_CHARS = 40
_URL_LIKE = re.compile(r"^(?:https?:)?//|^www\.", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")
_BYLINE_PREFIX = re.compile(r"^(?:by|von|par|door|por|di|av|przez|от)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HtmlMeta:
    """Metadata an HTML page states about its article. Every field may be absent."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None

    @property
    def byline(self) -> str | None:
        """The authors as one line (``"A, B"``), or ``None``."""
        return ", ".join(self.authors) if self.authors else None


def _clean(value: object, limit: int) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text[:limit] if text else None


def _element_text(el: etree._Element) -> str:
    # Headings and author links hold text and inline markup only; ``itertext``
    # keeps document order, which a hand-written walk over text and tails
    # easily gets wrong.
    return " ".join("".join(str(t) for t in el.itertext()).split())


def strip_site_name(title: str, site_name: str | None, *, by_shape: bool) -> str:
    """Remove a site name from either end of ``title`` ("Headline | Site" → "Headline").

    With ``site_name`` known, an end part containing it is removed (a colon
    counts as a separator here: "Site: Headline"). With ``by_shape``, a
    trailing part that is short and shorter than the rest is taken for the
    site name even when no name is known; a colon does not count then, or
    "Interview: Jane Doe" would lose its subject.
    """
    if site_name:
        wanted = site_name.casefold()
        parts = _SITE_SEPARATOR.split(title)
        if len(parts) >= 2:
            if wanted in parts[-1].casefold():
                head = _TRAILING_SEPARATOR.sub("", title[: title.rfind(parts[-1])])
                return head or title
            if wanted in parts[0].casefold():
                tail = _LEADING_SEPARATOR.sub("", title[len(parts[0]) :])
                return tail or title
    if by_shape:
        parts = _TITLE_SEPARATOR.split(title)
        if len(parts) >= 2:
            last = parts[-1]
            head = _TRAILING_SEPARATOR.sub("", title[: title.rfind(last)])
            if len(last) <= _MAX_SITE_NAME_CHARS and len(last) < len(head):
                return head
    return title


def _json_ld_objects(root: etree._Element) -> Iterator[dict[str, Any]]:
    """Every JSON object of the page's JSON-LD blocks, breadth first, bounded."""
    budget = MAX_JSON_NODES
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text
        if not raw or len(raw) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            # Malformed JSON is common; deeply nested JSON exhausts the
            # decoder's recursion: either way the block says nothing usable.
            continue
        queue: list[Any] = [data]
        while queue and budget > 0:
            item = queue.pop(0) if len(queue) < 64 else queue.pop()
            budget -= 1
            if isinstance(item, dict):
                yield item
                queue.extend(v for v in item.values() if isinstance(v, (dict, list)))
            elif isinstance(item, list):
                queue.extend(item)


def _types_of(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        return {kind.lower()}
    if isinstance(kind, list):
        return {k.lower() for k in kind if isinstance(k, str)}
    return set()


def _names(value: object) -> list[str]:
    """Author names from a JSON-LD ``author`` value (string, object or list)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items[:MAX_AUTHORS]:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, list):
            name = name[0] if name else None
        text = _clean(name, MAX_AUTHOR_CHARS)
        if text and not _URL_LIKE.match(text):
            names.append(text)
    return names


def _author_names(values: list[str]) -> tuple[str, ...]:
    """Deduplicated, bounded author names with "By" prefixes removed."""
    out: dict[str, None] = {}
    for value in values:
        name = _BYLINE_PREFIX.sub("", value).strip()
        if name and not _URL_LIKE.match(name) and len(out) < MAX_AUTHORS:
            out.setdefault(name, None)
    return tuple(out)


def _date(value: object) -> str | None:
    text = _clean(value, MAX_DATE_CHARS)
    return text if text and _YEAR.search(text) else None


def extract_meta(root: etree._Element) -> HtmlMeta:
    """Read :class:`HtmlMeta` from a parsed page (see the module docstring)."""
    metas: dict[str, str] = {}
    canonical: str | None = None
    title_tag: str | None = None
    rel_authors: list[str] = []
    for el in root.iter("meta", "link", "title", "a"):
        tag = el.tag
        if tag == "meta":
            key = el.get("property") or el.get("name") or el.get("itemprop")
            content = el.get("content")
            if key and content:
                metas.setdefault(key.strip().lower(), content)
        elif tag == "link":
            rel = (el.get("rel") or "").lower().split()
            if "canonical" in rel and canonical is None:
                canonical = _clean(el.get("href"), MAX_URL_CHARS)
        elif tag == "title":
            if title_tag is None:
                title_tag = _clean(el.text, MAX_TITLE_CHARS)
        elif "author" in (el.get("rel") or "").lower().split():
            name = _clean(_element_text(el), MAX_AUTHOR_CHARS)
            if name:
                rel_authors.append(name)

    headline = None
    ld_authors: list[str] = []
    ld_date = None
    fallback: dict[str, Any] | None = None
    for obj in _json_ld_objects(root):
        if _types_of(obj) & _ARTICLE_TYPES and ("headline" in obj or "datePublished" in obj):
            fallback = obj
            if "headline" in obj:
                break
        elif fallback is None and "headline" in obj:
            fallback = obj
    if fallback is not None:
        headline = _clean(fallback.get("headline"), MAX_TITLE_CHARS)
        ld_authors = _names(fallback.get("author"))
        ld_date = _date(fallback.get("datePublished"))

    site_name = next((v for k in _SITE_KEYS if (v := _clean(metas.get(k), 200))), None)

    title = next((v for k in _TITLE_KEYS if (v := _clean(metas.get(k), MAX_TITLE_CHARS))), None)
    if title is not None:
        title = strip_site_name(title, site_name, by_shape=False)
    if title is None:
        title = headline
    if title is None:
        h1 = next(root.iter("h1"), None)
        if h1 is not None:
            title = _clean(_element_text(h1), MAX_TITLE_CHARS)
    if title is None and title_tag is not None:
        title = strip_site_name(title_tag, site_name, by_shape=True)

    authors = _author_names(
        ld_authors
        or [v for k in _AUTHOR_KEYS if (v := metas.get(k)) and not _URL_LIKE.match(v.strip())][:1]
        or rel_authors
    )

    date = ld_date or next((d for k in _DATE_KEYS if (d := _date(metas.get(k)))), None)
    if date is None:
        date = _time_date(root)

    language = None
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        primary = lang.strip().lower().replace("_", "-").split("-", 1)[0]
        if 2 <= len(primary) <= 3 and primary.isalpha():
            language = primary

    if canonical is None:
        canonical = _clean(metas.get("og:url"), MAX_URL_CHARS)

    return HtmlMeta(
        title=title,
        authors=authors,
        date=date,
        language=language,
        canonical_url=canonical,
        site_name=site_name,
    )


def _time_date(root: etree._Element) -> str | None:
    """``<time>`` marked as the publication date, else the first ``<time datetime>``."""
    first = None
    for el in root.iter("time"):
        value = _date(el.get("datetime") or el.text)
        if value is None:
            continue
        if el.get("pubdate") is not None or (el.get("itemprop") or "").lower() == "datepublished":
            return value
        if first is None:
            first = value
    return first
