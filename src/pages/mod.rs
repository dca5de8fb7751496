//! One module per page.

pub mod committee;
pub mod home;
pub mod meeting;
pub mod not_found;
