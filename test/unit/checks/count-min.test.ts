import countMin from '../../../rules/checks/count-min';
import { checkTester } from '../check-tester';

const two = { field: 'interrogation.interrogators', min: 2 };

checkTester(countMin, {
  valid: [
    { name: '顿号分隔二人', params: two, fields: { 'interrogation.interrogators': '王伟、张磊' } },
    { name: '空格分隔三人', params: two, fields: { 'interrogation.interrogators': '王伟 张磊 刘洋' } },
    { name: '全角逗号', params: two, fields: { 'interrogation.interrogators': '王伟，张磊' } },
  ],
  invalid: [
    { name: '一人', params: two, fields: { 'interrogation.interrogators': '王伟' }, messageId: 'tooFew', data: { count: 1, names: '王伟' } },
    { name: '同一人写两遍', params: two, fields: { 'interrogation.interrogators': '王伟、王伟' }, messageId: 'tooFew', data: { count: 1 } },
    { name: '未填', params: two, fields: { 'interrogation.interrogators': '' }, messageId: 'tooFew', data: { count: 0, names: '未填写' } },
    { name: '第二次讯问一人', params: two, fields: { 'interrogation.interrogators': ['王伟、张磊', '王伟'] }, messageId: 'tooFew', row: 1 },
  ],
});
