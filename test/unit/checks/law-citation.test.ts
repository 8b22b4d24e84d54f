import lawCitation from '../../../rules/checks/law-citation';
import { checkTester } from '../check-tester';

const p = { field: 'penalty.basis' };

checkTester(lawCitation, {
  valid: [
    { name: '书名号与条款', params: p, fields: { 'penalty.basis': '《中华人民共和国治安管理处罚法》第二十六条第（四）项' } },
    { name: '阿拉伯数字条号', params: p, fields: { 'penalty.basis': '依据治安管理处罚法第43条' } },
    { name: '规定与条款', params: p, fields: { 'penalty.basis': '公安机关办理行政案件程序规定第一百二十三条' } },
  ],
  invalid: [
    { name: '只写法律名称', params: p, fields: { 'penalty.basis': '依据《治安管理处罚法》' }, messageId: 'noArticle' },
    { name: '只写条号', params: p, fields: { 'penalty.basis': '第四十三条' }, messageId: 'noLaw' },
    { name: '未填', params: p, fields: { 'penalty.basis': '' }, messageId: 'missing' },
  ],
});
