//! Components shared by several pages.

pub mod agenda_item;
pub mod attendance;
pub mod catalogue_view;
pub mod layout;
pub mod resolution;
pub mod status;
pub mod text;
