"""Block outbound network for any Python process started with this folder on PYTHONPATH.

``make test`` runs the notebooks (and their kernels, which inherit PYTHONPATH) this way,
so a notebook or helper that reaches the network fails the run. Loopback stays open:
Jupyter kernels talk to their client over 127.0.0.1.
"""

import ipaddress
import socket

_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_getaddrinfo = socket.getaddrinfo


class NetworkBlocked(OSError):
    """Raised instead of opening a connection off this machine."""


def _is_local(host) -> bool:
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _check(address) -> None:
    if isinstance(address, tuple) and not _is_local(address[0]):
        raise NetworkBlocked(f"network access blocked in tests: {address[0]}")


def _guarded_connect(self, address):
    _check(address)
    return _connect(self, address)


def _guarded_connect_ex(self, address):
    _check(address)
    return _connect_ex(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    _check((host.decode() if isinstance(host, bytes) else host, 0))
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex
socket.getaddrinfo = _guarded_getaddrinfo
socket.NETWORK_BLOCKED_BY_TESTS = True
