"""Paywall, subscriber-only and login-wall notices.

Where a page cuts the article off it prints a notice: "Subscribe to continue
reading", "This article is for subscribers only", "Already a subscriber? Log
in", "Dieser Artikel ist nur für Abonnenten verfügbar", "Article réservé aux
abonnés", "Para seguir leyendo, suscríbete". The notices are short and open
with their key phrase, while articles about the news business ("The paper
now has 300,000 digital subscribers …") are prose that only mentions the
words, so the detector anchors on a phrase at the *start* of a short block:

* ``paywall.subscriber_only``: the block says the content is reserved for
  subscribers ("Réservé aux abonnés", "Alleen voor abonnees");
* ``paywall.continue_reading``: the block asks the reader to subscribe,
  register or log in to read on ("To continue reading …", "Jetzt weiterlesen
  mit …", "Per continuare a leggere …");
* ``paywall.login``: "Already a subscriber?", "Sie haben bereits ein Abo?",
  "Déjà abonné ?" and other prompts that go with the wall;
* ``paywall.subscribe_prompt``: a generic "Subscribe now" call that the block
  ties to reading the article ("Subscribe now to our e-edition for the full
  story"); without that tie it is left to the newsletter detector;
* ``paywall.purchase``: single-article purchase offers ("Buy this article",
  "Instant access to the full article PDF").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Page
from ._base import Detector, DetectorConfig
from ._textscan import line_in_block, phrase_families, scan_lines

#: The content is reserved for subscribers.
_SUBSCRIBER_ONLY = (
    "this article is for subscribers only", "this article is only available to subscribers",
    "this article is available to subscribers only", "this article is exclusive to subscribers",
    "this content is for subscribers only", "this content is only available to subscribers",
    "this content is available to subscribers only", "this content is reserved for subscribers",
    "this story is for subscribers only", "this story is only available to subscribers",
    "this story is available to subscribers only", "this article is reserved for subscribers",
    "this is a preview of subscription content", "subscribers only", "for subscribers only",
    "exclusive for subscribers", "exclusive to subscribers", "premium content",
    "premium article", "this is premium content", "only available to subscribers",
    "dieser Artikel ist nur für Abonnenten", "dieser Artikel ist Abonnenten vorbehalten",
    "dieser Artikel ist exklusiv für Abonnenten", "dieser Beitrag ist nur für Abonnenten",
    "dieser Beitrag ist Abonnenten vorbehalten", "dieser Inhalt ist nur für Abonnenten",
    "dieser Inhalt ist Abonnenten vorbehalten", "dieser Inhalt ist exklusiv für Abonnenten",
    "nur für Abonnenten", "exklusiv für Abonnenten", "exklusiv für Abonnentinnen und Abonnenten",
    "abonnenten vorbehalten", "plus-artikel", "plus artikel",
    "article réservé aux abonnés", "cet article est réservé aux abonnés",
    "ce contenu est réservé aux abonnés", "contenu réservé aux abonnés", "réservé aux abonnés",
    "la suite de cet article est réservée aux abonnés", "article abonné",
    "contenido exclusivo para suscriptores", "este contenido es exclusivo para suscriptores",
    "artículo exclusivo para suscriptores", "este artículo es exclusivo para suscriptores",
    "exclusivo para suscriptores", "solo para suscriptores", "sólo para suscriptores",
    "contenido para suscriptores",
    "articolo riservato agli abbonati", "contenuto riservato agli abbonati",
    "questo articolo è riservato agli abbonati", "questo contenuto è riservato agli abbonati",
    "riservato agli abbonati", "contenuto esclusivo per gli abbonati", "solo per abbonati",
    "conteúdo exclusivo para assinantes", "este conteúdo é exclusivo para assinantes",
    "matéria exclusiva para assinantes", "exclusivo para assinantes", "só para assinantes",
    "conteúdo para assinantes", "artigo exclusivo para assinantes",
    "alleen voor abonnees", "dit artikel is alleen voor abonnees",
    "dit artikel is exclusief voor abonnees", "exclusief voor abonnees",
    "dit is een premium artikel", "premium artikel",
    "artykuł dostępny dla subskrybentów", "artykuł dostępny tylko dla subskrybentów",
    "artykuł dostępny tylko dla prenumeratorów", "artykuł tylko dla subskrybentów",
    "treść dostępna tylko dla subskrybentów", "dostępne tylko dla subskrybentów",
    "tylko dla subskrybentów", "artykuł płatny", "treść premium",
)  # fmt: skip

#: Subscribe, register or log in to read on.
_CONTINUE = (
    "subscribe to continue reading", "subscribe to read", "subscribe to keep reading",
    "subscribe to read the full", "subscribe to unlock", "subscribe for full access",
    "subscribe now to continue", "subscribe now to read", "subscribe to get full access",
    "to continue reading", "to keep reading", "to read the full article", "to read the full story",
    "to read this article", "to read the rest of this", "to view the full story",
    "to view the full article", "to access this article", "to access this content",
    "to access the full article", "continue reading with", "keep reading with",
    "read the full article with", "continue reading your article with",
    "sign in to continue reading", "log in to continue reading", "login to continue reading",
    "sign in to read", "log in to read", "please log in to continue", "please sign in to continue",
    "log in to continue", "sign in to continue", "register to continue reading",
    "register for free to continue", "register to read", "create a free account to continue",
    "create an account to continue reading", "create a free account to read",
    "you have reached your limit", "you've reached your limit", "you have reached the limit",
    "you've reached the limit", "you have used all your free", "you've used all your free",
    "you have read all your free", "you've read all your free", "this is your last free article",
    "get unlimited access", "unlock this article", "unlock full access",
    "jetzt weiterlesen mit", "weiterlesen mit", "lesen Sie jetzt weiter mit",
    "lesen Sie weiter mit", "jetzt abonnieren und weiterlesen", "abonnieren und weiterlesen",
    "jetzt registrieren und weiterlesen", "jetzt kostenlos registrieren und weiterlesen",
    "kostenlos registrieren und weiterlesen", "anmelden und weiterlesen",
    "um diesen Artikel zu lesen", "um den vollständigen Artikel zu lesen",
    "um den ganzen Artikel zu lesen", "um weiterzulesen", "um den Artikel weiterzulesen",
    "melden Sie sich an, um", "bitte melden Sie sich an, um", "registrieren Sie sich kostenlos, um",
    "Sie haben das Limit", "Sie haben Ihr Kontingent",
    "pour lire la suite", "pour lire cet article", "pour continuer à lire",
    "pour lire l'intégralité", "pour lire l’intégralité", "abonnez-vous pour lire",
    "abonnez-vous pour continuer", "abonnez-vous pour accéder", "connectez-vous pour lire",
    "connectez-vous pour continuer", "il vous reste",
    "para seguir leyendo", "para continuar leyendo", "para leer este artículo",
    "para leer la nota completa", "para leer el artículo completo",
    "suscríbete para seguir leyendo",
    "suscríbete para continuar", "suscríbete para leer", "inicia sesión para continuar",
    "inicia sesión para seguir leyendo", "has alcanzado el límite",
    "per continuare a leggere", "per leggere l'articolo", "per leggere l’articolo",
    "per leggere questo articolo", "per leggere tutto l'articolo", "per leggere tutto l’articolo",
    "abbonati per continuare", "abbonati per leggere", "accedi per continuare",
    "accedi per leggere", "hai raggiunto il limite",
    "para continuar lendo", "para continuar a ler", "para ler este artigo",
    "para ler a matéria completa", "para ler o artigo completo", "assine para continuar lendo",
    "assine para ler", "faça login para continuar", "você atingiu o limite",
    "lees verder met", "om dit artikel te lezen", "om verder te lezen",
    "log in om verder te lezen", "log in om dit artikel te lezen", "word abonnee en lees",
    "aby przeczytać cały artykuł", "aby przeczytać artykuł", "aby czytać dalej",
    "aby kontynuować czytanie", "aby czytać dalej, zaloguj się", "zaloguj się, aby czytać dalej",
    "zaloguj się, aby przeczytać", "zaloguj się, aby kontynuować", "wykup subskrypcję, aby",
    "wykup dostęp", "czytaj dalej z subskrypcją",
)  # fmt: skip

#: Prompts that go with a wall.
_LOGIN = (
    "already a subscriber", "already subscribed", "already have an account",
    "already a member", "if you're already a subscriber", "if you’re already a subscriber",
    "if you are already a subscriber", "are you a subscriber", "existing subscriber",
    "Sie haben bereits ein Abo", "Sie haben bereits ein Abonnement", "Sie sind bereits Abonnent",
    "bereits Abonnent", "schon Abonnent", "schon abonniert", "Sie haben schon ein Abo",
    "du hast bereits ein abo", "bereits registriert",
    "déjà abonné", "vous êtes déjà abonné", "vous êtes abonné",
    "¿Ya eres suscriptor", "ya eres suscriptor", "¿Ya estás suscrito", "ya estás suscrito",
    "¿Ya tienes una cuenta", "¿Ya tienes cuenta", "sei già abbonato", "già abbonato",
    "sei abbonato",
    "já é assinante", "já tem uma conta", "ben je al abonnee", "bent u al abonnee",
    "al abonnee", "heb je al een account",
    "masz już subskrypcję", "masz już prenumeratę", "masz już konto",
    "jesteś już subskrybentem", "jesteś subskrybentem",
)  # fmt: skip

#: Generic subscription calls; a paywall only when the block ties them to
#: reading (:data:`_READ_CONTEXT`).
_PROMPTS = (
    "subscribe now", "subscribe today", "subscribe to", "become a subscriber", "please subscribe",
    "jetzt abonnieren", "jetzt Abo abschließen", "Abo abschließen", "jetzt testen",
    "abonnez-vous", "abonnez-vous dès maintenant", "suscríbete", "suscríbase", "abbonati",
    "assine", "assine já", "word abonnee", "neem een abonnement", "zapisz się", "wykup",
    "kup subskrypcję", "kup dostęp", "zostań subskrybentem",
)  # fmt: skip

#: Single-article purchase offers.
_PURCHASE = (
    "buy this article", "purchase this article", "buy article", "buy single article",
    "purchase article", "rent this article", "instant access to the full article",
    "get full access to this article", "artikel kaufen", "diesen Artikel kaufen",
    "acheter cet article", "comprar este artículo", "acquista questo articolo",
    "comprar este artigo", "koop dit artikel", "kup ten artykuł",
)  # fmt: skip

#: Words that tie a subscription call to reading this article.
_READ_CONTEXT = re.compile(
    r"full (?:story|article|access)|unlimited (?:digital )?access|continue reading|keep reading"
    r"|read (?:the rest|on|more of)|to read\b|this (?:article|story)|digital access|e-?edition"
    r"|weiterlesen|weiter lesen|vollständigen artikel|ganzen artikel|alle artikel|zugang zu allen"
    r"|la suite|lire la|l'intégralité|l’intégralité|accès illimité|seguir leyendo|continuar leyendo"
    r"|acceso (?:ilimitado|completo)|continuare a leggere|accesso (?:illimitato|completo)"
    r"|continuar (?:lendo|a ler)|acesso (?:ilimitado|completo)|verder lezen|verder te lezen"
    r"|onbeperkt toegang|czytać dalej|cały artykuł|pełny dostęp|nieograniczony dostęp"
)

#: Labels that are a notice only as a short block of their own: "Nur für
#: Abonnenten der Tageszeitung hatte der Versorger …" is a sentence.
_SHORT_ONLY = frozenset(
    (
        "subscribers only", "for subscribers only", "exclusive for subscribers",
        "exclusive to subscribers", "premium content", "premium article",
        "only available to subscribers", "nur für Abonnenten", "exklusiv für Abonnenten",
        "Abonnenten vorbehalten", "plus-artikel", "plus artikel", "réservé aux abonnés",
        "article abonné", "exclusivo para suscriptores", "solo para suscriptores",
        "sólo para suscriptores", "contenido para suscriptores", "riservato agli abbonati",
        "solo per abbonati", "exclusivo para assinantes", "só para assinantes",
        "conteúdo para assinantes", "alleen voor abonnees", "exclusief voor abonnees",
        "premium artikel", "tylko dla subskrybentów", "dostępne tylko dla subskrybentów",
        "artykuł płatny", "treść premium",
    )
)  # fmt: skip
#: Purpose clauses that open prose as readily as a notice ("To continue
#: reading, editors said, most readers …"): a notice only when the block is
#: very short or also calls to subscribe or log in (:data:`_CALL`).
_NEEDS_CALL = frozenset(
    (
        "to continue reading", "to keep reading", "to read the full article",
        "to read the full story", "to read this article", "to read the rest of this",
        "to view the full story", "to view the full article", "to access this article",
        "to access this content", "to access the full article", "um diesen Artikel zu lesen",
        "um den vollständigen Artikel zu lesen", "um den ganzen Artikel zu lesen",
        "um weiterzulesen", "um den Artikel weiterzulesen", "pour lire la suite",
        "pour lire cet article", "pour continuer à lire", "pour lire l'intégralité",
        "pour lire l’intégralité", "il vous reste", "para seguir leyendo", "para continuar leyendo",
        "para leer este artículo", "para leer la nota completa", "para leer el artículo completo",
        "per continuare a leggere", "per leggere l'articolo", "per leggere l’articolo",
        "per leggere questo articolo", "per leggere tutto l'articolo",
        "per leggere tutto l’articolo", "para continuar lendo", "para continuar a ler",
        "para ler este artigo", "para ler a matéria completa", "para ler o artigo completo",
        "lees verder met", "om dit artikel te lezen", "om verder te lezen",
        "aby przeczytać cały artykuł", "aby przeczytać artykuł", "aby czytać dalej",
        "aby kontynuować czytanie",
    )
)  # fmt: skip
#: A call to subscribe, buy or log in, or the subscription itself.
_CALL = re.compile(
    r"\b(?:subscribe|log ?in|sign in|sign up|register|subscription|abonnieren|abonniere|abo"
    r"|abonnement|registrieren|anmelden|einloggen|abonnez-vous|abonnement|connectez-vous"
    r"|inscrivez-vous|abonnés?|suscr[íi]bete|suscr[íi]base|suscripción|suscriptores"
    r"|inicia sesión|reg[íi]strate|abbonati|abbonamento|abbonarsi|accedi|registrati|assine"
    r"|assinatura|assinantes|cadastre-se|faça login|abonnee|abonneer|abonnement|log in"
    r"|wykup|zaloguj|zarejestruj|subskrypcj\w*|prenumerat\w*)\b"
)
_SHORT_ONLY_LOWER = frozenset(p.lower() for p in _SHORT_ONLY)
_NEEDS_CALL_LOWER = frozenset(p.lower() for p in _NEEDS_CALL)


_FAMILY = {
    **dict.fromkeys(_PROMPTS, "subscribe_prompt"),
    **dict.fromkeys(_PURCHASE, "purchase"),
    **dict.fromkeys(_LOGIN, "login"),
    **dict.fromkeys(_CONTINUE, "continue_reading"),
    **dict.fromkeys(_SUBSCRIBER_ONLY, "subscriber_only"),
}
#: One scan for every phrase opening a line, ending at a word boundary
#: ("Subscribers only" but not "Subscribers onlyfans"), and the family of
#: each spelling it can match, lower-cased (see ``_textscan``).
_LINE, _LOOKUP = phrase_families(_FAMILY)

_REASONS = {
    "subscriber_only": "notice that the content is for subscribers only",
    "continue_reading": "asks the reader to subscribe, register or log in to read on",
    "login": "subscriber login prompt of a paywall",
    "subscribe_prompt": "subscription call tied to reading the article",
    "purchase": "offer to buy the article",
}
_CONFIDENCE = {
    "subscriber_only": 0.9,
    "continue_reading": 0.9,
    "login": 0.85,
    "subscribe_prompt": 0.8,
    "purchase": 0.85,
}


class PaywallConfig(DetectorConfig):
    """Settings of :class:`PaywallDetector`."""

    #: Longest paywall notice, in words. 50: notices on the development
    #: corpus run 2-30 words ("To view the full story, please subscribe …
    #: $60 Annual Subscription or a $5 Weekly Pass" has 23); a longer block
    #: that opens with "To continue reading" is article prose.
    max_notice_words: int = Field(default=50, gt=0)
    #: Longest block that is a bare subscriber-only label ("Nur für
    #: Abonnenten", "Réservé aux abonnés"), in words; longer, the label
    #: opens a sentence.
    max_label_words: int = Field(default=12, gt=0)
    #: Longest block that opens with a purpose clause ("To continue
    #: reading", "Para seguir leyendo") and is a notice without a call to
    #: subscribe or log in ("Para seguir leyendo:"), in words.
    max_bare_words: int = Field(default=8, gt=0)
    #: Longest grouped block (lines joined by the segmenter) that may open
    #: with a notice: "Bereits Abonnent?\\nJetzt einloggen" is short, a menu
    #: that opens with "Abo" is not.
    max_grouped_words: int = Field(default=12, gt=0)


class PaywallDetector(Detector):
    """Flags paywall, subscriber-only and login-wall notices."""

    name = "paywall"
    Config = PaywallConfig
    config: PaywallConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        cfg = self.config
        verdicts = []
        for index, match in scan_lines(page, _LINE):
            block = page.blocks[index]
            grouped = "\n" in block.text
            limit = cfg.max_grouped_words if grouped else cfg.max_notice_words
            if block.n_words > limit or line_in_block(page, index, match) > 0:
                continue
            phrase = match.group("phrase")
            family = _LOOKUP[phrase.lower()]
            if not self._is_notice(phrase.lower(), family, block.text.lower(), block.n_words):
                continue
            verdicts.append(
                self.verdict(
                    index,
                    BlockKind.PAYWALL,
                    family,
                    f"{_REASONS[family]}: {block.text[:60]!r}",
                    _CONFIDENCE[family],
                )
            )
        return verdicts

    def _is_notice(self, key: str, family: str, lower: str, n_words: int) -> bool:
        """Whether a block that opens with the phrase ``key`` is a notice, not prose."""
        cfg = self.config
        if family == "subscribe_prompt":
            return _READ_CONTEXT.search(lower) is not None and "ewsletter" not in lower
        if key in _SHORT_ONLY_LOWER:
            return n_words <= cfg.max_label_words
        if key == "il vous reste":
            # "Il vous reste 75% de cet article à lire." has no call but
            # says how much is left to read.
            return "à lire" in lower or _CALL.search(lower) is not None
        if key in _NEEDS_CALL_LOWER:
            return n_words <= cfg.max_bare_words or _CALL.search(lower) is not None
        return True
