"""`counterpoint` and `python -m counterpoint`: start the command line without torch when nothing will use it.

When torch is installed, spaCy's thinc imports it at start-up (about 1.1 s of a 5 s cold start) only to learn
whether it could use it. The default spaCy pipeline (en_core_web_sm) and the default sentence encoder (numpy)
never do, so unless another pipeline (``--model``, ``COUNTERPOINT_MODEL``) or encoder (``COUNTERPOINT_ENCODER``)
is chosen, torch is marked unavailable before spaCy loads. The Python API is not affected.
"""

from __future__ import annotations

import importlib.abc
import os
import sys
from collections.abc import Mapping, Sequence

__all__ = ["main", "torch_unneeded"]


def torch_unneeded(argv: Sequence[str], environ: Mapping[str, str]) -> bool:
    """True when the command runs only the default pipeline and encoder, which need no torch."""
    if environ.get("COUNTERPOINT_ENCODER", "numpy") != "numpy" or environ.get("COUNTERPOINT_MODEL"):
        return False
    return not any(arg == "--model" or arg.startswith("--model=") for arg in argv)


class _NoTorch(importlib.abc.MetaPathFinder):
    """Makes `import torch` fail as if it were not installed. (Not `sys.modules["torch"] = None`: libraries such
    as scipy look torch up in sys.modules and fail on a None there.) Known limit: `importlib.util.find_spec("torch")`
    raises ModuleNotFoundError here instead of returning None; nothing the commands run probes torch that way."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "torch" or name.startswith("torch."):
            raise ModuleNotFoundError(f"No module named {name!r} (not loaded by the counterpoint command)", name=name)
        return None


def main() -> None:
    if "torch" not in sys.modules and torch_unneeded(sys.argv[1:], os.environ):
        sys.meta_path.insert(0, _NoTorch())  # thinc then goes on without torch
    from .cli import main as run_cli

    run_cli()


if __name__ == "__main__":
    main()
