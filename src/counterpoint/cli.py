"""The command line: parses options, calls the API, renders. No analysis lives here."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from . import __version__
from ._api import analyze_many
from .analysis.word_tagger import ENV as TAGGER_ENV
from .errors import CounterpointError, Errors, InputError
from .ingest import IngestOptions
from .ingest.dates import parse_date
from .model import Article
from .render import COMPARISON_FORMATS, FORMATS, render
from .render.grouping import GROUPING_FORMATS

__all__ = ["main"]


def _date(ctx: click.Context, param: click.Parameter, value: str | None):  # noqa: ANN202
    if value is None:
        return None
    try:
        return parse_date(value)
    except InputError as error:
        raise click.BadParameter(str(error)) from None


def _turn_on_tagger(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        os.environ[TAGGER_ENV] = "1"  # read by the pipeline, in this process and the web app's


#: ``--tagger``: propaganda spans and more attributions by the word-piece taggers (slow: the encoder reads every line).
_TAGGER_OPTION = click.option(
    "--tagger", is_flag=True, expose_value=False, callback=_turn_on_tagger,
    help="Run the learned word-piece taggers: propaganda spans, and attributions the rules miss (several times slower; or set COUNTERPOINT_TAGGER=1).",
)  # fmt: skip


def _reading_options(command: Callable) -> Callable:
    """The options of every command that reads sources: cleaning, size and network limits, the spaCy pipeline."""
    options = [
        click.option("--keep-text", is_flag=True, help="Analyze the text exactly as given: no cleaning."),
        click.option("--clean", is_flag=True, help="Clean the text of JSON/JSONL records too."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=5_000_000, show_default=True),
        click.option("--allow-private", is_flag=True, help="Allow URLs on private, loopback or link-local addresses."),
        click.option("--timeout", type=float, default=15.0, show_default=True, help="Seconds per HTTP request."),
        click.option(
            "--model", envvar="COUNTERPOINT_MODEL", help="spaCy pipeline package (default: the pinned en_core_web_sm)."
        ),
        _TAGGER_OPTION,
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _reporter(failures: list[InputError]) -> Callable[[InputError], None]:
    """An on_error for a batch: one line on stderr per bad source, kept for the exit status."""

    def report(error: InputError) -> None:
        failures.append(error)
        click.echo(f"counterpoint: error: {error}", err=True)

    return report


def _color(output: Path | None, fmt: str) -> bool:
    """Colour only for text on a terminal."""
    return output is None and fmt == "text" and sys.stdout.isatty()


def _emit(rendered: str, output: Path | None) -> None:
    if output:
        output.write_text(rendered, encoding="utf-8")
    else:
        click.echo(rendered, nl=False)


def _progress(total: int):  # noqa: ANN202
    """A progress bar on stderr for batches, only when a person is watching."""
    if total < 3 or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress

    return Progress(transient=True, console=Console(stderr=True))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="counterpoint")
def cli() -> None:
    """Counterpoint: see how different outlets tell the same story."""


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout.")
@click.option("--outlet", help="The outlet's name (overrides what is found).")
@click.option("--published", callback=_date, help="Publication date, YYYY-MM-DD (overrides what is found).")
@click.option("--title", help="The headline (overrides what is found).")
@_reading_options
def analyze(sources: tuple[str, ...], fmt: str, output: Path | None, model: str | None, **options) -> None:  # noqa: ANN003
    """Analyze articles: text files, HTML, JSON/JSONL records, URLs, RSS/Atom feeds, or - for stdin."""
    ingest = IngestOptions(**options)
    failures: list[InputError] = []
    report = _reporter(failures)

    articles: list[Article] = []
    try:
        progress = _progress(len(sources))
        stream = analyze_many(sources, options=ingest, on_error=report, model=model, sources_only=True)
        if progress is None:
            articles = list(stream)
        else:
            with progress:
                task = progress.add_task("analyzing", total=None)
                for article in stream:
                    articles.append(article)
                    progress.advance(task)
    except CounterpointError as error:
        raise click.ClickException(str(error)) from None
    if articles:
        color = _color(output, fmt)
        rendered = render(articles, fmt, color=color)
        _emit(rendered, output)
    if failures:
        click.echo(f"counterpoint: {len(failures)} source(s) failed, {len(articles)} article(s) analyzed", err=True)
        sys.exit(1)
    if not articles:
        click.echo("counterpoint: no articles found", err=True)
        sys.exit(1)


@cli.command()
@click.argument("what", type=click.Choice(["article", "compare"]), default="article")
def schema(what: str) -> None:
    """Print the JSON Schema of the output (of `analyze`, or of `compare`), generated from the data model."""
    from .model import Comparison

    model = Comparison if what == "compare" else Article
    click.echo(json.dumps(model.model_json_schema(), indent=2))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (off loopback, writes need --token).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), help="Library database (default: in the user data directory).")
@click.option("--token", envvar="COUNTERPOINT_TOKEN", help="Token that writes need when not on 127.0.0.1 (or set COUNTERPOINT_TOKEN).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=5_000_000, show_default=True, help="Largest request body and fetched page.")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private, loopback or link-local addresses.")
@click.option("--model", envvar="COUNTERPOINT_MODEL", help="spaCy pipeline package (default: the pinned en_core_web_sm).")
@_TAGGER_OPTION
@click.option(
    "--folder-root", type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Folder on the server that story ingest may read (below it only); without it, folder ingest works only on loopback.",
)  # fmt: skip
def serve(
    host: str, port: int, db: Path | None, token: str | None, max_bytes: int, allow_private: bool, model: str | None,
    folder_root: Path | None,
) -> None:  # fmt: skip
    """Run the web app and REST API (/api/v1, docs at /docs) over a local library of analyses."""
    import uvicorn

    from .web import create_app, default_db_path
    from .web.security import is_loopback

    try:
        app = create_app(
            db or default_db_path(), host=host, port=port, token=token, max_bytes=max_bytes,
            allow_private=allow_private, model=model, folder_root=folder_root,
        )  # fmt: skip
    except CounterpointError as error:
        raise click.ClickException(str(error)) from None
    if not is_loopback(host) and not token:
        click.echo(f"counterpoint: {Errors.E085.format(host=host)}", err=True)
    click.echo(f"counterpoint: library {app.state.store.path}; open http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(GROUPING_FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout.")
@_reading_options
def group(sources: tuple[str, ...], fmt: str, output: Path | None, model: str | None, **options) -> None:  # noqa: ANN003
    """Group articles into stories and events: files, folders (their .txt/.html/.json/.jsonl), JSONL, URLs, feeds."""
    from ._api import group as group_sources
    from .render.grouping import render_grouping

    failures: list[InputError] = []
    report = _reporter(failures)

    bar: dict = {}

    def advance(done: int, total: int) -> None:
        if not bar and total >= 20 and (progress := _progress(total)) is not None:
            progress.start()
            bar.update(progress=progress, task=progress.add_task("reading", total=total))
        if bar:
            bar["progress"].update(bar["task"], completed=done)

    try:
        grouping = group_sources(
            sources, options=IngestOptions(**options), on_error=report, model=model, sources_only=True, progress=advance
        )
    except CounterpointError as error:
        raise click.ClickException(str(error)) from None
    finally:
        if bar:
            bar["progress"].stop()
    count = sum(len(story.articles) for story in grouping.stories)
    if count:
        color = _color(output, fmt)
        rendered = render_grouping(grouping, fmt, color=color)
        _emit(rendered, output)
    if failures:
        click.echo(f"counterpoint: {len(failures)} source(s) failed, {count} article(s) grouped", err=True)
        sys.exit(1)
    if not count:
        click.echo("counterpoint: no articles found", err=True)
        sys.exit(1)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(COMPARISON_FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout.")
@_reading_options
def compare(sources: tuple[str, ...], fmt: str, output: Path | None, model: str | None, **options) -> None:  # noqa: ANN003
    """Compare how two or more articles tell a story: claims lined up, conflicts, naming, sourcing, a summary."""
    from ._api import compare as compare_sources
    from .render import render_comparison

    failures: list[InputError] = []
    report = _reporter(failures)

    try:
        comparison = compare_sources(
            sources, options=IngestOptions(**options), on_error=report, model=model, sources_only=True
        )
        color = _color(output, fmt)
        rendered = render_comparison(comparison, fmt, color=color)
    except CounterpointError as error:
        click.echo(f"counterpoint: error: {error}", err=True)
        sys.exit(1)
    _emit(rendered, output)
    if failures:
        click.echo(
            f"counterpoint: {len(failures)} source(s) failed, {len(comparison.articles)} article(s) compared", err=True
        )
        sys.exit(1)


def main() -> None:
    cli(prog_name="counterpoint")


if __name__ == "__main__":
    main()
