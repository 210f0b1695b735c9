"""Content Security Policy, the host's headers, and settings that would reach other websites."""
