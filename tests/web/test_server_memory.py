"""The server's allocator settings: few malloc arenas, freed memory handed back
every few writes (see chronicle.web.memory)."""

import platform

import pytest

from chronicle.web import memory

on_glibc = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"


def test_every_sixteenth_write_hands_memory_back(monkeypatch):
    trims = []
    monkeypatch.setattr(memory, "trim", lambda: trims.append(1) or True)
    monkeypatch.setattr(memory, "_writes", [0])
    for _ in range(3 * memory.TRIM_EVERY_WRITES + 5):
        memory.after_write()
    assert len(trims) == 3


def test_zero_arenas_leaves_the_allocator_alone(monkeypatch):
    monkeypatch.setenv("CHRONICLE_MALLOC_ARENAS", "0")
    assert memory.limit_arenas() is False


@pytest.mark.skipif(not on_glibc, reason="mallopt and malloc_trim are glibc's")
def test_glibc_takes_the_arena_cap_and_trims():
    assert memory.limit_arenas(4) is True
    big = [bytearray(64 * 1024) for _ in range(2000)]  # 128 MiB on the heap, then freed
    del big
    assert isinstance(memory.trim(), bool)
