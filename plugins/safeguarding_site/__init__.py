"""Accessible public-information sites for Safeguarding Adults Boards, as a MkDocs plugin.

The feature logic lives in plain-Python sub-packages (``quick_exit``, ``privacy``,
``publish``, ``sources``) that never import MkDocs; ``plugin.py`` wires them to MkDocs events.
"""

__version__ = "0.1.0"
