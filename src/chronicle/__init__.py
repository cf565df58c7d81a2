"""Chronicle: news articles to structured, evidence-backed political event data.

    >>> import chronicle
    >>> record = chronicle.extract("Protesters rallied in Basra on Friday ...", published="2020-09-01")
    >>> pipeline = chronicle.Pipeline()          # loads every resource once
    >>> for record in pipeline.process_many(texts): ...
"""

from chronicle.pipeline import Pipeline, extract
from chronicle.record import Article, ArticleRecord, SCHEMA_VERSION

__all__ = ["Pipeline", "extract", "Article", "ArticleRecord", "SCHEMA_VERSION"]
__version__ = "0.1.0"
