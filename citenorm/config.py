"""Which diagnostic codes ``check`` reports, and at what severity: ``[tool.citenorm]``.

Selection works as in ruff: codes are chosen by prefix (``CN`` is everything, ``CN4`` the
reference-matching family, ``CN402`` one code); within one layer the most specific prefix
wins and, at equal specificity, ``ignore`` beats ``select``. Layers apply in order: the
defaults (every code), then ``pyproject.toml``, then the command line. A layer with
``select`` starts from nothing; one with only ``ignore``/``extend-select`` edits the layer
before it.

.. code-block:: toml

    [tool.citenorm]
    select = ["CN"]            # default: every code
    extend-select = []
    ignore = ["CN403"]
    fail-on = "error"          # exit 1 when a finding is at this level or above
    [tool.citenorm.severity]
    CN201 = "error"            # code or prefix → "error" | "warning" | "info"
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .diagnostics import CODES
from .errors import CitenormError
from .model import Diagnostic, Severity

RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_KEYS = frozenset({"select", "extend-select", "ignore", "severity", "fail-on"})


class ConfigError(CitenormError):
    """A bad ``[tool.citenorm]`` table or ``--select``/``--ignore`` value."""


@dataclass(frozen=True, slots=True)
class Layer:
    """One source of selection settings (``select`` None: keep the previous layer's set)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Settings:
    """The resolved settings of one run."""

    layers: tuple[Layer, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR

    def enabled(self) -> frozenset[str]:
        return enabled_codes(self.layers)

    def with_layer(self, layer: Layer) -> Settings:
        return replace(self, layers=(*self.layers, layer))


def _matches(prefixes: Iterable[str], code: str) -> int:
    """Length of the longest prefix matching ``code`` (``ALL`` counts as length 0), or -1."""
    best = -1
    for p in prefixes:
        if p == "ALL":
            best = max(best, 0)
        elif code.startswith(p):
            best = max(best, len(p))
    return best


def enabled_codes(layers: Iterable[Layer], codes: Iterable[str] = CODES) -> frozenset[str]:
    """The codes left enabled after applying ``layers`` in order.

    >>> sorted(enabled_codes([Layer(select=("CN4",), ignore=("CN403",))]))
    ['CN401', 'CN402']
    >>> "CN403" in enabled_codes([Layer(ignore=("CN4",)), Layer(extend_select=("CN403",))])
    True
    """
    state = dict.fromkeys(codes, True)
    for layer in layers:
        chosen = (*(layer.select or ()), *layer.extend_select)
        for code in state:
            sel, ign = _matches(chosen, code), _matches(layer.ignore, code)
            if sel > ign:
                state[code] = True
            elif ign >= 0 or layer.select is not None:
                state[code] = False
    return frozenset(c for c, on in state.items() if on)


def check_prefixes(prefixes: Iterable[str], where: str) -> tuple[str, ...]:
    """Upper-cased prefixes; a prefix matching no code is an error (a typo would hide rules).

    >>> check_prefixes(["cn1", "ALL"], "--select")
    ('CN1', 'ALL')
    """
    out = []
    for raw in prefixes:
        p = raw.strip().upper()
        if p != "ALL" and not any(code.startswith(p) for code in CODES):
            raise ConfigError(f"{where}: {raw!r} matches no diagnostic code "
                              f"(codes are CN001 … {max(CODES)})")
        out.append(p)
    return tuple(out)


def split_codes(values: Iterable[str]) -> tuple[str, ...]:
    """Comma-separated option values (``--select CN1,CN4 --select CN002``) → prefixes.

    >>> split_codes(["CN1, CN4", "CN002"])
    ('CN1', 'CN4', 'CN002')
    """
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def _severity(value: object, where: str) -> Severity:
    try:
        return Severity(str(value).lower())
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not one of error, warning, info") from None


def _strings(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of code prefixes")
    return check_prefixes(value, f"{where} '{key}'")


def from_table(table: Mapping[str, Any], where: str = "[tool.citenorm]") -> Settings:
    """Settings from a parsed ``[tool.citenorm]`` table.

    >>> s = from_table({"ignore": ["CN403"], "severity": {"CN2": "error"}})
    >>> "CN403" in s.enabled(), s.severity["CN2"].value
    (False, 'error')
    """
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)} "
                          f"(known: {', '.join(sorted(_KEYS))})")
    select = _strings(table, "select", where) if "select" in table else None
    layer = Layer(select, _strings(table, "extend-select", where), _strings(table, "ignore", where))
    severity_table = table.get("severity", {})
    if not isinstance(severity_table, dict):
        raise ConfigError(f"{where}: 'severity' must be a table of code = level")
    severity = {
        check_prefixes([code], f"{where} severity")[0]: _severity(level, f"{where} severity.{code}")
        for code, level in severity_table.items()
    }
    fail_on = _severity(table.get("fail-on", "error"), f"{where} fail-on")
    return Settings((layer,), severity, fail_on)


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` holding ``[tool.citenorm]``, from ``start`` up to the
    repository root (a folder with ``.git``) or the file-system root."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "citenorm" in _load(candidate).get("tool", {}):
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def _load(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration ({exc})") from None


def load_settings(config: str | None = None, start: Path | None = None) -> Settings:
    """Settings from ``config`` (a pyproject.toml), or the nearest one above ``start``."""
    path = Path(config) if config else find_pyproject(start or Path.cwd())
    if path is None:
        return Settings()
    table = _load(path).get("tool", {}).get("citenorm", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.citenorm] must be a table")
    return from_table(table, f"{path} [tool.citenorm]")


def severity_of(code: str, settings: Settings) -> Severity | None:
    """The configured severity for ``code`` (most specific prefix), or None for the default."""
    best: tuple[int, Severity] | None = None
    for prefix, level in settings.severity.items():
        n = _matches([prefix], code)
        if n >= 0 and (best is None or n > best[0]):
            best = (n, level)
    return best[1] if best else None


def apply(diagnostics: Iterable[Diagnostic], settings: Settings) -> list[Diagnostic]:
    """Drop the disabled codes and set the configured severities."""
    enabled = settings.enabled()
    out = []
    for d in diagnostics:
        if d.code not in enabled:
            continue
        level = severity_of(d.code, settings)
        out.append(replace(d, severity=level) if level and level is not d.severity else d)
    return out


def fails(diagnostics: Iterable[Diagnostic], settings: Settings) -> bool:
    """True when a diagnostic is at ``fail-on`` level or above."""
    bar = RANK[settings.fail_on]
    return any(RANK[d.severity] >= bar for d in diagnostics)
