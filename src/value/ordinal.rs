//! Ordinals: "first" … "twentieth", "twenty-first", "1st", "22nd", "maiden".

use super::number::small_word;

const ORDINAL_WORDS: [(&str, u32); 20] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
];

const TENS_ORDINALS: [(&str, u32); 7] = [
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
];

/// Parses an ordinal in words or digits; "maiden" is the first.
pub fn parse_ordinal(text: &str) -> Option<u32> {
    let lower = text.trim().to_ascii_lowercase();
    if lower == "maiden" {
        return Some(1);
    }
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        return parse_digit_ordinal(&lower);
    }
    let words: Vec<&str> = lower
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [single] => simple_ordinal(single),
        [tens, unit] => {
            let tens = small_word(tens).filter(|t| *t >= 20 && t % 10 == 0)?;
            let unit = simple_ordinal(unit).filter(|u| *u < 10)?;
            Some(tens as u32 + unit)
        }
        _ => None,
    }
}

fn simple_ordinal(word: &str) -> Option<u32> {
    ORDINAL_WORDS
        .iter()
        .chain(TENS_ORDINALS.iter())
        .find(|(w, _)| *w == word)
        .map(|(_, n)| *n)
}

/// "1st", "2nd", "3rd", "4th", "11th", "21st": the suffix must fit the number.
fn parse_digit_ordinal(text: &str) -> Option<u32> {
    let split = text.find(|c: char| !c.is_ascii_digit())?;
    let (digits, suffix) = text.split_at(split);
    let n: u32 = digits.parse().ok()?;
    let expected = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    (suffix == expected && n > 0).then_some(n)
}

/// The English word for an ordinal up to ninety-ninth, or its digits with suffix beyond.
pub fn ordinal_word(n: u32) -> String {
    if let Some((w, _)) = ORDINAL_WORDS
        .iter()
        .chain(TENS_ORDINALS.iter())
        .find(|(_, v)| *v == n)
    {
        return (*w).to_string();
    }
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if (21..100).contains(&n) {
        let unit = ORDINAL_WORDS[(n % 10 - 1) as usize].0;
        return format!("{}-{}", TENS[(n / 10 - 2) as usize], unit);
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(parse_ordinal("third"), Some(3));
        assert_eq!(parse_ordinal("Twentieth"), Some(20));
        assert_eq!(parse_ordinal("twenty-first"), Some(21));
        assert_eq!(parse_ordinal("thirty second"), Some(32));
        assert_eq!(parse_ordinal("fortieth"), Some(40));
        assert_eq!(parse_ordinal("maiden"), Some(1));
        assert_eq!(parse_ordinal("twenty-tenth"), None);
        assert_eq!(parse_ordinal("thirdly"), None);
    }

    #[test]
    fn digits() {
        assert_eq!(parse_ordinal("2nd"), Some(2));
        assert_eq!(parse_ordinal("1st"), Some(1));
        assert_eq!(parse_ordinal("3rd"), Some(3));
        assert_eq!(parse_ordinal("11th"), Some(11));
        assert_eq!(parse_ordinal("21st"), Some(21));
        assert_eq!(parse_ordinal("112th"), Some(112));
        assert_eq!(parse_ordinal("2th"), None);
        assert_eq!(parse_ordinal("11st"), None);
        assert_eq!(parse_ordinal("0th"), None);
    }

    #[test]
    fn words_round_trip() {
        for n in 1..=120 {
            assert_eq!(parse_ordinal(&ordinal_word(n)), Some(n), "{n}");
        }
    }
}
