//! A built page's whole document: the rendered view put into the site's hardened
//! `index.html`, with its own language, title, description and preview tags. Plain text
//! work on HTML that Leptos wrote, so it needs no browser and no DOM.

use std::collections::BTreeMap;

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

use crate::page_title::page_title;

/// What the head of one built page says about it.
pub struct PageHead<'a> {
    /// The page's language, as `<html lang>` takes it.
    pub lang: &'a str,
    /// The site's name, after the page's own heading in the title.
    pub site_name: &'a str,
    /// The page's file name beside `index.html` (empty for the folder itself).
    pub file: &'a str,
    /// The data file the page shows, for the page's loader to start fetching at once.
    pub shard: Option<&'a str>,
    /// The outlines a map page draws its chart on, fetched at once as its shard is.
    pub outlines: Option<&'a str>,
    /// Font files the page's text needs, asked for before the stylesheet names them.
    pub fonts: &'a [&'a str],
}

/// The built pages' one stylesheet, as each page links it.
pub struct Stylesheet {
    pub href: String,
    pub integrity: String,
}

/// The inline styles of every page, as classes in one stylesheet: the policy allows no
/// `style` attribute, so each distinct declaration becomes a class named by its hash.
#[derive(Default)]
pub struct Styles {
    rules: BTreeMap<String, String>,
}

impl Styles {
    /// The stylesheet: each rule `!important`, as the inline style it stands for would win
    /// over the site's stylesheet.
    pub fn css(&self) -> String {
        let mut css = String::from(
            "/* The built pages' inline styles as classes (the policy allows no style attribute). */\n",
        );
        for (class, declarations) in &self.rules {
            let important: Vec<String> = declarations
                .split(';')
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(|d| format!("{d} !important"))
                .collect();
            css.push_str(&format!(".{class}{{{}}}\n", important.join(";")));
        }
        css
    }

    /// The stylesheet's file name, from a hash of its content.
    pub fn file_name(&self) -> String {
        format!("built-{}.css", &hex_hash(&self.css())[..16])
    }

