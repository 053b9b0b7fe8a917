"""A class of three on a real JupyterHub (the scenario of ``make hub-test``, smaller).

Slow (about two minutes on two cores): it starts the pinned hub, its proxy and three
students' servers on 127.0.0.1, and stops every one of them by PID before it ends.
"""

from __future__ import annotations

import socket

import hub_test
import psutil
import pytest
from hub_scenario import render_hub_section

pytestmark = pytest.mark.hub


@pytest.fixture(scope="module")
def class_run(tmp_path_factory: pytest.TempPathFactory) -> hub_test.ClassRun:
    return hub_test.run_class(students=3, concurrency=3, work=tmp_path_factory.mktemp("hub"))


def test_every_student_passes_every_merge_case(class_run: hub_test.ClassRun) -> None:
    assert class_run.failures == []
    assert [len(s.cases) for s in class_run.students] == [9, 9, 9]
    assert all(case.ok for s in class_run.students for case in s.cases)


def test_figures_are_measured_for_every_student(class_run: hub_test.ClassRun) -> None:
    figures = class_run.figures
    assert figures is not None and figures.cases_passed == figures.cases == 27
    # A server with a kernel that ran the lesson holds more than the server alone.
    assert all(k > s > 20 for k, s in zip(figures.per_student_mib, figures.server_mib,
                                          strict=True))
    assert all(t > 0 for t in figures.first_click_s + figures.second_click_s + figures.lesson_s)
    assert "| merge cases passed | 27 of 27 |" in render_hub_section(figures, when="now",
                                                                      commit="x")


def test_nothing_listens_beyond_loopback_and_nothing_is_left(
        class_run: hub_test.ClassRun) -> None:
    assert class_run.listening_elsewhere == []
    assert class_run.alive_after == []
    for port in class_run.ports.values():  # the hub, its API and the proxy are all gone
        with socket.socket() as sock:
            assert sock.connect_ex(("127.0.0.1", port)) != 0, port
    homes = str(class_run.work / "homes")
    assert not [p.pid for p in psutil.process_iter(["cwd"]) if (p.info["cwd"] or "")
                .startswith(homes)]


def test_each_student_cloned_into_their_own_home(class_run: hub_test.ClassRun) -> None:
    homes = class_run.work / "homes"
    cloned = sorted(p.parent.parent.name for p in homes.glob("*/mali-module/.git"))
    assert cloned == [s.name for s in class_run.students]
