"""Kernels the maintainer scripts start talk to them over CurveZMQ-encrypted sockets.

A kernel started over plain TCP logs "Kernel is running over TCP without encryption" once
per notebook, which buried the useful lines of `make instructor` and `make site`. The kernel
spec of ipykernel declares Curve support, so asking jupyter_client to provision keys
(``transport_encryption = "auto"``) removes the cause instead of filtering the line.
"""

from __future__ import annotations

from traitlets.config import Config


def kernel_config() -> Config:
    """Return the configuration to pass to ``NotebookClient``/``ExecutePreprocessor``.

    Example:
        >>> kernel_config().KernelManager.transport_encryption
        'auto'
    """
    return Config({"KernelManager": {"transport_encryption": "auto"}})
