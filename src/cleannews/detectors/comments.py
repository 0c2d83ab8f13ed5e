"""Comment sections: their headers, counters, forms and furniture.

Evidence at the start of a short block, graded:

* a **counter** or a section **header** ("71 Kommentare", "3 Responses to
  “Title”", "Comments", "Leserkommentare", "Commentaires", "Komentarze",
  "Join the discussion") opens the comment section: strong, and the start
  of a unit (below);
* comment **form** text ("Leave a Reply", "Schreibe einen Kommentar", "Your
  email address will not be published", "Diese Website verwendet Akismet",
  "Antworten abbrechen", "Kommentare sind geschlossen") and **reply
  buttons** ("Reply", "Antworten", "Répondre", "Log in to reply"): strong,
  but only the block itself;
* the singular "Comment" / "Kommentar" is also the label of an opinion
  piece, so it is flagged alone, never as the start of a unit.

The **unit**: from a counter or header on the first line of its block, the
detector walks down over the section's furniture (short lines: names, dates,
vote counts; form lines) and over the comments' texts, but takes a prose
block only once a comment marker was seen (an author line such as "X says:",
"X sagt:", "Comment by X", or a reply button), and only with an author line
just above it or a marker just below it. Article prose (under a counter in the byline, or between a
"Comments" link and the form) has none, so the walk stops before it;
without a single author line or reply button there is no unit at all.
Comment texts get a moderate confidence.

Speed: one ``\\n``-led pattern with one trie finds the lines that open with
a phrase or a counter, run only on the lines that the page's line index
files under the phrases' opening words or a digit (see ``_textscan``); the
unit walk runs in Python from the (at most few) headers found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Block, Page
from ._base import Detector, DetectorConfig
from ._textscan import (
    LineScan,
    ends_line,
    line_in_block,
    line_matches,
    line_phrases,
    line_start_spellings,
    phrase_trie,
)

#: Section headers that open a comment section (plural or an action).
#: "Discussion" and "Diskussion" are left out: they head sections of papers.
_HEADERS = (
    "comments", "reader comments", "user comments", "join the discussion",
    "join the conversation", "show comments", "view comments", "load comments",
    "show all comments", "view the discussion thread",
    "Kommentare", "Leserkommentare", "Leser-Kommentare", "Kommentare anzeigen",
    "alle Kommentare anzeigen", "Kommentare lesen",
    "commentaires", "vos réactions", "comentarios", "comentários", "commenti", "reacties",
    "komentarze",
)  # fmt: skip
#: Labels that are also the genre of an opinion piece: flagged alone.
_SINGULAR = ("comment", "Kommentar", "commentaire", "comentario", "commento", "comentário",
             "reactie", "komentarz")  # fmt: skip
#: Comment forms and section notices.
_FORM = (
    "leave a comment", "leave a Comment", "leave a reply", "leave a Reply", "leave a response",
    "post a comment", "post a Comment", "add a comment", "add a Comment", "write a comment",
    "submit a comment", "post comment", "submit comment", "cancel reply",
    "your email address will not be published", "required fields are marked",
    "save my name, email, and website", "notify me of follow-up comments",
    "notify me of new comments", "notify me of new posts", "this site uses Akismet",
    "you must be logged in to post a comment", "comments are closed", "no comments",
    "no comments yet", "be the first to comment", "log in to reply", "login to reply",
    "log in to comment", "sign in to comment", "please enable javascript to view the comments",
    "commenting policy", "comment policy", "to leave a comment",
    "schreibe einen Kommentar", "schreiben Sie einen Kommentar", "Kommentar schreiben",
    "einen Kommentar schreiben", "Kommentar verfassen", "Kommentar hinzufügen",
    "hinterlasse einen Kommentar", "hinterlasse jetzt einen Kommentar",
    "Kommentar hinterlassen", "kommentieren", "Kommentar abschicken", "Kommentar absenden",
    "Antworten abbrechen", "Antwort abbrechen", "deine E-Mail-Adresse wird nicht veröffentlicht",
    "Ihre E-Mail-Adresse wird nicht veröffentlicht", "erforderliche Felder sind mit",
    "diese Website verwendet Akismet", "diese Seite verwendet Akismet",
    "benachrichtige mich über", "Benachrichtigung bei weiteren Kommentaren",
    "gib hier deinen Kommentar ein", "gib hier Deinen Kommentar ein", "du kommentierst mit",
    "du musst angemeldet sein", "Kommentare sind geschlossen", "die Kommentarfunktion",
    "keine Kommentare", "zum Antworten anmelden", "hier klicken, um das Antworten abzubrechen",
    "meinen Namen, meine E-Mail-Adresse", "Kommentar-Regeln",
    "laisser un commentaire", "ajouter un commentaire", "laisser une réponse",
    "votre adresse e-mail ne sera pas publiée", "votre adresse de messagerie ne sera pas publiée",
    "annuler la réponse", "aucun commentaire", "les commentaires sont fermés",
    "deja un comentario", "deja una respuesta", "escribe un comentario",
    "tu dirección de correo electrónico no será publicada", "cancelar respuesta",
    "sin comentarios", "para comentar debes",
    "lascia un commento", "lascia una risposta", "il tuo indirizzo email non sarà pubblicato",
    "annulla risposta", "nessun commento",
    "deixe um comentário", "deixe uma resposta", "o seu endereço de email não será publicado",
    "o seu endereço de e-mail não será publicado", "cancelar resposta", "sem comentários",
    "laat een reactie achter", "plaats een reactie", "je e-mailadres wordt niet gepubliceerd",
    "reactie annuleren", "geen reacties",
    "dodaj komentarz", "napisz komentarz", "skomentuj", "wyślij komentarz",
    "twój adres e-mail nie zostanie opublikowany", "anuluj pisanie odpowiedzi",
    "brak komentarzy",
)  # fmt: skip
#: Reply buttons and comment toolbars, as whole lines.
_REPLY = (
    "reply", "replies", "reply ↓", "reply delete", "Antworten", "Antwort", "Antworten ↓",
    "Antwort ↓", "Antworten löschen", "répondre", "responder", "rispondi", "beantwoorden",
    "reageer", "reageren", "odpowiedz", "like reply", "daumen hoch", "gefällt mir",
)  # fmt: skip
#: "Comment by X", "Kommentar von X".
_AUTHOR = ("comment by", "Kommentar von", "commentaire de", "comentario de", "commento di",
           "comentário de", "reactie van", "komentarz od")  # fmt: skip
#: Count words after a number: "71 Kommentare", "3 Responses to “Title”".
_COUNT_WORDS = (
    "comments", "comment", "responses", "response", "replies", "reply", "thoughts on",
    "kommentare", "kommentar", "antworten", "antwort", "reaktionen", "gedanken zu",
    "commentaires", "commentaire", "réactions", "réponses", "comentarios", "comentario",
    "respuestas", "commenti", "commento", "risposte", "comentários", "comentário",
    "respostas", "reacties", "reactie", "komentarze", "komentarz", "komentarzy",
    "odpowiedzi",
)  # fmt: skip
#: Endings of author lines: "Bebs says:", "Peter Addor sagt:".
_SAYS = (" says:", " said:", " sagt:", " schreibt:", " meint:", " dit :", " dit:", " écrit :",
         " dice:", " escribió:", " scrive:", " disse:", " diz:", " zegt:", " schreef:",
         " napisał:", " napisała:", " wrote:")  # fmt: skip

#: Endings of reply lines: "<date> | Reply", "12.03.2024 um 10:12 Antworten".
_REPLY_ENDINGS = (
    " reply", " Reply", " REPLY", " antworten", " Antworten", " ANTWORTEN",
    " répondre", " Répondre", " responder", " Responder", " rispondi", " Rispondi",
    " beantwoorden", " Beantwoorden", " odpowiedz", " Odpowiedz",
)  # fmt: skip

_PHRASES: dict[str, str] = {
    **{p: "author" for p in _AUTHOR},
    **{p: "reply" for p in _REPLY},
    **{p: "single" for p in _SINGULAR},
    **{p: "form" for p in _FORM},
    **{p: "header" for p in _HEADERS},
}
#: The same, keyed by the lower-case phrase (what Python looks up).
_KIND = {p.lower(): kind for p, kind in _PHRASES.items()}
#: Verdicts that mark comment furniture (not headers, forms or counters).
_MARKER_CODES = {"comments.reply": "reply", "comments.author": "author"}
_REPLY_SET = frozenset(p.lower() for p in _REPLY)


#: The one scan: a line that opens with a phrase, or a counter ("71
#: Kommentare", "(12) Comments"), then the rest of the line as a plain tail
#: (up to 300 characters; longer lines are prose).
_STARTS = line_phrases(line_start_spellings(_PHRASES))
_SCAN = LineScan(
    re.compile(
        rf"\n(?:(?P<phrase>{_STARTS.trie})"
        r"(?![^\W_])"
        rf"|(?P<count>\(?\d{{1,5}}\)?[ ](?:{phrase_trie(_COUNT_WORDS)})(?![^\W_])))"
        r"[^\n]{0,300}"
    ),
    _STARTS.words,
    digits=True,
)
#: What may follow a whole-block header: a colon, a count, arrows.
_HEADER_TAIL = re.compile(r"[ ]?[:!.…»›>↓|\-–—]{0,3}[ ]?(?:\(\d{1,5}\)|\d{1,5})?[ ]?$")


class CommentsConfig(DetectorConfig):
    """Settings of :class:`CommentsDetector`."""

    #: Longest block, in words, that a header, counter or form line may be.
    #: 40 covers "Your email address will not be published. Required fields
    #: are marked *" with the field labels glued to it.
    max_marker_words: int = Field(default=40, gt=0, le=1000)
    #: Furniture blocks (names, dates, "Reply") have at most this many words.
    max_furniture_words: int = Field(default=12, gt=0, le=500)
    #: A prose block belongs to the comments only with an author line at most
    #: this many blocks above it (a date may stand between) or an author line
    #: or reply button this close below it.
    max_prose_gap_blocks: int = Field(default=2, gt=0, le=100)
    #: The walk down a comment section stops after this many blocks.
    max_unit_blocks: int = Field(default=80, gt=0, le=10_000)


class CommentsDetector(Detector):
    """Comment headers, counters, forms and sections (COMMENTS)."""

    name = "comments"
    Config = CommentsConfig
    config: CommentsConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        blocks = page.blocks
        if not blocks:
            return []
        cfg = self.config
        found: dict[int, Verdict] = {}
        starts: list[int] = []
        for index, match in line_matches(page, _SCAN):
            if not ends_line(match) or index in found:
                continue  # a long line (prose), or decided
            block = blocks[index]
            if block.n_words > cfg.max_marker_words:
                continue
            first_line = line_in_block(page, index, match) == 0
            verdict = self._classify(block, match, first_line)
            if verdict is not None:
                found[index] = verdict
                if verdict.code in ("comments.header", "comments.count"):
                    starts.append(index)
        verdicts = [found[i] for i in sorted(found)]
        covered = -1
        for start in starts:
            if start <= covered:
                continue
            last, prose = self._walk(page, start, found)
            if last > start:
                verdicts.append(
                    self.verdict(
                        start + 1,
                        BlockKind.COMMENTS,
                        "unit",
                        "part of the comment section (author lines, dates, replies, comments)"
                        + (", including comment texts" if prose else ""),
                        0.55 if prose else 0.65,
                        end_block=last,
                    )
                )
                covered = last
        return verdicts

    def _classify(self, block: Block, match: re.Match[str], first_line: bool) -> Verdict | None:
        """Verdict for a short block with a line that opens with a phrase or a counter.

        Headers, counters and labels count only on the block's first line: a
        "Comments" link inside a menu is not the start of a comment section.
        Form lines and reply buttons count on any line (a name, a date and
        "Reply" are grouped into one block).
        """
        line = match.group()[1:]
        index = block.index
        phrase = match.group("phrase")
        if phrase is None:
            stripped = line.strip()
            if not first_line or (stripped.endswith(".") and stripped.count(" ") >= 5):
                return None  # "3 comments on the draft law were received." is a sentence
            return self.verdict(
                index, BlockKind.COMMENTS, "count", f"a comment counter: {line.strip()[:40]!r}", 0.9
            )
        kind = _KIND.get(phrase.lower(), "form")
        if not first_line and kind in ("header", "single"):
            return None
        tail = line[len(phrase) :]
        whole = _HEADER_TAIL.match(tail) is not None
        if kind == "header" and whole:
            return self.verdict(
                index, BlockKind.COMMENTS, "header", f"comment section header {phrase!r}", 0.9
            )
        if kind == "single" and whole:
            return self.verdict(
                index,
                BlockKind.COMMENTS,
                "label",
                f"block is only the label {phrase!r} (comments, or an opinion piece)",
                0.7,
            )
        if kind == "reply" and whole and line.strip(" ↓|·").lower() in _REPLY_SET:
            return self.verdict(index, BlockKind.COMMENTS, "reply", "a reply button", 0.8)
        if kind == "form":
            return self.verdict(
                index, BlockKind.COMMENTS, "form", f"comment form or notice: {phrase!r}", 0.9
            )
        if kind == "author" and block.n_words <= self.config.max_furniture_words:
            return self.verdict(
                index, BlockKind.COMMENTS, "author", f"a comment's author line: {line[:40]!r}", 0.8
            )
        return None

    def _walk(self, page: Page, start: int, found: dict[int, Verdict]) -> tuple[int, bool]:
        """Last block of the comment section opened at ``start``, and whether it has prose.

        Short blocks (names, dates, vote counts) and blocks with a verdict of
        their own (form lines) are taken as they come. A prose block is taken
        only after a comment marker (an author line or a reply button) was
        seen in the section, and with a marker within ``max_prose_gap_blocks``
        before or after it: article prose below a counter in the byline, or
        between a header and the comment form, has neither. Dates and headers
        are not markers: articles have them too.
        """
        cfg = self.config
        blocks = page.blocks
        stop = min(len(blocks), start + 1 + cfg.max_unit_blocks)
        gap = cfg.max_prose_gap_blocks
        is_marker = self._is_marker
        last = start
        prose = False
        last_marker: int | None = None
        last_author: int | None = None
        for j in range(start + 1, stop):
            block = blocks[j]
            marker = is_marker(block, found)
            if marker:
                last_marker = j
                if marker == "author":
                    last_author = j
                last = j
                continue
            if j in found or (block.n_words <= cfg.max_furniture_words and "\n" not in block.text):
                last = j  # a name, a date, a short comment, a form line
                continue
            if last_marker is None or block.text.count("\n") >= 2:
                break
            # A comment's text follows its author line or precedes its reply
            # button; text right after a reply button, with no author line,
            # is not a comment.
            after_author = last_author is not None and j - last_author <= gap
            if not after_author and not any(
                is_marker(blocks[k], found) for k in range(j + 1, min(stop, j + 1 + gap))
            ):
                break
            prose = True
            last = j
        if last_marker is None:
            # No author line, no reply button: a counter in a byline or a
            # menu, not a comment section; the header's own verdict says enough.
            return start, False
        return min(last, last_marker + gap), prose

    @staticmethod
    def _is_marker(block: Block, found: dict[int, Verdict]) -> str:
        """What only comments have: "author" lines ("X says:", "Comment by X"),
        "reply" buttons ("Reply", "12.03.2024 | Antworten"), or "" for neither.
        """
        verdict = found.get(block.index)
        if verdict is not None:
            return _MARKER_CODES.get(verdict.code, "")
        text = block.text
        first = text.split("\n", 1)[0]
        for line in (text, first):
            if len(line) <= 80:
                if line.endswith(_SAYS):
                    return "author"
                if line.endswith(_REPLY_ENDINGS):
                    return "reply"
        return ""
