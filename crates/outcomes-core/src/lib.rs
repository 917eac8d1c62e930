//! The published data model of the Tower Hamlets outcomes explorer and the statistics that
//! produce it: confidence intervals, benchmark comparisons and disclosure control.
//!
//! Nothing here touches a browser or the file system, so the data tool and the app share one
//! definition of every published figure and `cargo test` checks it on the host.

pub mod compare;
pub mod disclosure;
pub mod localise;
pub mod model;
pub mod places;
pub mod postcode;
pub mod search;
pub mod stats;
pub mod trend;
