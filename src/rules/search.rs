//! Search across the project: order numbers, tracking numbers, sellers,
//! product names, listing ids (the offer id in the URL, the SKU) and photo
//! file names.
//! Case, width and spacing do not matter ("sf 1402" finds SF1402…).

use super::Target;
use super::text::half_width;
use crate::model::Project;

/// What a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitKind {
    Product,
    Listing,
    Order,
    Seller,
    Tracking,
    Photo,
}

impl HitKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Product => "product",
            Self::Listing => "listing",
            Self::Order => "order",
            Self::Seller => "seller",
            Self::Tracking => "tracking",
            Self::Photo => "photo",
        }
    }
}

/// One place the query was found.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub kind: HitKind,
    /// The text that matched, as stored.
    pub text: String,
    /// Where it is, in words ("sample 1688-2026-001 of Ceramic mug").
    pub place: String,
    pub target: Target,
}

/// Lowercase, half-width, without spaces and dashes: how both sides are
/// compared.
fn folded(s: &str) -> String {
    half_width(s)
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '/'))
        .collect()
}

/// Every hit of `query`, products first, then orders in project order; at
/// most `limit`. An empty query finds nothing.
pub fn search(project: &Project, query: &str, limit: usize) -> Vec<Hit> {
    let q = folded(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    let mut found = |kind, text: &str, place: String, target| {
        if hits.len() < limit && !text.is_empty() && folded(text).contains(&q) {
            hits.push(Hit {
                kind,
                text: text.to_string(),
                place,
                target,
            });
        }
    };
    for p in &project.products {
        let name = p.name.as_str();
        found(
            HitKind::Product,
            name,
            "product".into(),
            Target::Product(p.id),
        );
        for listing in [&p.listing.url, &p.listing.sku] {
            found(
                HitKind::Listing,
                listing,
                format!("listing of {name}"),
                Target::Listing(p.id),
            );
        }
        for o in &p.orders {
            let place = format!("{} {} of {name}", o.kind.label(), o.number);
            found(
                HitKind::Order,
                &o.number,
                place.clone(),
                Target::Order(o.id),
            );
            found(
                HitKind::Seller,
                &o.seller,
                place.clone(),
                Target::Order(o.id),
            );
            for parcel in &o.parcels {
                found(
                    HitKind::Tracking,
                    &parcel.tracking,
                    place.clone(),
                    Target::Parcel(parcel.id),
                );
            }
            for photo in &o.photos {
                found(
                    HitKind::Photo,
                    &photo.file.original_name,
                    place.clone(),
                    Target::Photo(photo.id),
                );
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::PhotoId;
    use crate::rules::all_go_fixture::project;

    #[test]
    fn finds_a_tracking_number_whatever_the_case_width_and_spaces() {
        let p = project();
        for q in ["sf20", "SF 20", "ＳＦ２０"] {
            let hits = search(&p, q, 10);
            assert!(
                hits.iter()
                    .any(|h| h.kind == HitKind::Tracking && h.text == "SF20"),
                "{q}: {hits:?}"
            );
        }
    }

    #[test]
    fn finds_orders_products_and_the_offer_id_in_the_url() {
        let p = project();
        let kinds =
            |q: &str| -> Vec<HitKind> { search(&p, q, 10).iter().map(|h| h.kind).collect() };
        assert!(kinds("no-10").contains(&HitKind::Order));
        assert!(kinds("mug").contains(&HitKind::Product));
        assert!(kinds("offer/1.html").contains(&HitKind::Listing));
    }

    #[test]
    fn finds_a_photo_by_its_file_name() {
        let p = project();
        let hits = search(&p, "img_23", 10);
        assert!(
            hits.iter()
                .any(|h| h.kind == HitKind::Photo && h.target == Target::Photo(PhotoId(23))),
            "{hits:?}"
        );
    }

    #[test]
    fn an_empty_query_finds_nothing_and_the_limit_holds() {
        let p = project();
        assert!(search(&p, "  ", 10).is_empty());
        assert_eq!(search(&p, "o", 1).len(), 1);
    }
}
