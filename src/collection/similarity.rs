//! Document similarity: the cosine of term-count vectors, and an order of the documents from
//! an agglomerative clustering, for drawing the matrix with similar documents together.

use serde::Serialize;

/// How alike the documents are, by their content words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Similarity {
    /// `matrix[i][j]`: the cosine of documents i and j's content-word count vectors, 0..=1
    /// (symmetric; 1 on the diagonal, 0 for a document without content words).
    pub matrix: Vec<Vec<f64>>,
    /// Every document index once, in the leaf order of an average-linkage clustering on
    /// 1 − cosine, ties joined lowest indices first: the order to draw the matrix in.
    pub order: Vec<u32>,
}

/// The cosine similarity of sparse count vectors, each a list of `(term id, count)` in id
/// order. Dot products and norms are sums of integers, so they are exact whatever the order
/// of summation; only the final division is in floating point.
///
/// ```
/// use wenxi::collection::cosine_matrix;
/// let m = cosine_matrix(&[vec![(0, 3), (1, 1)], vec![(1, 2), (2, 2)]]);
/// // (3·0 + 1·2 + 0·2) / (√10 · √8)
/// assert!((m[0][1] - 2.0 / 80f64.sqrt()).abs() < 1e-12);
/// ```
pub fn cosine_matrix(vectors: &[Vec<(u32, u32)>]) -> Vec<Vec<f64>> {
    let n = vectors.len();
    let norms: Vec<f64> = vectors
        .iter()
        .map(|v| {
            let sq: u64 = v.iter().map(|&(_, c)| u64::from(c) * u64::from(c)).sum();
            (sq as f64).sqrt()
        })
        .collect();
    let mut m = vec![vec![0.0; n]; n];
    // Document i's counts spread over a dense row, so that each later document's dot product
    // with it is one lookup per word it has (a merge of two sorted lists costs twice that in
    // branches; this is the report's costliest step for hundreds of documents).
    let terms = vectors
        .iter()
        .filter_map(|v| v.last())
        .map(|&(id, _)| id as usize + 1)
        .max()
        .unwrap_or(0);
    let mut row = vec![0u32; terms];
    for i in 0..n {
        if norms[i] > 0.0 {
            m[i][i] = 1.0;
        }
        for &(id, c) in &vectors[i] {
            row[id as usize] = c;
        }
        for j in i + 1..n {
            let dot: u64 = vectors[j]
                .iter()
                .map(|&(id, c)| u64::from(row[id as usize]) * u64::from(c))
                .sum();
            let cos = if dot == 0 {
                0.0
            } else {
                // Rounding can take a vector against itself a hair above 1.
                (dot as f64 / (norms[i] * norms[j])).min(1.0)
            };
            m[i][j] = cos;
            m[j][i] = cos;
        }
        for &(id, _) in &vectors[i] {
            row[id as usize] = 0;
        }
    }
    m
}

