"""Fixtures that run JupyterLab in a throwaway directory and drive it with Chromium.

The browser tests need Debian's ``chromium`` (``apt-get install chromium``) and the
test requirements (``playwright``); never ``playwright install``. Set
``MALI_SKIP_BROWSER=1`` to skip them deliberately; without it a missing browser is a
failure, so CI cannot pass by silently skipping the widget checks.

Fixtures:
    lab_server: one JupyterLab server per session (see :class:`LabServer`).
    browser: one headless Chromium per session.
    page: a fresh browser context and page per test.
    executed_notebook: each lesson run once per session, shared by the reader edition and
        the projector view (see :func:`run_side_by_side`).
    reader_site: the reader edition (``scripts/build_site.py``) built once per session.
    axe_js: the source of axe-core (pinned npm package) for accessibility checks.
"""

from __future__ import annotations

import copy
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
# Copied into the lab root so notebooks find ../data as in the repo; helpers/ comes
# from the editable install (`pip install -e .`), as for a student.
COPIED_DIRS = ("notebooks", "data")
STARTUP_TIMEOUT_S = 60.0
SHUTDOWN_TIMEOUT_S = 15.0
DEFAULT_TIMEOUT_MS = 60_000
# Notebooks executed at once when an edition is built for the tests: each runs in its own
# kernel process, so two at a time use both cores of a small machine.
PARALLEL_RUNS = 2
USER_SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}


@dataclass(frozen=True)
class LabServer:
    """A running JupyterLab server.

    Attributes:
        base_url: Server address ending in ``/``, e.g. ``http://127.0.0.1:8899/``.
        token: Authentication token to append as ``?token=...``.
        root: Directory the server serves; tests may write notebooks here.
        log_path: File holding the server's stdout and stderr.
    """

    base_url: str
    token: str
    root: Path
    log_path: Path

    def log_tail(self, *, lines: int = 40) -> str:
        """Return the last ``lines`` lines of the server log."""
        return tail_file(self.log_path, lines=lines)


def tail_file(path: Path, *, lines: int = 40) -> str:
    """Return the last ``lines`` lines of a text file, or a note if it is missing."""
    if not path.exists():
        return f"(no log at {path})"
    text = path.read_text(encoding="utf-8", errors="replace")
    return "\n".join(text.splitlines()[-lines:])


def skip_if_requested() -> None:
    """Skip the calling test when ``MALI_SKIP_BROWSER=1`` is set."""
    if os.environ.get("MALI_SKIP_BROWSER") == "1":
        pytest.skip("browser tests skipped because MALI_SKIP_BROWSER=1")


def find_free_port() -> int:
    """Return a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_repo_content(root: Path) -> None:
    """Copy the lesson folders of the repo into ``root``, skipping caches."""
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc")
    for name in COPIED_DIRS:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=ignore)


def write_user_settings(settings_dir: Path) -> None:
    """Write JupyterLab user settings that keep the test profile quiet and stable."""
    for plugin, values in USER_SETTINGS.items():
        package, _, name = plugin.rpartition("/")
        target = settings_dir / package / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values, indent=2), encoding="utf-8")


def build_env(home: Path) -> dict[str, str]:
    """Return an environment with private Jupyter directories under ``home``."""
    env = dict(os.environ)
    config_dir = home / "config"
    env.update(
        JUPYTER_CONFIG_DIR=str(config_dir),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTER_DATA_DIR=str(home / "data"),
        # Keep the venv's kernel spec and the ipywidgets lab extension visible.
        JUPYTER_PATH=str(Path(sys.prefix) / "share" / "jupyter"),
        JUPYTERLAB_SETTINGS_DIR=str(config_dir / "lab" / "user-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
        JUPYTER_PLATFORM_DIRS="1",
        PYTHONUNBUFFERED="1",
    )
    env.pop("JUPYTER_PREFER_ENV_PATH", None)
    write_user_settings(Path(env["JUPYTERLAB_SETTINGS_DIR"]))
    return env


def wait_for_status(server: LabServer, proc: subprocess.Popen) -> None:
    """Poll ``/api/status`` until the server answers, or fail with its log tail."""
    url = f"{server.base_url}api/status?token={server.token}"
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    last_error = "no attempt"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(
                f"jupyter lab exited with code {proc.returncode} before answering.\n"
                f"Server log tail:\n{server.log_tail()}"
            )
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError) as error:
            last_error = str(error)
        time.sleep(0.25)
    pytest.fail(
        f"jupyter lab did not answer {url} within {STARTUP_TIMEOUT_S:.0f} s "
        f"(last error: {last_error}).\nServer log tail:\n{server.log_tail()}"
    )


def stop_process(proc: subprocess.Popen) -> None:
    """Stop the server with SIGTERM (it shuts its kernels down), then SIGKILL."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=SHUTDOWN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=SHUTDOWN_TIMEOUT_S)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder ``browser`` (``-m "not browser"`` skips them)."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


