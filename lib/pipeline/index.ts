export { recommendRequestSchema, type RecommendResponse } from "./contract";
export type { Engine } from "./engine";
export { recommend } from "./recommend";
