"""The admin index's link to the compliance check, shown to those who may run it."""

from django import template

from compliance import access

register = template.Library()


@register.inclusion_tag("compliance/admin/index_link.html", takes_context=True)
def compliance_link(context):
    request = context["request"]
    return {"show": access.may_check(request.user, getattr(request, "unit", None))}
