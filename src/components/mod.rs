//! Components shared by several pages.

pub mod address_state;
pub mod agenda_item;
pub mod catalogue_view;
pub mod charts;
pub mod chunked;
pub mod csv_download;
pub mod decision_list;
pub mod decision_view;
pub mod follow_up_status;
pub mod glossary;
pub mod head;
pub mod layout;
pub mod not_found;
pub mod people;
pub mod resolution;
pub mod schedule_download;
pub mod schedule_links;
pub mod sources;
pub mod status;
pub mod table;
pub mod text;
pub mod theme;
