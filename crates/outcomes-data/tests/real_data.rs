//! The real build against the shared open data, when that folder is present.

use std::path::{Path, PathBuf};

use outcomes_core::model::{AreaLevel, Origin};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_borough_figure_matches_ohid() {
    let sources = workspace().join("../shared/data");
    if !sources.is_dir() {
        println!(
            "note: {} is absent; real-data test skipped",
            sources.display()
        );
        return;
    }
    let output = outcomes_data::build(&workspace().join("publisher"), &sources)
        .expect("the real data builds");
    let manifest = &output.manifest;
    let shard = &output.shards[0];
    assert_eq!(shard.indicator, "91547");

    // OHID publishes Tower Hamlets 2022/23 as 50602 / 326762 = 15.48588881%
    // (15.3622537 - 15.61033542); the sum of the practices must agree.
    let borough = shard
        .point("E09000030", "2022/23")
        .expect("borough 2022/23");
    assert_eq!(borough.origin, Origin::Aggregated);
    assert_eq!(
        (borough.count, borough.denominator),
        (Some(50602.0), Some(326762.0))
    );
    assert_eq!(borough.value, Some(15.4859));
    let ci = borough.ci95.expect("interval");
    assert_eq!((ci.lower, ci.upper), (15.3623, 15.6103));

    let at_level = |level: AreaLevel| {
        shard
            .values
            .iter()
            .filter(|p| p.period == "2022/23")
            .filter(|p| manifest.area(&p.area).is_some_and(|a| a.level == level))
            .count()
    };
    assert_eq!(at_level(AreaLevel::Locality), 4);
    assert_eq!(at_level(AreaLevel::Pcn), 7);
}
