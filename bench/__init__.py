"""Benchmarks that print each figure as a ratio to the floor it cannot beat."""
