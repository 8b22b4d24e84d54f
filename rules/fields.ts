/**
 * Canonical case fields (../shared/domain/fields.md). Rules speak only of these keys; page
 * reading maps a page onto them by the labels below (first label is the canonical one).
 */
export type FieldType = 'datetime' | 'date' | 'amount' | 'int' | 'bool' | 'enum' | 'text' | 'list';

/** Repeated groups: several suspects or interrogation sessions on one page. */
export type FieldGroup = 'suspect' | 'interrogation';

export interface FieldDef {
  key: string;
  type: FieldType;
  labels: readonly string[];
  /** Allowed values of an enum or the vocabulary of a list, where fields.md gives them. */
  values?: readonly string[];
}

const f = (key: string, type: FieldType, labels: string, values?: string): FieldDef => ({
  key,
  type,
  labels: labels.split(',').map((l) => l.trim()),
  ...(values ? { values: values.split('/') } : {}),
});

export const FIELDS: readonly FieldDef[] = [
  f('case.number', 'text', '案件编号, 案号, 受案编号'),
  f('case.kind', 'enum', '案件类型, 案件类别', '刑事/行政'),
  f('case.adminType', 'enum', '行政案件类型', '治安案件/其他行政案件'),
  f('case.cause', 'text', '案由, 涉嫌罪名, 违法行为'),
  f('case.unit', 'text', '办案单位, 主办单位'),
  f('case.officers', 'list', '办案民警, 办案人, 承办人'),
  f('case.offenceAt', 'datetime', '案发时间, 发案时间, 违法行为发生时间'),
  f('case.acceptedAt', 'datetime', '受案时间, 受理时间, 接报时间'),
  f('case.receiptServedAt', 'datetime', '回执送达时间, 受案回执送达时间'),
  f('case.receiptNote', 'text', '回执备注, 未送达回执原因'),
  f('case.filingDecision', 'enum', '立案决定, 审查结果', '立案/不予立案/移送'),
  f('case.filingDecidedAt', 'datetime', '立案时间, 立案决定时间'),
  f('case.hasComplainant', 'bool', '有无控告人, 是否有控告人'),
  f('case.refusalNoticeServedAt', 'datetime', '不予立案通知书送达时间'),
  f('case.transferredAt', 'datetime', '移送时间, 移送管辖时间'),
  f('case.extensionApprovals', 'int', '延长办案期限审批次数, 延长办案期限次数'),
  f('case.excludedDays', 'int', '不计入办案期限天数, 鉴定听证期间天数'),
  f('case.majorCrime', 'bool', '是否重大犯罪案件, 重大犯罪案件'),
  f('suspect.name', 'text', '姓名, 嫌疑人姓名, 违法嫌疑人姓名'),
  f('suspect.idNumber', 'text', '公民身份号码, 身份证号码, 身份证号, 证件号码'),
  f('suspect.birthDate', 'date', '出生日期'),
  f('suspect.gender', 'enum', '性别', '男/女'),
  f('suspect.hasResidence', 'bool', '有无固定住处, 是否有固定住处'),
  f('detention.approvedAt', 'datetime', '拘留批准时间'),
  f('detention.certificateNo', 'text', '拘留证号, 拘留证文号'),
  f('detention.startAt', 'datetime', '拘留时间, 执行拘留时间, 拘留执行时间'),
  f('detention.custodyAt', 'datetime', '送看守所时间, 送押时间, 入所时间'),
  f('detention.familyNotifiedAt', 'datetime', '通知家属时间, 拘留通知书送达时间'),
  f('detention.noNoticeReason', 'enum', '未通知家属原因, 无法通知原因, 未通知理由'),
  f('detention.firstInterrogationAt', 'datetime', '第一次讯问时间, 首次讯问时间'),
  f('detention.arrestRequestedAt', 'datetime', '提请批准逮捕时间, 提请批捕时间'),
  f('detention.extension', 'enum', '延长提请批捕期限, 提请批捕延长', '无/延长1至4日/延长至30日'),
  f('detention.extensionDays', 'int', '延长天数'),
  f('detention.extensionReason', 'enum', '延长理由', '流窜作案/多次作案/结伙作案/其他'),
  f('detention.extensionApproved', 'bool', '延长已审批, 延长审批'),
  f('detention.releasedAt', 'datetime', '释放时间, 解除拘留时间, 变更强制措施时间'),
  f('arrest.executedAt', 'datetime', '逮捕执行时间, 执行逮捕时间'),
  f('arrest.familyNotifiedAt', 'datetime', '逮捕通知家属时间'),
  f('arrest.noNoticeReason', 'enum', '逮捕未通知家属原因', '无法通知'),
  f('arrest.firstInterrogationAt', 'datetime', '逮捕后首次讯问时间'),
  f('bail.startDate', 'date', '取保候审开始日期, 取保候审起始日期, 取保候审执行日期'),
  f('bail.endDate', 'date', '取保候审截止日期, 取保候审期限至'),
  f('bail.guarantor', 'text', '保证人, 保证人姓名'),
  f('bail.depositAmount', 'amount', '保证金, 保证金数额, 保证金金额'),
  f('bail.obligationsAcknowledged', 'bool', '已告知应遵守规定, 义务告知'),
  f('surveillance.startDate', 'date', '监视居住开始日期, 监视居住起始日期'),
  f('surveillance.endDate', 'date', '监视居住截止日期, 监视居住期限至'),
  f('surveillance.designated', 'bool', '指定居所, 是否指定居所'),
  f('surveillance.placeType', 'enum', '执行地点类型, 执行场所', '住处/指定居所/羁押场所/办案场所/办公场所'),
  f('surveillance.familyNotifiedAt', 'datetime', '监视居住通知家属时间'),
  f('surveillance.noNoticeReason', 'enum', '监视居住未通知家属原因', '无法通知'),
  f('surveillance.crimeType', 'enum', '涉嫌犯罪类型', '危害国家安全/恐怖活动/其他'),
  f('surveillance.upperApproved', 'bool', '上一级公安机关批准, 上一级批准'),
  f('interrogation.startAt', 'datetime', '讯问开始时间, 询问开始时间'),
  f('interrogation.endAt', 'datetime', '讯问结束时间, 询问结束时间'),
  f('interrogation.interrogators', 'list', '讯问人, 询问人, 讯（询）问人'),
  f('interrogation.venue', 'enum', '讯问地点, 询问地点', '看守所讯问室/执法办案场所讯问室/现场/其他'),
  f('interrogation.inCustody', 'bool', '是否已送看守所, 已羁押'),
  f('interrogation.rightsNotified', 'bool', '权利义务告知, 已告知诉讼权利'),
  f('interrogation.recorded', 'bool', '同步录音录像, 全程录音录像'),
  f('interrogation.maxPenalty', 'enum', '可能判处刑罚', '无期徒刑/死刑/其他'),
  f('interrogation.adultPresent', 'text', '到场成年人, 法定代理人, 合适成年人'),
  f('interrogation.adultAbsentReason', 'text', '监护人未到场原因, 未通知监护人原因'),
  f('interrogation.femaleStaffPresent', 'bool', '女性工作人员在场'),
  f('summons.kind', 'enum', '传唤方式, 到案方式', '传唤/口头传唤/拘传'),
  f('summons.arrivedAt', 'datetime', '到案时间'),
  f('summons.leftAt', 'datetime', '离开时间, 离所时间'),
  f('summons.extensionApproved', 'bool', '延长询问查证时间审批'),
  f('summons.possibleDetention', 'bool', '可能适用行政拘留'),
  f('summons.extensionReason', 'enum', '延长询问查证原因', '人数众多/身份不明/情况复杂/无'),
  f('summons.familyNotifiedAt', 'datetime', '传唤通知家属时间'),
  f('penalty.procedure', 'enum', '办案程序, 程序类型', '简易程序/普通程序'),
  f('penalty.kind', 'list', '处罚种类, 处罚决定内容', '警告/罚款/行政拘留/吊销许可证件/没收违法所得/责令停产停业/责令停业整顿'),
  f('penalty.party', 'enum', '被处罚人类型, 当事人类型', '个人/单位'),
  f('penalty.fineAmount', 'amount', '罚款金额, 罚款数额'),
  f('penalty.detentionDays', 'int', '拘留天数, 行政拘留天数'),
  f('penalty.basis', 'text', '处罚依据, 法律依据'),
  f('penalty.noticeAt', 'datetime', '告知时间, 处罚前告知时间'),
  f('penalty.hearingNotified', 'bool', '听证告知, 已告知听证权利'),
  f('penalty.decidedAt', 'datetime', '处罚决定时间, 决定时间'),
  f('penalty.servedAt', 'datetime', '送达时间, 决定书送达时间'),
  f('penalty.decider', 'enum', '决定机关', '派出所/县级以上公安机关'),
  f('penalty.detentionExemption', 'enum', '不执行拘留情形', '无/已满十四周岁不满十六周岁/已满十六周岁不满十八周岁初次/七十周岁以上/怀孕或哺乳不满一周岁婴儿'),
  f('penalty.detentionExecuted', 'bool', '送拘留所执行, 是否送拘留所执行'),
  f('penalty.combinedDetention', 'bool', '合并执行拘留, 合并执行'),
  f('penalty.exemptionException', 'text', '不适用不执行拘留情形, 依法执行拘留理由'),
  f('penalty.partyObjection', 'enum', '当事人有无异议, 当事人异议', '有/无'),
  f('seizure.startDate', 'date', '扣押日期, 查封扣押日期'),
  f('seizure.endDate', 'date', '扣押期限至, 扣押截止日期'),
  f('seizure.officers', 'list', '扣押人, 执行人'),
  f('seizure.witness', 'text', '见证人'),
  f('seizure.listCopies', 'int', '清单份数'),
  f('seizure.recorded', 'bool', '扣押录音录像, 扣押全程录音录像'),
  f('seizure.place', 'enum', '扣押地点, 查封扣押地点', '执法办案场所/现场/其他'),
  f('seizure.excludedDays', 'int', '检测鉴定期间天数, 不计入扣押期限天数'),
  f('seizure.extensionApproved', 'bool', '扣押延长审批, 延长扣押期限审批'),
];

export const FIELD_KEYS = FIELDS.map((d) => d.key) as [string, ...string[]];

const byKey = new Map(FIELDS.map((d) => [d.key, d]));

export function fieldDef(key: string): FieldDef | undefined {
  return byKey.get(key);
}

/** The canonical (first) Chinese label, used in messages. */
export function fieldLabel(key: string): string {
  return byKey.get(key)?.labels[0] ?? key;
}

export function fieldGroup(key: string): FieldGroup | undefined {
  if (key.startsWith('suspect.')) return 'suspect';
  if (key.startsWith('interrogation.')) return 'interrogation';
  return undefined;
}
