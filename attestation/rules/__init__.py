"""Attestation eligibility rules: pure Python (no Django), facts in, verdict out.

See :mod:`attestation.rules.facts` for the data and :mod:`attestation.rules.engine`
for the semantics of :func:`evaluate`.
"""

from .engine import Reason, Verdict, evaluate
from .facts import (
    CATEGORY_ORDER,
    EDUCATION_LEVELS,
    EXPERIENCE_KINDS,
    SECTORS,
    Alternative,
    Education,
    EducationCondition,
    EmployeeFacts,
    ExperienceCondition,
    Period,
    Requirement,
    RequirementSet,
)

__all__ = [
    "CATEGORY_ORDER",
    "EDUCATION_LEVELS",
    "EXPERIENCE_KINDS",
    "SECTORS",
    "Alternative",
    "Education",
    "EducationCondition",
    "EmployeeFacts",
    "ExperienceCondition",
    "Period",
    "Reason",
    "Requirement",
    "RequirementSet",
    "Verdict",
    "evaluate",
]
