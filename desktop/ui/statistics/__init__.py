"""Attendance statistics: the rate per organisation over a period, as bars and a table."""
