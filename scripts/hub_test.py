"""A class on a real JupyterHub, on loopback (``make hub-test STUDENTS=30``).

    .venv/bin/python scripts/hub_test.py --students 30 [--out bench/results.md --readme README.md]

Starts a pinned JupyterHub (requirements-hub.txt) with its pinned configurable-http-proxy
(scripts/hub_proxy, installed once with ``npm ci`` into build/hub-proxy), the dummy
authenticator and one local server per student, each in their own home folder. The module is
served from a local bare git repository as its "GitHub"; the class link comes from
``scripts/class_links.py``. Then each simulated student, a few at a time:

1. logs in, follows the link (their server starts, nbgitpuller clones the module, notebook 00
   opens) and opens the Notebook 7 interface (``/tree``, ``/notebooks/...``);
2. runs lesson 01 through their server's REST and kernel websocket API, answering two
   exercises, saves a copy in ``my-work/``, answers one exercise in the lesson notebook itself
   (saved with its outputs, as JupyterLab does), deletes a lesson notebook and creates
   ``handouts/week-2-questions.md``;

the instructor then pushes an update (lesson 01 changed on other lines and on the line the
student answered, a changed data README, two new handouts), and every student follows the link
again; each nbgitpuller merge case is checked for every student. Memory per student (server and
one kernel, RSS from /proc), link-to-notebook time and lesson time are measured. Every process
started is stopped by its PID at the end, pass or fail.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import httpx
import nbformat
import psutil
from bench_report import set_block
from class_links import nbgitpuller_link, repo_folder
from hub_scenario import (
    ADDED,
    ANSWERED,
    COLLIDING,
    DELETED,
    IN_PLACE,
    LESSON,
    ONLY_INSTRUCTOR,
    START,
    CaseResult,
    CellRun,
    ClassFigures,
    answer_exercises,
    check_merge,
    execute_request,
    instructor_update,
    output_text,
    renamed_copies,
    render_hub_section,
)
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PROXY_PINS = REPO / "scripts" / "hub_proxy"
PROXY_DIR = REPO / "build" / "hub-proxy"
MODULE = "mali-module"
PASSWORD = "class-password"
LOOPBACK = {"127.0.0.1", "::1"}


class HubTestError(RuntimeError):
    """The hub, the proxy or a student's server did not behave."""


@dataclasses.dataclass
class Student:
    """What one simulated student did and measured."""

    name: str
    first_click_s: float = 0.0
    second_click_s: float = 0.0
    lesson_s: float = 0.0
    with_kernel_mib: float = 0.0
    server_mib: float = 0.0
    saved_copy: bytes = b""
    cases: list[CaseResult] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class ClassRun:
    """The outcome of :func:`run_class`."""

    students: list[Student]
    figures: ClassFigures | None
    failures: list[str]
    listening_elsewhere: list[str]
    alive_after: list[int]
    work: Path
    ports: dict[str, int]


def run(cmd: list[str], cwd: Path, **kw) -> str:
    """Run a command, returning its stdout; fail with its stderr."""
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, **kw)
    if done.returncode:
        raise HubTestError(f"{' '.join(cmd)} failed: {done.stderr.strip()}")
    return done.stdout


def ensure_proxy() -> Path:
    """Install the pinned configurable-http-proxy into build/hub-proxy once (``npm ci``)."""
    exe = PROXY_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
    lock = (PROXY_PINS / "package-lock.json").read_bytes()
    copied = PROXY_DIR / "package-lock.json"
    if exe.exists() and copied.exists() and copied.read_bytes() == lock:
        return exe
    if shutil.which("npm") is None:
        raise HubTestError("npm is missing: install it (Debian: apt-get install npm)")
    PROXY_DIR.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(PROXY_PINS / name, PROXY_DIR / name)
    run(["npm", "ci", "--no-audit", "--no-fund"], PROXY_DIR)
    return exe


