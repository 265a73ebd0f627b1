"""The pipeline tests' helpers (`corpus`, `runner`) import as plain modules from this folder."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
