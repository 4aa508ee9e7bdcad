"""Figures 0a-0b of `make bench`: the plain-Python cores on synthetic data, without the database's rows.

0a: the experience arithmetic (staffing.experience) of 10,000 people of 6 periods each, once "experience on D"
and once "the date 30 years are reached". 0b: the eligibility engine (attestation.rules.evaluate) for 10,000
synthetic employees of 6 periods each against the requirements in force (read once before the clock starts).
Both were timed tests once; a speed target is a benchmark's business, so they live here.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from attestation.rules import Education, EmployeeFacts, Period, RequirementSet, evaluate
from positions.vocabulary import ORDER_SECTOR_CODES
from staffing.experience import Duration, Span, date_reached, experience

PEOPLE = 10_000
ON = date(2026, 11, 25)


def experience_people(seed: int = 580) -> list[list[Span]]:
    rng = random.Random(seed)
    people = []
    for _ in range(PEOPLE):
        start = date(2000, 1, 1) + timedelta(days=rng.randrange(8000))
        periods = []
        for _ in range(5):
            end = start + timedelta(days=rng.randrange(30, 1500))
            periods.append(Span(start, end))
            start = end + timedelta(days=rng.randrange(0, 400))
        periods.append(Span(start, None))
        people.append(periods)
    return people


def experience_run(people: list[list[Span]]) -> None:
    for periods in people:
        experience(periods, ON)
        date_reached(periods, Duration.of_years(30))


def engine_employees(requirements: RequirementSet, seed: int = 580) -> list[EmployeeFacts]:
    """Employees on the posts of `requirements`, each with two diplomas and five past periods plus an open one."""
    rng = random.Random(seed)
    posts = sorted({(r.position, r.level) for r in requirements}, key=lambda post: (post[0], post[1] or ""))
    diplomas = (
        Education("higher", frozenset({"social_work", "social", "social_sciences"})),
        Education("higher", frozenset({"psychology", "social_sciences"})),
    )
    employees = []
    for key in range(PEOPLE):
        position, level = rng.choice(posts)
        ladder = requirements.ladder(position, level)
        category = rng.choice(ladder) if ladder else None
        start = date(2005, 1, 1) + timedelta(days=rng.randrange(6000))
        periods = []
        for _ in range(5):
            end = start + timedelta(days=rng.randrange(30, 900))
            held = rng.choice(ladder) if ladder else None
            periods.append(
                Period(start, end, rng.choice(ORDER_SECTOR_CODES), position, level, held, rng.random() < 0.2, True)
            )
            start = end + timedelta(days=rng.randrange(0, 200))
        periods.append(Period(start, None, "social_protection", position, level, category, False, True))
        employees.append(EmployeeFacts(key, position, level, category, diplomas, tuple(periods)))
    return employees


def engine_run(employees: list[EmployeeFacts], requirements: RequirementSet) -> None:
    for facts in employees:
        evaluate(facts, requirements, ON)
