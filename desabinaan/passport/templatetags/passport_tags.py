from django import template

from lib.passport import rupiah as _rupiah

register = template.Library()


@register.filter
def rupiah(amount) -> str:
    return _rupiah(int(amount))
