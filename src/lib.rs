//! claimlint: a claim-consistency checker for news corpora.
//!
//! Declarative rules (`rules/*.toml`) pull typed claims out of every article; the claims
//! are then cross-checked across the corpus. This crate is the library behind the
//! `claimlint` binary.

#![warn(missing_docs)]

pub mod accept;
pub mod article;
pub mod check;
pub mod claim;
pub mod clause;
pub mod config;
pub mod corpus;
pub mod diagnostic;
pub mod extract;
pub mod frontmatter;
pub mod gazetteer;
pub mod intern;
pub mod jsonl;
pub mod link;
pub mod page;
pub mod pattern;
pub mod people;
pub mod prefilter;
pub mod render;
pub mod rule;
pub mod ruleset;
pub mod ruletest;
pub mod sentence;
pub mod store;
pub mod timeline;
pub mod value;
pub mod walk;
