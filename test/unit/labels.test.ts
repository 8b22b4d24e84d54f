/** The label dictionary: every label of fields.md, and the normalisations it names. */
import { describe, expect, it } from 'vitest';
import { keyForLabel, matchLabel, matchLabelIn, normalizeLabel } from '../../lib/page/labels';
import { FIELDS } from '../../rules/fields';
import { candidatesFor } from '../../lib/page/candidates';

describe('label dictionary', () => {
  it('maps every listed label to its canonical field (first listing wins on a shared label)', () => {
    const owner = new Map<string, string>();
    for (const def of FIELDS) for (const l of def.labels) if (!owner.has(normalizeLabel(l))) owner.set(normalizeLabel(l), def.key);
    for (const def of FIELDS) {
      for (const label of def.labels) expect(keyForLabel(label), label).toBe(owner.get(normalizeLabel(label)));
      expect(keyForLabel(def.labels[0]!), def.labels[0]).toBe(def.key);
    }
  });

  it.each([
    ['*拘留时间：', 'detention.startAt'],
    ['拘 留 时 间:', 'detention.startAt'],
    ['保证金（元）', 'bail.depositAmount'],
    ['罚款金额(元)：', 'penalty.fineAmount'],
    ['＊通知家属时间：', 'detention.familyNotifiedAt'],
    ['讯（询）问人', 'interrogation.interrogators'],
    ['身份证号码', 'suspect.idNumber'],
    ['　案号　', 'case.number'],
  ])('%s → %s', (label, key) => expect(keyForLabel(label)).toBe(key));

  it('does not match longer texts or unrelated words', () => {
    expect(keyForLabel('拘留时间应在二十四小时内')).toBeUndefined();
    expect(keyForLabel('备注')).toBeUndefined();
  });
});

describe('site profiles', () => {
  it('picks the profile whose URL pattern matches; a broken pattern matches nothing', async () => {
    const { profileFor } = await import('../../lib/page/read');
    const profiles = [
      { id: 'broken', urlPattern: '(', fields: [] },
      { id: 'jz', urlPattern: '^http://10\\.1\\.2\\.3:8080/jz/', fields: [{ key: 'detention.startAt', selector: '#jlsj' }] },
    ];
    expect(profileFor('http://10.1.2.3:8080/jz/case?id=1', profiles)?.id).toBe('jz');
    expect(profileFor('http://10.1.2.4:8080/jz/case', profiles)).toBeUndefined();
  });
});

