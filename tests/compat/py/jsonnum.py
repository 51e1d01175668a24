"""JSON has no NaN or infinities: the compatibility scripts write them as these strings."""

import math


def jnum(x):
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x
