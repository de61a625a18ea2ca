/**
 * The prose of the help site (dist/help/), in both languages. Inline markup: `code`, **bold**, [text](target) for
 * links inside the help site, and {ui:key} for a task pane string from src/i18n (panel and button names), so the
 * help and the pane never name a control differently; an unknown key fails the build. Function descriptions are
 * not here: they come from the built metadata (functions.json, functions.zh-cn.json).
 */

export type HelpLang = "en" | "zh";

export interface PanelHelp {
  /** Key of the panel's tab label in src/i18n/ui.*.json. */
  tab:
    | "tab.overview"
    | "tab.start"
    | "tab.scoring"
    | "tab.bant"
    | "tab.funnel"
    | "tab.targets"
    | "tab.followups"
    | "tab.commission";
  text: string;
}

export interface Topic {
  id: string;
  title: string;
  paragraphs: string[];
}

export interface HelpContent {
  siteTitle: string;
  guideTitle: string;
  functionsTitle: string;
  otherLanguage: string;
  skipToContent: string;
  pagesNav: string;
  contents: string;
  intro: string;
  start: Topic;
  panelsTitle: string;
  panelsIntro: string;
  panels: PanelHelp[];
  panelsOutro: string;
  formulasOrValues: Topic;
  privacy: Topic;
  troubleshootingTitle: string;
  troubles: Array<{ problem: string; text: string[] }>;
  excelVersions: Topic;
  functionsIntro: string[];
  functionIndex: string;
  arguments: string;
  optional: string;
  returnsValue: string;
  returnsSpill: string;
  example: string;
  /** Between a label and its text: ": " in English, "：" in Chinese. */
  colon: string;
  exampleSheet: string;
  exampleFormula: string;
  exampleResult: string;
  exampleResultSpill: string;
  noExample: string;
  column: string;
  row: string;
  backToTop: string;
  footer: string;
}

