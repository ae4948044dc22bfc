"""File → Export: the minutes, attendance, sign-in sheet, meeting file and network summary."""
