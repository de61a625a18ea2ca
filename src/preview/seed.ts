/**
 * The workbook the preview opens with: one sheet holding a small table of the visitor's "own" data, so the
 * Start panel has something to list and a visitor can see that inserting the sample leaves it untouched.
 */
import { sampleContent, todayExcelSerial } from "../sample/data";
import type { SimHost } from "../sim";

// Named so that no panel mistakes it for leads, stages, rules or targets: it is the visitor's other data.
const EN = {
  sheet: "Accounts",
  table: "Accounts",
  headers: ["Company", "Industry", "City", "Account manager", "Customer since"],
  rows: [
    ["Northwind Traders", "Retail", "Seattle", "Alice", 43_900],
    ["Contoso Ltd", "Software", "Redmond", "Bob", 44_210],
    ["Fabrikam", "Manufacturing", "Chicago", "Alice", 44_600],
    ["Tailspin Toys", "Retail", "Denver", "Carol", 45_020],
    ["Woodgrove Bank", "Finance", "New York", "Bob", 45_300],
  ],
};

const ZH = {
  sheet: "客户名录",
  table: "客户名录",
  headers: ["公司", "行业", "城市", "客户经理", "合作起始日"],
  rows: [
    ["北风贸易", "零售", "上海", "张伟", 43_900],
    ["康拓软件", "软件", "北京", "李娜", 44_210],
    ["法布瑞制造", "制造", "苏州", "张伟", 44_600],
    ["尾旋玩具", "零售", "深圳", "王芳", 45_020],
    ["木林银行", "金融", "杭州", "李娜", 45_300],
  ],
};

export async function seedWorkbook(host: SimHost, displayLanguage: string): Promise<void> {
  const data = /^zh/i.test(displayLanguage) ? ZH : EN;
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.name = data.sheet;
    const last = String.fromCharCode(64 + data.headers.length);
    const address = `A1:${last}${data.rows.length + 1}`;
    sheet.getRange(address).values = [data.headers, ...data.rows];
    sheet.getRange(`E2:E${data.rows.length + 1}`).numberFormat = data.rows.map(() => ["yyyy-mm-dd"]);
    sheet.tables.add(address, true).name = data.table;
    await context.sync();
  });
  host.resetStats();
}

/**
 * A large workbook: `rows` leads made from the sample's (company names numbered so each row is its own lead),
 * with the sample's rules and stages tables, written in requests of 4,000 rows as the access layer would.
 */
export async function seedLargeWorkbook(host: SimHost, displayLanguage: string, rows: number): Promise<void> {
  const lang = /^zh/i.test(displayLanguage) ? "zh" : "en";
  const content = sampleContent(lang, todayExcelSerial());
  const base = content.leads.rows;
  const leads = Array.from({ length: rows }, (_, i) => {
    const row = [...base[i % base.length]];
    row[0] = `${row[0]} ${Math.floor(i / base.length) + 1}`;
    return row;
  });
  const write = async (sheetName: string, table: string, headers: string[], body: (string | number | boolean)[][]) => {
    await host.run(async (context) => {
      context.workbook.worksheets.add(sheetName);
      await context.sync();
    });
    const width = headers.length;
    const last = String.fromCharCode(64 + width);
    for (let start = 0; start < body.length + 1; start += 4000) {
      const chunk = start === 0 ? [headers, ...body.slice(0, 3999)] : body.slice(start - 1, start + 3999);
      await host.run(async (context) => {
        context.workbook.worksheets.getItem(sheetName).getRange(`A${start + 1}:${last}${start + chunk.length}`).values =
          chunk;
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk keeps each under the request size limit
        await context.sync();
      });
    }
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(sheetName).tables.add(`A1:${last}${body.length + 1}`, true).name = table;
      await context.sync();
    });
  };
  await write(content.labels.leadsSheet, content.leads.name, content.leads.headers, leads);
  await write(content.labels.rulesSheet, content.rules.name, content.rules.headers, content.rules.rows);
  await write(content.labels.stagesSheet, content.stages.name, content.stages.headers, content.stages.rows);
  host.resetStats();
}
