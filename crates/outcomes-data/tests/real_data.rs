//! The real build against the shared open data, when that folder is present: a few
//! published figures per source, and our aggregates against OHID's own.

mod common;

use common::real::{output, point, shard};
use outcomes_core::model::{AreaLevel, Origin};
use outcomes_core::stats::{crude_rate, Confidence};

#[test]
fn the_borough_smoking_figure_matches_ohid() {
    let Some(output) = output() else { return };
    let manifest = &output.manifest;
    // OHID publishes Tower Hamlets 2022/23 as 50602 / 326762 = 15.48588881%
    // (15.3622537 - 15.61033542); the sum of the practices must agree.
    let borough = point(output, "91547", "E09000030", "2022/23");
    assert_eq!(borough.origin, Origin::Aggregated);
    assert_eq!(
        (borough.count, borough.denominator),
        (Some(50602.0), Some(326762.0))
    );
    assert_eq!(borough.value, Some(15.4859));
    let ci = borough.ci95.expect("interval");
    assert_eq!((ci.lower, ci.upper), (15.3623, 15.6103));

    let at_level = |level: AreaLevel| {
        shard(output, "91547")
            .values
            .iter()
            .filter(|p| p.period == "2022/23")
            .filter(|p| manifest.area(&p.area).is_some_and(|a| a.level == level))
            .count()
    };
    assert_eq!(at_level(AreaLevel::Locality), 4);
    assert_eq!(at_level(AreaLevel::Pcn), 7);
}

#[test]
fn the_manifest_lists_the_geography() {
    let Some(output) = output() else { return };
    let manifest = &output.manifest;
    // 33 London boroughs, Tower Hamlets among them, and 20 wards.
    assert_eq!(manifest.areas_at(AreaLevel::Borough).count(), 33);
    assert_eq!(manifest.areas_at(AreaLevel::Ward).count(), 20);
    let ward = manifest.area("E05009331").expect("ward");
    assert_eq!(ward.name, "Bethnal Green West");
    // Placed in its locality by the provisional best fit (Bethnal Green West: North West).
    assert_eq!(ward.parent.as_deref(), Some("THT-LOC-NW"));
    assert_eq!(ward.lookup.as_deref(), Some("ward-locality-bestfit"));
    // Every indicator sits under an I statement.
    for indicator in &manifest.indicators {
        assert!(
            manifest
                .framework
                .domains
                .iter()
                .flat_map(|d| &d.i_statements)
                .any(|s| s.indicators.contains(&indicator.id)),
            "{}",
            indicator.id
        );
    }
}

#[test]
fn fuel_poverty_and_air_pollution_are_as_published() {
    let Some(output) = output() else { return };
    let th = point(output, "93759", "E09000030", "2020");
    assert_eq!(th.value, Some(10.9706));
    assert_eq!((th.count, th.denominator), (Some(11941.0), Some(108845.0)));
    assert_eq!(
        point(output, "93759", "E12000007", "2020").value,
        Some(11.4709)
    );
    assert_eq!(
        point(output, "93759", "E92000001", "2020").value,
        Some(13.2315)
    );
    assert_eq!(
        point(output, "93759", "E09000001", "2020").origin,
        Origin::Published
    );
    // Household breakdowns for England, without the deprivation deciles.
    let breakdowns = &shard(output, "93759").breakdowns;
    assert!(breakdowns.iter().any(|b| b.category_type == "Tenure"));
    assert!(breakdowns
        .iter()
        .all(|b| b.area == "E92000001" && !b.category_type.contains("deprivation")));
    assert_eq!(
        point(output, "93867", "E09000030", "2020").value,
        Some(10.2278)
    );
    assert_eq!(
        point(output, "93867", "E92000001", "2018").value,
        Some(9.5246)
    );
}

