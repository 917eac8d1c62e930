//! The input formats besides Fingertips (tidy, table, LSOA deciles, headline figures) and the
//! extra outputs (health-challenge statistics, boundaries), each on small fixtures written
//! here.

mod common;

use common::Fixture;
use outcomes_core::model::{AreaLevel, Origin};
use outcomes_core::stats::{proportion, Confidence};
use outcomes_data::error::{Column, Error};

/// The fixture with two wards, an LSOA lookup and a second I statement to hang indicators on.
fn fixture() -> Fixture {
    let f = Fixture::new();
    f.append("publisher/areas.csv", "W1,Ward one,ward,E09000030,");
    f.append("publisher/areas.csv", "W2,Ward two,ward,E09000030,");
    f.append(
        "publisher/areas.csv",
        "E13000001,Inner London,region,E92000001,",
    );
    f.append(
        "publisher/areas.csv",
        "E09000001,City of London,borough,E12000007,",
    );
    f.append(
        "publisher/lookups.toml",
        "\n[[lookups]]\nid = \"lsoa-ward\"\ntitle = \"LSOA to ward\"\nstatus = \"official\"\n\
         source = \"Test\"\n\n[lookups.input]\nfile = \"lsoa_ward.csv\"\nfrom_column = \"lsoa\"\n\
         to_column = \"ward\"\nfrom_level = \"lsoa\"\nto_level = \"ward\"\n",
    );
    f.write(
        "sources/lsoa_ward.csv",
        "lsoa,ward\nL1,W1\nL2,W1\nL3,W2\nL4,W2\nL5,W2\n",
    );
    f
}

/// Adds an indicator file and lists it in the framework's first I statement.
fn add_indicator(f: &Fixture, id: &str, body: &str) {
    f.write(
        &format!("publisher/indicators/{id}.toml"),
        &format!(
            "id = \"{id}\"\ntitle = \"T\"\ndescription = \"D\"\ndefinition = \"Def\"\n\
             unit = \"%\"\nmultiplier = 100\npolarity = \"high_is_good\"\n\
             period_type = \"year\"\nbasis = \"resident\"\nmethods = \"M\"\nshard = \"indicators/{id}\"\n{body}\n\
             [source]\nname = \"S\"\npublisher = \"P\"\nlicence = \"L\"\nurl = \"U\"\n\
             attribution = \"A\"\n"
        ),
    );
    let framework = f.path("publisher/framework.toml");
    let text = std::fs::read_to_string(&framework).expect("framework");
    let text = text.replacen(
        "indicators = [\"1\"",
        &format!("indicators = [\"1\", \"{id}\""),
        1,
    );
    std::fs::write(framework, text).expect("framework");
}

fn tidy_indicator(f: &Fixture, rows: &str) {
    f.write(
        "publisher/tidy/t.csv",
        &format!("area_code,period,numerator,denominator,value,lower95,upper95,note\n{rows}"),
    );
    add_indicator(
        f,
        "tidy1",
        "value_type = \"proportion\"\n\n[input.tidy]\npublisher_file = \"tidy/t.csv\"\n",
    );
}

#[test]
fn tidy_rows_are_published_with_their_notes() {
    let f = fixture();
    tidy_indicator(
        &f,
        "E09000030,2017/18,,,70.35,,,Paragraph 3.20\nE09000030,2018/19,10,20,50,40,60,\n\
         E92000001,2018/19,,,,,,Not published (x)\n",
    );
    let output = f.build().expect("builds");
    let shard = output
        .shards
        .iter()
        .find(|s| s.indicator == "tidy1")
        .expect("shard");
    let p = shard.point("E09000030", "2017/18").expect("point");
    assert_eq!(p.value, Some(70.35));
    assert_eq!(p.note.as_deref(), Some("Paragraph 3.20"));
    let p = shard.point("E09000030", "2018/19").expect("point");
    assert_eq!((p.count, p.denominator), (Some(10.0), Some(20.0)));
    assert_eq!(p.ci95.map(|c| (c.lower, c.upper)), Some((40.0, 60.0)));
    let x = shard.point("E92000001", "2018/19").expect("point");
    assert_eq!(x.value, None);
    // The manifest lists it in framework order, after indicator 1.
    let ids: Vec<&str> = output
        .manifest
        .indicators
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["1", "tidy1"]);
}

