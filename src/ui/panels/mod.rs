//! The side panels: the tree of products and orders (left), and the
//! verdict with its reasons and the decision to sign (right).

pub mod decision;
pub mod tree;
pub mod verdict;
