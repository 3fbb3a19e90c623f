from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from desabinaan.core.cache import public_page

from . import selectors


@public_page("program_public")
def home(request):
    """Public landing page: what the program is, how to migrate safely, and where officers sign in."""
    return render(request, "web/home.html", {"figures": selectors.public_figures()})


@login_required
def dashboard(request):
    """Officer home: what needs attention within the user's jurisdiction."""
    return render(request, "web/dashboard.html", selectors.attention_for(user=request.user))
