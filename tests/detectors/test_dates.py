"""Date, time and relative-time patterns in the eight languages cleannews covers."""

from __future__ import annotations

import re

import pytest

from cleannews.detectors._dates import (
    CLOCK,
    DATE,
    DATETIME,
    MONTH,
    MONTH_NAMES,
    RELATIVE,
    TIME,
    TIME_JOIN,
    WEEKDAY,
    WEEKDAY_NAMES,
)

SOURCES = {
    "CLOCK": CLOCK,
    "MONTH": MONTH,
    "WEEKDAY": WEEKDAY,
    "DATE": DATE,
    "TIME": TIME,
    "TIME_JOIN": TIME_JOIN,
    "DATETIME": DATETIME,
    "RELATIVE": RELATIVE,
}


def _full(source: str, text: str) -> bool:
    return re.fullmatch(source, text) is not None


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_sources_compile_with_stdlib_re_and_capture_nothing(name: str) -> None:
    # The detectors embed these sources in patterns with named groups of
    # their own: a capturing group here would shift or clash with them.
    assert re.compile(SOURCES[name]).groups == 0


@pytest.mark.parametrize("name", MONTH_NAMES)
def test_every_month_name_matches_with_case_variants(name: str) -> None:
    for spelling in (name, name.capitalize(), name.upper()):
        assert _full(MONTH, spelling), spelling
    assert _full(MONTH, f"{name.capitalize()}."), "abbreviation dot"


@pytest.mark.parametrize("name", WEEKDAY_NAMES)
def test_every_weekday_name_matches_with_case_variants(name: str) -> None:
    for spelling in (name, name.capitalize(), name.upper()):
        assert _full(WEEKDAY, spelling), spelling


@pytest.mark.parametrize(
    "text",
    [
        # the docstring's examples
        "31. Mai 2012",
        "4 de mayo de 2022",
        "May 31, 2012",
        "Mai 2012",
        "2012-05-31",
        "31/05/2012",
        "15.12.22",
        # one per language and common abbreviations
        "31 May 2012",
        "Jan. 5, 2024",
        "Sept. 30",
        "3. Okt. 2022",
        "1er mai 2019",
        "15 déc. 2019",
        "4 de mayo",
        "12 giugno 2023",
        "1º de maio de 2023",
        "12 juni 2023",
        "12 czerwca 2023",
        "5 października",
        "May '12",
    ],
)
def test_dates(text: str) -> None:
    assert _full(DATE, text)


@pytest.mark.parametrize(
    "text",
    ["2012", "12.5", "1,000", "31.05.20123", "May be", "Mayday 2012", "12 apples 2012", "2012/5"],
)
def test_not_dates(text: str) -> None:
    assert not _full(DATE, text)


@pytest.mark.parametrize(
    "text",
    ["14:32", "2:41 pm", "2:41 p.m.", "09h23", "15.40 Uhr", "10:15:30", "9:00 ET", "18h45"],
)
def test_times(text: str) -> None:
    assert _full(TIME, text)


@pytest.mark.parametrize("text", ["1234", "3:5", "14:3", "123:45", "2:41 o'clock"])
def test_not_times(text: str) -> None:
    assert not _full(TIME, text)


@pytest.mark.parametrize("text", ["9:00 a.m. ET", "2:41 p.m. EDT", "11:05am PT"])
def test_time_with_am_pm_and_zone(text: str) -> None:
    assert _full(TIME, text)


@pytest.mark.parametrize(
    "text", ["2:41 pm ET", "11:05 am", "14:32", "10:15:30", "18h45", "15.40 Uhr", "9.30 a.m."]
)
def test_clock_times_that_stand_alone(text: str) -> None:
    assert _full(CLOCK, text)


@pytest.mark.parametrize("text", ["15.40", "3.50", "2:1", "1234", "14:3", "2:41 o'clock"])
def test_not_clock_times(text: str) -> None:
    # A dotted time needs a suffix: alone it is as likely a price or a score.
    assert not _full(CLOCK, text)


@pytest.mark.parametrize("text", ["12 czerwca 2023 r.", "12.06.2023 r.", "czerwiec 2023 r."])
def test_polish_year_suffix(text: str) -> None:
    assert _full(DATE, text)


@pytest.mark.parametrize(
    "text",
    [
        "Montag, 31. Mai 2012, 14:32 Uhr",
        "May 31, 2012 at 2:41 pm",
        "May 31, 2012, 2:41 pm",
        "mercredi 15 mai 2019 à 15h24",
        "jueves, 4 de mayo de 2022 a las 10:32",
        "lunedì 12 giugno 2023 alle 10:15",
        "segunda-feira, 12 de junho de 2023 às 18h45",
        "vrijdag 9 juni 2023 om 10:15",
        "poniedziałek, 12 czerwca 2023 godz. 10:15",
        "Thursday, the 31st May 2012",
        "Mi., 31.05.2012 | 14:32",
        "14:32 - 31.05.2012",
        "07/07/2023 18h45",
    ],
)
def test_datetimes(text: str) -> None:
    assert _full(DATETIME, text)


@pytest.mark.parametrize(
    "text", ["Montag", "14:32", "Montag, 14:32", "31. Mai 2012, und dann", "at 2:41 pm"]
)
def test_not_datetimes(text: str) -> None:
    assert not _full(DATETIME, text)


@pytest.mark.parametrize(
    "text",
    [
        # the docstring's examples
        "5 hours ago",
        "vor 3 Stunden",
        "il y a 2 jours",
        "hace 1 hora",
        "3 ore fa",
        "há 2 dias",
        "2 uur geleden",
        "3 godziny temu",
        # words for "one" and case-insensitivity
        "an hour ago",
        "a minute ago",
        "vor einer Stunde",
        "Vor 2 Tagen",
        "5 Hours Ago",
        "Il y a 10 min",
        "1 dzień temu",
    ],
)
def test_relative_times(text: str) -> None:
    assert _full(RELATIVE, text)


@pytest.mark.parametrize(
    "text", ["hours ago", "5 hours", "vor Stunden", "ago 5 hours", "1000 years ago", "5 apples ago"]
)
def test_not_relative_times(text: str) -> None:
    assert not _full(RELATIVE, text)


def test_adversarial_megabyte_returns() -> None:
    # 1 MB of the pieces dates are made of, none of them complete (single
    # digits between dots, month and weekday names without numbers, "vor"
    # without a unit), with 100 real dates planted: every scan position must
    # give up quickly, and only the planted dates are found.
    pattern = re.compile(rf"{DATETIME}|{RELATIVE}")
    planted = " ~ 31 December 2099 ~ "
    text = (
        "1." * 250_000
        + " ~ "
        + "Mai May Montag, Mardi " * 12_000
        + "vor 3 vor " * 25_000
        + planted * 100
    )
    assert len(text) >= 1_000_000
    assert [m.group() for m in pattern.finditer(text)] == ["31 December 2099"] * 100
