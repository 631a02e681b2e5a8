"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { Fragment, useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import type { ChatMessage } from "../lib/chat/chat-message";
import { AnswerBlock, AnswerLoading, answerParts } from "./answer-block";
import { chatErrorMessage } from "./chat-errors";
import { ConversationActions } from "./conversation-actions";
import { DraftLimit, MAX_MESSAGE_CHARACTERS, useLimitedDraft } from "./draft-limit";
import { ExamplePrompts } from "./example-prompts";
import { FeedbackStatesProvider } from "./feedback-states";
import { FOCUS_RING } from "./focus-ring";
import { ReelIcon, SpeakerIcon } from "./icons";
import { StoppedNote } from "./stopped-note";
import { ThemeToggle } from "./theme-toggle";
import { useConversation, type Conversation } from "./use-conversation";
import { stopClick, submittedByStop, useStoppedTurns } from "./use-stop-draft";

const AUTO_PLAY_KEY = "reelcast:auto-play";

function userText(message: ChatMessage): string {
  return message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");
}

/** The chat: transcript of questions and answers, the composer, and the header controls. */
export function ChatPage() {
  // The stored conversation (use-conversation.ts): its session id survives a reload.
  const conversation = useRef<Conversation | null>(null);
  // The last narration's opening, sent back so the next answer opens with a different line.
  const previousOpeningId = useRef<string | null>(null);
  const [transport] = useState(
    () =>
      new DefaultChatTransport<ChatMessage>({
        api: "/api/chat",
        // Only the newest message travels: the server keeps the session, and bodies stay small.
        prepareSendMessagesRequest: ({ id, messages, body, trigger, messageId }) => ({
          body: { id, messages: messages.slice(-1), ...conversation.current!.requestBody({ body, trigger, messageId }), narration: { previousOpeningId: previousOpeningId.current } },
        }),
      }),
  );
  const { messages, sendMessage, status, error, regenerate, clearError, setMessages, stop } = useChat<ChatMessage>({
    transport,
    experimental_throttle: 30,
    onData: (part) => {
      if (part.type === "data-narration") previousOpeningId.current = part.data.openingId;
    },
    onFinish: ({ isError, isAbort }) => {
      if (!isError && !isAbort) conversation.current?.settle();
    },
  });
  const conversationState = useConversation(setMessages, () => messages.length > 0);
  conversation.current = conversationState;
  const { draft, setDraft, cut } = useLimitedDraft();
  const [autoPlay, setAutoPlay] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const busy = status === "submitted" || status === "streaming";

  useEffect(() => {
    setAutoPlay(localStorage.getItem(AUTO_PLAY_KEY) === "on");
    // Ready to type on arrival; on touch screens the keyboard would cover the examples instead.
    if (window.matchMedia("(pointer: fine)").matches) input.current?.focus();
  }, []);

  // The latest state behind a stable `send`, so memoised answers keep their callbacks.
  const latest = useRef({ busy, error, clearError, sendMessage });
  latest.current = { busy, error, clearError, sendMessage };
  // `replaceMessageId` asks a stopped last question again in place; those never touch the draft.
  const send = useCallback(
    (text: string, replaceMessageId?: string, keepDraft = false) => {
      const { busy: sending, error: failure, clearError: clear, sendMessage: submitMessage } = latest.current;
      const trimmed = text.trim();
      if (!trimmed || sending) return;
      if (failure) clear();
      if (!keepDraft) setDraft("");
      const message = trimmed.slice(0, MAX_MESSAGE_CHARACTERS);
      void submitMessage(replaceMessageId ? { text: message, messageId: replaceMessageId } : { text: message });
    },
    [setDraft],
  );
  const askAgain = useCallback((text: string, replaceMessageId?: string) => send(text, replaceMessageId, true), [send]);
  const stopped = useStoppedTurns(messages, askAgain);
  const moreLikeThis = useCallback((title: string) => send(`more like ${title}`), [send]);
  // On the last answer: the same request again with other films, or its next page.
  const regenerateAnswer = useCallback(
    (answerId: string) => {
      if (!latest.current.busy) void regenerate({ messageId: answerId, body: { turn: { kind: "regenerate", answerId } } });
    },
    [regenerate],
  );
  const showMore = useCallback((answerId: string) => {
    if (!latest.current.busy) void latest.current.sendMessage({ text: "Show more" }, { body: { turn: { kind: "more", answerId } } });
  }, []);

  // Bring each new question (and the answer growing under it) into view.
  const lastMessage = messages.at(-1);
  useEffect(() => {
    if (lastMessage?.role !== "user") return;
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    document.getElementById(`message-${lastMessage.id}`)?.scrollIntoView({ block: "start", behavior: reduce ? "auto" : "smooth" });
  }, [lastMessage?.id, lastMessage?.role]);

  // One polite announcement per finished answer, not a reading of every card.
  useEffect(() => {
    if (status === "error" && error) setAnnouncement(`Error: ${chatErrorMessage(error)}`);
    if (status !== "ready" || lastMessage?.role !== "assistant") return;
    const { recommendations, text } = answerParts(lastMessage);
    if (!recommendations) return;
    // The reply in words (what was understood, loosened, how many fit), not a reading of every card.
    setAnnouncement(`New answer: ${text || `${recommendations.items.length} films`}`);
  }, [status, error, lastMessage]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submittedByStop(event)) return;
    send(draft);
  }

  function stopAnswer() {
    stopped.markStopped();
    void stop();
    setAnnouncement("Stopped. Your draft is still in the message box.");
  }

  function newChat() {
    if (busy) void stop();
    setMessages([]);
    clearError();
    stopped.reset();
    conversationState.forget();
    previousOpeningId.current = null;
    setAnnouncement("Started a new conversation.");
    input.current?.focus();
  }

  function toggleAutoPlay() {
    const next = !autoPlay;
    setAutoPlay(next);
    localStorage.setItem(AUTO_PLAY_KEY, next ? "on" : "off");
  }

  const control = `inline-flex min-h-9 items-center gap-1 rounded-lg border border-zinc-300 bg-white px-2.5 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800`;
  const lastAssistantIndex = messages.findLastIndex((message) => message.role === "assistant");
  const answered = messages.some((message) => message.role === "assistant" && answerParts(message).recommendations !== undefined);

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#message-input" className={`sr-only rounded bg-indigo-600 px-3 py-2 text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 ${FOCUS_RING}`}>
        Skip to the message box
      </a>
      <header className="sticky top-0 z-20 border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-3 py-2 sm:px-6">
          <div>
            <h1 className="flex items-center gap-2 text-xl font-bold tracking-tight">
              <ReelIcon />
              Reelcast
            </h1>
            <p className="hidden text-xs text-zinc-600 sm:block dark:text-zinc-400">Films for what you feel like, with a DJ on the mic.</p>
          </div>
          <div className="flex flex-wrap items-center gap-1.5">
            <button type="button" role="switch" aria-checked={autoPlay} onClick={toggleAutoPlay} data-testid="autoplay-toggle" className={`${control} ${FOCUS_RING}`}>
              <SpeakerIcon on={autoPlay} /> Auto-play DJ
              <span className={`ml-1 rounded px-1 text-xs font-semibold ${autoPlay ? "bg-indigo-600 text-white" : "bg-zinc-200 text-zinc-700 dark:bg-zinc-700 dark:text-zinc-200"}`}>
                {autoPlay ? "on" : "off"}
              </span>
            </button>
            <ThemeToggle className={control} />
            <button type="button" onClick={newChat} disabled={messages.length === 0 && !error} data-testid="new-chat" className={`${control} disabled:opacity-40 ${FOCUS_RING}`}>
              New chat
            </button>
          </div>
        </div>
      </header>

      <main className="mx-auto w-full max-w-6xl flex-1 px-3 pt-4 pb-8 sm:px-6">
        {conversationState.restoring && messages.length === 0 && (
          <p role="status" data-testid="restoring" className="py-8 text-center text-sm text-zinc-600 dark:text-zinc-400">
            Bringing back your conversation…
          </p>
        )}
        {conversationState.restoreError && (
          <p role="alert" data-testid="restore-error" className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/60 dark:text-amber-200">
            {conversationState.restoreError}
          </p>
        )}
        {messages.length === 0 && !error && !conversationState.restoring && <ExamplePrompts onPick={send} />}
        <FeedbackStatesProvider states={conversationState.feedback}>
          <ol className="space-y-6" aria-label="Conversation" data-testid="transcript">
            {messages.map((message, index) => {
              const stoppedQuestion = stopped.noteAfter(message.id);
              const note = stoppedQuestion && (
                <li data-testid="stopped-turn">
                  <StoppedNote question={stopped.questionText(stoppedQuestion)} onRetry={() => stopped.retry(stoppedQuestion)} disabled={busy} />
                </li>
              );
              const item =
                message.role === "user" ? (
                  <li key={message.id} id={`message-${message.id}`} className="flex scroll-mt-20 justify-end">
                    <p data-testid="user-message" className="max-w-[85%] rounded-2xl rounded-br-sm bg-indigo-600 px-4 py-2 break-words text-white">
                      <span className="sr-only">You asked: </span>
                      {userText(message)}
                    </p>
                  </li>
                ) : message.role === "assistant" ? (
                  <li key={message.id}>
                    <AnswerBlock
                      message={message}
                      isLatest={index === lastAssistantIndex}
                      streaming={busy && index === messages.length - 1}
                      autoPlay={autoPlay}
                      onMoreLikeThis={moreLikeThis}
                      onSuggest={send}
                    />
                    <ConversationActions message={message} isLast={index === messages.length - 1} busy={busy} onRegenerate={regenerateAnswer} onShowMore={showMore} />
                  </li>
                ) : null;
              return (
                <Fragment key={message.id}>
                  {item}
                  {note}
                </Fragment>
              );
            })}
          </ol>
        </FeedbackStatesProvider>
        {status === "submitted" && <AnswerLoading />}
        {error && (
          <div role="alert" data-testid="chat-error" className="mt-4 rounded-xl border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
            <p className="font-semibold">That answer did not come through.</p>
            <p className="mt-1 text-sm" data-testid="chat-error-message">
              {chatErrorMessage(error)}
            </p>
            <button
              type="button"
              onClick={() => void regenerate()}
              data-testid="retry-button"
              className={`mt-3 rounded-lg bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-600 ${FOCUS_RING}`}
            >
              Try again
            </button>
          </div>
        )}
      </main>

      <footer className="sticky bottom-0 z-20 border-t border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950">
        <form onSubmit={submit} className="mx-auto flex max-w-6xl gap-2 px-3 py-3 sm:px-6" aria-label="Ask Reelcast">
          <label htmlFor="message-input" className="sr-only">
            What do you feel like watching?
          </label>
          <input
            id="message-input"
            ref={input}
            data-testid="query-input"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            aria-describedby="draft-length"
            autoComplete="off"
            placeholder={answered ? "Refine: older, shorter, no horror, more like the second one…" : "blade runner, tom hanks, something funny under 90 minutes…"}
            className={`min-w-0 flex-1 rounded-xl border border-zinc-300 bg-white px-3 py-2.5 text-base placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-500 ${FOCUS_RING}`}
          />
          {/* Two elements (keys), never one that turns from Stop into Send under the pointer. */}
          {busy ? (
            <button
              key="stop"
              type="button"
              onClick={stopClick(stopAnswer)}
              data-testid="stop-button"
              className={`rounded-xl border border-zinc-300 px-4 py-2 font-medium dark:border-zinc-700 ${FOCUS_RING}`}
            >
              Stop
            </button>
          ) : (
            <button
              key="send"
              type="submit"
              data-testid="send-button"
              disabled={!draft.trim()}
              className={`rounded-xl bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-50 ${FOCUS_RING}`}
            >
              Send
            </button>
          )}
        </form>
        <div className="mx-auto max-w-6xl px-3 pb-2 sm:px-6">
          <DraftLimit id="draft-length" length={draft.length} cut={cut} />
        </div>
      </footer>
      <p className="sr-only" role="status" aria-live="polite" data-testid="live-region">
        {announcement}
      </p>
    </div>
  );
}
