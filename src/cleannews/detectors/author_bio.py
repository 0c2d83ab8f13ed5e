"""Author boxes ("About the author"): the short biography that follows an article or a post.

An author box has a few shapes, often together: a heading ("About the
author", "Über die Autorin", "À propos de l'auteur"), the author's name on a
line of its own, a short biography, and a link to the author's other posts
("View all posts by Jane Doe", "Zeige alle Beiträge von …"). The biography is
written in the third person present with a role noun ("Jane Doe is a senior
editor …", "Matthias Weber ist ERP-Experte …", "X est journaliste …") or in
the first person ("Ich bin Eleonore, Betreiberin von …", "I'm Amy and …").

Headings and "all posts" links are unambiguous (``author_bio.header``,
``author_bio.all_posts``); the blocks between them and a name are the box
(``author_bio.unit``). A biography on its own is only a *shape*: an article
quoting an expert ("Smith is a professor at …") has it too. So it is graded
by structure and position:

* ``author_bio.named``: a short paragraph that opens with a name and a role
  ("Jane Doe is a senior editor", "X lehrt Geschichte an …"), with the name
  on a line of its own just above (0.7), or standing after most of the
  page's prose (0.65); elsewhere it is not flagged;
* ``author_bio.self_intro``: a short first-person introduction ("Ich bin
  Steffi, …", "Hi, I'm Amy and …"), graded the same way;
* ``author_bio.follow``: a line asking to follow a person on a network
  ("Follow Jane Doe on Twitter").
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable

from pydantic import Field

from .._kinds import BlockKind
from .._models import Verdict
from .._page import Block, Page
from ._base import Detector, DetectorConfig
from ._textscan import case_variants, phrase_trie, scan_lines

#: Headings of an author box.
_HEADERS = (
    "about the author", "about the authors", "about this author", "about the writer",
    "about the contributor", "author bio", "author biography", "author info", "author information",
    "author profile", "meet the author", "über den Autor", "über die Autorin", "über die Autoren",
    "über den Verfasser", "über die Verfasserin", "zum Autor", "zur Autorin", "zu den Autoren",
    "Autoreninfo", "Autoreninformation", "Autorenprofil", "Autorenbox", "der Autor", "die Autorin",
    "Autor*in", "Autor:in", "à propos de l'auteur", "à propos de l’auteur", "à propos de l'autrice",
    "à propos de l’autrice", "l'auteur", "l’auteur", "l'autrice", "l’autrice", "sur l'auteur",
    "sur l’auteur", "sobre el autor", "sobre la autora", "acerca del autor", "acerca de la autora",
    "el autor", "la autora", "sull'autore", "sull’autore", "sull'autrice", "sull’autrice",
    "l'autore", "l’autore", "l'autrice", "l’autrice", "sobre o autor", "sobre a autora", "o autor",
    "a autora", "over de auteur", "over de schrijver", "over de auteurs", "de auteur",
    "o autorze", "o autorce", "o autorach", "autor tekstu", "Autor", "Autorin", "Autoren",
    "Author", "Authors", "Auteur", "Autore", "Autora", "Autorka",
)  # fmt: skip

#: Headings that also label a byline above an article ("Autor" over the
#: name and the article): trusted only after the body.
_LABEL_HEADERS = frozenset(
    v.lower()
    for p in (
        "der Autor", "die Autorin", "Autor*in", "Autor:in", "l'auteur", "l’auteur", "l'autrice",
        "l’autrice", "el autor", "la autora", "l'autore", "l’autore", "o autor", "a autora",
        "de auteur", "Autor", "Autorin", "Autoren", "Author", "Authors", "Auteur", "Autore",
        "Autora", "Autorka",
    )
    for v in case_variants(p)
)  # fmt: skip

#: Headings that head an author box in a blog's sidebar as often as a menu
#: item: trusted only after the body and with a biography under them.
_WEAK_HEADERS = (
    "about me", "über mich", "à propos de moi", "qui suis-je", "qui suis-je ?", "sobre mí",
    "sobre mi", "quién soy", "chi sono", "sobre mim", "quem sou", "over mij", "wie ben ik",
    "o mnie",
)  # fmt: skip

#: "About <name>" headings: the word, then a name checked in code.
_ABOUT = ("About", "Über", "À propos de", "Acerca de", "Sull'autore", "Sobre", "Over")

#: Links to the author's other posts.
_ALL_POSTS = (
    "view all posts by", "view all articles by", "view all posts", "view all stories by",
    "all posts by", "all articles by", "all stories by", "more posts by", "more articles by",
    "more stories by", "more from this author", "more by this author", "more from", "more by",
    "latest posts by", "latest articles by", "read the latest from", "read more from",
    "see all posts by", "see all articles by", "see all stories by", "show all articles of",
    "show all articles by", "show all posts by", "other posts by", "other articles by",
    "related articles more from author", "zeige alle Beiträge von", "zeige alle Artikel von",
    "zeige alle Artikel", "zeige alle Beiträge", "alle Beiträge von", "alle Artikel von",
    "alle Artikel des Autors", "alle Artikel der Autorin", "alle Beiträge des Autors",
    "alle Beiträge der Autorin", "alle Beiträge anzeigen", "weitere Artikel von",
    "weitere Beiträge von", "weitere Artikel des Autors", "weitere Artikel der Autorin",
    "mehr vom Autor", "mehr von der Autorin", "mehr von diesem Autor", "mehr von dieser Autorin",
    "mehr Artikel von", "mehr Beiträge von", "mehr von", "verwandte Artikel mehr vom Autor",
    "voir tous les articles de", "voir tous les articles par", "voir tous les articles",
    "tous les articles de", "tous les articles par", "plus d'articles de", "plus d’articles de",
    "autres articles de", "articles liés plus de l'auteur", "ver todas las entradas de",
    "ver todos los artículos de", "ver todas las publicaciones de", "todas las entradas de",
    "más artículos de", "más artículos del autor", "más del autor",
    "visualizza tutti gli articoli di", "tutti gli articoli di", "altri articoli di",
    "altri articoli dell'autore", "altri articoli dell’autore", "ver todos os posts de",
    "ver todos os artigos de", "ver todas as publicações de", "mais artigos de", "mais posts de",
    "mais do autor", "bekijk alle berichten van", "bekijk alle artikelen van",
    "bekijk alle berichten", "alle berichten van", "alle artikelen van", "meer artikelen van",
    "meer van deze auteur", "zobacz wszystkie wpisy", "zobacz wszystkie artykuły",
    "zobacz wszystkie posty", "wszystkie wpisy autora", "wszystkie artykuły autora",
    "więcej artykułów autora", "więcej od autora", "inne artykuły autora",
)  # fmt: skip
#: "All posts" phrases that also head other lists ("More from Politics",
#: "Mehr von uns"): a link only when a person's name follows.
_NEEDS_NAME = frozenset(("more from", "more by", "mehr von", "read more from"))

#: First-person introductions, optionally after a greeting.
_GREETINGS = (
    "hallo", "hi", "hey", "hello", "hello there", "hi there", "moin", "servus", "willkommen",
    "welcome", "bonjour", "salut", "coucou", "hola", "ciao", "olá", "oi", "hoi", "cześć", "witaj",
    "witajcie",
)  # fmt: skip
_INTROS = (
    "ich bin", "mein Name ist", "ich heiße", "I'm", "I’m", "I am", "my name is", "je suis",
    "je m'appelle", "je m’appelle", "moi c'est", "moi, c'est", "soy", "me llamo", "mi nombre es",
    "sono", "mi chiamo", "il mio nome è", "sou", "meu nome é", "me chamo", "ik ben",
    "mijn naam is", "jestem", "nazywam się", "mam na imię",
)  # fmt: skip

#: "The author" as the subject of a biography ("Der Autor lebt in Köln …").
_AUTHOR_SUBJECTS = (
    "the author", "der Autor", "die Autorin", "unser Autor", "unsere Autorin", "l'auteur",
    "l’auteur", "l'autrice", "l’autrice", "el autor", "la autora", "l'autore", "l’autore",
    "l'autrice", "o autor", "a autora", "de auteur", "de schrijver", "autor", "autorka",
)  # fmt: skip

#: What a biography says right after the name. Copulas ("is", "ist", "est"
#: …) need a role noun after them (:data:`_ROLE`); the other verbs are
#: biography verbs with their usual complement.
_COPULAS = ("is", "was", "ist", "war", "est", "es", "è", "é", "jest", "był", "była")
_BIO_VERBS = (
    "writes about", "writes for", "writes on", "covers the", "covers news", "covers politics",
    "has covered", "reports on", "reports for", "has been writing", "has written for", "lives in",
    "lives and works in", "works as", "works at", "works for", "teaches", "studied", "joined",
    "is based in", "specializes in", "specialises in", "holds a", "leads", "heads", "schreibt über",
    "schreibt für", "schreibt seit", "schreibt als", "lebt in", "lebt und arbeitet", "lebt mit",
    "arbeitet als", "arbeitet seit", "arbeitet bei", "arbeitet für", "lehrt", "leitet", "forscht",
    "studierte", "studiert", "promovierte", "bloggt", "unterrichtet", "écrit sur", "écrit pour",
    "vit à", "vit et travaille", "travaille comme", "travaille pour", "travaille chez", "enseigne",
    "dirige", "escribe sobre", "escribe para", "escribe en", "vive en", "trabaja como",
    "trabaja en", "enseña", "scrive per", "scrive di", "vive a", "vive e lavora", "lavora come",
    "lavora per", "insegna", "escreve sobre", "escreve para", "vive em", "mora em", "trabalha como",
    "ensina", "schrijft over", "schrijft voor", "woont in", "werkt als", "werkt bij", "doceert",
    "studeerde", "pisze o", "pisze dla", "mieszka w", "pracuje jako", "pracuje w", "wykłada",
    "kieruje", "studiował", "studiowała",
)  # fmt: skip
_COPULA_SET = frozenset(_COPULAS)

#: Biography sentences with no subject, under a name line ("Schreibt seit
#: 2008 für die taz.", "Studiert im Master …", "Writes about …").
_LEAD_VERBS = (
    "Schreibt seit", "Schreibt über", "Schreibt für", "Schreibt als", "Studierte", "Studiert",
    "Lebt in", "Lebt und arbeitet", "Arbeitet als", "Arbeitet seit", "Arbeitet bei",
    "Arbeitet für", "Lehrt", "Forscht", "Bloggt", "Writes about", "Writes for", "Lives in",
    "Works as", "Works at", "Works for", "Teaches", "Studied",
)  # fmt: skip

#: Lines asking to follow a person on a network.
_FOLLOW = (
    "Follow", "Folge", "Folgt", "Folgen Sie", "Suivez", "Sigue a", "Segui", "Siga", "Volg",
    "Obserwuj",
)  # fmt: skip
_FOLLOW_LINE = re.compile(
    r"(?P<who>me|mir|mich|moi|mi|mij|mnie|@\w{1,30}|[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]{0,24}"
    r"(?: [A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]{0,24}){0,3}) (?:gerne )?(?:on|auf|bei|sur|en|su|no|op|na) "
    r"(?:Twitter|X|Facebook|Instagram|LinkedIn|Mastodon|Threads|Bluesky|TikTok|YouTube"
    r"|Pinterest|Xing|XING)\b"
)

#: A capitalised word of a name (Latin scripts), and the particles names carry.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_NAME_WORD = rf"[{_UPPER}][\w'’-]{{0,24}}\.?"
_PARTICLES = frozenset(
    (
        "von", "van", "de", "der", "den", "del", "della", "da", "di", "du", "des", "la", "le",
        "ten", "ter", "zu", "bin", "al", "el", "dos", "das", "do", "y", "e",
    )
)  # fmt: skip
_NAME = (
    rf"(?:(?:Dr|Prof|Mag|Dipl\.-Ing)\.? ){{0,2}}{_NAME_WORD}"
    rf"(?: (?:{_NAME_WORD}|{'|'.join(sorted(_PARTICLES))})){{0,3}}"
)
#: Words that open sentences, not names ("Die Natur ist …", "This is …").
_NOT_NAMES = frozenset(
    (
        "The", "This", "That", "These", "Those", "Our", "My", "His", "Her", "Their", "Its", "A",
        "An", "It", "He", "She", "They", "We", "You", "There", "Here", "What", "Who", "When",
        "Where", "Why", "How", "All", "Every", "Each", "Some", "No", "One", "If", "So", "But",
        "And", "Der", "Die", "Das", "Dem", "Den", "Des", "Ein", "Eine", "Einer", "Dieser", "Diese",
        "Dieses", "Jeder", "Jede", "Mein", "Meine", "Unser", "Unsere", "Sein", "Seine", "Ihr",
        "Ihre", "Er", "Sie", "Es", "Wir", "Man", "Hier", "Dort", "Jetzt", "Heute", "Auch", "Nur",
        "Was", "Wer", "Wie", "Wo", "Alle", "Kein", "Keine", "Le", "La", "Les", "L", "Un", "Une",
        "Ce", "Cet", "Cette", "Il", "Elle", "On", "Nous", "Tout", "El", "Los", "Las", "Una",
        "Este", "Esta", "Ese", "Esa", "Lo", "Gli", "Uno", "Questo", "Questa", "O", "Os", "As",
        "Um", "Uma", "Isso", "Isto", "Het", "De", "Een", "Dit", "Deze", "Dat", "Ten", "Ta", "To",
        "Jego", "Jej", "Dr", "Dr.", "Prof", "Prof.",
        # Prepositions, conjunctions and salutations that open sentences.
        "Beim", "Seit", "Nach", "Vor", "Mit", "Bei", "Im", "Am", "Auf", "In", "Für", "Von", "Zu",
        "Zum", "Zur", "Über", "Unter", "Durch", "Gegen", "Ohne", "Um", "Aus", "Ab", "Als", "Wenn",
        "Weil", "Dass", "Ob", "Doch", "Aber", "Und", "Oder", "Liebe", "Lieber", "Hallo", "Dear",
        "Hi", "Hey", "Cher", "Chère", "Querido", "Querida", "Caro", "Cara", "Beste", "Drogi",
        "Droga", "Okay", "OK", "Ja", "Nein", "Yes", "At", "On", "For", "With", "From", "By",
        "After", "Before", "Since", "During", "En", "Dans", "Pour", "Avec", "Sur", "Depuis",
        "Con", "Para", "Por", "Desde", "Per", "Da", "Na", "Em", "Com", "Op", "Met", "Voor", "Bij",
        "Sinds", "W", "Od", "Po", "Z", "Dla", "Us", "Uns", "Nous", "Nosotros", "Noi", "Nós",
        "Ons", "Nas",
    )
)  # fmt: skip

#: Role nouns a biography names after a copula, as word starts in the
#: languages cleannews covers ("editor", "Redakteur", "rédactrice",
#: "giornalista", "dziennikarz" …).
_ROLE_STEMS = (
    "editor", "redakt", "rédact", "redat", "journalist", "giornalist", "jornalist", "periodist",
    "dziennikar", "reporter", "correspond", "korrespond", "columnist", "kolumnist", "chroniqu",
    "autor", "author", "auteur", "autrice", "writer", "schriftstell", "escritor", "scrittor",
    "schrijver", "pisar", "blogger", "bloger", "blogueu", "youtuber", "podcaster", "influencer",
    "professor", "profesor", "professeu", "dozent", "docent", "lecturer", "wykładow", "lehrer",
    "teacher", "enseignant", "insegnant", "leraar", "nauczyciel", "founder", "gründer", "fondat",
    "fundador", "oprichter", "założyciel", "co-founder", "mitgründer", "expert", "spezialist",
    "specialist", "especialista", "consult", "berater", "adviseur", "doradc", "analyst",
    "analist", "researcher", "forscher", "chercheu", "investigador", "ricercat", "pesquisador",
    "onderzoeker", "badacz", "wissenschaftler", "scientist", "scientifique", "científic",
    "scienziat", "student", "étudiant", "estudiante", "studente", "estudante", "doktorand", "phd",
    "fellow", "director", "direktor", "directeur", "directrice", "directora", "direttor",
    "diretor", "dyrektor", "manager", "head of", "leiter", "chef", "chief", "ceo", "cto",
    "inhaber", "owner", "betreiber", "geschäftsführer", "partner", "anwalt", "anwältin",
    "rechtsanwalt", "lawyer", "attorney", "avocat", "abogad", "avvocat", "advogad", "advocaat",
    "adwokat", "prawnik", "notar", "arzt", "ärztin", "doctor", "médecin", "médic", "lekarz",
    "psycholog", "psychiat", "therapeut", "therapist", "coach", "trainer", "fotograf",
    "photograph", "ingenieur", "engineer", "ingénieu", "ingenier", "ingegner", "engenheir",
    "inżynier", "architekt", "architect", "developer", "entwickler", "programmer",
    "programmierer", "programmeu", "programador", "programmator", "designer", "künstler",
    "artist", "kunstenaar", "artyst", "musiker", "musician", "musicien", "volontär",
    "werkstudent", "praktikant", "intern ", "mitarbeiter", "member", "mitglied", "membre",
    "miembro", "membro", "członek", "histori", "storico", "ökonom", "economist", "économiste",
    "economista", "politolog", "soziolog", "sociolog", "philosoph", "filosof", "theolog",
    "pfarrer", "pastor", "übersetzer", "translator", "traduct", "tradutt", "vertaler", "tłumacz",
    "illustrat", "grafiker", "herausgeber", "publisher", "verleger", "moderator", "presenter",
    "host of", "sprecher", "spokes", "abgeordnet", "politiker", "politician",
)  # fmt: skip
#: Role nouns a biography names after a copula, as word starts in the
#: languages cleannews covers ("editor", "Redakteur", "rédactrice",
#: "giornalista", "dziennikarz" …), searched in the lower-cased words after
#: the verb. A literal trie: an ignore-case alternation of the same stems
#: cost 14 µs per search.
_ROLE = re.compile(rf"(?<!\w)(?:{phrase_trie(_ROLE_STEMS, variants=False)})")
#: Family roles: a first-person introduction may give one ("I'm a mom of
#: three"); after a name they describe people in the news.
_FAMILY_ROLE = re.compile(
    r"(?i:\b(?:mother|father|mom|mum|dad|mama|papa|mutter|vater|mère|père|maman|madre|padre"
    r"|mamma|mãe|pai|moeder|vader|matka|ojciec|mama)\b)"
)
#: German role nouns by their suffix ("ERP-Experte", "Mathematiker",
#: "Achtsamkeitslehrerin"), trusted only in the first words after the verb:
#: further on, any noun in -er would do ("… ein Fehler", "… Pullover").
_ROLE_SUFFIX = re.compile(
    rf"[{_UPPER}][\w-]*(?:er|erin|ent|entin|ist|istin|eur|eurin|loge|login|experte|expertin|or"
    r"|orin|ant|antin|chef|chefin)"
)
#: Nouns in -er that are not roles, among those that follow "ist ein …".
_NOT_ROLES = frozenset(
    (
        "Fehler", "Computer", "Wasser", "Winter", "Sommer", "Theater", "Zimmer", "Keller",
        "Teller", "Finger", "Körper", "Meter", "Liter", "Center", "Server", "Browser", "Filter",
        "Poster", "Twitter", "Fenster", "Messer", "Kalender", "Charakter", "Alter", "Monster",
        "Muster", "Orchester", "Ufer", "Zucker", "Pullover", "Laser", "Flyer", "Thriller",
        "Moment", "Prozent", "Argument", "Dokument", "Element", "Instrument", "Event",
        "Motor", "Sektor", "Faktor", "Reaktor", "Diamant", "Restaurant",
    )
)  # fmt: skip
#: Words after the verb in which a role suffix counts ("ist ein deutscher
#: Chemiker" is three).
_ROLE_SUFFIX_WORDS = 3
#: How far after the copula the role noun may stand, in characters ("is a
#: senior writer", "ist seit 2023 Redakteurin bei …").
_ROLE_WINDOW_CHARS = 60
#: After a first-person opener: a name or noun and a break ("Ich bin Steffi,",
#: "I'm Amy and", "Ich bin Foodbloggerin,"), or a role.
_INTRO_NAME = re.compile(
    rf"[{_UPPER}][\w'’-]{{1,24}}(?: [{_UPPER}][\w'’-]{{1,24}}){{0,2}}"
    r"(?:[,.!:;–—]| -| und | and | et | y | e | en | i |$)"
)


_VERBS = phrase_trie(_COPULAS + _BIO_VERBS, variants=False)
_HERE = ("Hier schreibt", "Hier bloggt", "Here writes")
_GREETING_THEN_INTRO = re.compile(rf"[,!]? {{1,2}}(?:{phrase_trie(_INTROS)}) ")
_SUBJECT_VERB = re.compile(rf" (?P<verb>{_VERBS})(?!\w)")
_NAME_AT_START = re.compile(rf" (?P<name>{_NAME})")

#: Families of every phrase that may open a line of an author box, by
#: lower-cased spelling. A phrase may belong to several ("Der Autor" heads
#: a box and opens "Der Autor lebt in Köln …"); lines open with a capital,
#: so lower-case spellings are left out of the scan.
_FAMILIES: dict[str, tuple[str, ...]] = {}
_SPELLINGS: set[str] = set()
for _family, _phrases in (
    ("header", _HEADERS),
    ("weak", _WEAK_HEADERS),
    ("posts", _ALL_POSTS),
    ("about", _ABOUT),
    ("follow", _FOLLOW),
    ("greeting", _GREETINGS),
    ("intro", _INTROS),
    ("subject", _AUTHOR_SUBJECTS),
    ("here", _HERE),
    ("lead", _LEAD_VERBS),
):
    for _phrase in _phrases:
        for _spelling in case_variants(_phrase):
            # Lines open with a capital; only headings are also set in capitals
            # ("ABOUT THE AUTHOR"): fewer spellings, fewer branches per line.
            if not _spelling[:1].islower() and (
                _family in ("header", "weak", "posts")
                or " " not in _phrase
                or not _spelling.isupper()
            ):
                _SPELLINGS.add(_spelling)
                _key = _spelling.lower()
                if _family not in _FAMILIES.get(_key, ()):
                    _FAMILIES[_key] = (*_FAMILIES.get(_key, ()), _family)

#: One scan per page for every phrase, at line starts (see ``_textscan``),
#: with the rest of the line: what needs more than the phrase (a name after
#: "More from", a role after "is") is checked in code on the few lines that
#: match. One trie costs one attempt per line; one alternative per shape
#: cost about 20 µs per page each on the development dumps. The phrase
#: must end at a word boundary, so that the engine falls back from "Über
#: Mich" (a case variant of "Über mich") to "Über" on "Über Michael …".
_LINE = re.compile(
    rf"\n(?P<phrase>{phrase_trie(_SPELLINGS, variants=False)})(?:(?<=\W)|(?!\w))"
    r"(?P<rest>[^\n]{0,200})"
)
#: A biography that opens with a name and a role verb ("Jane Doe is a …").
#: A name can open any line, so this check is the expensive one (a scan of
#: every line cost 130 µs per page on the development dumps): it runs only
#: on the short one-line blocks below most of the page's prose, where
#: biographies stand.
_NAMED_LINE = re.compile(rf"(?P<name>{_NAME}),? (?P<verb>{_VERBS})(?!\w)")
#: Word counts of blocks, read as tuple items (faster than an attribute per block).
_N_WORDS = operator.itemgetter(Block._fields.index("n_words"))
#: A biography has a name, a verb, a role and where: at least this many
#: words ("Lars Fischer ist Chemiker und Redakteur bei »Spektrum.de«." has
#: 8); shorter blocks that open with a name are headlines.
_MIN_NAMED_WORDS = 8
#: A line that gives a name alone has at most this many words.
_MAX_NAME_LINE_WORDS = 4
#: Names over paragraphs on one page: more than this is a list of people
#: (an article about them), not author boxes (a page has one or two).
_MAX_NAMED_BOXES = 2
#: A paragraph under a name in such a list has at least this many words.
_MIN_LISTED_WORDS = 20
#: Longest "Follow Jane Doe on Twitter" line, in words.
_MAX_FOLLOW_WORDS = 12
_POSTS_NEEDS_NAME = frozenset(p.lower() for p in _NEEDS_NAME)
#: Decorations after the name in a link: arrows, "(see all)", a colon.
_LINK_TAIL = re.compile(r"\s*(?:[→»›>:(]|lesen\b|anzeigen\b|auf \S+).*$", re.IGNORECASE)

_HEADER, _WEAK, _POSTS, _ABOUT_NAME, _FOLLOW_KIND = "header", "weak", "posts", "about", "follow"
_INTRO, _NAMED, _SUBJECT, _LEAD = "intro", "named", "subject", "lead"
_BIO_KINDS = frozenset((_INTRO, _NAMED, _SUBJECT, _LEAD))


class AuthorBioConfig(DetectorConfig):
    """Settings of :class:`AuthorBioDetector`."""

    #: Longest biography, in words, found by its shape alone (a name and a
    #: role, a first-person introduction). 70: the biographies on the
    #: development corpus run 10-69 words; an article paragraph that opens
    #: with a name is usually longer.
    max_bio_words: int = Field(default=70, gt=0)
    #: Longest paragraph taken into a box anchored by a heading or an "all
    #: posts" link, in words. 100: a second biography paragraph under
    #: "Über den Autor" on the development corpus has 96.
    max_unit_paragraph_words: int = Field(default=100, gt=0)
    #: Paragraphs a box may hold (a biography, sometimes a second one).
    max_unit_paragraphs: int = Field(default=2, ge=0)
    #: Blocks a box may span beside its heading or link: name, role line,
    #: contact line, two paragraphs.
    max_unit_blocks: int = Field(default=5, gt=0)
    #: A block of at most this many words (and three lines) is a name,
    #: role or heading line of a box.
    max_line_words: int = Field(default=10, gt=0)
    #: Share of the page's prose (blocks of at least ``min_prose_words``)
    #: that must stand above a biography found by shape alone for it to
    #: count as after the body. 0.75: biographies on the development corpus
    #: sit at 0.8-1.0; quotes of experts in articles mostly below 0.7.
    min_prose_share_before: float = Field(default=0.75, ge=0.0, le=1.0)
    #: A block of at least this many words is prose for measuring position.
    min_prose_words: int = Field(default=30, gt=0)


class AuthorBioDetector(Detector):
    """Flags author boxes: headings, biographies, "all posts" and follow links."""

    name = "author_bio"
    Config = AuthorBioConfig
    config: AuthorBioConfig

    def detect(self, page: Page) -> Iterable[Verdict]:
        blocks = page.blocks
        if not blocks:
            return []
        anchors: dict[int, tuple[str, str]] = {}
        for index, match in scan_lines(page, _LINE):
            found = _classify(match, blocks[index])
            if found is not None:
                anchors[index] = found
        cfg = self.config
        words = list(map(_N_WORDS, blocks))
        tail = _first_after_body(words, cfg.min_prose_words, cfg.min_prose_share_before)
        low, high, line = _MIN_NAMED_WORDS, cfg.max_bio_words, _MAX_NAME_LINE_WORDS
        # Below most of the prose, or one or two blocks under a short line
        # (a name line; checked in the walk).
        candidates = [
            i
            for i in range(2, tail)
            if low <= words[i] <= high and (words[i - 1] <= line or words[i - 2] <= line)
        ]
        candidates += [i for i in range(tail, len(words)) if low <= words[i] <= high]
        for index in candidates:
            text = blocks[index].text
            if index not in anchors and "\n" not in text:
                named = _NAMED_LINE.match(text)
                found = _named(named) if named is not None else None
                if found is not None:
                    anchors[index] = found
        if not anchors:
            return []
        return _Walker(self, page, anchors, tail).run()


def _classify(match: re.Match[str], block: Block) -> tuple[str, str] | None:
    """The anchor kind of a line that opens with a phrase, and the name it gives ("" if none).

    Checks that need more than the phrase run here on the rest of the
    line: a heading must be the whole line, a person's name must follow
    "More from", a role a copula, a name or role a first-person opener.
    """
    phrase = match.group("phrase")
    rest = match.group("rest")
    if phrase[-1:].isalnum() and rest[:1].isalnum():
        return None  # the phrase runs on into a longer word ("Sobrevivir")
    whole_line = "\n" not in block.text and len(block.text) == len(phrase) + len(rest)
    bare = rest.strip(" :")
    for family in _FAMILIES[phrase.lower()]:
        if family in ("header", "weak"):
            if whole_line and not bare:
                kind = _HEADER if family == "header" else _WEAK
                return kind, "label" if phrase.lower() in _LABEL_HEADERS else ""
        elif family == "posts":
            if not rest.strip() and "\n" in block.text:
                # "SHOW ALL ARTICLES OF\nHeiko Sauer": the name on the next line.
                after_phrase = block.text[block.text.find(phrase) + len(phrase) :]
                rest = " " + after_phrase.lstrip("\n").split("\n", 1)[0]
            name = _LINK_TAIL.sub("", rest).strip(" :,")
            if phrase.lower() in _POSTS_NEEDS_NAME:
                if _is_name(name, min_words=2):
                    return _POSTS, name
            else:
                return _POSTS, name if _is_name(name) else ""
        elif family == "about":
            name = rest.strip()
            if whole_line and _is_name(name):
                return _ABOUT_NAME, name
        elif family == "follow":
            follow = _FOLLOW_LINE.match(rest.lstrip())
            if follow is not None and (
                follow.group("who")[:1] == "@"
                or follow.group("who").islower()
                or _is_name(follow.group("who"))
            ):
                return _FOLLOW_KIND, ""
        elif family == "greeting":
            intro = _GREETING_THEN_INTRO.match(rest)
            if intro is not None and _introduces(rest[intro.end() :]):
                return _INTRO, ""
        elif family == "intro":
            if rest[:1] == " " and _introduces(rest[1:]):
                return _INTRO, ""
        elif family == "subject":
            verb = _SUBJECT_VERB.match(rest)
            if verb is not None and _bio_verb(verb.group("verb"), rest[verb.end() :]):
                return _SUBJECT, ""
        elif family == "here":
            name_match = _NAME_AT_START.match(rest)
            if name_match is not None and _is_name(name_match.group("name")):
                return _NAMED, name_match.group("name")
        elif family == "lead" and rest[:1] == " ":
            return _LEAD, ""
    return None


def _named(match: re.Match[str]) -> tuple[str, str] | None:
    """A line that opens with a name and a role verb, if the verb carries a role."""
    name = match.group("name")
    after = match.string[match.end() : match.end() + _ROLE_WINDOW_CHARS]
    if _is_name(name) and _bio_verb(match.group("verb"), after):
        return _NAMED, name
    return None


def _introduces(text: str) -> bool:
    """Whether the words after "Ich bin" / "I'm" name or describe the writer.

    "Steffi, …", "Amy and …", "a writer", "Foodbloggerin, …"; not "jetzt
    auch …" or "surprised that …".
    """
    window = text[:_ROLE_WINDOW_CHARS]
    return (
        _INTRO_NAME.match(text) is not None
        or _has_role(window)
        or _FAMILY_ROLE.search(window) is not None
    )


def _bio_verb(verb: str, after: str) -> bool:
    """A biography verb, or a copula with a role noun after it ("is a senior editor")."""
    return verb not in _COPULA_SET or _has_role(after[:_ROLE_WINDOW_CHARS])


def _has_role(window: str) -> bool:
    """Whether a role noun follows: a known one anywhere, or a German suffix on a first word."""
    if _ROLE.search(window.lower()) is not None:
        return True
    for word in window.split()[:_ROLE_SUFFIX_WORDS]:
        word = word.strip(".,;:!?()»«„“”\"'")
        if word not in _NOT_ROLES and _ROLE_SUFFIX.fullmatch(word) is not None:
            return True
    return False


#: Letters, with apostrophes, hyphens and dots ("O'Donnell", "Veeser-Dombrowski", "J.O.").
_NAME_WORD_SHAPE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-])*")
#: Legal forms that make a capitalised name a company's ("Capcora GmbH").
_COMPANY_WORDS = frozenset(
    (
        "GmbH", "AG", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "KG", "SE", "e.V.", "S.A.", "SA",
        "SpA", "S.p.A.", "B.V.", "BV", "Corp", "Corp.", "Co.", "Group", "Gruppe", "Verlag",
    )
)  # fmt: skip
#: Longest dotted word of a name ("J.", "Jr.", "Dr.", "J.O."): "Okay." opens a sentence.
_MAX_ABBREVIATION = 4


def _is_name(text: str, *, min_words: int = 1) -> bool:
    """Whether ``text`` reads as a person's name: capitalised words and particles."""
    words = text.split()
    if not min_words <= len(words) <= 5 or words[0] in _NOT_NAMES:
        return False
    capitalised = 0
    for word in words:
        if word[:1].isupper():
            if (
                _NAME_WORD_SHAPE.fullmatch(word) is None
                or (word[-1] == "." and len(word) > _MAX_ABBREVIATION)
                or word in _COMPANY_WORDS
            ):
                return False
            capitalised += 1
        elif word not in _PARTICLES:
            return False
    return capitalised >= min(min_words, 2)


