"""Find outputs that state an exercise's answer before the exercise (in an executed notebook).

A student reads down the page: an answer printed above its exercise gives it away. Checked on
every output above an exercise's cell (the first cell that calls ``check("N.k", ...)``):

- a printed statement (a stream, or a result with only plain text) that contains the answer:
  a date in any of the forms the lessons print, a number within the exercise's tolerance, or
  an accepted text as whole words;
- any output (tables, charts, widgets) that contains a computed number answer: one with a
  fractional part or of at least 100. Small whole numbers (10, 50) and dates or names in
  tables are the evidence a look-up exercise sends the student to, so they are not flagged.

``ALLOWED`` lists the few exceptions, each with its reason. The instructor edition build
(``scripts/build_instructor.py``) runs this on every executed lesson and fails on a finding.
"""

from __future__ import annotations

import html
import re
from datetime import date

from helpers.exercises import Exercise, accepted_texts
from helpers.readers import normalise_text, read_date

CHECK = re.compile(r"""check\(\s*["'](\d+\.\d+)["']""")
NUMBER = re.compile(r"(?<![\w.-])-?\d[\d,]*(?:\.\d+)?")
# (exercise, words of the output): why that output may name the answer before the exercise.
ALLOWED = {
    ("4.1", "Training Mali's army on 21 Jan 2013"):
        "21 January 2013 is the reference date of lesson 04's verdicts and tables; the pinned "
        "cell prints the training verdict on that day, not the airlift",
    ("2.1", "Douentza by MUJAO"):
        "names MUJAO as Douentza's holder in October 2012; the exercise asks about Gao",
    ("5.1", "Most frequent word for the armed groups"):
        "lists every seed with its most frequent label; it says nothing of when each was written",
}


def output_texts(cell: dict) -> list[tuple[str, bool]]:
    """Return a code cell's outputs as (text, printed) pairs; printed means a plain statement.

    Example:
        >>> output_texts({"outputs": [{"output_type": "stream", "text": "Gao 947 km"}]})
        [('Gao 947 km', True)]
    """
    found = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            found.append(("".join(output["text"]), True))
            continue
        data = output.get("data", {})
        rich = [mime for mime in ("text/markdown", "text/html") if mime in data]
        for mime in rich:
            text = "".join(data[mime])
            if mime == "text/html":
                text = html.unescape(re.sub(r"<[^>]+>", " ", text))
            found.append((text, False))
        if not rich and "text/plain" in data:
            found.append(("".join(data["text/plain"]), True))
    return found


def date_forms(day: date) -> list[str]:
    """Return the ways the lessons write a date.

    Example:
        >>> date_forms(date(2013, 1, 11))[:3]
        ['2013-01-11', '11 January 2013', '11 Jan 2013']
    """
    return [day.isoformat(), f"{day.day} {day:%B %Y}", f"{day.day} {day:%b %Y}",
            f"{day:%d %B %Y}", f"{day:%B} {day.day}, {day.year}"]


def distinctive(exercise: Exercise) -> bool:
    """Say whether a number answer is rare enough in tables to be searched for everywhere."""
    value = float(exercise.answer)
    return not value.is_integer() or abs(value) >= 100


def states_answer(text: str, exercise: Exercise, *, printed: bool) -> bool:
    """Say whether an output's text contains an exercise's answer.

    Example:
        >>> from helpers.exercises import load_exercises
        >>> states_answer("Konna is 61 km from Mopti", load_exercises()["0.2"], printed=True)
        True
        >>> states_answer("ratio 5.2", load_exercises()["3.1"], printed=True)
        False
    """
    if exercise.kind == "number":
        if not (printed or distinctive(exercise)):
            return False
        for token in NUMBER.findall(text):
            value = float(token.replace(",", ""))
            if abs(value - float(exercise.answer)) <= exercise.tolerance:
                return True
        return False
    if not printed:
        return False
    if exercise.kind == "date":
        return any(form in text for form in date_forms(read_date(exercise.answer)))
    words = f" {normalise_text(text)} "
    answers = [exercise.answer] if exercise.kind != "items" else list(exercise.answer)
    if exercise.kind == "items":
        return all(f" {normalise_text(item)} " in words for item in answers)
    return any(len(form) > 3 and f" {form} " in words for form in accepted_texts(exercise))


def early_answers(notebook: dict, exercises: dict[str, Exercise]) -> list[str]:
    """List the outputs above each exercise that state its answer, as readable findings."""
    findings, seen, asked = [], [], set()
    for number, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        for key in CHECK.findall("".join(cell["source"])):
            if key in asked or key not in exercises:
                continue
            asked.add(key)
            for where, text, printed in seen:
                if any(allowed == key and words in text for allowed, words in ALLOWED):
                    continue
                if states_answer(text, exercises[key], printed=printed):
                    findings.append(f"cell {where} shows the answer to exercise {key} before "
                                    f"it (cell {number}): {text.strip()[:120]!r}")
        seen += [(number, text, printed) for text, printed in output_texts(cell)]
    return findings
