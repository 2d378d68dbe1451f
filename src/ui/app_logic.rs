//! What happens between frames: the shortcuts pressed, what the panels
//! asked for, the commands they pushed, the session's jobs and events, and
//! the images to upload or ask for.

use super::app::{BulkReadyApp, command_state};
use super::context::{Ask, Selection};
use super::panels::verdict::select_for;
use super::photos::PhotoFilter;
use super::photos::viewer::Viewer;
use super::shell::commands::{self, UiCommand};
use super::shell::dialogs::Dialogs;
use super::shell::modals::Confirm;
use super::shell::path_prompt::{self, PathPrompt, PathPurpose};
use super::widgets::{fields, file_drop, jump_to};
use crate::app::{Command, Event};
use crate::model::{OrderId, ProductId};
use crate::rules::Target;
use eframe::egui;
use std::path::{Path, PathBuf};
use std::time::Instant;

impl BulkReadyApp {
    pub(super) fn logic_step(&mut self, ctx: &egui::Context) {
        for c in commands::pressed(ctx, &command_state(&self.session)) {
            self.run(ctx, c);
        }
        let sink = std::mem::take(&mut self.sink);
        for ask in sink.asks {
            self.handle(ctx, ask);
        }
        for command in sink.commands {
            if matches!(command, Command::Undo | Command::Redo) {
                fields::forget_drafts(ctx);
            }
            self.session.apply(command);
        }
        self.session.poll(Instant::now());
        self.handle_events(ctx);
        if let Some(doc) = &mut self.session.doc {
            let now = chrono::Local::now().naive_local();
            let reach = doc.take_reach();
            self.derived.refresh(&doc.project, reach, now);
        }
        self.images(ctx);
        self.dropped_files(ctx);
        self.pasted_images(ctx);
        let now = ctx.input(|i| i.time);
        for text in self.session.toasts.drain(..) {
            self.toasts.push(text, now);
        }
        self.window(ctx);
    }

    /// A command of the table, from a menu, a shortcut or a button.
    pub(super) fn run(&mut self, ctx: &egui::Context, c: UiCommand) {
        match c {
            UiCommand::NewProject => self.session.apply(Command::NewProject),
            UiCommand::Open => {
                let picked =
                    self.dialog_or_path_field(PathPurpose::Open, None, |d| d.open_project());
                if let Some(path) = picked {
                    self.session.apply(Command::Open(path));
                }
            }
            UiCommand::OpenDemo => self.session.apply(Command::OpenDemo(self.demo_dir.clone())),
            UiCommand::Save => self.session.apply(Command::Save),
            UiCommand::SaveAs => self.save_as(),
            UiCommand::Export => self.export.open = self.session.doc.is_some(),
            UiCommand::Find => self.search.show(),
            UiCommand::CloseProject => self.session.apply(Command::CloseProject),
            UiCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            UiCommand::ReadLabels => self.read_labels(),
            UiCommand::Undo | UiCommand::Redo => {
                fields::forget_drafts(ctx);
                let c = if c == UiCommand::Undo {
                    Command::Undo
                } else {
                    Command::Redo
                };
                self.session.apply(c);
            }
        }
    }

    /// "Read labels" on every photo of the order in view (the viewer's, or
    /// the selected order's).
    fn read_labels(&mut self) {
        let order = match (&self.viewer, self.selection) {
            (Some(v), _) => Some(v.order),
            (None, Selection::Order(id)) => Some(id),
            _ => None,
        };
        match order {
            Some(order) => self.session.apply(Command::ReadLabels {
                order,
                photos: Vec::new(),
            }),
            None => self
                .session
                .toasts
                .push("Select an order first: its photos' labels are read.".into()),
        }
    }

