"""The pages of the main window's centre: welcome, meeting, roster."""
