"""Timed `rasa train` of one assistant, from an empty training cache, and the stock
assistant that `rasa init` creates."""
from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.support.servers import project_env

BIN = Path(sys.executable).parent


@dataclass
class TrainingRun:
    model: Path
    wall_s: float
    cpu_s: float  # user + system of the training process and its children

    @property
    def size_mb(self) -> float:
        return self.model.stat().st_size / 2**20


def create_stock_project(folder: Path) -> Path:
    """Exactly the files `rasa init` writes (rasa/cli/initial_project of the installed
    Rasa), without the training `rasa init` would start: that one is timed below like
    ours."""
    from rasa.cli.scaffold import create_initial_project

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    create_initial_project(str(folder))
    return folder


def train(project: Path, out: Path, name: str, log: Path) -> TrainingRun:
    """`rasa train` in `project` with a fresh, empty cache (RASA_CACHE_DIRECTORY), so
    the time is that of a first training on a fresh clone."""
    cache = out / f"{name}-cache"
    shutil.rmtree(cache, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.monotonic()
    with open(log, "wb") as output:
        subprocess.run(
            [str(BIN / "rasa"), "train", "--out", str(out), "--fixed-model-name", name],
            cwd=project, stdout=output, stderr=subprocess.STDOUT, check=True,
            env=project_env(PYTHONPATH=str(project), RASA_CACHE_DIRECTORY=str(cache)),
        )
    wall = time.monotonic() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    shutil.rmtree(cache, ignore_errors=True)
    return TrainingRun(out / f"{name}.tar.gz", wall, cpu)
