"""Stand-in for the pytest-json-report plugin (not packaged in Debian).

array-api-tests' reporting.py imports it and uses its `json_metadata` fixture to
annotate a JSON report; the runner writes no JSON report, so the fixture is a
plain dict. Loaded as a plugin by tools/run_array_api_tests.py (-p pytest_jsonreport)."""
import pytest


@pytest.fixture
def json_metadata():
    return {}
