"""A Linux bundle on a system without a Thai font still shows Thai: the window loads the
font that came with it."""

import shutil
import sys

import pytest

from desktop.ui.shell.fonts import has_thai, load_bundled_fonts
from release.contents import thai_ui_font


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle's font")
def test_the_bundled_thai_font_loads_and_has_thai(qapp, tmp_path):
    fonts = tmp_path / "resources" / "fonts"
    fonts.mkdir(parents=True)
    for source, _destination in thai_ui_font():
        shutil.copy(source, fonts)
    families = load_bundled_fonts(fonts)
    assert "Loma" in families
    assert has_thai("Loma")
    assert load_bundled_fonts(tmp_path / "nowhere") == []