def _starts_with_word(text: str, word: str) -> bool:
    """Whether ``text`` opens with the word ``word`` ("Jane is", not "Janet is")."""
    return text.startswith(word) and not text[len(word) : len(word) + 1].isalnum()


def _names_person(line: str, name: str) -> bool:
    """Whether a name line ``line`` names the person ``name`` (or shares the first name)."""
    line = line.strip(" :")
    for label in ("By ", "Von ", "Par ", "Por ", "Di ", "Door ", "Autor: ", "Author: "):
        if line.startswith(label):
            line = line[len(label) :]
    if not line or not _is_name(line):
        return False
    if line == name or line.startswith(name + " ") or name.startswith(line + " "):
        return True
    # A first name alone on one side: "Jake Goulding" above "Jake is the co-founder …".
    return (" " not in line or " " not in name) and line.split()[0] == name.split()[0]


class _Walker:
    """Turns the anchors of one page into verdicts: boxes around headings and links, bios."""

    def __init__(
        self,
        detector: AuthorBioDetector,
        page: Page,
        anchors: dict[int, tuple[str, str]],
        tail: int,
    ) -> None:
        self.detector = detector
        self.cfg = detector.config
        self.blocks = page.blocks
        self.anchors = anchors
        self.tail = tail
        self.flags: dict[int, tuple[str, float, str]] = {}

    def run(self) -> list[Verdict]:
        for index in sorted(self.anchors):
            kind, info = self.anchors[index]
            if kind in (_HEADER, _WEAK):
                self._header(index, kind == _HEADER, info == "label")
            elif kind == _POSTS:
                self._posts(index, info)
            elif kind == _FOLLOW_KIND and self.blocks[index].n_words <= _MAX_FOLLOW_WORDS:
                self._flag(index, "follow", 0.85, "asks to follow the author on a network")
        named_boxes: list[tuple[int, int]] = []
        for index in sorted(self.anchors):
            kind, info = self.anchors[index]
            if kind in _BIO_KINDS and index not in self.flags:
                self._bio(index, kind, info, named_boxes)
        if named_boxes and self._people_list():
            # Name, description, name, description …: an article about people.
            for pair in named_boxes:
                for j in pair:
                    self.flags.pop(j, None)
        return [
            self.detector.verdict(
                index,
                BlockKind.AUTHOR_BIO,
                code,
                f"{reason}: {self.blocks[index].text[:60]!r}",
                confidence,
            )
            for index, (code, confidence, reason) in sorted(self.flags.items())
        ]

    def _flag(self, index: int, code: str, confidence: float, reason: str) -> None:
        if confidence > self.flags.get(index, ("", 0.0, ""))[1]:
            self.flags[index] = (code, confidence, reason)

    def _after_body(self, index: int) -> bool:
        return index >= self.tail

    def _is_line(self, block: Block) -> bool:
        """A name, role, contact or heading line of a box."""
        return block.n_words <= self.cfg.max_line_words and block.text.count("\n") <= 2

    def _is_paragraph(self, block: Block) -> bool:
        """A paragraph short enough to be a biography (longer than a line)."""
        return (
            self.cfg.max_line_words < block.n_words <= self.cfg.max_unit_paragraph_words
            and "\n" not in block.text
        )

    def _header(self, index: int, strong: bool, label: bool) -> None:
        """A heading and the box under it: name and contact lines, then the biography.

        A weak heading ("About me", a sidebar's as often as a menu's) counts
        only after the body and with a paragraph under it; a label that may
        also mark a byline or a list of authors ("Autor", "Der Autor") only
        after the body. Under a label above most of the prose, or when no
        biography follows, only name lines are taken: the lines under a
        heading with no paragraph are whatever follows the box (tags,
        "Share", a comment form).
        """
        after = self._after_body(index)
        if (label or not strong) and not after:
            return
        lines: list[int] = []
        paragraphs: list[int] = []
        last = min(len(self.blocks), index + 1 + self.cfg.max_unit_blocks)
        for j in range(index + 1, last):
            block = self.blocks[j]
            kind = self.anchors.get(j, ("", ""))[0]
            if kind in (_HEADER, _WEAK):
                break
            if kind == _POSTS:
                lines.append(j)  # its own verdict; the box may go on below it
                if paragraphs:
                    break
            elif self._is_line(block) and not paragraphs and kind not in _BIO_KINDS:
                lines.append(j)
            elif (
                (self._is_paragraph(block) or kind in _BIO_KINDS)
                and len(paragraphs) < self.cfg.max_unit_paragraphs
                and (not label or kind in _BIO_KINDS or any(self._is_name_line(k) for k in lines))
            ):
                paragraphs.append(j)
            else:
                break
        if not paragraphs:
            if not strong:
                return
            lines = [j for j in lines if self._is_name_line(j)]
        if strong:
            self._flag(index, "header", 0.9, "heading of an author box")
        else:
            self._flag(index, "header", 0.7, "heading of an author box after the article")
        confidence = 0.85 if strong else 0.65
        for j in lines + paragraphs:
            self._flag(j, "unit", confidence, "part of an author box under its heading")

    def _is_name_line(self, index: int) -> bool:
        """Whether block ``index`` is a name on a line of its own ("Jane Doe")."""
        text = self.blocks[index].text
        return "\n" not in text and len(text.split()) <= _MAX_NAME_LINE_WORDS and _is_name(text)

    def _posts(self, index: int, name: str) -> None:
        """An "all posts" link and the box above it, up to the author's name or heading."""
        if self.blocks[index].n_words > self.cfg.max_line_words + 5:
            return
        self._flag(index, "all_posts", 0.9, "link to the author's other posts")
        members: list[int] = []
        top = -1
        paragraphs = 0
        first = name.split()[0] if name else ""
        for j in range(index - 1, max(-1, index - 1 - self.cfg.max_unit_blocks), -1):
            block = self.blocks[j]
            kind = self.anchors.get(j, ("", ""))[0]
            if kind in (_HEADER, _WEAK, _ABOUT_NAME):
                members.append(j)
                top = j
                break
            if kind == _POSTS:
                break
            line = self._is_line(block)
            if not line and not (
                self._is_paragraph(block) and paragraphs < self.cfg.max_unit_paragraphs
            ):
                break
            paragraphs += not line
            members.append(j)
            if (
                kind in _BIO_KINDS
                or (not line and first and _starts_with_word(block.text, first))
                or (line and name and any(_names_person(x, name) for x in block.text.split("\n")))
            ):
                top = j
        for j in members:
            if j >= top >= 0:
                self._flag(j, "unit", 0.85, "part of an author box above its 'all posts' link")

    def _bio(self, index: int, kind: str, name: str, named_boxes: list[tuple[int, int]]) -> None:
        """A biography found by its shape, graded by a name line above it and by position."""
        block = self.blocks[index]
        if "\n" in block.text or block.n_words > self.cfg.max_bio_words:
            return
        name_line = self._name_line(index, name)
        if name_line is not None and self._inside_prose(name_line, index):
            # A name heading in running prose heads a section of an article
            # about people ("Chloe Kim" / "Chloe ist eine Snowboarderin …" /
            # more prose); an author box has a title, a date, a menu or
            # links on at least one side.
            return
        code = "self_intro" if kind == _INTRO else "named"
        what = "first-person introduction" if kind == _INTRO else "short biography"
        if name_line is not None:
            self._flag(index, code, 0.7, f"{what} under the author's name")
            self._flag(name_line, "unit", 0.7, "the author's name above a biography")
            named_boxes.append((name_line, index))
        elif kind == _LEAD or (kind == _NAMED and len(name.split()) < 2):
            return  # a first name alone, or no subject: only under a name line
        elif self._after_body(index):
            self._flag(index, code, 0.65, f"{what} after the article")

    def _inside_prose(self, first: int, last: int) -> bool:
        """Whether blocks ``first`` to ``last`` have paragraphs on both sides."""
        blocks = self.blocks
        return (
            first > 0
            and last + 1 < len(blocks)
            and blocks[first - 1].n_words >= _MIN_LISTED_WORDS
            and blocks[last + 1].n_words >= _MIN_LISTED_WORDS
        )

    def _people_list(self) -> bool:
        """Whether the page lists people: a name line over a paragraph about them, several times.

        Run only when a biography under a name line was found (rarely).
        """
        blocks = self.blocks
        pairs = 0
        for j in range(len(blocks) - 1):
            if (
                blocks[j].n_words <= _MAX_NAME_LINE_WORDS
                and blocks[j + 1].n_words >= _MIN_LISTED_WORDS
                and self._is_name_line(j)
                and _starts_with_word(blocks[j + 1].text, blocks[j].text.split()[0])
            ):
                pairs += 1
        return pairs > _MAX_NAMED_BOXES

    def _name_line(self, index: int, name: str) -> int | None:
        """The block just above ``index`` (one line may stand between) that gives the name."""
        for j in (index - 1, index - 2):
            if j < 0:
                return None
            block = self.blocks[j]
            kind, info = self.anchors.get(j, ("", ""))
            if kind == _ABOUT_NAME and (not name or (" " in info and _names_person(info, name))):
                # "About Python" above "Python is a programming language …"
                # names no person: a first name alone is no evidence here.
                return j
            if self._is_line(block):
                for line in block.text.split("\n"):
                    if name and _names_person(line, name):
                        return j
                    if (
                        not name
                        and len(line.split()) <= _MAX_NAME_LINE_WORDS
                        and not line.endswith(",")
                        and _is_name(line, min_words=2)
                    ):
                        return j
        return None


def _first_after_body(words: list[int], min_prose_words: int, min_share: float) -> int:
    """Index of the first block with at least ``min_share`` of the page's prose above it.

    ``words`` holds the blocks' word counts; prose is blocks of at least
    ``min_prose_words`` words. Blocks from this index on stand after the
    body; a page without prose has no body to follow, so all of it counts.
    Cumulative sums and a bisection: no Python loop over the blocks.
    """
    prose = [w if w >= min_prose_words else 0 for w in words]
    before = list(itertools.accumulate(prose, initial=0))
    total = before[-1]
    if total == 0:
        return 0
    return bisect.bisect_left(before, min_share * total, hi=len(words))
