//! The explorer's views.

pub mod indicator;
