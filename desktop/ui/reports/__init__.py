"""File → Import a Zoom or Teams report: review who each row is, then apply."""
