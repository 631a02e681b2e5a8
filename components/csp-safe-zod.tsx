"use client";
import { z } from "zod";

/**
 * The first time zod parses an object it probes whether it may compile validators with
 * `new Function`; under the page's Content-Security-Policy (no 'unsafe-eval') the probe fails
 * safely but the browser reports it as a violation. In the browser, zod's jitless mode skips the
 * probe (and the compiling); the server keeps its compiled validators.
 */
if (typeof window !== "undefined") z.config({ jitless: true });

/** Rendered once by the root layout so that this module loads with the page's client code. */
export function CspSafeZod(): null {
  return null;
}
