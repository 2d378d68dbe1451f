//! Which spec rows a photo is evidence for, from its tags: a label photo
//! for the label rows, a measurement photo for the lengths and volumes, a
//! weight photo for the masses, an item photo for the colour and the other
//! text rows. A photo without such tags is evidence for every row.

use super::sample_gate::{RowTopic, row_topic};
use crate::model::{Expected, Photo, Product, SpecId, SpecItem, Tag, Unit};

fn is_mass(u: Unit) -> bool {
    matches!(u, Unit::G | Unit::Kg)
}

/// Whether `tag` says the photo shows `row`.
fn shows(tag: Tag, row: &SpecItem) -> bool {
    let topic = row_topic(&row.name);
    match tag {
        Tag::Label | Tag::CartonLabel => topic == Some(RowTopic::Label),
        Tag::Packaging => topic == Some(RowTopic::Packaging),
        Tag::Accessories | Tag::ParcelCount => {
            topic == Some(RowTopic::Accessories) || matches!(row.expected, Expected::Count(_))
        }
        Tag::Measurement => {
            matches!(row.expected, Expected::Number { unit, .. } if !is_mass(unit))
        }
        Tag::Weight => matches!(row.expected, Expected::Number { unit, .. } if is_mass(unit)),
        Tag::Item => {
            topic == Some(RowTopic::Colour)
                || topic.is_none() && matches!(row.expected, Expected::Text(_) | Expected::YesNo(_))
        }
        Tag::Defect | Tag::ChatScreenshot => false,
    }
}

/// The rows `photo` is evidence for, in brief order.
pub fn rows_for_photo(product: &Product, photo: &Photo) -> Vec<SpecId> {
    let telling: Vec<Tag> = photo
        .tags
        .iter()
        .copied()
        .filter(|t| !matches!(t, Tag::Defect | Tag::ChatScreenshot))
        .collect();
    product
        .spec
        .iter()
        .filter(|row| telling.is_empty() || telling.iter().any(|t| shows(*t, row)))
        .map(|row| row.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::all_go_fixture::project;

    fn tagged(tags: Vec<Tag>) -> Photo {
        Photo {
            tags,
            ..Photo::default()
        }
    }

    fn names(p: &Product, ids: &[SpecId]) -> Vec<String> {
        ids.iter()
            .filter_map(|id| p.spec.iter().find(|r| r.id == *id))
            .map(|r| r.name.clone())
            .collect()
    }

    #[test]
    fn a_measurement_photo_is_for_lengths_a_weight_photo_for_masses() {
        let p = project().products.remove(0);
        let m = names(&p, &rows_for_photo(&p, &tagged(vec![Tag::Measurement])));
        assert_eq!(m, ["Height"]);
        let w = names(&p, &rows_for_photo(&p, &tagged(vec![Tag::Weight])));
        assert_eq!(w, ["Weight"]);
    }

    #[test]
    fn an_item_photo_is_for_the_colour_and_an_untagged_one_for_every_row() {
        let p = project().products.remove(0);
        let item = names(&p, &rows_for_photo(&p, &tagged(vec![Tag::Item])));
        assert!(item.contains(&"Colour".to_string()), "{item:?}");
        assert!(!item.contains(&"Height".to_string()), "{item:?}");
        let all = rows_for_photo(&p, &tagged(vec![]));
        assert_eq!(all.len(), p.spec.len());
    }
}
