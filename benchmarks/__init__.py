"""Throughput and memory benchmarks: ``python -m benchmarks`` (see docs/performance.md)."""
