//! The commands that sit on the layers below them: each turns its flags into what the
//! layers need and runs them. No command imports another.

pub mod filter;
pub mod schemas;
