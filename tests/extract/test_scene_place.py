"""A placeless act of force takes the place of its paragraph's story; a call on X asks X."""

import pytest

from truce.extract.pipeline import extract

pytestmark = pytest.mark.usefixtures("truce_home")

TEXT = ("Protests spread\n\nIn Niamey, thousands of supporters of the junta rallied on Sunday. "
        "Some marched to the embassy before security forces fired tear gas to disperse them.\n\n"
        "The foreign ministry of Georgia called on Moscow to release the men immediately.\n")


def test_tear_gas_takes_paragraph_place_and_request_asks_moscow() -> None:
    events = extract(TEXT, "2023-07-31", use_classifier=False)
    force = [e for e in events if e.mode == "crowd-control"]
    assert force and force[0].location is not None and force[0].location.name == "Niamey"
    asks = [e for e in events if e.type == "REQUEST"]
    assert asks and asks[0].recipient is not None and asks[0].recipient.country == "RUS"