    /// The native dialog's answer; when none can be shown (before, or found
    /// as it returned at once), the path field opens for `purpose` instead
    /// and does the same when answered.
    fn dialog_or_path_field<T>(
        &mut self,
        purpose: PathPurpose,
        suggested: Option<&str>,
        show: impl FnOnce(&dyn Dialogs) -> Option<T>,
    ) -> Option<T> {
        if self.dialogs.available() {
            let picked = show(self.dialogs.as_ref());
            if picked.is_some() || self.dialogs.available() {
                return picked;
            }
        }
        let text = self.path_field_start(&purpose, suggested);
        self.path_prompt = Some(PathPrompt::new(purpose, text));
        None
    }

    /// What the path field starts with: the project's own path to save
    /// it, the suggested name beside it to export (or to save a new one),
    /// nothing to open or add photos.
    fn path_field_start(&self, purpose: &PathPurpose, suggested: Option<&str>) -> String {
        let doc = self.session.doc.as_ref();
        let folder = doc
            .and_then(|d| d.path.as_ref())
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .or_else(path_prompt::home);
        let beside = |name: &str| folder.as_ref().map(|f| f.join(name));
        let path = match (purpose, doc) {
            (PathPurpose::SaveAs, Some(d)) => d.path.clone().or_else(|| suggested.and_then(beside)),
            (PathPurpose::Export { .. }, _) => suggested.and_then(beside),
            _ => None,
        };
        path.map(|p| p.display().to_string()).unwrap_or_default()
    }

    fn handle(&mut self, ctx: &egui::Context, ask: Ask) {
        match ask {
            Ask::Select(s) => self.select(s),
            Ask::JumpTo(target) => {
                if let Some(s) = self.session.project().and_then(|p| select_for(p, target)) {
                    self.select(s);
                    // The grid shows what the reason is about (its filter
                    // could hide the photo otherwise).
                    self.photos.filter = match target {
                        Target::PhotosNotLinked(_) => PhotoFilter::NotLinked,
                        Target::PhotosUnchecked(_) => PhotoFilter::Unchecked,
                        Target::Photo(_) => PhotoFilter::All,
                        _ => self.photos.filter,
                    };
                    jump_to::request(ctx, target);
                }
            }
            Ask::OpenViewer { order, photo } => self.viewer = Some(Viewer::new(order, photo)),
            Ask::CloseViewer => {
                self.viewer = None;
                self.whole_window = false;
            }
            Ask::ToggleWholeWindow => self.whole_window = !self.whole_window,
            Ask::Compare(view) => self.compare = Some(*view),
            Ask::CloseCompare => self.compare = None,
            Ask::AddPhotos { order, folder } => self.add_photos(order, folder),
            Ask::Confirm { title, op } => self.confirm(title, op),
            Ask::Notify(text) => self.session.toasts.push(text),
            Ask::Run(c) => self.run(ctx, c),
            Ask::SetReviewer(name) => self.prefs.reviewer = name,
            Ask::SetTheme(theme) => {
                self.prefs.theme = theme;
                theme.apply(ctx);
            }
            Ask::Export(request) => {
                let purpose = PathPurpose::Export {
                    format: request.format,
                    scope: request.scope,
                };
                let (name, extension) = (&request.suggested, request.format.extension());
                let out = self
                    .dialog_or_path_field(purpose, Some(name), |d| d.save_export(name, extension));
                if let Some(out) = out {
                    self.export.open = false;
                    self.session.apply(Command::Export {
                        format: request.format,
                        scope: request.scope,
                        out,
                    });
                }
            }
        }
    }

    /// Another item in the tree: the viewer and the compare view close.
    fn select(&mut self, s: Selection) {
        if s != self.selection {
            self.viewer = None;
            self.compare = None;
        }
        self.selection = s;
    }

    /// A removal: asks first when it takes other evidence with it, else
    /// applies it (the session says what it did, and undo puts it back).
    fn confirm(&mut self, title: String, op: crate::rules::ops::Op) {
        let Some(project) = self.session.project() else {
            return;
        };
        match crate::rules::ops::preview(project, &op) {
            Ok(effects) if effects.is_empty() => self.session.apply(Command::Apply(op)),
            Ok(effects) => self.confirm = Some(Confirm { title, effects, op }),
            Err(e) => self.session.error = Some(format!("Could not {}: {e}.", op.label())),
        }
    }

