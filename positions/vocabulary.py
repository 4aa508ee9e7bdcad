"""The codes of the domain, in one place: model choices (positions.labels), the eligibility engine
(attestation.rules), the requirement schema (positions.schema), the catalogue data, imports and tests read them.

Plain Python (no Django): the engine and the schema import it. The words behind the codes are in
docs/glossary.md; their labels in the interface languages are in positions/labels.py.
"""

#: Categories of a post, from the lowest ("none" = санатсыз) to the top: the order of every ladder.
CATEGORY_CODES = ("none", "second", "first", "highest")

#: Qualification levels of a post (жоғары / орташа біліктілік деңгейі).
LEVEL_CODES = ("high", "medium")

#: Levels of a diploma, highest first (the order in which a requirement lists them).
EDUCATION_LEVEL_CODES = ("postgraduate", "higher", "tvet", "basic_secondary", "certificate")

#: The levels of general and vocational education, lowest first (reading "education_levels_nest", items 15, 24,
#: 27, 30, 33, 36: a higher one meets the requirement of a lower one in an accepted field). A certificate is
#: not a level of education and nests in nothing.
NESTED_EDUCATION_LEVEL_CODES = ("basic_secondary", "tvet", "higher", "postgraduate")

#: Sectors of a work period.
SECTOR_CODES = ("social_protection", "employment", "education", "health", "law_enforcement", "other")

#: The sectors the order names where it asks for experience in sectors (items 6, 9, 12, ...): all but "other".
ORDER_SECTOR_CODES = ("social_protection", "employment", "education", "health", "law_enforcement")

#: Kinds of an experience requirement: "sectors" (periods in the named sectors), "managerial" (managerial
#: periods), "profile" (periods in the organisation's profile), "category" (periods in the previous category of
#: the ladder).
EXPERIENCE_KINDS = ("sectors", "managerial", "profile", "category")
