"""Qt item models, one per table or list, fed by the read-only views of the services."""
