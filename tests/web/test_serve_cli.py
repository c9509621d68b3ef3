"""``storytrace serve`` as a user runs it: a real process on loopback, stopped with Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import httpx

from web.browsing import free_port

SERVE = [sys.executable, "-m", "storytrace.cli.main", "serve"]


def test_serve_answers_on_loopback_and_stops_on_interrupt(web_run):
    port = free_port()
    process = subprocess.Popen(
        [*SERVE, "--db", str(web_run.db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.communicate()[0]
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "storytrace serve did not answer"
                time.sleep(0.2)
        assert response.status_code == 200
        assert len(response.json()) == len(web_run.document["stories"])
        assert "server" not in response.headers
    finally:
        process.send_signal(signal.SIGINT)
        output = process.communicate(timeout=20)[0]
    assert process.returncode == 0, output
    assert f"http://127.0.0.1:{port}" in output


def test_serve_refuses_a_store_that_does_not_exist(tmp_path):
    missing = tmp_path / "nothing.db"
    done = subprocess.run(
        [*SERVE, "--db", str(missing)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert done.stderr == (
        f"storytrace: error: {missing}: no such store;"
        f" run `storytrace analyze INPUT --db {missing}` first\n"
    )
    assert not missing.exists()