#[test]
fn tidy_errors_point_at_the_cell() {
    // An empty value without a note.
    let f = fixture();
    tidy_indicator(&f, "E09000030,2017/18,,,,,,\n");
    match f.build() {
        Err(Error::Invalid { at, .. }) => {
            assert!(at.file.ends_with("publisher/tidy/t.csv"));
            assert_eq!((at.line, at.column), (2, Column::Named("value".into())));
        }
        other => panic!("unexpected {other:?}"),
    }
    // An unknown area, a duplicate row, a numerator above its denominator.
    let f = fixture();
    tidy_indicator(&f, "E09000099,2017/18,,,1,,,\n");
    assert!(matches!(f.build(), Err(Error::UnknownArea { code, .. }) if code == "E09000099"));
    let f = fixture();
    tidy_indicator(&f, "E09000030,2017/18,,,1,,,\nE09000030,2017/18,,,1,,,\n");
    assert!(
        matches!(f.build(), Err(Error::ConflictingDuplicate { first_line: 2, at, .. }) if at.line == 3)
    );
    let f = fixture();
    tidy_indicator(&f, "E09000030,2017/18,30,20,1,,,\n");
    assert!(matches!(
        f.build(),
        Err(Error::CountAboveDenominator { .. })
    ));
}

#[test]
fn an_indicator_file_must_be_named_by_its_id_and_be_in_the_framework() {
    let f = fixture();
    tidy_indicator(&f, "E09000030,2017/18,,,1,,,\n");
    std::fs::rename(
        f.path("publisher/indicators/tidy1.toml"),
        f.path("publisher/indicators/other.toml"),
    )
    .expect("rename");
    match f.build() {
        Err(Error::Invalid { at, message }) => {
            assert!(at.file.ends_with("other.toml"), "{message}");
            assert_eq!(at.line, 1);
        }
        other => panic!("unexpected {other:?}"),
    }
    let f = fixture();
    tidy_indicator(&f, "E09000030,2017/18,,,1,,,\n");
    f.edit("publisher/framework.toml", ", \"tidy1\"", "");
    assert!(
        matches!(f.build(), Err(Error::Invalid { message, .. }) if message.contains("no I statement"))
    );
}

#[test]
fn table_inputs_filter_restyle_and_compute() {
    let f = fixture();
    f.write(
        "sources/table.csv",
        "year,la,region,country,name,group,num,den,val\n\
         201819,E09000030,,,,A,25,100,x\n\
         201819,,,E92000001,,A,50,1000,5\n\
         201819,,,,London,A,10,100,3\n\
         201819,E09000030,,,,B,1,2,3\n",
    );
    add_indicator(
        &f,
        "tab",
        "value_type = \"proportion\"\n\n[input.table]\nfile = \"table.csv\"\n\
         area_columns = [\"la\", \"region\", \"country\"]\nname_column = \"name\"\n\
         area_names = { London = \"E12000007\" }\nperiod_column = \"year\"\n\
         period_style = \"compact\"\nnumerator_column = \"num\"\ndenominator_column = \"den\"\n\
         compute_intervals = true\nfilter = { group = \"A\" }\n",
    );
    let output = f.build().expect("builds");
    let shard = output
        .shards
        .iter()
        .find(|s| s.indicator == "tab")
        .expect("shard");
    assert_eq!(shard.periods, ["2018/19"]);
    let th = shard.point("E09000030", "2018/19").expect("borough");
    let (value, ci) = proportion(25.0, 100.0, 100.0, Confidence::Percent95).expect("valid");
    assert_eq!(th.value, Some(value));
    assert_eq!(
        th.ci95.map(|c| c.lower),
        Some((ci.lower * 1e4).round() / 1e4)
    );
    assert_eq!(
        shard.point("E12000007", "2018/19").and_then(|p| p.value),
        Some(10.0)
    );
    assert_eq!(shard.values.len(), 3);
}

