"""How much the web server takes on: worker threads, and a per-client rate limit (a token
bucket per client address, 429 with Retry-After when empty).

Each client (the connection's IP address) may send `rate` requests per second on average and
`burst` at once.  Static assets are not counted: a page load fetches several of them.  A
`rate` of 0 turns the limit off (e.g. for a load test whose clients all share 127.0.0.1).
"""

from __future__ import annotations

import json
import math
import time
from collections import OrderedDict

from starlette.types import ASGIApp, Receive, Scope, Send

THREADS = 4  # requests worked on at once (see app._lifespan)
RATE_LIMIT = 20.0  # requests/s per client for `presswatch serve`; far above what a person clicks
BURST = 60
MAX_CLIENTS = 10_000  # buckets kept; the least recently seen client is forgotten first


class RateLimit:
    """ASGI middleware: at most `rate` requests/s per client on average, `burst` at once."""

    def __init__(self, app: ASGIApp, rate: float, burst: int, clock=time.monotonic) -> None:
        self.app, self.rate, self.burst, self.clock = app, rate, burst, clock
        self.buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # client -> (tokens, when)

    def _wait(self, client: str) -> float:
        """Take a token for `client`; 0 when allowed, else seconds until the next token."""
        now = self.clock()
        tokens, then = self.buckets.pop(client, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - then) * self.rate)
        wait = 0.0 if tokens >= 1 else (1 - tokens) / self.rate
        self.buckets[client] = (tokens - 1 if wait == 0 else tokens, now)
        if len(self.buckets) > MAX_CLIENTS:
            self.buckets.popitem(last=False)
        return wait

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.rate <= 0 or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self._wait(client)
        if wait == 0:
            await self.app(scope, receive, send)
            return
        retry = max(1, math.ceil(wait))
        message = f"Too many requests: at most {self.rate:g} per second from one client; retry in {retry} s."
        if scope["path"].startswith("/api/"):
            body, kind = json.dumps({"detail": message, "message": message}).encode(), b"application/json"
        else:
            body = f"<!doctype html><title>429 Too many requests</title><h1>Too many requests</h1><p>{message}</p>"
            body, kind = body.encode(), b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": 429,
                    "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                                (b"retry-after", str(retry).encode())]})
        await send({"type": "http.response.body", "body": body})
