"""How ``steelframe check`` reports violations: text for people, JSON for scripts, SARIF for CI annotators.

Each format is a pure function from the model and its violations to text, so it is tested
without a terminal and the command line only chooses one and writes it.
"""
