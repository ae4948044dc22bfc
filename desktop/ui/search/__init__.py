"""Edit → Find in every meeting."""
