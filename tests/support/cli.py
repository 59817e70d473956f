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
        clear: tuple[str, ...] = ("SUPABASE_",), check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the command line on ``args``; variables starting with ``clear`` are removed first,
    then ``env`` is set. Returns the exit code, standard output and standard error; with
    ``check``, a non-zero exit raises ``CalledProcessError`` (as ``subprocess.run``)."""
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
    done = subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())
    if check:
        done.check_returncode()
    return done


def remind(database: str, base_url: str, smtp_url: str | None, cwd: Path, *args: str,
           sender: str = "noreply@example.org", check: bool = False) -> subprocess.CompletedProcess[str]:
    """``remind ARGS`` against ``database`` in the folder ``cwd`` (no secrets file there), with
    no PARTNERSHIP_ or SUPABASE_ setting but these; without ``smtp_url``, no SMTP at all."""
    env = {"PARTNERSHIP_DATABASE_URL": database, "PARTNERSHIP_BASE_URL": base_url}
    if smtp_url is not None:
        env.update({"PARTNERSHIP_SMTP_URL": smtp_url, "PARTNERSHIP_MAIL_FROM": sender})
    return run("remind", *args, env=env, cwd=cwd, clear=("PARTNERSHIP_", "SUPABASE_"), check=check)
