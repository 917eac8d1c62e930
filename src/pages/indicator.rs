//! The indicator view: one indicator's areas compared for its latest period.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::area_comparison::{area_comparison, latest_period_at};
use outcomes_core::model::{AreaLevel, IndicatorMeta, Manifest};

use crate::components::chart_block::ChartBlock;
use crate::components::load_error::LoadErrorMessage;
use crate::data::load_shard;

/// Loads the indicator's shard and shows its localities compared with the borough.
#[component]
pub fn IndicatorPage(manifest: Arc<Manifest>, indicator: IndicatorMeta) -> impl IntoView {
    let shard_path = indicator.shard.clone();
    let shard = LocalResource::new(move || {
        let path = shard_path.clone();
        async move { load_shard(&path).await }
    });
    let level = AreaLevel::Locality;
    let lookups = indicator
        .lookups
        .iter()
        .filter_map(|id| manifest.lookup(id).cloned())
        .collect::<Vec<_>>();

    view! {
        <Transition fallback=|| view! { <p class="loading">"Loading the figures…"</p> }>
            {move || {
                let manifest = manifest.clone();
                let indicator = indicator.clone();
                let lookups = lookups.clone();
                Suspend::new(async move {
                    match shard.await {
                        Err(error) => {
                            view! {
                                <LoadErrorMessage error retry=Callback::new(move |_| shard.refetch()) />
                            }
                                .into_any()
                        }
                        Ok(shard) => {
                            let Some(period) = latest_period_at(&manifest, &shard, level) else {
                                return view! {
                                    <p class="note" role="status">
                                        {format!("{} has no values for localities yet.", indicator.title)}
                                    </p>
                                }
                                    .into_any();
                            };
                            let comparison = area_comparison(&manifest, &indicator, &shard, level, &period);
                            view! {
                                <ChartBlock indicator view=Signal::stored(comparison) lookups />
                            }
                                .into_any()
                        }
                    }
                })
            }}
        </Transition>
    }
}
