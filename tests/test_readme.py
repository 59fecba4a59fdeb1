"""The README's Python examples run as written, in a folder laid out as the README assumes."""

import re
from pathlib import Path

import pytest

from kg.build import build

ROOT = Path(__file__).resolve().parent.parent
BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("readme")
    (folder / "seeds").symlink_to(ROOT / "seeds")
    build([folder / "seeds"], folder / "out")
    return folder


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_python_block_runs(code, workdir, monkeypatch, capsys):
    monkeypatch.chdir(workdir)
    exec(compile(code, "README.md", "exec"), {})
