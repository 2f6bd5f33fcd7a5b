"""The shape the house keeps so the next person can change it: no function in ``helpers/`` longer
than 60 lines (docstring included), so that each rule stays readable on one screen."""

from __future__ import annotations

import ast

from helpers import config

LIMIT = 60


def test_no_function_in_helpers_is_longer_than_sixty_lines():
    too_long = []
    for path in sorted((config.ROOT / "helpers").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > LIMIT:
                    too_long.append(f"{path.name}:{node.name} ({length} lines)")
    assert not too_long, "split these into named steps: " + ", ".join(too_long)