def serve_jupyter(app: str, tmp_path_factory: pytest.TempPathFactory,
                  *extra: str) -> Iterator[LabServer]:
    """Serve copies of the lesson folders with ``jupyter APP`` on a free loopback port.

    Yields the running server and stops its process by PID afterwards, pass or fail.
    """
    skip_if_requested()
    home = tmp_path_factory.mktemp(f"{app}-home")
    root = tmp_path_factory.mktemp(f"{app}-root")
    copy_repo_content(root)
    port = find_free_port()
    server = LabServer(
        base_url=f"http://127.0.0.1:{port}/",
        token=secrets.token_hex(24),
        root=root,
        log_path=home / "server.log",
    )
    command = [
        sys.executable, "-m", "jupyter", app,
        "--allow-root", "--no-browser", "--ip=127.0.0.1",
        f"--port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={server.token}",
        f"--ServerApp.root_dir={root}", *extra,
    ]  # fmt: skip
    with server.log_path.open("wb") as log:
        proc = subprocess.Popen(
            command,
            cwd=root,
            env=build_env(home),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_status(server, proc)
        yield server
    finally:
        stop_process(proc)


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """Start JupyterLab on a free port, serving copies of the lesson folders."""
    yield from serve_jupyter("lab", tmp_path_factory,
                             "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Launch Debian's headless Chromium once per session."""
    skip_if_requested()
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found: install it with `apt-get install chromium` "
            "(never `playwright install`), or set MALI_SKIP_BROWSER=1 to skip."
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is missing: pip install -r requirements-test.txt")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


def run_side_by_side(execute: Callable[[Path], object], paths: Iterable[Path]) -> list[object]:
    """Call ``execute`` on every path, :data:`PARALLEL_RUNS` at a time; return the results.

    A build's ``execute`` spends its time waiting on a kernel process, so threads overlap
    the runs. The first error is raised once every run has finished or failed.
    """
    with ThreadPoolExecutor(max_workers=PARALLEL_RUNS) as pool:
        return list(pool.map(execute, paths))


@pytest.fixture(scope="session")
def executed_notebook() -> Callable[[Path], object]:
    """Return ``execute(path)``: the notebook run once per session, a fresh copy each call.

    The reader edition and the projector view export the same runs, so each lesson runs
    in a kernel once for both (the builds change the cells they export, hence the copies).
    """
    from build_site import execute_notebook

    runs: dict[Path, object] = {}

    def execute(path: Path) -> object:
        if path not in runs:
            runs[path] = execute_notebook(path)
        return copy.deepcopy(runs[path])

    return execute


@pytest.fixture(scope="session")
def reader_site(tmp_path_factory: pytest.TempPathFactory, executed_notebook) -> Path:
    """Build the reader edition of every notebook into a temporary folder.

    A failure to fetch the pinned JavaScript (no npm, no registry) fails the tests with
    npm's message: the offline edition is a promise, so it is never skipped silently.
    """
    skip_if_requested()
    from build_site import build_site
    from js_assets import AssetError

    out = tmp_path_factory.mktemp("site")
    notebooks = sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))
    run_side_by_side(executed_notebook, notebooks)
    try:
        build_site(notebooks, out=out, execute=executed_notebook)
    except AssetError as error:
        pytest.fail(f"the reader edition cannot be built: {error}")
    return out


@pytest.fixture(scope="session")
def axe_js() -> str:
    """Return axe-core's ``axe.min.js``, fetched once with ``npm pack`` (never skipped)."""
    skip_if_requested()
    from js_assets import AssetError, fetch_package

    try:
        return (fetch_package("axe-core") / "axe.min.js").read_text(encoding="utf-8")
    except AssetError as error:
        pytest.fail(f"axe-core cannot be fetched for the accessibility tests: {error}")


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """Give each test a fresh browser context (no shared storage) and one page."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()
