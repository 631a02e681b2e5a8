import type { Metadata, Viewport } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { CspSafeZod } from "../components/csp-safe-zod";
import { THEME_BOOT_SCRIPT } from "../components/theme-boot-script";
import "./globals.css";

export const metadata: Metadata = {
  title: "Reelcast — films for what you feel like",
  description: "A conversational movie recommender: ask in plain language, get picks with reasons.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * Reading the request's nonce (set by proxy.ts) makes every page render per request: the
 * Content-Security-Policy runs only scripts that carry this request's nonce, and a page built
 * ahead of time could not know it.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The boot script sets the theme class before React hydrates; the warning would be noise.
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-zinc-50 font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <CspSafeZod />
        {children}
      </body>
    </html>
  );
}
