//! Chart options.
