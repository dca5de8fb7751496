//! Numbers written the way the papers print them. A leaf shared by the indicators, the
//! charts and the CSV writer.

use minutebook_data::Unit;

/// A number with the paper's decimal places and thousands separators, and its unit:
/// `112.20 per 10,000`, `46.8%`, `33,776`.
pub fn format_figure(value: f64, decimals: Option<u8>, unit: Unit) -> String {
    let number = format_number(value, decimals);
    match unit {
        Unit::Percent => format!("{number}%"),
        Unit::RatePer10000 => format!("{number} per 10,000"),
        Unit::Count | Unit::Number => number,
    }
}

/// `1234.5` → `1,234.5`; `decimals` fixes the places (`112.2`, 2 → `112.20`).
pub fn format_number(value: f64, decimals: Option<u8>) -> String {
    let raw = match decimals {
        Some(d) => format!("{value:.*}", d as usize),
        None => format!("{value}"),
    };
    let (sign, digits) = raw
        .strip_prefix('-')
        .map_or(("", raw.as_str()), |r| ("-", r));
    let (int, frac) = digits
        .split_once('.')
        .map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_keep_printed_decimals_and_units() {
        assert_eq!(
            format_figure(112.2, Some(2), Unit::RatePer10000),
            "112.20 per 10,000"
        );
        assert_eq!(format_figure(607.0, None, Unit::Count), "607");
        assert_eq!(format_figure(46.8, Some(1), Unit::Percent), "46.8%");
        assert_eq!(format_figure(100.0, Some(1), Unit::Percent), "100.0%");
        assert_eq!(format_figure(33776.0, None, Unit::Count), "33,776");
        assert_eq!(format_number(1234567.5, None), "1,234,567.5");
        assert_eq!(format_number(-1000.0, Some(0)), "-1,000");
        assert_eq!(format_number(999.0, None), "999");
    }
}
