"""The locust client of bench_service.py: one /match query per request, queries drawn at random."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

from locust import HttpUser, between, task

QUERIES = json.loads(Path(os.environ["BENCH_QUERIES"]).read_text(encoding="utf-8"))
HEADERS = {"Authorization": f"ApiKey {os.environ['BENCH_KEY']}"}
CHOOSE = random.Random(7)


class Matcher(HttpUser):
    wait_time = between(0, 0)

    @task
    def match(self) -> None:
        query = CHOOSE.choice(QUERIES)
        entity = {"schema": query["schema"], "properties": {"name": [query["name"]]}}
        body = {"queries": {"q": entity}}
        self.client.post("/match/default", json=body, headers=HEADERS, name="/match/default")
