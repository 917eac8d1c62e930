//! The explorer's views, one per file.

pub mod about;
pub mod indicator;
pub mod overview;
