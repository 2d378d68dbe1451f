//! The eframe application: state split by lifetime (preferences saved by
//! eframe, the window's own state, the session with its document and
//! jobs). `ui` draws from a read-only context and collects what the panels
//! ask for; `logic` (in `app_logic.rs`) applies it and polls jobs.

use super::context::{Ctx, Selection, Sink};
use super::pages::{self, overview::OverviewPage};
use super::panels::{tree, verdict::VerdictPanel};
use super::photos::side_by_side::CompareView;
use super::photos::viewer::Viewer;
use super::photos::{PhotoFilter, Photos};
use super::shell::commands::State;
use super::shell::dialogs::{Dialogs, NativeDialogs};
use super::shell::export::ExportWindow;
use super::shell::modals::{self, Confirm, Toasts};
use super::shell::path_prompt::{self, PathAnswer, PathPrompt};
use super::shell::search::SearchBox;
use super::shell::{menus, start};
use super::widgets::{fonts, theme::Theme};
use crate::app::jobs::Job;
use crate::app::{Command, Derived, Session};
use eframe::egui;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;

pub(super) const MAX_RECENT: usize = 10;

/// Preferences, kept by eframe between runs.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub recent: Vec<PathBuf>,
    pub theme: Theme,
    pub reviewer: String,
}

impl Prefs {
    pub(super) fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
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

pub struct BulkReadyApp {
    pub session: Session,
    pub prefs: Prefs,
    pub selection: Selection,
    pub(super) dialogs: Box<dyn Dialogs>,
    /// Collected while drawing, applied in the next `logic`.
    pub(super) sink: Sink,
    pub(super) toasts: Toasts,
    pub(super) derived: Derived,
    pub(super) title: String,
    /// Where "Open demo project" writes the demo.
    pub demo_dir: PathBuf,
    pub(super) verdict: VerdictPanel,
    pub(super) photos: Photos,
    pub(super) overview: OverviewPage,
    pub(super) search: SearchBox,
    /// The viewer or compare view takes the whole window.
    pub(super) whole_window: bool,
    /// The photo open in the viewer, if any.
    pub(super) viewer: Option<Viewer>,
    /// The sample and bulk photos open side by side, if any.
    pub(super) compare: Option<CompareView>,
    pub(super) export: ExportWindow,
    /// A removal waiting for the buyer's yes.
    pub(super) confirm: Option<Confirm>,
    /// A path asked for in a text field (no file dialog can be shown).
    pub(super) path_prompt: Option<PathPrompt>,
}

impl BulkReadyApp {
    /// The app as `bulkready [PATH]` starts it.
    pub fn new(cc: &eframe::CreationContext<'_>, open: Option<PathBuf>) -> Self {
        Self::with_dialogs(cc, open, Box::new(NativeDialogs::default()))
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
            sink: Sink::default(),
            toasts: Toasts::default(),
            derived: Derived::default(),
            title: String::new(),
            demo_dir: default_demo_dir(),
            verdict: VerdictPanel::default(),
            photos: Photos::default(),
            overview: OverviewPage::default(),
            search: SearchBox::default(),
            whole_window: false,
            viewer: None,
            compare: None,
            export: ExportWindow::default(),
            confirm: None,
            path_prompt: None,
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

    /// Which photos the grid shows.
    pub fn set_photo_filter(&mut self, filter: PhotoFilter) {
        self.photos.filter = filter;
    }

    /// The notifications on screen now, oldest first.
    pub fn toasts(&self) -> Vec<String> {
        self.toasts.texts().map(str::to_owned).collect()
    }

    /// The question asked before a removal, with what else it removes.
    pub fn confirming(&self) -> Option<(&str, &[String])> {
        self.confirm
            .as_ref()
            .map(|c| (c.title.as_str(), c.effects.as_slice()))
    }

    /// Whether nothing is under way or about to start: no background job
    /// (but watching the file), and nothing asked or waiting for the next
    /// frame. Tests step until then.
    pub fn is_idle(&self) -> bool {
        self.session.busy().iter().all(|j| *j == Job::Watch)
            && self.sink.is_empty()
            && self.photos.caches.wanted.is_empty()
            && self.photos.caches.full.wanted.is_empty()
            && !self.photos.caches.textures.has_pending()
    }

    /// The verdict of an order's export gate, as of the last `logic`.
    pub fn order_verdict(&self, id: crate::model::OrderId) -> Option<crate::model::Verdict> {
        self.derived.order(id).map(|g| g.verdict)
    }

    /// The verdicts and reasons of every gate, as of the last `logic`.
    pub fn derived(&self) -> &Derived {
        &self.derived
    }

    fn status(&self) -> menus::Status<'static> {
        let import = self.session.import_progress();
        let busy = self
            .session
            .busy()
            .iter()
            .filter(|j| {
                // Watching the file is not worth a spinner; an export and an
                // import with its count show their own progress.
                !(**j == Job::Watch
                    || **j == Job::Export
                    || (**j == Job::Import && import.is_some()))
            })
            .map(|j| j.doing())
            .collect();
        let doc = self.session.doc.as_ref();
        menus::Status {
            import,
            export: self.session.export_progress(),
            busy,
            place: doc.map(|d| {
                d.path
                    .as_ref()
                    .map_or_else(|| "not saved yet".into(), |p| p.display().to_string())
            }),
            dirty: doc.is_some_and(|d| d.is_dirty()),
        }
    }

