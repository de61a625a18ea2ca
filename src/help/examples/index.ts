/** Every worked example, by area. Each area's module exports `examples: HelpExample[]`. */
import type { HelpExample } from "./types";
import { examples as forecastExamples } from "./forecast";

export type { HelpExample } from "./types";

export const allExamples: HelpExample[] = [...forecastExamples];
