//! Output: claims for review, diagnostics for people.

pub mod claims;
pub mod human;
