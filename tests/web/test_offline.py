"""The offline check reads markup as a browser does: what would load is caught wherever and
however it is written; what loads nothing (script text, comments, links) passes."""

from __future__ import annotations

import pytest

from omsgraph.web.offline import check_offline


@pytest.mark.parametrize(
    "bad",
    [
        "<IMG SRC=http://cdn.example/x.png>",  # upper case, unquoted
        '<img/src="http://cdn.example/x.png">',  # a slash before the attribute
        '<img alt="a > b" src="//cdn.example/x.png">',  # ">" inside a quoted value
        "<img alt='say \"hi\"' src='https://cdn.example/x.png'>",
        '<img src = "http://cdn.example/x.png" >',
        '<img src="&#104;ttp://cdn.example/x.png">',  # a character reference
        '<img srcset="x.png 1x">',
        '<video poster="http://cdn.example/x.png"></video>',
        '<svg><use xlink:href="http://cdn.example/s.svg#a"/></svg>',
        '<div style="background: url(http://cdn.example/x.png)"></div>',
        "<style>@import 'x.css';</style>",
        '<meta http-equiv="Refresh" content="0; url=x.html">',
        '<form action="/submit"></form>',
        "<iframe></iframe>",
        '<base href="/">',
        '<a href="javascript:alert(1)">x</a>',
        '<script>var s = "</b>";</script><img src="http://cdn.example/after-script.png">',
    ],
)
def test_rejects(bad: str) -> None:
    with pytest.raises(RuntimeError, match="external"):
        check_offline(f"<!DOCTYPE html><html><body><p>text</p>{bad}</body></html>", True)


@pytest.mark.parametrize(
    "fine",
    [
        '<script>var s = "<img src=http://cdn.example/x.png>"; var u = "url(http://x)";</script>',
        '<!-- <img src="http://cdn.example/x.png"> -->',
        '<img src="data:image/png;base64,AAAA">',
        '<a href="#top">top</a><a href="source-1.html">a page</a>',
        '<a href="https://doi.org/10.1000/x">a DOI</a>',
        '<p style="color: red">url(http://only.text/in/a/paragraph)</p>',
        "<style>body { background: url(data:image/png;base64,AAAA) }</style>",
        '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>',
    ],
)
def test_accepts(fine: str) -> None:
    check_offline(f"<!DOCTYPE html><html><body>{fine}</body></html>", allow_links=True)


def test_links_only_with_allow_links() -> None:
    page = '<html><body><a href="https://doi.org/10.1000/x">a DOI</a></body></html>'
    check_offline(page, allow_links=True)
    with pytest.raises(RuntimeError, match="doi.org"):
        check_offline(page)


def test_names_what_would_load() -> None:
    with pytest.raises(RuntimeError) as caught:
        check_offline("<style>p { background: url(http://x.example/a.png) }</style><link>")
    assert str(caught.value) == (
        "view would load external resources: CSS 'url(http://x.example/a.png) }'; <link> element"
    )


@pytest.mark.parametrize(
    "html",
    [
        "<p>x</p><img src=http://evil.example/a.png alt=don't>",
        '<img src="http://evil.example/a.png"">',
        '<img src=http://evil.example/a.png title=a"b>',
        "<img src=http://evil.example/a.png alt=it's> <p title='q'>",
    ],
)
def test_a_quote_inside_or_after_an_attribute_value_hides_no_tag(html: str) -> None:
    """Browsers load these (a stray quote is only a parse error); the check must see them."""
    with pytest.raises(RuntimeError, match="external resources"):
        check_offline(html, allow_links=False)
