"""Pure parts of the benchmark: statistics, budgets, install-size closure and the report.

Nothing here measures anything; ``scripts/bench.py`` measures and passes the numbers in.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

# The budgets of issue 9; the report compares every measurement with them.
NOTEBOOK_MARGIN_S = 1.5
WIDGET_UPDATE_MS = 50.0
KERNEL_MEMORY_MB = 200.0
RUNTIME_INSTALL_MB = 550.0


@dataclass(frozen=True)
class Row:
    """One line of the results table."""

    what: str
    measured: str
    budget: str
    ok: bool | None  # None: reported without a budget


def median_ms(samples_s: Iterable[float]) -> float:
    """Return the median of durations in seconds, in milliseconds.

    Example:
        >>> median_ms([0.001, 0.003, 0.002])
        2.0
    """
    values = list(samples_s)
    if not values:
        raise ValueError("no samples to summarise")
    return statistics.median(values) * 1000


def calls_for(first_s: float, *, most: int = 200, least: int = 20,
              budget_s: float = 5.0) -> int:
    """How many calls to time: ``most``, fewer for slow updates, never under ``least``.

    Example:
        >>> calls_for(0.001), calls_for(0.1), calls_for(2.0)
        (200, 50, 20)
    """
    if first_s <= 0:
        return most
    return max(least, min(most, int(budget_s / first_s)))


def time_calls(update: Callable[[], object], *, repeat: int,
               clock: Callable[[], float]) -> list[float]:
    """Call ``update`` ``repeat`` times and return each call's duration by ``clock``.

    Example:
        >>> ticks = iter([0.0, 0.5, 1.0, 1.25])
        >>> time_calls(lambda: None, repeat=2, clock=lambda: next(ticks))
        [0.5, 0.25]
    """
    durations = []
    for _ in range(repeat):
        start = clock()
        update()
        durations.append(clock() - start)
    return durations


def requirement_names(text: str) -> list[str]:
    """Return the package names pinned in a requirements file's text (options skipped).

    Example:
        >>> text = "# runtime\\njupyterlab==4.6.6\\n-c constraints.txt\\npandas[x]>=2 ; os_name>'a'"
        >>> requirement_names(text)
        ['jupyterlab', 'pandas']
    """
    names = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            names.append(re.split(r"[\s\[<>=!~;]", line, maxsplit=1)[0])
    return names


def canonical(name: str) -> str:
    """Return the normalised form of a distribution name (PEP 503), keeping its extras.

    Example:
        >>> canonical("Jupyter_Server.Terminals")
        'jupyter-server-terminals'
        >>> canonical("JSONSchema[format_nongpl, b]")
        'jsonschema[b,format-nongpl]'
    """
    base, _, extras = name.partition("[")
    key = re.sub(r"[-_.]+", "-", base.strip()).lower()
    wanted = sorted(canonical(e) for e in extras.rstrip("]").split(",") if e.strip())
    return f"{key}[{','.join(wanted)}]" if wanted else key


def dependency_closure(roots: Iterable[str], requires: Callable[[str], list[str]]) -> set[str]:
    """Return every distribution reachable from ``roots`` through ``requires``.

    ``requires(name)`` gives the names a distribution needs in this environment (markers
    already evaluated). A name may carry extras (``jsonschema[format-nongpl]``): it is then
    its own node, so the extras' dependencies are followed too. Names are compared in
    canonical form; :func:`distributions` drops the extras.

    Example:
        >>> deps = {"a": ["B"], "b": ["c"], "c": ["a"], "d": []}
        >>> sorted(dependency_closure(["A"], lambda n: deps[n]))
        ['a', 'b', 'c']
    """
    seen: set[str] = set()
    todo = [canonical(name) for name in roots]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(canonical(dep) for dep in requires(name))
    return seen


def distributions(closure: Iterable[str]) -> set[str]:
    """Return the distribution names in a closure, without extras.

    Example:
        >>> sorted(distributions({"jsonschema", "jsonschema[format-nongpl]", "fqdn"}))
        ['fqdn', 'jsonschema']
    """
    return {name.partition("[")[0] for name in closure}


def widget_modules(helpers_dir: Path) -> list[str]:
    """Return the ``helpers`` modules that build ipywidgets (they import it).

    Example:
        >>> "helpers.maps" in widget_modules(Path(__file__).parents[1] / "helpers")
        True
    """
    found = []
    for path in sorted(helpers_dir.glob("*.py")):
        if re.search(r"^\s*(import ipywidgets|from ipywidgets\b)", path.read_text("utf-8"), re.M):
            found.append(f"helpers.{path.stem}")
    return found


def notebook_row(name: str, *, seconds: float, floor_s: float) -> Row:
    """Compare one notebook's run time with the floor plus the margin.

    Example:
        >>> notebook_row("00", seconds=3.0, floor_s=2.0).ok
        True
    """
    over = seconds - floor_s
    return Row(f"notebook {name}: run in a fresh kernel",
               f"{seconds:.2f} s (floor + {over:.2f} s)",
               f"floor + {NOTEBOOK_MARGIN_S} s", over <= NOTEBOOK_MARGIN_S)


def limit_row(what: str, value: float, *, limit: float, unit: str) -> Row:
    """A row whose measurement must stay under ``limit``.

    Example:
        >>> limit_row("memory", 150.0, limit=200.0, unit="MB")
        Row(what='memory', measured='150.0 MB', budget='< 200.0 MB', ok=True)
    """
    return Row(what, f"{value:.1f} {unit}", f"< {limit:.1f} {unit}", value < limit)


def render_markdown(rows: list[Row], *, machine: Mapping[str, str], notes: list[str]) -> str:
    """Return the results as Markdown: the machine, the table, then notes.

    Example:
        >>> text = render_markdown([Row("x", "1 s", "< 2 s", True)], machine={"cpu": "z"},
        ...                        notes=["n"])
        >>> "| x | 1 s | < 2 s | ok |" in text and "- cpu: z" in text
        True
    """
    lines = ["# Benchmark results", "", "Written by `make bench` (scripts/bench.py); "
             "do not edit by hand.", "", "## Machine", ""]
    lines += [f"- {key}: {value}" for key, value in machine.items()]
    lines += ["", "## Results", "", results_table(rows)]
    over = [r.what for r in rows if r.ok is False]
    lines += ["", f"**{len(over)} over budget**: {', '.join(over)}" if over
              else "Every budget is met."]
    lines += ["", "## Notes", ""] + [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"


def replace_block(text: str, name: str, content: str) -> str:
    """Replace what lies between ``<!-- bench:NAME start -->`` and ``<!-- bench:NAME end -->``.

    Raises:
        ValueError: The markers are missing or out of order.

    Example:
        >>> doc = "a\\n<!-- bench:t start -->\\nold\\n<!-- bench:t end -->\\nb"
        >>> replace_block(doc, "t", "new")
        'a\\n<!-- bench:t start -->\\nnew\\n<!-- bench:t end -->\\nb'
    """
    start, end = f"<!-- bench:{name} start -->", f"<!-- bench:{name} end -->"
    head, found, rest = text.partition(start)
    _, found_end, tail = rest.partition(end)
    if not found or not found_end:
        raise ValueError(f"the README needs the markers {start} and {end}, in that order")
    return f"{head}{start}\n{content.strip()}\n{end}{tail}"


def block(text: str, name: str) -> str | None:
    """Return what lies between the ``bench:NAME`` markers of ``text``, or None.

    Example:
        >>> block("a\\n<!-- bench:hub start -->\\nx\\n<!-- bench:hub end -->\\n", "hub")
        'x'
        >>> block("a", "hub") is None
        True
    """
    start, end = f"<!-- bench:{name} start -->", f"<!-- bench:{name} end -->"
    _, found, rest = text.partition(start)
    inside, found_end, _ = rest.partition(end)
    return inside.strip() if found and found_end else None


def set_block(text: str, name: str, content: str) -> str:
    """Replace the ``bench:NAME`` block of ``text``, or append it (with its markers) at the end.

    ``make hub-test`` writes its section of the results this way, and ``make bench`` carries
    it over when it rewrites the file.

    Example:
        >>> set_block("# R\\n", "hub", "x")
        '# R\\n\\n<!-- bench:hub start -->\\nx\\n<!-- bench:hub end -->\\n'
        >>> set_block(set_block("# R\\n", "hub", "x"), "hub", "y").count("bench:hub start")
        1
    """
    if block(text, name) is not None:
        return replace_block(text, name, content)
    return f"{text.rstrip()}\n\n<!-- bench:{name} start -->\n{content.strip()}\n" \
           f"<!-- bench:{name} end -->\n"


def results_table(rows: list[Row]) -> str:
    """Return the rows as a Markdown table (also used for the README).

    Example:
        >>> results_table([Row("x", "1 s", "< 2 s", True)]).splitlines()[-1]
        '| x | 1 s | < 2 s | ok |'
    """
    verdict = {True: "ok", False: "**over budget**", None: "(no budget)"}
    lines = ["| what | measured | budget | verdict |", "|---|---|---|---|"]
    lines += [f"| {r.what} | {r.measured} | {r.budget} | {verdict[r.ok]} |" for r in rows]
    return "\n".join(lines)
