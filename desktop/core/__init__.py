"""The model and the rules: pure Python, no Qt."""
