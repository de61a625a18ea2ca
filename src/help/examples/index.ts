/** Every worked example, by area. Each area's module exports `examples: HelpExample[]`. */
import { examples as core } from "./core";
import type { HelpExample } from "./types";

export type { HelpExample } from "./types";

export const allExamples: HelpExample[] = [...core];
