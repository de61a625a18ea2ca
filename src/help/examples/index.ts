/** Every worked example, by area. Each area's module exports `examples: HelpExample[]`. */
import type { HelpExample } from "./types";

export type { HelpExample } from "./types";

export const allExamples: HelpExample[] = [];
