"""Writing an exchange file as text: concepts, organizations, properties and diagrams generated
from the model, with the fragments an import kept written back as they were."""
