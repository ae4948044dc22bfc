"""Operations on a whole meeting file or database, above the services they call.

Importing and exporting a meeting file, filling the demo, copying a database to a
server and back, backing up and restoring: each uses the services (and the database
layer) beneath it, and nothing beneath imports these (tests/test_layers.py checks it).
"""
