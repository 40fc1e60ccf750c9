"""`vendorcheck serve`: the doctor's local web page."""

from __future__ import annotations

from typing import Annotated

import typer

from vendorcheck.cli.common import LangOption, RulesOption, handle_errors, help_text, stderr


@handle_errors
def serve(
    host: Annotated[str, typer.Option("--host", help=help_text("serve.host"))] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help=help_text("serve.port"))] = 8000,
    token: Annotated[
        str | None, typer.Option("--token", envvar="VENDORCHECK_TOKEN", show_envvar=True, help=help_text("serve.token"))
    ] = None,
    max_upload_mb: Annotated[
        int, typer.Option("--max-upload-mb", min=1, max=500, help=help_text("serve.max_upload_mb"))
    ] = 20,
    db: Annotated[str | None, typer.Option("--db", envvar="VENDORCHECK_DB", help=help_text("serve.db"))] = None,
    rules_dir: RulesOption = None,
    lang: LangOption = "fr",
) -> None:
    from vendorcheck.i18n import t
    from vendorcheck.web import WebSettings
    from vendorcheck.web.server import serve as serve_web

    settings = WebSettings(
        host=host, port=port, token=token, max_upload_mb=max_upload_mb, db=db, rules_dir=rules_dir, lang=lang
    )

    def announce(link: str) -> None:
        stderr.print(t("cli.serve.started", lang, link=link), markup=False, highlight=False)

    serve_web(settings, announce)
