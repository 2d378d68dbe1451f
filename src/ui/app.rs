//! The eframe application: state split by lifetime (preferences saved by
//! eframe, transient UI state, the session with its document and jobs).
//! `logic` applies the commands collected while drawing and polls jobs;
//! `ui` only draws and collects commands.

use super::dialogs::{Dialogs, NativeDialogs};
use super::theme::Theme;
use super::{fonts, menu_ui, modals_ui, shortcuts};
use crate::app::{Command, Event, Session};
use crate::model::{OrderId, ProductId};
use crate::rules::{self, ProjectVerdicts};
use eframe::egui;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

const MAX_RECENT: usize = 10;

/// Preferences, kept by eframe between runs.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub recent: Vec<PathBuf>,
    pub theme: Theme,
    pub reviewer: String,
}

impl Prefs {
    fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}

/// What is selected in the tree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    #[default]
    None,
    Product(ProductId),
    Order(OrderId),
}

/// What the compare view shows (for tests and status).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Compared {
    pub reference: crate::model::PhotoId,
    pub other: crate::model::PhotoId,
    pub swapped: bool,
    /// Zoom and pan of the reference and of the other photo.
    pub views: [(f32, egui::Vec2); 2],
}

/// Verdicts, recomputed when the document or the minute changes.
struct VerdictCache {
    version: Option<(u64, i64)>,
    verdicts: Option<ProjectVerdicts>,
}

/// A background result shown for a few seconds.
pub struct Toast {
    pub text: String,
    pub until: f64,
}

pub struct BulkReadyApp {
    pub session: Session,
    pub prefs: Prefs,
    pub selection: Selection,
    pub(crate) dialogs: Box<dyn Dialogs>,
    /// Collected while drawing, applied in the next `logic`.
    pub(crate) commands: Vec<Command>,
    pub(crate) toasts: Vec<Toast>,
    cache: VerdictCache,
    title: String,
    /// Where "Open demo project" writes the demo.
    pub demo_dir: PathBuf,
    /// The decision being prepared in the go/no-go panel.
    pub(crate) sign: super::decision_ui::SignDraft,
    pub(crate) textures: super::textures::Textures,
    /// The photo open in the viewer, if any.
    pub(crate) viewer: Option<super::viewer_ui::Viewer>,
    /// The sample and bulk photos open side by side, if any.
    pub(crate) compare: Option<super::compare_view_ui::CompareView>,
    /// Full-size textures of the photos on screen.
    pub(crate) full: super::full_images::FullImages,
    /// Which photos the grid shows.
    pub photo_filter: super::photo_list_ui::PhotoFilter,
    /// The export window's choices.
    pub(crate) export: super::export_ui::ExportDraft,
    /// Photos whose thumbnails the grid asked for this frame.
    pub(crate) wanted_thumbs: Vec<(crate::model::PhotoId, crate::model::StoredFile)>,
}

impl BulkReadyApp {
    /// The app as `bulkready [PATH]` starts it.
    pub fn new(cc: &eframe::CreationContext<'_>, open: Option<PathBuf>) -> Self {
        Self::with_dialogs(cc, open, Box::new(NativeDialogs))
    }

    /// The app with other file dialogs (tests).
    pub fn with_dialogs(
        cc: &eframe::CreationContext<'_>,
        open: Option<PathBuf>,
        dialogs: Box<dyn Dialogs>,
    ) -> Self {
        fonts::install(&cc.egui_ctx);
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        prefs.theme.apply(&cc.egui_ctx);
        let ctx = cc.egui_ctx.clone();
        let mut session = Session::new(Arc::new(move || ctx.request_repaint()));
        if let Some(path) = open {
            session.apply(Command::Open(path));
        }
        BulkReadyApp {
            session,
            prefs,
            selection: Selection::None,
            dialogs,
            commands: Vec::new(),
            toasts: Vec::new(),
            cache: VerdictCache {
                version: None,
                verdicts: None,
            },
            title: String::new(),
            demo_dir: default_demo_dir(),
            sign: Default::default(),
            textures: Default::default(),
            viewer: None,
            compare: None,
            full: Default::default(),
            wanted_thumbs: Vec::new(),
            export: Default::default(),
            photo_filter: Default::default(),
        }
    }

    /// The compare view's reference photo, the photo beside it, whether the
    /// sides are swapped, and the zoom and pan of each side.
    pub fn compared(&self) -> Option<Compared> {
        self.compare.as_ref().map(|c| Compared {
            reference: c.reference.1,
            other: c.other.1,
            swapped: c.swapped,
            views: [0, 1].map(|i| (c.view(i).zoom, c.view(i).pan)),
        })
    }

