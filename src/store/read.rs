//! Bounded reads of regular files. A photo is read only if it is a regular
//! file no larger than [`MAX_FILE_BYTES`]: the size is checked before any
//! byte is read, devices and FIFOs are refused by name (and opened without
//! blocking, so a FIFO cannot stall the reader between check and open), and
//! files inside the photo store are never read through a symbolic link.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The largest file read as a photo: 200 MB.
pub const MAX_FILE_BYTES: u64 = 200 * 1000 * 1000;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{} could not be read: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{} is {what}, not a file; only regular files are read", path.display())]
    NotAFile { path: PathBuf, what: &'static str },
    #[error("{} is a symbolic link; photos in the store are never read through a link", path.display())]
    Link { path: PathBuf },
    #[error("{} is {size} bytes; the limit is {MAX_FILE_BYTES} bytes (200 MB)", path.display())]
    TooBig { path: PathBuf, size: u64 },
}

impl ReadError {
    /// The file was not there.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io { source, .. } if source.kind() == io::ErrorKind::NotFound)
    }
}

/// How a file may be reached.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Links {
    /// A file the user picked: a link to a regular file is fine.
    Follow,
    /// A file inside the photo store: no link, not even the last part.
    Refuse,
}

/// Reads a regular file the user picked (an import source): links are
/// followed, but devices, FIFOs, sockets and folders are refused by name,
/// and files over [`MAX_FILE_BYTES`] before reading them.
pub fn read_regular(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_bounded(path, Links::Follow, MAX_FILE_BYTES)
}

pub(crate) fn read_bounded(path: &Path, links: Links, limit: u64) -> Result<Vec<u8>, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = match links {
        Links::Follow => fs::metadata(path),
        Links::Refuse => fs::symlink_metadata(path),
    }
    .map_err(io)?;
    check_kind(path, &meta, limit)?;
    let file = open_nonblocking(path, links).map_err(io)?;
    // The file may have been swapped since the check: look again at what
    // was opened.
    let meta = file.metadata().map_err(io)?;
    check_kind(path, &meta, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooBig {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

fn check_kind(path: &Path, meta: &Metadata, limit: u64) -> Result<(), ReadError> {
    let t = meta.file_type();
    if t.is_symlink() {
        return Err(ReadError::Link {
            path: path.to_path_buf(),
        });
    }
    if !t.is_file() {
        return Err(ReadError::NotAFile {
            path: path.to_path_buf(),
            what: kind_name(&t),
        });
    }
    if meta.len() > limit {
        return Err(ReadError::TooBig {
            path: path.to_path_buf(),
            size: meta.len(),
        });
    }
    Ok(())
}

#[cfg(unix)]
fn kind_name(t: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_dir() {
        "a folder"
    } else if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn kind_name(t: &fs::FileType) -> &'static str {
    if t.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path, links: Links) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut flags = libc::O_NONBLOCK;
    if links == Links::Refuse {
        flags |= libc::O_NOFOLLOW;
    }
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path, _links: Links) -> io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn regular_files_are_read_and_others_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.jpg");
        fs::write(&file, b"bytes").unwrap();
        assert_eq!(read_regular(&file).unwrap(), b"bytes");
        let err = read_regular(dir.path()).unwrap_err().to_string();
        assert!(err.contains("is a folder"), "{err}");
        let big = read_bounded(&file, Links::Follow, 3)
            .unwrap_err()
            .to_string();
        assert!(big.contains("is 5 bytes"), "{big}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_reading_or_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let zero = dir.path().join("zero.jpg");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let err = read_regular(&zero).unwrap_err().to_string();
        assert!(err.contains("is a device"), "{err}");
        let fifo = dir.path().join("pipe.jpg");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = read_regular(&fifo).unwrap_err().to_string();
            assert!(err.contains("FIFO"), "{err}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn store_reads_refuse_a_link_even_to_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("secret.txt");
        fs::write(&target, b"secret").unwrap();
        let link = dir.path().join("link.jpg");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(read_regular(&link).unwrap(), b"secret");
        let err = read_bounded(&link, Links::Refuse, MAX_FILE_BYTES).unwrap_err();
        assert!(matches!(err, ReadError::Link { .. }), "{err}");
    }
}
