//! Quantities with a unit ("607-kilometer", "959 km", "1,309-km (813-mile)") and hedges
//! ("some", "nearly", "more than") turned into an interval in the unit's base.

use super::number::{Number, parse_number};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A unit of measure, declared in the rules: its names and its size in a base unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Canonical id, e.g. `km`.
    pub id: String,
    /// Every spelling that names it: "km", "kilometer", "kilometres" …
    pub names: Vec<String>,
    /// The base unit this one converts to, e.g. `m`.
    pub base: String,
    /// How many base units one of this unit is.
    pub factor: f64,
}

/// A stated quantity and the interval of base-unit values it admits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The number as stated.
    pub amount: f64,
    /// The unit id as stated.
    pub unit: String,
    /// The hedge word, if any ("some", "nearly", "more than").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hedge: Option<String>,
    /// Lowest admitted value, in `unit`.
    pub low: f64,
    /// Highest admitted value, in `unit` (infinite for "more than", `null` in JSON).
    #[serde(
        serialize_with = "serialize_bound",
        deserialize_with = "deserialize_bound"
    )]
    pub high: f64,
    /// The base unit both bounds convert to.
    pub base: String,
    /// Lowest admitted value in the base unit.
    pub base_low: f64,
    /// Highest admitted value in the base unit.
    #[serde(
        serialize_with = "serialize_bound",
        deserialize_with = "deserialize_bound"
    )]
    pub base_high: f64,
}

fn serialize_bound<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.is_finite() {
        s.serialize_f64(*v)
    } else {
        s.serialize_none()
    }
}

fn deserialize_bound<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::INFINITY))
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(hedge) = &self.hedge {
            write!(f, "{hedge} ")?;
        }
        write!(f, "{} {} [{}", self.amount, self.unit, round(self.low))?;
        if self.high.is_finite() {
            write!(f, "..{}]", round(self.high))
        } else {
            write!(f, "..]")
        }
    }
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// Relative tolerance of "about", "some", "nearly" …
const APPROXIMATE: f64 = 0.1;

/// The hedge words a quantity may start with.
pub const HEDGES: [&str; 16] = [
    "approximately",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "close to",
    "roughly",
    "around",
    "nearly",
    "almost",
    "about",
    "under",
    "up to",
    "some",
    "over",
];

/// The regex (no capture groups) of a hedged quantity in one of `units`.
pub fn pattern(units: &[Unit]) -> String {
    let b = r"(?-u:\b)";
    let mut names: Vec<String> = units
        .iter()
        .flat_map(|u| u.names.iter().map(|n| regex::escape(n)))
        .collect();
    // Longest first, so that "kilometres" wins over "km" wherever both could match.
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    names.dedup();
    let unit = format!("(?:{})", names.join("|"));
    let hedge = format!("(?i:{})", HEDGES.join("|").replace(' ', r"\s+"));
    let number = format!("(?:{}|{})", super::NUMBER_DIGITS, super::NUMBER_WORDS);
    // A figure may run into its unit ("1,400km"), but not into a one-letter one: "$5m" is
    // five million.
    let attached: Vec<&str> = names
        .iter()
        .filter(|n| n.chars().count() > 1)
        .map(String::as_str)
        .collect();
    let figure = if attached.is_empty() {
        format!(r"(?:{number}(?:\s*-\s*|\s+){unit})")
    } else {
        format!(
            r"(?:{number}(?:\s*-\s*|\s+){unit}|{digits}(?:{attached}))",
            digits = super::NUMBER_DIGITS,
            attached = attached.join("|")
        )
    };
    format!(r"{b}(?:{hedge}\s+)?{figure}{b}(?:\s*\(\s*{figure}\s*\))?")
}

