class KazakhFirst:
    """The interface language is Kazakh unless the user chose another with the switcher (a cookie).

    Browsers in Kazakhstan often announce Russian or English; guessing from Accept-Language would make Kazakh
    the exception instead of the default, so the header is ignored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
