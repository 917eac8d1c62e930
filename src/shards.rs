//! Indicator shards are fetched when first needed and kept for the rest of the visit, so
//! going back to an indicator costs no request.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use outcomes_core::model::Shard;

use crate::data::{load_shard, LoadError};

/// The shards loaded so far, by path.
#[derive(Clone, Copy)]
pub struct ShardCache(StoredValue<HashMap<String, Arc<Shard>>, LocalStorage>);

impl ShardCache {
    /// Creates the cache and provides it to every component below.
    pub fn provide() {
        provide_context(ShardCache(StoredValue::new_local(HashMap::new())));
    }

    /// The cache provided by the shell, or a private one outside it.
    pub fn get() -> ShardCache {
        use_context::<ShardCache>()
            .unwrap_or_else(|| ShardCache(StoredValue::new_local(HashMap::new())))
    }

    /// The shard at `path`, from the cache or the network. Failures are not cached, so
    /// "Try again" really tries again.
    pub async fn load(self, path: String) -> Result<Arc<Shard>, LoadError> {
        if let Some(shard) = self.0.with_value(|cache| cache.get(&path).cloned()) {
            return Ok(shard);
        }
        let shard = Arc::new(load_shard(&path).await?);
        self.0.update_value(|cache| {
            cache.insert(path, shard.clone());
        });
        Ok(shard)
    }
}
