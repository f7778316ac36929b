//! Typed claim values and their normalizers: each value type has a built-in grammar (the
//! regex a rule's typed capture expands to) and a parser from matched text to value.

use std::borrow::Cow;

pub mod date;
pub mod duration;
pub mod number;
pub mod ordinal;
pub mod printed;
pub mod quantity;

use date::DateValue;
use duration::Duration;
use quantity::Quantity;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// Regex of a number in digits, with thousands separators and decimals.
pub const NUMBER_DIGITS: &str = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)";

/// Regex of a number in English words below a million ("twenty-one", "two hundred").
pub const NUMBER_WORDS: &str = r"(?i:(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a)(?:[ -](?:hundred|thousand)(?:(?:\s+and)?\s+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)?)";

/// Regex of an ordinal in words or digits, or "maiden".
pub const ORDINAL: &str = r"(?i:(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|[0-9]+(?:st|nd|rd|th)|maiden)";

/// The typed value of a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "lowercase")]
pub enum Value {
    /// A position in a series: "third" → 3.
    Ordinal(u32),
    /// A cardinal number.
    Number(f64),
    /// One date with its precision.
    Date(DateValue),
    /// An enumeration of dates: "in July 2018 and October 2021".
    Dates(Vec<DateValue>),
    /// A length of time.
    Duration(Duration),
    /// A measured quantity with unit and interval (boxed, as the largest and a rare value).
    Quantity(Box<Quantity>),
    /// A canonical entity id, shared by the values naming the entity.
    Entity(Arc<str>),
    /// Free text, as a normalized slug, shared by the values with this text.
    Text(Arc<str>),
    /// The event is mentioned, with no value of its own.
    Mention,
    /// The text matched a value grammar but gave no value, and why ("relative date, and
    /// the article has no date").
    Unresolved(Box<Unresolved>),
}

/// A value that could not be had from its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unresolved {
    /// The value type that was expected.
    pub expected: String,
    /// The text as written.
    pub text: String,
    /// Why it gave no value.
    pub reason: String,
}

impl Value {
    /// The name of the value's type, as rules and output spell it.
    pub fn type_name(&self) -> &str {
        match self {
            Value::Ordinal(_) => "ordinal",
            Value::Number(_) => "number",
            Value::Date(_) => "date",
            Value::Dates(_) => "dates",
            Value::Duration(_) => "duration",
            Value::Quantity(_) => "quantity",
            Value::Entity(_) => "entity",
            Value::Text(_) => "text",
            Value::Mention => "mention",
            Value::Unresolved(u) => &u.expected,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.type_name();
        match self {
            Value::Ordinal(n) => write!(f, "{name} {n}"),
            Value::Number(n) => write!(f, "{name} {n}"),
            Value::Date(d) => write!(f, "{name} {d}"),
            Value::Dates(ds) => {
                let list: Vec<String> = ds.iter().map(ToString::to_string).collect();
                write!(f, "{name} {}", list.join(", "))
            }
            Value::Duration(d) => write!(f, "{name} {d}"),
            Value::Quantity(q) => write!(f, "{name} {q}"),
            Value::Entity(id) => write!(f, "{name} {id}"),
            Value::Text(t) => write!(f, "{name} {t}"),
            Value::Mention => f.write_str(name),
            Value::Unresolved(u) => write!(f, "{name} unresolved \"{}\" ({})", u.text, u.reason),
        }
    }
}

/// Serializes a value through its `Display` form.
pub fn serialize_display<T: fmt::Display, S: serde::Serializer>(
    v: &T,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

/// `text` with every run of white space folded to one space, and none at its ends:
/// borrowed when it is so already, as most text is.
pub fn fold_space(text: &str) -> Cow<'_, str> {
    let mut after_space = true;
    let folded = text.chars().all(|c| {
        let ok = if c.is_whitespace() {
            c == ' ' && !after_space
        } else {
            true
        };
        after_space = c.is_whitespace();
        ok
    }) && !after_space;
    if folded || text.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Lowercases text, writes its letters in ASCII ("Ciucă" and "Ciuca" are one key; `deunicode`
/// knows the letters of every script) and joins its words with `-`, for use in claim keys.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let ascii = deunicode::deunicode_with_tofu(word, "");
        let letters: String = ascii.chars().filter(char::is_ascii_alphanumeric).collect();
        if letters.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&letters.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_is_folded_and_text_already_folded_borrowed() {
        for (text, folded) in [
            ("12 October", "12 October"),
            (" 12  October\n2021 ", "12 October 2021"),
            ("12\tOctober", "12 October"),
            ("12 October ", "12 October"),
            ("", ""),
            ("  ", ""),
        ] {
            assert_eq!(fold_space(text), folded, "{text:?}");
        }
        assert!(matches!(fold_space("12 October"), Cow::Borrowed(_)));
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("security  Cooperation"), "security-cooperation");
        assert_eq!(slug("Türkiye’s"), "turkiye-s");
        assert_eq!(slug("Nicolae Ciucă"), slug("Nicolae Ciuca"));
        assert_eq!(slug("Wałęsa"), "walesa");
        assert_eq!(slug("a 🙂 b"), "a-b");
        assert_eq!(slug("--"), "");
    }

    #[test]
    fn number_patterns_match_whole_numbers() {
        let re = regex::Regex::new(&format!("^(?:{NUMBER_DIGITS}|{NUMBER_WORDS})$")).unwrap();
        for text in [
            "1,000",
            "607",
            "2.5",
            "twenty-one",
            "two hundred",
            "a thousand",
        ] {
            assert!(re.is_match(text), "{text}");
        }
        let ordinal = regex::Regex::new(&format!("^{ORDINAL}$")).unwrap();
        for text in ["third", "Twenty-First", "2nd", "maiden"] {
            assert!(ordinal.is_match(text), "{text}");
        }
    }
}