#[test]
fn ae_attendances_are_summed_from_practices_and_match_ohid_pcns() {
    let Some(output) = output() else { return };
    // OHID's PCN rows (membership as at 27/10/23) for the three PCNs whose practice rows in
    // the export sum to OHID's own count and denominator.
    for (pcn, count, denominator, value, lower, upper) in [
        ("U09193", 1820.0, 3288.0, 553.52798, 528.38681, 579.55636),
        ("U60865", 1735.0, 3178.0, 545.94084, 519.93672, 571.60441),
        ("U87199", 1060.0, 1920.0, 552.08333, 519.34378, 586.34591),
    ] {
        let ours = point(output, "93930", pcn, "2021/22");
        assert_eq!(ours.origin, Origin::Aggregated);
        assert_eq!(
            (ours.count, ours.denominator),
            (Some(count), Some(denominator))
        );
        // Equal to OHID's published value to the 4 places we publish.
        let published = (value * 1e4_f64).round() / 1e4;
        assert_eq!(ours.value, Some(published), "{pcn}");
        // HES counts are rounded to 5: OHID's interval, from the exact count, lies between
        // ours at count - 2.5 and count + 2.5.
        let at = |c: f64| {
            crude_rate(c, denominator, 1000.0, Confidence::Percent95)
                .expect("rate")
                .1
        };
        let (low, high) = (at(count - 2.5), at(count + 2.5));
        assert!(low.lower <= lower && lower <= high.lower, "{pcn}");
        assert!(low.upper <= upper && upper <= high.upper, "{pcn}");
    }
    let borough = point(output, "93930", "E09000030", "2021/22");
    assert_eq!(borough.origin, Origin::Aggregated);
    assert_eq!(
        point(output, "93930", "E92000001", "2021/22").value,
        Some(762.5906)
    );
}

#[test]
fn modelled_prevalence_has_counts_and_wilson_intervals() {
    let Some(output) = output() else { return };
    let th = point(output, "hcl-dm", "E09000030", "2019/20");
    assert_eq!(th.value, Some(6.4061));
    assert!(th.ci95.is_some_and(|ci| ci.contains(6.4061)));
    // London has no code in the source and is matched by name.
    assert_eq!(
        point(output, "hcl-dm", "E12000007", "2019/20").value,
        Some(6.6977)
    );
    assert_eq!(
        point(output, "hcl-dm", "E92000001", "2019/20").value,
        Some(7.0722)
    );
}

#[test]
fn oflog_school_and_headline_figures_are_as_given() {
    let Some(output) = output() else { return };
    assert_eq!(
        point(output, "oflog-asc5", "E09000030", "2022/23").value,
        Some(48.0)
    );
    assert_eq!(
        point(output, "oflog-asc1", "E09000030", "2016/17").value,
        Some(7.5)
    );
    assert_eq!(
        point(output, "ks2-rwm", "E09000030", "2021/22").value,
        Some(67.0)
    );
    assert_eq!(
        point(output, "ks2-rwm", "E13000001", "2017/18").value,
        Some(71.0)
    );
    let x = point(output, "ks2-rwm", "E09000030", "2019/20");
    assert_eq!(x.value, None);
    assert!(x.note.as_deref().is_some_and(|n| n.contains("(x)")));
    assert_eq!(
        point(output, "ks4-basics", "E09000030", "2021/22").value,
        Some(71.2)
    );
    let hle = point(output, "hle-male", "E09000030", "2019");
    assert_eq!(hle.value, Some(60.5));
    assert!(hle
        .note
        .as_deref()
        .is_some_and(|n| n.contains("\"ONS, 2019\"")));
    assert_eq!(
        point(output, "hle-male", "E92000001", "2019").value,
        Some(63.1)
    );
    assert_eq!(
        point(output, "hle-male", "E09000030", "2014").value,
        Some(55.4)
    );
    // The adult social care page's figure has no stated period and is left out.
    assert!(shard(output, "le-male")
        .values
        .iter()
        .all(|p| p.value != Some(78.1)));
}

#[test]
fn deprivation_is_counted_by_ward() {
    let Some(output) = output() else { return };
    // IMD 2019: 2 of 144 LSOAs in decile 1, as MHCLG's borough summary says (1.39%).
    let th = point(output, "imd2019-decile1", "E09000030", "2019");
    assert_eq!((th.count, th.denominator), (Some(2.0), Some(144.0)));
    assert_eq!(th.value, Some(1.3889));
    // IMD 2025: 22 of 169 (MHCLG: 0.1302).
    let th = point(output, "imd2025-decile1", "E09000030", "2025");
    assert_eq!((th.count, th.denominator), (Some(22.0), Some(169.0)));
    let wards: f64 = shard(output, "imd2025-decile1")
        .values
        .iter()
        .filter(|p| p.area.starts_with("E05"))
        .map(|p| p.denominator.unwrap_or(0.0))
        .sum();
    assert_eq!(wards, 169.0);
    // Counts of areas are not withheld.
    assert!(shard(output, "imd2025-decile1")
        .values
        .iter()
        .all(|p| p.suppressed.is_none()));
    assert_eq!(
        point(output, "imd2019-decile1", "E09000002", "2019").origin,
        Origin::Published
    );
}

