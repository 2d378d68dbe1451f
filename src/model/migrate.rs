//! Bringing files of older schema versions up to the current one. One
//! function per step, each tested with a file of that version.

use super::ids::RouteId;
use super::project::{Project, SCHEMA_VERSION};

/// Migrates `project`, read from a file of its `schema_version`, to
/// [`SCHEMA_VERSION`]. A file with no version (written by hand) reads as
/// version 1 when it uses version-1 fields, else as the current one.
pub fn migrate(project: &mut Project) {
    if project.schema_version < 2 || uses_v1_routes(project) {
        routes_get_ids(project);
    }
    project.schema_version = SCHEMA_VERSION;
}

/// Schema 1 → 2: routes get ids, and each route decision links its route
/// by id instead of by name (the first route of that name, compared after
/// trimming). A name matching no route leaves the decision unchosen.
fn routes_get_ids(project: &mut Project) {
    project.repair_next_id();
    let mut used: std::collections::HashSet<u64> = project.all_ids().collect();
    for i in 0..project.routes.len() {
        let id = project.routes[i].id;
        if id.0 == 0 || !used.insert(id.0) || duplicate_route(project, i) {
            let fresh = project.new_id();
            used.insert(fresh);
            project.routes[i].id = RouteId(fresh);
        }
    }
    let names: Vec<(String, RouteId)> = project
        .routes
        .iter()
        .map(|r| (r.name.trim().to_string(), r.id))
        .collect();
    for order in project
        .products
        .iter_mut()
        .flat_map(|p| p.orders.iter_mut())
    {
        let Some(decision) = order.route.as_mut() else {
            continue;
        };
        let name = std::mem::take(&mut decision.legacy_name);
        let name = name.trim();
        if decision.route.is_none() && !name.is_empty() {
            decision.route = names.iter().find(|(n, _)| n == name).map(|(_, id)| *id);
        }
    }
}

fn uses_v1_routes(project: &Project) -> bool {
    project.routes.iter().any(|r| r.id.0 == 0)
        || project
            .products
            .iter()
            .flat_map(|p| &p.orders)
            .filter_map(|o| o.route.as_ref())
            .any(|d| !d.legacy_name.is_empty())
}

fn duplicate_route(project: &Project, i: usize) -> bool {
    let id = project.routes[i].id;
    project.routes[..i].iter().any(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::*;

    fn v1() -> Project {
        let mut p = Project::new("v1");
        p.schema_version = 1;
        p.routes = vec![
            Route {
                name: "DHL Express".into(),
                ..Route::default()
            },
            Route {
                name: "Sea LCL".into(),
                ..Route::default()
            },
        ];
        let decision = |name: &str| RouteDecision {
            legacy_name: name.into(),
            ..RouteDecision::default()
        };
        let id = ProductId(p.new_id());
        p.products.push(Product {
            id,
            orders: vec![
                Order {
                    id: OrderId(2),
                    route: Some(decision(" Sea LCL ")),
                    ..Order::default()
                },
                Order {
                    id: OrderId(3),
                    route: Some(decision("Pigeon post")),
                    ..Order::default()
                },
            ],
            ..Product::default()
        });
        p
    }

    #[test]
    fn schema_1_routes_get_fresh_ids_and_decisions_link_by_name() {
        let mut p = v1();
        migrate(&mut p);
        assert_eq!(p.schema_version, SCHEMA_VERSION);
        let (a, b) = (p.routes[0].id, p.routes[1].id);
        assert!(a.0 > 3 && b.0 > 3 && a != b, "{a} {b}");
        let orders = &p.products[0].orders;
        assert_eq!(orders[0].route.as_ref().unwrap().route, Some(b));
        assert_eq!(
            orders[1].route.as_ref().unwrap().route,
            None,
            "no such route"
        );
        assert!(
            orders
                .iter()
                .all(|o| o.route.as_ref().unwrap().legacy_name.is_empty())
        );
        assert_eq!(broken_links(&p), vec![]);
    }

    #[test]
    fn a_current_file_is_left_as_it_is() {
        let mut p = v1();
        migrate(&mut p);
        let before = p.clone();
        migrate(&mut p);
        assert_eq!(p, before);
    }
}
