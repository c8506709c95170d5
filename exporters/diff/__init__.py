"""How ``steelframe diff`` reports a semantic diff: text for a terminal and ``git diff``, Markdown for a
pull request comment, JSON for scripts. Each is a pure function of a ``ModelDiff``."""