def make_origin(work: Path) -> tuple[Path, Path]:
    """A bare repository holding the module at HEAD (the class's "GitHub"), and the
    instructor's working copy that pushes to it."""
    instructor = work / "instructor" / MODULE
    instructor.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=REPO, capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x"], input=archive, cwd=instructor, check=True)
    bare = work / "origin" / MODULE  # like https://github.com/OWNER/REPO, no .git ending
    bare.mkdir(parents=True)
    run(["git", "init", "--bare", "-b", "main"], bare)
    git = ["git", "-c", "user.name=Instructor", "-c", "user.email=instructor@example.org"]
    run(["git", "init", "-b", "main"], instructor)
    run(["git", "add", "-A"], instructor)
    run([*git, "commit", "-m", "The module for this term"], instructor)
    run(["git", "remote", "add", "origin", str(bare)], instructor)
    run(["git", "push", "origin", "main"], instructor)
    return bare, instructor


def push_update(instructor: Path) -> dict[str, bytes]:
    """The instructor's week-2 update, pushed; return the new versions of the files checked."""
    lesson = instructor / LESSON
    nbformat.write(instructor_update(nbformat.read(lesson, as_version=4)), lesson)
    readme = instructor / ONLY_INSTRUCTOR
    readme.write_text(readme.read_text("utf-8") + "\nWeek 2: no table changed.\n", "utf-8")
    (instructor / "handouts").mkdir(exist_ok=True)
    (instructor / ADDED).write_text("# Reading for week 2\n\nChapters 3 and 4.\n", "utf-8")
    (instructor / COLLIDING).write_text("# Questions for week 2 (instructor)\n", "utf-8")
    git = ["git", "-c", "user.name=Instructor", "-c", "user.email=instructor@example.org"]
    run(["git", "add", "-A"], instructor)
    run([*git, "commit", "-m", "Week 2: a key point, a hint, handouts"], instructor)
    run(["git", "push", "origin", "main"], instructor)
    return {path: (instructor / path).read_bytes()
            for path in (LESSON, ADDED, COLLIDING, DELETED, ONLY_INSTRUCTOR)}


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hub_config(work: Path, *, proxy: Path, ports: dict[str, int], token: str) -> str:
    """The hub's configuration file: loopback only, dummy login, one home per student."""
    homes = work / "homes"
    args = ["--allow-root"] if os.geteuid() == 0 else []
    return f"""\
c = get_config()  # noqa: F821
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {ports['public']}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {ports['hub']}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports['api']}"
c.ConfigurableHTTPProxy.command = [{str(proxy)!r}]
c.JupyterHub.db_url = "sqlite:///{work / 'hub.sqlite'}"
c.JupyterHub.cookie_secret_file = {str(work / 'cookie_secret')!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {PASSWORD!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(homes / '{username}')!r}
c.Spawner.ip = "127.0.0.1"
c.Spawner.cmd = [{str(BIN / 'jupyterhub-singleuser')!r}]
c.Spawner.args = {args!r}
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
# The helpers come from each student's own copy (the README's mali-module.pth, here PYTHONPATH).
c.Spawner.environment = {{
    "PYTHONPATH": lambda spawner: {str(homes)!r} + "/" + spawner.user.name + "/{MODULE}",
    "NBGITPULLER_APP": "lab",
}}
c.JupyterHub.services = [{{"name": "class-test", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "admin", "services": ["class-test"]}}]
"""


def process_tree(pid: int) -> list[psutil.Process]:
    """The process and all its descendants that are still running."""
    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def rss_mib(processes: list[psutil.Process]) -> float:
    """Summed resident memory (VmRSS in /proc) of the processes, in MiB."""
    total = 0
    for proc in processes:
        try:
            total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 2**20


def server_of(hub_pid: int, name: str) -> psutil.Process:
    """The single-user server process of student ``name`` (a descendant of the hub)."""
    for proc in process_tree(hub_pid)[1:]:
        try:
            if proc.environ().get("JUPYTERHUB_USER") == name and \
                    "jupyterhub-singleuser" in " ".join(proc.cmdline()):
                return proc
        except psutil.NoSuchProcess:
            continue
    raise HubTestError(f"no server process for {name}")


