"""`vendorcheck serve`: the doctor's local web page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vendorcheck.cli.common import LangOption, handle_errors, stderr


@handle_errors
def serve(
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Adresse d'écoute. 127.0.0.1 (par défaut) : cet ordinateur seulement, pour que les contrats "
            "ne soient jamais exposés sur le réseau ; toute autre adresse exige --token.",
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port TCP.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="VENDORCHECK_TOKEN",
            show_envvar=True,
            help="Secret exigé à chaque requête (au moins 16 caractères). Lien à ouvrir une fois : "
            "http://HÔTE:PORT/?token=SECRET ; les clients d'API envoient « Authorization: Bearer SECRET ».",
        ),
    ] = None,
    max_upload_mb: Annotated[
        int,
        typer.Option(
            "--max-upload-mb", min=1, max=500, help="Taille maximale d'un envoi (contrat + déclaration), en Mo."
        ),
    ] = 20,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="VENDORCHECK_DB",
            help="Registre des fournisseurs (fichier SQLite ou URL SQLAlchemy) montré "
            "sur la page Fournisseurs. Défaut : celui que remplit "
            "« vendorcheck batch », s'il existe.",
        ),
    ] = None,
    rules_dir: Annotated[
        Path | None, typer.Option("--rules", help="Dossier de règles à utiliser à la place des règles livrées.")
    ] = None,
    lang: LangOption = "fr",
) -> None:
    """Ouvre la page web locale du cabinet : déposer un contrat, lire la liste de contrôle, télécharger l'avenant.

    Arrêt avec Ctrl+C.
    """
    import uvicorn

    from vendorcheck.register import Register, default_register
    from vendorcheck.rulebook import load_rules
    from vendorcheck.web import WebSettings, create_app

    if db is None and default_register().is_file():
        db = str(default_register())
    settings = WebSettings(
        host=host, port=port, token=token, max_upload_mb=max_upload_mb, db=db, rules_dir=rules_dir, lang=lang
    )
    application = create_app(settings)
    # Fail now rather than on the first visit: a broken rule folder, a mistyped register path.
    load_rules(rules_dir)
    if db is not None:
        with Register.existing(db):
            pass
    shown_host = f"[{host}]" if ":" in host else host
    link = f"http://{shown_host}:{port}/" + ("?token=…" if token else "")
    stderr.print(f"vendorcheck : page ouverte sur {link} (Ctrl+C pour arrêter)", markup=False, highlight=False)
    # No access log: URLs carry result keys and, on a first visit, the token.
    uvicorn.run(application, host=host, port=port, access_log=False, server_header=False, log_level="warning")
