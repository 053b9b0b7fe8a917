"""Helpers for the Jupyter teaching module on the 2012-2013 Mali crisis.

Each module has one job; import what you need from it, for example
``from helpers.loaders import load_events``. Importing this package reads no file
and changes no global setting.
"""

__version__ = "0.1.0"
