"""The standalone build: the PyInstaller recipe, the installers, the desktop entry."""
