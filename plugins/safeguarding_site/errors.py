"""Errors raised by the core modules; the plugin turns them into MkDocs ``PluginError``."""


class SafeguardingError(Exception):
    """A problem an editor or site owner can fix, described in one plain paragraph."""
