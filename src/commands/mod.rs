//! The commands that sit on the layers below them: each turns its flags into what the
//! layers need and runs them. No command imports another.

pub mod cluster;
pub mod consume;
pub mod count;
pub mod dev;
pub mod filter;
pub mod r#gen;
pub mod groups;
pub mod offsets;
pub mod pipe;
pub mod produce;
pub mod schemas;
pub mod topics;