    /// The photo open in the viewer, if any.
    pub fn viewed(&self) -> Option<crate::model::PhotoId> {
        self.viewer.as_ref().map(|v| v.photo)
    }

    /// Whether nothing is under way or about to start: no background job
    /// (but watching the file), and no command or image request waiting for
    /// the next frame. Tests step until then.
    pub fn is_idle(&self) -> bool {
        self.session.busy().iter().all(|j| *j == "watch")
            && self.commands.is_empty()
            && self.wanted_thumbs.is_empty()
            && self.full.wanted.is_empty()
            && !self.textures.has_pending()
    }

    /// The verdicts of the open project, as of the last `logic`.
    pub fn verdicts(&self) -> Option<&ProjectVerdicts> {
        self.cache.verdicts.as_ref()
    }

    /// Recomputes the verdicts when the document changed, or once a minute
    /// (deadlines move).
    fn refresh_verdicts(&mut self) {
        let Some(doc) = self.session.doc.as_ref() else {
            self.forget_verdicts();
            return;
        };
        let now = chrono::Local::now().naive_local();
        let key = (doc.version(), now.and_utc().timestamp() / 60);
        if self.cache.version != Some(key) {
            self.cache.verdicts = Some(rules::evaluate(&doc.project, now));
            self.cache.version = Some(key);
        }
    }

    fn forget_verdicts(&mut self) {
        self.cache.version = None;
        self.cache.verdicts = None;
    }

    pub(crate) fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    fn handle_events(&mut self, ctx: &egui::Context) {
        for event in self.session.take_events() {
            match event {
                Event::Opened(path) | Event::Saved(path) => self.prefs.remember(path),
                Event::Exported(path) => self.dialogs.reveal(&path),
                Event::Created(id) => self.select_created(id),
                Event::Replaced => {
                    self.selection = Selection::None;
                    self.forget_verdicts();
                    self.textures.clear();
                    self.viewer = None;
                    self.compare = None;
                    self.full.clear();
                    super::anchor::forget(ctx);
                }
            }
        }
        if self.session.want_save_as {
            self.session.want_save_as = false;
            self.save_as();
        }
    }

    fn select_created(&mut self, id: u64) {
        let Some(p) = self.session.project() else {
            return;
        };
        if p.product(ProductId(id)).is_some() {
            self.selection = Selection::Product(ProductId(id));
        } else if p.order(OrderId(id)).is_some() {
            self.selection = Selection::Order(OrderId(id));
        }
    }

    /// Asks where to save, then saves there.
    pub(crate) fn save_as(&mut self) {
        let Some(doc) = &self.session.doc else {
            return;
        };
        let suggested = match &doc.path {
            Some(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()),
            None => Some(format!("{}.ron", doc.project.name)),
        }
        .unwrap_or_else(|| "project.ron".into());
        if let Some(path) = self.dialogs.save_project(&suggested) {
            self.session.apply(Command::SaveAs(path));
        }
    }

    /// An image pasted from the clipboard (a chat screenshot) goes into the
    /// selected order.
    fn pasted_images(&mut self, ctx: &egui::Context) {
        let images: Vec<_> = ctx.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::PasteImage(img) => Some(img.clone()),
                    _ => None,
                })
                .collect()
        });
        for img in images {
            let Selection::Order(order) = self.selection else {
                self.session
                    .toasts
                    .push("Select an order to paste a screenshot into it.".into());
                continue;
            };
            let [w, h] = img.size;
            let rgba: Vec<u8> = img
                .pixels
                .iter()
                .flat_map(|c| c.to_srgba_unmultiplied())
                .collect();
            if let Some(image) = image::RgbaImage::from_raw(w as u32, h as u32, rgba) {
                self.commands.push(Command::PastePhoto { order, image });
            }
        }
    }

    /// Files dropped on the window go into the selected order.
    fn dropped_files(&mut self, ctx: &egui::Context) {
        let paths: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if paths.is_empty() {
            return;
        }
        match self.selection {
            Selection::Order(order) => self.commands.push(Command::ImportPhotos {
                order,
                parcel: None,
                paths,
            }),
            _ => self
                .session
                .toasts
                .push("Select an order to drop photos into it.".into()),
        }
    }

    /// Asks which photos to add to `order`, then imports them.
    pub(crate) fn add_photos(&mut self, order: crate::model::OrderId, folder: bool) {
        let picked = if folder {
            self.dialogs.pick_photo_folder().map(|f| vec![f])
        } else {
            self.dialogs.pick_photos()
        };
        if let Some(paths) = picked {
            self.push(Command::ImportPhotos {
                order,
                parcel: None,
                paths,
            });
        }
    }

    pub(crate) fn open_dialog(&mut self) {
        if let Some(path) = self.dialogs.open_project() {
            self.push(Command::Open(path));
        }
    }
}

