"""The window's shell: start-up, opening the database, the main window, its menus."""
