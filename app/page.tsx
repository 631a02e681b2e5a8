import { SearchPage } from "../components/search-page";

export default function HomePage() {
  return <SearchPage />;
}
