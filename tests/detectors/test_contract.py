"""The contract every registered detector keeps, checked on real and crafted pages.

A detector reads a page and returns verdicts; the resolver trusts that they
are deterministic, that they point at blocks of the page, that their codes are
``<detector name>.<snake_case>`` and their confidences probabilities, and that
an empty page gets none. Settings are validated: an unknown option is an error.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleannews
from cleannews import BlockKind, ConfigError, Detector, Page, Pipeline, Verdict

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REGISTRY = cleannews.builtin_registry()
NAMES = REGISTRY.names()

#: ``name.reason``, both snake_case: stable identifiers that tests and statistics key on.
_CODE = re.compile(r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*")

#: Boilerplate of many families and languages around a short article, so that
#: most detectors have something to say.
CRAFTED = """\
Startseite | Politik | Wirtschaft | Sport | Kultur

Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Akzeptieren

Local Council Approves New Budget For Schools

By Maria Lopez | 12.03.2024, 14:05 | 3 min read

MADRID — The council approved the new budget for schools on Monday evening, after a debate \
that lasted more than four hours and drew hundreds of parents to the town hall.

Photo: Parents at the town hall. (AP Photo/John Doe)

Anzeige

The plan adds money for teachers and for repairs to older buildings, some of which have not \
been renovated since they were built.

Share on Facebook | Share on Twitter | Email

Inscrivez-vous à notre newsletter

Subscribe to continue reading. Already a subscriber? Log in

Leggi anche: Il sindaco presenta il piano

{{ article.author }} undefined [object Object]

Related articles
Ten Things To Do This Weekend
Mayor Unveils New Park

Comentarios (0)

© 2024 Example Media. Wszelkie prawa zastrzeżone.
"""


def _pages() -> list[tuple[str, str]]:
    pages = [("crafted", CRAFTED)]
    for path in sorted(FIXTURES.rglob("*.txt")):
        pages.append((str(path.relative_to(FIXTURES)), path.read_text(encoding="utf-8")))
    return pages


PAGES = _pages()


def _segment(page: str) -> Page:
    segmented, _ = Pipeline([]).segment(page, format="text")
    return segmented


def _run(detector: Detector, page: Page) -> list[Verdict]:
    return list(detector.detect(page))


def _check_verdicts(name: str, page: Page, verdicts: list[Verdict]) -> None:
    n = len(page.blocks)
    for v in verdicts:
        assert v.detector == name
        assert _CODE.fullmatch(v.code), f"bad code {v.code!r}"
        assert v.code.startswith(f"{name}."), f"{v.code!r} not prefixed by {name!r}"
        assert 0 <= v.block <= v.last_block < n, f"{v.code} points outside 0..{n - 1}"
        assert v.end_block is None or v.end_block >= v.block
        assert isinstance(v.kind, BlockKind)
        assert 0.0 <= v.confidence <= 1.0, f"{v.code} confidence {v.confidence}"
        assert v.reason.strip(), f"{v.code} without a reason"


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("page_name, text", PAGES, ids=[p[0] for p in PAGES])
def test_verdicts_are_well_formed_and_deterministic(name: str, page_name: str, text: str) -> None:
    page = _segment(text)
    first = _run(REGISTRY.create(name), page)
    _check_verdicts(name, page, first)
    assert _run(REGISTRY.create(name), page) == first
    # A detector instance keeps no state between pages.
    detector = REGISTRY.create(name)
    _run(detector, _segment(CRAFTED))
    assert _run(detector, page) == first


@pytest.mark.parametrize("name", NAMES)
def test_detector_is_exercised_by_its_own_fixtures(name: str) -> None:
    """Guard against a contract test that checks nothing: each detector speaks somewhere.

    A detector with a fixture folder must emit verdicts on at least one of its
    pages, so the checks above run on real verdicts of every detector.
    """
    folder = FIXTURES / name
    pages = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not pages:
        pytest.skip(f"no fixtures yet in tests/fixtures/{name}/")
    detector = REGISTRY.create(name)
    assert any(_run(detector, _segment(p.read_text(encoding="utf-8"))) for p in pages)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("text", ["", " \n\n\t\r\n \u00a0 "], ids=["empty", "blank"])
def test_empty_page_gets_no_verdicts(name: str, text: str) -> None:
    page = _segment(text)
    assert page.blocks == ()
    assert _run(REGISTRY.create(name), page) == []


@pytest.mark.parametrize("name", NAMES)
def test_unknown_option_is_rejected(name: str) -> None:
    with pytest.raises(ConfigError, match="no_such_option"):
        REGISTRY.create(name, {"no_such_option": 1})
    detector = REGISTRY.create(name)
    assert detector.name == name
    with pytest.raises(ConfigError):
        type(detector)(detector.config, no_such_option=1)


@pytest.mark.parametrize("name", NAMES)
def test_defaults_round_trip_through_settings(name: str) -> None:
    detector = REGISTRY.create(name)
    again = REGISTRY.create(name, detector.config.model_dump())
    assert again.config == detector.config


@pytest.mark.parametrize("name", NAMES)
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    text=st.lists(
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
        | st.sampled_from(
            ["Keep reading", "Photo: x", "{{ }}", "© 2024", "By Jane Roe", "Read more »", "Home"]
        ),
        max_size=30,
    ).map("\n".join)
)
def test_contract_holds_on_arbitrary_pages(name: str, text: str) -> None:
    page = _segment(text)
    verdicts = _run(REGISTRY.create(name), page)
    _check_verdicts(name, page, verdicts)
