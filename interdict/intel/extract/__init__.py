"""Rule-based extraction of parties, items, links and licence denials from a parsed cable.

``extract_cable(cable, gazetteer=None)`` is the whole public interface;
``gazetteer_from_datasets`` builds the optional ``Gazetteer`` of known names
from the restricted-party lists loaded under the data home.
"""

from interdict.intel.extract.build import extract_cable
from interdict.intel.extract.gazetteer import Gazetteer, gazetteer_from_datasets

__all__ = ["Gazetteer", "extract_cable", "gazetteer_from_datasets"]
