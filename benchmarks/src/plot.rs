//! What the report's charts share: the TrueType font plotters draws their text with.

use plotters::style::FontStyle;

pub type BoxError = Box<dyn std::error::Error>;

/// Fonts tried in order (plotters draws text with ab_glyph and needs a TrueType file);
/// `BENCH_FONT` names another.
pub const FONTS: [&str; 6] = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/System/Library/Fonts/Supplemental/Arial.ttf",
    "C:\\Windows\\Fonts\\arial.ttf",
];

/// Registers the first font found as plotters' "sans-serif".
pub fn load_font() -> Result<(), BoxError> {
    let candidates = std::env::var("BENCH_FONT")
        .into_iter()
        .chain(FONTS.iter().map(|s| s.to_string()));
    for path in candidates {
        if let Ok(bytes) = std::fs::read(&path) {
            let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
            if plotters::style::register_font("sans-serif", FontStyle::Normal, bytes).is_ok() {
                return Ok(());
            }
        }
    }
    Err("no TrueType font found (set BENCH_FONT to a .ttf file)".into())
}
