"""The traps of the public forms (core/antispam.py), as a reader's browser passes them."""

import time
from unittest import mock

from core.antispam import new_stamp


def trap_fields(seconds_ago=10):
    """An empty honeypot and the stamp of a form drawn ``seconds_ago``, to add to a posted form."""
    with mock.patch("time.time", return_value=time.time() - seconds_ago):
        return {"website": "", "stamp": new_stamp()}