def listening_elsewhere(processes: list[psutil.Process]) -> list[str]:
    """Sockets of these processes listening on anything but loopback."""
    pids = {p.pid for p in processes}
    return [f"pid {c.pid} on {c.laddr.ip}:{c.laddr.port}"
            for c in psutil.net_connections(kind="inet")
            if c.pid in pids and c.status == psutil.CONN_LISTEN and c.laddr.ip not in LOOPBACK]


def solutions(key_file: Path, keys: tuple[str, ...]) -> dict[str, str]:
    """The answers a student types: each exercise's solution from the lesson's key."""
    exercises = tomllib.loads(key_file.read_text("utf-8"))["exercise"]
    return {key: exercises[key]["solution"].split("  #", 1)[0].strip() for key in keys}


@dataclasses.dataclass
class Context:
    """What every student shares: the hub's address, the class link, the admin token."""

    hub_url: str
    hub_pid: int
    admin: httpx.AsyncClient
    repo_url: str
    link: str
    homes: Path
    answers: dict[str, str]
    gate: asyncio.Semaphore


async def log_in(ctx: Context, name: str) -> httpx.AsyncClient:
    """The dummy authenticator's login form, as a browser posts it; return that browser
    (its cookies), which the caller closes."""
    browser = httpx.AsyncClient(base_url=ctx.hub_url, timeout=300)
    await browser.get("/hub/login")
    form = {"username": name, "password": PASSWORD, "_xsrf": browser.cookies["_xsrf"]}
    reply = await browser.post("/hub/login", data=form)
    if reply.status_code != 302 or "jupyterhub-hub-login" not in reply.cookies:
        await browser.aclose()
        raise HubTestError(f"{name}: login answered {reply.status_code}")
    return browser


async def user_client(ctx: Context, name: str) -> httpx.AsyncClient:
    """An HTTP client acting as ``name`` (an API token the admin created for them)."""
    reply = await ctx.admin.post(f"/hub/api/users/{name}/tokens",
                                 json={"note": "class test", "expires_in": 7200})
    reply.raise_for_status()
    return httpx.AsyncClient(base_url=ctx.hub_url, timeout=300,
                             headers={"Authorization": f"token {reply.json()['token']}"})


async def start_server(ctx: Context, user: httpx.AsyncClient, name: str) -> None:
    """Start the student's server and wait until the hub says it is ready."""
    reply = await user.post(f"/hub/api/users/{name}/server")
    if reply.status_code not in (201, 202, 400):  # 400: already running
        raise HubTestError(f"{name}: spawn answered {reply.status_code} {reply.text}")
    for _ in range(600):
        model = (await ctx.admin.get(f"/hub/api/users/{name}")).json()
        if model.get("servers", {}).get("", {}).get("ready"):
            return
        await asyncio.sleep(0.5)
    raise HubTestError(f"{name}: server not ready after 300 s")


async def follow_link(ctx: Context, browser: httpx.AsyncClient, user: httpx.AsyncClient,
                      name: str) -> None:
    """Follow the class link in the logged-in browser: the hub sends it to the student's
    server (an OAuth round trip), nbgitpuller pulls, then notebook 00 opens in Lab."""
    page = await browser.get(ctx.link, follow_redirects=True)
    if page.status_code != 200 or not page.url.path.endswith(f"/user/{name}/git-pull"):
        raise HubTestError(f"{name}: the link ended at {page.url} ({page.status_code})")
    query = urlencode({"repo": ctx.repo_url, "branch": "main"})
    phase, events = "none", []
    async with browser.stream("GET", f"/user/{name}/git-pull/api?{query}") as stream:
        async for line in stream.aiter_lines():
            if line.startswith("data: "):
                event = json.loads(line[6:])
                phase = event.get("phase", phase)
                events.append(event.get("output") or event.get("message") or "")
    if phase != "finished":
        raise HubTestError(f"{name}: nbgitpuller ended in phase {phase}: {events[-3:]}")
    lab = await browser.get(f"/user/{name}/{urlpath_of(ctx.link)}")
    if lab.status_code != 200 or '"appName": "JupyterLab"' not in lab.text:
        raise HubTestError(f"{name}: JupyterLab page answered {lab.status_code}")
    await open_notebook(user, name, f"{repo_folder(ctx.repo_url)}/{START}")


