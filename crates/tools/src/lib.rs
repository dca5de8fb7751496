//! Native tools shared by the `minutebook` command-line binary and the tests:
//! building the catalogue from published files, generating the JSON Schema, checking a
//! data folder, and a static server with the deep-link fallback.

pub mod catalogue;
pub mod decisions;
pub mod feeds;
pub mod index;
pub mod people;
pub mod schema;
pub mod serve;
pub mod theme;
