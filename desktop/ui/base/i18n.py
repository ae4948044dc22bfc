"""The window's language: Thai by default, English by a setting.

Source strings are English and go through tr(); resources/translations/prachum_th.ts is
their Thai translation, compiled to .qm by `make translations` (i18n_build). English
source is Qt's convention (lupdate and Linguist assume it), reads naturally beside the
English code, and costs no second file; a test keeps every Thai entry finished, so the
Thai window never shows a stray English string. Enum codes stored in the database
(`sao`, `present` …) are shown through the label functions below.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.core.codes import (
    AttendanceGroup,
    AttendanceStatus,
    MeetingMode,
    MeetingStatus,
    OrganizationKind,
    Role,
)
from desktop.ui.base import i18n_build

log = logging.getLogger(__name__)

LANGUAGES = ("th", "en")


def install_language(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install the translator for `language` ("th" or "en"); returns it (keep a reference)."""
    if language == "th":
        QLocale.setDefault(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return None
    qm = i18n_build.TRANSLATIONS / f"prachum_{language}.qm"
    ts = qm.with_suffix(".ts")
    if ts.exists() and i18n_build.stale(ts):
        # A checkout run without `make`: compile now rather than show English.
        try:
            i18n_build.compile_translations()
        except Exception as exc:  # a read-only install or no lrelease: English, logged
            log.warning("could not compile translations: %s", exc)
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        log.warning("no translation for %s at %s; the window stays in English", language, qm)
        return None
    app.installTranslator(translator)
    # Qt's own words (file dialogs, Yes/No, Cancel): Qt ships no Thai, so we do. Kept as
    # the first translator's child, so that one reference keeps both.
    qt_words = QTranslator(translator)
    if qt_words.load(str(qm.with_name(f"qt_{language}.qm"))):
        app.installTranslator(qt_words)
    return translator


def organization_kinds() -> dict[str, str]:
    return {
        OrganizationKind.CITY_MUNICIPALITY: QCoreApplication.translate(
            "Labels", "City municipality"
        ),
        OrganizationKind.TOWN_MUNICIPALITY: QCoreApplication.translate(
            "Labels", "Town municipality"
        ),
        OrganizationKind.SUBDISTRICT_MUNICIPALITY: QCoreApplication.translate(
            "Labels", "Subdistrict municipality"
        ),
        OrganizationKind.SAO: QCoreApplication.translate(
            "Labels", "Subdistrict administrative organisation"
        ),
        OrganizationKind.PAO: QCoreApplication.translate(
            "Labels", "Provincial administrative organisation"
        ),
        OrganizationKind.SPECIAL: QCoreApplication.translate("Labels", "Special local government"),
        OrganizationKind.AGENCY: QCoreApplication.translate("Labels", "Other agency"),
    }


def roles() -> dict[str, str]:
    return {
        Role.EXECUTIVE: QCoreApplication.translate("Labels", "Executive (mayor, deputy)"),
        Role.CLERK: QCoreApplication.translate("Labels", "Clerk"),
        Role.DEPUTY_CLERK: QCoreApplication.translate("Labels", "Deputy clerk"),
        Role.OFFICER: QCoreApplication.translate("Labels", "Officer"),
        Role.COUNCIL: QCoreApplication.translate("Labels", "Council member"),
        Role.GUEST: QCoreApplication.translate("Labels", "Guest"),
    }


def meeting_modes() -> dict[str, str]:
    return {
        MeetingMode.ONSITE: QCoreApplication.translate("Labels", "At a venue"),
        MeetingMode.ONLINE: QCoreApplication.translate("Labels", "Online"),
        MeetingMode.HYBRID: QCoreApplication.translate("Labels", "Venue and online"),
    }


def attendance_groups() -> dict[str, str]:
    return {
        AttendanceGroup.MEMBER: QCoreApplication.translate("Labels", "Member"),
        AttendanceGroup.PARTICIPANT: QCoreApplication.translate("Labels", "Participant"),
    }


def attendance_statuses() -> dict[str, str]:
    return {
        AttendanceStatus.PRESENT: QCoreApplication.translate("Labels", "Present"),
        AttendanceStatus.ABSENT: QCoreApplication.translate("Labels", "Absent"),
    }


def meeting_statuses() -> dict[str, str]:
    return {
        MeetingStatus.DRAFT: QCoreApplication.translate("Labels", "Draft"),
        MeetingStatus.FINAL: QCoreApplication.translate("Labels", "Final"),
        MeetingStatus.CERTIFIED: QCoreApplication.translate("Labels", "Certified"),
    }
