"""Shared fixtures for the audio tests: one probe of the real eSpeak NG engine per run."""

from __future__ import annotations

import pytest

from safeguarding_site.audio.engine import EngineInfo, EngineSpec, Synthesiser, probe


@pytest.fixture(scope="session")
def spec() -> EngineSpec:
    """The default British English voice at the default rate."""
    return EngineSpec()


@pytest.fixture(scope="session")
def info(spec: EngineSpec) -> EngineInfo:
    """What the probe found about the installed engine."""
    return probe(spec)


@pytest.fixture(scope="session")
def synthesiser(spec: EngineSpec) -> Synthesiser:
    """A real synthesiser in the test process (eSpeak NG allows one engine per process)."""
    return Synthesiser(spec)
