export {
  MAX_QUERY_CHARACTERS,
  recommendRequestSchema,
  recommendResponseSchema,
  type ParsedRecommendRequest,
  type RecommendedItem,
  type RecommendRequest,
  type RecommendResponse,
  type RouteInfo,
} from "./contract";
export type { Engine } from "./engine";
export { recommend } from "./recommend";
