"""Reusable widgets: Buddhist Era date field and calendar, time field, delegates."""
