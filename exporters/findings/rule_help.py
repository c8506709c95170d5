"""What each rule protects and how to fix it, as code-scanning tools show beside a finding."""

from __future__ import annotations

from model.engine import Rule

#: Steelframe's home page; ``[project.urls] Homepage`` in pyproject.toml says the same (a test checks).
HOME = "https://github.com/steelframe/steelframe"
#: The README section that documents the rules, their settings and waivers.
RULES_URI = f"{HOME}#rules"
_WAIVE = "A violation accepted on purpose is waived by an accepted decision record that names it"
_ORIGIN = {"catalogue": "Steelframe's rule catalogue", "model": "the model's own rules (settings.custom_rules)"}


def _origin(rule: Rule) -> str:
    return _ORIGIN.get(rule.origin, f"the plugin {rule.origin}")


def _remedy(rule: Rule) -> str:
    return rule.remedy or "Follow the fix that each finding gives."


def _parameters(rule: Rule) -> str:
    return ", ".join(f"{name} = {value}" for name, value in rule.params.items())


def help_text(rule: Rule) -> str:
    """Plain text: the rule, why it matters, how to fix a violation, how to accept one."""
    parts = [f"{rule.id}: {rule.title} ({rule.severity} by default; from {_origin(rule)})."]
    if rule.rationale:
        parts.append(f"Why: {rule.rationale}")
    parts.append(f"How to fix: {_remedy(rule)}")
    if rule.params:
        parts.append(f"Parameters (settings.rules.{rule.id}.params): {_parameters(rule)}.")
    parts.append(f"{_WAIVE}; see {RULES_URI}.")
    return "\n\n".join(parts)


def help_markdown(rule: Rule) -> str:
    """The same help in Markdown, which GitHub code scanning renders."""
    parts = [f"**{rule.id}: {rule.title}** ({rule.severity} by default; from {_origin(rule)})"]
    if rule.rationale:
        parts.append(f"**Why.** {rule.rationale}")
    parts.append(f"**How to fix.** {_remedy(rule)}")
    if rule.params:
        parts.append(f"**Parameters** (`settings.rules.{rule.id}.params`): `{_parameters(rule)}`")
    parts.append(f"{_WAIVE} ([rules and waivers]({RULES_URI})).")
    return "\n\n".join(parts)
