"""What every page stands on: the store, the worker, errors, settings, autosave, item models."""
