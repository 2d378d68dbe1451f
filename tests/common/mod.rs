//! Helpers for the window tests: the app in a kittest harness with fake
//! file dialogs, and steps that wait for background jobs.

#![allow(clippy::unwrap_used, dead_code)]

use bulkready::ui::{BulkReadyApp, Dialogs};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::PathBuf;
use std::time::Duration;

/// File dialogs that answer with fixed paths.
#[derive(Default)]
pub struct FakeDialogs {
    pub open: Option<PathBuf>,
    pub save: Option<PathBuf>,
    /// Where exports go.
    pub export: Option<PathBuf>,
    /// Files shown in the file manager, in order.
    pub revealed: std::sync::Arc<std::sync::Mutex<Vec<PathBuf>>>,
}

impl Dialogs for FakeDialogs {
    fn open_project(&self) -> Option<PathBuf> {
        self.open.clone()
    }
    fn save_project(&self, _suggested: &str) -> Option<PathBuf> {
        self.save.clone()
    }
    fn save_export(&self, _suggested: &str, _extension: &str) -> Option<PathBuf> {
        self.export.clone()
    }
    fn reveal(&self, path: &std::path::Path) {
        self.revealed.lock().unwrap().push(path.to_path_buf());
    }
}

pub fn harness(open: Option<PathBuf>, save: Option<PathBuf>) -> Harness<'static, BulkReadyApp> {
    harness_with(
        open,
        FakeDialogs {
            save,
            ..FakeDialogs::default()
        },
    )
}

/// The app opening `open`, with these dialogs.
pub fn harness_with(open: Option<PathBuf>, dialogs: FakeDialogs) -> Harness<'static, BulkReadyApp> {
    harness_sized(open, dialogs, egui::vec2(1400.0, 900.0))
}

/// The app in a window of `size`.
pub fn harness_sized(
    open: Option<PathBuf>,
    dialogs: FakeDialogs,
    size: egui::Vec2,
) -> Harness<'static, BulkReadyApp> {
    Harness::builder()
        .with_size(size)
        // Growing grids and scrolling take a few frames to settle.
        .with_max_steps(40)
        .build_eframe(move |cc| BulkReadyApp::with_dialogs(cc, open, Box::new(dialogs)))
}

/// Steps the app until `done` holds (background jobs finish on their own
/// threads), failing after a few seconds.
pub fn wait_until(
    h: &mut Harness<'_, BulkReadyApp>,
    what: &str,
    done: impl Fn(&BulkReadyApp) -> bool,
) {
    for _ in 0..500 {
        h.step();
        if done(h.state()) {
            settle(h);
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("timed out waiting for {what}");
}

/// Runs frames until the background jobs (thumbnails, imports…) are done,
/// then until the window stops repainting. Spinners repaint while a job
/// runs, so `Harness::run` alone would give up on a slow machine.
pub fn settle(h: &mut Harness<'_, BulkReadyApp>) {
    // On a loaded machine a thumbnail can arrive after the app looked idle
    // and keep a spinner going: wait for idle again, a few times.
    for _ in 0..10 {
        wait_idle(h);
        if h.run_ok().is_some() {
            return;
        }
    }
    h.run();
}

fn wait_idle(h: &mut Harness<'_, BulkReadyApp>) {
    for _ in 0..500 {
        h.step();
        // A click's command, or a thumbnail the grid asks for, starts
        // its work in the next frame: wait for that too.
        if h.state().is_idle() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

pub fn dirty(app: &BulkReadyApp) -> bool {
    app.session.doc.as_ref().is_some_and(|d| d.is_dirty())
}

/// The window with the demo project open (the folder lives as long as the
/// returned guard).
pub fn demo_harness() -> (tempfile::TempDir, Harness<'static, BulkReadyApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = bulkready::app::demo::write(dir.path()).unwrap();
    let mut h = harness(Some(path), None);
    wait_until(&mut h, "the demo to open", |app| app.session.doc.is_some());
    (dir, h)
}

/// Scrolls a widget into view (long pages) and clicks it.
pub fn click(h: &mut Harness<'_, BulkReadyApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    settle(h);
    h.get_by_label(label).click();
    settle(h);
}

pub fn type_into(h: &mut Harness<'_, BulkReadyApp>, label: &str, text: &str) {
    h.get_by_label(label).scroll_to_me();
    settle(h);
    h.get_by_label(label).click();
    settle(h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    settle(h);
    h.get_by_label(label).type_text(text);
    settle(h);
}

/// Clicks `label` in the tree on the left (the overview lists product
/// names and order numbers too).
pub fn click_tree(h: &mut Harness<'_, BulkReadyApp>, label: &str) {
    let leftmost = h
        .get_all_by_label(label)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap();
    leftmost.click();
    settle(h);
}

/// Selects a photo in the grid by its thumbnail and opens it in the
/// viewer from the selection bar (a double click does the same, but the
/// harness's frames are too slow to count two clicks as one).
pub fn open_photo(h: &mut Harness<'_, BulkReadyApp>, role: egui::accesskit::Role, label: &str) {
    h.get_by_role_and_label(role, label).click();
    settle(h);
    h.get_by_label("Open in the viewer").click();
    settle(h);
}

/// A file dropped from the file manager, as egui hands it to the app.
#[derive(Debug)]
pub struct DroppedPath(pub PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops `path` on the window (where the pointer last was).
pub fn drop_file(h: &mut Harness<'_, BulkReadyApp>, path: PathBuf) {
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(path)));
}

/// Drags with the primary button from `a` to `b` over a few frames.
pub fn drag(h: &mut Harness<'_, BulkReadyApp>, a: egui::Pos2, b: egui::Pos2) {
    h.hover_at(a);
    h.step();
    h.drag_at(a);
    h.step();
    for t in [0.25, 0.5, 0.75, 1.0] {
        h.hover_at(a + (b - a) * t);
        h.step();
    }
    h.drop_at(b);
    h.step();
    settle(h);
}

/// Opens the order `order` (its row in the tree), waits for its
/// thumbnails, scrolls to the photo `name` and opens it in the viewer.
pub fn open_order_photo(h: &mut Harness<'_, BulkReadyApp>, order: &str, name: &str) {
    click_tree(h, order);
    wait_until(h, "the thumbnails", |app| {
        app.session
            .busy()
            .iter()
            .all(|j| *j != bulkready::app::jobs::Job::Thumbnails)
    });
    settle(h);
    let image = egui::accesskit::Role::Image;
    h.get_by_label("Add photos…").scroll_to_me();
    settle(h);
    h.get_by_role_and_label(image, name).scroll_to_me();
    settle(h);
    open_photo(h, image, name);
}
