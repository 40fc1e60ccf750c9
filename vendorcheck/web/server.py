"""`serve`: the web page started on this computer, after the checks that would otherwise fail on a first visit."""

from __future__ import annotations

from collections.abc import Callable

from vendorcheck.web.settings import WebSettings


def serve(settings: WebSettings, announce: Callable[[str], None]) -> None:
    """Check the settings, the rule folder and the register, tell `announce` the address to open, then
    serve until Ctrl+C. A register is shown only when `settings.db` names one, or the default one exists."""
    import uvicorn

    from vendorcheck.register import Register, default_register
    from vendorcheck.rulebook import load_rules
    from vendorcheck.web.app import create_app

    if settings.db is None and default_register().is_file():
        settings = settings.model_copy(update={"db": str(default_register())})
    application = create_app(settings)
    # Fail now rather than on the first visit: a broken rule folder, a mistyped register path.
    load_rules(settings.rules_dir)
    if settings.db is not None:
        with Register.existing(settings.db):
            pass
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    announce(f"http://{host}:{settings.port}/" + ("?token=…" if settings.token else ""))
    # No access log: URLs carry result keys and, on a first visit, the token.
    uvicorn.run(
        application,
        host=settings.host,
        port=settings.port,
        access_log=False,
        server_header=False,
        log_level="warning",
    )
