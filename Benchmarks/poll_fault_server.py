#!/usr/bin/env python3
"""A feed server on loopback for the polling benchmark: serves every feed of a folder, a fifth of
them with a fault. Healthy feeds carry an ETag and a Last-Modified and answer 304 to either;
they are gzipped when the client accepts it.

Faults, in turn over the faulty fifth: 404, 500, 503 with Retry-After, 429 with Retry-After,
a slow drip (a byte every half second), silence (the connection held open), a redirect loop,
bytes that are not XML, an oversized body (20 MiB), 410 Gone, and a redirect to file:.

usage: poll_fault_server.py FOLDER PORT [OPML_OUT]
Writes an OPML list of every feed URL to OPML_OUT, then serves until killed.
"""
import gzip
import hashlib
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FAULTS = ["404", "500", "503", "429", "drip", "silent", "loop", "garbage", "oversized", "gone", "to-file"]


def main():
    folder, port = sys.argv[1], int(sys.argv[2])
    names = sorted(n for n in os.listdir(folder) if n.endswith(".xml"))
    fault_of = {}
    for index, name in enumerate(names):
        if index % 5 == 4:
            fault_of[name] = FAULTS[(index // 5) % len(FAULTS)]
    if len(sys.argv) > 3:
        with open(sys.argv[3], "w") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>bench</title></head><body>\n')
            for name in names:
                out.write(f'<outline type="rss" text="{name}" xmlUrl="http://127.0.0.1:{port}/feed/{name}"/>\n')
            out.write("</body></opml>\n")
        with open(sys.argv[3] + ".faults", "w") as out:
            for name in names:
                out.write(f"{name}\t{fault_of.get(name, 'healthy')}\n")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def send(self, status, headers=(), body=b""):
            self.send_response(status)
            for key, value in headers:
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def do_GET(self):
            name = self.path.rsplit("/", 1)[-1]
            if name not in names:
                return self.send(404)
            fault = fault_of.get(name)
            if fault == "404":
                return self.send(404)
            if fault == "500":
                return self.send(500, body=b"internal error")
            if fault == "503":
                return self.send(503, [("Retry-After", "600")])
            if fault == "429":
                return self.send(429, [("Retry-After", "900")])
            if fault == "loop":
                return self.send(302, [("Location", self.path)])
            if fault == "to-file":
                return self.send(301, [("Location", "file:///etc/passwd")])
            if fault == "gone":
                return self.send(410)
            if fault == "garbage":
                return self.send(200, [("Content-Type", "application/rss+xml")], os.urandom(2048))
            if fault == "oversized":
                self.send_response(200)
                self.send_header("Content-Length", str(20 << 20))
                self.end_headers()
                try:
                    for _ in range(20 << 4):
                        self.wfile.write(b" " * 65536)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return
            if fault == "drip":
                self.send_response(200)
                self.send_header("Content-Length", "100000")
                self.end_headers()
                try:
                    for _ in range(100000):
                        self.wfile.write(b"<")
                        self.wfile.flush()
                        time.sleep(0.5)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return
            if fault == "silent":
                time.sleep(120)
                return
            with open(os.path.join(folder, name), "rb") as handle:
                body = handle.read()
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            modified = "Mon, 02 Mar 2026 10:00:00 GMT"
            if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == modified:
                return self.send(304, [("ETag", etag)])
            headers = [("Content-Type", "application/rss+xml; charset=utf-8"), ("ETag", etag), ("Last-Modified", modified)]
            if "gzip" in (self.headers.get("Accept-Encoding") or ""):
                body = gzip.compress(body, 6)
                headers.append(("Content-Encoding", "gzip"))
            self.send(200, headers, body)

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