def urlpath_of(link: str) -> str:
    """The page a class link opens once the pull is done (its ``urlpath``)."""
    return parse_qs(urlparse(link).query)["urlpath"][0]


async def open_notebook(user: httpx.AsyncClient, name: str, path: str) -> dict:
    """Load a notebook the way the front end does (contents API); fail unless it parses."""
    reply = await user.get(f"/user/{name}/api/contents/{path}", params={"type": "notebook"})
    if reply.status_code != 200:
        raise HubTestError(f"{name}: {path} does not open ({reply.status_code}: {reply.text})")
    model = reply.json()
    nbformat.validate(nbformat.from_dict(model["content"]))
    return model["content"]


async def check_notebook_ui(ctx: Context, browser: httpx.AsyncClient, name: str) -> None:
    """The Notebook 7 interface: its file browser, and the page the Notebook 7 variant of the
    class link opens (``/notebooks/...``), both load."""
    link = nbgitpuller_link(ctx.hub_url, ctx.repo_url, interface="notebook")
    for path in ("tree", urlpath_of(link)):
        reply = await browser.get(f"/user/{name}/{path}")
        if reply.status_code != 200 or '"appName": "Jupyter Notebook"' not in reply.text:
            raise HubTestError(f"{name}: Notebook 7 /{path} answered {reply.status_code}")


async def run_cells(ctx: Context, name: str, token: str, kernel: str,
                    notebook: nbformat.NotebookNode) -> None:
    """Run every code cell over the kernel websocket, storing outputs into ``notebook``."""
    ws_url = ctx.hub_url.replace("http", "ws", 1) + \
        f"/user/{name}/api/kernels/{kernel}/channels?session_id={secrets.token_hex(8)}"
    conn = await websocket_connect(HTTPRequest(  # a loaded machine can take a while
        ws_url, headers={"Authorization": token}, connect_timeout=300, request_timeout=300))
    try:
        for cell in notebook.cells:
            if cell.cell_type != "code":
                continue
            msg = execute_request(cell.source, session=secrets.token_hex(8), username=name)
            cell_run = CellRun(msg["header"]["msg_id"])
            await conn.write_message(json.dumps(msg))
            while not cell_run.done:
                text = await asyncio.wait_for(conn.read_message(), timeout=300)
                if text is None:
                    raise HubTestError(f"{name}: the kernel websocket closed")
                if isinstance(text, str):
                    cell_run.take(json.loads(text))
            cell.outputs, cell.execution_count = cell_run.outputs, cell_run.execution_count
            if cell_run.error():
                raise HubTestError(f"{name}: cell failed: {cell_run.error()}")
    finally:
        conn.close()


