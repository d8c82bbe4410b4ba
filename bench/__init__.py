"""Benchmarks (``fakefree bench``): generated worlds, load rates per backend, query
latencies, peak memory, the charts, and the evaluation of the development case files."""
