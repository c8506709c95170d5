"""Python rules from installed packages, found through the entry-point group ``steelframe.rules``.

An entry point may name a Rule, an iterable of Rules, or a function returning either. Besides the
packages installed beside Steelframe, the plugin folders are searched: ``pip install --target``
puts a plugin there, which is how the desktop bundle (which has no pip of its own) gets one.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Mapping
from importlib.metadata import entry_points
from pathlib import Path

from model.engine.rule import Rule

GROUP = "steelframe.rules"
#: Folders of plugins, separated as in PATH, searched before the user's own plugin folder.
PATH_VARIABLE = "STEELFRAME_PLUGIN_PATH"
log = logging.getLogger(__name__)


def plugin_folders(environ: Mapping[str, str] = os.environ) -> list[Path]:
    """``$STEELFRAME_PLUGIN_PATH``'s folders, then ``$XDG_DATA_HOME/steelframe/plugins`` (~/.local/share/...)."""
    named = [Path(entry).expanduser() for entry in environ.get(PATH_VARIABLE, "").split(os.pathsep) if entry]
    for folder in named:
        if not folder.is_dir():
            log.warning("%s names %s, which is not a folder; no plugins are read from it", PATH_VARIABLE, folder)
    data_home = Path(environ.get("XDG_DATA_HOME") or Path(environ.get("HOME", "~")) / ".local" / "share")
    return [folder for folder in [*named, data_home.expanduser() / "steelframe" / "plugins"] if folder.is_dir()]


def plugin_rules() -> list[Rule]:
    for folder in plugin_folders():
        if str(folder) not in sys.path:
            sys.path.append(str(folder))  # after Steelframe's own packages: a plugin cannot shadow them
    rules: list[Rule] = []
    for entry in sorted(entry_points(group=GROUP), key=lambda e: e.name):
        try:
            loaded = entry.load()
            if callable(loaded) and not isinstance(loaded, Rule):
                loaded = loaded()
            found = [loaded] if isinstance(loaded, Rule) else list(loaded)
        except Exception as error:  # a broken plugin must not stop the check; it is reported
            log.warning("rule plugin %r could not be loaded: %s", entry.name, error)
            continue
        for rule in found:
            if not isinstance(rule, Rule):
                log.warning("rule plugin %r gave %r, which is not a steelframe Rule", entry.name, rule)
                continue
            rules.append(_with_origin(rule, entry.value))
    return rules


def _with_origin(rule: Rule, origin: str) -> Rule:
    from dataclasses import replace

    return replace(rule, origin=f"plugin {origin}")


def merge(catalogue: Iterable[Rule], extra: Iterable[Rule]) -> list[Rule]:
    """Catalogue first; a later rule with an id already taken is skipped with a warning."""
    merged: dict[str, Rule] = {}
    for rule in [*catalogue, *extra]:
        if rule.id in merged:
            log.warning("rule %s from %s ignored: the id is taken by %s", rule.id, rule.origin, merged[rule.id].origin)
            continue
        merged[rule.id] = rule
    return list(merged.values())
