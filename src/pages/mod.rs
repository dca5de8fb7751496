//! One module per page.

pub mod committee;
pub mod dashboard;
pub mod decisions;
pub mod embed;
pub mod follow_ups;
pub mod forward_plan;
pub mod glossary;
pub mod home;
pub mod meeting;
pub mod people;
pub mod search;
pub mod work_programme;
