//! The explorer's views, one per file.

pub mod about;
pub mod accessibility;
pub mod area;
pub mod challenges;
pub mod indicator;
pub mod indicators;
pub mod locality;
pub mod map;
pub mod overview;