/// The dot product of two sorted sparse vectors by merging them: the tests' reference for the
/// dense rows of [`cosine_matrix`].
#[cfg(test)]
fn dot(x: &[(u32, u32)], y: &[(u32, u32)]) -> u64 {
    let (mut i, mut j, mut sum) = (0, 0, 0u64);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += u64::from(x[i].1) * u64::from(y[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The leaf order of an agglomerative clustering of the documents with average linkage
/// (UPGMA; Sokal & Michener 1958) on the distance 1 − similarity. Each step joins the two
/// closest clusters, ties going to the pair with the lowest indices (a cluster is indexed by
/// its first document); the joined cluster lists the lower-indexed cluster's documents, then
/// the other's. Distances to the joined cluster follow Lance & Williams (1967): the size-
/// weighted mean of the distances to its two parts. O(n³) time, O(n²) memory.
///
/// ```
/// use wenxi::collection::cluster_order;
/// // 0 and 2 are closest: they are joined first and drawn side by side.
/// let s = [[1.0, 0.1, 0.9], [0.1, 1.0, 0.2], [0.9, 0.2, 1.0]];
/// let s: Vec<Vec<f64>> = s.iter().map(|r| r.to_vec()).collect();
/// assert_eq!(cluster_order(&s), [0, 2, 1]);
/// ```
pub fn cluster_order(similarity: &[Vec<f64>]) -> Vec<u32> {
    let n = similarity.len();
    let mut dist: Vec<Vec<f64>> = similarity
        .iter()
        .map(|row| row.iter().map(|s| 1.0 - s).collect())
        .collect();
    let mut members: Vec<Option<Vec<u32>>> = (0..n as u32).map(|i| Some(vec![i])).collect();
    for _ in 1..n {
        let mut best: Option<(f64, usize, usize)> = None;
        for i in (0..n).filter(|&i| members[i].is_some()) {
            for j in (i + 1..n).filter(|&j| members[j].is_some()) {
                // Strictly less: the first pair found (lowest i, then j) wins a tie.
                if best.is_none_or(|(d, _, _)| dist[i][j] < d) {
                    best = Some((dist[i][j], i, j));
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        let right = members[j].take().unwrap_or_default();
        let (ni, nj) = (
            members[i].as_ref().map_or(0, Vec::len) as f64,
            right.len() as f64,
        );
        for k in (0..n).filter(|&k| k != i && members[k].is_some()) {
            let d = (ni * dist[i][k] + nj * dist[j][k]) / (ni + nj);
            dist[i][k] = d;
            dist[k][i] = d;
        }
        if let Some(left) = members[i].as_mut() {
            left.extend(right);
        }
    }
    members.into_iter().flatten().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_single() {
        assert!(cosine_matrix(&[]).is_empty());
        assert!(cluster_order(&[]).is_empty());
        let m = cosine_matrix(&[vec![]]);
        assert_eq!(m, [[0.0]]);
        assert_eq!(cluster_order(&m), [0]);
    }

    #[test]
    fn dense_rows_give_the_merged_dot_products() {
        // Vectors of pseudo-random ids and counts (a fixed linear congruential sequence).
        let mut x = 12345u64;
        let mut next = |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        let vectors: Vec<Vec<(u32, u32)>> = (0..12)
            .map(|_| {
                let mut v: Vec<(u32, u32)> = (0..next(40))
                    .map(|_| (next(60) as u32, 1 + next(9) as u32))
                    .collect();
                v.sort_unstable();
                v.dedup_by_key(|e| e.0);
                v
            })
            .collect();
        let m = cosine_matrix(&vectors);
        let norm = |v: &[(u32, u32)]| (dot(v, v) as f64).sqrt();
        for i in 0..vectors.len() {
            for j in 0..vectors.len() {
                let d = dot(&vectors[i], &vectors[j]);
                let expected = if i == j {
                    if d > 0 {
                        1.0
                    } else {
                        0.0
                    }
                } else if d == 0 {
                    0.0
                } else {
                    (d as f64 / (norm(&vectors[i]) * norm(&vectors[j]))).min(1.0)
                };
                assert_eq!(m[i][j], expected, "{i} {j}");
            }
        }
    }

    #[test]
    fn ties_go_to_the_lowest_indices() {
        // All equally alike: joined in index order.
        let s = vec![vec![0.5; 4]; 4];
        assert_eq!(cluster_order(&s), [0, 1, 2, 3]);
    }

    #[test]
    fn the_order_lists_every_document_once() {
        let s: Vec<Vec<f64>> = (0..7)
            .map(|i| {
                (0..7)
                    .map(|j: i32| 1.0 / (1.0 + f64::from((i - j).abs() * ((i + j) % 3 + 1))))
                    .collect()
            })
            .collect();
        let mut order = cluster_order(&s);
        order.sort_unstable();
        assert_eq!(order, (0..7).collect::<Vec<u32>>());
    }
}
