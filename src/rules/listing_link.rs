//! A listing from what a buyer pastes: a 1688, Taobao or Tmall URL, or the
//! share text their apps copy (a title and a link, often a short one).
//! Gives the marketplace, the offer id, a clean canonical URL (tracking
//! parameters dropped) and the title where the text holds one. Short links
//! (m.tb.cn, qr.1688.com) need the network to resolve: they are kept as
//! given, and [`ListingLink::short`] says so.

use crate::model::{Listing, Marketplace};

/// What a pasted text says about a listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListingLink {
    pub marketplace: Marketplace,
    /// The offer (item) id, when the link holds one.
    pub offer_id: Option<String>,
    /// The canonical URL when the id is known, else the link as given.
    pub url: String,
    /// The listing title, when the share text holds one.
    pub title: Option<String>,
    /// A short link, kept as given: it cannot be resolved offline.
    pub short: bool,
}

/// Why nothing could be read from a pasted text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("no 1688, Taobao or Tmall link in the pasted text")]
    NoLink,
}

/// Reads the first marketplace link in `text`, with the title around it.
pub fn parse(text: &str) -> Result<ListingLink, LinkError> {
    let (token, found) = url_tokens(text)
        .find_map(|t| recognise(t).map(|f| (t, f)))
        .ok_or(LinkError::NoLink)?;
    let marketplace = match (found.kind, tag_marketplace(text)) {
        (Kind::Short(_), Some(tagged)) => tagged,
        (Kind::Short(m) | Kind::Full(m), _) => m,
    };
    let short = matches!(found.kind, Kind::Short(_));
    let url = match &found.id {
        Some(id) => canonical_url(marketplace, id),
        None => with_scheme(token),
    };
    Ok(ListingLink {
        marketplace,
        offer_id: found.id,
        url,
        title: title_in(text),
        short,
    })
}

/// The offer id of a listing URL, if it holds one.
pub fn offer_id(url: &str) -> Option<String> {
    parse(url).ok().and_then(|l| l.offer_id)
}

/// `https://detail.1688.com/offer/<id>.html`, `https://item.taobao.com/
/// item.htm?id=<id>` or `https://detail.tmall.com/item.htm?id=<id>`.
pub fn canonical_url(marketplace: Marketplace, id: &str) -> String {
    match marketplace {
        Marketplace::Alibaba1688 => format!("https://detail.1688.com/offer/{id}.html"),
        Marketplace::Tmall => format!("https://detail.tmall.com/item.htm?id={id}"),
        Marketplace::Taobao | Marketplace::Other => {
            format!("https://item.taobao.com/item.htm?id={id}")
        }
    }
}

/// The name the window gives a product it adds: a title replaces it as it
/// replaces an empty name.
pub const NEW_PRODUCT_NAME: &str = "New product";

/// The listing and product name after pasting `link`, and what was filled
/// in the buyer's words ("marketplace", "listing URL", "title", "name").
/// The title is replaced when the text holds one; the name only when empty
/// (or still [`NEW_PRODUCT_NAME`]).
pub struct Filled {
    pub listing: Listing,
    pub name: Option<String>,
    pub what: Vec<&'static str>,
}

pub fn fill(listing: &Listing, name: &str, link: &ListingLink) -> Filled {
    let mut l = listing.clone();
    let mut what = Vec::new();
    if l.marketplace != link.marketplace {
        l.marketplace = link.marketplace;
        what.push("marketplace");
    }
    if l.url != link.url {
        l.url = link.url.clone();
        what.push("listing URL");
    }
    let title = link.title.clone().filter(|t| *t != l.title);
    if let Some(t) = &title {
        l.title = t.clone();
        what.push("title");
    }
    let unnamed = name.trim().is_empty() || name.trim() == NEW_PRODUCT_NAME;
    let name = match &link.title {
        Some(t) if unnamed => {
            what.push("name");
            Some(t.clone())
        }
        _ => None,
    };
    Filled {
        listing: l,
        name,
        what,
    }
}

/// One sentence for the buyer: what was filled, the offer id, and what a
/// short link leaves to do.
pub fn fill_message(link: &ListingLink, what: &[&str]) -> String {
    let filled = if what.is_empty() {
        "Nothing to fill: the listing already says this".to_string()
    } else {
        format!("Filled {}", super::text::list_and(what))
    };
    let market = link.marketplace.label();
    let about = match &link.offer_id {
        Some(id) => format!(" ({market} offer {id})."),
        None if link.short => format!(
            " ({market}). The short link is kept as given: it cannot be resolved offline; \
             open it in a browser and paste the full link for the offer id."
        ),
        None => format!(" ({market}). The link holds no offer id."),
    };
    format!("{filled}{about}")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Full(Marketplace),
    Short(Marketplace),
}

struct Found {
    kind: Kind,
    id: Option<String>,
}

/// Runs of URL characters (ASCII, no spaces): Chinese text and full-width
/// brackets around a link end it.
fn url_tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_graphic() || c == '"' || c == '<' || c == '>')
        .map(|t| t.trim_matches(|c: char| ".,;:!?)(]['".contains(c)))
        .filter(|t| t.contains('.'))
}

