"""Share buttons, follow links and print/e-mail actions.

Text dumps keep the labels of share widgets as lines of their own: "Share",
"Teilen auf Facebook: 0 Teilen auf Twitter: 0 WhatsApp", "Click to share on
Twitter (Opens in new window)", "Facebook Twitter LinkedIn WhatsApp E-Mail",
"Drucken", "Udostępnij na Facebooku". What they share is a *shape*: the whole
line is made of share vocabulary (share verbs, social network names, print
and mail actions, counters) and a few glue words ("on", "auf", "this",
"Artikel", "(Opens in new window)"). Article prose mentions Facebook and
sharing all the time but never consists of nothing else, so the detector
requires the whole line to be vocabulary, with at least one *strong* word (a
share verb or a network name; glue words alone prove nothing).

A second family are share and follow prompts that open a short block:
"Share this article", "Empfiehl dies deinen Freunden", "Follow us on
Instagram", "Síguenos en Twitter", "Möchten Sie den Artikel teilen?". The
block must be short, so that a paragraph that starts with "Follow the
money…" is not touched (follow prompts also need a network name).

Speed: one ``\\n``-led pattern with one trie finds the lines that *start*
like a share line; it runs only on the lines that the page's line index
files under its phrases' opening words (see ``_textscan``). The few matched
lines are then checked in Python against :data:`_RUN`, whose vocabulary is
single words, so that a line parses in one way only and a failing line costs
one pass (no backtracking blow-up).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Page
from ._base import Detector, DetectorConfig
from ._textscan import (
    LineScan,
    ends_line,
    line_matches,
    line_phrases,
    line_start_spellings,
    phrase_trie,
)

#: Share verbs, network names, print and mail actions: a line made of share
#: vocabulary must contain one of these. Single words only (see module doc).
_STRONG_WORDS = (
    # share verbs (en de fr es it pt nl pl) and their button spellings
    "share", "shares", "sharen", "shared", "sharing", "teilen", "teile", "geteilt", "mitteilen",
    "partager", "partagez", "partages", "compartir", "comparte", "compartilhar",
    "compartilhe", "partilhar", "partilhe", "condividi", "condividere", "delen", "deel",
    "udostępnij", "udostępnień", "tweet", "tweets", "tweeten", "twittern", "retweet",
    "pinnen", "pin", "pinit",
    # networks and messengers (as written on buttons, incl. Polish locatives)
    "facebook", "facebooku", "twitter", "twitterze", "linkedin", "LinkedIn", "linkedinie",
    "xing", "whatsapp", "WhatsApp", "whatsappie", "telegram", "pinterest", "reddit", "tumblr",
    "flipboard", "messenger", "instagram", "instagramie", "youtube", "YouTube", "youtubie",
    "tiktok", "TikTok", "snapchat", "mastodon", "bluesky", "vk", "vkontakte", "VKontakte",
    "weibo", "wechat", "WeChat", "viber", "digg", "stumbleupon", "StumbleUpon", "google+",
    "Google+", "rss",
    # print and mail actions
    "print", "drucken", "ausdrucken", "imprimer", "imprimir", "stampa", "stampare",
    "afdrukken", "printen", "drukuj", "wydrukuj", "email", "eMail", "mail", "mailen", "sms",
)  # fmt: skip
#: Glue words that may stand next to strong words on a share line.
_GLUE_WORDS = (
    # en
    "on", "in", "to", "via", "with", "by", "per", "this", "the", "a", "it", "article", "story",
    "post", "page", "link", "copy", "click", "opens", "open", "new", "window", "tab", "us",
    "me", "our", "your", "friends", "and", "or", "now", "options", "social", "icon", "close",
    "extra", "button", "buttons", "counter", "recipe",
    # de
    "auf", "bei", "über", "mit", "um", "zu", "zum", "im", "neuem", "neuen", "fenster",
    "wird", "geöffnet", "öffnet", "sich", "dies", "diesen", "dieser", "diese", "das", "den",
    "die", "der", "artikel", "beitrag", "seite", "inhalt", "kopieren", "klick", "klicken",
    "sie", "jetzt", "freunden", "uns", "und", "oder", "funktion", "aufrufen", "hier",
    # fr
    "sur", "par", "avec", "le", "la", "l'article", "cet", "cette", "lien", "copier", "cliquez",
    "cliquer", "pour", "nouvelle", "fenêtre", "s'ouvre", "dans", "et", "ou", "vos", "amis",
    # es
    "en", "por", "con", "el", "este", "esta", "artículo", "nota", "página", "enlace", "copiar",
    "clic", "para", "nueva", "ventana", "y", "o", "tus", "amigos",
    # it
    "su", "lo", "questo", "questa", "articolo", "pagina", "copia", "clicca", "nuova",
    "finestra", "e",
    # pt
    "em", "no", "na", "com", "artigo", "clique", "janela", "seus", "amigos",
    # nl
    "op", "met", "dit", "deze", "het", "de", "klik", "om", "te", "nieuw", "venster", "en",
    "of", "kopiëren",
    # pl
    "przez", "z", "ten", "artykuł", "artykułem", "stronę", "skopiuj", "kliknij", "aby", "w",
    "nowym", "oknie", "i", "lub",
)  # fmt: skip
#: Separators between share words: blanks, bars, dots, brackets, arrows, counts' colons.
_SEP_CHARS = " \t:|·•/,.;()[]+»«›‹<>!?…*–—=_'’-"
_SEP = f"[{re.escape(_SEP_CHARS)}]"
#: A counter next to a button ("Teilen: 0", "1.2K Shares"): one digit run, so
#: that "1,2" parses in one way only ("1" "," "2").
_COUNT = r"\d{1,7}[kKmM]?"
_WORD = phrase_trie((*_STRONG_WORDS, *_GLUE_WORDS))
_STRONG_TRIE = phrase_trie(_STRONG_WORDS)
_STRONG = re.compile(rf"(?<![^\W_])(?:{_STRONG_TRIE})(?![^\W_])")
_STRONG_SET = frozenset(w.lower() for w in _STRONG_WORDS)
#: Glue words that open button labels ahead of a strong word ("Click to
#: share on", "Inhalt teilen", "Social Share"): rare enough as the first word
#: of a line to be starters themselves. ("Artikel teilen", "Jetzt teilen" are
#: prompts; "Link", "Seite" or "Artikel" alone open too many other lines.)
_GLUE_STARTERS = (
    "click", "klick", "klicken", "cliquez", "haz", "clicca", "clique", "klik", "kliknij",
    "social", "inhalt",
)  # fmt: skip
#: Prepositions that open a button label before a network ("Auf Facebook
#: teilen", "In Messenger teilen", "Via E-Mail teilen", "Udostępnij na
#: Facebooku"): they start lines only together with the network, because on
#: their own they start every other line of German, French or Polish prose.
_PREPOSITIONS = ("auf", "bei", "in", "via", "per", "on", "sur", "en", "su", "em", "op", "na", "mit")
_NETWORKS = (
    "facebook", "facebooku", "twitter", "twitterze", "linkedin", "LinkedIn", "xing",
    "whatsapp", "WhatsApp", "telegram", "pinterest", "reddit", "messenger", "instagram",
    "e-mail", "E-Mail", "email", "eMail", "mail", "sms", "flipboard", "tumblr",
)  # fmt: skip

#: Prompts that open a short share block.
_PROMPTS = (
    "share this", "share on", "share via", "share the", "share article", "share story",
    "sharing is caring", "spread the word", "tell your friends", "tell a friend",
    "diesen Artikel teilen", "Artikel teilen", "Beitrag teilen", "Seite teilen", "teile diesen",
    "teilen Sie diesen", "teilen Sie dies", "teilen mit", "empfiehl dies", "empfehlen Sie",
    "möchten Sie den Artikel teilen", "möchten Sie diesen Artikel teilen",
    "Artikel gefallen? Vergiss nicht zu teilen", "Artikel weiterempfehlen",
    "jetzt teilen", "mit Freunden teilen",
    "partager cet article", "partagez cet article", "partager sur", "partager par",
    "compartir en", "compartir este", "comparte este", "compartir por",
    "condividi su", "condividi questo", "condividi l'articolo",
    "compartilhe", "compartilhar no", "partilhe este", "partilhar no",
    "deel dit", "deel op", "delen op", "delen via",
    "udostępnij na", "udostępnij ten", "podziel się",
)  # fmt: skip
#: Follow prompts: they must also name a network ("Follow us on Instagram").
_FOLLOW = (
    "follow", "find us on", "like us on", "join us on", "connect with us", "keep up with me",
    "keep up with us", "you can keep up with me", "you can follow", "stay connected",
    "folgen Sie uns", "folge uns", "folgt uns", "folgen Sie mir", "folge mir", "folgen Sie dem",
    "besucht uns auf", "besuchen Sie uns auf", "finde uns auf", "finden Sie uns auf",
    "suivez-nous", "suivez nous", "suivez-moi", "retrouvez-nous", "rejoignez-nous",
    "síguenos", "siguenos", "sígueme", "síganos", "seguici", "seguimi", "seguiteci",
    "siga-nos", "sigam-nos", "siga a", "siga o", "volg ons", "volg mij", "obserwuj nas",
    "obserwuj mnie", "obserwuj na", "dołącz do nas",
)  # fmt: skip
_PROMPT = re.compile(rf"(?:{phrase_trie(_PROMPTS)})(?![^\W_])")
#: A network a follow prompt must name ("Follow these steps to print…" names none).
_FOLLOW_NETWORKS = (
    *(n for n in _NETWORKS if "mail" not in n.lower() and n != "sms"),
    "youtube", "YouTube", "tiktok", "TikTok", "mastodon", "bluesky", "threads", "snapchat",
    "rss", "vk",
)  # fmt: skip
_NETWORK = re.compile(rf"(?<![^\W_])(?:{phrase_trie(_FOLLOW_NETWORKS)})(?![^\W_])|@\w")
_FOLLOW_START = re.compile(rf"(?:{phrase_trie(_FOLLOW)})(?![^\W_])")


_STARTERS = line_phrases(
    line_start_spellings(
        (
            *_STRONG_WORDS, "e-mail", "E-Mail", *_PROMPTS, *_FOLLOW, *_GLUE_STARTERS,
            *(f"{p} {n}" for p in _PREPOSITIONS for n in _NETWORKS),
        )
    )
)  # fmt: skip
#: The one scan: lines that start with a strong word, a prompt, a follow
#: prompt, a glue starter, or a preposition and a network. One trie, so that
#: each line costs one walk down it. The rest of the line is read as a plain
#: tail (a fast loop in the engine) and the matched lines are classified in
#: Python. The tail stops at 300 characters: longer lines are prose,
#: recognised because the match does not reach the line end.
_SCAN = LineScan(
    re.compile(rf"\n(?:{_STARTERS.trie})(?![^\W_])[^\n]{{0,300}}"), _STARTERS.words
)
#: A whole share line: vocabulary words and counters with separators, nothing else.
_RUN = re.compile(rf"{_SEP}{{0,4}}(?:(?:{_WORD}|{_COUNT})(?![^\W_]){_SEP}{{0,6}}){{1,24}}")


class ShareConfig(DetectorConfig):
    """Settings of :class:`ShareDetector`."""

    #: Longest block, in words, that a share or follow prompt may open. 30:
    #: prompts with a list of networks run 3-20 words on the development
    #: corpus; paragraphs that begin "Follow …" are longer.
    max_prompt_words: int = Field(default=30, gt=0, le=500)
    #: A share word alone between two paragraphs of at least this many words
    #: each is more likely a subheading ("Facebook", then a paragraph about
    #: it) than a button: its confidence drops below the removal threshold.
    min_neighbour_prose_words: int = Field(default=25, gt=0, le=1000)


class ShareDetector(Detector):
    """Share and follow lines (SHARE), judged by whole-line shape."""

    name = "share"
    Config = ShareConfig
    config: ShareConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        blocks = page.blocks
        if not blocks:
            return []
        cfg = self.config
        # Per block: how many of its lines are share lines; or a prompt.
        share_lines: dict[int, int] = {}
        prompts: dict[int, str] = {}
        for index, match in line_matches(page, _SCAN):
            line = match.group()[1:]
            if not ends_line(match):
                continue  # longer than any button or prompt: prose
            text = line.strip(_SEP_CHARS)
            if text.lower() in _STRONG_SET:
                share_lines[index] = share_lines.get(index, 0) + 1
            elif blocks[index].n_words <= cfg.max_prompt_words and _PROMPT.match(text):
                prompts.setdefault(index, "prompt")
            elif _RUN.fullmatch(line) and _STRONG.search(line):
                share_lines[index] = share_lines.get(index, 0) + 1
            elif (
                blocks[index].n_words <= cfg.max_prompt_words
                and _FOLLOW_START.match(text)
                and _NETWORK.search(text)
            ):
                prompts.setdefault(index, "follow")

        verdicts: list[Verdict] = []
        for index in sorted(share_lines.keys() | prompts.keys()):
            block = blocks[index]
            if index in prompts:
                code = prompts[index]
                what = "a follow-us prompt" if code == "follow" else "a share prompt"
                verdicts.append(
                    self.verdict(
                        index, BlockKind.SHARE, code, f"short block opening with {what}", 0.85
                    )
                )
                continue
            lines = block.text.count("\n") + 1
            hits = share_lines[index]
            if hits == lines:
                confidence = 0.85
                if lines == 1 and block.n_words == 1 and self._between_prose(page, index):
                    confidence = 0.4
                verdicts.append(
                    self.verdict(
                        index,
                        BlockKind.SHARE,
                        "buttons",
                        "block is only share buttons, network names or print/mail actions",
                        confidence,
                    )
                )
            else:
                # A menu group in which some lines are share buttons: the
                # more of them, the surer; a lone one proves little.
                confidence = 0.7 if 2 * hits >= lines else 0.4
                verdicts.append(
                    self.verdict(
                        index,
                        BlockKind.SHARE,
                        "buttons_in_menu",
                        f"{hits} of {lines} lines of this menu are share buttons",
                        confidence,
                    )
                )
        return verdicts

    def _between_prose(self, page: Page, index: int) -> bool:
        """Whether block ``index`` stands between two paragraphs (a subheading's place)."""
        blocks = page.blocks
        floor = self.config.min_neighbour_prose_words
        return (
            0 < index < len(blocks) - 1
            and blocks[index - 1].n_words >= floor
            and blocks[index + 1].n_words >= floor
        )
