/**
 * Page types of the demo case-handling system: which canonical fields each form shows, in which
 * sections, with the labels the real system uses (often not the canonical first label).
 * A field is [key, label?]; the label defaults to the canonical one.
 */
export interface PageType {
  title: string;
  sections: [string, [string, string?][]][];
}

const CASE_HEAD: [string, string?][] = [['case.number'], ['case.cause', '案由'], ['case.unit'], ['case.officers']];
const SUSPECT: [string, string?][] = [['suspect.name', '嫌疑人姓名'], ['suspect.idNumber', '公民身份号码'], ['suspect.gender'], ['suspect.birthDate']];

export const PAGE_TYPES: Record<string, PageType> = {
  acceptance: {
    title: '受案登记表',
    sections: [
      ['案件信息', [['case.number', '受案编号'], ['case.kind'], ['case.cause'], ['case.unit'], ['case.officers'], ['case.offenceAt', '发案时间']]],
      ['报案人及受案', [['case.acceptedAt'], ['case.receiptServedAt'], ['case.receiptNote'], ['case.hasComplainant']]],
      ['审查结果', [['case.filingDecision'], ['case.filingDecidedAt'], ['case.refusalNoticeServedAt'], ['case.transferredAt']]],
    ],
  },
  detention: {
    title: '刑事拘留',
    sections: [
      ['案件信息', [['case.number'], ['case.cause', '涉嫌罪名'], ['case.unit'], ['case.officers']]],
      ['犯罪嫌疑人', [['suspect.name', '嫌疑人姓名'], ['suspect.idNumber', '身份证号码'], ['suspect.gender'], ['suspect.birthDate']]],
      [
        '拘留执行',
        [
          ['detention.approvedAt'], ['detention.certificateNo'], ['detention.startAt', '执行拘留时间'], ['detention.custodyAt', '送看守所时间'],
          ['detention.familyNotifiedAt'], ['detention.noNoticeReason'], ['detention.firstInterrogationAt'],
        ],
      ],
      ['提请批准逮捕', [['detention.arrestRequestedAt'], ['detention.extension'], ['detention.extensionDays'], ['detention.extensionReason'], ['detention.extensionApproved']]],
    ],
  },
  bail: {
    title: '取保候审',
    sections: [
      ['案件信息', [['case.number'], ['case.cause', '涉嫌罪名'], ['case.unit'], ['case.officers']]],
      ['被取保候审人', [['suspect.name', '嫌疑人姓名'], ['suspect.idNumber', '公民身份号码'], ['suspect.gender'], ['suspect.birthDate']]],
      ['取保候审决定', [['bail.startDate', '取保候审起始日期'], ['bail.endDate', '取保候审截止日期'], ['bail.guarantor', '保证人姓名'], ['bail.depositAmount', '保证金（元）'], ['bail.obligationsAcknowledged']]],
    ],
  },
  penalty: {
    title: '行政处罚决定',
    sections: [
      ['案件信息', [['case.number'], ['case.kind'], ['case.adminType'], ['case.cause', '违法行为'], ['case.unit'], ['case.officers', '办案人']]],
      ['违法嫌疑人', [['suspect.name', '违法嫌疑人姓名'], ['suspect.idNumber', '身份证号'], ['suspect.gender'], ['suspect.birthDate']]],
      ['办案期限', [['case.offenceAt', '违法行为发生时间'], ['case.acceptedAt', '受案时间'], ['case.filingDecidedAt'], ['case.extensionApprovals']]],
      [
        '处罚决定',
        [
          ['penalty.procedure'], ['penalty.decider'], ['penalty.party', '被处罚人类型'], ['penalty.kind'], ['penalty.fineAmount', '罚款金额（元）'], ['penalty.detentionDays'],
          ['penalty.combinedDetention'], ['penalty.detentionExecuted'], ['penalty.basis'], ['penalty.noticeAt', '处罚前告知时间'], ['penalty.hearingNotified'],
          ['penalty.decidedAt'], ['penalty.servedAt', '决定书送达时间'],
        ],
      ],
    ],
  },
};

Object.assign(PAGE_TYPES, {
  summons: {
    title: '传唤、拘传',
    sections: [
      ['案件信息', CASE_HEAD],
      ['被传唤人', SUSPECT],
      ['传唤情况', [['summons.kind'], ['summons.arrivedAt'], ['summons.leftAt'], ['summons.extensionApproved', '延长询问查证时间审批']]],
    ],
  },
  arrest: {
    title: '逮捕',
    sections: [
      ['案件信息', CASE_HEAD],
      ['犯罪嫌疑人', SUSPECT],
      ['逮捕执行', [['arrest.executedAt'], ['arrest.familyNotifiedAt'], ['arrest.noNoticeReason'], ['arrest.firstInterrogationAt']]],
    ],
  },
  surveillance: {
    title: '监视居住',
    sections: [
      ['案件信息', CASE_HEAD],
      ['犯罪嫌疑人', [...SUSPECT, ['suspect.hasResidence']]],
      [
        '监视居住决定',
        [
          ['surveillance.startDate'], ['surveillance.endDate'], ['surveillance.designated'], ['surveillance.placeType'], ['surveillance.crimeType'],
          ['surveillance.upperApproved'], ['surveillance.familyNotifiedAt'], ['surveillance.noNoticeReason'],
        ],
      ],
    ],
  },
  interrogation: {
    title: '讯问笔录',
    sections: [
      ['案件信息', [...CASE_HEAD, ['case.majorCrime']]],
      ['犯罪嫌疑人', SUSPECT],
      [
        '讯问情况',
        [
          ['interrogation.startAt'], ['interrogation.endAt'], ['interrogation.interrogators'], ['interrogation.venue'], ['interrogation.inCustody'],
          ['interrogation.rightsNotified'], ['interrogation.recorded'], ['interrogation.maxPenalty'], ['interrogation.adultPresent'], ['interrogation.femaleStaffPresent'],
        ],
      ],
    ],
  },
  seizure: {
    title: '查封、扣押',
    sections: [
      ['案件信息', [['case.number'], ['case.kind'], ['case.cause', '案由'], ['case.unit']]],
      [
        '扣押情况',
        [
          ['seizure.startDate'], ['seizure.endDate'], ['seizure.officers', '扣押人'], ['seizure.witness'], ['seizure.listCopies'], ['seizure.recorded'],
          ['seizure.excludedDays'], ['seizure.extensionApproved'],
        ],
      ],
    ],
  },
  'adm-summons': {
    title: '治安传唤、询问查证',
    sections: [
      ['案件信息', [['case.number'], ['case.kind'], ['case.adminType'], ['case.cause', '违法行为'], ['case.unit'], ['case.officers']]],
      ['被传唤人', SUSPECT],
      ['传唤情况', [['summons.arrivedAt'], ['summons.leftAt', '离所时间'], ['summons.extensionReason'], ['summons.possibleDetention'], ['summons.familyNotifiedAt']]],
      ['询问情况', [['interrogation.startAt', '询问开始时间'], ['interrogation.venue', '询问地点'], ['interrogation.recorded'], ['interrogation.adultPresent']]],
    ],
  },
});

/** Options of select fields whose vocabulary fields.md leaves open. */
export const EXTRA_OPTIONS: Record<string, string[]> = {
  'detention.noNoticeReason': ['无法通知', '涉嫌危害国家安全犯罪通知可能有碍侦查', '涉嫌恐怖活动犯罪通知可能有碍侦查', '其他'],
};
