"""Move instructor notes written inside a student notebook into the lesson's key file.

Some lessons wrote "what a good discussion surfaces" as a ``<details>`` block under their
discussion prompts, where every student can open it. The module's convention keeps those
notes in ``helpers/keys/lessonNN.toml`` as ``[discussion."N"]`` tables (``prompt`` and
``surface``), shown only in the instructor edition. These pure functions do the move;
``scripts/move_discussion_notes.py`` applies them to notebooks.
"""

from __future__ import annotations

import json
import re

DETAILS = re.compile(r"\s*<details>\s*<summary>.*?</summary>(?P<body>.*?)</details>\s*",
                     re.S | re.I)
ITEM = re.compile(r"^(\d+)\.\s+", re.M)


def numbered_items(text: str) -> dict[str, str]:
    """Split a Markdown numbered list into ``{"1": "one line of text", ...}``.

    Example:
        >>> numbered_items("1. First,\\n   wrapped.\\n2. Second.")
        {'1': 'First, wrapped.', '2': 'Second.'}
    """
    pieces = ITEM.split(text)
    return {number: " ".join(body.split()) for number, body in zip(pieces[1::2], pieces[2::2],
                                                                     strict=True)}


def extract_notes(markdown: str) -> tuple[str, dict[str, dict[str, str]]]:
    """Split a discussion cell into the student's text and the notes to move.

    Returns:
        The cell without its ``<details>`` block, and ``{"N": {"prompt", "surface"}}``.

    Raises:
        ValueError: The prompts and the notes are not numbered alike.

    Example:
        >>> cell = "## For discussion\\n\\n1. Why?\\n\\n<details><summary>For instructors"
        >>> cell += "</summary>\\n\\n1. Because.\\n</details>"
        >>> extract_notes(cell)
        ('## For discussion\\n\\n1. Why?', {'1': {'prompt': 'Why?', 'surface': 'Because.'}})
    """
    match = DETAILS.search(markdown)
    if match is None:
        return markdown, {}
    student = (markdown[:match.start()] + "\n\n" + markdown[match.end():]).strip()
    prompts = numbered_items(student.split("\n", 1)[1] if "\n" in student else "")
    notes = numbered_items(match["body"])
    if list(prompts) != list(notes):
        raise ValueError(f"prompts numbered {list(prompts)} but notes numbered {list(notes)}; "
                         "number both lists alike before moving the notes")
    return student, {n: {"prompt": prompts[n], "surface": notes[n]} for n in prompts}


def discussion_toml(notes: dict[str, dict[str, str]]) -> str:
    """Write notes as ``[discussion."N"]`` TOML tables.

    Example:
        >>> print(discussion_toml({"1": {"prompt": 'Say "why"', "surface": "Because."}}))
        <BLANKLINE>
        [discussion."1"]
        prompt = "Say \\"why\\""
        surface = "Because."
        <BLANKLINE>
    """
    tables = [f'\n[discussion."{n}"]\nprompt = {json.dumps(table["prompt"], ensure_ascii=False)}'
              f'\nsurface = {json.dumps(table["surface"], ensure_ascii=False)}\n'
              for n, table in notes.items()]
    return "".join(tables)