export const CONTENT: Record<HelpLang, HelpContent> = {
  en: {
    siteTitle: "Sales Toolkit help",
    guideTitle: "Guide",
    functionsTitle: "SALES functions",
    otherLanguage: "中文",
    skipToContent: "Skip to content",
    pagesNav: "Help pages",
    contents: "On this page",
    intro:
      "Sales Toolkit adds `=SALES.*` functions to Excel and a task pane that sets up a sales workbook, writes the formulas for you and charts your funnel. This guide explains the task pane, how it writes results, what happens to your data and what to do when something goes wrong. The [function reference](functions.html) lists every SALES function with a worked example.",
    start: {
      id: "start",
      title: "Getting started",
      paragraphs: [
        "Open the task pane with **Home → {ui:app.title}**. Type `=SALES.` in any cell to see the functions; Excel shows each function's description and arguments as you type.",
        "To try everything on sample data, choose **{ui:start.insertSample}** on the {ui:tab.start} panel. It adds new sheets (leads, scoring rules, stages, targets and a dashboard) in your display language and touches nothing that is already in the workbook.",
      ],
    },
    panelsTitle: "The task pane",
    panelsIntro:
      "The pane has one panel per job. Anything that changes existing cells first says how many cells it will change and asks.",
    panels: [
      {
        tab: "tab.overview",
        text: "Where the team stands, over the deals table Start mapped: attainment this month and this quarter with its status (the plan is the Targets panel's annual target and first month over the targets table's owners and weights), won this month, the weighted pipeline (closing this quarter when an expected close date is mapped), the win rate, the bottleneck step and the follow-ups due; charts of attainment by owner, plan vs actual by month and the funnel, and the funnel by region (SALES.FUNNELBY: the share of each region's deals reaching each stage, as a tinted grid; shown when a region column is mapped), and the forecast of the next 12 months (SALES.FORECAST over the won amounts by won date; shown once the won deals span at least 13 months), and the five open deals most likely to close (SALES.WINPROB, with SALES.WINFACTORS' two strongest reasons each way). The win model learns from every won and lost deal, with the factors and group chosen under Lead scoring's Win probability (the same suggestion when none was chosen); the filter only chooses which open deals are listed. Over 5,000 rows it is computed when you ask, since learning takes a moment. Filter by owner, region and month: every number is the SALES formula named under it over the filtered rows, and **{ui:overview.add}** writes that formula (FILTER inside LET for the filter) into the Dashboard sheet, so the sheet shows what the pane shows. Charts come with an Excel chart beside the formula (clustered bars of attainment by owner, clustered columns of actuals with the plan as a line, a funnel, a line of the forecast), the region grid with a colour scale; the chart reads helper columns that pick its categories and values out of the spill (INDEX(A5#,0,k)), and covers the rows the spill has when it is written. Targets are per owner: under a region filter attainment shows No target while the actuals still count. The pane opens on the Overview once a deals table is mapped.",
      },
      {
        tab: "tab.start",
        text: "**{ui:map.title}** shows the tables and columns the add-in found (deals or leads, scoring rules, stages, targets; owner, region, stage, amount, dates, BANT…), from English and Chinese headers and CRM exports. Where two columns fit equally it names both and picks neither. Correct any of them here: every panel uses the change at once and asks only for what the mapping leaves open; **{ui:map.save}** keeps the mapping in the workbook. Below, the workbook's tables are listed. **{ui:start.insertSample}** adds Leads, ScoringRules, Stages, Targets and a Dashboard with live SALES formulas and a funnel chart; names already in use get a suffix.",
      },
      {
        tab: "tab.scoring",
        text: "Pick the leads table and the rules table, edit the rules (field, operator, value, points, optional group and cap) and save them back to the rules table. A live preview shows the score distribution and the grade counts. **{ui:scoring.addColumns}** adds Score, Grade and Why columns to the leads table. Below, **{ui:winprob.title}** shows what SALES.WINPROB learns from the table's own won and lost rows (the factor columns are chosen from the data — dates, names, stage and outcome left out — and can be changed; the stage counts in the order of the mapped stages table; a group such as team or region learns separately) and how the rule grades agree with it (open leads and average probability per grade, rank correlation). **{ui:winprob.add}** writes the model once, on a sheet of its own, as SALES.WINPROB and SALES.WINFACTORS spilling one value per record, and adds two columns to the table that read their own row of it with INDEX(…#, ROW()-ROW(Table[#Headers])): a per-row SALES.WINPROB would send the whole table once per row. Keep columns A and B of that sheet free. The outcome column must be named Outcome, Result, Won/Lost, Win/Loss, 结果, 输赢 or 成交结果.",
      },
      {
        tab: "tab.bant",
        text: "Maps the Budget, Authority, Need and Timeline columns (English and Chinese headers are recognised), sets the minimum budget, the timeline window and how many criteria are required, previews how many leads qualify and adds a Qualified column. **{ui:bant.pipelineTitle}** gives qualified leads whose stage is blank the first stage; it never overwrites a stage.",
      },
      {
        tab: "tab.funnel",
        text: "Pick the table, the stage column and the stage order (from a stages table or the values found, reorderable), and optionally amounts and outcomes. Shows counts, step and cumulative conversion with the bottleneck highlighted, the win rate and the weighted pipeline. **{ui:funnel.insertReport}** adds a sheet with a SALES.FUNNEL formula and a funnel chart.",
      },
      {
        tab: "tab.targets",
        text: "Enter the annual target, the start month, month / quarter / week, the seasonality (equal, from history or typed) and the owners with their weights; holidays count for weekly plans. **{ui:targets.insert}** adds a sheet with a small parameter table, SALES.TARGETPLAN over it and SALES.ACTIVITYPLAN per owner per month: change a parameter and the plan recalculates. With the deals table's amount, won (or closed) date and outcome mapped in Start, the preview also shows **{ui:targets.viewActual}** (SALES.ACTUALS: won deals in exactly the plan's layout, with a row for what falls outside the plan's year) and **{ui:targets.viewRatio}**, and the plan sheet gets both as formulas beside the plan, the ratio with a red-yellow-green colour scale (yellow at 100 %). Under the annual target the pane shows what was won in the last 12 months and SALES.FORECAST of the 12 months after the last month with a won deal (won amounts by won date; a month with no won deal is filled from its neighbours, as FORECAST does); **{ui:targets.useForecast}** copies it into the annual target, and the plan sheet keeps the forecast as a formula under the parameters. The formula lists the won words found in the outcome column: a new word for \"won\" needs the plan inserted again.",
      },
      {
        tab: "tab.followups",
        text: "Leads whose next follow-up date is today or earlier, most overdue first, then those due in the next 7 days; the Owner filter shows one person's list (yours). Selecting one selects its row in the workbook and offers **{ui:followups.markDone}** (today's date goes into the last-contact column, and the next follow-up is cleared, or set to the date you pick) and **{ui:followups.reschedule}** (the next follow-up moves to the date you pick). Both first list each cell as old → new and write nothing until you confirm; if the row was edited in the sheet since the list was read, or a cell to change holds a formula, nothing is written and the pane says which column.",
      },
      {
        tab: "tab.commission",
        text: "Commission from the mapped deals table (amount, owner, outcome or won date). Edit the tiers — each starts at an amount and has a rate, amounts going up from tier to tier — and choose **{ui:commission.marginal}** or **{ui:commission.flat}**; tiers SALES.COMMISSION would refuse are shown as an error and nothing can be written. The table shows each owner's won amount and commission for the deals won this year, quarter, month or ever. **{ui:commission.addColumn}** adds a column to the deals table: for each won deal SALES.COMMISSION of its amount with the tiers written into the formula, 0 for the others; summed per owner over the period it is the pane's table. The won words of the outcome column are listed in the formula: a new word for \"won\" needs the column added again (so do new tiers).",
      },
    ],
    panelsOutro:
      "Your choices (tables, column mappings, targets) are saved in the workbook, so reopening the file restores them.",
    formulasOrValues: {
      id: "formulas-or-values",
      title: "Formulas or values",
      paragraphs: [
        "The pane writes SALES formulas, one per row of a table column, so the results update when your data changes.",
        "For very large tables it offers computed values instead. Inside a table every row's formula is recalculated on each edit, and each call carries its row, the whole rules table and the header row; Excel on the web also caps one call at about 5 MB (#CALC! above it). The pane estimates those bytes from your own data and the platform: on Excel for the web it proposes values when one edit would send more than 128 MB (or one call more than 4 MB), on Windows and Mac above 1 GB — and says why in the dialog. You can also set a row count above which values are offered ({ui:tab.scoring}).",
        "Values are a snapshot: they do not update by themselves. After the leads or rules change, use **{ui:scoring.refreshValues}** (it shows the cells it will change and asks first).",
        "The Qualified column (SALES.BANT per row) is decided the same way from its four cells. One formula over whole columns (the Overview's **{ui:overview.add}**, the funnel report, the plan's actuals and forecast suggestion, SALES.WINPROB's model) is one call carrying every column it names over every row. On Excel for the web, when that call would pass 4 MB, the pane offers to write the numbers it shows as values instead (the label says so); on Windows and Mac it writes the formula.",
      ],
    },
    privacy: {
      id: "privacy",
      title: "Privacy: your data stays in the workbook",
      paragraphs: [
        "Everything is computed inside Excel, on your computer or in your Excel on the web session. The add-in makes no network requests of its own: the only files it loads are its own (from the address your organisation hosts it on) and Microsoft's Office JavaScript library, office.js, from appsforoffice.microsoft.com.",
        "It sends no workbook data anywhere, has no telemetry and no sign-in. Its settings are saved in the workbook itself. These help pages are static and load nothing from other sites.",
      ],
    },
    troubleshootingTitle: "Troubleshooting",
    troubles: [
      {
        problem: "Cells show #NAME?",
        text: [
          "Excel does not know the SALES functions: the add-in is not loaded in this Excel. Check that **{ui:app.title}** is on the Home tab; an add-in your administrator deployed can take up to 24 hours to appear, and Excel may need a restart. Open the task pane once.",
          "If the button never appears, this Excel may be too old to run the add-in (see [Which Excel runs it](#excel-versions)). A misspelt name (`SALES.FUNEL`) also gives #NAME?.",
        ],
      },
      {
        problem: "Cells show #BUSY!",
        text: [
          "Excel is still calculating, or is starting the add-in (the first calculation after opening a workbook starts it). It normally clears within seconds; ranges of hundreds of thousands of rows take longer.",
          "If it never clears, the add-in did not start: close and reopen the task pane, or restart Excel.",
        ],
      },
      {
        problem: "Blank cells are read as 0",
        text: [
          "Some Excel builds on Windows pass blank cells to add-in functions as 0 instead of empty. The SALES functions allow for it: in text columns (stages, outcomes, owners, field names, labels) a 0 counts as blank, and in number columns a blank and 0 mean the same (a blank amount adds nothing).",
          'If a result differs between two computers, look for cells holding a real 0 where you meant "unknown".',
        ],
      },
      {
        problem: "A result is #VALUE!, #NUM!, #DIV/0! or #N/A",
        text: [
          'Point at the cell\'s error indicator: the message names the argument, cell or value at fault, for example `Unknown stage "Demo" in stage_order`.',
        ],
      },
      {
        problem: "The task pane stays blank or Excel says the add-in could not start",
        text: [
          "Excel loads the add-in over HTTPS from your organisation's server. The pane stays blank when that server cannot be reached from this network (a VPN may be needed) or when this computer does not trust the server's certificate.",
          "Open the add-in's address (ask IT; it ends in `taskpane.html`) in your browser: a certificate warning there is for IT to fix on the server. Developers running the add-in locally: see the README's Sideloading section.",
        ],
      },
    ],
    excelVersions: {
      id: "excel-versions",
      title: "Which Excel runs it",
      paragraphs: [
        "Sales Toolkit needs two Office features: one shared runtime for the task pane and the functions (SharedRuntime 1.1) and custom functions that return Excel errors (CustomFunctionsRuntime 1.2).",
        "**Runs in:** Excel on the web; Microsoft 365 Excel on Windows (Version 2002 or later) and on Mac (16.35 or later); Excel 2016 or later bought once (retail) on Windows once updated to Version 2311 or later; Excel LTSC 2021 (volume licence) Version 2108 or later.",
        "**Does not run in:** Excel 2016 and 2019 with a volume licence, older builds, and Excel on iPad. There the add-in is not offered (it does not appear under My Add-ins and no ribbon button is added), and SALES formulas in shared workbooks show #NAME?.",
      ],
    },
    functionsIntro: [
      'Every function below is in the `SALES` namespace: type `=SALES.` and pick it from the list. Arguments in [brackets] are optional; leave them out or leave the place empty (`=SALES.BANTSCORE(B2:B4, C2:C4, D2:D4, E2:E4, 10000, , , "2025-01-01")`).',
      "Numbers may be typed as text the way people write them (`1,200`, `¥3.5万`, `15%`), dates as Excel dates or `2025-01-31` text, and yes/no answers as TRUE/FALSE or words such as yes, 是, no, 否. Ranges that describe the same records must have the same number of cells. Rates are fractions (0.25): format the cells as percentages.",
      "Each worked example shows a small sheet starting at A1, the formula, and the result exactly as the function returns it (the examples are checked against the code).",
    ],
    functionIndex: "Functions",
    arguments: "Arguments",
    optional: "optional",
    returnsValue: "Returns one value.",
    returnsSpill: "Returns a range of results that spills into the cells below and to the right.",
    example: "Example",
    colon: ": ",
    exampleSheet: "The sheet",
    exampleFormula: "Formula",
    exampleResult: "Result",
    exampleResultSpill: "Result (spills from the formula's cell)",
    noExample: "No worked example yet.",
    column: "Column",
    row: "Row",
    backToTop: "Back to the function list",
    footer: "Sales Toolkit {version}. These pages are part of the add-in and load nothing from elsewhere.",
  },
  zh: {
    siteTitle: "销售工具箱帮助",
    guideTitle: "使用指南",
    functionsTitle: "SALES 函数",
    otherLanguage: "English",
    skipToContent: "跳到正文",
    pagesNav: "帮助页面",
    contents: "本页内容",
    intro:
      "销售工具箱为 Excel 添加 `=SALES.*` 函数，并提供一个任务窗格：帮你搭建销售工作簿、替你写好公式、绘制销售漏斗。本指南介绍任务窗格的各个面板、它如何写入结果、你的数据去向，以及遇到问题时怎么办。[函数参考](functions.html)列出了每个 SALES 函数及其示例。",
    start: {
      id: "start",
      title: "快速开始",
      paragraphs: [
        "在“**开始**”选项卡中单击“**{ui:app.title}**”打开任务窗格。在任意单元格中输入 `=SALES.` 即可看到全部函数；输入时 Excel 会显示每个函数的说明和参数。",
        "想先用示例数据试一试，可在“{ui:tab.start}”面板中单击“**{ui:start.insertSample}**”。它会按你的显示语言新增工作表（线索、评分规则、阶段、目标和仪表板），不会改动工作簿中已有的任何内容。",
      ],
    },
    panelsTitle: "任务窗格",
    panelsIntro: "每个面板完成一类工作。任何会修改现有单元格的操作，都会先告诉你将修改多少个单元格并征得你的同意。",
    panels: [
      {
        tab: "tab.overview",
        text: "基于“开始”中指定的商机表显示团队进展：本月和本季度完成率及状态（计划取“目标分解”中的年度目标和起始月份，按目标表中的负责人和权重分解）、本月赢单金额、加权商机金额（指定了预计成交日期时只计本季度）、赢单率、瓶颈环节和到期的跟进；并以图表显示各负责人完成率、各月计划与实际、销售漏斗以及分地区漏斗（SALES.FUNNELBY：各地区商机到达各阶段的比例，以色块表格显示；需要映射地区列），以及未来 12 个月的预测（SALES.FORECAST，按赢单日期统计赢单金额；赢单记录覆盖至少 13 个月时显示），以及最可能成交的 5 个未结商机（SALES.WINPROB，并附 SALES.WINFACTORS 中正反各两项最主要的因素）。赢单模型从所有赢单和输单商机学习，使用“线索评分”的“赢单概率”中选定的因素和分组（未选定时使用同样的自动建议）；筛选只决定列出哪些未结商机。超过 5,000 行时，学习需要片刻，因此在您点击时计算。可按负责人、区域和月份筛选：每个数字都是其下方所列 SALES 公式对筛选后数据的结果，“**{ui:overview.add}**”会把该公式（筛选条件以 LET 中的 FILTER 表示）写入仪表板工作表，表中结果与窗格一致。图表还会在公式旁生成 Excel 图表（各负责人完成率为簇状条形图，实际与计划为簇状柱形图加计划折线，漏斗图，预测为折线图），分地区漏斗加色阶；图表读取从溢出结果中取出类别和数值的辅助列（INDEX(A5#,0,k)），覆盖写入时溢出结果的行数。目标按负责人设定：按区域筛选时完成率显示“未设目标”，实际业绩照常统计。指定商机表后，窗格打开时直接显示概览。",
      },
      {
        tab: "tab.start",
        text: "“**{ui:map.title}**”显示加载项找到的表格和列（商机或线索、评分规则、阶段、目标；负责人、区域、阶段、金额、日期、BANT 等），依据中英文列标题和常见 CRM 导出文件识别。两列同样匹配时会同时列出、不替你选择。在这里更正任意一项，所有面板立即使用，并只询问映射未确定的列；“**{ui:map.save}**”将映射保存在工作簿中。下方列出工作簿中的表格。“**{ui:start.insertSample}**”会添加线索、评分规则、阶段、目标表和一个含实时 SALES 公式与漏斗图的仪表板；名称已被占用时自动加后缀。",
      },
      {
        tab: "tab.scoring",
        text: "选择线索表和规则表，编辑规则（字段、运算符、值、分数，可选的分组和上限）并保存回规则表。实时预览显示分数分布和各等级人数。“**{ui:scoring.addColumns}**”会在线索表中添加 Score、Grade、Why 三列。下方的“**{ui:winprob.title}**”显示 SALES.WINPROB 从本表自己的赢单和输单行中学到的内容（因素列按数据自动选择——日期、名称、阶段和结果列不计入——也可以修改；阶段按映射的阶段表顺序计入；按团队或地区等分组时各自学习），以及规则等级与它的一致程度（各等级的未结线索数和平均概率、秩相关）。“**{ui:winprob.add}**”把模型写在单独的工作表上（SALES.WINPROB 和 SALES.WINFACTORS，每条记录溢出一个值），并在表中添加两列，用 INDEX(…#, ROW()-ROW(表[#Headers])) 读取对应的行：逐行使用 SALES.WINPROB 会让每一行都传送整张表。请保持该工作表 A、B 两列下方为空。结果列须命名为 Outcome、Result、Won/Lost、Win/Loss、结果、输赢 或 成交结果。",
      },
      {
        tab: "tab.bant",
        text: "对应预算、决策人、需求和采购时间四列（可识别中英文列名），设置最低预算、时间窗口和需满足的项数，预览合格线索数量并添加 Qualified 列。“**{ui:bant.pipelineTitle}**”只为阶段为空的合格线索填入第一个阶段，绝不覆盖已有阶段。",
      },
      {
        tab: "tab.funnel",
        text: "选择表格、阶段列和阶段顺序（来自阶段表或表中出现的值，可调整顺序），可选金额列和结果列。显示各阶段数量、阶段转化率和累计转化率（突出显示瓶颈）、赢单率和加权管道金额。“**{ui:funnel.insertReport}**”会新增一个含 SALES.FUNNEL 公式和漏斗图的工作表。",
      },
      {
        tab: "tab.targets",
        text: "输入年度目标、起始月份、按月/季/周分解、季节性（平均、按历史数据或手动输入）以及负责人和权重；按周分解时会扣除节假日。“**{ui:targets.insert}**”会新增一个工作表，包含小型参数表、基于它的 SALES.TARGETPLAN 公式，以及每位负责人每月的 SALES.ACTIVITYPLAN：修改参数后计划自动重算。在“开始”中映射了商机表的金额、赢单（或成交）日期和结果列后，预览还可显示“**{ui:targets.viewActual}**”（SALES.ACTUALS：赢单金额，布局与计划完全相同，另有一行列出计划年度以外的金额）和“**{ui:targets.viewRatio}**”，计划工作表也会在计划旁写入这两部分公式，完成率带红黄绿色阶（100% 为黄色）。年度目标下方显示最近 12 个月的赢单金额，以及最后一个有赢单的月份之后 12 个月的 SALES.FORECAST 预测（按赢单日期统计赢单金额；没有赢单的月份按 FORECAST 的规则由相邻月份补全）；“**{ui:targets.useForecast}**”会把它填入年度目标，计划工作表在参数表下方保留该预测公式。公式中列出了结果列里表示赢单的词：如果以后使用新的词，请重新插入计划。",
      },
      {
        tab: "tab.followups",
        text: "列出下次跟进日期为今天或更早的线索，逾期最久的排在最前，其后是未来 7 天内到期的；按负责人筛选即可只看某个人（例如自己）的跟进。选中一条即可在工作簿中选中对应行，并可“**{ui:followups.markDone}**”（在“最近联系”列写入今天的日期，并清空下次跟进日期，或改为所选日期）或“**{ui:followups.reschedule}**”（把下次跟进日期改为所选日期）。两者都会先逐个列出将修改的单元格（原值 → 新值），确认后才写入；如读取列表后该行已在工作表中被修改，或要修改的单元格是公式，则不写入任何内容，并指出是哪一列。",
      },
      {
        tab: "tab.commission",
        text: "根据“开始”中映射的商机表（金额、负责人、结果或赢单日期）计算佣金。编辑佣金档位（每一档从某个金额起、对应一个比例，金额逐档递增），并选择“**{ui:commission.marginal}**”或“**{ui:commission.flat}**”；SALES.COMMISSION 不接受的档位会显示为错误，此时无法写入。表格列出各负责人在今年、本季度、本月或全部时间内的赢单金额和佣金。“**{ui:commission.addColumn}**”会在商机表中添加一列：赢单按公式中写入的档位计算 SALES.COMMISSION，其他商机为 0；按负责人和期间汇总即为窗格中的表格。公式中列出了结果列里表示赢单的词：使用新的词或修改档位后，请重新添加该列。",
      },
    ],
    panelsOutro: "你的选择（表格、列对应关系、目标）保存在工作簿中，重新打开文件时会自动恢复。",
    formulasOrValues: {
      id: "formulas-or-values",
      title: "写入公式还是数值",
      paragraphs: [
        "任务窗格写入的是 SALES 公式，表格列的每一行一个公式，数据变化时结果会自动更新。",
        "表格非常大时，窗格会建议改为写入计算好的数值。在表格中，每次编辑都会重新计算每一行的公式，每次调用都要携带该行、整张评分规则表和标题行；网页版 Excel 还把单次调用的数据量限制在约 5 MB（超过时显示 #CALC!）。窗格根据您自己的数据和所用平台估算这些字节数：在网页版 Excel 中，一次编辑超过 128 MB（或单次调用超过 4 MB）时建议写入数值；在 Windows 和 Mac 上为 1 GB，并在对话框中说明原因。也可以在“{ui:tab.scoring}”中设置超过多少行时改为写入数值。",
        "数值只是当时的快照，不会自动更新。线索或规则变化后，请使用“{ui:scoring.refreshValues}”（会先列出将要修改的单元格并征得同意）。",
        "“合格”列（每行一个 SALES.BANT）按其四个单元格以同样方式判断。对整列计算的单个公式（概览的“**{ui:overview.add}**”、漏斗报表、计划中的实际业绩和预测建议、SALES.WINPROB 的模型）是一次调用，携带其引用的每一列的全部行。在 Excel 网页版中，若该调用会超过 4 MB，窗格会提议改为写入此处显示的数值（标签会注明）；在 Windows 和 Mac 上照常写入公式。",
      ],
    },
    privacy: {
      id: "privacy",
      title: "隐私：数据只留在工作簿中",
      paragraphs: [
        "所有计算都在 Excel 内完成，即在你的电脑上或你的网页版 Excel 会话中。加载项自身不发起任何网络请求：它只加载自己的文件（来自贵组织托管它的地址）和微软的 Office JavaScript 库 office.js（来自 appsforoffice.microsoft.com）。",
        "它不会把工作簿数据发送到任何地方，没有遥测，也无需登录。它的设置保存在工作簿本身。这些帮助页面是静态页面，不会从其他网站加载任何内容。",
      ],
    },
    troubleshootingTitle: "问题排查",
    troubles: [
      {
        problem: "单元格显示 #NAME?",
        text: [
          "Excel 不认识 SALES 函数，说明此 Excel 中没有加载该加载项。请检查“开始”选项卡上是否有“**{ui:app.title}**”；管理员部署的加载项最多可能需要 24 小时才会出现，且可能需要重启 Excel。请打开一次任务窗格。",
          "如果按钮始终不出现，可能是此 Excel 版本太旧（见[哪些 Excel 可以运行](#excel-versions)）。函数名拼错（如 `SALES.FUNEL`）也会显示 #NAME?。",
        ],
      },
      {
        problem: "单元格显示 #BUSY!",
        text: [
          "Excel 仍在计算，或正在启动加载项（打开工作簿后的第一次计算会启动它）。通常几秒内就会消失；几十万行的区域需要更长时间。",
          "如果一直不消失，说明加载项没有启动：请关闭后重新打开任务窗格，或重启 Excel。",
        ],
      },
      {
        problem: "空白单元格被当作 0",
        text: [
          "Windows 上的某些 Excel 版本会把空白单元格作为 0 传给加载项函数。SALES 函数已考虑到这一点：在文本列（阶段、结果、负责人、字段名、标签）中 0 视为空白；在数字列中空白和 0 含义相同（空白金额不计入合计）。",
          "如果同一工作簿在两台电脑上结果不同，请检查是否有本想表示“未知”却填了 0 的单元格。",
        ],
      },
      {
        problem: "结果为 #VALUE!、#NUM!、#DIV/0! 或 #N/A",
        text: [
          '将鼠标指向单元格的错误提示标记：提示信息会指出出错的参数、单元格或值，例如 `Unknown stage "Demo" in stage_order`。',
        ],
      },
      {
        problem: "任务窗格一片空白，或 Excel 提示加载项无法启动",
        text: [
          "Excel 通过 HTTPS 从贵组织的服务器加载该加载项。如果当前网络无法访问该服务器（可能需要连接 VPN），或这台电脑不信任服务器的证书，任务窗格就会保持空白。",
          "请在浏览器中打开加载项的地址（向 IT 部门索取，以 `taskpane.html` 结尾）：如果浏览器出现证书警告，需要由 IT 部门在服务器上解决。在本机运行加载项的开发人员请参阅 README 的 Sideloading 一节。",
        ],
      },
    ],
    excelVersions: {
      id: "excel-versions",
      title: "哪些 Excel 可以运行",
      paragraphs: [
        "销售工具箱需要 Office 的两项功能：任务窗格和函数共用一个运行时（SharedRuntime 1.1），以及可返回 Excel 错误值的自定义函数（CustomFunctionsRuntime 1.2）。",
        "**可以运行：**网页版 Excel；Windows 上的 Microsoft 365 Excel（版本 2002 或更高）和 Mac 上的 Microsoft 365 Excel（16.35 或更高）；在 Windows 上一次性购买（零售版）的 Excel 2016 或更高版本，更新到版本 2311 或更高后；Excel LTSC 2021（批量许可）版本 2108 或更高。",
        "**无法运行：**批量许可的 Excel 2016 和 2019、更旧的版本，以及 iPad 版 Excel。在这些版本中不会提供该加载项（“我的加载项”中看不到，功能区也没有按钮），共享工作簿中的 SALES 公式会显示 #NAME?。",
      ],
    },
    functionsIntro: [
      '以下函数都在 `SALES` 命名空间中：输入 `=SALES.` 后从列表中选择。方括号 [ ] 中的参数是可选的，可以省略，也可以留空占位（`=SALES.BANTSCORE(B2:B4, C2:C4, D2:D4, E2:E4, 10000, , , "2025-01-01")`）。',
      "数字可以按习惯写成文本（`1,200`、`¥3.5万`、`15%`），日期可以是 Excel 日期或 `2025-01-31` 形式的文本，是/否可以用 TRUE/FALSE 或“是”“否”“yes”“no”等词。描述同一批记录的区域必须包含相同数量的单元格。比率以小数表示（0.25），可将单元格设置为百分比格式。",
      "每个示例都给出一个从 A1 开始的小工作表、公式，以及函数实际返回的结果（示例均经过代码校验）。函数名和参数名在中文 Excel 中同样是英文。",
    ],
    functionIndex: "函数列表",
    arguments: "参数",
    optional: "可选",
    returnsValue: "返回单个值。",
    returnsSpill: "返回一组结果，自动溢出到下方和右侧的单元格。",
    example: "示例",
    colon: "：",
    exampleSheet: "工作表",
    exampleFormula: "公式",
    exampleResult: "结果",
    exampleResultSpill: "结果（从公式所在单元格向外溢出）",
    noExample: "暂无示例。",
    column: "列",
    row: "行",
    backToTop: "返回函数列表",
    footer: "销售工具箱 {version}。这些页面随加载项一起提供，不会从其他地方加载任何内容。",
  },
};
