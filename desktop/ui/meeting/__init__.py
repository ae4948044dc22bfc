"""One meeting: its details, attendance, agenda and the minutes' preview."""
