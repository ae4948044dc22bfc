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
    return translator


def organization_kinds() -> dict[str, str]:
    return {
        "city_municipality": QCoreApplication.translate("Labels", "City municipality"),
        "town_municipality": QCoreApplication.translate("Labels", "Town municipality"),
        "subdistrict_municipality": QCoreApplication.translate(
            "Labels", "Subdistrict municipality"
        ),
        "sao": QCoreApplication.translate("Labels", "Subdistrict administrative organisation"),
        "pao": QCoreApplication.translate("Labels", "Provincial administrative organisation"),
        "special": QCoreApplication.translate("Labels", "Special local government"),
        "agency": QCoreApplication.translate("Labels", "Other agency"),
    }


def roles() -> dict[str, str]:
    return {
        "executive": QCoreApplication.translate("Labels", "Executive (mayor, deputy)"),
        "clerk": QCoreApplication.translate("Labels", "Clerk"),
        "deputy_clerk": QCoreApplication.translate("Labels", "Deputy clerk"),
        "officer": QCoreApplication.translate("Labels", "Officer"),
        "council": QCoreApplication.translate("Labels", "Council member"),
        "guest": QCoreApplication.translate("Labels", "Guest"),
    }


def meeting_modes() -> dict[str, str]:
    return {
        "onsite": QCoreApplication.translate("Labels", "At a venue"),
        "online": QCoreApplication.translate("Labels", "Online"),
        "hybrid": QCoreApplication.translate("Labels", "Venue and online"),
    }


def attendance_groups() -> dict[str, str]:
    return {
        "member": QCoreApplication.translate("Labels", "Member"),
        "participant": QCoreApplication.translate("Labels", "Participant"),
    }


def attendance_statuses() -> dict[str, str]:
    return {
        "present": QCoreApplication.translate("Labels", "Present"),
        "absent": QCoreApplication.translate("Labels", "Absent"),
    }


def meeting_statuses() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("Labels", "Draft"),
        "final": QCoreApplication.translate("Labels", "Final"),
        "certified": QCoreApplication.translate("Labels", "Certified"),
    }
