"""File → Back up and Restore, and the daily backup."""
