#!/usr/bin/env python3
"""One cycle of a `corroborate poll --every` daemon, timed by the daemon itself.

Serves FEED (one feed document) on a loopback port, adds it to the store as OUTLET's feed, starts
`corroborate poll --every 1h` on the store, waits for the log line of its first cycle, stops it with
SIGTERM, and prints one JSON object with what the log and /proc said:

  cycle_s    the cycle: fetch, ingest with syndication, claims, stories (the daemon's own clock)
  load_s     loading the kept state when the daemon starts (window and clusterer), not in the cycle
  held       placed articles the kept clusterer held after loading
  new        new items the cycle stored
  peak_mb    the daemon's peak resident memory (VmHWM), read just before the stop

usage: daemon_cycle.py CLI STORE REGISTRY FEED OUTLET
"""
import http.server
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time


def main():
    cli, store, registry, feed, outlet = sys.argv[1:6]
    body = open(feed, "rb").read()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/{os.path.basename(feed)}"
    common = ["--db", store, "--registry", registry]
    subprocess.run([cli, "feeds", "add", url, "--outlet", outlet] + common, check=True, stdout=subprocess.DEVNULL)

    daemon = subprocess.Popen([cli, "poll", "--every", "1h", "--no-registry-feeds"] + common,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    metrics = {}
    deadline = time.monotonic() + 600
    for line in daemon.stdout:
        if m := re.search(r"window loaded in ([0-9.]+) s: (\d+) placed", line):
            metrics["load_s"], metrics["held"] = float(m.group(1)), int(m.group(2))
        if m := re.search(r"(\d+) new, .*\(cycle ([0-9.]+) s\)", line):
            metrics["new"], metrics["cycle_s"] = int(m.group(1)), float(m.group(2))
            break
        if "warning" in line or time.monotonic() > deadline:
            print(line.rstrip(), file=sys.stderr)
    try:
        status = open(f"/proc/{daemon.pid}/status").read()
        metrics["peak_mb"] = round(int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024, 1)
    except (OSError, AttributeError):
        pass
    daemon.send_signal(signal.SIGTERM)
    daemon.communicate(timeout=60)
    server.shutdown()
    if "cycle_s" not in metrics:
        sys.exit("daemon_cycle: the daemon logged no cycle")
    print(json.dumps(metrics))


if __name__ == "__main__":
    main()
