//! The explorer's state is the URL. Everything a person can choose (view, domain, I statement,
//! indicator, area level, areas, period, sort, language, embed) lives in the query string of
//! `index.html`, so any view is a link that works on any static host; a view's canonical link
//! is also a built page of its own (`address`).
//!
//! One codec maps state to query and back. Parsing never fails: each parameter is valid,
//! invalid (kept as a `Problem` with the raw text and a reason, and replaced by the default),
//! or missing. Writing emits only non-default parameters, in a fixed order, unless pinned.

mod address;
pub mod built;
mod codec;
pub mod resolve;
mod state;

pub use address::{page_file, parse_address};
pub use codec::{parse, write, write_pinned, Parsed, Problem, Reason};
pub use state::{Lang, Level, Sort, State, View};
