"""The library's one base error; the CLI maps it to exit code 2."""

from __future__ import annotations


class CitenormError(Exception):
    """Base class for every error citenorm raises on purpose."""


class InputError(CitenormError):
    """An input that cannot be read: missing, binary, or not in the expected encoding."""
