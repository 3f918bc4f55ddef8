"""Writing a report: the machine it ran on, Markdown tables, and keeping the latest
and the previous report side by side (reports/<kind>/latest, reports/<kind>/previous)."""
from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, Iterable, Optional, Sequence

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
SCRATCH = REPORTS / "tmp"  # raw data of a run, ignored by git
SUMMARY = "summary.json"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine() -> Dict[str, Any]:
    import psutil

    try:
        import rasa
        rasa_version = rasa.__version__
    except ImportError:
        rasa_version = "not installed"
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "rasa": rasa_version,
        "commit": git_commit(),
        "load_at_start": load_average(),
    }


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def git_commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + (" (with uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") else "")


def machine_lines(info: Dict[str, Any]) -> str:
    return (
        f"- Taken: {info['date']} on commit `{info['commit']}`\n"
        f"- Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gib']} GiB RAM, "
        f"{info['os']}, Python {info['python']}, Rasa {info['rasa']}\n"
        f"- Load average (1, 5, 15 min) at start: {info['load_at_start']}; at end: {load_average()} "
        f"(the machine is shared: figures that matter are taken side by side in one run)\n"
    )


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    def cell(value: Any) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def pct(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def num(value: Optional[float], digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def delta(now: Optional[float], before: Optional[float], digits: int = 3) -> str:
    if now is None or before is None:
        return "n/a"
    return f"{now - before:+.{digits}f}"


def staging(kind: str) -> Path:
    """An empty folder to write a new report into."""
    folder = SCRATCH / kind
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def previous_summary(kind: str) -> Dict[str, Any]:
    """The headline figures of the current latest report (about to become previous)."""
    path = REPORTS / kind / "latest" / SUMMARY
    return json.loads(path.read_text()) if path.exists() else {}


def publish(kind: str, folder: Path, summary: Dict[str, Any]) -> Path:
    """latest -> previous, the new report -> latest. Only a finished run gets here,
    so a failed run never replaces a good report."""
    (folder / SUMMARY).write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n")
    base = REPORTS / kind
    base.mkdir(parents=True, exist_ok=True)
    latest, previous = base / "latest", base / "previous"
    if latest.exists():
        shutil.rmtree(previous, ignore_errors=True)
        latest.rename(previous)
    shutil.move(str(folder), str(latest))
    return latest
