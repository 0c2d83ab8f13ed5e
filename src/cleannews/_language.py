"""Function-word lists and page language guessing.

Function-word ("stopword") density separates running prose from menus and
labels in any language that has function words, which is why jusText relies
on it. The lists ship as package data and are loaded once into an immutable
:class:`StopwordIndex` that is passed around, never kept in a mutable global.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

#: Languages whose list ships with cleannews (ISO 639-1 codes).
_PACKAGE = "cleannews.data.stopwords"


@dataclass(frozen=True, eq=False)
class StopwordIndex:
    """Stopword sets per language plus a reverse index for guessing the language."""

    by_language: Mapping[str, frozenset[str]]
    languages_of: Mapping[str, tuple[str, ...]]
    union: frozenset[str]
    _with_english: Mapping[str, frozenset[str]]

    def guess(self, tokens: Iterable[str], *, min_hits: int = 5) -> str | None:
        """Return the language whose function words occur most often in ``tokens``.

        ``None`` when fewer than ``min_hits`` function words of any language
        occur, e.g. for scripts without a list or for pages that are all labels.
        """
        counts: dict[str, int] = {}
        languages_of = self.languages_of
        for token in tokens:
            langs = languages_of.get(token)
            if langs is not None:
                for lang in langs:
                    counts[lang] = counts.get(lang, 0) + 1
        if not counts:
            return None
        best = max(sorted(counts), key=counts.__getitem__)
        return best if counts[best] >= min_hits else None

    def guess_counts(self, counts: Mapping[str, int], *, min_hits: int = 5) -> str | None:
        """Like :meth:`guess` for pre-counted tokens (faster on long pages)."""
        totals: dict[str, int] = {}
        languages_of = self.languages_of
        for token, n in counts.items():
            langs = languages_of.get(token)
            if langs is not None:
                for lang in langs:
                    totals[lang] = totals.get(lang, 0) + n
        if not totals:
            return None
        best = max(sorted(totals), key=totals.__getitem__)
        return best if totals[best] >= min_hits else None

    def words_with_english(self, language: str | None) -> frozenset[str]:
        """Stopwords of ``language`` plus English, the language most often mixed in.

        Pages quote, cite and embed English far more than any other language;
        measuring English prose with another language's list would call it a menu.
        """
        return self._with_english.get(language or "", self.union)

    def words_for(self, language: str | None) -> frozenset[str]:
        """The stopword set of ``language``; the union of all lists when unknown."""
        if language is not None and language in self.by_language:
            return self.by_language[language]
        return self.union


@functools.lru_cache(maxsize=1)
def default_stopwords() -> StopwordIndex:
    """The lists shipped with the package, loaded once (immutable, safe to share)."""
    by_language: dict[str, frozenset[str]] = {}
    for entry in resources.files(_PACKAGE).iterdir():
        name = entry.name
        if not name.endswith(".txt"):
            continue
        words = entry.read_text(encoding="utf-8").split()
        by_language[name[:-4]] = frozenset(filter(None, (w.lower().strip("'’") for w in words)))
    reverse: dict[str, list[str]] = {}
    for lang in sorted(by_language):
        for word in by_language[lang]:
            reverse.setdefault(word, []).append(lang)
    return StopwordIndex(
        by_language=MappingProxyType(by_language),
        languages_of=MappingProxyType({w: tuple(v) for w, v in reverse.items()}),
        union=frozenset(reverse),
        _with_english=MappingProxyType(
            {
                lang: words | by_language.get("en", frozenset())
                for lang, words in by_language.items()
            }
        ),
    )