/// Parses a hedged quantity in one of `units`; a parenthesised conversion is read but the
/// first figure is the one stated.
pub fn parse_quantity(text: &str, units: &[Unit]) -> Option<Quantity> {
    let text = text.split('(').next()?.trim();
    let lower = text.to_ascii_lowercase();
    let (hedge, rest) = HEDGES
        .iter()
        .find_map(|h| {
            let words: Vec<&str> = h.split(' ').collect();
            strip_words(&lower, &words).map(|rest| (Some(*h), rest))
        })
        .unwrap_or((None, lower.as_str()));
    let rest = rest.trim();
    let (unit, number_text) = units
        .iter()
        .flat_map(|u| u.names.iter().map(move |n| (u, n)))
        .filter_map(|(u, n)| {
            let stem = rest.strip_suffix(&n.to_ascii_lowercase())?;
            let stem = stem.trim_end();
            let stem = stem.strip_suffix('-').unwrap_or(stem).trim_end();
            (stem.len() < rest.len()).then_some((u, stem, n.len()))
        })
        .max_by_key(|(_, _, len)| *len)
        .map(|(u, stem, _)| (u, stem))?;
    let number = parse_number(number_text)?;
    let (low, high) = interval(number, hedge);
    Some(Quantity {
        amount: number.value,
        unit: unit.id.clone(),
        hedge: hedge.map(str::to_string),
        low,
        high,
        base: unit.base.clone(),
        base_low: low * unit.factor,
        base_high: high * unit.factor,
    })
}

/// How far apart a figure and its parenthesised conversion may lie, beyond the rounding
/// of each, and still name one length: "1,309 km (813 miles)" rounds either way.
const CONVERSION_SLACK: f64 = 0.1;

/// Why a quantity and its parenthesised conversion cannot both be right, when they name
/// different figures: "540 m (870 km)" misprints one of them, so neither is read.
pub fn misconverted(text: &str, units: &[Unit]) -> Option<String> {
    let (stated, rest) = text.split_once('(')?;
    let converted = rest.split(')').next()?;
    let (a, b) = (
        parse_quantity(stated, units)?,
        parse_quantity(converted, units)?,
    );
    let widen = |q: &Quantity| {
        (
            q.base_low * (1.0 - CONVERSION_SLACK),
            q.base_high * (1.0 + CONVERSION_SLACK),
        )
    };
    let ((a_low, a_high), (b_low, b_high)) = (widen(&a), widen(&b));
    (a.base == b.base && (a_high < b_low || b_high < a_low)).then(|| {
        format!(
            "{a} and the {b} in brackets after it are different figures: one is misprinted",
            a = stated.trim(),
            b = converted.trim()
        )
    })
}

fn strip_words<'a>(text: &'a str, words: &[&str]) -> Option<&'a str> {
    let mut rest = text;
    for w in words {
        rest = rest.trim_start().strip_prefix(w)?;
        if !rest.starts_with(char::is_whitespace) {
            return None;
        }
    }
    Some(rest)
}

/// The interval a number admits, given its stated precision and hedge. A hedged figure is
/// read as rounded to its roundness (see [`roundness`]): "almost 250" admits 200 to 250,
/// "about 200" 175 to 225, and never less than 10% either way.
fn interval(number: Number, hedge: Option<&str>) -> (f64, f64) {
    let v = number.value;
    let exact = (v - number.half_step, v + number.half_step);
    let unit = roundness(v);
    match hedge {
        None => exact,
        Some("more than" | "over" | "at least") => (v, f64::INFINITY),
        Some("less than" | "fewer than" | "under" | "up to" | "at most") => (0.0, v),
        Some("nearly" | "almost") => (v - (v * APPROXIMATE).max(unit), v),
        Some(_) => {
            let spread = (v * APPROXIMATE).max(unit / 2.0);
            (v - spread, v + spread)
        }
    }
}

