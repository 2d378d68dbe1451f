//! Project files and the photo store. All the disk I/O of documents.

mod error;
mod parallel_parse;
mod photo_store;
mod project_file;
mod stamp;
mod thumb_cache;

pub use error::StoreError;
pub use photo_store::{PhotoProblem, PhotoStore, ProblemKind, hash_bytes};
pub use project_file::{
    EXTENSION, backup_path, from_ron, load, save, temp_path, to_ron, write_atomically,
};
pub use stamp::{FileStamp, recovery_is_newer, recovery_path, stamp};
pub use thumb_cache::{cache_thumbnail, cached_thumbnail, thumbnail_of, thumbnails_parallel};

#[cfg(test)]
mod tests;
