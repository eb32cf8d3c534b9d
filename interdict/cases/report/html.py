"""The assessment as one self-contained HTML page an officer can attach to a file.

Party names and cable text are untrusted, so the template is rendered with
autoescaping forced on (the ``.j2`` suffix would otherwise leave it to
Jinja's guess) and the only markup let through unescaped is the route SVG,
which ``route_svg`` escapes itself.  Undefined template variables raise,
so a misspelt field fails the render instead of printing an empty cell.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup

from interdict.cases.outputs import Assessment
from interdict.cases.report.route import route_svg
from interdict.cases.report.view import report

TEMPLATES = Path(__file__).parent / "templates"


def render_html(assessment: Assessment) -> str:
    content = report(assessment)
    return _template().render(report=content, route_svg=Markup(route_svg(content.route)))


@cache
def _template() -> Template:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template("report.html.j2")
