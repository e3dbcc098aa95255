"""presswatch: news articles in, traceable evidence out."""

__version__ = "0.1.0"
