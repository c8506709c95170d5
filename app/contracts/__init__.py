"""Model > Check Against Contracts: drift from AsyncAPI and Backstage contracts, live in the window."""
