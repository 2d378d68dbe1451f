//! One writer at a time: an advisory lock per project, held while saving
//! (and by the command line from load to save, so no update is lost).
//!
//! The lock is taken on a hidden `.name.ron.lock` beside the project, never
//! on the project itself (a save renames a new file over it, so a lock on
//! the old one would guard nothing). It uses the standard library's
//! `File::try_lock` (stable since Rust 1.89: `flock` on Unix, `LockFileEx`
//! on Windows), which is what `fs4` and `fd-lock` wrap. The holder writes
//! who it is into the file, so a second writer can say who has it.

use super::error::StoreError;
use crate::model::Project;
use std::fs::{self, File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a second writer waits before it refuses.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);

/// The lock of one project, released when dropped.
#[derive(Debug)]
pub struct ProjectLock {
    file: File,
    project: PathBuf,
}

/// `x/name.ron` → `x/.name.ron.lock`.
pub fn lock_path(project: &Path) -> PathBuf {
    let name = project
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    project.with_file_name(format!(".{name}.lock"))
}

impl ProjectLock {
    /// Takes the lock of the project at `project`, waiting up to
    /// [`LOCK_WAIT`] for another writer to finish.
    pub fn acquire(project: &Path) -> Result<ProjectLock, StoreError> {
        Self::acquire_within(project, LOCK_WAIT)
    }

    /// [`ProjectLock::acquire`], waiting at most `wait`.
    pub fn acquire_within(project: &Path, wait: Duration) -> Result<ProjectLock, StoreError> {
        let path = lock_path(project);
        let mut file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| StoreError::write(&path, e))?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(StoreError::Locked {
                        path: project.to_path_buf(),
                        holder: holder(&mut file),
                        waited: wait.as_secs_f32(),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(StoreError::write(&path, e)),
            }
        }
        // Who holds it, for the next writer's message. Best effort.
        let me = format!("{} (process {})", program(), std::process::id());
        let _ = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(me.as_bytes()));
        Ok(ProjectLock {
            file,
            project: project.to_path_buf(),
        })
    }

    /// Saves the project this lock is for (see [`super::save`]).
    pub fn save(&self, project: &Project) -> Result<(), StoreError> {
        super::project_file::save_locked(&self.project, project)
    }

    pub fn project_path(&self) -> &Path {
        &self.project
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

fn program() -> String {
    let exe = std::env::current_exe().ok();
    let name = exe
        .as_deref()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned());
    let args: Vec<String> = std::env::args().skip(1).take(1).collect();
    match (name, args.first()) {
        (Some(n), Some(a)) => format!("{n} {a}"),
        (Some(n), None) => n,
        _ => "another program".into(),
    }
}

/// What the holder wrote into the lock file, cleaned for a message.
fn holder(file: &mut File) -> String {
    let mut text = String::new();
    let _ = file.rewind();
    let _ = Read::by_ref(file).take(200).read_to_string(&mut text);
    let clean: String = text
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_string();
    if clean.is_empty() {
        "another program".into()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_second_writer_waits_then_refuses_naming_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.ron");
        let first = ProjectLock::acquire(&path).unwrap();
        let start = Instant::now();
        let err = ProjectLock::acquire_within(&path, Duration::from_millis(150)).unwrap_err();
        assert!(start.elapsed() >= Duration::from_millis(150));
        let msg = err.to_string();
        assert!(msg.contains("shop.ron"), "{msg}");
        assert!(
            msg.contains(&format!("process {}", std::process::id())),
            "{msg}"
        );
        drop(first);
        ProjectLock::acquire_within(&path, Duration::ZERO).unwrap();
    }

    #[test]
    fn the_lock_is_given_back_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.ron");
        let lock = ProjectLock::acquire(&path).unwrap();
        lock.save(&Project::new("one")).unwrap();
        drop(lock);
        super::super::save(&path, &Project::new("two")).unwrap();
        assert_eq!(super::super::load(&path).unwrap().name, "two");
    }
}
