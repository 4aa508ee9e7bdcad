"""What needs attention, shown on each role's start page."""


def attention_items(user) -> list[dict]:
    return []
