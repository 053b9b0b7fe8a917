"""Links that open the module for a class: nbgitpuller on a JupyterHub, or Binder.

    .venv/bin/python scripts/class_links.py https://hub.example.edu https://github.com/OWNER/REPO

prints both links for the start notebook. See the README, "Teaching a class with JupyterHub
or Binder", for what the hub's image needs and why students' work survives updates.
"""

from __future__ import annotations

import argparse
import re
import sys
from urllib.parse import ParseResult, quote, urlencode, urlparse

START = "notebooks/00-start-here.ipynb"
SCP_STYLE = re.compile(r"(?:[\w.-]+@)?(?P<host>[\w.-]+\.[a-z]+):(?P<path>[^/].*)")
HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]+)?")


def _web_address(text: str, problem: str) -> ParseResult:
    """Parse ``text`` as an http(s) address (``https://`` added when no scheme is given)."""
    if "://" not in text:
        text = "https://" + text
    parsed = urlparse(text)
    if parsed.scheme not in ("http", "https") or not HOST.fullmatch(parsed.netloc):
        raise ValueError(problem)
    return parsed


def normalise_hub(hub_url: str) -> str:
    """Return the hub's base URL: ``https://`` added when no scheme is given, ``/hub`` dropped.

    Raises:
        ValueError: the address is empty or not a web address.

    Example:
        >>> normalise_hub("hub.example.edu/hub/")
        'https://hub.example.edu'
    """
    text = hub_url.strip()
    if not text:
        raise ValueError("the hub URL is empty; give its address, e.g. https://hub.example.edu")
    parsed = _web_address(text, f"the hub URL {hub_url!r} is not an http(s) address like "
                                "https://hub.example.edu")
    path = re.sub(r"/hub(/.*)?$", "", parsed.path.rstrip("/"))
    return f"{parsed.scheme}://{parsed.netloc}{path}"


def normalise_repo(repo_url: str) -> tuple[str, str | None]:
    """Return the repository's https clone URL and the branch named in the URL, if any.

    SSH addresses become https ones (a hub clones without the teacher's keys); a GitHub
    or GitLab page of a branch (``.../tree/BRANCH``) gives the repository and the branch.

    Raises:
        ValueError: the address is empty or not a repository address.

    Example:
        >>> normalise_repo("git@github.com:owner/mali-crisis.git")
        ('https://github.com/owner/mali-crisis.git', None)
        >>> normalise_repo("https://github.com/owner/mali-crisis/tree/spring-2027")
        ('https://github.com/owner/mali-crisis', 'spring-2027')
    """
    text = repo_url.strip()
    if not text:
        raise ValueError("the repository URL is empty; give it, e.g. https://github.com/OWNER/REPO")
    scp = SCP_STYLE.fullmatch(text)
    if scp and "://" not in text:
        text = f"https://{scp['host']}/{scp['path']}"
    elif text.startswith(("ssh://", "git://", "git+ssh://")):
        parsed = urlparse(text)
        text = f"https://{parsed.hostname}{parsed.path}"
    parsed = _web_address(text, f"the repository URL {repo_url!r} is not an address like "
                                "https://github.com/OWNER/REPO or git@github.com:OWNER/REPO.git")
    path, branch = parsed.path.rstrip("/"), None
    for marker in ("/-/tree/", "/tree/"):
        if marker in path:
            path, branch = path.split(marker, 1)
            break
    if "/blob/" in path or path.count("/") < 2:
        raise ValueError(f"the repository URL {repo_url!r} does not name a repository "
                         "(expected https://HOST/OWNER/REPO)")
    return f"https://{parsed.netloc}{path}", branch


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
    parser.add_argument("--branch", help="branch to pull (default: the one in the URL, or main)")
    parser.add_argument("--interface", choices=sorted(START_URLS), default="lab",
                        help="open the notebook in JupyterLab or in Notebook 7")
    args = parser.parse_args(argv)
    try:
        hub = normalise_hub(args.hub_url)
        repo, url_branch = normalise_repo(args.repo_url)
    except ValueError as err:
        parser.error(str(err))
    if args.branch is not None and not args.branch.strip():
        parser.error("--branch is empty; name a branch or leave the option out")
    if args.branch and url_branch and args.branch != url_branch:
        parser.error(f"the URL names branch {url_branch!r} but --branch says {args.branch!r}")
    branch = args.branch or url_branch or "main"
    print(nbgitpuller_link(hub, repo, branch=branch, interface=args.interface))
    if urlparse(repo).netloc == "github.com":
        print(binder_link(repo, branch=branch))
    return 0


if __name__ == "__main__":
    sys.exit(main())
