/**
 * Worked examples for SALES.WINPROB and SALES.WINFACTORS (winprob.md §9), small enough to check by hand.
 * Closed rows: 2 won, 3 lost, so with smoothing 0.1 the base is 2.1 ÷ 3.1.
 * Source: Referral won 2.1 / lost 1.1, Ads 0.1 / 2.1 (totals 2.2 / 3.2); Size: Large 1.1 / 1.1, Small 1.1 / 2.1.
 * Row 6 (Referral, Large): odds = (2.1/3.1) × ((2.1/2.2) ÷ (1.1/3.2)) × ((1.1/2.2) ÷ (1.1/3.2)), p = 112896/154157.
 * Row 7 (Ads, Small): odds = (2.1/3.1) × ((0.1/2.2) ÷ (2.1/3.2)) × ((1.1/2.2) ÷ (2.1/3.2)), p = 256/7417.
 */
import type { HelpExample } from "./types";

const DEALS = [
  ["Deal", "Source", "Size", "Outcome"],
  ["D-1", "Referral", "Large", "Won"],
  ["D-2", "Referral", "Small", "Won"],
  ["D-3", "Ads", "Small", "Lost"],
  ["D-4", "Ads", "Large", "Lost"],
  ["D-5", "Referral", "Small", "Lost"],
  ["D-6", "Referral", "Large", null],
  ["D-7", "Ads", "Small", null],
];

export const examples: HelpExample[] = [
  {
    id: "WINPROB",
    title: {
      en: "Win probability of the open deals, learned from the closed ones (default fields: Source and Size)",
      zh: "根据已结束的商机学习，估算进行中商机的赢单概率（默认字段：Source 与 Size）",
    },
    sheet: DEALS,
    formula: "=SALES.WINPROB(A1:D8)",
    args: [DEALS, null, null, null, null, null],
    result: [[""], [""], [""], [""], [""], [112896 / 154157], [256 / 7417]],
  },
  {
    id: "WINFACTORS",
    title: {
      en: "Why: the factors that raised or lowered each open deal's odds",
      zh: "原因：抬高或压低每个进行中商机赢单几率的因素",
    },
    sheet: DEALS,
    formula: "=SALES.WINFACTORS(A1:D8)",
    args: [DEALS, null, null, null, null, null, null, null],
    result: [
      [""],
      [""],
      [""],
      [""],
      [""],
      ["↑ Source = Referral (×2.78); ↑ Size = Large (×1.45)"],
      ["↓ Source = Ads (×0.0693); ↓ Size = Small (×0.762)"],
    ],
  },
];