fn default_demo_dir() -> PathBuf {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("bulkready").join("demo")
}

impl eframe::App for BulkReadyApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        for command in shortcuts::consume(ctx) {
            match command {
                shortcuts::Action::Command(c) => self.commands.push(c),
                shortcuts::Action::Open => self.open_dialog(),
                shortcuts::Action::SaveAs => self.save_as(),
                shortcuts::Action::Export => self.export.open = self.session.doc.is_some(),
            }
        }
        for command in std::mem::take(&mut self.commands) {
            self.session.apply(command);
        }
        self.session.poll(Instant::now());
        self.handle_events(ctx);
        self.refresh_verdicts();
        self.textures.arrived(self.session.take_thumbnails());
        if self.textures.upload_some(ctx) {
            ctx.request_repaint();
        }
        self.session
            .forget_thumbnails_of(&self.textures.take_evicted());
        let on_screen = self.full.next_frame().clone();
        self.session.keep_full_image_requests(&on_screen);
        for (photo, file, max) in std::mem::take(&mut self.full.wanted) {
            self.session.request_full_image(photo, file, max);
        }
        for (photo, image) in self.session.take_full_images() {
            self.full.insert(ctx, photo, image);
        }
        let wanted = std::mem::take(&mut self.wanted_thumbs);
        let on_screen = wanted.iter().map(|(id, _)| *id).collect();
        self.session.keep_thumbnail_requests(&on_screen);
        self.session
            .request_thumbnails(wanted, crate::media::THUMB_PX);
        self.dropped_files(ctx);
        self.pasted_images(ctx);
        let now = ctx.input(|i| i.time);
        for text in self.session.toasts.drain(..) {
            self.toasts.push(Toast {
                text,
                until: now + 4.0,
            });
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.session.request_quit() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        if self.session.quit_confirmed && !ctx.input(|i| i.viewport().close_requested()) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let title = match &self.session.doc {
            Some(d) => d.title(),
            None => "BulkReady".into(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        menu_ui::menu_bar(self, ui);
        menu_ui::status_bar(self, ui);
        if self.session.doc.is_none() {
            egui::CentralPanel::default().show(ui, |ui| super::start_ui::start_ui(self, ui));
        } else {
            egui::Panel::left("tree")
                .default_size(280.0)
                .min_size(200.0)
                .show(ui, |ui| super::tree_ui::tree_ui(self, ui));
            egui::Panel::right("verdict")
                .default_size(340.0)
                .min_size(240.0)
                .show(ui, |ui| super::verdict_ui::verdict_ui(self, ui));
            egui::CentralPanel::default().show(ui, |ui| {
                if self.compare.is_some() {
                    super::compare_view_ui::compare_view_ui(self, ui);
                } else if self.viewer.is_some() {
                    super::viewer_ui::viewer_ui(self, ui);
                } else {
                    super::editor_ui::editor_ui(self, ui);
                }
            });
        }
        super::export_ui::export_window(self, ui.ctx());
        modals_ui::modals(self, ui.ctx());
        modals_ui::toasts(self, ui.ctx());
        if !self.commands.is_empty() {
            ui.ctx().request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_projects_are_newest_first_without_repeats_and_at_most_ten() {
        let mut prefs = Prefs::default();
        for i in 0..12 {
            prefs.remember(PathBuf::from(format!("/p/{i}.ron")));
        }
        prefs.remember(PathBuf::from("/p/5.ron"));
        assert_eq!(prefs.recent.len(), MAX_RECENT);
        assert_eq!(prefs.recent[0], PathBuf::from("/p/5.ron"));
        assert_eq!(prefs.recent[1], PathBuf::from("/p/11.ron"));
        assert_eq!(
            prefs.recent.iter().filter(|p| p.ends_with("5.ron")).count(),
            1
        );
        assert!(
            !prefs.recent.contains(&PathBuf::from("/p/0.ron")),
            "the oldest is dropped"
        );
    }
}
