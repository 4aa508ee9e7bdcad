"""Attestation eligibility rules: pure Python (no Django), facts in, verdict out.

See :mod:`attestation.rules.facts` for the data and :mod:`attestation.rules.engine`
for the semantics of :func:`evaluate`.
"""

from .engine import Reason, Verdict, evaluate
from .facts import (
    Alternative,
    Education,
    EducationCondition,
    EmployeeFacts,
    ExperienceCondition,
    Period,
    Requirement,
    RequirementSet,
    alternatives_from_data,
)

__all__ = [
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
    "alternatives_from_data",
    "evaluate",
]
