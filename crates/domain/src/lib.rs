//! Pure domain logic for Minutebook, with no UI in it, tested natively: how councils write
//! dates and times, municipal years, "Minute No. 19 (3) of 27 September 2022" references,
//! which links are safe to follow, and the counts a reader sees for a meeting.

pub mod charts;
pub mod counts;
pub mod csv_export;
pub mod dates;
pub mod decision_pages;
pub mod decisions;
pub mod followups;
pub mod glossary;
pub mod ics;
pub mod indicators;
pub mod links;
pub mod london;
pub mod numbers;
pub mod people;
pub mod planned;
pub mod programme_diff;
pub mod query;
pub mod rag;
pub mod references;
pub mod requests;
pub mod theme;
