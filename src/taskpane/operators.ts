/**
 * The rule operators of SALES.LEADSCORE (formulas.md §2) with the word shown and written in each language.
 * The engine accepts every alias; the pane writes the English symbol/word in English and the Chinese alias
 * in Chinese, so a rules table reads naturally in the language it was made in.
 */
export interface OperatorInfo {
  canonical: string;
  zh: string;
  aliases: string[];
  /** True when the rule's value is not used (blank / not blank). */
  noValue?: boolean;
}

export const OPERATORS: readonly OperatorInfo[] = [
  { canonical: "=", zh: "等于", aliases: ["==", "is", "equals", "是"] },
  { canonical: "<>", zh: "不等于", aliases: ["!=", "is not", "不是"] },
  { canonical: ">", zh: "大于", aliases: [] },
  { canonical: ">=", zh: "大于等于", aliases: ["≥", "不少于"] },
  { canonical: "<", zh: "小于", aliases: [] },
  { canonical: "<=", zh: "小于等于", aliases: ["≤", "不超过"] },
  { canonical: "between", zh: "介于", aliases: [] },
  { canonical: "contains", zh: "包含", aliases: [] },
  { canonical: "not contains", zh: "不包含", aliases: [] },
  { canonical: "starts with", zh: "开头是", aliases: [] },
  { canonical: "ends with", zh: "结尾是", aliases: [] },
  { canonical: "in", zh: "属于", aliases: [] },
  { canonical: "not in", zh: "不属于", aliases: [] },
  { canonical: "blank", zh: "为空", aliases: ["is blank"], noValue: true },
  { canonical: "not blank", zh: "不为空", aliases: ["is not blank", "非空"], noValue: true },
  { canonical: "within days", zh: "天内", aliases: [] },
  { canonical: "older than days", zh: "超过天数", aliases: [] },
];

function norm(text: string): string {
  return text.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

const BY_WORD = new Map<string, OperatorInfo>();
for (const op of OPERATORS) for (const w of [op.canonical, op.zh, ...op.aliases]) BY_WORD.set(norm(w), op);

/** The operator a written word stands for, or undefined. */
export function findOperator(written: string): OperatorInfo | undefined {
  return BY_WORD.get(norm(written));
}

/** The word the pane shows and writes for an operator in the display language. */
export function operatorWord(op: OperatorInfo, chinese: boolean): string {
  return chinese ? op.zh : op.canonical;
}
