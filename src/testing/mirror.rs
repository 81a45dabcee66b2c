//! Swapping A and B must swap the sides of a comparison and change nothing else. These
//! functions turn a comparison's JSON into a form in which `compare(a, b)` and `compare(b, a)`
//! can be compared exactly.
//!
//! What legitimately differs is left out of that form: the order in which section pairs and
//! items are listed (reading order follows A), the item positions that point into that order
//! (`twin`, a commitment's `item`), the shared phrases (A's stretches, by definition), and the
//! character diff of a changed pair (any shortest edit is right, and which one a diff picks
//! depends on its direction; [`super::invariants`] checks that each side's text reads back
//! from it). Everything else must swap exactly: figures, kinds, counts, each side's text,
//! sentence index, coverage and shared stretches, section pairs.

use serde_json::{Map, Value};

/// The JSON of `compare(a, b)` as `compare(b, a)` must look, in [`order_free`] form.
pub fn mirrored(json: &Value) -> Value {
    order_free(&swap_sides(json, None))
}

/// A comparison's JSON without what depends on the order in which things are listed.
pub fn order_free(json: &Value) -> Value {
    let mut json = json.clone();
    if let Value::Object(map) = &mut json {
        map.remove("shared_phrases");
        if let Some(Value::Array(sections)) = map.get_mut("sections") {
            for section in sections.iter_mut() {
                if let Some(Value::Array(items)) = section.get_mut("items") {
                    for item in items.iter_mut() {
                        drop_key(item, "twin");
                        drop_key(item, "diff");
                    }
                    sort_by_text(items);
                }
            }
            sort_by_text(sections);
        }
        if let Some(Value::Object(commitments)) = map.get_mut("commitments") {
            for list in commitments.values_mut() {
                if let Value::Array(list) = list {
                    list.iter_mut().for_each(|c| drop_key(c, "item"));
                }
            }
        }
    }
    json
}

/// Where two JSON values first differ: the path and both values there (shortened), or `None`
/// when they are equal. For failure messages that must stay readable.
pub fn first_difference(a: &Value, b: &Value) -> Option<String> {
    match (a, b) {
        _ if a == b => None,
        (Value::Object(x), Value::Object(y)) => {
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            keys.into_iter().find_map(|k| {
                let (va, vb) = (
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                );
                first_difference(va, vb).map(|d| format!(".{k}{d}"))
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (va, vb))| first_difference(va, vb).map(|d| format!("[{i}]{d}"))),
        _ => {
            let short = |v: &Value| v.to_string().chars().take(300).collect::<String>();
            Some(format!(": {} / {}", short(a), short(b)))
        }
    }
}

fn drop_key(value: &mut Value, key: &str) {
    if let Value::Object(map) = value {
        map.remove(key);
    }
}

fn sort_by_text(values: &mut [Value]) {
    values.sort_by_cached_key(Value::to_string);
}

/// Swap `a`/`b` keys, `a_`/`b_` prefixed keys and the values that name a side. `key` is the
/// key `value` stands under.
fn swap_sides(value: &Value, key: Option<&str>) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (swapped_key(k), swap_sides(v, Some(k))))
                .collect::<Map<String, Value>>(),
        ),
        Value::Array(values) => Value::Array(values.iter().map(|v| swap_sides(v, key)).collect()),
        Value::String(s) if matches!(key, Some("kind" | "here" | "op")) => {
            Value::String(swapped_name(s))
        }
        other => other.clone(),
    }
}

fn swapped_key(key: &str) -> String {
    match key {
        "a" => "b".to_string(),
        "b" => "a".to_string(),
        _ => match (key.strip_prefix("a_"), key.strip_prefix("b_")) {
            (Some(rest), _) => format!("b_{rest}"),
            (_, Some(rest)) => format!("a_{rest}"),
            _ => key.to_string(),
        },
    }
}

fn swapped_name(name: &str) -> String {
    match name {
        "a" => "b",
        "b" => "a",
        "a_only" => "b_only",
        "b_only" => "a_only",
        other => other,
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn swaps_keys_prefixes_and_side_names_but_not_text() {
        let ab = json!({"a": {"path": "x"}, "b": {"path": "y"},
            "summary": {"a_reuse": 0.5, "b_reuse": 1.0, "counts": {"a_only": 1, "b_only": 2}},
            "sections": [{"a_heading": "h", "b_heading": null, "items": [
                {"kind": "a_only", "here": "a", "a": {"text": "a_only"}, "b": null, "twin": null}]}],
            "commitments": {"a": [{"kind": "a_only", "text": "a", "item": {"section": 0}}], "b": []},
            "shared_phrases": []});
        let ba = json!({"a": {"path": "y"}, "b": {"path": "x"},
            "summary": {"a_reuse": 1.0, "b_reuse": 0.5, "counts": {"a_only": 2, "b_only": 1}},
            "sections": [{"a_heading": null, "b_heading": "h", "items": [
                {"kind": "b_only", "here": "b", "b": {"text": "a_only"}, "a": null, "twin": null}]}],
            "commitments": {"b": [{"kind": "b_only", "text": "a", "item": {"section": 3}}], "a": []},
            "shared_phrases": [{"text": "differs"}]});
        assert_eq!(mirrored(&ab), order_free(&ba));
        assert_ne!(order_free(&ab), order_free(&ba));
    }
}
