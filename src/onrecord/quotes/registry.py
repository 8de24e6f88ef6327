"""The sieve registries: each sieve registers under the name it stamps on records, by family."""
from __future__ import annotations

from collections.abc import Callable

FRAME_SIEVES: dict[str, Callable] = {}
VERB_FRAME_SIEVES: set[str] = set()
CANDIDATE_SIEVES: dict[str, Callable] = {}
QUOTATION_SIEVES: dict[str, Callable] = {}
SPEAKER_SIEVES: dict[str, Callable] = {}


def _register(registry: dict, name: str, **marks):
    def register(function):
        function.sieve_name = name
        for key, value in marks.items():
            setattr(function, key, value)
        registry[name] = function
        return function
    return register


def frame_sieve(name: str, per_speech_verb: bool = False):
    """Finds reported-speech frames. A per-speech-verb sieve is asked about each speech verb (the first to
    answer wins); the others look over the whole document."""
    if per_speech_verb:
        VERB_FRAME_SIEVES.add(name)
    return _register(FRAME_SIEVES, name)


def candidate_sieve(name: str):
    return _register(CANDIDATE_SIEVES, name)


def quotation_sieve(name: str):
    return _register(QUOTATION_SIEVES, name)


def speaker_sieve(name: str):
    return _register(SPEAKER_SIEVES, name)