#[test]
fn better_care_fund_figures_are_transcribed_with_citations() {
    let Some(output) = output() else { return };
    let p = point(output, "bcf-reablement-91days", "E09000030", "2017/18");
    assert_eq!(p.value, Some(70.35));
    assert!(p.note.as_deref().is_some_and(|n| n.contains("3.20")));
    assert_eq!(
        point(output, "bcf-reablement-91days", "E09000030", "2018/19").value,
        Some(87.18)
    );
    assert_eq!(
        point(
            output,
            "bcf-care-home-placements-65",
            "E09000030",
            "2018/19"
        )
        .value,
        Some(87.0)
    );
}

#[test]
fn the_manifest_carries_levels_and_key_figures_for_the_overview() {
    let Some(output) = output() else { return };
    let smoking = output
        .manifest
        .indicators
        .iter()
        .find(|i| i.id == "91547")
        .expect("smoking in the manifest");
    assert_eq!(
        smoking.levels,
        [AreaLevel::Locality, AreaLevel::Pcn, AreaLevel::Borough]
    );
    let key = smoking.key_figures.as_ref().expect("key figures");
    assert_eq!(key.period, "2023/24");
    let areas: Vec<&str> = key.values.iter().map(|v| v.area.as_str()).collect();
    assert_eq!(
        areas,
        [
            "THT-LOC-NW",
            "THT-LOC-NE",
            "THT-LOC-SW",
            "THT-LOC-SE",
            "E09000030"
        ]
    );
    // The key figures are the shard's own values.
    let shard = shard(output, "91547");
    for value in &key.values {
        let point = shard
            .values
            .iter()
            .find(|p| p.area == value.area && p.period == key.period)
            .expect("the same point in the shard");
        assert_eq!(point.value, Some(value.value));
        assert_eq!(point.comparisons, value.comparisons);
    }
    // Fuel poverty has no locality figures: its key figures are the borough's latest year.
    let fuel = output
        .manifest
        .indicators
        .iter()
        .find(|i| i.id == "93759")
        .expect("fuel poverty in the manifest");
    assert_eq!(fuel.levels, [AreaLevel::Borough]);
    let key = fuel.key_figures.as_ref().expect("key figures");
    assert_eq!(key.period, "2020");
    assert!(key.value("E09000030").is_some() && key.value("E92000001").is_some());
}

