import { ChatPage } from "../components/chat-page";

export default function HomePage() {
  return <ChatPage />;
}
