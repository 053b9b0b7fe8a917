"""The instructor packet, role cards and document sheets print cleanly in Chromium.

Each file is printed to PDF on A4 and on Letter; the role cards take exactly one page each
(plus the vote sheet), nothing is wider than the printable page, and the answers of the
packet never appear in the file printed for students.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from build_packet import build

REPO = Path(__file__).resolve().parents[2]
ROLES = tomllib.loads((REPO / "docs" / "role-cards.toml").read_text(encoding="utf-8"))["role"]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("packet")
    build(out)
    return out


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_role_cards_print_one_per_page(page, printed: Path, paper: str) -> None:
    page.goto((printed / "role-cards.html").as_uri())
    page.emulate_media(media="print")
    assert pdf_pages(page.pdf(format=paper)) == len(ROLES) + 1  # the vote sheet last


@pytest.mark.parametrize("name", ["packet.html", "role-cards.html", "document-sheets.html"])
@pytest.mark.parametrize("paper", [("A4", 210), ("Letter", 215.9)])
def test_nothing_is_wider_than_the_printed_page(page, printed: Path, name: str,
                                                paper: tuple[str, float]) -> None:
    format_name, width_mm = paper
    printable_px = round((width_mm - 30) / 25.4 * 96)  # 15 mm margins each side
    page.set_viewport_size({"width": printable_px, "height": 1000})
    page.goto((printed / name).as_uri())
    page.emulate_media(media="print")
    too_wide = page.evaluate(
        "w => [...document.querySelectorAll('table, blockquote, .card, p')]"
        ".filter(e => e.getBoundingClientRect().right > w + 1).length", printable_px)
    assert too_wide == 0
    assert pdf_pages(page.pdf(format=format_name)) >= 1


def test_the_cards_hold_only_their_own_secrets_and_no_answers(printed: Path) -> None:
    cards = (printed / "role-cards.html").read_text(encoding="utf-8")
    packet = (printed / "packet.html").read_text(encoding="utf-8")
    for role in ROLES:
        assert role["bring_out"].split(":")[0][:40] not in cards
    assert "Answer key" not in cards and "Answer:" not in cards and "Debrief" not in cards
    sections = cards.split('<section class="card">')[1:]
    for index, role in enumerate(ROLES):
        others = [fact for other in ROLES if other is not role for fact in other["private"]]
        own = sections[index]
        assert all(fact[:50].replace("'", "&#x27;") in own for fact in role["private"])
        assert not any(fact[:50].replace("'", "&#x27;") in own for fact in others)
    assert "Answer key" in packet and "Vote sheet" in packet and "Debrief" in packet


def test_document_sheets_quote_the_seeds_at_most_a_sentence(printed: Path) -> None:
    sheets = (printed / "document-sheets.html").read_text(encoding="utf-8")
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", sheets, flags=re.S)
    seed_quotes = quotes[3:]
    assert len(quotes) >= 3 and "Provided further" in quotes[0]
    assert all(len(re.findall(r"[.!?](\s|$)", q)) <= 2 and len(q.split()) < 60 for q in seed_quotes)
    assert sheets.count("answer-line") >= 3 * 20
