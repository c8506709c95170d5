"""The running estate as its contracts describe it: AsyncAPI documents and the Backstage catalog.

Readers turn each format into one neutral :class:`~exporters.contracts.estate.Estate`; from it
``bootstrap`` builds a model, ``matching`` finds each application's element in a model, and
``drift`` reports where the model and the contracts disagree (rules SF1xx).
"""

from exporters.contracts.errors import ContractError
from exporters.contracts.sources import read_contracts

__all__ = ["ContractError", "read_contracts"]
