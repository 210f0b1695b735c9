"""Compiled partials kept between builds, so a warm build does not compile them again."""

from __future__ import annotations

import contextlib
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates, keyed by each template's source checksum.

    Like every cache of this plugin, a folder that cannot be written is simply not used.
    """

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError, EOFError, ValueError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def use_compiled_templates(env: Environment, directory: Path) -> None:
    """Keep ``env``'s compiled templates in ``directory`` (only the plugin's own environment)."""
    with contextlib.suppress(OSError):
        directory.mkdir(parents=True, exist_ok=True)
    if directory.is_dir():
        env.bytecode_cache = CompiledTemplates(str(directory))
