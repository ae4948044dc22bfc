"""Documents in (Zoom and Teams reports, rosters); no Qt."""
