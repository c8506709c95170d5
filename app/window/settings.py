"""Where the desktop app keeps its preferences (recent files, theme, window layout).

Tests and portable installs point it elsewhere: ``STEELFRAME_SETTINGS`` names an INI file, or
``STEELFRAME_SETTINGS_ORG`` / ``STEELFRAME_SETTINGS_APP`` replace the organisation and application
names; nothing then touches the user's real settings.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

ORGANIZATION = "Steelframe"
APPLICATION = "Steelframe"


def open_settings(organization: str | None = None, application: str | None = None) -> QSettings:
    path = os.environ.get("STEELFRAME_SETTINGS")
    if path and organization is None and application is None:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(
        organization or os.environ.get("STEELFRAME_SETTINGS_ORG") or ORGANIZATION,
        application or os.environ.get("STEELFRAME_SETTINGS_APP") or APPLICATION,
    )
