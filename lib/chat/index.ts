// The chat: the message type shared by /api/chat and useChat, and the server side of one turn.
// chat-message.ts holds types only and is safe for components/, as are the pure helpers
// plain-words.ts, transcript.ts and poster-art.ts (components/ import them by path); chat-turn.ts is server code.
export {
  CHAT_PART_IDS,
  type ChatDataParts,
  type ChatMessage,
  type NarrationData,
  type NarrationSource,
  type RecommendationsData,
  type RecommendationsStage,
  type RouteDecisionData,
} from "./chat-message";
export { writeChatTurn, type ChatTurnDependencies, type ChatTurnInput, type NarrateInput } from "./chat-turn";
export { createLlmReplyWriter, type ReplyInput, type ReplyWriter, type TextStreamer } from "./llm-reply";
export { composeReply, replyString, type ReplyText } from "./reply-text";
export type { ProgressiveRecommend, RecommendProgressOptions } from "./progressive-recommend";
