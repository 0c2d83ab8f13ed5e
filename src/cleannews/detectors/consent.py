"""Cookie banners, consent buttons and the privacy notices of web forms.

Text dumps keep what consent banners and form templates print: "We use
cookies to …", "Diese Website verwendet Cookies. Wenn du …", "Alle
akzeptieren", "Manage preferences", "Your email address will not be
published. Required fields are marked *", "Diese Website verwendet Akismet,
um Spam zu reduzieren", "I agree to the privacy policy". Articles about
privacy mention cookies and consent too ("The court ruled that websites
must ask before they set cookies"), so the detector anchors on the *shape*
of a notice, never on a keyword alone:

* ``consent.cookie_notice``: a short block that opens with a banner phrase
  ("We use cookies", "Ce site utilise des cookies", "Privacy & Cookies:");
* ``consent.cookie_consent``: a short block that mentions cookies and
  either addresses the reader about *this* site ("our website", "diese
  Seite") or asks for agreement ("you agree", "stimmen Sie … zu");
* ``consent.button``: a short block that opens with a consent button or
  settings link ("Accept all", "Alle akzeptieren", "Manage preferences");
* ``consent.form_notice``: the fixed notices under comment and sign-up
  forms (email not published, required fields, Akismet, reCAPTCHA);
* ``consent.privacy_checkbox``: the label of a privacy-policy checkbox
  ("Ich habe die Datenschutzerklärung gelesen …", "By subscribing, you
  agree …").
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

#: Phrases that open a cookie banner.
_NOTICES = (
    # English
    "we use cookies", "we use cookies and", "we and our partners use cookies",
    "this website uses cookies", "this site uses cookies", "this web site uses cookies",
    "our website uses cookies", "our site uses cookies", "this website use cookies",
    "our website use cookies", "this website stores cookies", "privacy & cookies",
    "privacy and cookies", "cookies help us", "cookies make it easier",
    "by continuing to use this site", "by continuing to use this website",
    "by continuing to browse", "by using this website", "by using this site",
    "by using our website", "by using our site", "by using our services",
    "by clicking accept", "by clicking “accept", "by clicking \"accept", "by choosing i accept",
    "this website uses cookies to", "we value your privacy",
    # German
    "wir verwenden Cookies", "wir nutzen Cookies", "wir benutzen Cookies",
    "wir setzen Cookies ein", "wir setzen Cookies", "wir verwenden auf unserer Website Cookies",
    "wir nutzen auf unserer Website Cookies", "diese Website verwendet Cookies",
    "diese Webseite verwendet Cookies", "diese Seite verwendet Cookies",
    "diese Website benutzt Cookies", "diese Webseite benutzt Cookies",
    "diese Seite benutzt Cookies", "diese Website nutzt Cookies",
    "diese Webseite nutzt Cookies", "diese Seite nutzt Cookies",
    "diese Website benutzen Cookies", "diese Website setzt Cookies",
    "unsere Website verwendet Cookies", "unsere Webseite verwendet Cookies",
    "unsere Website nutzt Cookies", "unsere Webseite nutzt Cookies",
    "datenschutz & cookies", "Datenschutz und Cookies", "Cookies erleichtern die Bereitstellung",
    "cookies helfen uns", "Cookies ermöglichen eine bestmögliche Bereitstellung",
    "durch die weitere Nutzung der Seite", "durch die weitere Nutzung der Webseite",
    "durch die weitere Nutzung der Website", "durch die Nutzung dieser Website",
    "wenn Sie die Website weiter nutzen", "wenn du die Website weiter nutzt",
    "mit der Nutzung dieser Website", "wir respektieren deine Privatsphäre",
    "wir respektieren Ihre Privatsphäre", "wir und unsere Partner",
    # French
    "ce site utilise des cookies", "ce site web utilise des cookies",
    "notre site utilise des cookies", "nous utilisons des cookies",
    "en poursuivant votre navigation", "en continuant à naviguer", "en continuant votre navigation",
    "en naviguant sur ce site", "ce site utilise des témoins",
    # Spanish
    "utilizamos cookies", "usamos cookies", "este sitio web utiliza cookies",
    "este sitio utiliza cookies", "este sitio usa cookies", "esta web utiliza cookies",
    "esta web usa cookies", "esta página web utiliza cookies", "esta página utiliza cookies",
    "este portal utiliza cookies", "si continúa navegando", "si continúas navegando",
    # Italian
    "questo sito utilizza cookie", "questo sito utilizza i cookie", "questo sito usa cookie",
    "questo sito usa i cookie", "questo sito web utilizza cookie",
    "questo sito web utilizza i cookie", "questo sito fa uso di cookie",
    "utilizziamo i cookie", "usiamo i cookie", "noi e terze parti selezionate utilizziamo",
    "proseguendo la navigazione",
    # Portuguese
    "este site utiliza cookies", "este site usa cookies", "este website utiliza cookies",
    "o nosso site utiliza cookies", "nosso site utiliza cookies", "nós usamos cookies",
    "ao continuar a navegar", "ao continuar navegando", "ao utilizar este site",
    # Dutch
    "deze website maakt gebruik van cookies", "deze site maakt gebruik van cookies",
    "deze website gebruikt cookies", "deze site gebruikt cookies", "wij gebruiken cookies",
    "we gebruiken cookies", "wij maken gebruik van cookies", "we maken gebruik van cookies",
    "door verder te gaan op deze website",
    # Polish
    "ta strona używa plików cookie", "ta strona używa plików cookies",
    "ta strona używa ciasteczek", "ta strona używa cookies", "ta strona korzysta z plików cookie",
    "ta strona korzysta z plików cookies", "ta strona korzysta z ciasteczek",
    "ta witryna używa plików cookie", "ten serwis używa plików cookie",
    "ten serwis wykorzystuje pliki cookie", "serwis wykorzystuje pliki cookies",
    "strona korzysta z plików cookie", "używamy plików cookie", "używamy plików cookies",
    "używamy cookies", "korzystamy z plików cookie", "korzystamy z plików cookies",
    "używamy informacji zapisanych za pomocą", "informujemy, że korzystamy z cookies",
)  # fmt: skip

#: Consent buttons and settings links that open a short block.
_BUTTONS = (
    "accept all", "accept all cookies", "accept cookies", "accept & close", "reject all",
    "allow all", "allow all cookies", "allow cookies", "manage preferences",
    "manage cookies", "manage cookie preferences", "manage consent", "manage settings",
    "cookie settings", "cookie preferences", "cookie policy", "customize cookies",
    "alle akzeptieren", "alle Cookies akzeptieren", "alles akzeptieren", "alle ablehnen",
    "akzeptieren und schließen", "einstellungen verwalten", "Cookie-Einstellungen",
    "Cookie-Hinweis",
    "cookie einstellungen", "Cookie-Richtlinie", "datenschutzeinstellungen",
    "datenschutzeinstellungen verwalten", "Privatsphäre-Einstellungen",
    "tout accepter", "accepter tout", "accepter et fermer", "tout refuser",
    "gérer les cookies", "gérer mes choix", "paramétrer les cookies", "paramètres des cookies",
    "personnaliser mes choix",
    "aceptar todas", "aceptar todo", "aceptar cookies", "aceptar y cerrar",
    "rechazar todas", "rechazar todo", "configurar cookies", "configuración de cookies",
    "gestionar preferencias", "política de cookies",
    "accetta tutti", "accetta tutto", "accetta e chiudi", "rifiuta tutti", "rifiuta tutto",
    "gestisci preferenze", "gestisci le preferenze", "impostazioni cookie",
    "impostazioni dei cookie", "cookie policy",
    "aceitar todos", "aceitar tudo", "aceitar cookies", "rejeitar todos",
    "gerenciar preferências", "gerir preferências", "definições de cookies",
    "configurações de cookies", "política de cookies",
    "alles accepteren", "alle cookies accepteren", "accepteer alle cookies", "alles weigeren",
    "voorkeuren beheren", "cookie-instellingen", "cookie instellingen", "cookiebeleid",
    "akceptuj wszystkie", "zaakceptuj wszystkie", "akceptuję wszystkie", "odrzuć wszystkie",
    "ustawienia cookies", "ustawienia plików cookie", "zarządzaj zgodami",
    "polityka cookies", "polityka plików cookie",
)  # fmt: skip

#: Notices printed under comment and sign-up forms.
_FORM_NOTICES = (
    "your email address will not be published", "your e-mail address will not be published",
    "required fields are marked", "save my name, email, and website",
    "this site uses Akismet", "this website uses Akismet",
    "this site is protected by reCAPTCHA", "this form is protected by reCAPTCHA",
    "deine E-Mail-Adresse wird nicht veröffentlicht",
    "Ihre E-Mail-Adresse wird nicht veröffentlicht",
    "deine Email-Adresse wird nicht veröffentlicht", "Ihre Email-Adresse wird nicht veröffentlicht",
    "die E-Mail-Adresse wird nicht veröffentlicht", "erforderliche Felder sind mit",
    "Pflichtfelder sind mit", "meinen Namen, E-Mail und Website",
    "meinen Namen, meine E-Mail-Adresse und Website",
    "diese Website verwendet Akismet", "diese Seite verwendet Akismet",
    "diese Webseite verwendet Akismet", "diese Website nutzt Akismet",
    "votre adresse e-mail ne sera pas publiée", "votre adresse de messagerie ne sera pas publiée",
    "votre adresse email ne sera pas publiée", "les champs obligatoires sont indiqués",
    "enregistrer mon nom, mon e-mail", "ce site utilise Akismet",
    "tu dirección de correo electrónico no será publicada",
    "la dirección de correo electrónico no será publicada",
    "los campos obligatorios están marcados", "guarda mi nombre, correo electrónico",
    "este sitio usa Akismet", "este sitio utiliza Akismet",
    "il tuo indirizzo email non sarà pubblicato", "il tuo indirizzo e-mail non sarà pubblicato",
    "i campi obbligatori sono contrassegnati", "salva il mio nome, email",
    "questo sito usa Akismet", "questo sito utilizza Akismet",
    "o seu endereço de email não será publicado", "o seu endereço de e-mail não será publicado",
    "seu endereço de email não será publicado", "seu endereço de e-mail não será publicado",
    "campos obrigatórios são marcados com", "este site utiliza o Akismet",
    "este site usa o Akismet",
    "je e-mailadres wordt niet gepubliceerd", "uw e-mailadres wordt niet gepubliceerd",
    "vereiste velden zijn gemarkeerd met", "deze site gebruikt Akismet",
    "twój adres e-mail nie zostanie opublikowany", "twój adres email nie zostanie opublikowany",
    "wymagane pola są oznaczone", "ta strona używa Akismet",
)  # fmt: skip

#: Labels of privacy-policy checkboxes and the consent lines of sign-up forms.
_CHECKBOXES = (
    "i agree to the privacy policy", "i agree to the Privacy Policy", "i agree to the terms",
    "i have read and agree",
    "i have read and accept", "i have read the privacy policy", "i have read the Privacy Policy",
    "i accept the privacy policy", "i accept the Privacy Policy",
    "i consent to", "by submitting your email", "by submitting your information",
    "by submitting this form", "by signing up, you agree", "by subscribing, you agree",
    "by subscribing you agree", "by clicking subscribe", "by clicking sign up",
    "ich habe die Datenschutzerklärung", "ich habe die Datenschutzbestimmungen",
    "ich habe die Datenschutzhinweise", "ich akzeptiere die Datenschutz",
    "ich stimme der Datenschutzerklärung", "ich stimme den Datenschutz",
    "ich bin mit der Verarbeitung meiner Daten", "ich bin damit einverstanden, dass",
    "ich willige ein", "ich willige darin ein", "mit der Anmeldung stimme ich",
    "mit dem Absenden", "mit Absenden meiner", "mit dem Klick auf",
    "hiermit bestätige ich, dass ich die Datenschutz", "hiermit willige ich ein",
    "j'accepte la politique de confidentialité", "j’accepte la politique de confidentialité",
    "j'ai lu et j'accepte", "j’ai lu et j’accepte", "en vous inscrivant, vous acceptez",
    "en soumettant ce formulaire",
    "he leído y acepto", "acepto la política de privacidad", "al suscribirte, aceptas",
    "al enviar este formulario",
    "ho letto e accetto", "acconsento al trattamento", "accetto la privacy policy",
    "iscrivendoti accetti",
    "li e aceito", "li e concordo", "concordo com a política de privacidade",
    "ao se inscrever, você concorda", "ao enviar este formulário",
    "ik ga akkoord met", "ik heb de privacyverklaring gelezen",
    "door je in te schrijven ga je akkoord",
    "akceptuję regulamin", "akceptuję politykę prywatności", "wyrażam zgodę na przetwarzanie",
    "zapisując się, akceptujesz", "zapoznałem się z polityką prywatności",
)  # fmt: skip

#: Checkbox openers that are also common words of prose: they count only
#: when the block names data protection, email or consent.
_CHECKBOX_NEEDS_CONTEXT = frozenset(
    p.lower()
    for p in (
        "i consent to", "ich bin damit einverstanden, dass", "ich willige ein",
        "ich willige darin ein", "mit dem Absenden", "mit dem Klick auf", "ik ga akkoord met",
    )
)  # fmt: skip
_CHECKBOX_CONTEXT = re.compile(
    r"datenschutz|privacy|privacidad|privacidade|confidentialit|e-?mail|newsletter"
    r"|einwilligung|widerruf|personenbezogen|personal data|données|dati personali"
    r"|datos personales|dados pessoais|gegevens|danych osobowych"
)


_FAMILY = {
    **dict.fromkeys(_NOTICES, "cookie_notice"),
    **dict.fromkeys(_BUTTONS, "button"),
    **dict.fromkeys(_FORM_NOTICES, "form_notice"),
    **dict.fromkeys(_CHECKBOXES, "privacy_checkbox"),
}
#: One scan for every phrase opening a line, and the family of each spelling
#: it can match, lower-cased (see ``_textscan``).
_LINE, _LOOKUP = phrase_families(_FAMILY)
#: "cookie" anywhere: a literal prefix the engine finds fast (see ``_textscan``).
_COOKIE = re.compile(r"ookie")
#: The notice addresses the reader about *this* site, or asks for agreement.
_THIS_SITE = re.compile(
    r"\b(?:our|this)[ ](?:web[ ]?)?(?:site|website|services?|pages?)\b"
    r"|\b(?:unsere[rnms]?|diese[rnms]?)[ ](?:web-?)?"
    r"(?:site|seite|webseite|website|dienste|angebote?)\b"
    r"|\b(?:notre|ce)[ ]site\b|\bnos[ ]services\b"
    r"|\bnuestr[oa]s?[ ](?:sitio|web|página|servicios)|\best[ea][ ](?:sitio|web|página|portal)\b"
    r"|\b(?:nostro|questo)[ ]sito\b|\b(?:nosso|este)[ ](?:site|website|portal)\b"
    r"|\b(?:onze|deze)[ ](?:web)?site\b"
    r"|\bnasz(?:ej|a|ym)?[ ](?:stron|serwis|witryn)|\bt(?:a|ej|en)[ ](?:stron|serwis|witryn)"
)
#: The notice asks the reader to agree, in the second person. Matched on the
#: original text: the German formal "Sie" is capitalised, "sie" (they) in
#: prose is not ("… stimmen sie der Nutzung zu" reports what others do).
_AGREEMENT = re.compile(
    r"\b[Yy]ou(?:[ ]hereby)?[ ](?:agree|consent|accept)|\b[Bb]y (?:continuing|using|clicking)"
    r"|\b(?:[Ss]timmen|[Ee]rklären)[ ]Sie\b|\b(?:stimmst|erklärst)[ ]du\b|\b[Ss]ind[ ]Sie[ ]"
    r"(?:damit[ ])?einverstanden|\b[Bb]ist[ ]du[ ](?:damit[ ])?einverstanden"
    r"|\b(?:Ihre|[Dd]eine)[ ]Zustimmung|\b[Mm]it[ ]dem[ ]Klick[ ]auf|\b[Dd]urch[ ]die[ ]weitere"
    r"|\b[Vv]ous[ ](?:acceptez|consentez)|\b[Ee]n[ ](?:poursuivant|continuant)"
    r"|\b(?:aceptas|consientes)\b|\b[Ss]i[ ]contin[úu]as?[ ]navegando|\b[Aa]l[ ]continuar"
    r"|\b(?:accetti|acconsenti)\b|\b[Pp]roseguendo|\b[Cc]ontinuando[ ]a[ ]navigare"
    r"|\bvocê[ ](?:concorda|aceita)|\b[Aa]o[ ]continuar|\bconcorda[ ]com[ ]a[ ]nossa"
    r"|\b(?:ga|gaat)[ ](?:je|u)[ ]akkoord|\b(?:je|u)[ ]gaat[ ]akkoord|\b[Dd]oor[ ]verder[ ]te"
    r"|\bzgadzasz[ ]się|\bwyrażasz[ ]zgodę|\bakceptujesz|\b[Dd]alsze[ ]korzystanie"
)
#: What a banner says cookies are for: "to give you the best experience",
#: "um Ihnen …", "pour améliorer …", "w celu …".
_PURPOSE = re.compile(
    r"\bto (?:ensure|improve|give|provide|offer|personali[sz]e|analy[sz]e|enhance|deliver|make)"
    r"|\bum (?:Ihnen|dir|unsere|unser|die|den|das|Ihre|deine|Inhalte|Funktionen)\b"
    r"|\bdamit (?:wir|Sie|du)\b|\bpour (?:améliorer|vous|faciliter|réaliser|mesurer|personnaliser)"
    r"|\bpara (?:mejorar|ofrecer|analizar|personalizar|melhorar|oferecer|garantir)"
    r"|\bper (?:migliorare|offrirti|fornire|personalizzare|garantire)|\bw celu\b"
    r"|\bom (?:je|u|onze|de)\b"
)


class ConsentConfig(DetectorConfig):
    """Settings of :class:`ConsentDetector`."""

    #: Longest cookie notice, in words. 80: banners on the development
    #: corpus run 10-60 words; article paragraphs about cookies that open
    #: like a banner would be longer.
    max_notice_words: int = Field(default=80, gt=0)
    #: Longest block that opens like a banner and is flagged without
    #: further evidence ("Wir verwenden Cookies.", "This site uses cookies.
    #: OK"). Longer ones must also address the reader about this site, ask
    #: for agreement or say what the cookies are for: "Wir verwenden Cookies
    #: nur dort, wo es technisch nötig ist, sagte der Sprecher …" is a quote.
    max_bare_notice_words: int = Field(default=12, gt=0)
    #: Longest block with a button or settings link at its start. 12 covers
    #: button rows ("Alle akzeptieren Speichern Individuelle
    #: Datenschutzeinstellungen"); a sentence that opens with "Accept all" is
    #: longer.
    max_button_words: int = Field(default=12, gt=0)
    #: Longest form notice or checkbox label, in words. 90: the German
    #: double-opt-in checkbox texts run up to ~85 words.
    max_form_words: int = Field(default=90, gt=0)


class ConsentDetector(Detector):
    """Flags cookie banners, consent buttons, form privacy notices and checkboxes."""

    name = "consent"
    Config = ConsentConfig
    config: ConsentConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        found: dict[int, Verdict] = {}
        for index, match in scan_lines(page, _LINE):
            verdict = self._line(page, index, match)
            if verdict is not None:
                found[index] = verdict
        for index, _ in scan_lines(page, _COOKIE):
            if index not in found:
                verdict = self._cookie_block(page, index)
                if verdict is not None:
                    found[index] = verdict
        return [found[i] for i in sorted(found)]

    def _line(self, page: Page, index: int, match: re.Match[str]) -> Verdict | None:
        """Verdict for a block with a consent phrase at a line start."""
        cfg = self.config
        block = page.blocks[index]
        phrase = match.group("phrase")
        family = _LOOKUP[phrase.lower()]
        # A phrase further down a grouped block is a menu item ("Impressum\n
        # Datenschutz\nCookie-Einstellungen"): the navigation's business.
        at_start = line_in_block(page, index, match) == 0
        if family == "button":
            if at_start and block.n_words <= cfg.max_button_words:
                return self.verdict(
                    index,
                    BlockKind.CONSENT_NOTICE,
                    "button",
                    f"consent button or settings link: {block.text[:50]!r}",
                    0.85,
                )
            return None
        if not at_start and "\n" in block.text:
            return None
        if family == "cookie_notice":
            if block.n_words <= cfg.max_bare_notice_words or (
                block.n_words <= cfg.max_notice_words and _banner_evidence(block.text)
            ):
                return self.verdict(
                    index,
                    BlockKind.CONSENT_NOTICE,
                    "cookie_notice",
                    f"block opens like a cookie banner: {phrase!r}",
                    0.9,
                )
            return None
        if block.n_words > cfg.max_form_words:
            return None
        if family == "form_notice":
            return self.verdict(
                index,
                BlockKind.CONSENT_NOTICE,
                "form_notice",
                f"privacy notice of a web form: {phrase!r}",
                0.9,
            )
        if phrase.lower() in _CHECKBOX_NEEDS_CONTEXT and not _CHECKBOX_CONTEXT.search(
            block.text.lower()
        ):
            return None
        return self.verdict(
            index,
            BlockKind.CONSENT_NOTICE,
            "privacy_checkbox",
            f"privacy-policy consent line of a form: {phrase!r}",
            0.85,
        )

    def _cookie_block(self, page: Page, index: int) -> Verdict | None:
        """Verdict for a short block that mentions cookies the way a banner does."""
        block = page.blocks[index]
        if block.n_words > self.config.max_notice_words:
            return None
        if not _banner_evidence(block.text):
            return None
        return self.verdict(
            index,
            BlockKind.CONSENT_NOTICE,
            "cookie_consent",
            "short block about this site's cookies or asking to agree to them",
            0.8,
        )


def _banner_evidence(text: str) -> bool:
    """Whether a block about cookies reads like a banner rather than a report.

    A banner addresses the reader about *this* site ("our website", "diese
    Seite"), asks for agreement in the second person ("you agree", "stimmen
    Sie … zu") or says what the cookies are for ("to give you the best
    experience"). An article about cookies reports what others do.
    """
    return (
        _THIS_SITE.search(text.lower()) is not None
        or _AGREEMENT.search(text) is not None
        or _PURPOSE.search(text) is not None
    )
