"""The Backstage software catalog: reading ``catalog-info.yaml`` entities, and writing a model as them."""
