"""Relations stated by English sentences, from the cues of ``patterns/en_relations.tsv`` and the
sector cues of ``patterns/en_sectors.tsv``. The rules are registered in ``table.py`` and run by
``document.py`` over each sentence's context (``context.py``).

English plans state a relation around the subject of a clause: “The new area, located in the
northeast of Haikou, includes the Haikou Comprehensive Free Trade Zone …”, “Anchored by the Yazhou
Bay Seed Laboratory …, the science and technology city will focus on developing the seed
industry …”. So each cue is read against the clause's subject — the named thing (or “the new
area”, “it”, “we”) that a verb follows — and the list of names that follows the cue:

* LOCATED_IN: X located in P; P is home to / hosts X; A of P and A in P (Pudong New Area of
  Shanghai, the Hong Kong Park in the Lok Ma Chau Loop); regions a region consists of.
* PART_OF: P includes Q and R; Q is the core area of P; a platform of a platform.
* ANCHORED_BY: P, anchored by A and B; with A as its core; relying on A, build P; P relies on A.
* COOPERATES_WITH: X cooperates / deepens cooperation with Y; cooperation between X and Y;
  X and Y jointly build … (with Z); jointly built by X and Y.
* SERVES: P focuses on developing / develops / cultivates / serves A, B and C (in P); the A and B
  industries in P; a platform whose name holds a sector the document names (… Artificial
  Intelligence Island → artificial intelligence).
* OPERATES_IN: A, B and C named as companies of a sector (“innovative drug companies such as …”,
  “enterprises such as A and B will lead the X industry”).

Anaphora: “the new area”, “the pilot zone”, “the science and technology city” name the platform
last written whose name ends so; “it” is the previous sentence's subject; “we” is the place the
document's title names.
"""
