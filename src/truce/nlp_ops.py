"""thinc's CPU ops with matrix products done by numpy, for the spaCy pipeline's layers.

thinc's NumpyOps multiplies matrices with blis. On the machines Truce runs on (measured on a
2-core AMD EPYC), blis reached 13-17 GFLOPS on the shapes of the model's Maxout layers (a few
hundred to a few thousand rows of 96-288 columns), numpy's OpenBLAS 45-60 on one thread. The
tok2vec layers (the shared one and the NER's own) are mostly such products, so the whole spaCy
pass took 29% less time with the same tags, parses, entities and lemmas on every token
(tests/extract/test_pipeline_nlp.py compares them). Only `gemm` changes; the parser's own
C loop keeps thinc's blis kernels.

OpenBLAS is held to one thread (`single_threaded_blas`): the products are small, a second thread
gained nothing in one process, and extraction workers (one per core) each starting their own
threads halved throughput by contending for the cores.
"""

from __future__ import annotations

from typing import Any

import numpy
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits


class MatmulOps(NumpyOps):
    """NumpyOps whose `gemm` is numpy's matmul (same arguments, same result up to rounding)."""

    name = "truce_numpy"

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


def single_threaded_blas() -> None:
    """Hold the process's BLAS libraries to one thread each (module docstring)."""
    threadpool_limits(limits=1, user_api="blas")
