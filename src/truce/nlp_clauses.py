"""Sentence breaks at semicolons between two clauses, set before the parser runs.

The model's parser reads "Government forces shelled Kadugli on Monday; rebels attacked an army post
near Dilling on Tuesday" as one sentence whose first clause is a complement of the second
("shelled" a ccomp of "attacked", as in "X shelled Y, officials said"), so the shelling took the
rebels, Dilling and Tuesday of the second act. Each side of such a semicolon is a sentence of its
own: the parser keeps boundaries set before it. A semicolon between list items ("positions in A; B;
C") has no finite verb on one side and stays inside the sentence.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

# the fine-grained tags of a finite verb (past, present, modal): a clause of its own
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


@Language.component("truce_clause_breaks")
def clause_breaks(doc: Doc) -> Doc:
    """Mark the token after a semicolon as a sentence start when both sides hold a finite verb."""
    marks = [t.i for t in doc if t.text == ";"]
    if not marks:
        return doc
    bounds = [-1, *marks, len(doc)]
    finite = [any(doc[k].tag_ in _FINITE for k in range(a + 1, b)) for a, b in pairwise(bounds)]
    for n, i in enumerate(marks):
        if finite[n] and finite[n + 1] and i + 1 < len(doc):
            doc[i + 1].is_sent_start = True
    return doc
