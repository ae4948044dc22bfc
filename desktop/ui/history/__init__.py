"""Edit → History of this item… and History of this meeting…."""
