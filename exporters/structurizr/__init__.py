"""A Structurizr DSL workspace of a model: contexts as software systems, services as containers, flows."""

from exporters.structurizr.workspace import to_structurizr

__all__ = ["to_structurizr"]