    /// Replaces every `style` attribute in `html` with a class (merged into the element's
    /// `class` attribute), remembering its declarations.
    pub fn take_from(&mut self, html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(start) = rest.find('<') {
            out.push_str(&rest[..start]);
            rest = &rest[start..];
            let is_start_tag = rest[1..].starts_with(|c: char| c.is_ascii_alphabetic());
            let end = if is_start_tag { tag_end(rest) } else { None };
            match end {
                Some(end) => {
                    out.push_str(&self.restyle(&rest[..end]));
                    rest = &rest[end..];
                }
                None => {
                    out.push('<');
                    rest = &rest[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// One start tag with its `style` attribute made a class.
    fn restyle(&mut self, tag: &str) -> String {
        let mut attributes = attributes(tag);
        let Some(at) = attributes.iter().position(|(name, _)| name == "style") else {
            return tag.to_string();
        };
        let (_, style) = attributes.remove(at);
        let style = style.unwrap_or_default();
        let class = format!("s-{}", &hex_hash(&style)[..10]);
        self.rules.insert(class.clone(), style);
        match attributes.iter_mut().find(|(name, _)| name == "class") {
            Some((_, Some(value))) => {
                value.push(' ');
                value.push_str(&class);
            }
            Some((_, value)) => *value = Some(class),
            None => attributes.push(("class".into(), Some(class))),
        }
        let name_end = tag[1..]
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .map_or(tag.len() - 1, |i| i + 1);
        let mut rebuilt = tag[..name_end].to_string();
        for (name, value) in attributes {
            rebuilt.push(' ');
            rebuilt.push_str(&name);
            if let Some(value) = value {
                rebuilt.push_str(&format!("=\"{value}\""));
            }
        }
        rebuilt.push('>');
        rebuilt
    }
}

/// The length of the start tag at the start of `html`, quotes respected.
fn tag_end(html: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in html.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// A start tag's attributes, as written (values keep their escapes).
fn attributes(tag: &str) -> Vec<(String, Option<String>)> {
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut chars = inner.char_indices().peekable();
    // Past the element's name.
    while chars.next_if(|(_, c)| !c.is_ascii_whitespace()).is_some() {}
    let mut found = Vec::new();
    loop {
        while chars.next_if(|(_, c)| c.is_ascii_whitespace()).is_some() {}
        let Some(&(start, _)) = chars.peek() else {
            break;
        };
        while chars
            .next_if(|(_, c)| !c.is_ascii_whitespace() && *c != '=')
            .is_some()
        {}
        let end = chars.peek().map_or(inner.len(), |&(i, _)| i);
        let name = inner[start..end].to_string();
        if chars.next_if(|(_, c)| *c == '=').is_none() {
            found.push((name, None));
            continue;
        }
        let value = match chars.next() {
            Some((open, q @ ('"' | '\''))) => {
                let close = inner[open + 1..]
                    .find(q)
                    .map_or(inner.len(), |i| open + 1 + i);
                while chars.next_if(|&(i, _)| i <= close).is_some() {}
                inner[open + 1..close].to_string()
            }
            Some((open, _)) => {
                while chars.next_if(|(_, c)| !c.is_ascii_whitespace()).is_some() {}
                let end = chars.peek().map_or(inner.len(), |&(i, _)| i);
                inner[open..end].to_string()
            }
            None => String::new(),
        };
        found.push((name, Some(value)));
    }
    found
}

fn hex_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The subresource integrity of `bytes`, as the site's other files carry it.
pub fn integrity(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The text of the first element `<tag ...>` whose start tag satisfies `wanted`, its markup
/// taken out and its spaces collapsed, still escaped as HTML text.
fn first_text(html: &str, tag: &str, wanted: impl Fn(&str) -> bool) -> Option<String> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        rest = &rest[start..];
        let end = tag_end(rest)?;
        let start_tag = &rest[..end];
        let after_name = start_tag[open.len()..].starts_with([' ', '>']);
        if after_name && wanted(start_tag) {
            let content = &rest[end..end + rest[end..].find(&close)?];
            let mut text = String::new();
            let mut in_tag = false;
            for c in content.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            return Some(text.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        rest = &rest[end..];
    }
    None
}

/// Whether a start tag's `class` attribute has `class` among its classes.
fn has_class(start_tag: &str, class: &str) -> bool {
    attributes(start_tag).iter().any(|(name, value)| {
        name == "class"
            && value
                .as_deref()
                .is_some_and(|v| v.split_whitespace().any(|c| c == class))
    })
}

/// Text made safe for a double-quoted attribute (it arrives escaped as HTML text).
fn attribute_text(text: &str) -> String {
    text.replace('"', "&quot;")
}

/// Replaces the first `from ... to` span of `html` (both included) with `with`, or fails
/// naming what was not found.
fn replace_span(html: &mut String, from: &str, to: &str, with: &str) -> Result<(), String> {
    let start = html
        .find(from)
        .ok_or_else(|| format!("index.html has no {from}"))?;
    let end = start
        + html[start..]
            .find(to)
            .ok_or_else(|| format!("index.html has no {to} after {from}"))?
        + to.len();
    html.replace_range(start..end, with);
    Ok(())
}

/// The whole document of a built page: `template` (the site's hardened `index.html`) with
/// `body` (the rendered view, its styles already taken out) as its content, and a head that
/// names the page: language, title (the page's heading), description (its summary, else its
/// lede) and the same as Open Graph and Twitter card tags, so a shared link previews as the
/// page it opens.
pub fn document(
    template: &str,
    head: &PageHead,
    body: &str,
    stylesheet: &Stylesheet,
) -> Result<String, String> {
    // Leptos marks its views' places for hydration; the app takes the page over without it.
    let body = strip_comments(body);
    let heading = first_text(&body, "h1", |_| true).ok_or("the page has no h1")?;
    let description = first_text(&body, "p", |t| has_class(t, "summary"))
        .or_else(|| first_text(&body, "p", |t| has_class(t, "lede")))
        .unwrap_or_default();
    let title = page_title(&heading, head.site_name);
    let (title_attr, description_attr) = (attribute_text(&title), attribute_text(&description));
    let mut html = template.to_string();
    // `no-js` until the page's loader runs, so controls that need the app stay hidden when
    // scripts are off (style/main.css).
    replace_span(
        &mut html,
        "<html lang=\"",
        ">",
        &format!("<html lang=\"{}\" class=\"no-js\">", head.lang),
    )?;
    replace_span(
        &mut html,
        "<title>",
        "</title>",
        &format!("<title>{title}</title>"),
    )?;
    let meta = [
        format!("<meta name=\"description\" content=\"{description_attr}\" />"),
        format!("<meta property=\"og:title\" content=\"{title_attr}\" />"),
        format!("<meta property=\"og:description\" content=\"{description_attr}\" />"),
        "<meta property=\"og:type\" content=\"website\" />".to_string(),
        format!(
            "<meta property=\"og:site_name\" content=\"{}\" />",
            attribute_text(head.site_name)
        ),
        "<meta name=\"twitter:card\" content=\"summary\" />".to_string(),
        format!(
            "<meta name=\"tht-page\" content=\"{}\"{} />",
            attribute_text(head.file),
            [("shard", head.shard), ("outlines", head.outlines)]
                .into_iter()
                // A page with charts draws them from the options it carries, before the app.
                .chain(
                    body.contains(" data-option=")
                        .then_some(("charts", Some("")))
                )
                .filter_map(|(name, file)| Some(format!(
                    " data-{name}=\"{}\"",
                    attribute_text(file?)
                )))
                .collect::<String>()
        ),
    ]
    .join("\n    ");
    replace_span(&mut html, "<meta name=\"description\"", "/>", &meta)?;
    let fonts: String = head
        .fonts
        .iter()
        .map(|font| {
            format!(
                "<link rel=\"preload\" href=\"{}\" as=\"font\" type=\"font/woff2\" crossorigin />\n    ",
                attribute_text(font)
            )
        })
        .collect();
    let link = format!(
        "{fonts}<link rel=\"stylesheet\" href=\"{}\" integrity=\"{}\" />\n  </head>",
        stylesheet.href, stylesheet.integrity
    );
    replace_span(&mut html, "</head>", "</head>", &link)?;
    replace_span(
        &mut html,
        "<body>",
        "<body>",
        &format!("<body>\n    <div id=\"built\">{body}</div>"),
    )?;
    Ok(html)
}

/// `html` without its comments (rendered text escapes `<`, so `<!` only starts markup).
fn strip_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!") {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map_or(rest.len(), |i| i + 3)
        } else {
            rest.find('>').map_or(rest.len(), |i| i + 1)
        };
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <title>Site</title>\n    <meta name=\"description\" content=\"The site.\" />\n  </head>\n  <body>\n    <noscript>x</noscript>\n  </body>\n</html>\n";

    fn head() -> PageHead<'static> {
        PageHead {
            lang: "bn",
            site_name: "Explorer",
            file: "indicator-1.bn.html",
            shard: Some("indicators/1/ward.json"),
            outlines: Some("boundaries/wards.geojson"),
            fonts: &["fonts/bengali.woff2"],
        }
    }

    fn sheet() -> Stylesheet {
        Stylesheet {
            href: "built-1.css".into(),
            integrity: "sha384-x".into(),
        }
    }

    #[test]
    fn styles_become_classes_in_one_stylesheet() {
        let mut styles = Styles::default();
        let html = styles.take_from(
            "<div class=\"frame\" style=\"height:420px;\" aria-label=\"a > b\"><p style=\"height:420px;\">x</p><span style='width: 5%'></span></div>",
        );
        assert!(!html.contains("style="), "{html}");
        let class = html
            .split("class=\"frame ")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert!(class.starts_with("s-"));
        assert!(
            html.contains(&format!("<p class=\"{class}\">x</p>")),
            "{html}"
        );
        assert!(html.contains("aria-label=\"a > b\""), "{html}");
        let css = styles.css();
        assert!(
            css.contains(&format!(".{class}{{height:420px !important}}")),
            "{css}"
        );
        assert!(css.contains("{width: 5% !important}"), "{css}");
        assert_eq!(css.matches(".s-").count(), 2, "one rule per declaration");
    }

    #[test]
    fn the_document_is_named_by_its_heading_and_summary() {
        let body = "<main><h1 lang=\"en\">Smoking <span>prevalence</span></h1><!><p class=\"lede\">Lede.</p><p class=\"summary x\">Network 1 is \"higher\" &amp; more.</p><!--<() />--></main>";
        let html = document(TEMPLATE, &head(), body, &sheet()).unwrap();
        assert!(
            html.contains("<html lang=\"bn\" class=\"no-js\">"),
            "{html}"
        );
        assert!(
            html.contains("<title>Smoking prevalence – Explorer</title>"),
            "{html}"
        );
        assert!(html.contains("<meta name=\"description\" content=\"Network 1 is &quot;higher&quot; &amp; more.\" />"), "{html}");
        assert!(html
            .contains("<meta property=\"og:title\" content=\"Smoking prevalence – Explorer\" />"));
        assert!(html.contains("<link rel=\"preload\" href=\"fonts/bengali.woff2\" as=\"font\""));
        assert!(html.contains(
            "data-shard=\"indicators/1/ward.json\" data-outlines=\"boundaries/wards.geojson\""
        ));
        assert!(html.contains(
            "<link rel=\"stylesheet\" href=\"built-1.css\" integrity=\"sha384-x\" />\n  </head>"
        ));
        assert!(html.contains("<div id=\"built\"><main><h1"), "{html}");
        assert!(!html.contains("<!>") && !html.contains("<!--"), "{html}");
        assert_eq!(html.matches("The site.").count(), 0);
    }

    #[test]
    fn a_page_without_a_heading_or_a_template_without_a_title_is_refused() {
        assert!(document(TEMPLATE, &head(), "<p>x</p>", &sheet()).is_err());
        let err = document(
            "<html lang=\"en\"><body></body>",
            &head(),
            "<h1>x</h1>",
            &sheet(),
        )
        .unwrap_err();
        assert!(err.contains("<title>"), "{err}");
    }
}
