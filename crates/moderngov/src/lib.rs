//! Import from ModernGov (Civica modern.gov): the public XML web service
//! `<base>/mgWebService.asmx` read over HTTP, and its answers mapped into `minutebook/1`.
//!
//! - [`xml`] reads the service's documents (committees, meetings, one meeting) into plain
//!   Rust types, with the service's quirks undone (dates `13/01/2026`, times `6.30 pm`,
//!   counts with a leading space, titles escaped twice).
//! - [`minutes`] turns the Word HTML of agenda wording, minutes and decisions into the
//!   contract's structure, losing no words and passing no HTML on.
//! - [`map`] maps one council's committees and meetings into contract types. It never invents:
//!   what the service does not give stays absent.
//! - [`client`] fetches from the service: throttled, retried, conditional, cached.
//!
//! `minutebook import moderngov` (crates/tools, `import` module; docs/importing.md) drives
//! all four: it walks a council's service with [`client`], reads with [`xml`], maps with
//! [`map`] and writes the data folder through the existing catalogue and check.
//!
//! Native code only; the app never links this crate.

pub mod client;
pub mod map;
pub mod minutes;
pub mod xml;
