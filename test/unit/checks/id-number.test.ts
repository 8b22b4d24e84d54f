import idNumber from '../../../rules/checks/id-number';
import { checkTester } from '../check-tester';

const p = { field: 'suspect.idNumber', birthDate: 'suspect.birthDate', gender: 'suspect.gender' };

checkTester(idNumber, {
  valid: [
    { name: '男，与出生日期一致', params: p, fields: { 'suspect.idNumber': '320102198503120012', 'suspect.birthDate': '1985年3月12日', 'suspect.gender': '男' } },
    { name: '校验码X（小写也可）', params: p, fields: { 'suspect.idNumber': '11010519510101001x' } },
    { name: '全角数字', params: p, fields: { 'suspect.idNumber': '１１０１０５１９９００５０１００３４' } },
    { name: '未填', params: p, fields: { 'suspect.idNumber': '' } },
  ],
  invalid: [
    { name: '15位旧号码', params: p, fields: { 'suspect.idNumber': '320102850312001' }, messageId: 'length' },
    { name: '省级代码无效', params: p, fields: { 'suspect.idNumber': '990102198503120012' }, messageId: 'region' },
    { name: '出生日期2月30日', params: p, fields: { 'suspect.idNumber': '320102198502300012' }, messageId: 'date' },
    { name: '校验码错误', params: p, fields: { 'suspect.idNumber': '320102198503120013' }, messageId: 'checksum', data: { expected: '2' } },
    { name: '出生日期不一致', params: p, fields: { 'suspect.idNumber': '320102198503120012', 'suspect.birthDate': '1985-03-13' }, messageId: 'birthMismatch' },
    { name: '性别不一致', params: p, fields: { 'suspect.idNumber': '320102198503120020', 'suspect.gender': '男' }, messageId: 'genderMismatch', data: { idGender: '女' } },
  ],
});
