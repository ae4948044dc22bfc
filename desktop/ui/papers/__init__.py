"""File → Papers for this meeting: invitations, agenda, news, minutes, attendance."""
