"""Block construction with the features every detector shares."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ._language import StopwordIndex
from ._page import SENTENCE_END, Block, Page, PageFormat, join_blocks

#: Stripped from tokens before function-word lookup.
_TOKEN_PUNCT = ".,;:!?\"'()[]{}<>«»“”„‘’‚-–—…/\\|*#·•"

#: How many tokens are enough to guess a page's language.
_LANGUAGE_SAMPLE_TOKENS = 4000


@dataclass(slots=True)
class RawBlock:
    """A block before features: what a segmenter finds."""

    start: int
    end: int
    text: str
    gap_before: int = 1
    indent: int = 0
    bullet: bool = False
    tag: str | None = None
    path: str | None = None
    class_tokens: tuple[str, ...] = ()
    link_chars: int = 0


def tokenize(text: str) -> list[str]:
    """Lower-cased words with surrounding punctuation removed."""
    out = []
    for tok in text.lower().split():
        tok = tok.strip(_TOKEN_PUNCT)
        if tok:
            out.append(tok)
    return out


def build_page(
    source: str,
    raws: Sequence[RawBlock],
    stopwords: StopwordIndex,
    *,
    page_format: PageFormat,
    url: str | None = None,
    language: str | None = None,
) -> Page:
    """Compute shared features for ``raws`` and assemble an immutable :class:`Page`."""
    token_lists = [tokenize(r.text) for r in raws]
    if language is None:
        sample: list[str] = []
        for toks in token_lists:
            sample.extend(toks)
            if len(sample) >= _LANGUAGE_SAMPLE_TOKENS:
                break
        language = stopwords.guess(sample)
    words = stopwords.words_for(language)
    blocks = []
    for i, (raw, toks) in enumerate(zip(raws, token_lists)):
        text = raw.text
        n_words = len(toks)
        n_stop = 0
        n_caps = 0
        for tok in toks:
            if tok in words:
                n_stop += 1
        for word in text.split():
            if word[:1].isupper():
                n_caps += 1
        n_split = text.count(" ") + 1
        last = text[-1] if text else ""
        blocks.append(
            Block(
                index=i,
                start=raw.start,
                end=raw.end,
                text=text,
                gap_before=raw.gap_before,
                indent=raw.indent,
                bullet=raw.bullet,
                n_chars=len(text),
                n_words=n_words,
                stopword_ratio=n_stop / n_words if n_words else 0.0,
                n_stopwords=n_stop,
                ends_sentence=last in SENTENCE_END,
                capitalised_ratio=n_caps / n_split,
                tag=raw.tag,
                path=raw.path,
                class_tokens=raw.class_tokens,
                link_chars=raw.link_chars,
            )
        )
    joined, starts = join_blocks(blocks)
    return Page(
        source=source,
        blocks=tuple(blocks),
        format=page_format,
        language=language,
        url=url,
        joined=joined,
        joined_starts=starts,
    )
