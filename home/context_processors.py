from home.navigation import menu_for


def navigation(request):
    return {"menu": menu_for(request.user) if request.user.is_authenticated else []}