#[test]
fn smoking_in_the_borough_has_a_recent_trend_and_short_series_have_none() {
    use outcomes_core::trend::TrendResult;
    let Some(output) = output() else { return };
    let smoking = output
        .manifest
        .indicators
        .iter()
        .find(|i| i.id == "91547")
        .unwrap();
    let latest = smoking.latest.as_ref().unwrap();
    // 2019/20 to 2023/24 are five consecutive years of counts, and smoking fell.
    assert_eq!(latest.period, "2023/24");
    assert_eq!(latest.trend, Some(TrendResult::DecreasingAndGettingBetter));
    // Localities have two years of practice counts: no trend.
    let shard = shard(output, "91547");
    assert!(shard
        .values
        .iter()
        .filter(|p| p.area.starts_with("THT-LOC"))
        .all(|p| p.trend.is_none()));
    // Every point that ends five consecutive years of counts carries the trend up to it:
    // the borough's from 2017/18, the fifth year, on.
    let with_trend: Vec<&str> = shard
        .values
        .iter()
        .filter(|p| p.area == "E09000030" && p.trend.is_some())
        .map(|p| p.period.as_str())
        .collect();
    assert_eq!(
        with_trend,
        ["2017/18", "2018/19", "2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]
    );
    // So every London borough has one at 2021/22, the latest year with a London figure, as
    // at 2022/23.
    let boroughs_2021 = shard
        .values
        .iter()
        .filter(|p| p.area.starts_with("E09") && p.period == "2021/22" && p.trend.is_some())
        .count();
    assert!(
        boroughs_2021 >= 32,
        "{boroughs_2021} boroughs with a trend at 2021/22"
    );
}

#[test]
fn the_bengali_translations_cover_what_residents_read_first() {
    let Some(output) = output() else { return };
    let manifest = &output.manifest;
    let bn = &manifest.translations["bn"];
    let mut keys = vec!["dataset.title".to_string()];
    for d in &manifest.framework.domains {
        keys.push(format!("domain.{}.name", d.id));
        keys.extend(
            d.i_statements
                .iter()
                .map(|s| format!("statement.{}.text", s.id)),
        );
    }
    for i in &manifest.indicators {
        keys.push(format!("indicator.{}.title", i.id));
    }
    // Descriptions travel in the shards, with their translations.
    for shard in &output.shards {
        let key = format!("indicator.{}.description", shard.indicator);
        assert!(
            shard.translations["bn"].contains_key(&key),
            "no Bengali for {key}"
        );
        assert!(!bn.contains_key(&key), "{key} is in the manifest too");
    }
    for code in [
        "E92000001",
        "E12000007",
        "E09000030",
        "THT-LOC-NW",
        "THT-LOC-NE",
        "THT-LOC-SW",
        "THT-LOC-SE",
    ] {
        keys.push(format!("area.{code}.name"));
    }
    for key in keys {
        assert!(bn.contains_key(&key), "no Bengali for {key}");
    }
    let statements = manifest
        .framework
        .domains
        .iter()
        .flat_map(|d| &d.i_statements);
    // I statements stay in the first person ("I …" → "আমি …", "My …" → "আমার …").
    for s in statements {
        let text = &bn[&format!("statement.{}.text", s.id)];
        assert!(text.contains("আমি") || text.contains("আমার"), "{}", s.id);
    }
    assert_eq!(bn["area.THT-LOC-NW.name"], "উত্তর-পশ্চিম");

    let challenges = output
        .health_challenges
        .as_ref()
        .expect("health challenges");
    let bn_challenges = &challenges.translations["bn"];
    for s in &challenges.statistics {
        assert!(
            bn_challenges.contains_key(&format!("statistic.{}.label", s.id)),
            "{}",
            s.id
        );
    }
    for t in &challenges.themes {
        assert!(
            bn_challenges.contains_key(&format!("theme.{}.theme", t.id)),
            "{}",
            t.id
        );
    }

    // Bengali texts write numbers in Bengali digits; only codes and file names, which mix
    // ASCII letters and digits, keep ASCII digits.
    for (key, text) in bn.iter().chain(bn_challenges) {
        assert!(
            text.chars().any(|c| ('\u{0980}'..='\u{09FF}').contains(&c)) || text == "%",
            "{key} is not in Bengali script: {text}"
        );
        for word in text.split(|c: char| c.is_whitespace() || "(),;।".contains(c)) {
            let ascii_digit = word.chars().any(|c| c.is_ascii_digit());
            let ascii_letter = word.chars().any(|c| c.is_ascii_alphabetic());
            assert!(
                !ascii_digit || ascii_letter,
                "{key}: ASCII digits in {word:?}"
            );
        }
    }
}

#[test]
fn the_registered_population_sums_networks_to_localities_and_the_borough() {
    let Some(output) = output() else { return };
    let population = output
        .registered_population
        .as_ref()
        .expect("population published");
    assert_eq!(population.extract_date, "2026-07-01");
    assert_eq!(population.bands.first().map(String::as_str), Some("0-4"));
    assert_eq!(population.bands.last().map(String::as_str), Some("90+"));
    // SOURCES-practice.md: the 30 practices' totals sum to 387,560, as do the 7 networks'.
    let borough = population.area("E09000030").expect("borough");
    assert_eq!(
        (borough.total, borough.origin),
        (387_560, Origin::Aggregated)
    );
    let manifest = &output.manifest;
    for locality in manifest.areas_at(AreaLevel::Locality) {
        let summed = population.area(&locality.code).expect("locality");
        let networks: Vec<_> = manifest
            .areas_at(AreaLevel::Pcn)
            .filter(|a| a.parent.as_deref() == Some(locality.code.as_str()))
            .filter_map(|a| population.area(&a.code))
            .collect();
        assert!(!networks.is_empty(), "{}", locality.code);
        for band in 0..population.bands.len() {
            let female: u64 = networks.iter().map(|n| n.female[band]).sum();
            assert_eq!(summed.female[band], female, "{} band {band}", locality.code);
        }
        assert_eq!(
            summed.total,
            networks.iter().map(|n| n.total).sum::<u64>(),
            "{}",
            locality.code
        );
    }
    // Every network's own row is published, and no count singles people out.
    for network in population
        .areas
        .iter()
        .filter(|a| a.origin == Origin::Published)
    {
        assert_eq!(
            network.total,
            network.female.iter().chain(&network.male).sum::<u64>()
        );
        assert!(network
            .female
            .iter()
            .chain(&network.male)
            .all(|&c| c == 0 || c >= 8));
    }
}

#[test]
fn the_manifest_every_page_loads_stays_within_its_budget_on_the_wire() {
    use std::io::Write;
    let Some(output) = output() else { return };
    let files = outcomes_data::write::render(output).expect("renders");
    let manifest = &files[outcomes_data::write::MANIFEST];
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(manifest).expect("gzip");
    let bytes = gzip.finish().expect("gzip").len();
    println!("manifest.json: {} bytes, {bytes} gzip", manifest.len());
    // Issue "By locality for real": at most 20 KB gzip with 60 and more indicators.
    assert!(bytes <= 20 * 1024, "manifest.json is {bytes} bytes gzip");
    assert!(output.manifest.indicators.len() >= 60);
}
