"""Dates, times and relative times in the languages cleannews covers.

Regular-expression sources (stdlib ``re`` syntax, no capturing groups) for
the metadata and comments detectors. English, German, French, Spanish,
Italian, Portuguese, Dutch and Polish month and weekday names, full and
abbreviated; case variants are spelled out by :func:`phrase_trie`.
"""

from __future__ import annotations

from ._textscan import phrase_trie

MONTH_NAMES = (
    # en
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    # de
    "januar", "jänner", "februar", "feber", "märz", "mai", "juni", "juli", "oktober",
    "dezember", "jän", "mär", "mrz", "okt", "dez",
    # fr
    "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre", "janv", "févr", "fév", "avr", "juil", "déc",
    # es
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
    "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "ene", "abr", "ago", "dic",
    # it
    "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
    "dicembre", "gen", "mag", "giu", "lug", "ott", "set",
    # pt
    "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro",
    "novembro", "dezembro", "fev", "out",
    # nl
    "januari", "februari", "maart", "mei", "augustus", "mrt",
    # pl (nominative and genitive)
    "styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień",
    "wrzesień", "październik", "listopad", "grudzień", "stycznia", "lutego", "marca",
    "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października",
    "listopada", "grudnia", "sty", "lut", "kwi", "cze", "lip", "sie", "wrz", "paź", "lis",
    "gru",
)  # fmt: skip

WEEKDAY_NAMES = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
    "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lun", "mer", "jeu", "ven", "sam", "dim",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "lunedi", "martedi", "mercoledi", "giovedi", "venerdi",
    "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
    "segunda", "terça", "quarta", "quinta", "sexta",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "ma", "wo", "vr", "za", "zo",
    "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
    "pon", "wt", "śr", "czw", "pt", "sob", "niedz",
)  # fmt: skip

MONTH = rf"(?:{phrase_trie(MONTH_NAMES)})\.?"
WEEKDAY = rf"(?:{phrase_trie(WEEKDAY_NAMES)})\.?"

_DAY = r"\d{1,2}(?:\.|er|st|nd|rd|th|º|°)?"
#: Polish writes "r." (rok, year) after a year: "12 czerwca 2023 r.".
_YEAR_SUFFIX = r"(?:[ ]?r\.)?"
_YEAR = rf"(?:\d{{4}}{_YEAR_SUFFIX}|'\d{{2}})"
#: A calendar date: "31. Mai 2012", "4 de mayo de 2022", "May 31, 2012",
#: "Mai 2012", "2012-05-31", "31/05/2012", "15.12.22", "12 czerwca 2023 r.".
DATE = (
    rf"(?:\d{{1,2}}[./-][ ]?\d{{1,2}}[./-][ ]?(?:\d{{4}}(?!\d){_YEAR_SUFFIX}|\d{{2}}(?!\d))"
    r"|\d{4}[./-]\d{1,2}[./-]\d{1,2}"
    rf"|{_DAY}[ ]?(?:de[ ])?{MONTH}(?:,?[ ](?:de[ ])?{_YEAR})?"
    rf"|{MONTH}[ ]{_DAY}(?:,?[ ]{_YEAR})?"
    rf"|{MONTH}[ ]{_YEAR})"
)
_AM_PM = r"[ ]?[aApP]\.?[mM]\.?"
_ZONE = r"[ ]?(?:Uhr|h|hrs|ET|EST|EDT|CET|CEST|GMT|UTC|BST|PT|PST|PDT|MEZ|MESZ)"
#: A clock time: "14:32", "2:41 pm", "09h23", "15.40 Uhr", and AP style with
#: both suffixes, "9:00 a.m. ET".
TIME = rf"\d{{1,2}}[:.h]\d{{2}}(?:[:.]\d{{2}})?(?:{_AM_PM})?(?:{_ZONE})?"
#: A time that may stand alone as a block ("2:41 pm ET", "14:32", "18h45"):
#: "15.40" alone is as likely a price or a score, so a dot needs a suffix.
CLOCK = (
    rf"\d{{1,2}}[:h]\d{{2}}(?::\d{{2}})?(?:{_AM_PM})?(?:{_ZONE})?"
    rf"|\d{{1,2}}\.\d{{2}}(?:{_AM_PM}(?:{_ZONE})?|{_ZONE})"
)
#: What joins a date and a time: "31 May 2012, 14:32", "… at 2:41 pm", "… um 15:28 Uhr".
TIME_JOIN = (
    r"(?:,?[ ]|[ ]?[-–—|@·,][ ]?|[ ](?:at|um|à|a las|alle|às|om|o|godz\.|kl\.|ore)[ ])"
)
#: A date with optional weekday before and time after, or a time then a date.
DATETIME = (
    rf"(?:{WEEKDAY},?[ ](?:the[ ]|den[ ]|le[ ]|el[ ]|il[ ]|der[ ])?)?{DATE}"
    rf"(?:{TIME_JOIN}{TIME})?"
    rf"|{TIME}(?:,?[ ]|[ ]?[-–—|·][ ]?){DATE}"
)
#: A relative time: "5 hours ago", "vor 3 Stunden", "il y a 2 jours", "hace 1 hora",
#: "3 ore fa", "há 2 dias", "2 uur geleden", "3 godziny temu". Case-insensitive.
#: The forms that open with a number share one branch, so that a number that
#: opens no relative time ("2012 was …") is read once, not once per language.
RELATIVE = (
    r"(?i:\d{1,3}[ ](?:"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)[ ]ago"
    r"|(?:secondi|minut[io]|or[ae]|giorn[io]|settiman[ae]|mes[ie]|ann[io])[ ]fa"
    r"|(?:seconden|minuten|minuut|uur|uren|dagen|dag|weken|week|maanden|maand"
    r"|jaar|jaren)[ ]geleden"
    r"|(?:sekund[ya]?|minut[ya]?|godzin[ya]?|godz\.|dni|dzień|tygodni[ea]?"
    r"|miesiąc[ea]?|miesięcy|lat[a]?|rok)[ ]temu)"
    r"|(?:an?|one)[ ](?:second|sec|minute|min|hour|hr|day|week|month|year)[ ]ago"
    r"|vor[ ](?:\d{1,3}|einer?|einem)[ ](?:sekunden?|minuten?|min\.?|stunden?|std\.?"
    r"|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)"
    r"|il[ ]y[ ]a[ ]\d{1,3}[ ](?:secondes?|minutes?|min|heures?|h|jours?|semaines?|mois|ans?)"
    r"|hace[ ]\d{1,3}[ ](?:segundos?|minutos?|min|horas?|h|días?|semanas?|mes(?:es)?|años?)"
    r"|há[ ]\d{1,3}[ ](?:segundos?|minutos?|horas?|dias?|semanas?|meses|mês|anos?))"
)
