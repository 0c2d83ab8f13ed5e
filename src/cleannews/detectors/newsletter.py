"""Newsletter sign-up promos and subscribe or support asks, grouped as units.

A promo is rarely one block. The seed page prints::

    Start your day with National Memo Newsletter
    Know first.
    The opinions that matter. Delivered to your inbox every morning

and sign-up boxes elsewhere add an "E-Mail-Adresse" label, a "Leave this
field empty if you're human:" honeypot, a "Jetzt anmelden" button. The
detector finds *anchors* (blocks that are a promo on their own) and then
extends each anchor over the adjacent short, promo-like blocks, which are
flagged together as ``newsletter.unit`` with a lower confidence.

Anchors, always short blocks (articles that mention a newsletter are prose
and longer, or lack the call-to-action form):

* ``newsletter.signup``: a block that opens with a sign-up call and names
  the channel ("Sign up for our newsletter", "Newsletter abonnieren",
  "Inscrivez-vous à la newsletter", "Zapisz się do newslettera", "Start your
  day with X Newsletter"), or a short block that names a newsletter and
  carries a call ("Der Verivox-Newsletter: immer bestens informiert!");
* ``newsletter.heading``: a block of a few words that is a newsletter's name
  or heading ("Newsletter", "PC Gamer Newsletter");
* ``newsletter.delivery_promise``: a block next to an anchor that promises
  delivery to the reader's inbox wherever its sentence starts ("The opinions
  that matter. Delivered to your inbox every morning"), as sure as an anchor;
* ``newsletter.regular_updates``: "Wir informieren Sie regelmäßig …" and other
  promises of regular mail that do not name the channel;
* ``newsletter.support_ask``: a short donation or support ask ("Thank you for
  your support!", "Unterstützen Sie unsere Arbeit", "Wesprzyj nas");
* ``newsletter.email_field``: a form label that is only an email field
  ("E-Mail-Adresse", "Your email address *").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field, model_validator

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Block, Page
from ._base import Detector, DetectorConfig
from ._textscan import case_variants, line_in_block, phrase_families, scan_lines

#: Sign-up calls that open a block; an anchor when the block also names the
#: channel (:data:`_CHANNEL`), since "Sign up" or "Stay informed" alone may
#: be about anything.
_CALLS = (
    # English
    "sign up", "sign-up", "signup", "subscribe", "subscribe to", "get our", "get the latest",
    "get the best", "get the most", "get it in your inbox", "join our", "join the",
    "never miss", "don't miss", "don’t miss", "do not miss", "stay up to date", "stay updated",
    "stay informed", "stay in the loop", "stay in the know", "keep up with", "keep up to date",
    "want more", "like what you read", "like this article", "enjoyed this", "enter your email",
    "enter your e-mail", "receive", "start your day with", "start every morning with",
    "delivered to your inbox", "delivered straight to your inbox",
    "straight to your inbox", "direct to your inbox", "get breaking news",
    "missing out on the latest", "be the first to know", "know first",
    # German
    "melden Sie sich", "melde dich", "jetzt anmelden", "jetzt kostenlos anmelden",
    "hier anmelden", "zum Newsletter anmelden", "abonnieren Sie", "abonniere", "jetzt abonnieren",
    "Newsletter abonnieren", "jetzt Newsletter abonnieren", "newsletter bestellen",
    "newsletter anfordern", "bleiben Sie", "bleib", "immer informiert", "immer aktuell informiert",
    "immer auf dem Laufenden", "immer bestens informiert", "verpassen Sie", "verpasse",
    "nichts mehr verpassen", "keine News", "erhalten Sie", "hol dir", "holen Sie sich",
    "mit unserem Newsletter", "unser Newsletter", "unser kostenloser Newsletter",
    "ja, ich möchte", "ja, ich will", "möchten Sie",
    "wenn du per E-Mail", "wenn Sie per E-Mail", "um neue Beiträge per E-Mail",
    "geben Sie Ihre E-Mail", "gib deine E-Mail", "tragen Sie sich", "trag dich",
    "Blog via E-Mail abonnieren", "Blog per E-Mail abonnieren",
    # French
    "inscrivez-vous", "abonnez-vous", "recevez", "ne manquez", "restez informé",
    "restez informés", "pour rester informé", "pour ne rien manquer", "recevoir la newsletter",
    "recevoir notre newsletter", "s'inscrire à la newsletter", "s’inscrire à la newsletter",
    "inscription à la newsletter", "votre newsletter",
    # Spanish
    "suscríbete", "suscribete", "suscríbase", "suscribite", "suscribirse", "recibe", "recibí",
    "no te pierdas", "mantente informado", "apúntate", "únete a", "regístrate en",
    # Italian
    "iscriviti", "iscriversi alla newsletter", "ricevi", "non perdere", "resta aggiornato",
    "rimani aggiornato", "resta informato",
    # Portuguese
    "assine", "inscreva-se", "receba", "não perca", "fique por dentro", "fique informado",
    "cadastre-se",
    # Dutch
    "schrijf je in", "schrijf u in", "meld je aan", "meld u aan", "aanmelden voor",
    "abonneer je", "abonneer u", "ontvang", "mis niets", "blijf op de hoogte",
    # Polish
    "zapisz się", "zapraszamy do subskrypcji", "subskrybuj", "zamów newsletter", "otrzymuj",
    "bądź na bieżąco", "nie przegap",
)  # fmt: skip

#: Promises of regular mail that are promos without naming the channel.
_UPDATES = (
    "wir informieren Sie regelmäßig", "wir informieren dich regelmäßig",
    "wir halten Sie auf dem Laufenden", "wir halten dich auf dem Laufenden",
    "we'll keep you posted", "we’ll keep you posted", "we will keep you posted",
    "nous vous tiendrons informé", "te mantendremos informado", "ti terremo aggiornato",
    "vamos mantê-lo informado", "we houden je op de hoogte", "będziemy informować",
)  # fmt: skip

#: Donation and support asks.
_SUPPORT = (
    "thank you for your support", "thanks for your support", "support our journalism",
    "support independent journalism", "support our work", "support us", "please support",
    "become a supporter", "donate now", "make a donation", "support the guardian",
    "vielen Dank für Ihre Unterstützung", "danke für deine Unterstützung",
    "danke für Ihre Unterstützung", "unterstützen Sie unsere Arbeit", "unterstützen Sie uns",
    "unterstützen Sie diese Form", "unterstütze uns", "unterstütze unsere Arbeit",
    "jetzt spenden", "jetzt unterstützen", "jede spende hilft", "jede kleine spende",
    "merci pour votre soutien", "soutenez-nous", "soutenez notre", "faites un don",
    "gracias por tu apoyo", "gracias por su apoyo", "apóyanos", "apoya el periodismo",
    "haz una donación", "grazie per il tuo sostegno", "grazie per il sostegno", "sostienici",
    "sostieni il", "fai una donazione", "obrigado pelo seu apoio", "apoie o", "apoie a",
    "apoie nosso", "faça uma doação", "bedankt voor je steun", "bedankt voor uw steun",
    "steun ons", "dziękujemy za wsparcie", "wesprzyj nas", "wesprzyj naszą", "przekaż darowiznę",
)  # fmt: skip

#: Labels of an email field, as a whole block (optionally with "*" or ":").
_EMAIL_FIELDS = (
    "email", "e-mail", "E-Mail", "E-Mail-Adresse", "E-Mail Adresse", "Email-Adresse",
    "email address", "e-mail address", "your email", "your email address",
    "your e-mail address", "e-mail-adresse", "e-mail adresse", "email-adresse",
    "Ihre E-Mail-Adresse",
    "deine E-Mail-Adresse", "Ihre E-Mail", "deine E-Mail", "adresse e-mail", "adresse email",
    "votre adresse e-mail", "votre adresse email", "votre e-mail", "correo electrónico",
    "tu correo electrónico", "tu email", "tu e-mail", "indirizzo email", "indirizzo e-mail",
    "la tua email", "endereço de e-mail", "endereço de email", "seu e-mail", "seu email",
    "e-mailadres", "je e-mailadres", "uw e-mailadres", "adres e-mail", "adres email",
    "twój adres e-mail", "twój e-mail",
)  # fmt: skip


#: A newsletter's name opening a block. The literal scan for "newsletter"
#: (:data:`_NEWSLETTER`) finds the word in any case but upper case
#: ("NEWSLETTER") and misses the Dutch word; the line scan covers both.
_NAMES = ("newsletter", "newsletters", "nieuwsbrief", "nieuwsbrieven")

_FAMILY = {
    **dict.fromkeys(_NAMES, "name"),
    **dict.fromkeys(_EMAIL_FIELDS, "email_field"),
    **dict.fromkeys(_CALLS, "signup"),
    **dict.fromkeys(_UPDATES, "regular_updates"),
    **dict.fromkeys(_SUPPORT, "support_ask"),
}
_EMAIL_FIELD_SET = frozenset(v.lower() for p in _EMAIL_FIELDS for v in case_variants(p))

#: Anchor scan: a call, promise, ask or email label opening a line, and the
#: family of each spelling it can match (see ``_textscan``).
_LINE, _LOOKUP = phrase_families(_FAMILY)
#: "newsletter" anywhere. A literal prefix lets the engine jump between
#: candidates; "wsletter" rather than "newsletter" because the engine looks
#: for the first character, and "w" is far rarer than "n" or "e" (measured
#: on the development dumps: 7 µs per page against 15 µs for "ewsletter").
_NEWSLETTER = re.compile(r"wsletter")
#: A delivery promise: something arrives in the reader's inbox, or does so
#: regularly. "Spam filters keep junk out of your inbox" is neither.
_DELIVERY = re.compile(
    r"\b(?:deliver\w*|straight|direct(?:ly)?|right|sent|send|land\w*|arriv\w*|get|receive)\b"
    r"[^.!?\n]{0,40}\b(?:to|in|into)[ ](?:your|je|uw)[ ]inbox"
    r"|\binbox\b[^.!?\n]{0,20}\b(?:every|each|daily|weekly|elke|iedere|wekelijks|dagelijks)\b"
)

#: The channel a promo names: newsletter, inbox, e-mail, in every language.
_CHANNEL = re.compile(
    r"newsletter|nieuwsbrief|inbox|e-?mails?\b|\bmail\b|mailing|posteingang|postfach"
    r"|courriel|boîte (?:mail|de réception)|\bcorreo|boletín|casella di posta|caixa de entrada"
    r"|skrzynk|\bupdates\b|daily edition|briefing"
)
#: A call to action or the site's own newsletter, in a block that names a
#: newsletter: "Abonnieren Sie …", "Unser kostenloser Newsletter …",
#: "… to your inbox". Prose that only mentions a newsletter ("The company
#: sends a newsletter to its customers") has none of these.
_CALL_OR_OWN = re.compile(
    # Every alternative starts at a word: one "\b" in front lets the engine
    # skip the other positions at once (measured: 10 µs per search of a
    # 30-word block instead of 270 µs with a "\b" in every alternative).
    r"\b(?:"
    # English
    # "Subscribe" and "sign up" as calls (opening a sentence, or with "now",
    # "for our" …), not in a clause ("residents who subscribe to the …").
    r"(?:(?<=[.!?:»›] )|(?<![\s\S]))(?:subscribe|sign[ -]?up)\b"
    r"|(?:please|click (?:here )?to) subscribe\b"
    r"|(?:subscribe|sign[ -]?up) (?:now|today|here|for free|(?:to|for) (?:our|my)\b)"
    r"|join (?:our|us|\d)|enter your\b|your inbox\b"
    r"|our (?:free |weekly |daily )?newsletters?\b|my (?:free )?newsletter|get our\b"
    r"|get the latest|never miss|don[’']t miss|stay (?:up|informed|updated|in the)"
    # German
    r"|abonnieren sie\b|abonniere\b|(?:newsletter|jetzt|hier|gleich) (?:abonnieren|bestellen)"
    r"|(?:jetzt|hier|gleich|kostenlos) (?:anmelden|registrieren|eintragen)|zum \S+ ?anmelden"
    r"|melden sie sich|melde dich|tragen sie sich|trag dich"
    r"|unser(?:e[nmr]?)? (?:\w+ )?newsletter|meinen (?:\w+ )?newsletter"
    r"|ihr(?:en)? (?:persönlichen )?newsletter|erhalten sie\b|informiert (?:sie|dich|euch)\b"
    r"|immer (?:\w+ )?informiert|informiert bleiben|auf dem laufenden"
    r"|verpassen sie\b|verpasse\b|nichts (?:mehr )?verpassen|hol(?:en sie)? (?:dir|sich)"
    r"|möchten sie\b|ich möchte\b|(?:in ihr|ins|in deinen?) (?:postfach|posteingang)"
    # French
    r"|inscrivez|s[’']inscrire|inscris-toi|abonnez|recevez|notre newsletter"
    r"|nos newsletters|ne manquez|restez informé"
    # Spanish
    r"|suscr[íi]b(?:ete|ase|ite|irse|irte)\b|recibe (?:nuestr|el |la |gratis|en tu)"
    r"|nuestr[oa] (?:newsletter|bolet)|no te pierdas"
    # Italian
    r"|iscriv(?:iti|ersi)\b|ricevi\b|la nostra newsletter|non perdere|resta aggiornat"
    r"|rimani aggiornat"
    # Portuguese
    r"|assine\b|inscreva-se|cadastre-se|receba\b|nossa newsletter|não perca"
    r"|fique (?:por dentro|informad)"
    # Dutch
    r"|schrijf (?:je|u) in|meld (?:je|u) aan|abonneer (?:je|u)|ontvang\b|ontvangt u"
    r"|onze nieuwsbrief"
    # Polish
    r"|zapisz się|subskrybuj|zamów\b|otrzymuj\b|nasz(?:ego|ym)? newsletter"
    r"|bądź na bieżąco"
    r")"
)
#: Words of the blocks around a promo: the channel, the call, the delivery
#: promise, and the small print of the form. Substrings of the lower-cased
#: block, tested with ``in``: for a couple of dozen words that is several
#: times faster than one alternation, which the engine would try at every
#: character.
_PROMO_WORDS = (
    "newsletter", "nieuwsbrief", "inbox", "mail", "posteingang", "postfach", "courriel",
    "correo", "skrzynk", "subscri", "abonn", "anmeld", "abmeld", "inscri", "suscri", "iscriv",
    "assin", "inscrev", "aanmeld", "zapisz", "subskryb", "sign up", "sign-up", "signup",
    "deliver", "every morning", "jeden morgen", "chaque matin", "cada mañana", "ogni mattina",
    "toda manhã", "elke ochtend", "każdego ranka", "privacy", "datenschutz", "spam", " field",
    " feld", "human", "mensch", "required", "pflicht", "einwilligung", "widerruf", "consent",
    "opt-in", "bestätig", "confirm", "follower",
)  # fmt: skip


class NewsletterConfig(DetectorConfig):
    """Settings of :class:`NewsletterDetector`."""

    #: Longest anchor block, in words. 40: sign-up promos on the development
    #: corpus run 2-30 words; no block of the corpus's article text at or
    #: under 45 words names a newsletter.
    max_anchor_words: int = Field(default=40, gt=0)
    #: Longest newsletter heading or name ("PC Gamer Newsletter"), in words.
    max_heading_words: int = Field(default=5, gt=0)
    #: Longest grouped block (lines joined by the segmenter) that may be an
    #: anchor when it opens with a call.
    max_group_words: int = Field(default=8, gt=0)
    #: Longest support ask, in words. 12: asks on the development corpus run
    #: 1-8 words ("Thank you for your support!", "Jetzt spenden!"); a block
    #: that opens with "Thank you for your support" and goes on for a
    #: sentence is more likely a quote in an article.
    max_support_words: int = Field(default=12, gt=0)
    #: Blocks up to this many words that end like a sentence join a unit
    #: whatever they say: slogans and buttons ("Know first.", "Sign me up!").
    max_short_words: int = Field(default=4, ge=0)
    #: Blocks up to this many words join a unit whatever they say ("Email
    #: *", "Senden", "Close banner").
    max_bare_words: int = Field(default=2, ge=0)
    #: Blocks up to this many words join a unit after the anchor when they
    #: speak of the promo (:data:`_PROMO_WORDS`): "The opinions that matter.
    #: Delivered to your inbox every morning" (11 words); "You can
    #: unsubscribe from this service at any time. …" (23 words).
    max_unit_words: int = Field(default=25, gt=0)
    #: The same limit above the anchor, stricter: the block above a promo
    #: inserted mid-article is the article's last paragraph. Above the
    #: anchor only single lines that speak of the promo join.
    max_unit_words_before: int = Field(default=12, gt=0)
    #: How many blocks a unit extends below and above its anchors.
    max_blocks_after: int = Field(default=3, ge=0)
    max_blocks_before: int = Field(default=2, ge=0)

    @model_validator(mode="after")
    def _short_within_unit(self) -> NewsletterConfig:
        if self.max_short_words > self.max_unit_words:
            raise ValueError("max_short_words must not exceed max_unit_words")
        return self


class NewsletterDetector(Detector):
    """Flags newsletter promos (anchors and the short blocks around them)."""

    name = "newsletter"
    Config = NewsletterConfig
    config: NewsletterConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        anchors: dict[int, Verdict] = {}
        fields: dict[int, Verdict] = {}
        for index, match in scan_lines(page, _LINE):
            family = _LOOKUP[match.group("phrase").lower()]
            if family == "email_field":
                verdict = self._email_field(page, index)
                if verdict is not None:
                    fields[index] = verdict
                continue
            if family == "name":
                verdict = self._names_newsletter(page, index)
            else:
                verdict = self._anchor(page, index, match)
            if verdict is not None:
                anchors[index] = verdict
        for index, _ in scan_lines(page, _NEWSLETTER):
            if index not in anchors:
                verdict = self._names_newsletter(page, index)
                if verdict is not None:
                    anchors[index] = verdict
        if not anchors:
            return list(fields.values())
        verdicts = list(anchors.values())
        members = self._unit_members(page, sorted(anchors))
        unit: list[int] = []
        for i in sorted(members):
            delivery = members[i]
            if delivery:
                # A delivery promise is a promo in its own right ("The
                # opinions that matter. Delivered to your inbox every
                # morning"): as sure as an anchor.
                verdicts.append(
                    self.verdict(
                        i,
                        BlockKind.NEWSLETTER_PROMO,
                        "delivery_promise",
                        "block next to a newsletter promo that promises delivery to the inbox",
                        0.85,
                    )
                )
            else:
                unit.append(i)
        for start, end in _runs(unit):
            verdicts.append(
                self.verdict(
                    start,
                    BlockKind.NEWSLETTER_PROMO,
                    "unit",
                    "short block next to a newsletter promo, part of the same promo",
                    0.6,
                    end_block=end if end > start else None,
                )
            )
        verdicts.extend(v for i, v in fields.items() if i not in anchors and i not in members)
        verdicts.sort(key=lambda v: v.block)
        return verdicts

    def _anchor(self, page: Page, index: int, match: re.Match[str]) -> Verdict | None:
        """Verdict for a block that opens with a call, promise or ask."""
        cfg = self.config
        block = page.blocks[index]
        # A call further down a grouped block is a menu item ("Kontakt\n
        # Newsletter abonnieren\nImpressum"); a short group that opens with
        # the call is a promo ("Jetzt anmelden\nKostenlos").
        if "\n" in block.text and (
            block.n_words > cfg.max_group_words or line_in_block(page, index, match) > 0
        ):
            return None
        phrase = match.group("phrase")
        family = _LOOKUP[phrase.lower()]
        if family == "support_ask":
            if block.n_words > cfg.max_support_words:
                return None
            return self.verdict(
                index,
                BlockKind.NEWSLETTER_PROMO,
                "support_ask",
                f"donation or support ask: {block.text[:60]!r}",
                0.8,
            )
        if block.n_words > cfg.max_anchor_words:
            return None
        if family == "regular_updates":
            return self.verdict(
                index,
                BlockKind.NEWSLETTER_PROMO,
                "regular_updates",
                f"promise of regular updates by mail: {block.text[:60]!r}",
                0.85,
            )
        if _CHANNEL.search(block.text.lower()) is None:
            return None
        return self.verdict(
            index,
            BlockKind.NEWSLETTER_PROMO,
            "signup",
            f"sign-up call naming the channel: {block.text[:60]!r}",
            0.9,
        )

    def _names_newsletter(self, page: Page, index: int) -> Verdict | None:
        """Verdict for a short block that names a newsletter (not at its start)."""
        cfg = self.config
        block = page.blocks[index]
        if "\n" in block.text or block.n_words > cfg.max_anchor_words:
            return None
        text = block.text
        if block.n_words <= cfg.max_heading_words and not block.ends_sentence:
            return self.verdict(
                index,
                BlockKind.NEWSLETTER_PROMO,
                "heading",
                f"short block naming a newsletter: {text[:60]!r}",
                0.8,
            )
        if _CALL_OR_OWN.search(text.lower()) is None:
            return None
        return self.verdict(
            index,
            BlockKind.NEWSLETTER_PROMO,
            "signup",
            f"short block promoting a newsletter: {text[:60]!r}",
            0.85,
        )

    def _email_field(self, page: Page, index: int) -> Verdict | None:
        """Verdict for a block that is only an email field label."""
        block = page.blocks[index]
        if "\n" in block.text or block.text.strip(" *:").lower() not in _EMAIL_FIELD_SET:
            return None
        return self.verdict(
            index,
            BlockKind.NEWSLETTER_PROMO,
            "email_field",
            "block is only the label of an email field",
            0.6,
        )

    def _unit_members(self, page: Page, anchors: list[int]) -> dict[int, bool]:
        """Promo-like blocks next to the anchors, each with whether it promises delivery."""
        cfg = self.config
        blocks = page.blocks
        anchor_set = set(anchors)
        members: dict[int, bool] = {}
        for anchor in anchors:
            for step, limit in ((1, cfg.max_blocks_after), (-1, cfg.max_blocks_before)):
                i = anchor + step
                taken = 0
                while 0 <= i < len(blocks) and taken < limit:
                    if i not in anchor_set:
                        kind = self._promo_like(blocks[i], above=step < 0)
                        if kind is None:
                            break
                        members[i] = kind
                        taken += 1
                    i += step
        return members

    def _promo_like(self, block: Block, *, above: bool) -> bool | None:
        """Whether a neighbour of a promo belongs to it (``None``: it does not).

        Below the anchor it does when it speaks of the promo
        (:data:`_PROMO_WORDS`) and is short, or when it is a slogan or
        button: a very short block that ends like a sentence ("Know first.",
        "Sign me up!") or has at most :attr:`NewsletterConfig.max_bare_words`
        words. A short block without either is more likely a subheading of
        the article the promo interrupts ("Neue Regeln ab Montag"), and ends
        the unit. Above the anchor stands the end of whatever came before
        (an article's last line, its sign-off "Euer Hans"), so only a single
        short line that speaks of the promo joins ("Email Newsletter").
        The value is ``True`` when the block also promises delivery to the
        inbox.
        """
        cfg = self.config
        n_words = block.n_words
        text = block.text
        if above:
            if n_words > cfg.max_unit_words_before or "\n" in text:
                return None
        elif n_words > cfg.max_unit_words:
            return None
        lower = text.lower()
        if any(word in lower for word in _PROMO_WORDS):
            return _DELIVERY.search(lower) is not None
        if not above and (
            n_words <= cfg.max_bare_words or (n_words <= cfg.max_short_words and text[-1:] in ".!…")
        ):
            return False
        return None


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs in sorted ``indices`` as ``(first, last)`` pairs."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs
