/**
 * The synonym table: which header names play which role, in English and Chinese and as the common CRMs export
 * them. Detection (detect.ts) is generic; everything CRM-specific lives here, so adding a CRM or a name is a
 * data change. Names are compared after normalisation (NFKC, case, spaces, punctuation, underscores and camelCase
 * ignored: "StageName" = "Stage Name" = "STAGENAME" = "stage_name"), so each name is written once as users see it.
 *
 * Where the names come from (checked against public material, not guessed; see notes/mapping.md):
 * [SF-FIELDS]  Salesforce Field Reference, Opportunity — labels and API names (Amount, CloseDate "Close Date",
 *              IsClosed "Closed", CreatedDate "Created Date", LastActivityDate "Last Activity", LeadSource
 *              "Lead Source", ExpectedRevenue "Expected Revenue", NextStep "Next Step", Probability, StageName):
 *              developer.salesforce.com/docs/atlas.en-us.228.0.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_Opportunity.htm
 * [SF-DMO]     Salesforce Opportunity DMO field list (IsWon, LastStageChangeDate, LastActivityDate, OwnerId …):
 *              developer.salesforce.com/docs/data/data-cloud-dmo-mapping/guide/c360dm-si-opportunitydmo-dmo.html
 * [SF-DL]      Data Loader extract headers are the SOQL field names, ALL CAPS before v61 and with
 *              sfdc.extraction.allCapsHeaders=true: github.com/forcedotcom/dataloader issues 1095, 1155, 1499.
 * [SF-REPORT]  Report exports in public code: "Territory Region,Opportunity Owner,Account Name,Opportunity Name,
 *              Stage,Forecast Category,Total Amount Currency,Total Amount,…,Fiscal Period,Close Date,Opportunity Next
 *              Steps,Type" (a Salesforce CSV adapter's test); lead report "Lead Owner,First Name,Last Name,Title,
 *              Company / Account,Lead Source,Rating,Street,Email"; report metadata labels FULL_NAME "Opportunity Owner",
 *              ACCOUNT_NAME "Account Name"; custom stage-date fields Date_Entered_Closed_Won__c.
 * [SF-ZH]      Salesforce in Chinese: 潜在客户所有人 (OwnerId), 潜在客户来源 (LeadSource), 潜在客户状态 (Status) from a
 *              public Lead field table; 商机所有人, 客户名, 结束日期 (Close Date) from public Salesforce-style UIs.
 * [ZOHO]       Zoho CRM Deals exports in public import scripts: "Record Id, Deal Owner.id, Deal Owner, Deal Name,
 *              Amount, Closing Date, Account Name.id, Account Name, Stage, Contact Name(.id), Created By(.id),
 *              Modified By(.id), Created Time, Modified Time, Last Activity Time, Pipeline, Reason For Loss";
 *              Leads: "Lead Owner, First Name, Last Name, Email, Company, No of Employees, Annual Revenue, Created By,
 *              Created Time, Modified Time, City, Lead Status" (Zoho API selectColumns in public code); Workato's Zoho
 *              CRM connector docs (Deal owner, Closing date, Lead source, Probability, Expected revenue, Last activity
 *              time, Campaign source).
 * [HUBSPOT]    HubSpot deal property labels (a public property dump, hairsolutionsco/automations_hub
 *              hubspot/objects/deals/properties.md): Deal owner, Deal Stage, Close Date, Create Date, HubSpot Create
 *              Date, Amount, Amount in company currency, Pipeline, Deal Name, Deal probability, Forecast probability,
 *              Last Activity Date, Last Contacted, Next Activity Date, Is Closed Won, Is Deal Closed?, Date entered
 *              "Stage (Pipeline)", Date exited …, Date entered current stage, Original Traffic Source, Closed Lost
 *              Reason; export header rows in public tests: "Record ID,Deal Name,Deal Stage,Amount,Deal owner,Close
 *              Date,Create Date,Last Activity Date"; BANT properties authority, budget, need, timeframe (keboola's
 *              HubSpot extractor template).
 * [FX]         Fxiaoke (纷享销客): field labels of its BI docs (zzj-custom/blog-vitepress docs/fxiaoke/analysis):
 *              负责人 (owner), 负责人主属部门 (owner_department), 归属部门 (data_own_department), 创建时间, 最后跟进时间
 *              (last_followed_time), 下次跟进时间 (next_followed_time), 客户来源, 客户名称, 商机金额, 预计成交日期,
 *              赢单/输单, 结单周期; OpenAPI sample of a 商机 (fxiaoke.apifox.cn/api-12896272): owner_department,
 *              probability, last_followed_time, expected_deal_closed_date, sales_stg_changed_time. 销售阶段, 商机阶段,
 *              结单日期, 商机来源, 线索来源, 所属部门 are the product's labels as named in the issue (not found in a
 *              public export file).
 * [SAMPLE]     The add-in's own sample workbook (src/sample/data.ts), en-US and zh-CN.
 */
import type { DealRole, RoleSpec, Scope, StageRole, TableKind, TableSpec, TargetRole } from "./types";

export const DEAL_ROLES: Readonly<Record<DealRole, RoleSpec>> = {
  owner: {
    kind: "category",
    names: [
      "Owner",
      "Owner Name",
      "Sales Rep",
      "Sales Representative",
      "Salesperson",
      "Sales Person",
      "Rep",
      "Account Executive",
      "Assigned To",
      "Opportunity Owner",
      "Lead Owner",
      "Deal Owner",
      "Owner.Name", // [SF-REPORT] [SF-DL] [ZOHO] [HUBSPOT]
      "负责人",
      "所有人",
      "销售",
      "销售人员",
      "销售代表",
      "业务员",
      "商机负责人",
      "线索负责人",
      "跟进人",
      "归属人",
      "商机所有人",
      "潜在客户所有人", // [SF-ZH]
    ],
    weaker: [
      ["Owner Alias", 0.9], // Salesforce report column
      ["Owner Full Name", 0.9],
      ["客户经理", 0.85],
      ["HubSpot Owner", 0.85],
      ["OwnerId", 0.8], // [SF-DL] a user id, not a name: second to Owner.Name
      ["HubSpot Owner ID", 0.8], // hubspot_owner_id
      ["Account Owner", 0.7], // the account's owner, not the deal's
    ],
    notWith: [
      "manager",
      "role",
      "email",
      "phone",
      "department",
      "team",
      "部门",
      "变更",
      "经理",
      "电话",
      "邮箱",
      "外部",
    ],
    exactOnly: ["销售", "所有人"],
  },
  region: {
    kind: "category",
    names: [
      "Region",
      "Sales Region",
      "Territory",
      "Sales Territory",
      "Territory Region",
      "Territory Name",
      "Area",
      "Sales Area",
      "地区",
      "区域",
      "大区",
      "片区",
      "销售区域",
      "所属区域",
      "所属地区",
      "所在地区",
      "战区",
    ],
    weaker: [
      ["所属部门", 0.9], // [FX] the 所属部门/区域
      ["归属部门", 0.9], // [FX] data_own_department
      ["负责人主属部门", 0.85], // [FX] owner_department
      ["负责人所在部门", 0.85],
      ["Department", 0.8],
      ["部门", 0.8],
      ["Business Unit", 0.8],
      ["Country/Region", 0.7], // HubSpot's address property
      ["省份", 0.7],
    ],
    notWith: ["manager", "code", "编码", "代码"],
    exactOnly: ["部门"],
  },
  source: {
    kind: "category",
    names: [
      "Source",
      "Lead Source",
      "Deal Source",
      "Opportunity Source",
      "Original Source",
      "Lead Channel",
      "Acquisition Channel",
      "来源",
      "线索来源",
      "商机来源",
      "客户来源",
      "来源渠道",
      "获客渠道",
      "潜在客户来源", // [SF-ZH] [FX]
    ],
    weaker: [
      ["Original Traffic Source", 0.9], // [HUBSPOT] hs_analytics_source
      ["Original Source Type", 0.9],
      ["Channel", 0.8],
      ["渠道", 0.8],
      ["Campaign Source", 0.6], // [ZOHO] the campaign, when no lead source
    ],
    notWith: ["detail", "drill", "data", "明细", "详情", "备注", "campaign"],
    exactOnly: ["渠道"],
  },
  stage: {
    kind: "category",
    names: [
      "Stage",
      "Stage Name",
      "StageName",
      "Deal Stage",
      "Sales Stage",
      "Pipeline Stage",
      "Opportunity Stage",
      "Current Stage",
      "阶段",
      "销售阶段",
      "商机阶段",
      "当前阶段",
      "跟进阶段",
      "阶段名称",
    ],
    weaker: [
      ["Lead Status", 0.8], // [ZOHO] [SF] a lead's funnel position
      ["潜在客户状态", 0.8], // [SF-ZH]
      ["线索状态", 0.8],
      ["Lifecycle Stage", 0.8], // HubSpot contacts
      ["Status", 0.7], // generic: also an outcome word; sample values decide
      ["状态", 0.7],
    ],
    notWith: [
      "change",
      "changed",
      "duration",
      "history",
      "entered",
      "exited",
      "reason",
      "变更",
      "时长",
      "停留",
      "原因",
      "最后",
    ],
    exactOnly: ["状态"],
  },
  outcome: {
    kind: "outcome",
    names: [
      "Outcome",
      "Result",
      "Deal Result",
      "Won/Lost",
      "Win/Loss",
      "Deal Outcome",
      "结果",
      "输赢",
      "赢单/输单",
      "成交结果",
      "商机结果",
    ],
    weaker: [
      ["商机状态", 0.9], // [FX] 进行中 / 赢单 / 输单 / 无效
      ["阶段状态", 0.8],
      ["Status", 0.7],
      ["状态", 0.7],
    ],
    notWith: ["reason", "原因", "lead"],
    exactOnly: ["状态"],
  },
  amount: {
    kind: "number",
    names: [
      "Amount",
      "Deal Amount",
      "Deal Value",
      "Deal Size",
      "Opportunity Amount",
      "Opportunity Value",
      "金额",
      "商机金额",
      "成交金额",
      "预计金额",
      "合同金额",
      "销售金额",
      "订单金额",
    ],
    weaker: [
      ["Total Amount", 0.9], // [SF-REPORT]
      ["Value", 0.8],
      ["Revenue", 0.8],
      ["销售额", 0.8],
      ["Amount in company currency", 0.6], // [HUBSPOT] a converted copy of Amount
    ],
    notWith: [
      "expected",
      "weighted",
      "forecast",
      "predicted",
      "projected",
      "currency",
      "closed deal",
      "recurring",
      "home",
      "预测",
      "加权",
      "币种",
      "回款",
      "待回款",
    ],
  },
  created: {
    kind: "date",
    names: [
      "Created",
      "Created Date",
      "Create Date",
      "Created Time",
      "Created At",
      "Date Created",
      "Creation Date",
      "Created On",
      "创建日期",
      "创建时间",
      "建立日期",
      "录入日期",
      "新建时间",
      "创建于",
    ],
    weaker: [["HubSpot Create Date", 0.9]], // [HUBSPOT] next to Create Date
    notWith: ["by", "人", "年", "季度", "月", "周"],
  },
  closeDate: {
    kind: "date",
    names: [
      "Close Date",
      "CloseDate",
      "Closing Date",
      "Expected Close Date",
      "Expected Close",
      "Estimated Close Date",
      "Target Close Date",
      "Deal Close Date",
      "Expected Closing Date",
      "预计成交日期",
      "预计成交时间",
      "预计结单日期",
      "预计签约日期",
      "预计关闭日期",
      "预计赢单日期",
    ],
    weaker: [
      ["结束日期", 0.9], // [SF-ZH] Close Date
      ["关闭日期", 0.9],
      ["Close", 0.7],
    ],
    notWith: ["reason", "原因", "by", "人"],
  },
  wonDate: {
    kind: "date",
    names: [
      "Won Date",
      "Date Won",
      "Closed Won Date",
      "Actual Close Date",
      "Closed Date",
      "Date Closed",
      "Close Won Date",
      "结单日期",
      "赢单日期",
      "成交日期",
      "签约日期",
      "实际成交日期",
      "成单日期",
      "实际结单日期",
    ],
    notWith: ["reason", "原因", "by", "人", "周期", "expected", "estimated", "target", "预计", "计划"],
  },
  lastContact: {
    kind: "date",
    names: [
      "Last Contact",
      "Last Contacted",
      "Last Contact Date",
      "Last Touch",
      "Last Follow-up",
      "Last Follow-up Date",
      "最近联系",
      "最近联系时间",
      "最近联系日期",
      "最后联系时间",
      "最后跟进时间",
      "最后跟进日期",
      "最近跟进时间",
      "最近跟进",
      "上次跟进",
      "上次跟进时间",
      "上次联系",
      "上次联系时间",
    ],
    weaker: [
      ["Last Activity Date", 0.9], // [HUBSPOT] next to Last Contacted; [SF-FIELDS] LastActivityDate
      ["Last Activity", 0.9], // [SF-FIELDS] label of LastActivityDate
      ["Last Activity Time", 0.9], // [ZOHO]
      ["最近活动时间", 0.9],
      ["Last Engagement Date", 0.85],
    ],
    notWith: ["type", "by", "人", "方式", "内容", "类型", "note", "notes", "记录"],
  },
  nextFollowUp: {
    kind: "date",
    names: [
      "Next Follow-up",
      "Next Follow-up Date",
      "Next Follow Up",
      "Follow-up Date",
      "Follow Up Date",
      "Next Contact",
      "Next Contact Date",
      "Next Touch",
      "Next Activity Date",
      "下次跟进",
      "下次跟进时间",
      "下次跟进日期",
      "下次联系",
      "下次联系时间",
      "下次联系日期",
      "计划跟进日期",
      "计划跟进时间",
    ],
    weaker: [
      ["Follow-up", 0.8],
      ["跟进日期", 0.8],
      ["回访日期", 0.8],
      ["Next Activity", 0.8], // [HUBSPOT] label next to Next Activity Date
      ["Next Meeting Date", 0.7],
    ],
    notWith: ["type", "step", "name", "by", "人", "方式", "内容", "类型", "名称"],
  },
  budget: {
    kind: "budget",
    names: ["Budget", "Budget Amount", "Budget Confirmed", "预算", "预算金额", "客户预算", "预算情况"],
    weaker: [
      ["Budget Status", 0.9],
      ["预算状态", 0.9],
    ],
  },
  authority: {
    kind: "any",
    names: [
      "Authority",
      "Decision Maker",
      "Decision-maker",
      "Decision Maker Identified",
      "决策人",
      "决策者",
      "拍板人",
      "权限",
    ],
    weaker: [
      ["Economic Buyer", 0.8],
      ["决策链", 0.7],
    ],
    exactOnly: ["权限"],
    notWith: ["bought-in", "bought in"], // HubSpot's "Decision Maker Bought-In" is a pipeline stage
  },
  need: {
    kind: "any",
    names: [
      "Need",
      "Needs",
      "Pain",
      "Pain Point",
      "Pain Points",
      "Business Need",
      "需求",
      "痛点",
      "客户需求",
      "需求描述",
    ],
    weaker: [
      ["Requirement", 0.8],
      ["Requirements", 0.8],
    ],
    notWith: ["数量", "count"],
  },
  timeline: {
    kind: "timeline",
    names: [
      "Timeline",
      "Timeframe",
      "Time Frame",
      "Purchase Timeline",
      "Timing",
      "Expected Purchase Date",
      "Purchase Date",
      "采购时间",
      "预计采购时间",
      "预计采购日期",
      "时间线",
      "采购计划时间",
    ],
    weaker: [
      ["Decision Date", 0.8],
      ["采购周期", 0.8],
    ],
  },
  company: {
    kind: "text",
    names: [
      "Company",
      "Company Name",
      "Account",
      "Account Name",
      "Account.Name",
      "Customer",
      "Customer Name",
      "Client",
      "Client Name",
      "Organization",
      "Organisation",
      "Company / Account", // [SF-REPORT] lead report
      "公司",
      "公司名称",
      "客户",
      "客户名称",
      "客户名",
      "企业名称",
      "单位名称",
      "企业",
    ],
    weaker: [["Associated Company", 0.9]], // [HUBSPOT]
    notWith: ["owner", "type", "industry", "domain", "size", "number", "所有人", "类型", "行业", "规模", "负责人"],
    exactOnly: ["客户", "公司", "企业"],
  },
  name: {
    kind: "text",
    names: [
      "Deal Name",
      "Opportunity Name",
      "Lead Name",
      "Full Name",
      "Deal",
      "Opportunity",
      "Deal Title",
      "商机名称",
      "商机名",
      "线索名称",
      "姓名",
      "机会名称",
    ],
    weaker: [
      ["Name", 0.8],
      ["名称", 0.8],
      ["项目名称", 0.8],
    ],
    notWith: [
      "account",
      "company",
      "contact",
      "owner",
      "stage",
      "first",
      "last",
      "campaign",
      "product",
      "客户",
      "公司",
      "联系人",
      "阶段",
      "活动",
      "产品",
    ],
    exactOnly: ["名称"],
  },
  probability: {
    kind: "percent",
    names: [
      "Probability",
      "Probability (%)",
      "Win Probability",
      "Deal Probability",
      "Likelihood",
      "Close Probability",
      "赢率",
      "赢单概率",
      "成交概率",
      "可能性",
      "可能性(%)",
      "成功率",
      "赢单率",
    ],
    weaker: [
      ["Forecast Probability", 0.9],
      ["概率", 0.9],
    ],
    notWith: ["shadow", "stage probability"],
  },
  isWon: {
    kind: "flag",
    names: ["Won", "IsWon", "Is Won", "Is Closed Won", "是否赢单", "已赢单"],
    notWith: ["reason", "date", "amount", "count", "原因", "日期", "金额"],
  },
  isClosed: {
    kind: "flag",
    names: [
      "Closed",
      "IsClosed",
      "Is Closed",
      "Is Deal Closed",
      "Is Deal Closed?",
      "是否关闭",
      "已关闭",
      "是否结单",
      "已结单",
    ],
    notWith: ["reason", "date", "amount", "count", "won", "lost", "原因", "日期", "金额"],
  },
  stageChanged: {
    kind: "date",
    names: [
      "Last Stage Change Date",
      "Stage Change Date",
      "Stage Changed",
      "Stage Changed Date",
      "Date entered current stage",
      "阶段变更时间",
      "阶段变更日期",
      "最近阶段变更时间",
      "Sales Stg Changed Time", // [FX] sales_stg_changed_time
    ],
    notWith: ["by", "人", "days", "天数"],
  },
};

export const STAGE_ROLES: Readonly<Record<StageRole, RoleSpec>> = {
  stage: {
    kind: "category",
    names: [...DEAL_ROLES.stage.names, "Name", "名称"],
    notWith: DEAL_ROLES.stage.notWith,
  },
  order: {
    kind: "number",
    names: [
      "Order",
      "Stage Order",
      "Sort Order",
      "Sequence",
      "Position",
      "Step",
      "Stage Number",
      "No.",
      "顺序",
      "序号",
      "排序",
      "步骤",
      "阶段顺序",
    ],
  },
  probability: { kind: "percent", names: DEAL_ROLES.probability.names, weaker: DEAL_ROLES.probability.weaker },
  conversion: {
    kind: "percent",
    names: ["Conversion", "Conversion Rate", "Step Conversion", "Stage Conversion", "转化率", "转换率", "阶段转化率"],
  },
};

export const TARGET_ROLES: Readonly<Record<TargetRole, RoleSpec>> = {
  owner: {
    kind: "category",
    names: DEAL_ROLES.owner.names,
    weaker: DEAL_ROLES.owner.weaker,
    notWith: DEAL_ROLES.owner.notWith,
  },
  weight: { kind: "number", names: ["Weight", "Weights", "Share", "Split", "权重", "占比", "比例", "分配比例"] },
  target: {
    kind: "number",
    names: [
      "Target",
      "Quota",
      "Annual Target",
      "Target Amount",
      "Sales Target",
      "Annual Quota",
      "Goal",
      "目标",
      "目标金额",
      "年度目标",
      "销售目标",
      "配额",
      "任务额",
      "业绩目标",
      "指标",
    ],
  },
};

export const SCOPE_ROLES: { readonly [S in Scope]: Readonly<Record<string, RoleSpec>> } = {
  deals: DEAL_ROLES,
  stages: STAGE_ROLES,
  targets: TARGET_ROLES,
};

/** Every deal role, in the order a mapping screen lists them. */
export const DEAL_ROLE_ORDER: readonly DealRole[] = [
  "company",
  "name",
  "owner",
  "region",
  "source",
  "stage",
  "outcome",
  "amount",
  "probability",
  "created",
  "closeDate",
  "wonDate",
  "lastContact",
  "nextFollowUp",
  "stageChanged",
  "isWon",
  "isClosed",
  "budget",
  "authority",
  "need",
  "timeline",
];

/** Table names per kind; the sample's tables are named Leads, ScoringRules, Stages and Targets in both languages. */
export const TABLE_KINDS: Readonly<Record<TableKind, TableSpec>> = {
  deals: {
    names: [
      "Leads",
      "Deals",
      "Opportunities",
      "Opportunity",
      "Pipeline",
      "Sales Pipeline",
      "Prospects",
      "Deal",
      "Lead",
      "线索",
      "销售线索",
      "商机",
      "商机管理",
      "销售机会",
      "机会",
      "客户线索",
    ],
    weaker: [
      ["Data", 0.5],
      ["Export", 0.5],
      ["Report", 0.5],
      ["数据", 0.5],
      ["导出", 0.5],
    ],
  },
  rules: {
    names: [
      "ScoringRules",
      "Scoring Rules",
      "Rules",
      "Lead Scoring",
      "Score Rules",
      "评分规则",
      "规则",
      "打分规则",
      "评分",
    ],
  },
  stages: {
    names: [
      "Stages",
      "Stage Order",
      "Pipeline Stages",
      "Sales Stages",
      "Funnel Stages",
      "阶段",
      "销售阶段",
      "阶段表",
      "漏斗阶段",
    ],
  },
  targets: {
    names: [
      "Targets",
      "Target",
      "Quotas",
      "Quota",
      "Goals",
      "Sales Targets",
      "Plan",
      "目标",
      "销售目标",
      "指标",
      "配额",
      "任务",
      "业绩目标",
    ],
  },
};

/** Whether a deals table is a leads list or a deals list, from its name or its owner/stage headers. */
export const LEADS_FLAVOR_WORDS: readonly string[] = ["lead", "leads", "prospect", "prospects", "线索", "潜在客户"];
export const DEALS_FLAVOR_WORDS: readonly string[] = [
  "deal",
  "deals",
  "opportunity",
  "opportunities",
  "pipeline",
  "商机",
  "机会",
];

/** The rules table's columns (src/engine/scoring.ts reads Field, Operator, Value, Points, Group, Cap by position). */
export const RULE_HEADERS: Readonly<Record<"field" | "operator" | "value" | "points", readonly string[]>> = {
  field: ["Field", "Column", "字段", "列"],
  operator: ["Operator", "Op", "Condition", "运算符", "操作符", "条件"],
  value: ["Value", "Values", "值", "取值"],
  points: ["Points", "Score", "Weight", "分数", "分值", "得分", "积分"],
};

/**
 * Words in a header beside a role name that make a contains-match something else: a text role's "… Date" is a
 * date, a date role's "… By" is a person. Keyed by class; `FORBIDDEN_CLASSES` says which classes each value kind
 * refuses. Only contains-matches are checked: an exact name is trusted.
 */
export const WORD_CLASSES: Readonly<Record<string, readonly string[]>> = {
  date: ["date", "time", "day", "at", "on", "when", "日期", "时间", "日", "年", "月", "季度"],
  number: ["amount", "value", "revenue", "price", "total", "sum", "size", "金额", "价格", "总额", "合计"],
  percent: ["probability", "percent", "rate", "概率", "率", "百分比"],
  flag: ["is", "has", "是否"],
  id: ["id", "ids", "no", "number", "code", "key", "编号", "代码", "编码"],
  count: ["count", "num", "数量", "次数", "数"],
  person: ["by", "owner", "user", "人", "者"],
  words: [
    "type",
    "name",
    "reason",
    "note",
    "notes",
    "description",
    "subject",
    "comment",
    "currency",
    "类型",
    "名称",
    "原因",
    "备注",
    "描述",
    "币种",
    "方式",
  ],
};

export const FORBIDDEN_CLASSES: Readonly<Record<string, readonly string[]>> = {
  category: ["date", "number", "percent", "flag", "id", "count"],
  text: ["date", "number", "percent", "flag", "id", "count"],
  date: ["number", "percent", "flag", "id", "count", "person", "words"],
  number: ["date", "percent", "flag", "id", "count", "person", "words"],
  percent: ["date", "number", "flag", "id", "count", "person", "words"],
  outcome: ["date", "number", "percent", "id", "count", "person"],
  flag: ["date", "number", "percent", "id", "count", "person"],
  budget: ["date", "percent", "flag", "id", "count", "person"],
  timeline: ["number", "percent", "flag", "id", "count", "person"],
  any: ["date", "number", "percent", "flag", "id", "count"],
};
