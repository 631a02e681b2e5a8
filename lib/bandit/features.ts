import type { Item } from "../catalog/item";
import { sessionLengthBucket, TIME_OF_DAY, timeOfDay, type BanditContext } from "./context";
import { hashString } from "./random";

/**
 * Bumped whenever a feature's meaning changes. Logged with every impression: a bandit state
 * can only replay impressions whose features were built by the same version.
 */
export const FEATURE_VERSION = 1;

/** A sparse feature vector: parallel lists of hashed indexes and values. JSON-serialisable. */
export interface SparseFeatures {
  indexes: number[];
  values: number[];
}

// One namespace per feature family; crossing with the explanation kind lets each family's
// effect differ by explanation, which is what the bandit is learning.
const enum Namespace {
  Bias = 1,
  Kind,
  KindStrength,
  RelevanceScaled,
  RelevanceRank,
  KindRelevance,
  Position,
  KindPosition,
  Popularity,
  KindPopularity,
  KindPath,
  KindTimeOfDay,
  KindSessionLength,
  KindUser,
  KindConstraints,
  RatingBucket,
  KindGenre,
}

/** Final mixer of MurmurHash3: spreads small integers over 32 bits. */
function mix(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** Hashes a namespace and up to three integers into [0, dimension); dimension is a power of two. */
function featureIndex(dimension: number, namespace: number, first = 0, second = 0, third = 0): number {
  let hash = mix(namespace * 0x9e3779b1);
  hash = mix(hash ^ Math.imul(first + 1, 0x85ebca6b));
  hash = mix(hash ^ Math.imul(second + 1, 0xc2b2ae35));
  hash = mix(hash ^ Math.imul(third + 1, 0x27d4eb2f));
  return hash & (dimension - 1);
}

/** The request-level facts every feature of a request shares, hashed once. */
export interface ContextKey {
  path: number;
  timeOfDay: number;
  sessionLength: number;
  /** Hash of the user key, or -1 when there is none. */
  user: number;
  /** Bit mask: 1 runtime limit, 2 mood text, 4 genres asked, 8 liked items known. */
  constraints: number;
}

export function contextKey(context: BanditContext): ContextKey {
  const { constraints } = context;
  return {
    path: context.path === "fast" ? 0 : 1,
    timeOfDay: TIME_OF_DAY.indexOf(timeOfDay(context.hourOfDay)),
    sessionLength: sessionLengthBucket(context.sessionTurns),
    user: context.userKey === null ? -1 : hashString(context.userKey) & 0x7fffffff,
    constraints: (constraints.runtimeMaxMinutes !== null ? 1 : 0) | (constraints.moodText ? 2 : 0) | (constraints.genres.length > 0 ? 4 : 0) | (context.likedItemIndexes.length > 0 ? 8 : 0),
  };
}

/** 0 unrated, 1: 1–9 ratings, 2: 10–49, 3: 50–199, 4: 200+. */
function popularityBucket(item: Item): number {
  const count = item.ratingCount;
  if (count === 0) return 0;
  if (count < 10) return 1;
  if (count < 50) return 2;
  return count < 200 ? 3 : 4;
}

/** 0 unknown, 1 below 3, 2 below 3.5, 3 below 4, 4 at least 4 (MovieLens mean). */
function ratingBucket(item: Item): number {
  const mean = item.ratingMean;
  if (mean === null || item.ratingCount === 0) return 0;
  if (mean < 3) return 1;
  if (mean < 3.5) return 2;
  return mean < 4 ? 3 : 4;
}

export interface ActionFeatureInput {
  item: Item;
  kindIndex: number;
  /** The arm's strength, 0..1. */
  strength: number;
  /** Relevance min–max scaled within the request's candidates, 0..1 (1 = most relevant). */
  relevanceScaled: number;
  /** 1 − rank/(n − 1) within the request's candidates, 0..1 (1 = first). */
  relevanceRank: number;
}

/** Features of an (item, explanation) action that do not depend on the slot it is shown in. */
export function actionFeatures(dimension: number, key: ContextKey, input: ActionFeatureInput): SparseFeatures {
  const { item, kindIndex, strength, relevanceScaled, relevanceRank } = input;
  const indexes: number[] = [];
  const values: number[] = [];
  const add = (index: number, value = 1) => {
    indexes.push(index);
    values.push(value);
  };
  const popularity = popularityBucket(item);
  add(featureIndex(dimension, Namespace.Bias));
  add(featureIndex(dimension, Namespace.Kind, kindIndex));
  if (strength > 0) add(featureIndex(dimension, Namespace.KindStrength, kindIndex), strength);
  add(featureIndex(dimension, Namespace.RelevanceScaled), relevanceScaled);
  add(featureIndex(dimension, Namespace.RelevanceRank), relevanceRank);
  add(featureIndex(dimension, Namespace.KindRelevance, kindIndex), relevanceScaled);
  add(featureIndex(dimension, Namespace.Popularity, popularity));
  add(featureIndex(dimension, Namespace.KindPopularity, kindIndex, popularity));
  add(featureIndex(dimension, Namespace.RatingBucket, ratingBucket(item)));
  add(featureIndex(dimension, Namespace.KindPath, kindIndex, key.path));
  add(featureIndex(dimension, Namespace.KindTimeOfDay, kindIndex, key.timeOfDay));
  add(featureIndex(dimension, Namespace.KindSessionLength, kindIndex, key.sessionLength));
  add(featureIndex(dimension, Namespace.KindConstraints, kindIndex, key.constraints));
  if (key.user >= 0) add(featureIndex(dimension, Namespace.KindUser, kindIndex, key.user));
  if (item.genres.length > 0) add(featureIndex(dimension, Namespace.KindGenre, kindIndex, hashString(item.genres[0]) & 0xffff));
  return { indexes, values };
}

/** Position buckets for the kind × position cross: first, second, third, the rest. */
const positionBucket = (position: number) => Math.min(position, 3);

/** Features of showing an explanation kind in a slot (0-based position). */
export function positionFeatures(dimension: number, kindIndex: number, position: number): SparseFeatures {
  return {
    indexes: [featureIndex(dimension, Namespace.Position, Math.min(position, 9)), featureIndex(dimension, Namespace.KindPosition, kindIndex, positionBucket(position))],
    values: [1, 1],
  };
}

/** The hashed index of the scaled-relevance feature, which carries a positive prior mean. */
export function relevanceFeatureIndex(dimension: number): number {
  return featureIndex(dimension, Namespace.RelevanceScaled);
}

export function concatFeatures(first: SparseFeatures, second: SparseFeatures): SparseFeatures {
  return { indexes: [...first.indexes, ...second.indexes], values: [...first.values, ...second.values] };
}