async def do_lesson(ctx: Context, user: httpx.AsyncClient, student: Student) -> None:
    """Run lesson 01 with two answers, save a copy, edit the lesson in place, and so on."""
    name, base = student.name, f"/user/{student.name}/api"
    started = time.perf_counter()
    session = (await user.post(f"{base}/sessions", json={
        "path": f"{MODULE}/{LESSON}", "type": "notebook", "name": LESSON.rsplit("/", 1)[1],
        "kernel": {"name": "python3"}})).json()
    original = nbformat.from_dict(await open_notebook(user, name, f"{MODULE}/{LESSON}"))
    answered = answer_exercises(original, ctx.answers)
    probe = nbformat.v4.new_code_cell("import helpers\nprint(helpers.__file__)")
    answered.cells.append(probe)
    await run_cells(ctx, name, user.headers["Authorization"], session["kernel"]["id"], answered)
    student.lesson_s = time.perf_counter() - started
    answered.cells.pop()
    if not output_text(probe.outputs).startswith(str(ctx.homes / name / MODULE)):
        raise HubTestError(f"{name}: helpers came from {output_text(probe.outputs)!r}")
    for key in ANSWERED:
        cell = next(c for c in answered.cells if f'check("{key}"' in c.source)
        if "Correct" not in output_text(cell.outputs):
            raise HubTestError(f"{name}: exercise {key} not correct: {output_text(cell.outputs)}")
    server = server_of(ctx.hub_pid, name)
    student.with_kernel_mib = rss_mib(process_tree(server.pid))
    copy_path = f"{MODULE}/my-work/01-the-coup-{name}.ipynb"
    await put(user, name, copy_path, {"type": "notebook", "content": answered})
    student.saved_copy = (ctx.homes / name / copy_path).read_bytes()
    in_place = answer_exercises(original, {IN_PLACE: ctx.answers[IN_PLACE]})
    for mine, ran in zip(in_place.cells, answered.cells, strict=True):
        if mine.cell_type == "code":
            mine.outputs, mine.execution_count = ran.outputs, ran.execution_count
    await put(user, name, f"{MODULE}/{LESSON}", {"type": "notebook", "content": in_place})
    (await user.delete(f"{base}/sessions/{session['id']}")).raise_for_status()
    await asyncio.sleep(1)
    student.server_mib = rss_mib(process_tree(server.pid))
    (await user.delete(f"{base}/contents/{MODULE}/{DELETED}")).raise_for_status()
    await put(user, name, f"{MODULE}/handouts", {"type": "directory"})
    await put(user, name, f"{MODULE}/{COLLIDING}", {
        "type": "file", "format": "text", "content": f"My questions for week 2 ({name})\n"})


async def put(user: httpx.AsyncClient, name: str, path: str, model: dict) -> None:
    """Save through the contents API, as the front end does."""
    reply = await user.put(f"/user/{name}/api/contents/{path}", json=model)
    if reply.status_code not in (200, 201):
        raise HubTestError(f"{name}: saving {path} answered {reply.status_code}: {reply.text}")


async def first_visit(ctx: Context, student: Student
                      ) -> tuple[httpx.AsyncClient, httpx.AsyncClient]:
    """Log in, follow the link (server start, clone, notebook 00), then the lesson; return
    the student's browser and API clients."""
    async with ctx.gate:
        browser = await log_in(ctx, student.name)
        user = await user_client(ctx, student.name)
        started = time.perf_counter()
        await start_server(ctx, user, student.name)
        await follow_link(ctx, browser, user, student.name)
        student.first_click_s = time.perf_counter() - started
        await check_notebook_ui(ctx, browser, student.name)
        await do_lesson(ctx, user, student)
        return browser, user


async def second_visit(ctx: Context, clients: tuple[httpx.AsyncClient, httpx.AsyncClient],
                       student: Student, origin: dict[str, bytes]) -> None:
    """Follow the link again after the update, then check every merge case."""
    browser, user = clients
    async with ctx.gate:
        started = time.perf_counter()
        await follow_link(ctx, browser, user, student.name)
        student.second_click_s = time.perf_counter() - started
        await open_notebook(user, student.name, f"{MODULE}/{LESSON}")
    clone = ctx.homes / student.name / MODULE
    files = {path: (clone / path).read_bytes() if (clone / path).exists() else None
             for path in (*origin, f"my-work/01-the-coup-{student.name}.ipynb")}
    names = [str(p.relative_to(clone)) for p in (clone / "handouts").iterdir()]
    renamed = {n: (clone / n).read_bytes() for n in renamed_copies(names, COLLIDING)}
    student.cases = check_merge(files=files, saved_copy=student.saved_copy,
                                copy_path=f"my-work/01-the-coup-{student.name}.ipynb",
                                origin=origin, answers=ctx.answers, renamed=renamed)