    /// The tree, the verdict and the middle panel of an open project.
    fn project_ui(&mut self, ui: &mut egui::Ui, sink: &mut Sink) {
        let Some(doc) = self.session.doc.as_ref() else {
            return;
        };
        let reviewer = self.prefs.reviewer.clone();
        let c = Ctx {
            project: &doc.project,
            derived: &self.derived,
            version: doc.version(),
            selection: self.selection,
            changed_photos: self.session.changed_photos(),
            reviewer: &reviewer,
        };
        let photo_open = self.viewer.is_some() || self.compare.is_some();
        self.whole_window &= photo_open;
        let whole = self.whole_window;
        if !whole {
            egui::Panel::left("tree")
                .default_size(280.0)
                .min_size(200.0)
                .show(ui, |ui| tree::tree_ui(ui, &c, sink));
        }
        // The overview and the set-up page have no verdict of their own:
        // they take the width.
        if !whole && matches!(c.selection, Selection::Product(_) | Selection::Order(_)) {
            egui::Panel::right("verdict")
                .default_size(340.0)
                .min_size(240.0)
                .show(ui, |ui| {
                    self.verdict.ui(ui, &c, sink, &mut self.prefs.reviewer)
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(cv) = &mut self.compare {
                cv.ui(ui, &c, sink, &mut self.photos.caches);
            } else if let Some(v) = &mut self.viewer {
                v.ui(ui, &c, sink, &mut self.photos.caches);
            } else {
                pages::page_ui(ui, &c, sink, &mut self.photos, &mut self.overview);
            }
        });
        self.search.ui(ui.ctx(), &c, sink);
        if let Some(request) = self.export.ui(ui.ctx(), c.project, c.selection) {
            sink.ask(super::context::Ask::Export(request));
        }
    }

    fn modals_ui(&mut self, ctx: &egui::Context, sink: &mut Sink) {
        if let Some(error) = &self.session.error {
            modals::error_ui(ctx, error, sink);
        } else if let Some(prompt) = &self.session.prompt {
            let name = self
                .session
                .doc
                .as_ref()
                .map_or_else(String::new, |d| d.file_name());
            modals::prompt_ui(ctx, prompt, &name, sink);
        } else if let Some(c) = &self.confirm
            && let Some(yes) = modals::confirm_ui(ctx, c)
            && let Some(c) = self.confirm.take().filter(|_| yes)
        {
            sink.apply(c.op);
        } else if let Some(p) = &mut self.path_prompt
            && let Some(answer) = path_prompt::path_prompt_ui(ctx, p)
        {
            self.path_prompt = None;
            if let PathAnswer::Chosen(command) = answer {
                if matches!(*command, Command::Export { .. }) {
                    self.export.open = false;
                }
                sink.command(*command);
            }
        }
    }

    /// What the path field asks for, if it is open (tests).
    pub fn asking_path(&self) -> Option<&path_prompt::PathPurpose> {
        self.path_prompt.as_ref().map(|p| &p.purpose)
    }
}

/// What the command table needs to say what is enabled.
pub(super) fn command_state(session: &Session) -> State<'_> {
    let doc = session.doc.as_ref();
    State {
        project_open: doc.is_some(),
        undo: doc.and_then(|d| d.undo_label()),
        redo: doc.and_then(|d| d.redo_label()),
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
        self.logic_step(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let mut sink = std::mem::take(&mut self.sink);
        let state = command_state(&self.session);
        let project_open = state.project_open;
        menus::menu_bar_ui(ui, &state, &mut self.prefs, &mut sink);
        menus::status_bar_ui(ui, &self.status(), &mut sink);
        if project_open {
            self.project_ui(ui, &mut sink);
        } else {
            egui::CentralPanel::default()
                .show(ui, |ui| start::start_ui(ui, &self.prefs.recent, &mut sink));
        }
        self.modals_ui(ui.ctx(), &mut sink);
        self.toasts.ui(ui.ctx());
        if !sink.is_empty() {
            ui.ctx().request_repaint();
        }
        self.sink = sink;
    }

    /// Scroll positions and open sections are for one session: a project
    /// reopens at the top of its overview, not mid-page.
    fn persist_egui_memory(&self) -> bool {
        false
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
