//! Unit tests of `rules::shipping`.
#![allow(clippy::unwrap_used)]

use super::*;

fn carton(l: f64, w: f64, h: f64, kg: f64, count: u32) -> Carton {
    Carton {
        length_cm: l,
        width_cm: w,
        height_cm: h,
        gross_kg: kg,
        count,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn round_up_ignores_float_noise() {
    let cases = [
        (10.0, 0.5, 10.0),
        (10.000_000_000_001, 0.5, 10.0),
        (10.01, 0.5, 10.5),
        (10.5, 0.5, 10.5),
        (10.51, 0.5, 11.0),
        (0.1 + 0.2, 0.1, 0.3),
        (1.2, 0.5, 1.5),
        (1.2, 0.0, 1.2),
        (1.2, -1.0, 1.2),
        (1.2, f64::NAN, 1.2),
        (0.0, 0.5, 0.0),
        (7.2, 1.0, 8.0),
    ];
    for (x, step, want) in cases {
        assert!(
            close(round_up(x, step), want),
            "{x} step {step}: {}",
            round_up(x, step)
        );
    }
}

#[test]
fn chargeable_weight_per_route_basis() {
    let c = [carton(50.0, 40.0, 30.0, 8.0, 2)];
    // (route, volumetric kg, unrounded, chargeable)
    let cases = [
        (dhl_express(), 24.0, 24.0, 24.0),   // 60,000 / 5000 = 12 per piece
        (air_forwarder(), 20.0, 20.0, 20.0), // 60,000 / 6000 = 10 per piece
        (china_ems(), 0.0, 16.0, 16.0),      // longest side 50 < 60: actual
        (sea_lcl(), 120.0, 120.0, 120.0),    // 0.12 m³ × 1000
    ];
    for (route, vol, unrounded, charge) in cases {
        let w = chargeable_weight(&route, &c).unwrap();
        assert_eq!(w.pieces, 2, "{}", route.name);
        assert!(close(w.actual_kg, 16.0), "{}", route.name);
        assert!(close(w.cbm, 0.12), "{}", route.name);
        assert!(
            close(w.volumetric_kg, vol),
            "{}: {}",
            route.name,
            w.volumetric_kg
        );
        assert!(
            close(w.unrounded_kg, unrounded),
            "{}: {}",
            route.name,
            w.unrounded_kg
        );
        assert!(
            close(w.chargeable_kg, charge),
            "{}: {}",
            route.name,
            w.chargeable_kg
        );
    }
    let sea = chargeable_weight(&sea_lcl(), &c).unwrap();
    assert!(close(sea.revenue_tons.unwrap(), 0.12));
    assert_eq!(
        chargeable_weight(&dhl_express(), &c).unwrap().revenue_tons,
        None
    );
}

#[test]
fn ems_volumetric_applies_from_sixty_cm() {
    let cases = [
        (carton(60.0, 40.0, 30.0, 8.0, 1), 9.0), // 72,000 / 8000 = 9 > 8
        (carton(40.0, 60.0, 30.0, 8.0, 1), 9.0), // any side
        (carton(59.9, 40.0, 30.0, 8.0, 1), 8.0), // below: actual only
        (carton(80.0, 60.0, 50.0, 20.0, 1), 30.0), // 240,000 / 8000
    ];
    for (c, want) in cases {
        let w = chargeable_weight(&china_ems(), &[c]).unwrap();
        assert!(close(w.chargeable_kg, want), "{c:?}: {}", w.chargeable_kg);
    }
}

#[test]
fn max_is_taken_per_piece_then_summed() {
    // Heavy small carton (10 kg, vol 1.6) + light big one (2 kg, vol 24):
    // 10 + 24 = 34, not max(12, 25.6).
    let c = [
        carton(20.0, 20.0, 20.0, 10.0, 1),
        carton(60.0, 50.0, 40.0, 2.0, 1),
    ];
    let w = chargeable_weight(&dhl_express(), &c).unwrap();
    assert!(close(w.unrounded_kg, 34.0), "{}", w.unrounded_kg);
    assert!(close(w.chargeable_kg, 34.0));
    // Sea compares the shipment as a whole.
    let w = chargeable_weight(&sea_lcl(), &c).unwrap();
    assert!(close(w.cbm, 0.128));
    assert!(close(w.chargeable_kg, 128.0), "{}", w.chargeable_kg);
}

#[test]
fn rounding_is_per_route() {
    let c = [carton(30.0, 20.0, 10.0, 1.0, 1)]; // vol 1.2 on 5000
    let mut r = dhl_express();
    assert!(close(chargeable_weight(&r, &c).unwrap().chargeable_kg, 1.5));
    r.rounding_kg = 1.0;
    assert!(close(chargeable_weight(&r, &c).unwrap().chargeable_kg, 2.0));
    r.rounding_kg = 0.0;
    assert!(close(chargeable_weight(&r, &c).unwrap().chargeable_kg, 1.2));
    // Heavy sea freight: 2,500 kg in 1 m³, weight wins; revenue tons 2.5.
    let w = chargeable_weight(&sea_lcl(), &[carton(100.0, 100.0, 100.0, 2500.0, 1)]).unwrap();
    assert!(close(w.chargeable_kg, 2500.0));
    assert!(close(w.revenue_tons.unwrap(), 2.5));
    // A line with 1 m³ = 500 kg.
    let mut light = sea_lcl();
    light.basis = ChargeBasis::WeightOrMeasure { kg_per_cbm: 500.0 };
    let w = chargeable_weight(&light, &[carton(100.0, 100.0, 100.0, 100.0, 2)]).unwrap();
    assert!(close(w.chargeable_kg, 1000.0));
}

#[test]
fn bad_cartons_and_routes_are_errors() {
    let ok = carton(10.0, 10.0, 10.0, 1.0, 1);
    assert_eq!(
        chargeable_weight(&dhl_express(), &[]),
        Err(ShippingError::NoCartons)
    );
    let bad_cartons = [
        carton(0.0, 10.0, 10.0, 1.0, 1),
        carton(10.0, -1.0, 10.0, 1.0, 1),
        carton(10.0, 10.0, f64::NAN, 1.0, 1),
        carton(10.0, 10.0, f64::INFINITY, 1.0, 1),
        carton(10.0, 10.0, 10.0, -1.0, 1),
        carton(10.0, 10.0, 10.0, f64::NAN, 1),
        carton(10.0, 10.0, 10.0, 1.0, 0),
    ];
    for c in bad_cartons {
        let e = chargeable_weight(&dhl_express(), &[ok, c]).unwrap_err();
        assert!(
            matches!(e, ShippingError::BadCarton { index: 2, .. }),
            "{c:?}: {e}"
        );
    }
    let mut routes = Vec::new();
    for divisor in [0.0, -5000.0, f64::NAN] {
        let mut r = dhl_express();
        r.basis = ChargeBasis::Volumetric {
            divisor,
            min_side_cm: None,
        };
        routes.push(r);
    }
    let mut r = sea_lcl();
    r.basis = ChargeBasis::WeightOrMeasure { kg_per_cbm: 0.0 };
    routes.push(r);
    let mut r = dhl_express();
    r.rounding_kg = -0.5;
    routes.push(r);
    let mut r = china_ems();
    r.basis = ChargeBasis::Volumetric {
        divisor: 8000.0,
        min_side_cm: Some(f64::NAN),
    };
    routes.push(r);
    for r in routes {
        let e = chargeable_weight(&r, &[ok]).unwrap_err();
        assert!(matches!(e, ShippingError::BadRoute { .. }), "{r:?}: {e}");
    }
    // A zero-weight carton is allowed (weight unknown yet, volume counts).
    assert!(chargeable_weight(&dhl_express(), &[carton(50.0, 40.0, 30.0, 0.0, 1)]).is_ok());
}

fn priced(mut r: Route, first: f64, per_kg: f64) -> Route {
    r.first_price = first;
    r.per_kg = per_kg;
    r
}

#[test]
fn cost_is_first_weight_plus_per_kg() {
    let r = priced(dhl_express(), 100.0, 40.0); // first 0.5 kg
    let cases = [
        (0.0, 100.0),
        (0.3, 100.0),
        (0.5, 100.0),
        (1.0, 120.0),
        (24.0, 1040.0),
    ];
    for (kg, want) in cases {
        assert!(close(cost(&r, kg), want), "{kg}: {}", cost(&r, kg));
    }
}

#[test]
fn cheapest_route_is_named() {
    let c = [carton(50.0, 40.0, 30.0, 8.0, 2)];
    let mut routes = [
        priced(dhl_express(), 100.0, 40.0),  // 24 kg: 1040
        priced(air_forwarder(), 50.0, 30.0), // 20 kg: 635
        priced(china_ems(), 60.0, 45.0),     // 16 kg: 757.5
        priced(sea_lcl(), 0.0, 8.0),         // 120 kg: 960
    ];
    for (i, r) in routes.iter_mut().enumerate() {
        r.id = RouteId(i as u64 + 1);
    }
    let cmp = compare_routes(&routes, &c).unwrap();
    assert_eq!(cmp.cheapest, Some(routes[1].id));
    assert_eq!(routes[1].name, "Air (forwarder line)");
    let costs: Vec<f64> = cmp.quotes.iter().map(|q| q.cost).collect();
    for (got, want) in costs.iter().zip([1040.0, 635.0, 757.5, 960.0]) {
        assert!(close(*got, want), "{costs:?}");
    }
    assert!(cmp.failures.is_empty());

    let mut bad = routes.to_vec();
    bad[1].basis = ChargeBasis::Volumetric {
        divisor: 0.0,
        min_side_cm: None,
    };
    let cmp = compare_routes(&bad, &c).unwrap();
    assert_eq!(cmp.cheapest, Some(routes[2].id), "China EMS");
    assert_eq!(cmp.failures.len(), 1);

    let mut mixed = routes.to_vec();
    mixed[0].currency = "USD".into();
    assert!(matches!(
        compare_routes(&mixed, &c),
        Err(ShippingError::MixedCurrencies(_))
    ));

    let none = compare_routes(&[], &c).unwrap();
    assert_eq!(none.cheapest, None);
}

#[test]
fn presets_hold_the_domain_values() {
    let v = |r: Route| match r.basis {
        ChargeBasis::Volumetric {
            divisor,
            min_side_cm,
        } => (divisor, min_side_cm),
        ChargeBasis::WeightOrMeasure { kg_per_cbm } => (kg_per_cbm, None),
    };
    assert_eq!(v(dhl_express()), (5000.0, None));
    assert_eq!(v(air_forwarder()), (6000.0, None));
    assert_eq!(v(china_ems()), (8000.0, Some(60.0)));
    assert_eq!(v(sea_lcl()), (1000.0, None));
    assert_eq!(default_routes().len(), 4);
    assert!(close(dhl_express().rounding_kg, 0.5));
}

#[test]
fn imperial_dimensional_weight() {
    // (rule, dims in, actual lb, billable lb)
    let cases = [
        (fedex_ups_daily(), [12.2, 10.0, 10.0], 5.0, 10.0), // 13×10×10 = 1300 / 139 = 9.35
        (fedex_ups_daily(), [12.0, 10.0, 10.0], 5.0, 9.0),  // 1200 / 139 = 8.63
        (fedex_ups_daily(), [12.0, 10.0, 10.0], 20.2, 21.0),
        (usps(), [12.0, 12.0, 12.0], 5.0, 5.0), // exactly 1 ft³: not above
        (usps(), [12.0, 12.0, 12.1], 5.0, 12.0), // 12×12×13 = 1872 / 166 = 11.28
        (usps(), [6.0, 6.0, 6.0], 1.2, 2.0),
    ];
    for (rule, dims, actual, want) in cases {
        assert!(
            close(billable_lb(rule, dims, actual), want),
            "{dims:?} {actual}"
        );
    }
    assert!(close(cm_to_in(2.54), 1.0));
    assert!(close(kg_to_lb(0.453_592_37), 1.0));
    assert!(close(ceil_whole(12.000_000_000_001), 12.0));
}

#[test]
fn bad_rates_are_refused_and_never_cheapest() {
    let cartons = [carton(40.0, 30.0, 20.0, 5.0, 2)];
    let good = priced(dhl_express(), 100.0, 40.0);
    for bad in [
        priced(dhl_express(), 100.0, -1.0),
        priced(dhl_express(), f64::NAN, 40.0),
    ] {
        assert!(matches!(
            quote(&bad, &cartons),
            Err(ShippingError::BadRoute { .. })
        ));
    }
    let mut cheap_looking = priced(air_forwarder(), 0.0, -5.0);
    cheap_looking.name = "negative".into();
    cheap_looking.id = RouteId(77);
    let c = compare_routes(&[good.clone(), cheap_looking], &cartons).unwrap();
    assert_eq!(c.cheapest, Some(good.id));
    assert_eq!(c.failures.len(), 1);
}

#[test]
fn huge_carton_counts_do_not_overflow() {
    let cartons = [
        carton(10.0, 10.0, 10.0, 1.0, u32::MAX),
        carton(10.0, 10.0, 10.0, 1.0, 5),
    ];
    let w = chargeable_weight(&dhl_express(), &cartons).unwrap();
    assert_eq!(w.pieces, u32::MAX);
}

#[test]
fn a_route_without_a_price_is_never_the_cheapest() {
    let c = [carton(50.0, 40.0, 30.0, 8.0, 2)];
    let mut unpriced = dhl_express();
    unpriced.id = RouteId(1);
    let mut priced_route = priced(air_forwarder(), 50.0, 30.0);
    priced_route.id = RouteId(2);
    let cmp = compare_routes(&[unpriced.clone(), priced_route], &c).unwrap();
    assert_eq!(cmp.cheapest, Some(RouteId(2)));
    let cmp = compare_routes(&[unpriced], &c).unwrap();
    assert_eq!(cmp.cheapest, None, "nothing priced, nothing cheapest");
}
