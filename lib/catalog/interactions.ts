/**
 * MovieLens ratings in columnar form. `items[k]` is a dense catalog item index (position in
 * `Catalog.items`), `users[k]` a dense user index in 0..userCount-1, `ratings[k]` in 0.5..5.0 and
 * `timestamps[k]` in Unix seconds. Rows are sorted by user, then timestamp.
 */
export interface Interactions {
  userCount: number;
  users: Int32Array;
  items: Int32Array;
  ratings: Float32Array;
  timestamps: Int32Array;
  /** Original MovieLens userId for each dense user index. */
  userIds: Int32Array;
}
