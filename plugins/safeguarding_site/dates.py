"""Calendar arithmetic the features share: when something checked is due to be checked again."""

from __future__ import annotations

import calendar
import datetime as dt


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or earlier when negative (the month's last day where
    that month is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
