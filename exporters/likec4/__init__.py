"""LikeC4 sources of a model: a specification of Steelframe's kinds, the model, and one view per view."""

from exporters.likec4.source import to_likec4

__all__ = ["to_likec4"]
