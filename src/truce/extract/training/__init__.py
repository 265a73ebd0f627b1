"""Training data and trainer of Truce's sentence-level event-type classifier.

`data/` holds the sentences we wrote: `handwritten.txt` (tab-separated: PLOVER type, mode or `-`,
sentence) and the templates and slot lists (`templates.txt`, `slots.txt`) that `generate.py`
expands, deterministically, into `generated.txt` (same format). `train.py` fits the model on both.
The `.txt` suffix keeps them inside the package data of a wheel.
"""
