/**
 * Case modules of `npm run bench`. Each exports `cases: Record<string, BenchCase>` (bench/types.ts); the runner
 * runs every case in its own child process and prints its rows with their ratios to the stated baseline.
 * Add a module here to add its cases.
 */
import type { BenchCase } from "../types";
import { cases as forecastCases } from "./forecast";
import { cases as overviewCases } from "./overview";
import { cases as perRowCases } from "./perRow";
import { cases as simCases } from "./sim";
import { cases as stands } from "./stands";
import { cases as wholeTableCases } from "./wholeTable";
import { cases as winprobCases } from "./winprob";

export const caseModules: Array<Record<string, BenchCase>> = [
  perRowCases,
  wholeTableCases,
  stands,
  forecastCases,
  winprobCases,
  simCases,
  overviewCases,
];
