import { sparseFromTriples, type SparseMatrix } from "../../../lib/retrieval/sparse-matrix";

/**
 * Two obvious taste clusters: users 0–9 interact with items 0–4 (westerns), users 10–19 with
 * items 5–9 (cartoons); each user skips one item of their cluster so the model has to generalise.
 * Item 10 has no interactions.
 */
export function twoClusterMatrix(strength = 5): SparseMatrix {
  const users: number[] = [];
  const items: number[] = [];
  for (let user = 0; user < 20; user += 1) {
    const first = user < 10 ? 0 : 5;
    for (let offset = 0; offset < 5; offset += 1) {
      if (offset === user % 5) continue;
      users.push(user);
      items.push(first + offset);
    }
  }
  return sparseFromTriples(20, 11, users, items, new Float32Array(users.length).fill(strength));
}

export const clusterOf = (item: number) => (item < 5 ? 0 : 1);

export function cosine(vectors: Float32Array, dimensions: number, a: number, b: number): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let column = 0; column < dimensions; column += 1) {
    const x = vectors[a * dimensions + column];
    const y = vectors[b * dimensions + column];
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return dot / Math.sqrt(normA * normB);
}

export function dot(left: Float32Array, leftRow: number, right: Float32Array, rightRow: number, dimensions: number): number {
  let sum = 0;
  for (let column = 0; column < dimensions; column += 1) sum += left[leftRow * dimensions + column] * right[rightRow * dimensions + column];
  return sum;
}
