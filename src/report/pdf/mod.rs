//! The PDF summary, written natively with `pdf-writer` (no browser): A4
//! pages laid out by [`layout`], the bundled Chinese font embedded as a
//! subset of the glyphs used ([`font`]), photos embedded as JPEG, web links
//! as link annotations.

pub mod font;
pub mod layout;
mod layout_grid;

use crate::model::PhotoId;
use crate::report::doc::Doc;
use crate::report::images::Images;
use font::{Font, Glyphs};
use layout::{Layout, Op, PAGE_H, PAGE_W, footers};
use pdf_writer::types::{ActionType, AnnotationType, TextRenderingMode};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use std::collections::BTreeMap;

/// zlib-compressed bytes for a FlateDecode stream.
pub(crate) fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6)
}

/// A PDF and the characters it could not draw (shown as "?").
#[derive(Clone, Debug)]
pub struct PdfFile {
    pub bytes: Vec<u8>,
    pub undrawable: Vec<char>,
}

/// The document with a line under its title naming the characters the font
/// cannot draw, so a reader knows what each "?" stands for; None when
/// every character can be drawn.
fn with_undrawable_note(doc: &Doc, font: &Font) -> Option<Doc> {
    let mut missing: Vec<char> = doc
        .texts()
        .into_iter()
        .flat_map(str::chars)
        .filter(|&c| !c.is_control() && c != '?' && font.resolve(c) == '?')
        .collect();
    if missing.is_empty() {
        return None;
    }
    missing.sort_unstable();
    missing.dedup();
    let mut noted = doc.clone();
    noted
        .subtitle
        .push(crate::report::fonts::undrawable_sentence(&missing));
    Some(noted)
}

/// The PDF of a document, with the photos from `images`.
pub fn pdf(doc: &Doc, images: &Images) -> Result<PdfFile, String> {
    let font = Font::new()?;
    let noted = with_undrawable_note(doc, &font);
    let doc = noted.as_ref().unwrap_or(doc);
    let mut pages = Layout::new(&font, images).document(doc);
    footers(&mut pages, &font, &doc.title);

    let mut next_id = 1;
    let mut next = move || {
        let r = Ref::new(next_id);
        next_id += 1;
        r
    };
    let catalog = next();
    let tree = next();
    let font_ref = next();
    let info = next();
    let font_name = Name(b"F1");

    // Images used, each written once.
    let mut image_refs: BTreeMap<PhotoId, (Ref, String)> = BTreeMap::new();
    for op in pages.iter().flatten() {
        if let Op::Image { photo, .. } = op
            && !image_refs.contains_key(photo)
        {
            let name = format!("Im{}", photo.0);
            image_refs.insert(*photo, (next(), name));
        }
    }

    let mut pdf = Pdf::new();
    let mut glyphs = Glyphs::new(&font);
    let mut page_refs = Vec::new();
    let mut bodies = Vec::new();
    for page in &pages {
        let (page_ref, content_ref) = (next(), next());
        let mut content = Content::new();
        let mut links = Vec::new();
        let mut used_images = Vec::new();
        for op in page {
            draw(
                &mut content,
                op,
                &mut glyphs,
                font_name,
                &image_refs,
                &mut links,
            );
            if let Op::Image { photo, .. } = op {
                used_images.push(*photo);
            }
        }
        let link_refs: Vec<(Ref, Rect, String)> = links
            .into_iter()
            .map(|(rect, url)| (next(), rect, url))
            .collect();
        bodies.push((
            page_ref,
            content_ref,
            content.finish(),
            used_images,
            link_refs,
        ));
        page_refs.push(page_ref);
    }

    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_refs.iter().copied())
        .count(page_refs.len() as i32);
    pdf.document_info(info)
        .title(TextStr(&doc.title))
        .producer(TextStr("BulkReady"));

    for (page_ref, content_ref, content, used_images, links) in &bodies {
        let mut page = pdf.page(*page_ref);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
        page.parent(tree);
        page.contents(*content_ref);
        if !links.is_empty() {
            page.annotations(links.iter().map(|(r, _, _)| *r));
        }
        let mut resources = page.resources();
        resources.fonts().pair(font_name, font_ref);
        if !used_images.is_empty() {
            let mut xobjects = resources.x_objects();
            for id in used_images {
                if let Some((r, name)) = image_refs.get(id) {
                    xobjects.pair(Name(name.as_bytes()), *r);
                }
            }
        }
        resources.finish();
        page.finish();
        pdf.stream(*content_ref, &deflate(content))
            .filter(Filter::FlateDecode);
        for (r, rect, url) in links {
            let mut a = pdf.annotation(*r);
            a.subtype(AnnotationType::Link).rect(*rect);
            a.border(0.0, 0.0, 0.0, None);
            a.action()
                .action_type(ActionType::Uri)
                .uri(Str(url.as_bytes()));
        }
    }

    for (photo, (r, _)) in &image_refs {
        let Some(Ok(t)) = images.get(photo) else {
            continue;
        };
        let mut image = pdf.image_xobject(*r, &t.jpeg);
        image.filter(Filter::DctDecode);
        image.width(t.width as i32);
        image.height(t.height as i32);
        image.color_space().device_rgb();
        image.bits_per_component(8);
    }

    let undrawable = glyphs.undrawable();
    glyphs.write(&mut pdf, font_ref, &mut next)?;
    Ok(PdfFile {
        bytes: pdf.finish(),
        undrawable,
    })
}

fn draw(
    content: &mut Content,
    op: &Op,
    glyphs: &mut Glyphs,
    font: Name,
    images: &BTreeMap<PhotoId, (Ref, String)>,
    links: &mut Vec<(Rect, String)>,
) {
    let flip = |y: f32| PAGE_H - y;
    match op {
        Op::Text {
            x,
            y,
            size,
            color,
            bold,
            text,
        } => {
            let encoded = glyphs.encode(text);
            if encoded.is_empty() {
                return;
            }
            content.begin_text();
            content.set_font(font, *size);
            content.set_fill_rgb(color[0], color[1], color[2]);
            if *bold {
                // The font has one weight: bold is the outline stroked too.
                content.set_text_rendering_mode(TextRenderingMode::FillStroke);
                content.set_stroke_rgb(color[0], color[1], color[2]);
                content.set_line_width(size * 0.025);
            } else {
                content.set_text_rendering_mode(TextRenderingMode::Fill);
            }
            content.next_line(*x, flip(*y));
            content.show(Str(&encoded));
            content.end_text();
        }
        Op::Fill { x, y, w, h, color } => {
            content.set_fill_rgb(color[0], color[1], color[2]);
            content.rect(*x, flip(y + h), *w, *h);
            content.fill_nonzero();
        }
        Op::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            color,
        } => {
            content.set_stroke_rgb(color[0], color[1], color[2]);
            content.set_line_width(*width);
            content.move_to(*x1, flip(*y1));
            content.line_to(*x2, flip(*y2));
            content.stroke();
        }
        Op::Image { x, y, w, h, photo } => {
            if let Some((_, name)) = images.get(photo) {
                content.save_state();
                content.transform([*w, 0.0, 0.0, *h, *x, flip(y + h)]);
                content.x_object(Name(name.as_bytes()));
                content.restore_state();
            }
        }
        Op::Link { x, y, w, h, url } => {
            links.push((Rect::new(*x, flip(y + h), x + w, flip(*y)), url.clone()));
        }
    }
}
