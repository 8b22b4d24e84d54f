import { RuleDocs } from '../../components/RuleDoc';
import { renderLocalized } from '../../components/i18n';
import { loadConfig } from '../../lib/config/store';

// The pack in force (built-in, imported or pushed by policy).
void loadConfig().then((config) => renderLocalized(<RuleDocs pack={config.pack} />, document.getElementById('app')!));
