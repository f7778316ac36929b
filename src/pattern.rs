//! Extractor patterns: regexes with `{fragment}` and `{capture:type}` placeholders.
//!
//! A placeholder is `{name}` or `{name:type}` where `name` starts with a letter or `_` and
//! holds letters, digits, `_` and `-`; a `type` may end in `+` (a list). Anything else in
//! braces, such as the quantifier `{2,3}`, is left to the regex engine, as are the
//! braces of a Unicode class (`\p{L}`), and `\{` is a literal brace.

use std::ops::Range;

/// One placeholder found in a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder<'a> {
    /// The name before the colon.
    pub name: &'a str,
    /// The type after the colon, if any.
    pub ty: Option<&'a str>,
    /// Byte range of the whole placeholder, braces included, in the pattern.
    pub span: Range<usize>,
}

/// The placeholders of `pattern`, in order.
pub fn placeholders(pattern: &str) -> Vec<Placeholder<'_>> {
    let bytes = pattern.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            // A Unicode class: `\p{L}`, `\P{Greek}`.
            b'\\'
                if matches!(bytes.get(i + 1), Some(b'p' | b'P'))
                    && bytes.get(i + 2) == Some(&b'{') =>
            {
                i += pattern[i..]
                    .find('}')
                    .map_or(bytes.len() - i, |close| close + 1);
            }
            b'\\' => i += 2,
            b'{' => {
                if let Some(p) = parse_placeholder(pattern, i) {
                    i = p.span.end;
                    out.push(p);
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    out
}

fn parse_placeholder(pattern: &str, open: usize) -> Option<Placeholder<'_>> {
    let close = open + pattern[open..].find('}')?;
    let inner = &pattern[open + 1..close];
    let (name, ty) = match inner.split_once(':') {
        Some((n, t)) => (n, Some(t)),
        None => (inner, None),
    };
    let is_ident = |s: &str, list: bool| {
        let s = if list {
            s.strip_suffix('+').unwrap_or(s)
        } else {
            s
        };
        s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    (is_ident(name, false) && ty.is_none_or(|t| is_ident(t, true))).then_some(Placeholder {
        name,
        ty,
        span: open..close + 1,
    })
}

/// Replaces each placeholder with what `replace` returns for it. Errors from `replace` are
/// collected with the placeholder's span, so that every bad placeholder is reported at once.
pub fn expand<F>(pattern: &str, mut replace: F) -> Result<String, Vec<(Range<usize>, String)>>
where
    F: FnMut(&Placeholder<'_>) -> Result<String, String>,
{
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut errors = Vec::new();
    let mut last = 0;
    for p in placeholders(pattern) {
        out.push_str(&pattern[last..p.span.start]);
        match replace(&p) {
            Ok(text) => out.push_str(&text),
            Err(message) => errors.push((p.span.clone(), message)),
        }
        last = p.span.end;
    }
    out.push_str(&pattern[last..]);
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Rewrites `\b` and `\B` as their ASCII forms `(?-u:\b)` and `(?-u:\B)`, which keep the
/// regex engine on its fast path over non-ASCII text.
pub fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(b @ ('b' | 'B')) => {
                out.push_str("(?-u:\\");
                out.push(b);
                out.push(')');
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Wraps an escaped literal in ASCII word boundaries on the sides where it starts or ends
/// with an ASCII word character.
pub fn bounded_literal(literal: &str) -> String {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    let mut out = String::new();
    if word(literal.chars().next()) {
        out.push_str(r"(?-u:\b)");
    }
    out.push_str(&regex::escape(literal).replace(' ', r"\s+"));
    if word(literal.chars().last()) {
        out.push_str(r"(?-u:\b)");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeholders_but_not_quantifiers_or_escapes() {
        let p = placeholders(
            r"{visitor:person}'s {n:ordinal} {visit-noun} \{x} a{2,3} \p{L}\P{Lu} {hosts:country+}",
        );
        let found: Vec<(&str, Option<&str>)> = p.iter().map(|p| (p.name, p.ty)).collect();
        assert_eq!(
            found,
            [
                ("visitor", Some("person")),
                ("n", Some("ordinal")),
                ("visit-noun", None),
                ("hosts", Some("country+"))
            ]
        );
        assert_eq!(p[0].span, 0..16);
    }

    #[test]
    fn expansion_reports_every_bad_placeholder() {
        let out = expand("{a} and {b} and {c}", |p| match p.name {
            "a" => Ok("A".into()),
            other => Err(format!("unknown {other}")),
        });
        let errors = out.unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0], (8..11, "unknown b".to_string()));
        assert_eq!(expand("x{a}y", |_| Ok("1".into())).unwrap(), "x1y");
    }

    #[test]
    fn word_boundaries_become_ascii() {
        assert_eq!(
            ascii_word_boundaries(r"\bvisit\B"),
            r"(?-u:\b)visit(?-u:\B)"
        );
        assert_eq!(ascii_word_boundaries(r"\\b\d"), r"\\b\d");
    }

    #[test]
    fn literals() {
        assert_eq!(
            bounded_literal("Gen. Raza"),
            r"(?-u:\b)Gen\.\s+Raza(?-u:\b)"
        );
        assert_eq!(bounded_literal("Ürümqi"), "Ürümqi(?-u:\\b)");
    }
}
