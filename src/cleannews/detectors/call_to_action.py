"""Calls to action: the site turns to the reader to make them act on the site.

Between the paragraphs of an article, pages print short blocks in which the
site stops telling the story and asks something of the reader: support it
("If you enjoyed reading this post – would you consider supporting our
work?", "Unterstützen Sie unseren Journalismus"), write to it ("We want to
hear what you think about this article. Submit a letter to the editor",
"Verraten Sie gerne in den Kommentaren", "Czekamy na Wasze maile"), follow
it, read its magazine or get its app ("Folge uns auch in den sozialen
Medien", "bestellen Sie es im Shop"), register to take part ("Bitte
registrieren Sie sich und halten Sie sich an unsere Netiquette"), rate the
page ("(Noch keine Bewertungen)", "Was this article helpful?"), buy ("Jetzt
kaufen", "Zum Angebot"), or fix their browser ("You are using a browser
version with limited support for CSS", "Please enable JavaScript").

The words alone prove nothing: how-to and recipe pages address the reader in
every sentence ("Click the Start button, then …", "Add the flour"), and news
quotes people who ask things of others ("'Support us,' the mayor said"). What
sets a call to action apart is its *object*: the site itself (this article,
our work, our newsletter, the comments, our shop, our app, social media, us).
So the detector grades by shape, in three tiers:

* ``rating_widget``, ``browser_notice``, ``shop_button``, ``login_prompt``:
  fixed widget and notice phrases opening a line of a short block (buttons
  only as a whole line): 0.9, final (the block model never keeps them);
* ``support``, ``feedback``, ``follow``, ``register``, ``purchase``,
  ``rating``: an *appeal*, a line that opens by addressing the reader (an
  imperative such as "Unterstützen Sie", a frame such as "If you enjoyed",
  "Bei Fragen", "Czekamy na") and holds an action verb about the site with
  an object that is the site's own standing next to it: 0.65-0.7, so that
  the block model may still keep it;
* ``weak_appeal``: the same shape with only the reader's things as object
  ("Sign in to your account", "download the app from the App Store") or
  next to a reporting verb ("…, the editor urged readers"): 0.45, evidence
  that removes nothing by itself.

A call is judged on the line it opens, in blocks of at most
:attr:`CallToActionConfig.max_words` words: in a grouped block (a menu, a
sign-up box) the next line is another item, and a long block that
addresses the reader is article prose. Appeals in quotation marks are not
scanned for at all (no line opening takes a quote in front), and English
imperatives that are also nouns ("Support for the bill grew") are skipped.

On the trafilatura-eval dumps the detector removes 127 blocks that hold a
boilerplate snippet and 3 that hold an article snippet (each a blog's or a
shop's own call to its readers, which the annotators kept as text); it
moves the block model's 5-fold cross-validated F1 from 0.892 to 0.897.

Speed: one ``\\n``-led scan (see ``_textscan``) with one trie of openings
finds the lines that open like a call to action; nearly every line of a page
fails at its first letters. The few short lines found are then classified
in Python with literal-trie searches (verb, object, address). Calls that
stand in the middle of a block after a sentence of something else are not
scanned for (a scan at every sentence start cost four times as much on the
development dumps); the notices that do ("Thank you for visiting X. You are
using a browser version …") are found through their courtesy opening.
About 50 µs per development page, of which the scan is half.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from types import MappingProxyType

from pydantic import Field, model_validator

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Block, Page
from ._base import Detector, DetectorConfig
from ._textscan import case_variants, phrase_trie

# --- Openings -----------------------------------------------------------------
# Phrases that open a line, grouped by what they prove. Written as they open
# a sentence; the trie adds their Title and UPPER spellings.

#: Rating and usefulness widgets: a short block or line that is one of these
#: is the widget ("(Noch keine Bewertungen)", "Was this article helpful?").
_RATING = (
    # en
    "rate this article", "rate this post", "rate this story", "rate this recipe",
    "rate this page", "rate this", "click to rate this post", "click on a star to rate it",
    "no votes so far", "be the first to rate", "no ratings yet", "average rating",
    "submit rating", "your rating", "was this article helpful", "was this page helpful",
    "was this post helpful", "was this helpful", "was this information helpful",
    "was this answer helpful", "did you find this article helpful", "did you find this helpful",
    "did you find this useful", "how useful was this post", "how helpful was this article",
    "how would you rate this article", "is this page useful", "helpful? yes no",
    # de
    "noch keine Bewertungen", "noch keine Bewertung", "keine Bewertungen", "Artikel bewerten",
    "Beitrag bewerten", "Seite bewerten", "Rezept bewerten", "bewerten Sie diesen Artikel",
    "bewerten Sie diesen Beitrag", "bewerten Sie dieses Rezept", "bewerte diesen Artikel",
    "bewerte diesen Beitrag", "bewerte dieses Rezept", "wie gefällt Ihnen dieser Artikel",
    "wie hat Ihnen dieser Artikel gefallen", "wie hat dir dieser Artikel gefallen",
    "wie hat Ihnen der Artikel gefallen", "wie hat dir der Artikel gefallen",
    "wie hilfreich war dieser Artikel", "wie hilfreich fanden Sie diesen Artikel",
    "war der Artikel nützlich", "war der Artikel hilfreich", "war dieser Artikel hilfreich",
    "war dieser Artikel nützlich", "war dieser Beitrag hilfreich", "war dieser Beitrag nützlich",
    "war diese Seite hilfreich", "war diese Information hilfreich", "war das hilfreich",
    "hat Ihnen dieser Artikel geholfen", "hat dir dieser Artikel geholfen",
    "hat Ihnen der Artikel geholfen", "hat dir der Artikel geholfen",
    "wie fanden Sie diesen Artikel", "wie findest du diesen Artikel",
    "durchschnittliche Bewertung", "Ihre Bewertung", "deine Bewertung", "Bewertung abgeben",
    "sei der Erste, der diesen Beitrag bewertet", "jetzt bewerten",
    # fr
    "noter cet article", "évaluer cet article", "notez cet article", "évaluez cet article",
    "cet article vous a-t-il été utile", "cet article vous a été utile",
    "cette page vous a-t-elle été utile", "avez-vous trouvé cet article utile",
    "aucune note", "aucun vote", "note moyenne", "votre note", "soyez le premier à noter",
    # es
    "valora este artículo", "califica este artículo", "puntúa este artículo",
    "te ha resultado útil este artículo", "te resultó útil este artículo", "te resultó útil",
    "fue útil este artículo", "te ha sido útil", "le ha resultado útil",
    "te ha resultado útil", "le resultó útil", "este artículo fue útil",
    "sin valoraciones", "aún no hay valoraciones", "puntuación media",
    # it
    "vota questo articolo", "valuta questo articolo", "questo articolo ti è stato utile",
    "questo articolo è stato utile", "ti è stato utile", "ti è stato utile questo articolo",
    "nessuna valutazione", "nessun voto", "valutazione media",
    # pt
    "avalie este artigo", "classifique este artigo", "este artigo foi útil",
    "esse artigo foi útil", "este conteúdo foi útil", "isso foi útil", "nenhuma avaliação",
    "sem avaliações", "avaliação média",
    # nl
    "beoordeel dit artikel", "was dit artikel nuttig", "was dit artikel behulpzaam",
    "was deze informatie nuttig", "was deze pagina nuttig", "heeft dit artikel je geholpen",
    "heeft dit artikel u geholpen", "nog geen beoordelingen", "geen beoordelingen",
    "gemiddelde beoordeling",
    # pl
    "oceń artykuł", "oceń ten artykuł", "czy ten artykuł był pomocny",
    "czy ten artykuł był przydatny", "czy artykuł był pomocny", "czy artykuł był przydatny",
    "czy ta informacja była pomocna", "brak ocen", "brak głosów", "średnia ocena",
)  # fmt: skip

#: Browser, JavaScript, ad-blocker and push notices: the site speaks about
#: the reader's browser, never about the story.
_NOTICES = (
    # en
    "you are using a browser version", "you are using an outdated browser",
    "you are using an out of date browser", "you are using an unsupported browser",
    "you're using an outdated browser", "you’re using an outdated browser",
    "your browser is out of date", "your browser is outdated", "your browser is not supported",
    "your browser does not support", "your browser doesn't support", "your browser doesn’t support",
    "this browser is no longer supported", "please update your browser",
    "please upgrade your browser", "please use a modern browser", "please enable JavaScript",
    "please turn on JavaScript", "please enable cookies and JavaScript", "JavaScript is disabled",
    "JavaScript is required", "JavaScript is not enabled", "JavaScript must be enabled",
    "you need to enable JavaScript", "you must enable JavaScript",
    "you need JavaScript enabled", "this site requires JavaScript",
    "this website requires JavaScript", "this page requires JavaScript",
    "it looks like you're using an ad blocker", "it looks like you’re using an ad blocker",
    "it looks like you are using an ad blocker", "we noticed you're using an ad blocker",
    "we noticed you’re using an ad blocker", "we noticed that you are using an ad blocker",
    "we've detected an ad blocker", "we’ve detected an ad blocker",
    "please disable your ad blocker", "please turn off your ad blocker",
    "please whitelist our site", "if you're running an ad-blocker",
    "if you’re running an ad-blocker", "if you're running an ad blocker",
    "if you’re running an ad blocker", "if you are using an ad blocker",
    "if you are running an ad blocker", "turn on notifications", "enable notifications",
    "allow notifications",
    # de
    "Sie verwenden einen veralteten Browser", "Sie nutzen einen veralteten Browser",
    "Sie benutzen einen veralteten Browser", "du verwendest einen veralteten Browser",
    "du nutzt einen veralteten Browser", "Ihr Browser ist veraltet", "dein Browser ist veraltet",
    "Ihr Browser wird nicht unterstützt", "dein Browser wird nicht unterstützt",
    "Ihr Browser unterstützt", "bitte aktivieren Sie JavaScript", "bitte aktiviere JavaScript",
    "bitte aktivieren Sie Javascript", "JavaScript ist deaktiviert",
    "JavaScript ist in Ihrem Browser deaktiviert", "JavaScript ist in deinem Browser deaktiviert",
    "um diese Seite nutzen zu können, aktivieren Sie JavaScript",
    "Sie verwenden einen Adblocker", "Sie nutzen einen Adblocker", "du verwendest einen Adblocker",
    "du nutzt einen Adblocker", "wir haben festgestellt, dass Sie einen Adblocker",
    "wir haben festgestellt, dass du einen Adblocker", "bitte deaktivieren Sie Ihren Adblocker",
    "bitte deaktiviere deinen Adblocker", "Benachrichtigung aktivieren",
    "Benachrichtigungen aktivieren", "Push-Benachrichtigungen aktivieren",
    # fr
    "votre navigateur est obsolète", "votre navigateur n'est pas à jour",
    "votre navigateur n’est pas à jour", "votre navigateur n'est pas supporté",
    "votre navigateur n’est pas supporté", "vous utilisez un navigateur obsolète",
    "veuillez activer JavaScript", "veuillez activer le JavaScript",
    "merci d'activer JavaScript", "merci d’activer JavaScript", "JavaScript est désactivé",
    "vous utilisez un bloqueur de publicité", "vous utilisez un bloqueur de publicités",
    "veuillez désactiver votre bloqueur", "activer les notifications",
    # es
    "tu navegador está desactualizado", "su navegador está desactualizado",
    "tu navegador no es compatible", "su navegador no es compatible",
    "estás usando un navegador", "está usando un navegador", "por favor, habilita JavaScript",
    "por favor habilita JavaScript", "por favor, activa JavaScript", "activa JavaScript",
    "habilita JavaScript", "JavaScript está desactivado", "estás usando un bloqueador de anuncios",
    "está usando un bloqueador de anuncios", "por favor, desactiva tu bloqueador",
    "activar notificaciones",
    # it
    "il tuo browser non è aggiornato", "il tuo browser non è supportato",
    "stai utilizzando un browser", "stai usando un browser", "abilita JavaScript",
    "attiva JavaScript", "per favore abilita JavaScript", "JavaScript è disabilitato",
    "stai usando un ad blocker", "stai utilizzando un ad blocker", "disattiva l'adblock",
    "disattiva l’adblock", "attiva le notifiche",
    # pt
    "seu navegador está desatualizado", "o seu navegador está desatualizado",
    "seu navegador não é compatível", "você está usando um navegador", "ative o JavaScript",
    "habilite o JavaScript", "por favor, ative o JavaScript", "o JavaScript está desativado",
    "você está usando um bloqueador de anúncios", "ativar notificações",
    # nl
    "je gebruikt een verouderde browser", "u gebruikt een verouderde browser",
    "uw browser is verouderd", "je browser is verouderd", "schakel JavaScript in",
    "JavaScript is uitgeschakeld", "je gebruikt een adblocker", "u gebruikt een adblocker",
    "meldingen inschakelen",
    # pl
    "twoja przeglądarka jest przestarzała", "używasz przestarzałej przeglądarki",
    "włącz JavaScript", "prosimy włączyć JavaScript", "JavaScript jest wyłączony",
    "używasz AdBlocka", "używasz programu do blokowania reklam", "wyłącz AdBlocka",
    "włącz powiadomienia",
)  # fmt: skip

#: Courtesy openings that notices follow ("Thank you for visiting nature.com.
#: You are using a browser version …"): a notice when the block names the
#: browser, JavaScript or an ad blocker (:data:`_NOTICE_WORDS`).
_COURTESY = (
    "thank you for visiting", "thanks for visiting", "danke für Ihren Besuch",
    "vielen Dank für Ihren Besuch", "danke für deinen Besuch", "merci de votre visite",
    "gracias por visitar", "grazie per la visita", "obrigado pela visita",
    "bedankt voor uw bezoek", "dziękujemy za odwiedziny",
)  # fmt: skip

#: Shop and deal buttons: flagged only as a whole line (price, arrows and
#: stars allowed), since "Jetzt kaufen oder warten?" opens a headline.
_BUTTONS = (
    # en
    "buy now", "buy it now", "shop now", "order now", "add to cart", "add to basket",
    "add to bag", "view deal", "see deal", "get deal", "get this deal", "check price",
    "check prices", "see price", "view price", "view on amazon", "buy on amazon",
    "check availability", "book now", "download now", "get the app", "download the app",
    "donate", "donate now", "deal expired", "report expired deal",
    # de
    "jetzt kaufen", "jetzt bestellen", "jetzt buchen", "zum Angebot", "zum Deal", "zum Shop",
    "zum Produkt", "zum Händler", "in den Warenkorb", "Deal sichern", "jetzt sichern",
    "Angebot sichern", "Preis prüfen", "Preis vergleichen", "Preise vergleichen",
    "bei Amazon ansehen", "bei Amazon kaufen", "auf Amazon ansehen", "jetzt zugreifen",
    "Deal abgelaufen", "abgelaufen", "jetzt melden", "App herunterladen", "jetzt herunterladen",
    "jetzt downloaden", "jetzt spenden",
    # fr
    "acheter", "acheter maintenant", "ajouter au panier", "voir l'offre", "voir l’offre",
    "voir le prix", "commander", "télécharger l'application", "télécharger l’application",
    # es
    "comprar", "comprar ahora", "añadir al carrito", "ver oferta", "ver precio",
    "descargar la app",
    # it
    "acquista", "acquista ora", "compra ora", "aggiungi al carrello", "vedi offerta",
    "scopri l'offerta", "scopri l’offerta", "vai all'offerta", "vai all’offerta",
    # pt
    "comprar agora", "adicionar ao carrinho", "ver preço", "baixe o app",
    # nl
    "nu kopen", "koop nu", "bestel nu", "in winkelwagen", "bekijk aanbieding",
    "naar de aanbieding",
    # pl
    "kup teraz", "dodaj do koszyka", "zobacz ofertę", "sprawdź cenę", "zamów teraz",
)  # fmt: skip

#: Login and registration prompts for taking part (commenting, posting).
_LOGIN = (
    "log in or register", "login or register", "log in or sign up", "sign in or register",
    "sign in or sign up", "register or log in", "please log in", "please sign in",
    "please register", "you must be logged in", "you need to be logged in",
    "you are not logged in", "you are not signed in",
    "anmelden oder registrieren", "einloggen oder registrieren", "registrieren oder anmelden",
    "loggen Sie sich ein oder registrieren", "melden Sie sich an oder registrieren",
    "bitte melden Sie sich an", "bitte loggen Sie sich ein", "bitte registrieren Sie sich",
    "bitte melde dich an", "bitte logge dich ein", "bitte registriere dich",
    "zum Kommentieren bitte anmelden", "Sie sind nicht angemeldet", "Sie sind nicht eingeloggt",
    "Sie sind nicht verbunden", "du bist nicht angemeldet", "du bist nicht eingeloggt",
    "connectez-vous ou inscrivez-vous", "connectez-vous pour", "vous devez être connecté",
    "inicia sesión o regístrate", "inicia sesión para", "debes iniciar sesión",
    "accedi o registrati", "accedi per", "devi essere registrato", "devi effettuare il login",
    "entre ou cadastre-se", "faça login para", "faça login ou cadastre-se",
    "você precisa estar logado", "log in of registreer", "log in om", "je moet ingelogd zijn",
    "zaloguj się lub zarejestruj", "zaloguj się, aby", "musisz być zalogowany",
)  # fmt: skip

#: Imperatives of a site action: they address the reader and name the action.
_IMPERATIVES = (
    # en
    "support", "please support", "consider supporting", "donate", "make a donation",
    "become a member", "become a supporter", "become a patron", "subscribe", "follow", "follow us",
    "follow me", "like us", "join us", "join our", "find us", "connect with us", "share this",
    "share your", "comment", "leave a comment", "leave us", "leave your", "let us know",
    "let me know", "tell us", "tell me", "write to us", "write us", "send us", "contact us",
    "get in touch", "email us", "e-mail us", "submit", "register", "sign in", "sign up",
    "log in", "login", "create an account", "create a free account", "download",
    "get the app", "get our app", "install", "rate", "review", "vote", "buy", "order",
    "visit our", "visit the", "check out our", "read our", "read the latest",
    "don't forget to", "don’t forget to", "be sure to", "make sure to", "help us", "chip in",
    "give", "enable", "update your", "turn off", "disable", "whitelist", "join", "join the",
    "have your say",
    # de
    "unterstützen Sie", "unterstütze", "unterstützt", "spenden Sie", "spende", "werden Sie",
    "werde", "abonnieren Sie", "abonniere", "folgen Sie", "folge", "folgt", "besuchen Sie",
    "besuche", "besucht", "teilen Sie", "teile", "kommentieren Sie", "kommentiere",
    "diskutieren Sie", "diskutiere", "verraten Sie", "verrate", "verratet", "schreiben Sie",
    "schreib", "schreibe", "schreibt", "sagen Sie", "sag", "sagt", "erzählen Sie", "erzähl",
    "erzähle", "kontaktieren Sie", "kontaktiere", "senden Sie", "sende", "schicken Sie",
    "schick", "hinterlassen Sie", "hinterlasse", "registrieren Sie sich", "registriere dich",
    "melden Sie sich", "melde dich", "loggen Sie sich", "logge dich", "laden Sie", "lade dir",
    "lade die", "holen Sie sich", "hol dir", "installieren Sie", "bewerten Sie", "bewerte",
    "kaufen Sie", "kauf", "bestellen Sie", "bestelle", "lesen Sie", "lies", "entdecken Sie",
    "entdecke", "sichern Sie sich", "sichere dir", "machen Sie mit", "mach mit", "macht mit",
    "helfen Sie", "hilf", "aktivieren Sie", "aktiviere", "deaktivieren Sie", "deaktiviere",
    "geben Sie", "gib", "nutzen Sie", "nutze",
    # fr
    "soutenez", "soutenir", "faites un don", "abonnez-vous", "suivez-nous", "suivez",
    "rejoignez-nous", "rejoignez", "partagez", "commentez", "laissez un commentaire",
    "laissez-nous", "écrivez-nous", "contactez-nous", "dites-nous", "donnez-nous",
    "donnez votre avis", "faites-nous part", "inscrivez-vous", "connectez-vous",
    "créez un compte", "téléchargez", "notez", "évaluez", "achetez", "commandez",
    "découvrez", "visitez", "lisez", "activez", "désactivez", "n'hésitez pas",
    "n’hésitez pas", "aidez-nous",
    # es
    "apoya", "apóyanos", "apoye", "dona", "haz una donación", "suscríbete", "suscríbase",
    "síguenos", "siguenos", "síganos", "sigue", "únete", "unete", "únase", "comparte",
    "comenta", "deja tu comentario", "déjanos", "escríbenos", "contáctanos", "cuéntanos",
    "dinos", "regístrate", "registrate", "inicia sesión", "descarga", "descargue", "valora",
    "califica", "compra", "visita", "lee", "mira", "activa", "habilita", "desactiva",
    "no dudes", "ayúdanos",
    # it
    "sostieni", "sostienici", "supporta", "fai una donazione", "abbonati", "iscriviti",
    "seguici", "segui", "unisciti", "condividi", "commenta", "lascia un commento",
    "lasciaci", "scrivici", "contattaci", "raccontaci", "dicci", "registrati", "accedi",
    "scarica", "vota", "valuta", "acquista", "visita", "leggi", "scopri", "abilita",
    "attiva", "disattiva", "non esitare", "aiutaci",
    # pt
    "apoie", "apoia", "doe", "faça uma doação", "assine", "inscreva-se", "siga-nos", "siga",
    "sigam", "junte-se", "compartilhe", "partilhe", "comente", "deixe seu comentário",
    "deixe o seu comentário", "deixe-nos", "escreva-nos", "fale conosco", "entre em contato",
    "contate-nos", "conte-nos", "diga-nos", "cadastre-se", "registe-se", "registre-se",
    "faça login", "baixe", "descarregue", "avalie", "compre", "visite", "leia", "confira",
    "ative", "habilite", "desative", "não hesite", "ajude-nos",
    # nl
    "steun", "doneer", "word lid", "word donateur", "abonneer", "volg", "deel", "reageer",
    "laat een reactie", "laat het ons weten", "laat ons weten", "laat weten", "schrijf ons",
    "mail ons", "neem contact", "vertel ons", "registreer", "meld je aan", "meld u aan",
    "beoordeel", "koop", "bestel", "bezoek", "lees", "bekijk", "schakel", "help ons",
    "aarzel niet",
    # pl
    "wesprzyj", "wspieraj", "wspomóż", "przekaż", "zasubskrybuj", "subskrybuj",
    "zaprenumeruj", "obserwuj", "polub", "dołącz", "udostępnij", "skomentuj", "komentuj",
    "napisz", "napiszcie", "skontaktuj się", "daj znać", "dajcie znać", "podziel się",
    "zarejestruj się", "zaloguj się", "pobierz", "oceń", "kup", "zamów", "odwiedź",
    "przeczytaj", "czytaj", "sprawdź", "włącz", "wyłącz", "pomóż",
)  # fmt: skip

#: Reactions the site asks about ("Enjoyed this article?", "Gefällt dir
#: unser Klettermagazin?"): they address the reader and stand for the verb.
_LIKES = (
    # en
    "enjoyed this", "did you enjoy", "did you like", "like this", "like what you", "liked this",
    "love this", "loved this", "if you enjoyed", "if you liked", "if you like", "if you love",
    "if you found", "if you value", "if you appreciate", "if you want to support",
    "if you would like to support", "found this",
    # de
    "gefällt dir", "gefällt Ihnen", "gefällt euch", "hat dir", "hat Ihnen", "hat euch",
    "dir gefällt", "Ihnen gefällt", "euch gefällt", "wenn dir", "wenn Ihnen", "wenn euch",
    "dir hat", "Ihnen hat", "Sie mögen", "du magst", "magst du", "mögen Sie", "Sie schätzen",
    "du schätzt", "wenn Sie unsere", "wenn du unsere", "wenn Sie unseren", "wenn du unseren",
    # fr
    "vous avez aimé", "cet article vous a plu", "vous aimez", "si vous avez aimé",
    "si vous aimez", "si cet article vous a plu", "tu as aimé", "si tu as aimé",
    # es
    "te gustó", "te ha gustado", "si te gustó", "si te ha gustado", "si te gusta",
    "le gustó", "si le gustó", "te gusta",
    # it
    "ti è piaciuto", "ti è piaciuta", "se ti è piaciuto", "se ti è piaciuta", "ti piace",
    "se ti piace", "vi è piaciuto",
    # pt
    "gostou", "se você gostou", "se gostou", "curtiu", "você gostou", "se você gosta",
    # nl
    "vond je dit", "vond u dit", "vind je dit", "heb je genoten", "als je dit", "als u dit",
    "beviel dit",
    # pl
    "podobał ci się", "podobał Ci się", "podoba ci się", "podoba Ci się", "jeśli podobał",
    "jeżeli podobał", "spodobał ci się", "spodobał Ci się", "doceniasz",
)  # fmt: skip

#: The site invites or thanks the reader ("We want to hear", "Czekamy na",
#: "Ihr Beitrag hilft", "Bei Fragen"): they stand for the verb.
_INVITES = (
    # en
    "we want to hear", "we'd love to hear", "we’d love to hear", "we would love to hear",
    "we love to hear", "we welcome", "we invite you", "we value your", "we need your",
    "we rely on", "we depend on", "your support", "your contribution", "your donation",
    "your feedback", "your opinion", "your thoughts", "questions or comments",
    "questions about", "have a question", "got a question", "got a tip", "have a tip",
    "do you have a question", "do you have a tip", "thank you for reading",
    "thanks for reading", "I'd love to hear", "I’d love to hear", "I would love to hear",
    # de
    "wir freuen uns", "ich freue mich", "wir würden uns", "ich würde mich",
    "dann würde ich mich", "dann würden wir uns", "wir sind gespannt", "ich bin gespannt",
    "wir brauchen Ihre", "wir brauchen deine", "Ihr Beitrag", "Ihre Unterstützung",
    "Ihre Spende", "deine Unterstützung", "deine Spende", "Ihre Meinung", "deine Meinung",
    "eure Meinung", "bei Fragen", "haben Sie Fragen", "hast du Fragen", "Sie haben Fragen",
    "du hast Fragen", "haben Sie Anregungen", "Sie haben eine Frage", "haben Sie einen Tipp",
    "Fragen und Anregungen", "Fragen oder Anregungen", "danke fürs Lesen",
    "vielen Dank fürs Lesen", "möchten Sie", "möchtest du", "Sie möchten", "du möchtest",
    "wollen Sie", "willst du", "dürfen wir",
    # fr
    "nous voulons", "nous attendons vos", "nous aimerions", "votre avis", "votre soutien",
    "vos commentaires", "vous avez une question", "une question", "des questions",
    "merci d'avoir lu", "merci d’avoir lu", "merci de nous lire", "vous souhaitez",
    # es
    "queremos saber", "nos encantaría", "tu opinión", "tu apoyo", "su apoyo",
    "tienes alguna pregunta", "tienes dudas", "gracias por leer", "quieres", "si quieres",
    # it
    "vogliamo sapere", "la tua opinione", "il tuo sostegno", "il tuo contributo",
    "hai domande", "grazie per aver letto", "vuoi",
    # pt
    "queremos saber", "sua opinião", "a sua opinião", "seu apoio", "o seu apoio",
    "tem alguma dúvida", "obrigado por ler", "quer",
    # nl
    "we horen graag", "wij horen graag", "je mening", "uw mening", "jouw steun", "uw steun",
    "heb je vragen", "heeft u vragen", "bedankt voor het lezen", "wil je", "wilt u",
    # pl
    "czekamy na", "zapraszamy", "chcemy poznać", "twoja opinia", "wasze opinie",
    "twoje wsparcie", "masz pytania", "masz pytanie", "dziękujemy za lekturę", "chcesz",
)  # fmt: skip

#: Frames that address the reader or lead into an imperative ("If you",
#: "Bitte", "Click here"): an appeal only with a site verb *and* an object.
_FRAMES = (
    "if you", "you can", "you may", "you could", "please", "click here", "just click",
    "simply", "get the latest", "get our", "want to", "do you want", "would you",
    "wenn Sie", "wenn du", "falls Sie", "falls du", "bitte", "einfach", "klicken Sie hier",
    "klicke hier", "Sie können", "du kannst", "ihr könnt",
    "si vous", "si tu", "cliquez ici", "merci de", "vous pouvez", "tu peux",
    "por favor", "haz clic", "puedes", "per favore", "clicca", "puoi",
    "clique", "você pode", "als je", "als u", "klik", "graag", "je kunt", "u kunt",
    "jeśli", "jeżeli", "prosimy", "kliknij", "zachęcamy", "możesz",
    # purposes that lead into an imperative ("Para apoyar nuestro periodismo, suscríbete")
    "to support", "to help us", "um uns", "um unsere", "um unseren", "pour soutenir",
    "pour nous", "para apoyar", "para seguir", "per sostenere", "per seguire",
    "para apoiar", "om ons", "aby wesprzeć",
)  # fmt: skip

#: Bare sentence openings ("Jetzt neu! Besuchen Sie …", "For the latest …
#: download our app"): an appeal only with a pronoun of address as well.
#: Conditional and purpose words that open every other sentence of Romance
#: prose ("Se", "Si", "Para", "Pour") gave 39-line candidates per corpus hit
#: and are covered by the longer frames ("se ti è piaciuto", "pour soutenir").
_BARE = ("for the latest", "for more", "why not", "hier", "jetzt", "ya sabías")

#: Opening families. A phrase listed in two families belongs to the later one:
#: the more specific families come last.
_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("bare", _BARE),
    ("frame", _FRAMES),
    ("invite", _INVITES),
    ("like", _LIKES),
    ("imperative", _IMPERATIVES),
    ("courtesy", _COURTESY),
    ("login", _LOGIN),
    ("button", _BUTTONS),
    ("notice", _NOTICES),
    ("rating", _RATING),
)
#: Families whose opening stands for the site verb ("Gefällt dir …?", "Czekamy na …").
_STANDS_FOR_VERB = frozenset(("like", "invite", "login"))


#: Longest opening, in words, looked for in UPPER and Title Case as well.
_MAX_SHOUTED_WORDS = 3
#: English imperatives that are also nouns, followed by a word that makes
#: them the noun ("Support for the bill grew", "Review of the year").
_NOUN_USE = re.compile(
    r"(?:Support|Comment|Order|Review|Vote|Rate|Shop|Download|Register|Share|Visit|Follow"
    r"|Subscribe|Donate|Install|Submit|Buy|Give|Add|Help|Join|Contact|Read)"
    r" (?:for|of|among|was|is|has|had|from|by|in|at|and|will|would|could|can|may|might"
    r"|should|must|are|were|remains|grew|fell|rose|comes|came)\b"
)
#: Characters that may open a line before an opening of each family: a
#: bracket around a widget ("(Noch keine Bewertungen)"), Spanish opening
#: marks ("¿Te gustó …?", "¡Síguenos!"). Quotation marks are not among them:
#: an appeal in quotes ("„Unterstützen Sie uns“, sagte …") is someone's
#: words in the story.
_LEADS = MappingProxyType(
    {
        "rating": "(¿",
        "button": "(",
        "imperative": "¡",
        "like": "¿¡",
        "invite": "¿",
        "frame": "¿",
        "bare": "¿",
    }
)


def _opening_spellings() -> dict[str, str]:
    """Every spelling of every opening (as it may open a line) and its family.

    Lower-case spellings are left out: lines open with a capital (see
    ``share``), and each lower-case first letter would be one more branch
    that the engine tries at every line of every page. UPPER and Title Case
    spellings are kept for phrases of up to :data:`_MAX_SHOUTED_WORDS` words
    (buttons and menu items: "FOLGEN SIE UNS", "Contact Us"); for all phrases
    they made the scan a third slower (32 against 24 µs per page, measured
    on the development dumps) and matched nothing more there.
    """
    family_of: dict[str, str] = {}
    for family, phrases in _FAMILIES:
        for phrase in phrases:
            spellings = (
                case_variants(phrase)
                if phrase.count(" ") < _MAX_SHOUTED_WORDS
                else {phrase[:1].upper() + phrase[1:]}
            )
            for spelling in spellings:
                if not spelling[:1].islower():
                    family_of[spelling] = family
                    for lead in _LEADS.get(family, ""):
                        family_of[lead + spelling] = family
    return family_of


_SPELLINGS = _opening_spellings()
_FAMILY_OF = MappingProxyType({s.lower(): f for s, f in _SPELLINGS.items()})

#: The one scan: a line that opens with an opening.
_SCAN = re.compile(rf"\n(?:{phrase_trie(_SPELLINGS, variants=False)})(?![^\W_])")

# --- Evidence inside a candidate line ----------------------------------------------
# Searched in the lower-cased line from its opening on. Each
# vocabulary is a literal trie behind one word-start anchor: the engine
# checks the trie only where a word starts, one branch per letter (a plain
# alternation of the same words cost five times as much, measured on the
# candidate blocks of the development dumps). A ``*`` marks a word start
# ("support*" takes "supporting"); other entries must end a word. Word
# starts that open common prose words are spelt out: "volg*" would take
# "volgens", "segu*" "seguridad", "cuent*" "cuenta", "order" "in order to".

#: Action verbs about the site, by the reason code they give an appeal.
_VERBS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "support",
        (
            "support*", "donat*", "contribut*", "chip in", "patreon*", "unterstütz*", "spende",
            "spenden", "spendet", "soutien*", "souten*", "faites un don", "faire un don",
            "apoy*", "apóy*", "donación", "sostien*", "sosteni*", "supporta", "donazion*",
            "apoie", "apoia", "doaç*", "steun", "steunen", "doneer", "donatie*", "wesprz*",
            "wspier*", "wspar*", "wpłać*", "darowizn*", "become a member", "become a supporter",
            "become a patron", "become a subscriber", "werden sie mitglied",
            "werden sie abonnent", "werden sie förderer", "werden sie unterstützer",
            "werde mitglied", "werde abonnent", "werde förderer", "werde unterstützer",
        ),
    ),
    (
        "feedback",
        (
            "comment*", "kommentar*", "kommentier*", "diskut*", "verrat*", "comentar*",
            "comenta*", "commenta*", "comente*", "reageer*", "reageren", "reactie*", "komentuj*",
            "skomentuj*", "komentarz*", "komentow*", "contact*", "get in touch", "write to",
            "write us", "let us know", "let me know", "tell us", "tell me", "send us",
            "email us", "e-mail us", "hear from you", "hear what you", "hear your", "submit*",
            "kontakt*", "schreib*", "sagen sie uns", "sag uns", "erzähl*", "mitteil*",
            "teilen sie uns", "teile uns", "rückmeld*", "feedback*", "anregung*", "écriv*",
            "dites-nous", "faites-nous", "contactez*", "escrib*", "cuéntanos", "cuentanos",
            "dinos", "scriv*", "raccontaci", "raccontateci", "dicci", "contatt*", "escrev*",
            "fale conosco", "conte-nos", "diga-nos", "schrijf*", "mail ons", "laat ons weten",
            "laat het ons weten", "neem contact*", "vertel ons", "napisz*", "skontaktuj*",
            "daj znać", "dajcie znać", "czekamy*", "podziel się",
        ),
    ),
    (
        "follow",
        (
            "follow*", "folg", "folge", "folgen", "folgt", "abonn*", "subscri*", "suscri*",
            "abbona*", "assin*", "abonneer*", "subskryb*", "zasubskryb*", "subskrypcj*",
            "prenumer*", "suivez", "suivre", "síguenos", "siguenos", "síganos", "sígueme",
            "sigue a", "sigue al", "sigue nuestr*", "seguici", "segui", "seguiteci", "siga",
            "sigam", "volg", "volgt", "volgen", "obserwuj*", "polub*", "like us", "find us",
            "join*", "beitreten", "rejoign*", "únete", "unete", "únase", "uniscit*", "junte*",
            "dołącz*", "besuch*", "visit*", "bezoek*", "odwiedź*", "lesen sie", "read our",
            "lisez", "leggi*", "leia", "lees", "czytaj*", "przeczytaj*", "entdeck*", "découvr*",
            "descubr*", "scopri*", "confira", "bekijk*", "mira", "check out", "share this",
            "share it", "share your", "share on", "share via", "share with", "teilen", "teile",
            "partag*", "compart*", "condivid*", "partilh*", "deel dit", "deel deze", "deel het",
            "deel op", "deel via", "delen op", "delen via", "udostępn*", "download*",
            "herunterlad*", "lade dir", "lade die", "lade sie", "lade jetzt", "laden sie",
            "installier*", "install", "télécharg*", "descarg*", "scarica*", "baixe", "baixar",
            "descarreg*", "pobierz*", "get the app", "hol dir", "holen sie sich",
            "get the latest", "get our",
        ),
    ),
    (
        "register",
        (
            "regist*", "sign in", "sign up", "login*", "log in", "create an account",
            "create a free account", "anmeld*", "einlogg*", "logg*", "inscri*", "connect*",
            "inicia sesión", "accedi", "cadastr*", "faça login", "inlogg*", "meld je aan",
            "meld u aan", "zaloguj*", "zarejestruj*", "melden sie sich", "melde dich",
        ),
    ),
    (
        "rating",
        (
            "rate this", "rate it", "rate us", "rate our", "rate the article", "rate the post",
            "rate the recipe", "rate the story", "bewert*", "notez", "noter", "évalu*",
            "valora*", "califica*", "valuta*", "avali*", "beoordeel*", "oceń*",
        ),
    ),
    (
        "purchase",
        (
            "buy*", "order now", "order online", "order today", "order yours", "order a copy",
            "order your", "order our", "order it", "purchase*", "kauf*", "bestell*", "achet*",
            "commandez", "commander", "compra", "comprar", "compre", "comprate", "acquist*",
            "koop", "kopen", "bestel", "kup", "kupuj*", "zamów*",
        ),
    ),
)  # fmt: skip

#: Determiners of the site's own things ("our", "unsere", "notre" …), before
#: an optional word and a :data:`_SITE_NOUNS` noun, which may end a compound
#: ("unser Klettermagazin", "unseren Fan-Shop").
_POSSESSIVES = (
    "our", "my", "unser", "unsere", "unseren", "unserem", "unserer", "unseres", "mein",
    "meine", "meinen", "meinem", "meiner", "meines", "notre", "nos", "mon", "ma", "mes",
    "nuestro", "nuestra", "nuestros", "nuestras", "mi", "mis", "il nostro", "la nostra",
    "i nostri", "le nostre", "nostro", "nostra", "nosso", "nossa", "nossos", "nossas",
    "meu", "minha", "ons", "onze", "mijn", "nasz", "nasza", "naszą", "naszego", "naszej",
    "naszym", "nasze", "naszych", "mój", "moja", "moją", "mojego", "moim",
)  # fmt: skip
#: Demonstratives that point at the page the reader is on ("this article").
_DEMONSTRATIVES = (
    "this", "diese", "diesen", "diesem", "dieser", "dieses", "zu diesem", "zum", "cet",
    "cette", "ce", "este", "esta", "questo", "questa", "esse", "essa", "deste", "desta",
    "neste", "nesta", "dit", "deze", "ten", "tego", "tym", "tej", "pod tym", "pod",
)  # fmt: skip
_SITE_NOUNS = (
    # en
    "article", "post", "story", "piece", "page", "site", "website", "blog", "recipe",
    "recipes", "video", "videos", "podcast", "content", "work", "journalism", "reporting",
    "newsroom", "magazine", "newsletter", "newsletters", "app", "apps", "shop", "store",
    "channel", "community", "team", "editors", "journalists", "mission", "coverage",
    "articles", "stories", "posts", "paper", "newspaper", "publication", "form",
    # de
    "artikel", "beitrag", "beiträge", "text", "thema", "rezept", "rezepte", "seite",
    "arbeit", "journalismus", "magazin", "zeitung", "redaktion", "kanal", "webseite",
    "angebot", "berichterstattung", "inhalte", "netiquette", "portal", "formular",
    # fr
    "billet", "vidéo", "vidéos", "travail", "journal", "journalisme", "application",
    "appli", "boutique", "chaîne", "rédaction", "communauté", "équipe", "articles",
    "contenus", "indépendance", "formulaire",
    # es
    "artículo", "artículos", "nota", "página", "sitio", "web", "trabajo", "periodismo",
    "revista", "boletín", "aplicación", "tienda", "canal", "redacción", "comunidad",
    "equipo", "contenido", "formulario",
    # it
    "articolo", "articoli", "pagina", "sito", "lavoro", "giornalismo", "giornale",
    "redazione", "rivista", "canale", "comunità", "negozio", "contenuto", "modulo",
    # pt
    "artigo", "artigos", "conteúdo", "jornalismo", "aplicativo", "redação", "loja",
    "comunidade", "equipe",
    # nl
    "bericht", "werk", "journalistiek", "nieuwsbrief", "redactie", "winkel", "kanaal",
    "artikelen", "formulier",
    # pl
    "artykuł", "artykułu", "artykułem", "tekst", "tekstu", "tekstem", "materiał", "stronę",
    "strony", "stronie",
    "pracę", "pracy", "portalu", "serwis", "serwisu", "redakcji", "redakcja", "kanał",
    "sklep", "aplikację", "aplikacji", "dziennikarstwo", "społeczność", "tygodnik",
    "magazyn", "formularz",
)  # fmt: skip
#: Objects that are the site's own without a determiner: its comments, its
#: editors, its newsletter, the social media it is on, the pronoun it speaks
#: of itself with, and pointers to its own widgets ("click here", "below").
_SITE_OBJECTS = (
    # en
    "journalism", "comment", "comments", "comment section", "letter to the editor",
    "the article", "the post", "the story", "den artikel", "den beitrag", "dem artikel",
    "dem beitrag", "l'article", "l’article", "el artículo", "l'articolo", "l’articolo",
    "o artigo", "het artikel",
    "letters to the editor", "the editor", "the editors", "newsletter*", "social media",
    "subscription*", "e-paper", "epaper", "patreon", "paypal", "us", "to your phone",
    "to your inbox", "to your smartphone", "to your mobile", "click here", "below",
    # de
    "journalismus", "kommentar*", "leserbrief*", "redaktion", "netiquette",
    "sozialen medien", "sozialen netzwerken", "abo", "abonnement*", "einzelheft*",
    "berichterstattung", "uns", "magazin*", "hier klicken", "klicken sie hier",
    "klicke hier", "unten",
    # fr
    "journalisme", "commentaire", "commentaires", "rédaction", "courrier des lecteurs",
    "réseaux sociaux", "nous", "-nous", "cliquez ici", "ci-dessous",
    # es
    "periodismo", "comentario", "comentarios", "redacción", "carta al director",
    "redes sociales", "nosotros", "síguenos", "siguenos", "síganos", "escríbenos",
    "escribenos", "contáctanos", "contactanos", "cuéntanos", "apóyanos", "apoyanos",
    "ayúdanos", "déjanos", "dinos", "envíanos", "visítanos", "haz clic aquí",
    "haga clic aquí", "aquí abajo", "-nos",
    # it
    "giornalismo", "commenti", "redazione", "social network", "seguici", "scrivici",
    "contattaci", "sostienici", "aiutaci", "raccontaci", "dicci", "lasciaci", "clicca qui",
    "qui sotto",
    # pt
    "jornalismo", "comentário", "comentários", "redação", "redes sociais", "conosco",
    "clique aqui",
    # nl
    "journalistiek", "reactie", "reacties", "redactie", "sociale media", "nieuwsbrie*",
    "ons", "klik hier", "hieronder",
    # pl
    "dziennikarstw*", "komentarz*", "redakcj*", "mediach społecznościowych",
    "media społecznościowe", "nas", "nam", "z nami", "prenumerat*", "subskrypcj*",
    "tygodni*", "mail", "maile", "maila", "kliknij tutaj", "poniżej",
)  # fmt: skip
#: Things of the reader's that a how-to page also names ("Sign in to your
#: account", "Download it from the App Store"): alone they make a weak appeal.
_READER_OBJECTS = (
    "your account", "ihr konto", "ihrem konto", "dein konto", "deinem konto",
    "kundenkonto*", "votre compte", "tu cuenta", "su cuenta", "il tuo account", "sua conta",
    "je account", "uw account", "twoje konto", "app store", "google play", "app", "apps",
    "-app", "shop", "-shop", "onlineshop", "webshop", "boutique", "tienda", "negozio",
    "loja", "winkel", "sklep", "facebook*", "twitter*", "instagram*", "youtube*",
    "telegram*", "tiktok", "whatsapp*", "linkedin*", "mastodon", "abajo", "abaixo",
)  # fmt: skip
#: Pronouns of the site as objects ("uns", "nous"): they count only right
#: next to the verb ("Kontakt zu uns", "contact us"), since "bei uns" or
#: "nous avons" a sentence away is something else.
_PRONOUN_OBJECTS = frozenset(
    ("us", "uns", "nous", "-nous", "-nos", "ons", "nas", "nam", "z nami", "nosotros")
)
#: Imperatives with the site's pronoun fused in ("Síguenos", "Seguici"):
#: verb and object in one word.
_FUSED_OBJECTS = frozenset(
    (
        "síguenos", "siguenos", "síganos", "escríbenos", "escribenos", "contáctanos",
        "contactanos", "cuéntanos", "apóyanos", "apoyanos", "ayúdanos", "déjanos", "dinos",
        "envíanos", "visítanos", "seguici", "scrivici", "contattaci", "sostienici", "aiutaci",
        "raccontaci", "dicci", "lasciaci",
    )
)  # fmt: skip
#: Words of a browser notice, checked after a courtesy opening.
_NOTICE_WORDS = (
    "browser*", "javascript", "ad blocker*", "ad-blocker*", "adblock*", "navigateur*",
    "navegador*", "przeglądark*", "bloqueur*", "bloqueador*",
)  # fmt: skip
#: Reported speech: an appeal next to one of these is someone's words in
#: the story ("Support us, the union leader told the crowd"). None of the
#: calls to action found on the development corpus has one.
_REPORTING_VERBS = (
    "said", "says", "told", "asked", "urged", "wrote", "sagte", "sagt", "erklärte",
    "betonte", "forderte", "appellierte", "schrieb", "a déclaré", "a dit", "a affirmé",
    "a expliqué", "dijo", "afirmó", "explicó", "pidió", "ha detto", "ha dichiarato",
    "ha spiegato", "disse", "afirmou", "explicou", "pediu", "zei", "zegt", "vroeg",
    "powiedział", "powiedziała", "stwierdził",
)  # fmt: skip


def _word_trie(entries: Iterable[str]) -> str:
    """Regex source for ``entries`` at a word start (``*``: the entry may go on)."""
    entries = tuple(entries)
    stems = [e[:-1] for e in entries if e.endswith("*")]
    words = [e for e in entries if not e.endswith("*")]
    parts = []
    if words:
        parts.append(rf"(?:{phrase_trie(words, variants=False)})(?![^\W_])")
    if stems:
        parts.append(f"(?:{phrase_trie(stems, variants=False)})")
    return r"\b(?:" + "|".join(parts) + ")"


_VERB = re.compile(_word_trie(e for _, entries in _VERBS for e in entries))
#: Reason code of each verb as matched (the matched text is the entry, stem or word).
_VERB_CODE = MappingProxyType({e.rstrip("*"): code for code, entries in _VERBS for e in entries})
_STRONG_OBJECT = re.compile(
    rf"{_word_trie(_SITE_OBJECTS)}"
    rf"|\b(?:{phrase_trie(_POSSESSIVES, variants=False)}) (?:[\w-]+ )?[\w-]{{0,20}}?"
    rf"(?:{phrase_trie(_SITE_NOUNS, variants=False)})(?![^\W_])"
    rf"|\b(?:{phrase_trie(_DEMONSTRATIVES, variants=False)}) "
    rf"(?:{phrase_trie(_SITE_NOUNS, variants=False)})(?![^\W_])"
)
_WEAK_OBJECT = re.compile(_word_trie(_READER_OBJECTS))
_NOTICE_WORD = re.compile(_word_trie(_NOTICE_WORDS))
_REPORTED = re.compile(_word_trie(_REPORTING_VERBS))

#: The reader addressed: second-person pronouns per page language, case
#: kept where case tells them apart (German "Sie"/"Ihr" against "sie"/"ihr",
#: Italian "Lei" against "lei"). Per language because the short ones are
#: other words elsewhere: German "du" is French "of the", Dutch "je" is
#: French "I", Polish "was" is English. Only the bare openings need them;
#: the others address the reader by themselves.
_PRONOUNS = MappingProxyType(
    {
        "en": r"[Yy]ou(?:r|rs|rself)?|YOU",
        "de": r"Sie|Ihnen|Ihre?[nmrs]?|[Dd]u|[Dd]ich|[Dd]ir|[Dd]ein(?:e[nmrs]?)?|[Ee]uch"
        r"|[Ee]ure?[nmrs]?",
        "fr": r"[Vv]ous|[Vv]otre|[Vv]os|[Tt]u|[Tt]e|[Tt]oi|[Tt]on|[Tt]a|[Tt]es",
        "es": r"[Uu]sted(?:es)?|[Tt]u|[Tt]ús?|[Tt]e|[Tt]i|[Cc]ontigo|[Vv]osotr[oa]s",
        "it": r"[Tt]u|[Tt]i|[Tt]e|[Tt]uo|[Tt]ua|[Tt]uoi|[Tt]ue|Lei|[Vv]oi|[Vv]i|[Vv]ostr[oaie]",
        "pt": r"[Vv]oc[êe]s?|[Tt]e|[Tt]i|[Tt]eu|[Tt]ua|[Ss]eu|[Ss]ua",
        "nl": r"[Jj]e|[Jj]ij|[Jj]ou|[Jj]ouw|[Uu]|[Uu]w|[Jj]ullie",
        "pl": r"[Tt]y|[Cc]i|[Cc]ię|[Tt]obie|[Tt]w(?:ój|oja|oje|oją|ojego|oich)|Pan|Pani|Państw[oau]"
        r"|[Ww]asz[aey]?|[Ww]as|[Ww]am|[Ww]y",
    }
)
#: Without a page language: the pronouns that are no other word of these languages.
_UNAMBIGUOUS_PRONOUNS = (
    r"[Yy]ou(?:r|rs|rself)?|YOU|Sie|Ihnen|Ihre?[nmrs]?|[Dd]ich|[Dd]ein(?:e[nmrs]?)?|[Ee]uch"
    r"|[Vv]ous|[Vv]otre|[Uu]sted(?:es)?|[Vv]oc[êe]s?|[Jj]ij|[Jj]ouw|[Uu]w|[Cc]ię|Państw[oau]"
)
_ADDRESS = MappingProxyType(
    {
        lang: re.compile(rf"\b(?:{_UNAMBIGUOUS_PRONOUNS}|{words})\b")
        for lang, words in _PRONOUNS.items()
    }
)
_ADDRESS_ANY = re.compile(rf"\b(?:{_UNAMBIGUOUS_PRONOUNS})\b")
#: How far, in characters, an object may stand from the verb (or, without a
#: verb, from the opening): "Unterstützen Sie unsere kritische, unzensurierte
#: Berichterstattung" is 45; a pronoun object stands within a few words.
_MAX_OBJECT_GAP_CHARS = 60
_MAX_PRONOUN_GAP_CHARS = 20

#: A whole line of buttons: button phrases, prices, arrows, stars and
#: punctuation ("Deal abgelaufen? Jetzt melden! Abgelaufen?", "Jetzt kaufen
#: » 19,99 €"). Buttons start with a letter and the fillers contain none, so
#: a line parses in one way only.
_BUTTON_LINE = re.compile(
    rf"(?:(?:{phrase_trie(_BUTTONS)})(?![^\W_])|[\s\d.,:;!?*»›>→()\[\]€$£%+/|-]"
    r"|(?<![^\W_])(?:zł|EUR|USD|CHF|eur|usd|chf|ab)(?![^\W_])){1,80}"
)


def _site_object(lower: str, verb: re.Match[str] | None) -> str | None:
    """The site's own object next to the verb (or the opening), if any.

    A one-word verb is not its own object ("Comment" is no "comment
    section"); a verb phrase may hold it ("let us know", "teilen Sie uns").
    """
    if verb is None:
        start = end = 0
    else:
        start, end = verb.span()
    phrase = verb is not None and " " in verb.group()
    for found in _STRONG_OBJECT.finditer(lower):
        o_start, o_end = found.span()
        if o_start < end and o_end > start:
            if phrase or found.group() in _FUSED_OBJECTS:
                return found.group()
            continue
        gap = o_start - end if o_start >= end else start - o_end
        text = found.group()
        limit = _MAX_PRONOUN_GAP_CHARS if text in _PRONOUN_OBJECTS else _MAX_OBJECT_GAP_CHARS
        if gap <= limit:
            return text
        if o_start > end + _MAX_OBJECT_GAP_CHARS:
            break
    return None


class CallToActionConfig(DetectorConfig):
    """Settings of :class:`CallToActionDetector`."""

    #: Longest block, in words, that may be an appeal or a notice. 60: the
    #: calls to action of the development corpus run 3-50 words ("Lesen Sie
    #: das BIKE Magazin … Einzelheft:" 26, the nature.com browser notice 49);
    #: a longer block that addresses the reader is article prose.
    max_words: int = Field(default=60, gt=0, le=1000)
    #: Appeals up to this many words are surer (0.7 instead of 0.65): a
    #: two-sentence ask is rarely anything else.
    max_short_appeal_words: int = Field(default=25, gt=0, le=1000)
    #: Longest rating widget or login prompt block, in words. 20: widgets run
    #: 2-12 words with their counters ("No votes so far! Be the first to rate
    #: this post.").
    max_widget_words: int = Field(default=20, gt=0, le=1000)
    #: Confidence of fixed widget and notice phrases (final in the block model).
    widget_confidence: float = Field(default=0.9, ge=0.0, le=1.0)
    #: Confidence of an appeal (site verb and site object); the short ones get
    #: :attr:`short_appeal_confidence`. Below 0.85 so the block model may keep it.
    appeal_confidence: float = Field(default=0.65, ge=0.0, le=1.0)
    short_appeal_confidence: float = Field(default=0.7, ge=0.0, le=1.0)
    #: Confidence of a weak appeal: not enough to remove a block by itself.
    weak_confidence: float = Field(default=0.45, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _limits_nest(self) -> CallToActionConfig:
        if self.max_short_appeal_words > self.max_words:
            raise ValueError("max_short_appeal_words must not exceed max_words")
        if self.max_widget_words > self.max_words:
            raise ValueError("max_widget_words must not exceed max_words")
        if not self.weak_confidence <= self.appeal_confidence <= self.short_appeal_confidence:
            raise ValueError(
                "confidences must grow: weak_confidence <= appeal_confidence"
                " <= short_appeal_confidence"
            )
        return self


def _line_matches(page: Page) -> list[tuple[int, re.Match[str]]]:
    """Every line-opening match with its block index (several per grouped block).

    The page's first block, which no newline precedes, is searched as a copy
    of itself framed with one (copying the whole page would cost more).
    """
    found = [(0, m) for m in _SCAN.finditer("\n" + page.blocks[0].text)]
    block_at = page.block_at
    found.extend((block_at(m.start() + 1), m) for m in _SCAN.finditer(page.joined))
    return found


class CallToActionDetector(Detector):
    """Flags short blocks in which the site asks the reader to act on the site."""

    name = "call_to_action"
    Config = CallToActionConfig
    config: CallToActionConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        if not page.blocks:
            return []
        max_words = self.config.max_words
        blocks = page.blocks
        best: dict[int, Verdict] = {}
        for index, match in _line_matches(page):
            block = blocks[index]
            if block.n_words > max_words:
                continue
            verdict = self._judge(page, block, match)
            if verdict is not None:
                current = best.get(index)
                if current is None or verdict.confidence > current.confidence:
                    best[index] = verdict
        return [best[i] for i in sorted(best)]

    def _judge(self, page: Page, block: Block, match: re.Match[str]) -> Verdict | None:
        """The verdict for ``block`` whose line opens with ``match`` (``None``: not a call)."""
        cfg = self.config
        string = match.string
        line_end = string.find("\n", match.end())
        line = string[match.start() + 1 : line_end if line_end >= 0 else len(string)]
        family = _FAMILY_OF[string[match.start() + 1 : match.end()].lower()]
        widget = cfg.widget_confidence
        if family == "notice":
            return self._verdict(block, "browser_notice", f"browser notice {line[:60]!r}", widget)
        short = block.n_words <= cfg.max_widget_words
        if family == "button":
            if short and _BUTTON_LINE.fullmatch(line):
                return self._verdict(block, "shop_button", f"shop or deal button {line!r}", widget)
            family = "imperative"  # "Donate to …", "Commander …": judged as an appeal
        elif family == "rating":
            if short:
                return self._verdict(block, "rating_widget", f"rating widget {line[:60]!r}", widget)
            family = "imperative"
        elif family == "login" and short:
            return self._verdict(block, "login_prompt", f"login prompt {line[:60]!r}", widget)
        elif _NOUN_USE.match(line) is not None:
            return None  # "Support for the bill grew", "Order of the day": a noun
        elif " " not in line and "-" not in line:
            # A single word ("Shop", "Login", "Spenden") has no object:
            # a menu item or a button, which the other families cover.
            return None
        # The call is judged on its own line: in a grouped block (a menu,
        # a sign-up box) the next line is another item.
        tail = line
        lower = line.lower()
        if family == "courtesy":
            if _NOTICE_WORD.search(lower) is None:
                return None
            return self._verdict(block, "browser_notice", f"browser notice {line[:60]!r}", widget)
        return self._appeal(page, block, family, tail, lower)

    def _appeal(
        self, page: Page, block: Block, family: str, tail: str, lower: str
    ) -> Verdict | None:
        """Grade an appeal by its address, site verb and site object (see module doc)."""
        cfg = self.config
        verb = _VERB.search(lower)
        if verb is None and family not in _STANDS_FOR_VERB:
            return None
        if family == "bare":
            address = _ADDRESS.get(page.language or "", _ADDRESS_ANY)
            if address.search(tail) is None:
                return None
        # An opening that stands for the verb is where the object is looked
        # for ("Ich freue mich über eure Kommentare": "Kommentare" is the object).
        strong = _site_object(lower, None if family in _STANDS_FOR_VERB else verb)
        reported = strong is not None and _REPORTED.search(lower) is not None
        if strong is not None and not reported:
            if verb is not None:
                code = _VERB_CODE[verb.group()]
            else:
                code = "support" if family == "like" else "feedback"
            confidence = (
                cfg.short_appeal_confidence
                if block.n_words <= cfg.max_short_appeal_words
                else cfg.appeal_confidence
            )
            return self._verdict(
                block,
                code,
                f"appeal to the reader about the site ({strong!r}): {tail[:60]!r}",
                confidence,
            )
        if strong is None and (
            verb is None or (family not in _STANDS_FOR_VERB and _WEAK_OBJECT.search(lower) is None)
        ):
            # An imperative without any object of the site is how-to prose
            # ("Install dependencies early in your Dockerfile").
            return None
        why = "in reported speech" if reported else "without the site's own object"
        return self._verdict(
            block, "weak_appeal", f"appeal to the reader {why}: {tail[:60]!r}", cfg.weak_confidence
        )

    def _verdict(self, block: Block, code: str, reason: str, confidence: float) -> Verdict:
        return self.verdict(block.index, BlockKind.CALL_TO_ACTION, code, reason, confidence)
