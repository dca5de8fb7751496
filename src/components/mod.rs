//! Components shared by several pages.

pub mod agenda_item;
pub mod attendance;
pub mod catalogue_view;
pub mod charts;
pub mod chunked;
pub mod csv_download;
pub mod decision_view;
pub mod embed_subscribe;
pub mod follow_up_status;
pub mod glossary;
pub mod head;
pub mod layout;
pub mod people;
pub mod resolution;
pub mod schedule_compare;
pub mod schedule_download;
pub mod schedule_grid;
pub mod schedule_links;
pub mod search_facets;
pub mod search_results;
pub mod sources;
pub mod status;
pub mod text;
pub mod theme;
