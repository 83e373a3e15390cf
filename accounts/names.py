"""A person's name as Vietnamese writes it: family name, middle name, given name ("Nguyễn Văn Bình").

Django's ``get_full_name`` puts the given name first ("Bình Nguyễn Văn"); every place that shows a
staff member's name (lists, forms, bylines) goes through ``full_name`` instead.
"""


def full_name(user):
    """``last_name`` (family and middle names), then ``first_name`` (the given name); else the account name."""
    name = " ".join(part for part in (user.last_name.strip(), user.first_name.strip()) if part)
    return name or user.get_username()


def split_full_name(name):
    """A full name typed in one box, as (family and middle names, given name): the given name is the last word."""
    words = name.split()
    if not words:
        return "", ""
    return " ".join(words[:-1]), words[-1]