#[test]
fn table_markers_become_notes_and_bad_periods_fail() {
    let f = fixture();
    f.write(
        "sources/ks.csv",
        "time_period,new_la_code,region_code,country_code,v\n\
         201920,E09000030,,,x\n201819,,E13000001,E92000001,71\n",
    );
    let body = "value_type = \"proportion\"\n\n[input.table]\nfile = \"ks.csv\"\n\
         area_columns = [\"new_la_code\", \"region_code\", \"country_code\"]\n\
         period_column = \"time_period\"\nperiod_style = \"compact\"\nvalue_column = \"v\"\n\
         not_published = { x = \"Not published (x)\" }\n";
    add_indicator(&f, "ks", body);
    let output = f.build().expect("builds");
    let shard = output
        .shards
        .iter()
        .find(|s| s.indicator == "ks")
        .expect("shard");
    let x = shard.point("E09000030", "2019/20").expect("x point");
    assert_eq!(
        (x.value, x.note.as_deref()),
        (None, Some("Not published (x)"))
    );
    assert_eq!(
        shard.point("E13000001", "2018/19").and_then(|p| p.value),
        Some(71.0)
    );

    f.edit("sources/ks.csv", "201819,", "2018-19,");
    match f.build() {
        Err(Error::BadPeriod { at, text }) => {
            assert_eq!(text, "2018-19");
            assert_eq!(
                (at.line, at.column),
                (3, Column::Named("time_period".into()))
            );
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn lsoa_deciles_are_counted_by_ward_without_suppression() {
    let f = fixture();
    f.write(
        "sources/imd.csv",
        "lsoa,decile\nL1,1\nL2,3\nL3,1\nL4,1\nL5,10\n",
    );
    f.write(
        "sources/summary.csv",
        "code,prop\nE09000030,0.6\nE09000001,0.0\n",
    );
    add_indicator(
        &f,
        "imd",
        "value_type = \"proportion\"\nlookups = [\"lsoa-ward\"]\ndisclosure_control = false\n\n\
         [input.lsoa_decile]\nfile = \"imd.csv\"\nlsoa_column = \"lsoa\"\n\
         decile_column = \"decile\"\nperiod = \"2019\"\n\n\
         [[extra_inputs]]\n[extra_inputs.table]\nfile = \"summary.csv\"\narea_columns = [\"code\"]\n\
         period = \"2019\"\nvalue_column = \"prop\"\nscale = 100\n",
    );
    let output = f.build().expect("builds");
    let shard = output
        .shards
        .iter()
        .find(|s| s.indicator == "imd")
        .expect("shard");
    let w1 = shard.point("W1", "2019").expect("ward one");
    assert_eq!(
        (w1.count, w1.denominator, w1.value),
        (Some(1.0), Some(2.0), Some(50.0))
    );
    assert!(w1.suppressed.is_none());
    let w2 = shard.point("W2", "2019").expect("ward two");
    assert_eq!((w2.count, w2.denominator), (Some(2.0), Some(3.0)));
    // The borough is summed from its LSOAs; the summary fills other boroughs.
    let th = shard.point("E09000030", "2019").expect("borough");
    assert_eq!((th.origin, th.count), (Origin::Aggregated, Some(3.0)));
    let city = shard.point("E09000001", "2019").expect("city");
    assert_eq!((city.origin, city.value), (Origin::Published, Some(0.0)));

    f.edit("sources/imd.csv", "L5,10", "L5,11");
    assert!(matches!(f.build(), Err(Error::Invalid { at, .. }) if at.line == 6));
    f.edit("sources/imd.csv", "L5,11", "L9,1");
    assert!(matches!(f.build(), Err(Error::UnknownArea { code, .. }) if code == "L9"));
}

#[test]
fn headline_figures_keep_the_stated_period() {
    let f = fixture();
    f.write(
        "sources/headline.csv",
        "metric,area,value,unit,period_as_stated,comparator,comparator_value,notes\n\
         LE,Tower Hamlets,79.3,years,\"ONS, 2019\",England (national average),79.5,\n\
         LE,Tower Hamlets,78.1,years,not stated (page 2018-19),England,79.6,\n\
         HLE,Tower Hamlets,60.5,years,2019,,,\n",
    );
    add_indicator(
        &f,
        "le",
        "value_type = \"mean\"\n\n[input.headline_figures]\nfile = \"headline.csv\"\n\
         filter = { metric = \"LE\" }\n",
    );
    let output = f.build().expect("builds");
    let shard = output
        .shards
        .iter()
        .find(|s| s.indicator == "le")
        .expect("shard");
    assert_eq!(shard.values.len(), 2);
    let th = shard.point("E09000030", "2019").expect("borough");
    assert_eq!(th.value, Some(79.3));
    assert!(th
        .note
        .as_deref()
        .is_some_and(|n| n.contains("\"ONS, 2019\"")));
    assert_eq!(
        shard.point("E92000001", "2019").and_then(|p| p.value),
        Some(79.5)
    );
}

#[test]
fn health_challenges_and_boundaries_are_published_and_referenced() {
    let f = fixture();
    f.write(
        "publisher/health_challenges.toml",
        "[document]\ntitle = \"Doc\"\npublisher = \"THT\"\n\n[[statistics]]\nid = \"a\"\n\
         label = \"L\"\npercent = 47\ncomparison_percent = 20\ncomparison_label = \"everyone\"\n\
         text = \"47% vs 20%\"\nsection = \"Page 7\"\n",
    );
    f.write(
        "publisher/boundaries.toml",
        "[[boundaries]]\nlevel = \"ward\"\ntopology = \"wards.topo.json\"\nobject = \"wards\"\n\
         code_property = \"CODE\"\nout = \"boundaries/wards.json\"\ntolerance = 0.001\n\
         source = \"S\"\nattribution = \"A\"\n",
    );
    // Two unit squares side by side; arc 0 is their common edge. W2 is listed first.
    f.write(
        "sources/wards.topo.json",
        r#"{"type":"Topology","arcs":[[[1,0],[1,0.5],[1,1]],[[1,1],[0,1],[0,0],[1,0]],
           [[1,0],[1.5,0.0000001],[1.9999999,0],[1.9999999,1],[1,1]]],
           "objects":{"wards":{"type":"GeometryCollection","geometries":[
           {"type":"Polygon","arcs":[[2,-1]],"properties":{"CODE":"W2"}},
           {"type":"Polygon","arcs":[[0,1]],"properties":{"CODE":"W1"}}]}}}"#,
    );
    let output = f.build().expect("builds");
    let manifest = &output.manifest;
    assert_eq!(
        manifest.health_challenges.as_deref(),
        Some("health_challenges.json")
    );
    let stats = output.health_challenges.as_ref().expect("statistics");
    assert_eq!(stats.statistics[0].comparison_percent, Some(20.0));
    assert_eq!(stats.statistics[0].citation.section, "Page 7");
    assert_eq!(manifest.boundaries[0].level, AreaLevel::Ward);
    let features = output.boundaries[0].geojson["features"]
        .as_array()
        .expect("features");
    // In areas.csv order, named from areas.csv, simplified and rounded to 5 places.
    assert_eq!(features[0]["properties"]["code"], "W1");
    assert_eq!(features[0]["properties"]["name"], "Ward one");
    let ring = features[0]["geometry"]["coordinates"][0]
        .as_array()
        .expect("ring");
    assert_eq!(ring.len(), 5);
    assert_eq!(ring[1][0].as_f64(), Some(1.0));

    // Every file is written, and only under the output folder.
    let files = outcomes_data::write::render(&output).expect("renders");
    assert!(files.contains_key("health_challenges.json"));
    assert!(files.contains_key("boundaries/wards.json"));

    // A ward without a boundary is an error.
    f.append("publisher/areas.csv", "W3,Ward three,ward,E09000030,");
    assert!(matches!(f.build(), Err(Error::Invalid { message, .. }) if message.contains("W3")));
}

#[test]
fn a_bad_health_statistic_is_refused_with_its_line() {
    let f = fixture();
    f.write(
        "publisher/health_challenges.toml",
        "[document]\ntitle = \"Doc\"\npublisher = \"THT\"\n\n[[statistics]]\nid = \"a\"\n\
         label = \"L\"\npercent = 147\ntext = \"T\"\nsection = \"S\"\n",
    );
    match f.build() {
        Err(Error::Invalid { at, .. }) => {
            assert!(at.file.ends_with("health_challenges.toml"));
            assert_eq!(at.line, 8);
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn each_format_refuses_the_settings_of_another_at_their_line() {
    let f = fixture();
    // `value_column` belongs to the table format; the headline format does not take it.
    add_indicator(
        &f,
        "le",
        "value_type = \"mean\"\n\n[input.headline_figures]\nfile = \"headline.csv\"\n\
         filter = { metric = \"LE\" }\nvalue_column = \"value\"\n",
    );
    match f.build() {
        Err(Error::Toml { at, message }) => {
            assert!(at.file.ends_with("le.toml"), "{at}");
            assert_eq!(at.line, 17, "{message}");
            assert!(message.contains("value_column"), "{message}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn an_unknown_format_names_the_formats_there_are() {
    let f = fixture();
    add_indicator(
        &f,
        "x",
        "value_type = \"mean\"\n\n[input.spreadsheet]\nfile = \"x.csv\"\n",
    );
    match f.build() {
        Err(Error::Toml { at, message }) => {
            assert_eq!(at.line, 14, "{message}");
            assert!(message.contains("spreadsheet"), "{message}");
            assert!(message.contains("fingertips"), "{message}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_format_rule_is_reported_at_its_input_section() {
    let f = fixture();
    // A table needs exactly one of a period column or a period.
    add_indicator(
        &f,
        "t",
        "value_type = \"mean\"\n\n[input.table]\nfile = \"t.csv\"\narea_columns = [\"a\"]\n\
         value_column = \"v\"\n",
    );
    match f.build() {
        Err(Error::Invalid { at, message }) => {
            assert!(at.file.ends_with("t.toml"), "{at}");
            assert_eq!(at.line, 14, "{message}");
            assert!(message.contains("period_column or period"), "{message}");
        }
        other => panic!("unexpected {other:?}"),
    }
    // A period the explorer cannot read is shown where it is written.
    f.edit(
        "publisher/indicators/t.toml",
        "value_column = \"v\"",
        "value_column = \"v\"\nperiod = \"2019-20\"",
    );
    match f.build() {
        Err(Error::BadPeriod { at, text }) => {
            assert_eq!((at.line, text.as_str()), (18, "2019-20"));
        }
        other => panic!("unexpected {other:?}"),
    }
}
