//! Project files and the photo store. All the disk I/O of documents.

mod error;
mod leftovers;
mod lock;
mod names;
mod parallel_parse;
mod photo_store;
mod project_file;
mod read;
mod stamp;
mod thumb_cache;
mod thumbnails;

pub use error::StoreError;
pub use leftovers::{GRACE, Leftover, LeftoverKind, leftovers, remove as remove_leftovers};
pub use lock::{LOCK_WAIT, ProjectLock, lock_path};
pub use names::{HASH_LEN, KNOWN_EXTENSIONS, check_stored_file, is_hash};
pub use photo_store::{PhotoProblem, PhotoReadError, PhotoStore, ProblemKind, hash_bytes};
pub use project_file::{
    EXTENSION, backup_path, from_ron, is_temp_name, load, save, temp_path, to_ron, write_atomically,
};
pub use read::{MAX_FILE_BYTES, ReadError, read_regular};
pub use stamp::{FileStamp, recovery_is_newer, recovery_path, stamp};
pub use thumb_cache::{CACHE_ENV, CACHE_VERSION, ThumbCache};
pub use thumbnails::{
    cache_thumbnail, cached_thumbnail, thumbnail_in, thumbnail_of, thumbnails_parallel,
    verified_thumbnail_in,
};

#[cfg(test)]
mod tests;
