"""Shared fixtures: the hand-written extract documents and their tables."""

import pytest

from dashboard import charts
from tests.fixtures import docs


@pytest.fixture(scope="session")
def basic_doc():
    return docs.basic()


@pytest.fixture(scope="session")
def basic_table(basic_doc):
    return charts.frame(basic_doc)
