"""Block outbound network for any Python process started with this folder on PYTHONPATH.

``make test`` runs the notebooks (and their kernels, which inherit PYTHONPATH) this way,
so a notebook or helper that reaches the network fails the run. Loopback stays open:
Jupyter kernels talk to their client over 127.0.0.1.

The guard is an audit hook (``sys.addaudithook``), which cannot be removed once installed
and sees the C level, so it also covers the low-level ``_socket`` module. It refuses:

- connecting (TCP or UDP) or sending a datagram (``sendto``/``sendmsg``) to a non-loopback
  address;
- name resolution (``getaddrinfo``, ``gethostbyname``, ``gethostbyname_ex``,
  ``gethostbyaddr``, ``getnameinfo``) of anything but ``localhost`` and IP literals;
- starting a program that exists to reach the network (``curl``, ``wget``, ``ssh``,
  ``git clone``/``fetch``/``pull``/``push``, ``pip install``, ...);
- starting Python with ``-I``, ``-E`` or ``-S``, which would skip this file.

A subprocess given its own ``env`` without this folder on PYTHONPATH gets it added back,
so a Python child cannot escape by not inheriting it.

What it cannot close: a program not on the list above that opens sockets itself (a
compiled binary, a JavaScript runtime) is not inspected, and neither is code that calls
the C library directly through ``ctypes``. Closing those needs the operating system: run
the suite in a network namespace without interfaces (``unshare -rn make test``).
"""

import ipaddress
import os
import shlex
import sys
from pathlib import Path

GUARD_DIR = str(Path(__file__).resolve().parent)
NETWORK_PROGRAMS = frozenset({
    "curl", "wget", "ssh", "scp", "sftp", "rsync", "nc", "ncat", "netcat", "telnet", "ftp",
    "ping", "dig", "nslookup", "host", "aria2c", "http", "https",
})
NETWORK_SUBCOMMANDS = {
    "git": {"clone", "fetch", "pull", "push", "ls-remote", "submodule", "remote"},
    "pip": {"install", "download", "search", "index"},
    "pip3": {"install", "download", "search", "index"},
    "npm": {"install", "ci", "view", "publish", "update"},
    "apt-get": {"update", "install", "download"},
}
UNGUARDED_FLAGS = ("-I", "-E", "-S")


class NetworkBlocked(OSError):
    """Raised instead of opening a connection off this machine."""


def _is_local(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if host in ("localhost", "", None) or str(host).endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _is_literal(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    try:
        ipaddress.ip_address(str(host).split("%")[0])
    except ValueError:
        return False
    return True


def _refuse(what) -> None:
    raise NetworkBlocked(f"network access blocked in tests: {what}")


def _check_address(address) -> None:
    if isinstance(address, tuple) and not _is_local(address[0]):
        _refuse(address[0])


def _check_lookup(host) -> None:
    if not (_is_local(host) or _is_literal(host)):
        _refuse(f"name lookup of {host!r}")


def _program_words(args) -> list[str]:
    if isinstance(args, (str, bytes)):
        args = [args]
    words = [os.fsdecode(a) for a in args]
    if len(words) >= 3 and Path(words[0]).name in ("sh", "bash", "dash") and words[1] == "-c":
        try:
            return shlex.split(words[2])
        except ValueError:
            return words[2].split()
    return words


def _check_program(args, env) -> None:
    words = _program_words(args)
    if not words:
        return
    name = Path(words[0]).name
    if name in NETWORK_PROGRAMS:
        _refuse(f"running {name}")
    if name.startswith("python") and "-m" in words:
        module = words[words.index("-m") + 1:][:1]
        if module:
            name, words = module[0], words[words.index("-m") + 1:]
    if set(words[1:]) & NETWORK_SUBCOMMANDS.get(name, set()):
        _refuse(f"running {' '.join(words[:2])}")
    if Path(words[0]).name.startswith("python") and set(words[1:4]) & set(UNGUARDED_FLAGS):
        _refuse(f"python started with {' '.join(words[1:4])} would skip the offline guard")
    _keep_guard(env)


def _keep_guard(env) -> None:
    if env is None or not hasattr(env, "get"):
        return
    key = b"PYTHONPATH" if any(isinstance(k, bytes) for k in env) else "PYTHONPATH"
    sep = os.pathsep.encode() if isinstance(key, bytes) else os.pathsep
    guard = os.fsencode(GUARD_DIR) if isinstance(key, bytes) else GUARD_DIR
    current = env.get(key) or type(guard)()
    if guard not in current.split(sep):
        try:
            env[key] = sep.join(filter(None, [guard, current]))
        except TypeError:
            _refuse("a subprocess with a read-only environment that drops the offline guard")


def _hook(event: str, args: tuple) -> None:
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        _check_address(args[1])
    elif event in ("socket.getaddrinfo", "socket.gethostbyname"):
        _check_lookup(args[0])
    elif event == "socket.gethostbyaddr":  # a reverse lookup asks DNS even for an IP literal
        _check_address((args[0],))
    elif event == "socket.getnameinfo":
        _check_address(args[0])
    elif event == "subprocess.Popen":
        _check_program(args[1], args[3])
    elif event == "os.system":
        _check_program(["sh", "-c", args[0]], None)
    elif event in ("os.exec", "os.posix_spawn"):
        _check_program(args[1], args[2])
    elif event == "os.spawn":
        _check_program(args[2], args[3])


sys.addaudithook(_hook)
os.environ["PYTHONPATH"] = os.pathsep.join(
    dict.fromkeys(filter(None, [GUARD_DIR, *os.environ.get("PYTHONPATH", "").split(os.pathsep)])))
__import__("socket").NETWORK_BLOCKED_BY_TESTS = True
