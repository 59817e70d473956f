"""``python -m partnership`` in this process: ``main(argv)`` with its own environment,
folder, standard input and output, for tests that run many commands. It spares the
interpreter start of a real process (about a second each); the entry point itself is run
as a real process by tests/unit/test_cli.py."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from partnership.__main__ import main


def run(*args: str, env: dict[str, str], cwd: Path | None = None, stdin: str | None = None,
        clear: tuple[str, ...] = ("SUPABASE_",)) -> subprocess.CompletedProcess[str]:
    """Run the command line on ``args``; variables starting with ``clear`` are removed first,
    then ``env`` is set. Returns the exit code, standard output and standard error."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        for key in [k for k in os.environ if k.startswith(clear)]:
            patch.delenv(key)
        for key, value in env.items():
            patch.setenv(key, value)
        if cwd is not None:
            patch.chdir(cwd)
        patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((stdin or "").encode("utf-8")), encoding="utf-8"))
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse refuses a wrong choice this way
            code = int(exc.code or 0)
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())
