"""The statistics page: attendance rate per organisation over a period, the bars and
the table drawn from the same numbers as the service gives."""

from __future__ import annotations

from datetime import date

from ui.test_agenda_data import settle, two_meetings

from desktop.core import services
from desktop.core.db import open_database
from desktop.ui.shell.actions import ActionId
from desktop.ui.statistics.model import RATE_ROLE, StatisticsModel


def test_the_page_shows_each_organisations_rate_as_bars_and_in_the_table(
    qtbot, open_window, db_path
):
    ids = two_meetings(db_path)
    database = open_database(db_path)
    with database.session() as session:
        line = next(
            a
            for a in services.load_meeting(session, ids.meeting_id).attendance
            if a.person_id == ids.officer_id
        )
        services.mark_absent(session, line.id, "ติดราชการ")
    database.close()

    window = open_window(db_path)
    window.commands[ActionId.STATISTICS].trigger()
    page = window.workspace.minutes_tools.statistics
    assert window.workspace.pages.currentWidget() is page
    page.date_from.setDate(date(2024, 1, 1))
    page.date_to.setDate(date(2024, 12, 31))
    page.network.setCurrentIndex(page.network.findData(ids.network_id))
    page.refresh()

    model = page.model
    rows = {
        model.index(r, StatisticsModel.ORGANIZATION).data(): (
            model.index(r, StatisticsModel.INVITED).data(),
            model.index(r, StatisticsModel.PRESENT).data(),
            model.index(r, StatisticsModel.RATE).data(),
            model.index(r, 0).data(RATE_ROLE),
        )
        for r in range(model.rowCount())
    }
    # Two meetings: the host's two people came to both; the SAO's officer missed one.
    assert rows["เทศบาลตำบลบ้านกลาง"] == ("4", "4", "100%", 1.0)
    assert rows["องค์การบริหารส่วนตำบลทุ่งต้อม"] == ("2", "1", "50%", 0.5)
    assert page.chart.bar_count() == 2
    assert page.chart.height() >= 3 * page.chart.fontMetrics().height()
    assert "83%" in page.summary.text()

    page.set_year(2023)
    assert model.rowCount() == 0 and page.chart.bar_count() == 0
    page.set_everything()
    assert model.rowCount() == 2
    settle(qtbot)


def test_statistics_open_on_the_period_with_data_per_authority_and_export(
    qtbot, open_window, db_path, tmp_path, monkeypatch
):
    from openpyxl import load_workbook
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QFileDialog

    ids = two_meetings(db_path)
    database = open_database(db_path)
    with database.session() as session:
        first, last = services.period_with_data(session)
        line = next(
            a
            for a in services.load_meeting(session, ids.meeting_id).attendance
            if a.person_id == ids.officer_id
        )
        services.mark_absent(session, line.id, "ติดราชการ")
    database.close()
    assert last.year != date.today().year  # else this year would show it anyway

    window = open_window(db_path)
    window.commands[ActionId.STATISTICS].trigger()
    page = window.workspace.minutes_tools.statistics
    assert (page.date_from.date(), page.date_to.date()) == (first, last)
    assert page.model.rowCount() == 2  # not empty: it opened where the meetings are
    authorities = {r.organization: (r.meetings, r.attended) for r in page.authorities.rows}
    assert authorities["องค์การบริหารส่วนตำบลทุ่งต้อม"] == (2, 1)
    assert page.people.rowCount() == 3

    files = iter([str(tmp_path / "stats.xlsx"), str(tmp_path / "chart")])
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (next(files), ""))
    )
    workbook = page.export_workbook()
    assert load_workbook(workbook).sheetnames == ["รายหน่วยงาน", "รายบุคคล"]
    image = page.save_chart()
    assert image.suffix == ".png" and not QImage(str(image)).isNull()
    settle(qtbot)