/// The marketplace of a link and its offer id, if it is one of theirs.
fn recognise(token: &str) -> Option<Found> {
    let rest = strip_scheme(token);
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest[..host_end].to_ascii_lowercase();
    let (path, query) = split_query(&rest[host_end..]);
    let is = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    let kind = if host == "qr.1688.com" {
        Kind::Short(Marketplace::Alibaba1688)
    } else if is("tb.cn") {
        Kind::Short(Marketplace::Taobao)
    } else if is("1688.com") {
        Kind::Full(Marketplace::Alibaba1688)
    } else if is("tmall.com") {
        Kind::Full(Marketplace::Tmall)
    } else if is("taobao.com") {
        Kind::Full(Marketplace::Taobao)
    } else {
        return None;
    };
    let id = match kind {
        Kind::Short(_) => None,
        Kind::Full(_) => id_in_query(query).or_else(|| id_in_path(path)),
    };
    Some(Found { kind, id })
}

fn strip_scheme(token: &str) -> &str {
    let lower = token.to_ascii_lowercase();
    ["https://", "http://", "//"]
        .iter()
        .find(|s| lower.starts_with(*s))
        .map_or(token, |s| &token[s.len()..])
}

fn with_scheme(token: &str) -> String {
    if strip_scheme(token).len() == token.len() {
        format!("https://{token}")
    } else {
        token.to_string()
    }
}

/// The path and the query (without `?` and the `#fragment`).
fn split_query(rest: &str) -> (&str, &str) {
    let rest = rest.split('#').next().unwrap_or("");
    rest.split_once('?').unwrap_or((rest, ""))
}

/// `id=`, `itemId=`, `offerId=` (any case, any position; `&amp;` too).
fn id_in_query(query: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        let key = key.trim_start_matches("amp;").to_ascii_lowercase();
        let wanted = ["id", "itemid", "item_id", "offerid", "offer_id"];
        (wanted.contains(&key.as_str()) && is_id(value)).then(|| value.to_string())
    })
}

/// `/offer/<id>.html` (1688), `/i<id>.htm` (Taobao h5), `/item/<id>.htm`
/// (world.taobao.com): the digits of the path's last part.
fn id_in_path(path: &str) -> Option<String> {
    let last = path.rsplit('/').next()?;
    let stem = last.split('.').next()?;
    let digits = stem.strip_prefix('i').unwrap_or(stem);
    let in_offer_or_item = path.contains("/offer/") || path.contains("/item/");
    let h5 = stem.starts_with('i') && last.ends_with(".htm");
    (is_id(digits) && (in_offer_or_item || h5)).then(|| digits.to_string())
}

fn is_id(s: &str) -> bool {
    (6..=20).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// The marketplace a share text names in its 【】 tag.
fn tag_marketplace(text: &str) -> Option<Marketplace> {
    let tag = between(text, '【', '】')?;
    if tag.contains("天猫") || tag.to_lowercase().contains("tmall") {
        Some(Marketplace::Tmall)
    } else if tag.contains("淘宝") || tag.to_lowercase().contains("taobao") {
        Some(Marketplace::Taobao)
    } else if tag.contains("1688") || tag.contains("阿里巴巴") {
        Some(Marketplace::Alibaba1688)
    } else {
        None
    }
}

fn between(text: &str, open: char, close: char) -> Option<&str> {
    let start = text.find(open)? + open.len_utf8();
    let len = text[start..].find(close)?;
    Some(&text[start..start + len])
}

/// What share texts add around the title.
const BOILERPLATE: [&str; 12] = [
    "点击链接直接打开",
    "或者淘宝搜索直接打开",
    "或者 淘宝搜索直接打开",
    "淘宝搜索直接打开",
    "复制这条信息",
    "打开手机淘宝",
    "打开手淘",
    "我在阿里巴巴1688发现了一个好物",
    "快来看看吧",
    "复制此链接",
    "打开1688",
    "去看看",
];

/// The title: inside 「」 or 『』 when there; else, in a share text (a 【】
/// tag, or the title on a line of its own), the text left once the links,
/// the tag, the pass codes and the app's sentences are gone.
fn title_in(text: &str) -> Option<String> {
    if let Some(t) = between(text, '「', '」').or_else(|| between(text, '『', '』')) {
        return tidy(t);
    }
    let share_text = text.contains('【') || text.trim().contains('\n');
    if !share_text {
        return None;
    }
    let mut rest = text.to_string();
    for link in url_tokens(text).filter(|t| recognise(t).is_some()) {
        rest = rest.replacen(link, " ", 1);
    }
    let mut rest = rest
        .split_whitespace()
        .filter(|w| !is_pass_code(w))
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(tag) = between(&rest, '【', '】') {
        rest = rest.replacen(&format!("【{tag}】"), " ", 1);
    }
    for phrase in BOILERPLATE {
        rest = rest.replace(phrase, " ");
    }
    tidy(&rest)
}

/// Taobao's pass codes: "CZ0001", "￥AbCd1234￥".
fn is_pass_code(word: &str) -> bool {
    let b = word.as_bytes();
    let upper_then_digits = b.len() == 6
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..].iter().all(u8::is_ascii_digit);
    let money_code = ['￥', '¥', '€', '$']
        .iter()
        .any(|c| word.starts_with(*c) && word.len() > c.len_utf8() && word.ends_with(*c));
    upper_then_digits || money_code
}

/// Trimmed of spaces and of the punctuation the boilerplate leaves; `None`
/// when nothing readable is left.
fn tidy(t: &str) -> Option<String> {
    let junk = |c: char| c.is_whitespace() || "，,。.！!：:；;👉👈~～-—|…".contains(c);
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = t.trim_matches(junk);
    (t.chars().filter(|c| c.is_alphanumeric()).count() >= 2).then(|| t.to_string())
}

#[cfg(test)]
#[path = "listing_link_tests.rs"]
mod tests;
