"""Write the printable instructor packet, the role cards and the document sheets.

``make instructor`` runs this after the instructor edition. Three HTML files, each printable
from a browser on A4 and on Letter (print CSS with ``@page``, page breaks between parts):

- ``instructor/packet.html``: session plans, answer key with the foreseeable wrong answers and
  what each reveals, discussion notes (a one-minute background per section, what a good
  discussion surfaces, likely student questions), a plain-language guide to the US laws,
  the role-play's running order, vote sheet and debrief. For the instructor only.
- ``instructor/role-cards.html``: one role card per page with what only that role knows, and
  the vote sheet. No answers: print it for the students.
- ``instructor/document-sheets.html``: Reading Like a Historian-style sheets for the lesson 04
  legal texts and the lesson 05 sources, with sourcing questions and space to answer.

    .venv/bin/python scripts/build_packet.py                 # writes to instructor/
    .venv/bin/python scripts/build_packet.py --out /tmp/packet
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import tomllib
from pathlib import Path

import pandas as pd
from editions import load_discussions
from lesson_timing import HEADING, load_plans, plan_table

from helpers import load_authorities, load_claims, load_sources, load_us_actions
from helpers.citations import format_citation
from helpers.exercises import Exercise, load_exercises
from helpers.tables import format_when, html_table

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
SKIPPED = ("questions and objectives", "time", "sources used", "exercises", "for discussion",
           "key points", "next", "your progress", "context", "evidence you can explore",
           "two paths", "synthesis: your memo", "full list of sources", "title")
REQUESTS = {"a": ("airlift for French troops", "airlift", "france"),
            "b": ("aerial refuelling for French jets", "refuelling", "france"),
            "c": ("surveillance drones to help France", "surveillance", "france"),
            "d": ("training and equipment for Mali's army", "training", "mali_army"),
            "e": ("US ground troops in Mali", "ground_troops", None)}

CSS = """
@page { size: auto; margin: 16mm 15mm; }
body { font: 11pt/1.4 Georgia, 'Times New Roman', serif; color: #111; max-width: 175mm;
       margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 20pt; } h2 { font-size: 15pt; border-bottom: 1px solid #555; }
h3 { font-size: 12.5pt; } h2, h3 { break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; font-size: 9.5pt; }
th, td { border: 1px solid #777; padding: 3pt 4pt; vertical-align: top; text-align: left; }
tr, .card li, .answer-line { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
.part { break-before: page; page-break-before: always; }
.card { break-after: page; page-break-after: always; border: 2px solid #111; padding: 8mm; }
.card:last-child { break-after: auto; page-break-after: auto; }
.private { border-left: 5px solid #0072B2; padding-left: 6pt; }
.answer-line { border-bottom: 1px solid #999; height: 9mm; }
blockquote { margin: 6pt 0; padding: 4pt 10pt; border-left: 4px solid #777; }
.note { font-size: 9.5pt; color: #333; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: 9pt; }
@media screen { body { padding: 10mm; } }
@media print { .screen-only { display: none; } }
"""


def page(title: str, body: list[str]) -> str:
    """Return a complete printable HTML page.

    Example:
        >>> "<title>T</title>" in page("T", ["<p>x</p>"])
        True
    """
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{CSS}</style></head>\n<body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def _toml(name: str) -> dict:
    with (DOCS / name).open("rb") as handle:
        return tomllib.load(handle)


def plans_html(plans: list[dict]) -> list[str]:
    """Return every session plan as a heading, a note and a timed table."""
    out = ['<section class="part"><h2 id="plans">Session plans</h2>',
           '<p class="note">Timed from the notebooks (200 words a minute, 1.5 min per chart or '
           'widget, 2 min per exercise, 1 min per transition, plus class activities); every '
           'plan keeps at least 5 minutes of buffer. Last column: what to cut if behind.</p>']
    columns = ["time", "min", "notebook: sections and exercises", "in class", "if behind, cut"]
    for plan in plans:
        out.append(f"<h3>{html.escape(plan['name'])} (total {plan['total']} min)</h3>")
        if plan.get("note"):
            out.append(f"<p>{html.escape(plan['note'])}</p>")
        cells = [[cell.replace("`", "") for cell in row] for row in plan_table(plan)]
        out.append(html_table(pd.DataFrame(cells, columns=columns)))
    return out + ["</section>"]


def wrong_answers(exercise: Exercise) -> pd.DataFrame:
    """Return an exercise's foreseeable wrong answers and what each one reveals."""
    return pd.DataFrame([(wrong, reveals) for wrong, reveals in exercise.feedback.items()],
                        columns=["a student answers", "what it reveals, and what to say"])


def answer_key_html(exercises: dict[str, Exercise]) -> list[str]:
    """Return the answer key: each exercise's answer, explanation and wrong answers."""
    out = ['<section class="part"><h2 id="key">Answer key</h2>',
           '<p class="note">For each exercise, the wrong answers the self-check foresees (the '
           'likeliest first, as the key lists them) with the feedback students see: each one '
           'shows a particular misreading to address in class.</p>']
    for key in sorted(exercises, key=lambda k: tuple(int(p) for p in k.split("."))):
        exercise = exercises[key]
        out += [f"<h3>Exercise {key}</h3>", f"<p>{html.escape(exercise.prompt)}</p>",
                f"<p><strong>Answer:</strong> <code>{html.escape(exercise.solution)}</code>. "
                f"{html.escape(exercise.explanation)}</p>"]
        if exercise.feedback:
            out.append(html_table(wrong_answers(exercise)))
    return out + ["</section>"]


def section_texts(path: Path) -> list[tuple[str, str]]:
    """Return (heading, prose) for each level-2/3 section of a notebook, tables left out."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    found: list[tuple[str, str]] = [("Title", "")]
    for cell in notebook["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        pieces = HEADING.split("".join(cell["source"]))
        found[-1] = (found[-1][0], found[-1][1] + "\n" + pieces[0])
        for index in range(1, len(pieces), 3):
            found.append((pieces[index + 1], pieces[index + 2]))
    return [(title, _prose(text)) for title, text in found]


def _prose(markdown: str) -> str:
    lines = [line for line in markdown.splitlines()
             if line.strip() and not line.lstrip().startswith(("|", "#", "*Keyboard", "!["))]
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", " ".join(lines))
    return " ".join(re.sub(r"[*_`]", "", text).split())


def background_sections(path: Path) -> list[tuple[str, str]]:
    """Return (heading, prose) of the sections of a notebook that get a one-minute background.

    The sections about the module itself (objectives, time, exercises, progress, discussion,
    key points, next, sources) get none.
    """
    def skipped(title: str) -> bool:
        name = title.lower().lstrip("0123456789. ")
        return any(name == word or name.startswith(word + " ") for word in SKIPPED)

    return [(title, prose) for title, prose in section_texts(path)
            if prose and not skipped(title)]


def load_backgrounds() -> dict[str, dict[str, dict]]:
    """Return ``docs/backgrounds.toml`` as {lesson: {section heading: {text, sources}}}."""
    return _toml("backgrounds.toml")["lesson"]


def background_html(title: str, background: dict | None) -> str:
    """Return one list item: the section's background and the source ids it rests on.

    Example:
        >>> background_html("A & B", {"text": "Why.", "sources": ["s-1"]})
        '<li><em>A &amp; B</em>: Why. <span class="note">(sources: s-1)</span></li>'
    """
    if background is None:
        return f"<li><em>{html.escape(title)}</em>: (no background written yet)</li>"
    ids = ", ".join(background["sources"])
    return (f"<li><em>{html.escape(title)}</em>: {html.escape(background['text'])} "
            f'<span class="note">(sources: {html.escape(ids)})</span></li>')


def discussion_html(questions: dict[str, list[dict]]) -> list[str]:
    """Return per lesson: one-minute backgrounds, discussion notes and likely questions."""
    out = ['<section class="part"><h2 id="discussion">Discussion notes</h2>',
           '<p class="note">Per lesson: a one-minute background for each section (what the '
           "notebook does not say: who the actors are, why it mattered, a common "
           "misconception; the ids are rows of data/sources.csv), what a good discussion "
           "should surface, and questions students are likely to ask.</p>"]
    backgrounds = load_backgrounds()
    for path in sorted((REPO / "notebooks").glob("*.ipynb")):
        number = path.name[:2]
        written = backgrounds.get(number, {})
        out.append(f"<h3>Lesson {number}: {html.escape(path.stem[3:].replace('-', ' '))}</h3>")
        out.append("<p><strong>One-minute backgrounds</strong></p><ul>")
        for title, _ in background_sections(path):
            out.append(background_html(title, written.get(title)))
        out.append("</ul><p><strong>For discussion: what a good discussion surfaces"
                   "</strong></p><ol>")
        for table in load_discussions(DOCS / "discussion" / f"lesson{number}.toml").values():
            out.append(f"<li>{html.escape(table['prompt'])}<br><em>Surface:</em> "
                       f"{html.escape(table['surface'])}</li>")
        out.append("</ol><p><strong>Likely student questions</strong></p><ul>")
        for item in questions.get(number, []):
            out.append(f"<li><strong>{html.escape(item['question'])}</strong> "
                       f"{html.escape(item['answer'])}</li>")
        out.append("</ul>")
    return out + ["</section>"]


def laws_html(authorities: pd.DataFrame) -> list[str]:
    """Return a plain-language guide to each US legal instrument of lesson 04."""
    kinds = {"appropriations_provision": "a condition Congress attached to a spending law",
             "executive_action": "a decision of the executive branch",
             "joint_resolution": "a law passed by both houses of Congress",
             "presidential_determination": "a signed decision of the President under a statute",
             "statute": "a law passed by Congress", "policy": "a choice of the administration"}
    out = ['<section class="part"><h2 id="laws">The US laws, in plain language</h2>',
           '<p class="note">From <code>data/authorities.csv</code>; the module\'s simplified '
           "reading, not legal advice.</p>"]
    for row in authorities.itertuples():
        out += [f"<h3>{html.escape(row.short_name)}</h3>",
                f"<p><em>{html.escape(row.citation)}</em>; "
                f"{html.escape(kinds.get(row.kind, row.kind))}"
                f", dated {html.escape(format_when(row.enacted))}.</p><ul>",
                f"<li><strong>Allows:</strong> {html.escape(row.permits)}</li>",
                f"<li><strong>Bars:</strong> {html.escape(row.bars)}</li>",
                f"<li><strong>Conditions:</strong> {html.escape(row.conditions)}</li>",
                f"<li><strong>For Mali:</strong> {html.escape(row.bearing_on_mali)}</li></ul>"]
    return out + ["</section>"]


def vote_sheet_html() -> list[str]:
    """Return the blank vote sheet for requests (a)-(e)."""
    rows = [(f"({letter}) {label}", "", "", "", "") for letter, (label, _, _) in REQUESTS.items()]
    frame = pd.DataFrame(rows, columns=["request", "grant / with conditions / refuse",
                                        "law or policy? which one", "who must be told", "votes"])
    return ["<h2>Vote sheet: NSC meeting, 16 January 2013</h2>",
            "<p>One line per request. Name the instrument, not just the verdict.</p>",
            html_table(frame, classes="vote")]


def roleplay_html(roles: list[dict], actions: pd.DataFrame) -> list[str]:
    """Return the role-play's running order, what each role brings out, and the debrief."""
    out = ['<section class="part"><h2 id="roleplay">Lesson 04 role-play</h2>',
           "<p><strong>Running it (15 min).</strong> Hand out <code>role-cards.html</code>, one "
           "card per group. 3 min: read only your card. 10 min: read-out in the order below, "
           "90 s per role, then open floor chaired by the Secretary of Defense. 2 min: vote on "
           "each request (vote sheet). Keep the authority explorer closed until after the vote. "
           "Then project lesson 04's chart of what Washington did: it is the reveal.</p>",
           "<p><strong>What each role should bring out</strong> (not on the cards):</p><ol>"]
    out += [f"<li><em>{html.escape(r['title'])}</em>: {html.escape(r['bring_out'])}</li>"
            for r in roles]
    out += ["</ol>", *vote_sheet_html(), "<h2>Debrief</h2>",
            "<p>First de-role: students step out of their roles and say, in their own voice, "
            "which argument they found strongest. Then compare the votes with the record:</p>"]
    rows = []
    for letter, (label, kind, recipient) in REQUESTS.items():
        chosen = actions[actions["kind"] == kind]
        if recipient:
            chosen = chosen[chosen["recipient"] == recipient]
        record = "; ".join(f"{format_when(a.date, a.date_precision)}: {a.action} ({a.outcome})"
                           for a in chosen.itertuples())
        rows.append((f"({letter}) {label}", record))
    out.append(html_table(pd.DataFrame(rows, columns=["request", "what Washington did"])))
    out += ["<ul><li>Which of your refusals were law, and which were choice?</li>",
            "<li>Only (d) was barred by law on 16 January (section 7008); (e) was refused by "
            "policy. Where did the class treat a policy as a law, or a law as a policy?</li>",
            "<li>What would have had to change for (d) to be lawful, and who could change it?"
            "</li></ul></section>"]
    return out


def role_cards_html(roles: list[dict]) -> str:
    """Return the printable role cards, one per page, then the vote sheet; no answers."""
    body = ["<h1 class=\"screen-only\">Lesson 04 role cards</h1>"]
    for number, role in enumerate(roles, start=1):
        items = "".join(f"<li>{html.escape(fact)}</li>" for fact in role["private"])
        body.append(
            f'<section class="card"><h2>Card {number}: {html.escape(role["title"])}'
            f'{" (chairs the meeting)" if role.get("chairs") else ""}</h2>'
            "<p>National Security Council meeting, Washington, 16 January 2013. France asks for "
            "(a) airlift, (b) aerial refuelling and (c) surveillance drones; Mali's army asks "
            "for (d) training and equipment; reporters ask about (e) US ground troops.</p>"
            f"<p><strong>You care about:</strong> {html.escape(role['cares'])}</p>"
            f"<p><strong>Everyone at the table knows:</strong> {html.escape(role['public'])}</p>"
            f'<div class="private"><p><strong>Only you know</strong> (do not show this card):'
            f"</p><ul>{items}</ul></div>"
            f"<p><strong>Ask the room:</strong> \u201c{html.escape(role['ask'])}\u201d</p>"
            "<p>90 seconds to make your case, then open floor.</p></section>")
    body.append('<section class="card">' + "".join(vote_sheet_html()) + "</section>")
    return page("Lesson 04 role cards", body)


def _answer_space(lines: int) -> str:
    return '<div class="answer-line"></div>' * lines


def seed_sheets(sources: pd.DataFrame, claims: pd.DataFrame) -> list[str]:
    """Return lesson 05's document sheets: the module's paraphrase, one attributed quote."""
    out = []
    for source_id in sources[sources["source_id"].str.startswith("seed-")]["source_id"]:
        own = claims[claims["source_id"] == source_id]
        quotes = own[own["quote"].fillna("") != ""]
        paraphrase = "".join(f"<li>{html.escape(c)}</li>" for c in own["claim"].head(4))
        quote = (f"<blockquote>{html.escape(quotes['quote'].iloc[0])}</blockquote>"
                 if len(quotes) else "")
        row = sources[sources["source_id"] == source_id].iloc[0]
        questions = [
            f"Sourcing: who wrote this ({html.escape(row['kind'])}, "
            f"{html.escape(str(row['voice']))}), "
            "when, for which readers, and why?",
            "Contextualisation: what could the author know on that date? What happened next?",
            "Corroboration: which other source agrees or disagrees with one of these claims?",
            "Close reading: which word does it use for the armed groups? Whose word is it?"]
        out.append(_sheet(f"Lesson 05: {html.escape(row['title'])}",
                          html.escape(format_citation(sources, source_id)),
                          "<p>What it says (the module's paraphrase of its claims):</p>"
                          f"<ul>{paraphrase}</ul>" + quote, questions))
    return out


def law_sheets(sheets: list[dict], sources: pd.DataFrame, authorities: pd.DataFrame) -> list[str]:
    """Return lesson 04's document sheets: public-domain US texts quoted at length."""
    out = []
    for sheet in sheets:
        row = authorities[authorities["authority_id"] == sheet["authority_id"]].iloc[0]
        out.append(_sheet(f"Lesson 04: {html.escape(sheet['heading'])}",
                          html.escape(f"{row['citation']} (public domain)"),
                          f"<blockquote>{html.escape(sheet['excerpt'])}</blockquote>",
                          [html.escape(q) for q in sheet["questions"]]))
    return out


def _sheet(heading: str, citation: str, excerpt: str, questions: list[str]) -> str:
    items = "".join(f"<li>{q}{_answer_space(3)}</li>" for q in questions)
    return (f'<section class="card"><h2>{heading}</h2><p class="note">{citation}</p>'
            f"{excerpt}<h3>Questions</h3><ol>{items}</ol>"
            "<p>Name: ______________________</p></section>")


def build(out_dir: Path) -> list[Path]:
    """Write the packet, the role cards and the document sheets; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sources, authorities = load_sources(), load_authorities()
    roles = _toml("role-cards.toml")["role"]
    questions = _toml("student-questions.toml")["lesson"]
    packet = ["<h1>Instructor packet: the Mali crisis of 2012\u20132013</h1>",
              "<p>Seven notebooks: 00 start, five lessons 01\u201305, 06 synthesis. Contents: "
              '<a href="#plans">session plans</a>, <a href="#key">answer key</a>, '
              '<a href="#discussion">discussion notes</a>, <a href="#laws">the US laws</a>, '
              '<a href="#roleplay">lesson 04 role-play</a>. The role cards and document sheets '
              "print from their own files (role-cards.html, document-sheets.html), so this "
              "packet's answers never print with them.</p>",
              *plans_html(load_plans()), *answer_key_html(load_exercises()),
              *discussion_html(questions), *laws_html(authorities),
              *roleplay_html(roles, load_us_actions())]
    sheets = (law_sheets(_toml("document-sheets.toml")["sheet"], sources, authorities)
              + seed_sheets(sources, load_claims()))
    files = {"packet.html": page("Instructor packet", packet),
             "role-cards.html": role_cards_html(roles),
             "document-sheets.html": page("Document sheets", sheets)}
    for name, text in files.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    return [out_dir / name for name in files]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "instructor")
    args = parser.parse_args(argv)
    for path in build(args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
