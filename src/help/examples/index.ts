/** Every worked example, by area. Each area's module exports `examples: HelpExample[]`. */
import { examples as core } from "./core";
import type { HelpExample } from "./types";
import { examples as forecastExamples } from "./forecast";
import { examples as stands } from "./stands";
import { examples as winprob } from "./winprob";

export type { HelpExample } from "./types";

export const allExamples: HelpExample[] = [...core, ...stands, ...forecastExamples, ...winprob];
