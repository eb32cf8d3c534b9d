"""Map a function over a stream on several processes, in order, with bounded memory.

Chunks of the stream go to a process pool, and no more than twice as many
chunks as there are workers are ever in flight, so a stream of millions of
items passes through in constant memory.  Results come back in input order.
With one worker everything runs in the calling process, with no pool at all,
so the single-core path is the plain loop and debuggers and profilers see it.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def ordered_map(
    func: Callable[[list[T]], list[R]], items: Iterable[T], workers: int, chunk: int
) -> Iterator[R]:
    """``func`` over chunks of ``items``, results flattened in input order."""
    stream = iter(items)
    if workers <= 1:
        while batch := list(islice(stream, chunk)):
            yield from func(batch)
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(workers) as pool:
        pending: deque[multiprocessing.pool.AsyncResult[list[R]]] = deque()
        while True:
            batch = list(islice(stream, chunk))
            if batch:
                pending.append(pool.apply_async(func, (batch,)))
            while pending and (len(pending) > 2 * workers or not batch):
                yield from pending.popleft().get()
            if not batch:
                return