describe('label variants (#18.1)', () => {
  it.each([
    ['刑事拘留时间', 'detention.startAt'],
    ['家属通知时间', 'detention.familyNotifiedAt'],
    ['通知被拘留人家属时间', 'detention.familyNotifiedAt'],
    ['送看守所羁押时间', 'detention.custodyAt'],
    ['交付看守所羁押时间：', 'detention.custodyAt'],
    ['提请逮捕时间', 'detention.arrestRequestedAt'],
    ['报捕日期', 'detention.arrestRequestedAt'],
    ['拘留时间（24小时制）', 'detention.startAt'],
    ['拘留执行时刻', 'detention.startAt'],
    ['首次审讯时间', 'detention.firstInterrogationAt'],
    ['取保开始日期', 'bail.startDate'],
    ['取保候审起始时间', 'bail.startDate'],
    ['监居截止日期', 'surveillance.endDate'],
    ['犯罪嫌疑人身份证号码', 'suspect.idNumber'],
    ['居民身份证号码', 'suspect.idNumber'],
    ['治安案件受案时间', undefined], // 治安 then 案件受案: not a prefix of a known label — left unmapped
    ['实际到案时间', 'summons.arrivedAt'],
  ])('%s → %s', (label, key) => expect(keyForLabel(label)).toBe(key));

  it('says how a label was matched', () => {
    expect(matchLabel('拘留时间')).toEqual({ key: 'detention.startAt', how: 'exact' });
    expect(matchLabel('刑事拘留时间')).toEqual({ key: 'detention.startAt', how: 'variant' });
  });

  // Labels of fields no rule reads, from the forms of case systems, population and document registers:
  // none may map to a rule field (a wrong mapping is worse than none).
  const UNRELATED = `联系电话 手机号码 固定电话 电子邮箱 户籍地址 户籍所在地 现住址 居住地址 工作单位 单位地址 职业 职务
    文化程度 民族 国籍 政治面貌 婚姻状况 宗教信仰 血型 身高 体重 体貌特征 口音 特殊标记 别名 曾用名 绰号 英文名
    籍贯 出生地 护照号码 驾驶证号 车牌号码 车辆型号 车身颜色 发动机号 银行账号 开户行 微信号 QQ号 网名
    文书编号 文书名称 文书类型 文号 填表人 填表时间 填表日期 制作人 制作时间 审核意见 审批意见 审核人 审批人 领导批示
    批示日期 备注 附件 附件数量 录入人 录入时间 修改人 修改时间 创建时间 更新时间 打印时间 打印次数 归档时间 归档人
    报案人姓名 报案人电话 报案人地址 报案方式 报案人身份证号 被害人姓名 被害人电话 证人姓名 证人住址 见证人电话
    损失金额 涉案金额 赃款赃物 物品名称 物品数量 物品特征 物品价值 规格型号 存放位置 保管人 保管期限 处理结果
    处理意见 处理人 案件来源 案件状态 案件标签 案件名称 简要案情 作案手段 作案工具 作案地点 发案地点 发现时间
    出警时间 到达现场时间 出警人员 接警员 警情编号 警情类别 报警电话 回访时间 回访人 回访结果 满意度
    鉴定机构 鉴定意见 鉴定人 检验项目 送检人 检材名称 样本编号 照片 视频编号 笔录页数 笔录类型 记录人 翻译人员
    监护人姓名 监护人电话 监护人关系 家庭住址 家庭成员 紧急联系人 健康状况 体检结果 体检医生 医院名称 诊断结果
    羁押场所名称 监室号 床位号 看守所名称 所长签字 值班民警 交接班时间 考勤时间 警号 警衔 部门名称 科室
    经办人 复核人 签收人 签收时间 退回原因 督办时间 督办人 整改期限 整改情况 考评得分 扣分原因 评查结果
    系统编号 数据来源 同步状态 版本号 操作类型 操作时间 操作人 IP地址 登录账号 页码 序号 排序`;
  const labels = UNRELATED.split(/\s+/).filter(Boolean);
  it(`has at least 150 unrelated labels (${labels.length})`, () => expect(labels.length).toBeGreaterThanOrEqual(150));
  it('maps none of them to a rule field', () => {
    expect(labels.filter((l) => keyForLabel(l)).map((l) => `${l} → ${keyForLabel(l)}`)).toEqual([]);
  });
});

describe('generic labels read with their section (#18.1)', () => {
  it.each([
    ['执行时间', '拘留执行', 'detention.startAt'],
    ['执行时间', '拘留执行信息', 'detention.startAt'],
    ['通知时间', '通知家属情况', 'detention.familyNotifiedAt'],
    ['开始日期', '取保候审', 'bail.startDate'],
    ['截止日期', '监视居住', 'surveillance.endDate'],
    ['执行时间', '逮捕', 'arrest.executedAt'],
    ['执行时间', '填表信息', undefined],
    ['联系电话', '拘留执行', undefined],
    ['填表时间', '拘留执行', undefined],
    ['通知时间', undefined, undefined],
  ])('%s under %s → %s', (label, section, key) => {
    const m = matchLabelIn(label, () => section ?? null);
    expect(m?.key).toBe(key);
    if (key) expect(m?.how).toBe('section');
  });
  it('a label that names a field alone keeps it, whatever the section', () => {
    expect(matchLabelIn('送押时间', () => '取保候审')).toEqual({ key: 'detention.custodyAt', how: 'exact' });
  });
});

describe('candidates for a label no field answers to (#18.4)', () => {
  it.each([
    ['拘留执行日期时间', '2024-03-05 14:30', 'detention.startAt'],
    ['家属通知日', '2024-03-06', 'detention.familyNotifiedAt'],
    ['取保开始', '2024-03-20', 'bail.startDate'],
    ['罚款数额合计', '500', 'penalty.fineAmount'],
  ])('%s (value %s) offers %s among the first three', (label, value, key) => {
    expect(candidatesFor(label, value).map((c) => c.key)).toContain(key);
  });

  it('offers choices, never a mapping: a label with nothing in common gets none', () => {
    expect(candidatesFor('字段01', '2024-03-05 14:30')).toEqual([]);
    expect(keyForLabel('拘留执行日期时间')).toBeUndefined();
  });

  it('at most three, best first', () => {
    const c = candidatesFor('通知时间', '2024-03-06 10:00');
    expect(c.length).toBeLessThanOrEqual(3);
    expect([...c].sort((a, b) => b.score - a.score)).toEqual(c);
  });
});
