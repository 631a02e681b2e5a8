// The chat: the message type shared by /api/chat and useChat, and the server side of one turn.
// chat-message.ts holds types only and is safe for components/, as are the pure helpers
// plain-words.ts, transcript.ts and poster-art.ts (components/ import them by path); chat-turn.ts is server code.
export { type ChatMessage, type NarrationData, type RecommendationsData } from "./chat-message";
export { writeChatTurn, type ChatTurnDependencies } from "./chat-turn";
export { createLlmReplyWriter } from "./llm-reply";
export type { ProgressiveRecommend } from "./progressive-recommend";