async def run_students(ctx: Context, students: list[Student], instructor: Path,
                       seen: set[psutil.Process]) -> tuple[float, float, list[str], list[str]]:
    """Both visits of every student, the update between them; return the hub's memory, the
    total memory, failures and non-loopback listeners."""
    failures: list[str] = []
    first = await asyncio.gather(*(first_visit(ctx, s) for s in students), return_exceptions=True)
    for student, outcome in zip(students, first, strict=True):
        if isinstance(outcome, BaseException):
            failures.append(f"{student.name}, first visit: {outcome!r}")
    tree = process_tree(ctx.hub_pid)
    seen.update(tree)
    hub_mib = rss_mib([p for p in tree if "singleuser" not in " ".join(_cmdline(p))
                       and p.pid in {ctx.hub_pid, *(c.pid for c in psutil.Process(
                           ctx.hub_pid).children())}])
    total_mib, elsewhere = rss_mib(tree), listening_elsewhere(tree)
    origin = push_update(instructor)
    clients = [(s, o) for s, o in zip(students, first, strict=True)
               if not isinstance(o, BaseException)]
    second = await asyncio.gather(*(second_visit(ctx, o, s, origin) for s, o in clients),
                                  return_exceptions=True)
    for (student, pair), outcome in zip(clients, second, strict=True):
        for client in pair:
            await client.aclose()
        if isinstance(outcome, BaseException):
            failures.append(f"{student.name}, second visit: {outcome!r}")
    seen.update(process_tree(ctx.hub_pid))
    return hub_mib, total_mib, failures, elsewhere


def _cmdline(proc: psutil.Process) -> list[str]:
    try:
        return proc.cmdline()
    except psutil.NoSuchProcess:
        return []


