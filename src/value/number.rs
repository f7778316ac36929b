//! Cardinal numbers in digits ("1,000", "2.5") or English words ("two", "twenty-one").

/// A number as written, with the precision its wording implies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    /// The value.
    pub value: f64,
    /// Half the place value of the last significant digit: 0.5 for "607", 50 for "900",
    /// 0.05 for "2.5", but never more than a tenth of the value: a round "1,000" is read
    /// as 900 to 1,100. Words count as exact integers (0.5).
    pub half_step: f64,
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Parses a number written in digits (with `,` thousands separators and an optional
/// decimal part) or in words up to "nine hundred ninety-nine thousand …" ("a" counts as one).
/// A dot before exactly three digits ("1.137") may group thousands as well as mark a
/// fraction, as many languages write it: such a figure is no number read with confidence.
pub fn parse_number(text: &str) -> Option<Number> {
    let text = text.trim();
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        parse_digits(text)
    } else {
        parse_words(text).map(|value| Number {
            value: value as f64,
            half_step: 0.5,
        })
    }
}

fn parse_digits(text: &str) -> Option<Number> {
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let groups: Vec<&str> = int_part.split(',').collect();
    let dot_may_group = groups.len() == 1
        && (1..=3).contains(&int_part.len())
        && !int_part.starts_with('0')
        && frac_part.is_some_and(|f| f.len() == 3);
    if dot_may_group {
        return None;
    }
    let well_grouped = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if !well_grouped || !groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let digits: String = groups.concat();
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let half_step = match frac_part {
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => {
            0.5 * 10f64.powi(-(f.len() as i32))
        }
        Some(_) => return None,
        None => {
            let zeros = digits.len() - digits.trim_end_matches('0').len();
            let zeros = if digits.trim_end_matches('0').is_empty() {
                0
            } else {
                zeros
            };
            0.5 * 10f64.powi(zeros as i32)
        }
    };
    let value: f64 = match frac_part {
        Some(f) => format!("{digits}.{f}").parse().ok()?,
        None => digits.parse::<u64>().ok()? as f64,
    };
    let half_step = if half_step > 0.5 {
        half_step.min(0.1 * value).max(0.5)
    } else {
        half_step
    };
    Some(Number { value, half_step })
}

/// Parses a number in English words: "two", "twenty-one", "a hundred", "one thousand two hundred".
pub fn parse_words(text: &str) -> Option<u64> {
    let lower = text.to_ascii_lowercase();
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut seen = false;
    for word in lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && *w != "and")
    {
        seen = true;
        if let Some(n) = small_word(word) {
            current += n;
        } else if word == "hundred" {
            current = current.max(1) * 100;
        } else if let Some(scale) = scale_word(word) {
            total += current.max(1) * scale;
            current = 0;
        } else {
            return None;
        }
    }
    seen.then_some(total + current)
}

/// The value of one number word below a hundred ("a" and "an" count as one).
pub fn small_word(word: &str) -> Option<u64> {
    if word == "a" || word == "an" {
        return Some(1);
    }
    if let Some(i) = UNITS.iter().position(|w| *w == word) {
        return Some(i as u64);
    }
    TENS.iter()
        .position(|w| *w == word)
        .map(|i| 20 + 10 * i as u64)
}

fn scale_word(word: &str) -> Option<u64> {
    match word {
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        "billion" => Some(1_000_000_000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<f64> {
        parse_number(text).map(|n| n.value)
    }

    #[test]
    fn digits_with_separators() {
        assert_eq!(value("1,000"), Some(1000.0));
        assert_eq!(value("1,309"), Some(1309.0));
        assert_eq!(value("607"), Some(607.0));
        assert_eq!(value("2.5"), Some(2.5));
        assert_eq!(value("12,34"), None);
        assert_eq!(value("1,0000"), None);
    }

    #[test]
    fn a_dot_that_may_group_thousands_is_no_figure() {
        assert_eq!(value("1.137"), None);
        assert_eq!(value("245.500"), None);
        assert_eq!(value("1.13"), Some(1.13));
        assert_eq!(value("0.125"), Some(0.125));
        assert_eq!(value("1,137.500"), Some(1137.5));
        assert_eq!(value("1137.500"), Some(1137.5));
    }

    #[test]
    fn words() {
        assert_eq!(value("two"), Some(2.0));
        assert_eq!(value("Twenty-one"), Some(21.0));
        assert_eq!(value("ninety nine"), Some(99.0));
        assert_eq!(value("a hundred"), Some(100.0));
        assert_eq!(value("one thousand two hundred and five"), Some(1205.0));
        assert_eq!(value("several"), None);
        assert_eq!(value(""), None);
    }

    #[test]
    fn stated_precision() {
        assert_eq!(parse_number("607").unwrap().half_step, 0.5);
        assert_eq!(parse_number("900").unwrap().half_step, 50.0);
        assert_eq!(parse_number("1,000").unwrap().half_step, 100.0);
        assert_eq!(parse_number("10").unwrap().half_step, 1.0);
        assert_eq!(parse_number("2.5").unwrap().half_step, 0.05);
        assert_eq!(parse_number("0").unwrap().half_step, 0.5);
    }
}
