"""Prompt regression testing: fixture cases, deterministic scoring, record/replay, baselines.

``summarizer eval`` replays recorded model answers for every case under ``fixtures/cases`` and
scores them field by field against gold briefings, so a prompt change is judged before merging.
Submodules import nothing heavy at package import time (the CLI imports ``command`` lazily).
"""
