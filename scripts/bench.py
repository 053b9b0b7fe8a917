"""Measure the module (``make bench``) and write ``bench/results.md``. Not part of ``make test``.

    .venv/bin/python scripts/bench.py [--repeat 3] [--out bench/results.md]

What it measures, each against the budget of issue 9 (see ``bench_report``):

- every notebook's run time in a fresh kernel (kernel start to last cell done), median of
  ``--repeat`` runs, against the *floor*: a kernel that only imports pandas, matplotlib
  and ipywidgets, measured in the same run, interleaved with the notebooks;
- the kernel's peak memory per notebook (``ru_maxrss`` read by a cell appended at the end);
- the import time of every ``helpers`` module on top of those libraries;
- the median latency of each widget's update function (``bench_cases.BENCH_CASES``);
- the installed size of the runtime environment (the packages ``requirements.txt``
  pulls in, summed from their installed file lists, plus pip and this package);
- an idle JupyterLab server's memory, for sizing a hub.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from bench_cases import BENCH_CASES
from bench_env import lab_server_mb, machine, runtime_install_mb, venv_mb
from bench_report import (
    KERNEL_MEMORY_MB,
    RUNTIME_INSTALL_MB,
    WIDGET_UPDATE_MS,
    Row,
    block,
    calls_for,
    limit_row,
    median_ms,
    notebook_row,
    render_markdown,
    replace_block,
    results_table,
    set_block,
    time_calls,
    widget_modules,
)
from kernels import kernel_config
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
FLOOR_IMPORTS = "import pandas, matplotlib.pyplot, ipywidgets"
PEAK_CELL = ("import json, resource\n"
             "use = resource.getrusage(resource.RUSAGE_SELF)\n"
             "print(json.dumps([use.ru_maxrss, use.ru_utime + use.ru_stime]))")
UPDATE_CALLS = 200


@dataclass(frozen=True)
class NotebookRun:
    """One run of a notebook: wall time to its last cell, kernel CPU time, peak memory."""

    seconds: float
    cpu_s: float
    peak_mib: float
    slowest: list[tuple[float, str]]  # the three slowest cells: (seconds, first line)


def run_notebook(notebook: nbformat.NotebookNode, *, cwd: Path) -> NotebookRun:
    """Run a copy of ``notebook`` in a fresh kernel and measure it."""
    copy = nbformat.from_dict(json.loads(json.dumps(notebook)))
    last = len(copy.cells)
    copy.cells.append(nbformat.v4.new_code_cell(PEAK_CELL))
    started: dict[int, float] = {}
    done: dict[int, float] = {}

    def on_start(cell, cell_index):  # nbclient hook signatures
        started[cell_index] = time.perf_counter()

    def on_done(cell, cell_index, execute_reply):
        done[cell_index] = time.perf_counter()

    client = NotebookClient(copy, timeout=600, kernel_name="python3", on_cell_start=on_start,
                            on_cell_executed=on_done, shutdown_kernel="immediate",
                            resources={"metadata": {"path": str(cwd)}}, config=kernel_config())
    start = time.perf_counter()
    client.execute()
    peak_kb, cpu_s = json.loads(copy.cells[-1].outputs[0]["text"])
    cells = [i for i in done if i < last]
    slowest = sorted(((done[i] - started[i], copy.cells[i].source.splitlines()[0])
                      for i in cells), reverse=True)[:3]
    return NotebookRun(max((done[i] for i in cells), default=start) - start, cpu_s,
                       peak_kb / 1024, slowest)


def helper_import_s(repeat: int) -> float:
    """Median seconds to import every helpers module after pandas, matplotlib, ipywidgets."""
    modules = [f"helpers.{p.stem}" for p in sorted((REPO / "helpers").glob("*.py"))]
    code = (f"import importlib, time\n{FLOOR_IMPORTS}\nstart = time.perf_counter()\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            "print(time.perf_counter() - start)")
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True, cwd=REPO).stdout) for _ in range(repeat)]
    return statistics.median(runs)


def bench_notebooks(paths: list[Path], *, repeat: int) -> tuple[list[Row], list[str]]:
    """Rows for every notebook (time against the floor, peak memory) and notes on them."""
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_IMPORTS)])
    notebooks = {p.stem: nbformat.read(p, as_version=4) for p in paths}
    runs: dict[str, list[NotebookRun]] = {name: [] for name in ["floor", *notebooks]}
    for _ in range(repeat):  # interleaved, so a busy moment weighs on floor and notebooks alike
        for name, notebook in [("floor", floor_nb), *notebooks.items()]:
            run = run_notebook(notebook, cwd=REPO / "notebooks")
            runs[name].append(run)
            print(f"  {name}: {run.seconds:.2f} s, {run.cpu_s:.2f} s CPU, "
                  f"{run.peak_mib:.0f} MiB", flush=True)

    def med(name: str, field: str) -> float:
        return statistics.median(getattr(r, field) for r in runs[name])

    def peak(name: str) -> float:
        return max(r.peak_mib for r in runs[name])

    floor, floor_cpu = med("floor", "seconds"), med("floor", "cpu_s")
    rows = [Row("floor: kernel start + import pandas, matplotlib.pyplot, ipywidgets",
                f"{floor:.2f} s ({floor_cpu:.2f} s kernel CPU), {peak('floor'):.0f} MiB",
                "(reference)", None)]
    notes = [f"A bare kernel with the floor's imports peaks at {peak('floor'):.0f} MiB."]
    for name in notebooks:
        row = notebook_row(name, seconds=med(name, "seconds"), floor_s=floor)
        cpu = med(name, "cpu_s") - floor_cpu
        rows.append(Row(row.what, f"{row.measured}; kernel CPU floor + {cpu:.2f} s",
                        row.budget, row.ok))
        rows.append(limit_row(f"notebook {name}: peak kernel memory", peak(name),
                              limit=KERNEL_MEMORY_MB, unit="MiB"))
        slow = min(runs[name], key=lambda r: r.seconds).slowest  # from its fastest run
        cells = ", ".join(f"`{line}` {seconds:.2f} s" for seconds, line in slow)
        notes.append(f"{name}: slowest cells in its fastest run: {cells}.")
    return rows, notes


def bench_widgets() -> list[Row]:
    """Rows for the median latency of every registered widget update function."""
    import matplotlib

    matplotlib.use("Agg")
    rows = []
    for case in BENCH_CASES:
        update = case.setup()
        update()  # warm caches once, as the widget's first display does
        second = time_calls(update, repeat=1, clock=time.perf_counter)[0]
        calls = calls_for(second, most=UPDATE_CALLS)
        ms = median_ms(time_calls(update, repeat=calls, clock=time.perf_counter))
        rows.append(limit_row(f"widget update {case.name} (median of {calls})", ms,
                              limit=WIDGET_UPDATE_MS, unit="ms"))
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run every measurement, print the table and write it to ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per notebook (median)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.md")
    parser.add_argument("--readme", type=Path, default=None,
                        help="also refresh the benchmark blocks of this README")
    args = parser.parse_args(argv)
    facts = machine()
    print("notebooks (fresh kernel each):", flush=True)
    rows, notebook_notes = bench_notebooks(sorted((REPO / "notebooks").glob("*.ipynb")),
                                           repeat=args.repeat)
    imports = helper_import_s(max(args.repeat, 3))
    rows.append(Row("import every helpers module (after the floor's imports)",
                    f"{imports * 1000:.0f} ms", "(inside the notebook budget)", None))
    rows += bench_widgets()
    size, count = runtime_install_mb()
    rows.append(limit_row(f"runtime install ({count} distributions)", size,
                          limit=RUNTIME_INSTALL_MB, unit="MiB"))
    server = lab_server_mb()
    rows.append(Row("idle JupyterLab server (per student on a hub)", f"{server:.0f} MiB",
                    "(no budget)", None))
    kernel_peak = max(float(r.measured.split()[0]) for r in rows if "peak kernel" in r.what)
    covered = {case.widget_module for case in BENCH_CASES}
    missing = [m for m in widget_modules(REPO / "helpers") if m not in covered]
    hundred_gib = 100 * (server + kernel_peak) / 1024
    memory_note = (
        f"Memory per student on a hub: about {server:.0f} MiB for the idle JupyterLab server "
        f"plus up to {kernel_peak:.0f} MiB for each open notebook's kernel (the heaviest "
        f"notebook measured), so about {server + kernel_peak:.0f} MiB with one notebook open; "
        f"a class of 100 with one notebook each needs about {hundred_gib:.0f} GiB.")
    notes = [
        f"Times are medians of {args.repeat} runs, each in a fresh kernel started by nbclient; "
        "the floor ran interleaved with the notebooks so machine load weighs on both. The budget "
        "applies to wall time, which machine load inflates (see the load average above); "
        "the kernel's CPU time over the floor's is shown beside it as a load-independent check.",
        "Peak memory is the kernel's own `ru_maxrss` (resident set high-water mark), read by a "
        "cell appended after the last one.",
        *notebook_notes,
        "Runtime install: the distributions `requirements.txt` pulls in (dependency closure, "
        "markers evaluated), plus pip, setuptools and this package, summed from each one's "
        "installed file list (RECORD, bytecode included); a fresh runtime-only venv measured "
        "3 % more with `du` (its own scripts and caches). The test-only packages (playwright, "
        f"pytest, nbval, ruff, nbstripout) are excluded; this .venv with them is {venv_mb():.0f} "
        "MiB.",
        memory_note,
        ("Widget modules without a benchmark case: " + ", ".join(missing)
         + " (add them to scripts/bench_cases.py).") if missing
        else "Every helpers module that builds a widget has a benchmark case.",
    ]
    text = render_markdown(rows, machine=facts, notes=notes)
    hub = block(args.out.read_text("utf-8"), "hub") if args.out.exists() else None
    if hub:  # the section `make hub-test` wrote stays
        text = set_block(text, "hub", hub)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    if args.readme:
        readme = args.readme.read_text(encoding="utf-8")
        summary = f"Measured {facts['date']} on {facts['cpu']} (load average " \
                  f"{facts['load average at start (1, 5, 15 min)']}), commit {facts['commit']}."
        readme = replace_block(readme, "table", f"{summary}\n\n{results_table(rows)}")
        args.readme.write_text(readme, encoding="utf-8")
        print(f"updated {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
