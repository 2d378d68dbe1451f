//! Sample and bulk photos paired by what they show (item, label,
//! packaging…), so the buyer compares like with like.

use crate::model::{Order, Photo, PhotoId, Tag};

/// Tags worth comparing between a sample and its bulk, in the order shown.
/// Chat screenshots and parcel counts say nothing about the goods.
pub const PAIRED_TAGS: [Tag; 8] = [
    Tag::Item,
    Tag::Label,
    Tag::Packaging,
    Tag::Accessories,
    Tag::Measurement,
    Tag::Weight,
    Tag::CartonLabel,
    Tag::Defect,
];

/// One tag's first sample photo and first bulk photo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhotoPair {
    pub tag: Tag,
    pub sample: PhotoId,
    pub bulk: PhotoId,
}

/// Photos of `order` that show `tag` (all of them for `None`), in order.
pub fn photos_showing(order: &Order, tag: Option<Tag>) -> Vec<&Photo> {
    order
        .photos
        .iter()
        .filter(|p| tag.is_none_or(|t| p.has_tag(t)))
        .collect()
}

/// A pair for each tag both orders have photos of.
pub fn photo_pairs(sample: &Order, bulk: &Order) -> Vec<PhotoPair> {
    PAIRED_TAGS
        .iter()
        .filter_map(|&tag| {
            let s = photos_showing(sample, Some(tag)).first()?.id;
            let b = photos_showing(bulk, Some(tag)).first()?.id;
            Some(PhotoPair {
                tag,
                sample: s,
                bulk: b,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{OrderId, OrderKind, StoredFile};

    fn photo(id: u64, tags: &[Tag]) -> Photo {
        Photo {
            id: PhotoId(id),
            file: StoredFile {
                path: format!("{id}.jpg"),
                hash: String::new(),
                original_name: format!("{id}.jpg"),
            },
            width: 0,
            height: 0,
            taken: None,
            parcel: None,
            tags: tags.to_vec(),
            checks: Default::default(),
            note: String::new(),
            marks: Vec::new(),
            codes: Vec::new(),
        }
    }

    fn order(id: u64, kind: OrderKind, photos: Vec<Photo>) -> Order {
        Order {
            id: OrderId(id),
            kind,
            photos,
            ..Default::default()
        }
    }

    #[test]
    fn pairs_follow_shared_tags_and_take_the_first_photo_of_each() {
        let sample = order(
            1,
            OrderKind::Sample,
            vec![
                photo(10, &[Tag::ChatScreenshot]),
                photo(11, &[Tag::Item, Tag::Label]),
                photo(12, &[Tag::Item]),
                photo(13, &[Tag::Packaging]),
            ],
        );
        let bulk = order(
            2,
            OrderKind::Bulk,
            vec![
                photo(20, &[Tag::Label]),
                photo(21, &[Tag::Item]),
                photo(22, &[Tag::ChatScreenshot]),
            ],
        );
        let pairs = photo_pairs(&sample, &bulk);
        assert_eq!(
            pairs,
            vec![
                PhotoPair {
                    tag: Tag::Item,
                    sample: PhotoId(11),
                    bulk: PhotoId(21)
                },
                PhotoPair {
                    tag: Tag::Label,
                    sample: PhotoId(11),
                    bulk: PhotoId(20)
                },
            ],
            "packaging has no bulk photo; chat screenshots are not paired"
        );
        let items: Vec<u64> = photos_showing(&sample, Some(Tag::Item))
            .iter()
            .map(|p| p.id.0)
            .collect();
        assert_eq!(items, [11, 12]);
        assert_eq!(photos_showing(&bulk, None).len(), 3);
    }
}
