"""Timed `rasa train` of one assistant, from an empty training cache, and the stock
assistant that `rasa init` creates."""
from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Dict, List, Tuple

from harness.processes import project_env

BIN = Path(sys.executable).parent


@dataclass
class TrainingRun:
    model: Path
    wall_s: float
    cpu_s: float  # user + system of the training process and its children
    components: List[Tuple[str, float]] = field(default_factory=list)  # from the training log

    @property
    def size_mb(self) -> float:
        return self.model.stat().st_size / 2**20


HOOK_LINE = re.compile(
    r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) .*rasa\.engine\.training\.hooks\s+- "
    r"(Starting to train|Finished training) component '([^']+)'")


def component_times(log_text: str) -> List[Tuple[str, float]]:
    """Seconds per trained component, from the INFO lines Rasa's training hooks log
    (one-second resolution); a component trained twice is numbered ("X #2")."""
    started: Dict[str, datetime] = {}
    seen: Dict[str, int] = {}
    out = []
    for line in log_text.splitlines():
        match = HOOK_LINE.match(line)
        if not match:
            continue
        stamp, what, name = datetime.strptime(match[1], "%Y-%m-%d %H:%M:%S"), match[2], match[3]
        if what == "Starting to train":
            seen[name] = seen.get(name, 0) + 1
            started[name] = stamp
        elif name in started:
            label = name if seen[name] == 1 else f"{name} #{seen[name]}"
            out.append((label, (stamp - started.pop(name)).total_seconds()))
    return out


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
    return TrainingRun(out / f"{name}.tar.gz", wall, cpu, component_times(log.read_text()))
