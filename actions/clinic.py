"""The clinic's details (clinic.yml), with safe defaults for anything missing.

A missing or partial file must never leave a patient without a number to call, so
every field falls back to a generic, still-true wording.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Dict, Optional

import yaml

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "clinic.yml"


@dataclass(frozen=True)
class Clinic:
    name: str = "your clinic"
    phone: str = "the phone number on your discharge papers"
    hours: str = "see your discharge papers"
    booking_url: str = "your clinic's booking line"
    emergency_number: str = "911"
    time_zone: str = "UTC"
    retention_days: int = 30

    def slots(self) -> Dict[str, Any]:
        """Slot values for the responses' {placeholders}."""
        return {
            "clinic_name": self.name,
            "clinic_phone": self.phone,
            "clinic_hours": self.hours,
            "clinic_booking_url": self.booking_url,
            "emergency_number": self.emergency_number,
            "retention_days": str(self.retention_days),
        }


def load_clinic(path: Optional[str] = None) -> Clinic:
    path = Path(path or os.environ.get("CLINIC_CONFIG") or DEFAULT_PATH)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raw = {}
    known = {f.name for f in fields(Clinic)}
    values: Dict[str, Any] = {
        key: str(value).strip()
        for key, value in raw.items()
        if key in known and value is not None and str(value).strip()
    }
    if "retention_days" in values:
        values["retention_days"] = int(values["retention_days"])
    return Clinic(**values)
