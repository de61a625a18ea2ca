/** Every worked example, by area. Each area's module exports `examples: HelpExample[]`. */
import type { HelpExample } from "./types";
import { examples as forecastExamples } from "./forecast";
import { examples as stands } from "./stands";

export type { HelpExample } from "./types";

export const allExamples: HelpExample[] = [...stands, ...forecastExamples];