    fn handle_events(&mut self, ctx: &egui::Context) {
        for event in self.session.take_events() {
            match event {
                Event::Opened(path) | Event::Saved(path) => self.prefs.remember(path),
                Event::Exported(path) => self.dialogs.reveal(&path),
                Event::Created(id) => self.select_created(id),
                Event::WantSaveAs => self.save_as(),
                Event::QuitConfirmed => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
                Event::Replaced => {
                    self.selection = Selection::None;
                    self.derived.clear();
                    self.photos.caches.clear();
                    self.viewer = None;
                    self.compare = None;
                    self.confirm = None;
                    jump_to::forget(ctx);
                    fields::forget_drafts(ctx);
                }
            }
        }
    }

    fn select_created(&mut self, id: u64) {
        let Some(p) = self.session.project() else {
            return;
        };
        if p.product(ProductId(id)).is_some() {
            self.select(Selection::Product(ProductId(id)));
        } else if p.order(OrderId(id)).is_some() {
            self.select(Selection::Order(OrderId(id)));
        }
    }

    /// Asks where to save, then saves there.
    fn save_as(&mut self) {
        let Some(doc) = &self.session.doc else {
            return;
        };
        let suggested = match &doc.path {
            Some(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()),
            None => Some(format!("{}.ron", doc.project.name)),
        }
        .unwrap_or_else(|| "project.ron".into());
        let picked = self.dialog_or_path_field(PathPurpose::SaveAs, Some(&suggested), |d| {
            d.save_project(&suggested)
        });
        if let Some(path) = picked {
            self.session.apply(Command::SaveAs(path));
        }
    }

    /// Asks which photos to add to `order`, then imports them.
    fn add_photos(&mut self, order: OrderId, folder: bool) {
        let picked = self.dialog_or_path_field(PathPurpose::AddPhotos { order }, None, |d| {
            if folder {
                d.pick_photo_folder().map(|f| vec![f])
            } else {
                d.pick_photos()
            }
        });
        if let Some(paths) = picked {
            self.session.apply(Command::ImportPhotos {
                order,
                parcel: None,
                paths,
            });
        }
    }

    /// Thumbnails and full-size images: upload what arrived, ask for what
    /// the panels want, drop requests for what left the screen.
    fn images(&mut self, ctx: &egui::Context) {
        let caches = &mut self.photos.caches;
        caches.textures.arrived(self.session.take_thumbnails());
        if caches.textures.upload_some(ctx) {
            ctx.request_repaint();
        }
        self.session
            .forget_thumbnails_of(&caches.textures.take_evicted());
        let on_screen = caches.full.next_frame().clone();
        self.session.keep_full_image_requests(&on_screen);
        for (photo, file, max) in std::mem::take(&mut caches.full.wanted) {
            self.session.request_full_image(photo, file, max);
        }
        for (photo, image) in self.session.take_full_images() {
            caches.full.insert(ctx, photo, image);
        }
        let wanted = std::mem::take(&mut caches.wanted);
        let on_screen = wanted.iter().map(|(id, _)| *id).collect();
        self.session.keep_thumbnail_requests(&on_screen);
        self.session
            .request_thumbnails(wanted, crate::media::THUMB_PX);
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
                self.session.apply(Command::PastePhoto { order, image });
            }
        }
    }

    /// Files dropped on a parcel go into its order linked to it; dropped
    /// anywhere else, into the selected order.
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
        let on_parcel = ctx
            .input(|i| i.pointer.latest_pos())
            .and_then(|pos| file_drop::parcel_at(ctx, pos));
        if let Some((order, parcel)) = on_parcel {
            self.session.apply(Command::ImportPhotos {
                order,
                parcel: Some(parcel),
                paths,
            });
            return;
        }
        match self.selection {
            Selection::Order(order) => self.session.apply(Command::ImportPhotos {
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

    /// Closing, quitting and the title.
    fn window(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.session.request_quit() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
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
}
