from home.navigation import menu_for


def navigation(request):
    return {"menu": menu_for(request.user, request.path) if request.user.is_authenticated else []}
