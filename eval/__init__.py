"""Scorers that measure Counterpoint's analysis against public research data in ``../shared/eval``.

The data is third-party text: it is read from its folder at run time and never copied into the repository.
Every scorer raises :class:`eval.data.DataMissing` when its data is absent, so runs and tests skip cleanly.
Run them all with ``python -m eval.run``.
"""