def wait_for_hub(url: str, proc: subprocess.Popen, log: Path) -> None:
    """Poll the hub's API until it answers; fail with the log's tail if it exits."""
    for _ in range(240):
        if proc.poll() is not None:
            raise HubTestError(f"the hub exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{url}/hub/api/", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise HubTestError(f"the hub did not answer in 120 s: {log.read_text()[-2000:]}")


def stop_processes(hub: subprocess.Popen, seen: set[psutil.Process]) -> list[int]:
    """Stop the hub by its PID (it stops the servers and the proxy), then any process it
    left, by PID; return the PIDs still alive afterwards."""
    seen.update(process_tree(hub.pid))
    if hub.poll() is None:
        hub.send_signal(signal.SIGTERM)
        try:
            hub.wait(timeout=60)
        except subprocess.TimeoutExpired:
            hub.kill()
            hub.wait(timeout=30)
    left = [p for p in seen if p.is_running()]
    for proc in left:
        try:
            proc.terminate()
        except psutil.NoSuchProcess:
            pass
    _, alive = psutil.wait_procs(left, timeout=20)
    for proc in alive:
        proc.kill()
    _, alive = psutil.wait_procs(alive, timeout=10)
    return [p.pid for p in alive]


def run_class(*, students: int, concurrency: int, work: Path) -> ClassRun:
    """Run the whole scenario in ``work`` and return what happened (see the module doc)."""
    wall = time.perf_counter()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    proxy = ensure_proxy()
    bare, instructor = make_origin(work)
    ports = {key: free_port() for key in ("public", "hub", "api")}
    token = secrets.token_hex(32)
    config = work / "jupyterhub_config.py"
    config.write_text(hub_config(work, proxy=proxy, ports=ports, token=token), "utf-8")
    (work / "homes").mkdir()
    log = work / "hub.log"
    hub_url = f"http://127.0.0.1:{ports['public']}"
    seen: set[psutil.Process] = set()
    with log.open("w") as out:
        hub = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(config)], cwd=work,
                               stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    roster = [Student(f"student{i:02d}") for i in range(1, students + 1)]
    failures: list[str] = []
    elsewhere: list[str] = []
    hub_mib = total_mib = 0.0
    try:
        wait_for_hub(hub_url, hub, log)
        seen.update(process_tree(hub.pid))

        async def main() -> tuple[float, float, list[str], list[str]]:
            async with httpx.AsyncClient(base_url=hub_url, timeout=300, headers={
                    "Authorization": f"token {token}"}) as admin:
                ctx = Context(hub_url, hub.pid, admin, f"file://{bare}",
                              nbgitpuller_link(hub_url, f"file://{bare}"), work / "homes",
                              solutions(REPO / "helpers" / "keys" / "lesson01.toml", ANSWERED),
                              asyncio.Semaphore(concurrency))
                return await run_students(ctx, roster, instructor, seen)

        hub_mib, total_mib, failures, elsewhere = asyncio.run(main())
    except Exception as err:  # reported, and the processes are still stopped below
        failures.append(f"the class did not run: {err!r}")
    finally:
        alive = stop_processes(hub, seen)
    done = [s for s in roster if s.cases]
    failures += [f"{s.name}: {c.case} ({c.detail})" for s in done for c in s.cases if not c.ok]
    figures = None
    if done and len(done) == len(roster):
        figures = ClassFigures(
            students, concurrency, [s.with_kernel_mib for s in done],
            [s.server_mib for s in done], hub_mib, total_mib,
            [s.first_click_s for s in done], [s.second_click_s for s in done],
            [s.lesson_s for s in done], sum(c.ok for s in done for c in s.cases),
            sum(len(s.cases) for s in done), time.perf_counter() - wall,
            f"{load}; at the end: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    return ClassRun(roster, figures, failures, elsewhere, alive, work, ports)


def readme_summary(figures: ClassFigures) -> str:
    """The README's sizing paragraph, from the measured figures."""
    per = max(figures.per_student_mib)
    return (f"Measured on a real JupyterHub by `make hub-test` ({figures.students} students on "
            f"this 2-core machine): each student's server with one lesson's kernel running "
            f"used at most {per:.0f} MiB resident (median "
            f"{sorted(figures.per_student_mib)[len(figures.per_student_mib) // 2]:.0f} MiB), "
            f"the server alone about {max(figures.server_mib):.0f} MiB, the hub and its proxy "
            f"{figures.hub_mib:.0f} MiB. A class of 30 with one notebook open each needs about "
            f"{(figures.hub_mib + 30 * per) / 1024:.1f} GiB, a class of 100 about "
            f"{(figures.hub_mib + 100 * per) / 1024:.0f} GiB. Following the link took "
            f"{max(figures.first_click_s):.0f} s at most the first time (server start and "
            f"clone) and {max(figures.second_click_s):.0f} s at most after an update; running "
            f"lesson 01 took {max(figures.lesson_s):.0f} s at most, with "
            f"{figures.concurrency} students at a time.")


def main(argv: list[str] | None = None) -> int:
    """Run the class, print what happened, write the figures when every case passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--concurrency", type=int, default=6)
    parser.add_argument("--out", type=Path, default=None, help="results file to update")
    parser.add_argument("--readme", type=Path, default=None, help="README to update")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "hub-run")
    args = parser.parse_args(argv)
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    result = run_class(students=args.students, concurrency=args.concurrency, work=args.work)
    for line in result.failures + result.listening_elsewhere:
        print("FAIL", line)
    if result.alive_after:
        print("FAIL processes still alive:", result.alive_after)
    if result.figures is None or result.failures or result.listening_elsewhere \
            or result.alive_after:
        print(f"the hub's log: {args.work / 'hub.log'}")
        return 1
    commit = run(["git", "rev-parse", "--short", "HEAD"], REPO).strip()
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = render_hub_section(result.figures, when=when, commit=commit)
    print(section)
    if args.out:
        args.out.write_text(set_block(args.out.read_text("utf-8"), "hub", section), "utf-8")
    if args.readme:
        args.readme.write_text(set_block(args.readme.read_text("utf-8"), "hub",
                                         readme_summary(result.figures)), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
