"""Compiled templates kept between builds, so a warm build does not compile them again.

MkDocs makes a new Jinja environment for every build and compiles every theme template it
renders (Material's take about a tenth of a second). Jinja can keep the compiled code in a
folder, keyed by each template's name, file and source checksum; the plugin gives it one for
MkDocs' environment and for its own.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from .storage import digest


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


def compile_settings(env: Environment) -> list[object]:
    """What decides how ``env`` compiles a template, besides the template's own source.

    Jinja's key covers the source, and its file header the Python and bytecode versions; the
    environment's syntax, extensions and whitespace rules are up to the cache's owner. MkDocs
    adds an extension for translations, whose compiled code differs with and without Babel.
    """
    autoescape = env.autoescape
    return [
        jinja2.__version__,
        sorted(env.extensions),
        [env.block_start_string, env.block_end_string],
        [env.variable_start_string, env.variable_end_string],
        [env.comment_start_string, env.comment_end_string],
        [env.line_statement_prefix, env.line_comment_prefix],
        [env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.newline_sequence],
        [env.optimized, env.is_async, bool(getattr(env, "newstyle_gettext", False))],
        autoescape if isinstance(autoescape, bool) else getattr(autoescape, "__qualname__", ""),
    ]


def use_compiled_templates(env: Environment, directory: Path) -> None:
    """Keep ``env``'s compiled templates under ``directory``, apart from differently set ones."""
    folder = directory / digest(compile_settings(env))[:16]
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    if folder.is_dir():
        env.bytecode_cache = CompiledTemplates(str(folder))
