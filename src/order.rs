//! The first few of a long list in a total order, which every ranked list of Wenxi's needs
//! (n-grams, keyness, TF-IDF): a selection, then a sort of only what is kept.

use std::cmp::Ordering;

/// Keep the first `limit` of `items` in `order` (a total order), sorted by it. Selecting
/// first makes this linear in the list plus a sort of `limit`, where sorting all would be
/// n log n; the result is the same, since the order is total.
pub fn keep_first<T>(items: &mut Vec<T>, limit: usize, order: impl Fn(&T, &T) -> Ordering) {
    if limit < items.len() {
        if limit == 0 {
            items.clear();
            return;
        }
        items.select_nth_unstable_by(limit - 1, &order);
        items.truncate(limit);
    }
    items.sort_by(order);
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_first_in_order() {
        let mut v = vec![5, 1, 4, 2, 3];
        super::keep_first(&mut v, 3, |a, b| b.cmp(a));
        assert_eq!(v, [5, 4, 3]);
        let mut all = vec![2, 1];
        super::keep_first(&mut all, 9, |a: &i32, b| a.cmp(b));
        assert_eq!(all, [1, 2]);
        super::keep_first(&mut all, 0, |a: &i32, b| a.cmp(b));
        assert!(all.is_empty());
    }
}
