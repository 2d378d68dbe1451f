//! Small pieces every room uses: fields, list controls, reason-link jumps,
//! the theme and the fonts.

pub mod fields;
pub mod file_drop;
pub mod fonts;
pub mod jump_to;
pub mod list_controls;
pub mod observation;
pub mod theme;
