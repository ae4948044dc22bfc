"""Reusable widgets: Buddhist Era date field and calendar, time field, code combos, finder."""
