"""Links that open the module for a class: nbgitpuller on a JupyterHub, or Binder.

    .venv/bin/python scripts/class_links.py https://hub.example.edu https://github.com/OWNER/REPO

prints both links for the start notebook. See the README, "Teaching a class with JupyterHub
or Binder", for what the hub's image needs and why students' work survives updates.
"""

from __future__ import annotations

import argparse
import sys
from urllib.parse import quote, urlencode, urlparse

START = "notebooks/00-start-here.ipynb"


START_URLS = {"lab": "lab/tree", "notebook": "notebooks"}


def repo_folder(repo_url: str) -> str:
    """Return the folder nbgitpuller clones ``repo_url`` into: the URL's last part, as is
    (nbgitpuller 1.3 keeps a ``.git`` ending; ``make hub-test`` follows such links).

    Example:
        >>> repo_folder("https://github.com/owner/mali-crisis/")
        'mali-crisis'
        >>> repo_folder("https://gitlab.com/owner/mali-crisis.git")
        'mali-crisis.git'
    """
    return repo_url.rstrip("/").rsplit("/", 1)[-1]


def nbgitpuller_link(hub_url: str, repo_url: str, *, branch: str = "main",
                     notebook: str = START, interface: str = "lab") -> str:
    """Return the link that clones or updates the module for a hub user and opens ``notebook``
    in JupyterLab, or with ``interface="notebook"`` in the Notebook 7 interface.

    Example:
        >>> nbgitpuller_link("https://hub.example.edu/", "https://github.com/o/mali-crisis")
        ... # doctest: +NORMALIZE_WHITESPACE
        'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fo%2Fmali-crisis&branch=main&urlpath=lab%2Ftree%2Fmali-crisis%2Fnotebooks%2F00-start-here.ipynb'
    """
    if interface not in START_URLS:
        raise ValueError(f"interface is one of {sorted(START_URLS)}, not {interface!r}")
    query = urlencode({"repo": repo_url, "branch": branch,
                       "urlpath": f"{START_URLS[interface]}/{repo_folder(repo_url)}/{notebook}"})
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def binder_link(repo_url: str, *, branch: str = "main", notebook: str = START) -> str:
    """Return the mybinder.org link for a GitHub repository, opening ``notebook`` in Lab.

    Example:
        >>> binder_link("https://github.com/o/mali-crisis")
        'https://mybinder.org/v2/gh/o/mali-crisis/main?urlpath=lab%2Ftree%2Fnotebooks%2F00-start-here.ipynb'
    """
    parsed = urlparse(repo_url)
    if parsed.netloc != "github.com":
        raise ValueError(f"binder_link builds GitHub links only, not {parsed.netloc!r}")
    owner_repo = parsed.path.strip("/").removesuffix(".git")
    return (f"https://mybinder.org/v2/gh/{owner_repo}/{quote(branch, safe='')}"
            f"?urlpath={quote(f'lab/tree/{notebook}', safe='')}")


def main(argv: list[str] | None = None) -> int:
    """Print the nbgitpuller and Binder links."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("hub_url")
    parser.add_argument("repo_url")
    parser.add_argument("--branch", default="main")
    parser.add_argument("--interface", choices=sorted(START_URLS), default="lab",
                        help="open the notebook in JupyterLab or in Notebook 7")
    args = parser.parse_args(argv)
    print(nbgitpuller_link(args.hub_url, args.repo_url, branch=args.branch,
                           interface=args.interface))
    if "github.com" in args.repo_url:
        print(binder_link(args.repo_url, branch=args.branch))
    return 0


if __name__ == "__main__":
    sys.exit(main())
