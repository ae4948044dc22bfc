"""The pages of the main window's centre: welcome, meeting, roster."""

# The roster page's tabs, here so that the window's menus name them without loading it.
NETWORKS_TAB, ORGANIZATIONS_TAB, PEOPLE_TAB = range(3)
