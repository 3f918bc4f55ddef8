"""The report's pictures: a confusion matrix a person can read at a glance, and
turn latency against concurrency for both assistants."""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Mapping, Optional, Sequence

import matplotlib

matplotlib.use("Agg")  # no display on a server
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import LinearSegmentedColormap  # noqa: E402

from evaluation.metrics import Classification  # noqa: E402

CORRECT = LinearSegmentedColormap.from_list("correct", ["#ffffff", "#1b7837"])
WRONG = LinearSegmentedColormap.from_list("wrong", ["#ffffff", "#b2182b"])


def confusion_matrix(result: Classification, title: str, path: Path) -> Path:
    """Rows: the true intent (with its number of examples); columns: what was
    predicted. Cells show counts; green on the diagonal is the share recognised,
    red off it is the share of that row sent elsewhere, so errors stand out."""
    labels, counts = result.labels, result.confusion
    n = len(labels)
    size = max(6.0, 0.36 * n + 3)
    fig, ax = plt.subplots(figsize=(size + 1.5, size))
    for i, row in enumerate(counts):
        total = sum(row) or 1
        for j, count in enumerate(row):
            if not count:
                continue
            share = count / total
            color = CORRECT(0.25 + 0.75 * share) if i == j else WRONG(0.3 + 0.7 * share)
            ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, color=color))
            ax.text(j, i, str(count), ha="center", va="center", fontsize=7,
                    color="white" if share > 0.5 else "black")
    supports = [sum(row) for row in counts]
    ax.set_xlim(-0.5, n - 0.5)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xticks(range(n))
    ax.set_xticklabels(labels, rotation=90, fontsize=7)
    ax.set_yticks(range(n))
    ax.set_yticklabels([f"{label} ({s})" if s else label for label, s in zip(labels, supports, strict=False)], fontsize=7)
    ax.set_xlabel("predicted intent")
    ax.set_ylabel("true intent (examples)")
    ax.grid(color="#eeeeee", linewidth=0.5)
    ax.set_axisbelow(True)
    errors = result.examples - sum(counts[i][i] for i in range(n))
    ax.set_title(f"{title}\naccuracy {result.accuracy:.3f}, macro-F1 {result.macro_f1:.3f}, "
                 f"{errors} of {result.examples} misclassified (red)", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def latency_by_concurrency(
    series: Mapping[str, Mapping[int, Mapping[str, float]]],
    path: Path,
    floors: Optional[Dict[str, float]] = None,
    title: str = "Turn latency over the REST channel",
) -> Path:
    """series: assistant -> concurrency -> {"p50": ms, "p95": ms}. floors: assistant
    -> NLU parse p50 in ms, drawn as a dotted line (a turn cannot be faster)."""
    colors = ["#2166ac", "#b2182b", "#1b7837", "#762a83"]
    fig, ax = plt.subplots(figsize=(7.5, 4.8))
    for color, (name, points) in zip(colors, series.items(), strict=False):
        levels: Sequence[int] = sorted(points)
        ax.plot(levels, [points[c]["p95"] for c in levels], "-o", color=color, label=f"{name} p95")
        ax.plot(levels, [points[c]["p50"] for c in levels], "--s", color=color, alpha=0.7,
                label=f"{name} p50")
        if floors and name in floors:
            ax.axhline(floors[name], color=color, linestyle=":", linewidth=1,
                       label=f"{name} NLU parse p50")
    ax.set_xscale("log")
    ax.set_yscale("log")
    all_levels = sorted({c for points in series.values() for c in points})
    ax.set_xticks(all_levels)
    ax.set_xticklabels([str(c) for c in all_levels])
    ax.set_xlabel("concurrent conversations")
    ax.set_ylabel("turn latency (ms, log scale)")
    ax.set_title(title)
    ax.grid(True, which="both", color="#dddddd", linewidth=0.5)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