/// The step a round figure was probably rounded to: the largest of 1, 5, 10, 50, 100 …
/// that divides it and is at most a third of it (250 → 50, 1,000 → 100, 607 → 1).
pub fn roundness(v: f64) -> f64 {
    if v.fract() != 0.0 || v < 3.0 || !v.is_finite() {
        return 0.0;
    }
    let mut best = 1.0;
    let mut step = 1.0;
    while step * 3.0 <= v {
        for u in [step, step * 5.0] {
            if u * 3.0 <= v && v % u == 0.0 {
                best = u;
            }
        }
        step *= 10.0;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn units() -> Vec<Unit> {
        vec![
            Unit {
                id: "km".into(),
                names: ["km", "kilometer", "kilometers", "kilometre", "kilometres"]
                    .map(String::from)
                    .to_vec(),
                base: "m".into(),
                factor: 1000.0,
            },
            Unit {
                id: "mi".into(),
                names: ["mi", "mile", "miles"].map(String::from).to_vec(),
                base: "m".into(),
                factor: 1609.344,
            },
        ]
    }

    fn q(text: &str) -> Quantity {
        parse_quantity(text, &units()).unwrap_or_else(|| panic!("{text}"))
    }

    #[test]
    fn exact_figures_admit_their_rounding() {
        let border = q("607-kilometer");
        assert_eq!((border.amount, border.unit.as_str()), (607.0, "km"));
        assert_eq!((border.low, border.high), (606.5, 607.5));
        assert_eq!((border.base_low, border.base_high), (606_500.0, 607_500.0));
        let round = q("900 km");
        assert_eq!((round.low, round.high), (850.0, 950.0));
    }

    #[test]
    fn hedges_widen_the_interval() {
        let some = q("some 1,000 kilometres");
        assert_eq!(some.hedge.as_deref(), Some("some"));
        assert_eq!((some.low, some.high), (900.0, 1100.0));
        let nearly = q("nearly 950 km");
        assert_eq!((nearly.low, nearly.high), (855.0, 950.0));
        let almost = q("almost 250 km");
        assert_eq!((almost.low, almost.high), (200.0, 250.0));
        let about = q("about 200 km");
        assert_eq!((about.low, about.high), (175.0, 225.0));
        let more = q("more than 900 km");
        assert_eq!((more.low, more.high), (900.0, f64::INFINITY));
        let about = q("about 607 km");
        assert!((about.low - 546.3).abs() < 1e-9 && (about.high - 667.7).abs() < 1e-9);
    }

    #[test]
    fn roundness_of_figures() {
        assert_eq!(roundness(250.0), 50.0);
        assert_eq!(roundness(1000.0), 100.0);
        assert_eq!(roundness(900.0), 100.0);
        assert_eq!(roundness(150.0), 50.0);
        assert_eq!(roundness(607.0), 1.0);
        assert_eq!(roundness(2.5), 0.0);
    }

    #[test]
    fn miles_convert_exactly() {
        let miles = q("613 miles");
        assert_eq!(miles.unit, "mi");
        assert!((miles.base_low - 612.5 * 1609.344).abs() < 1e-6);
        let both = q("1,309-km (813-mile)");
        assert_eq!((both.amount, both.unit.as_str()), (1309.0, "km"));
    }

    #[test]
    fn a_conversion_that_names_another_figure_is_a_misprint() {
        let u = units();
        assert!(misconverted("1,309-km (813-mile)", &u).is_none());
        assert!(misconverted("1,200km (745-mile)", &u).is_none());
        assert!(misconverted("144-kilometer (90 miles)", &u).is_none());
        assert!(misconverted("959 km", &u).is_none());
        let why = misconverted("540 km (870 miles)", &u).unwrap();
        assert!(why.contains("540 km") && why.contains("870 miles"), "{why}");
        assert!(misconverted("900 km (900 miles)", &u).is_some());
    }

    #[test]
    fn not_quantities() {
        assert!(parse_quantity("607 furlongs", &units()).is_none());
        assert!(parse_quantity("km", &units()).is_none());
    }

    #[test]
    fn pattern_matches_what_the_parser_reads() {
        let re = Regex::new(&pattern(&units())).unwrap();
        for text in [
            "607-kilometer",
            "959 km",
            "1,309-km (813-mile)",
            "nearly 1,000 kilometres",
            "more than 900 km",
            "600 miles",
            "two kilometres",
            "1,400km",
            "about 740kilometres",
            "1,309km (813mi)",
        ] {
            assert_eq!(re.find(text).map(|m| m.as_str()), Some(text));
            q(text);
        }
        assert!(re.find("607 kilometerish").is_none());
        assert!(re.find("twokm").is_none());
        let metres = Unit {
            id: "m".into(),
            names: vec!["m".into()],
            base: "m".into(),
            factor: 1.0,
        };
        let re = Regex::new(&pattern(&[metres])).unwrap();
        assert_eq!(re.find("a $5m fence").map(|m| m.as_str()), None);
        assert_eq!(re.find("in 2019").map(|m| m.as_str()), None);
        assert_eq!(re.find("a 5 m fence").map(|m| m.as_str()), Some("5 m"));
    }
}
