/** Authorization-matrix scenarios of the target directory's operations (lib/auth/authorization-matrix.test.ts). */
import type { AuthorizationScenarios } from '@/lib/auth/authorization-scenario';
import { insertTarget, targetForm } from '@/lib/letters/test-fixtures';

const header = 'key,kind,name_en,represents_country,host_country,city,address_lines,salutation_en,salutation_ko,salutation_zh,preferred_languages';

export const scenarios: AuthorizationScenarios = {
  'targets.list': { input: () => ({}) },
  'targets.create': { input: () => targetForm() },
  'targets.update': { prepare: () => insertTarget(), input: (_caller, targetId) => ({ ...targetForm(), targetId }) },
  'targets.import': {
    input: () => {
      const target = targetForm();
      const row = [target.key, 'embassy', 'Embassy of Testland', 'CN', 'CA', 'Ottawa', '"1 Test Street\nOttawa"', 'Your Excellency,', '대사님께', '尊敬的大使阁下：', 'en'];
      return { csv: `${header}\n${row.map((cell) => (cell.includes(',') && !cell.startsWith('"') ? `"${cell}"` : cell)).join(',')}\n` };
    },
  },
  'targets.export': { input: () => ({}) },
};
